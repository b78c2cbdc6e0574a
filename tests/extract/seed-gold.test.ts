/** Scores the extractor against ../shared/gold/seed.json and requires all of it. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runExtract } from "../../src/cli/extract.js";
import { extract, validateDocumentGraph } from "../../src/extract/index.js";
import type { DocEvent, DocumentGraph, Entity } from "../../src/extract/types.js";
import { normaliseArabic } from "../../src/text/normalise.js";
import { seedFile, sharedDir } from "./helpers.js";

const goldPath = path.join(sharedDir, "gold", "seed.json");
const gold = JSON.parse(readFileSync(goldPath, "utf8"));
const text = readFileSync(seedFile, "utf8");
const meta = JSON.parse(readFileSync(seedFile.replace(".ar.txt", ".meta.json"), "utf8"));
const g: DocumentGraph = extract(text, { id: meta.id, source: meta.source, publishedAt: meta.publishedAt });

const N = (s: string) => normaliseArabic(s);
const COUNTRY: Record<string, string> = {
  Armenia: "country:am",
  Azerbaijan: "country:az",
  Russia: "country:ru",
  Turkey: "country:tr",
  France: "country:fr",
  "United States": "country:us",
};
const ROLE: Record<string, string> = {
  president: "president",
  "prime minister": "prime minister",
  spokesperson: "spokesperson",
  "foreign minister": "foreign minister",
  "defence minister": "defence minister",
  "first deputy defence minister": "first deputy defence minister",
};
const ORG: Record<string, string> = {
  "az-mod": "org:az:mod",
  "am-mod": "org:am:mod",
  "nk-mod": "org:place-karabakh:mod",
  "ru-mfa": "org:ru:mfa",
  "ru-mod": "org:ru:mod",
  "am-nsc": "org:am:nsc",
  "minsk-group": "org:osce:minsk-group",
  osce: "org:osce",
};

const surfaces = (e: Entity) => new Set([e.name, ...e.aliases, ...e.mentions.map((m) => m.text ?? "")].map(N));
const personByKey = new Map<string, Entity>();
for (const p of gold.persons) {
  const hit = g.entities.find((e) => e.kind === "Person" && p.names.some((n: string) => surfaces(e).has(N(n))));
  if (hit) personByKey.set(p.key, hit);
}
for (const u of gold.unnamed_officials) {
  const hit = g.entities.find(
    (e) =>
      e.kind === "Person" &&
      e.unnamed &&
      e.positions.some((p) => p.titleEn === u.role && p.country === COUNTRY[u.country]),
  );
  if (hit) personByKey.set(u.key, hit);
}
/** entity ids that stand for a gold key (a press office stands for its ministry) */
const idsFor = (key: string): string[] => {
  const p = personByKey.get(key);
  if (p) return [p.id];
  if (ORG[key]) return [ORG[key], ...g.entities.filter((e) => e.parent === ORG[key]).map((e) => e.id)];
  return [];
};
const evidenceHas = (e: DocEvent, anchor: string) =>
  e.evidence.some((x) => x.text.includes(anchor) && text.slice(x.start, x.end) === x.text);
const speakerOf = (e: DocEvent) => e.participants.find((p) => p.role === "speaker" || p.role === "claimant")?.entity;

describe("seed article against gold/seed.json", () => {
  it("produces a schema-valid graph with exact evidence substrings", () => {
    expect(validateDocumentGraph(g)).toEqual({ ok: true });
    for (const s of g.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const e of g.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const ev of g.events) for (const x of ev.evidence) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it("finds the 13 named people with office and country", () => {
    for (const p of gold.persons) {
      const e = personByKey.get(p.key);
      expect(e, p.key).toBeDefined();
      expect(e?.unnamed).toBe(false);
      expect(e?.nameEn, p.key).toBe(p.en);
      expect(e?.country, p.key).toBe(COUNTRY[p.country]);
      expect(
        e?.positions.some((x) => x.titleEn === ROLE[p.role] && x.country === COUNTRY[p.country]),
        `${p.key} ${JSON.stringify(e?.positions)}`,
      ).toBe(true);
    }
    expect(g.entities.filter((e) => e.kind === "Person" && !e.unnamed).length).toBe(13);
  });

  it("finds the unnamed first deputy defence minister of Armenia", () => {
    const e = personByKey.get("first-deputy-defmin-am");
    expect(e?.id).toBe("person:unnamed:first-deputy-defence-minister:am");
    expect(e?.mentions.some((m) => m.text === gold.unnamed_officials[0].anchor)).toBe(true);
  });

  it("finds the organisations", () => {
    for (const o of gold.organizations) {
      const e = g.entities.find((x) => x.id === ORG[o.key]);
      expect(e, o.key).toBeDefined();
      expect(
        o.names.some((n: string) => surfaces(e as Entity).has(N(n))),
        `${o.key}: ${[...surfaces(e as Entity)]}`,
      ).toBe(true);
      expect(e?.country ?? null).toBe(o.country ? COUNTRY[o.country] : null);
    }
    expect(g.entities.find((e) => e.id === "org:osce:minsk-group")?.parent).toBe("org:osce");
    expect(g.entities.find((e) => e.id === "org:az:mod:press-office")?.parent).toBe("org:az:mod");
  });

  it("finds the 6 countries and 5 places", () => {
    const countries = g.entities.filter((e) => e.kind === "Country" && e.mentions.length > 0).map((e) => e.nameEn);
    expect(new Set(countries)).toEqual(new Set(gold.countries));
    for (const p of gold.places) {
      const e = g.entities.find((x) => x.kind === "Place" && p.names.some((n: string) => surfaces(x).has(N(n))));
      expect(e, p.key).toBeDefined();
    }
    expect(g.entities.filter((e) => e.kind === "Place").length).toBe(5);
  });

  it("finds exactly the 5 directed phone calls", () => {
    const calls = g.events.filter((e) => e.kind === "PhoneCall");
    expect(calls.length).toBe(gold.calls.length);
    for (const c of gold.calls) {
      const hit = calls.find(
        (e) =>
          e.directed === true &&
          e.participants.find((p) => p.role === "caller")?.entity === idsFor(c.caller)[0] &&
          e.participants.find((p) => p.role === "callee")?.entity === idsFor(c.callee)[0],
      );
      expect(hit, `${c.caller}->${c.callee}`).toBeDefined();
      expect(evidenceHas(hit as DocEvent, c.anchor)).toBe(true);
      expect(hit?.cameo).toBe("041");
    }
    // the second mention of Lavrov's calls is evidence, not new calls
    const lavrov = calls.filter((e) => e.participants.some((p) => p.entity === idsFor("lavrov")[0]));
    expect(lavrov.every((e) => e.evidence.some((x) => x.text.includes("تحادث لافروف")))).toBe(true);
  });

  it("finds the 12 statements with their speakers", () => {
    const st = g.events.filter((e) => e.kind === "Statement");
    for (const s of gold.statements) {
      const hit = st.find((e) => idsFor(s.speaker).includes(speakerOf(e) ?? "") && evidenceHas(e, s.anchor));
      expect(hit, `${s.speaker}: ${s.anchor}`).toBeDefined();
      expect(hit?.cameo).toBe("010");
    }
  });

  it("finds the 3 appeals and the condolence", () => {
    for (const a of gold.appeals) {
      const hit = g.events.find(
        (e) => e.kind === "Appeal" && idsFor(a.by).includes(speakerOf(e) ?? "") && evidenceHas(e, a.anchor),
      );
      expect(hit, a.by).toBeDefined();
      expect(hit?.cameo).toBe("0256");
    }
    for (const c of gold.condolences) {
      const hit = g.events.find(
        (e) =>
          e.kind === "Condolence" &&
          speakerOf(e) === idsFor(c.by)[0] &&
          e.participants.some((p) => p.role === "addressee" && p.entity === idsFor(c.to)[0]),
      );
      expect(hit).toBeDefined();
      expect(hit?.cameo).toBe("018");
      expect(evidenceHas(hit as DocEvent, c.anchor)).toBe(true);
    }
  });

  it("finds the 4 claims with claimant and numbers", () => {
    const claims = g.events.filter((e) => e.kind === "Claim");
    for (const c of gold.claims) {
      const hit = claims.find((e) => evidenceHas(e, c.anchor));
      expect(hit, c.anchor).toBeDefined();
      const claimant = hit?.participants.find((p) => p.role === "claimant")?.entity ?? "";
      const ok = c.claimant_any.some(
        (k: string) =>
          idsFor(k).includes(claimant) ||
          COUNTRY[k] === claimant ||
          (k === "باكو" && claimant === "country:az") ||
          (k === "أذربيجان" && claimant === "country:az"),
      );
      expect(ok, `${c.anchor} claimant ${claimant}`).toBe(true);
      const values = hit?.quantities.map((q) => q.value) ?? [];
      for (const v of c.values) expect(values, c.anchor).toContain(v);
    }
    const baku = claims.find((e) => evidenceHas(e, "أكثر من 100"));
    expect(baku?.quantities.find((q) => q.value === 100)).toMatchObject({ atLeast: true, side: "country:am" });
    const sarg = claims.find((e) => evidenceHas(e, "نحو 35"));
    expect(sarg?.quantities.find((q) => q.value === 35)).toMatchObject({ approximate: true, what: "wounded" });
  });

  it("dates the ceasefire (1994), the outbreak (1988) and the escalation (1–2 April 2016)", () => {
    for (const d of gold.dated_events) {
      const want = d.year ? String(d.year) : d.date;
      const hit = g.events.find((e) => e.date === want && evidenceHas(e, d.anchor));
      expect(hit, d.what).toBeDefined();
      expect(hit?.datePrecision).toBe(d.year ? "year" : "interval");
    }
  });

  it("the CLI uses the meta file beside the article", () => {
    const r = runExtract(seedFile, { json: true });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out as string);
    expect(out.document).toMatchObject({ id: "karabakh-2016-04-02", source: "agencies", publishedAt: "2016-04-02" });
    expect(runExtract(seedFile, {}).out).toMatch(/PhoneCall/);
  });

  it("gold file is where CI puts it", () => {
    expect(existsSync(goldPath)).toBe(true);
  });
});

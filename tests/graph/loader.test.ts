import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/config.js";
import { extract, loadLexicon } from "../../src/extract/index.js";
import type { DocumentGraph } from "../../src/extract/types.js";
import type { Graph } from "../../src/graph/driver.js";
import { nameKey, positionId } from "../../src/graph/identity.js";
import { DocumentGraphInvalidError, InjectedFailure, loadDocument } from "../../src/graph/loader.js";
import { evidenceOfEvents } from "../../src/graph/queries/events.js";
import { readMeta, seedFiles } from "../../src/ingest/files.js";
import { graphCounts, useTestGraph } from "../support/graph.js";

/** Expectations come from the gold file and from the document graph the extractor produced — never from
 * the loader's own output. */

interface Gold {
  persons: { key: string; names: string[]; en: string; role: string; country: string }[];
  organizations: { key: string; names: string[]; country: string | null }[];
  unnamed_officials: { key: string; anchor: string }[];
  calls: { caller: string; callee: string; anchor: string }[];
  statements: { speaker: string; anchor: string }[];
  claims: { claimant_any: string[]; values: number[]; anchor: string }[];
}

const gold = JSON.parse(fs.readFileSync(path.resolve(repoRoot, "../shared/gold/seed.json"), "utf8")) as Gold;
const seedFile = seedFiles()[0] as string;
const seedText = fs.readFileSync(seedFile, "utf8");

async function totals(graph: Graph): Promise<{ nodes: number; rels: number }> {
  const res = await graph.read(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
  );
  return { nodes: res.records[0]?.get("nodes"), rels: res.records[0]?.get("rels") };
}

describe("loading the seed article", () => {
  const ctx = useTestGraph();
  let doc: DocumentGraph;
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await ctx.graph.read(cypher, params)).records.map((r) => r.toObject());
  /** The actor ids a gold key, an actor name or an English name resolves to, through the exact-name index. */
  const idsNamed = async (names: string[]): Promise<string[]> =>
    (
      await q("UNWIND $keys AS k MATCH (:Name {key: k})<-[:NAMED]-(a) RETURN DISTINCT a.id AS id", {
        keys: names.map(nameKey),
      })
    ).map((r) => r.id as string);
  const goldNames = (key: string): string[] => {
    const p = gold.persons.find((x) => x.key === key);
    if (p) return [p.en, ...p.names];
    const unnamed = gold.unnamed_officials.find((u) => u.key === key);
    if (unnamed) return [unnamed.anchor];
    return gold.organizations.find((o) => o.key === key)?.names ?? [key];
  };

  beforeAll(async () => {
    doc = extract(seedText, readMeta(seedFile), loadLexicon());
    const summary = await loadDocument(ctx.graph, doc, { text: seedText });
    expect(summary.articles).toEqual([{ id: doc.document.id, status: "loaded" }]);
    expect(summary.events.created).toBe(doc.events.length);
  });

  it("writes the article, its sentences and one node per entity and event of the document graph", async () => {
    const [article] = await q(
      "MATCH (a:Article {id: $id}) RETURN a.text AS text, a.publishedAt AS p, a.contentHash AS h",
      {
        id: doc.document.id,
      },
    );
    expect(article).toEqual({ text: seedText, p: "2016-04-02", h: doc.document.contentHash });
    const counts = await graphCounts(ctx.graph);
    expect(counts.nodes.Sentence).toBe(doc.sentences.length);
    expect(counts.nodes.Event).toBe(doc.events.length);
    const ids = new Set(doc.entities.map((e) => e.id));
    expect((counts.nodes.Actor ?? 0) + (counts.nodes.Place ?? 0)).toBe(ids.size);
    for (const kind of ["Person", "Organization", "Country", "Place"] as const) {
      expect(counts.nodes[kind] ?? 0, kind).toBe(doc.entities.filter((e) => e.kind === kind).length);
    }
    const evidence = new Set(
      doc.events.flatMap((e) => e.evidence.map((v) => `${e.id}|${v.sentence}|${v.start}|${v.end}`)),
    );
    expect(counts.rels.EVIDENCED_BY).toBe(evidence.size);
    const mentions = new Set(doc.entities.flatMap((e) => e.mentions.map((m) => `${e.id}|${m.start}|${m.end}`)));
    expect(counts.rels.MENTIONED_IN).toBe(mentions.size);
  });

  it("writes every office of the document graph: HOLDS (with dates), IN its organization, FOR its country", async () => {
    for (const e of doc.entities) {
      for (const p of e.positions) {
        const rows = await q(
          `MATCH (x:Actor {id: $id})-[h:HOLDS]->(pos:Position {id: $pos})
           RETURN h.validFrom AS from, h.validTo AS to, pos.title AS title,
                  [(pos)-[:IN]->(o) | o.id] AS orgs, [(pos)-[:FOR]->(c) | c.id] AS countries`,
          { id: e.id, pos: positionId(p) },
        );
        expect(rows, `${e.id} ${p.title}`).toHaveLength(1);
        expect(rows[0]?.from ?? null).toBe(p.validFrom ?? null);
        expect(rows[0]?.to ?? null).toBe(p.validTo ?? null);
        const orgs = doc.entities.some((x) => x.id === p.organization) ? [p.organization] : [];
        expect(rows[0]?.orgs).toEqual(orgs);
        expect(rows[0]?.countries).toEqual(p.country ? [p.country] : []);
      }
    }
  });

  it("has the gold people, with their office and country", async () => {
    for (const p of gold.persons) {
      const ids = await idsNamed([p.en]);
      expect(ids, p.en).toHaveLength(1);
      const [row] = await q(
        `MATCH (x:Person {id: $id})
         RETURN x.nameEn AS en, [(x)-[:OF_COUNTRY]->(c:Country) | c.nameEn] AS countries,
                [(x)-[:HOLDS]->(pos:Position) | pos.titleEn] AS titles`,
        { id: ids[0] },
      );
      expect(row?.en).toBe(p.en);
      expect(row?.countries, p.en).toEqual([p.country]);
      // British and American spellings of "defence" both count.
      expect(
        ((row?.titles ?? []) as string[]).some((t) => t.replace("defense", "defence").includes(p.role)),
        `${p.en}: ${row?.titles}`,
      ).toBe(true);
      // Every Arabic spelling in the gold, and the family name alone, finds the same node.
      expect(await idsNamed(p.names), p.en).toEqual(ids);
    }
  });

  it("has the five phone calls with direction, as CALLED and as PhoneCall events", async () => {
    const en = (key: string) => gold.persons.find((p) => p.key === key)?.en;
    const expected = gold.calls.map((c) => ({ caller: en(c.caller), callee: en(c.callee), directed: true }));
    const called = await q(
      "MATCH (a:Person)-[c:CALLED]->(b:Person) RETURN a.nameEn AS caller, b.nameEn AS callee, c.directed AS directed",
    );
    expect(called).toHaveLength(5);
    expect(called).toEqual(expect.arrayContaining(expected));
    const events = await q(
      `MATCH (e:PhoneCall)-[:CALLER]->(a), (e)-[:CALLEE]->(b)
       RETURN a.nameEn AS caller, b.nameEn AS callee, e.directed AS directed, e.cameo AS cameo`,
    );
    expect(events).toHaveLength(5);
    expect(events).toEqual(expect.arrayContaining(expected.map((e) => ({ ...e, cameo: "041" }))));
  });

  it("has the gold statements with their speakers, each evidenced by the anchor's sentence", async () => {
    const statements = doc.events.filter((e) => e.kind === "Statement").length;
    expect((await q("MATCH (e:Statement) RETURN count(e) AS c"))[0]?.c).toBe(statements);
    for (const s of gold.statements) {
      const speakers = await idsNamed(goldNames(s.speaker));
      const rows = await q(
        `MATCH (e:Statement)-[:SPEAKER]->()-[:PART_OF*0..2]->(x), (e)-[:EVIDENCED_BY]->(s:Sentence)
         WHERE x.id IN $speakers AND s.text CONTAINS $anchor RETURN e.id AS id`,
        { speakers, anchor: s.anchor },
      );
      expect(rows.length, `${s.speaker}: ${s.anchor}`).toBeGreaterThan(0);
    }
  });

  it("has the four casualty claims with claimant and numbers", async () => {
    for (const c of gold.claims) {
      const claimants = await idsNamed(c.claimant_any.flatMap(goldNames));
      const rows = await q(
        `MATCH (e:Claim)-[:CLAIMANT]->()-[:PART_OF*0..2]->(x), (e)-[:EVIDENCED_BY]->(s:Sentence)
         WHERE x.id IN $claimants AND s.text CONTAINS $anchor
         RETURN [(e)-[:HAS_QUANTITY]->(qq:Quantity) | qq.value] AS values`,
        { claimants, anchor: c.anchor },
      );
      const values = rows.flatMap((r) => r.values as number[]);
      expect(values, c.anchor).toEqual(expect.arrayContaining(c.values));
    }
  });

  it("links every event to evidence whose text is the article's text at its offsets", async () => {
    expect((await q("MATCH (e:Event) WHERE NOT (e)-[:EVIDENCED_BY]->() RETURN count(e) AS c"))[0]?.c).toBe(0);
    const ids = (await q("MATCH (e:Event) RETURN e.id AS id")).map((r) => r.id as string);
    const evidence = await evidenceOfEvents(ctx.graph, ids);
    const rows = [...evidence.values()].flat();
    expect(rows.length).toBeGreaterThanOrEqual(ids.length);
    for (const r of rows) {
      expect(r.articleId).toBe(doc.document.id);
      expect(r.text.length).toBeGreaterThan(0);
      expect(seedText.slice(r.start, r.end)).toBe(r.text);
    }
    // what the extractor gave as evidence is what reads back (stored or taken from the sentence)
    const given = doc.events.flatMap((e) => e.evidence.map((v) => `${v.start}:${v.end}:${v.text}`));
    expect(new Set(rows.map((r) => `${r.start}:${r.end}:${r.text}`))).toEqual(new Set(given));
  });

  it("stores an evidence span that is not a whole sentence with its own offsets and text", async () => {
    const text = "اتصل وزير الخارجية الأمريكي جون كيري بنظيره الروسي سيرغي لافروف. وبحثا الوضع.";
    const part = structuredClone(extract(text, { id: "partial-evidence", publishedAt: "2021-03-04" }));
    const call = part.events.find((e) => e.kind === "PhoneCall");
    expect(call).toBeDefined();
    const span = { sentence: 0, start: 5, end: 33, text: text.slice(5, 33) };
    (call as (typeof part.events)[number]).evidence = [span];
    await loadDocument(ctx.graph, part, { text });
    const ids = (
      await q("MATCH (e:Event)-[:EVIDENCED_BY]->(:Sentence {id: 'partial-evidence#0'}) RETURN e.id AS id")
    ).map((r) => r.id as string);
    const read = [...(await evidenceOfEvents(ctx.graph, ids)).values()].flat();
    expect(read).toContainEqual(expect.objectContaining({ start: 5, end: 33, text: span.text }));
  });

  it("loading the same article again changes nothing; --force replaces it with identical counts", async () => {
    const before = await graphCounts(ctx.graph);
    const again = await loadDocument(ctx.graph, doc, { text: seedText });
    expect(again.articles).toEqual([{ id: doc.document.id, status: "skipped", reason: "already loaded" }]);
    expect(again.counters.nodesCreated + again.counters.relationshipsCreated).toBe(0);
    expect(await graphCounts(ctx.graph)).toEqual(before);
    const forced = await loadDocument(ctx.graph, doc, { text: seedText, force: true });
    expect(forced.articles[0]?.status).toBe("replaced");
    expect(forced.entities.created).toBe(0);
    expect(await graphCounts(ctx.graph)).toEqual(before);
  });

  it("a failure in the middle of an article's transaction leaves nothing of that article", async () => {
    const before = await totals(ctx.graph);
    const other = extract("اتصل الرئيس الروسي فلاديمير بوتين بنظيره الفرنسي إيمانويل ماكرون.", {
      id: "atomicity-probe",
      publishedAt: "2020-01-01",
    });
    // Fail after 1, 2, 3 … statements until the load gets through: every prefix of the transaction is probed.
    let after = 1;
    for (; ; after++) {
      const attempt = await loadDocument(ctx.graph, other, { failAfterStatements: after }).catch((e: unknown) => e);
      if (!(attempt instanceof InjectedFailure)) break;
      expect(await totals(ctx.graph), `failure after ${after} statements`).toEqual(before);
    }
    expect(after).toBeGreaterThan(8);
    expect((await totals(ctx.graph)).nodes).toBeGreaterThan(before.nodes);
    const [gone] = await q("MATCH (a:Article {id: 'atomicity-probe'}) RETURN count(a) AS c");
    expect(gone?.c).toBe(1);
  });

  it("rejects a document graph that breaks the JSON Schema with a clear message, writing nothing", async () => {
    const before = await totals(ctx.graph);
    const broken = structuredClone(doc) as unknown as Record<string, unknown>;
    broken.document = { ...(doc.document as object), id: "broken-doc" };
    (broken.events as Record<string, unknown>[])[0] = { ...(doc.events[0] as object), participants: "nobody" };
    delete (broken as { sentences?: unknown }).sentences;
    const attempt = loadDocument(ctx.graph, broken as unknown as DocumentGraph);
    await expect(attempt).rejects.toBeInstanceOf(DocumentGraphInvalidError);
    await expect(attempt).rejects.toThrow(/broken-doc.*schema/s);
    const err = (await attempt.catch((e: unknown) => e)) as DocumentGraphInvalidError;
    expect(err.errors.join("\n")).toMatch(/sentences/);
    expect(err.errors.join("\n")).toMatch(/participants/);
    expect(await totals(ctx.graph)).toEqual(before);
  });
});

/**
 * Synthetic but realistic document graphs, shaped like the seed's: countries, their ministries and press
 * offices, office holders with positions, unknown and unnamed officials, places; phone calls (directed and
 * not), statements with quotes, claims with casualty numbers, appeals, condolences, clashes, meetings — each
 * with evidence spans and mentions that point into a generated Arabic text. Actor popularity is skewed
 * (a few ministers appear in many articles, as in real news), and some events are reported by two articles
 * on the same day, so identity and cross-article merging are exercised as well as raw write speed.
 *
 * Deterministic for a given seed. Used by bench/load.ts (and reusable by later benchmarks).
 */
import { createHash } from "node:crypto";
import { newEntity } from "../src/extract/entity.js";
import type { DocEvent, DocumentGraph, Entity, EventKind } from "../src/extract/types.js";

export interface GeneratedArticle {
  doc: DocumentGraph;
  text: string;
}

export interface CorpusOptions {
  articles: number;
  /** events per article on average (the seed has ~40) */
  eventsPerArticle?: number;
  countries?: number;
  peoplePerCountry?: number;
  seed?: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "سي",
  "رغ",
  "لا",
  "فرو",
  "ما",
  "ري",
  "نا",
  "دي",
  "كو",
  "زا",
  "خا",
  "رو",
  "بي",
  "تي",
  "غا",
  "سو",
  "لي",
  "مي",
  "ني",
  "ها",
  "را",
  "دو",
  "كا",
  "يف",
  "وف",
  "يان",
  "وغلو",
  "ستا",
];
const LATIN = [
  "ser",
  "gey",
  "la",
  "vrov",
  "ma",
  "ri",
  "na",
  "di",
  "ko",
  "za",
  "kha",
  "ro",
  "bi",
  "ti",
  "ga",
  "so",
  "li",
  "mi",
  "ni",
  "ha",
  "ra",
  "do",
  "ka",
  "yev",
  "ov",
  "yan",
  "oglu",
  "sta",
];
const OFFICES = [
  { key: "president", ar: "الرئيس", en: "president", org: "presidency", orgAr: "الرئاسة", orgEn: "Presidency" },
  {
    key: "prime-minister",
    ar: "رئيس الوزراء",
    en: "prime minister",
    org: "government",
    orgAr: "الحكومة",
    orgEn: "Government",
  },
  {
    key: "foreign-minister",
    ar: "وزير الخارجية",
    en: "foreign minister",
    org: "mfa",
    orgAr: "وزارة الخارجية",
    orgEn: "Ministry of Foreign Affairs",
  },
  {
    key: "defence-minister",
    ar: "وزير الدفاع",
    en: "defence minister",
    org: "mod",
    orgAr: "وزارة الدفاع",
    orgEn: "Ministry of Defence",
  },
  {
    key: "spokesperson",
    ar: "المتحدث باسم الخارجية",
    en: "spokesperson",
    org: "mfa",
    orgAr: "وزارة الخارجية",
    orgEn: "Ministry of Foreign Affairs",
  },
  {
    key: "interior-minister",
    ar: "وزير الداخلية",
    en: "interior minister",
    org: "moi",
    orgAr: "وزارة الداخلية",
    orgEn: "Ministry of Interior",
  },
];
const QUOTES = [
  "نرفض التصعيد",
  "الوضع خطير للغاية",
  "ندعو إلى الحوار",
  "لن نتخلى عن أرضنا",
  "نحن مستعدون للتفاوض",
  "الهجوم غير مقبول",
];
const WHAT = ["killed", "wounded", "tanks", "artillery", "helicopters", "soldiers"];

interface World {
  countries: Entity[];
  orgs: Entity[];
  people: Entity[];
  places: Entity[];
  orgsOf: Map<string, Entity[]>;
  peopleOf: Map<string, Entity[]>;
}

function name(r: () => number, parts: number): { ar: string; en: string } {
  const ar: string[] = [];
  const en: string[] = [];
  for (let p = 0; p < parts; p++) {
    let a = "";
    let e = "";
    const n = 2 + Math.floor(r() * 2);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(r() * SYLLABLES.length);
      a += SYLLABLES[k];
      e += LATIN[k];
    }
    ar.push(a);
    en.push(e.charAt(0).toUpperCase() + e.slice(1));
  }
  return { ar: ar.join(" "), en: en.join(" ") };
}

const entity = newEntity;

export function buildWorld(opts: { countries?: number; peoplePerCountry?: number; seed?: number } = {}): World {
  const r = rng((opts.seed ?? 1) * 7919);
  const world: World = { countries: [], orgs: [], people: [], places: [], orgsOf: new Map(), peopleOf: new Map() };
  const nCountries = opts.countries ?? 60;
  for (let c = 0; c < nCountries; c++) {
    const iso = `${String.fromCharCode(97 + (c % 26))}${String.fromCharCode(97 + Math.floor(c / 26))}`;
    const n = name(r, 1);
    const cid = `country:${iso}`;
    world.countries.push(
      entity(cid, "Country", `${n.ar}ستان`, { nameEn: `${n.en}stan`, iso2: iso.toUpperCase(), aliases: [`${n.ar}ي`] }),
    );
    const orgs: Entity[] = [];
    for (const o of new Map(OFFICES.map((x) => [x.org, x])).values()) {
      const org = entity(`org:${iso}:${o.org}`, "Organization", `${o.orgAr} ${n.ar}ستان`, {
        nameEn: `${o.orgEn} of ${n.en}stan`,
        country: cid,
      });
      orgs.push(org);
      if (o.org === "mfa" || o.org === "mod") {
        orgs.push(
          entity(`org:${iso}:${o.org}:press-office`, "Organization", `المكتب الصحفي ل${o.orgAr} ${n.ar}ستان`, {
            country: cid,
            parent: org.id,
          }),
        );
      }
    }
    world.orgs.push(...orgs);
    world.orgsOf.set(cid, orgs);
    const people: Entity[] = [];
    for (let p = 0; p < (opts.peoplePerCountry ?? 30); p++) {
      const office = OFFICES[p % OFFICES.length] as (typeof OFFICES)[number];
      const nm = name(r, 2);
      const family = nm.ar.split(" ")[1] as string;
      const from = `${2000 + Math.floor(r() * 20)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
      people.push(
        entity(`person:${nm.en.toLowerCase().replace(/\s+/g, "-")}-${iso}`, "Person", nm.ar, {
          nameEn: nm.en,
          aliases: [family],
          country: cid,
          positions: [
            {
              title: office.ar,
              titleEn: office.en,
              organization: `org:${iso}:${office.org}`,
              country: cid,
              validFrom: from,
              validTo: null,
            },
          ],
        }),
      );
    }
    world.people.push(...people);
    world.peopleOf.set(cid, people);
    for (let pl = 0; pl < 3; pl++) {
      const n2 = name(r, 1);
      world.places.push(
        entity(`place:${n2.en.toLowerCase()}-${iso}-${pl}`, "Place", n2.ar, { nameEn: n2.en, country: cid }),
      );
    }
  }
  return world;
}

/** Zipf-ish pick: low indexes are much more popular. */
function pick<T>(r: () => number, list: T[], skew = 1.6): T {
  return list[Math.min(list.length - 1, Math.floor(list.length * r() ** skew))] as T;
}

class Writer {
  text = "";
  sentences: DocumentGraph["sentences"] = [];
  private current: { start: number; parts: string[] } | null = null;
  private offset = 0;
  open(): void {
    this.current = { start: this.offset, parts: [] };
  }
  /** Appends a piece to the open sentence; returns its span. */
  put(s: string): { start: number; end: number } {
    const start = this.offset;
    this.current?.parts.push(s);
    this.offset += s.length;
    return { start, end: this.offset };
  }
  close(): number {
    const c = this.current as { start: number; parts: string[] };
    this.put(".");
    const text = c.parts.join("");
    const index = this.sentences.length;
    this.sentences.push({ index, start: c.start, end: this.offset, text });
    this.text += `${text}\n`;
    this.offset += 1;
    this.current = null;
    return index;
  }
}

export function generateArticle(
  world: World,
  i: number,
  opts: { eventsPerArticle?: number; seed?: number } = {},
): GeneratedArticle {
  const r = rng(((opts.seed ?? 1) * 1_000_003 + i) >>> 0);
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(i / 3) * 86_400_000);
  const publishedAt = day.toISOString().slice(0, 10);
  const id = `synthetic-${String(i).padStart(7, "0")}`;
  const w = new Writer();
  const used = new Map<string, Entity>();
  const mention = (e: Entity, sentence: number, span: { start: number; end: number }) => {
    const cur = used.get(e.id) ?? { ...e, aliases: [...e.aliases], mentions: [] };
    cur.mentions.push({ sentence, start: span.start, end: span.end });
    used.set(e.id, cur);
    return cur.id;
  };
  // A regional story: two or three countries in conflict, a mediator.
  const focus = [pick(r, world.countries), pick(r, world.countries), pick(r, world.countries)];
  const personOf = (c: Entity) => pick(r, world.peopleOf.get(c.id) as Entity[], 1.3);
  const events: DocEvent[] = [];
  const nEvents = Math.max(1, Math.round((opts.eventsPerArticle ?? 25) * (0.6 + r() * 0.8)));
  const kinds: [EventKind, number][] = [
    ["Statement", 0.4],
    ["PhoneCall", 0.2],
    ["Claim", 0.15],
    ["Appeal", 0.1],
    ["Condolence", 0.05],
    ["Clash", 0.05],
    ["Meeting", 0.05],
  ];
  for (let k = 0; k < nEvents; k++) {
    let x = r();
    let kind: EventKind = "Other";
    for (const [kk, p] of kinds) {
      if (x < p) {
        kind = kk;
        break;
      }
      x -= p;
    }
    const a = personOf(focus[k % 3] as Entity);
    const bCountry = focus[(k + 1) % 3] as Entity;
    const b = personOf(bCountry);
    w.open();
    const parts: DocEvent["participants"] = [];
    const quantities: DocEvent["quantities"] = [];
    let quote: string | null = null;
    let directed: boolean | null = null;
    let cameo: string | null = null;
    const at = (e: Entity) => e;
    if (kind === "PhoneCall") {
      directed = r() < 0.8;
      cameo = "041";
      w.put(directed ? "اتصل " : "بحث ");
      const sa = w.put(at(a).name);
      w.put(directed ? " بنظيره " : " و");
      const sb = w.put(b.name);
      w.put(directed ? " هاتفيا" : " هاتفيا الوضع");
      const s = w.close();
      parts.push({ role: "caller", entity: mention(a, s, sa) }, { role: "callee", entity: mention(b, s, sb) });
    } else if (kind === "Statement" || kind === "Appeal") {
      cameo = kind === "Statement" ? "010" : "0256";
      const speaker = r() < 0.15 ? pick(r, world.orgsOf.get(focus[0]?.id as string) as Entity[]) : a;
      w.put(kind === "Statement" ? "وقال " : "ودعا ");
      const ss = w.put(speaker.name);
      quote = kind === "Statement" ? (pick(r, QUOTES) as string) : null;
      w.put(kind === "Statement" ? ' إن "' : " طرفي النزاع إلى ضبط النفس");
      if (quote) w.put(`${quote}"`);
      const s = w.close();
      parts.push({ role: "speaker", entity: mention(speaker, s, ss) });
    } else if (kind === "Claim") {
      const claimant = pick(r, world.orgsOf.get(focus[0]?.id as string) as Entity[]);
      w.put("وأعلنت ");
      const sc = w.put(claimant.name);
      const value = 1 + Math.floor(r() * 300);
      const what = pick(r, WHAT, 1) as string;
      w.put(` مقتل ${value} من قوات `);
      const sd = w.put(bCountry.name);
      const s = w.close();
      parts.push({ role: "claimant", entity: mention(claimant, s, sc) });
      quantities.push({ value, approximate: r() < 0.3, atLeast: r() < 0.2, what, side: mention(bCountry, s, sd) });
    } else if (kind === "Condolence") {
      cameo = "018";
      const sa = w.put(a.name);
      w.put(" يقدم تعازيه إلى ");
      const sb = w.put(b.name);
      const s = w.close();
      parts.push({ role: "speaker", entity: mention(a, s, sa) }, { role: "addressee", entity: mention(b, s, sb) });
    } else {
      cameo = kind === "Clash" ? "194" : kind === "Meeting" ? "036" : null;
      const place = pick(r, world.places);
      w.put("اشتباكات بين ");
      const s1 = w.put((focus[0] as Entity).name);
      w.put(" و");
      const s2 = w.put(bCountry.name);
      w.put(" في ");
      const s3 = w.put(place.name);
      const s = w.close();
      parts.push(
        { role: "party", entity: mention(focus[0] as Entity, s, s1) },
        { role: "party", entity: mention(bCountry, s, s2) },
        { role: "location", entity: mention(place, s, s3) },
      );
    }
    const sentence = w.sentences[w.sentences.length - 1] as DocumentGraph["sentences"][number];
    const dated = r() < 0.2;
    events.push({
      id: `${id}:e${k}`,
      kind,
      cameo,
      participants: parts,
      directed,
      date: dated ? publishedAt : null,
      datePrecision: dated ? "day" : null,
      quote,
      quantities,
      evidence: [{ sentence: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text }],
    });
  }
  // Every referenced country, organization (and its parent) is in the document graph, as the extractor does.
  const add = (eid: string | null | undefined) => {
    if (!eid || used.has(eid)) return;
    const e = [...world.countries, ...world.orgs].find((x) => x.id === eid);
    if (e) {
      used.set(eid, { ...e, mentions: [] });
      add(e.country);
      add(e.parent);
    }
  };
  for (const e of [...used.values()]) {
    add(e.country);
    add(e.parent);
    for (const p of e.positions) {
      add(p.organization);
      add(p.country);
    }
  }
  const text = w.text;
  return {
    doc: {
      document: {
        id,
        language: "ar",
        source: "synthetic",
        publishedAt,
        contentHash: createHash("sha256").update(text).digest("hex"),
      },
      sentences: w.sentences,
      entities: [...used.values()],
      events,
    },
    text,
  };
}

/** A corpus, article by article (lazily, so 100k events do not sit in memory twice). */
export function* generateCorpus(opts: CorpusOptions): Generator<GeneratedArticle> {
  const world = buildWorld(opts);
  for (let i = 0; i < opts.articles; i++) yield generateArticle(world, i, opts);
}

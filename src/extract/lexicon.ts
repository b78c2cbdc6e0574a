/**
 * Stage 3 — the lexicon: YAML world knowledge (seeds/lexicon/*.yaml) plus the country list of
 * i18n-iso-countries, normalised and indexed by first token for longest-match lookup.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { normaliseArabic } from "./normalise.js";

export type LexType =
  | "country"
  | "nisba"
  | "capital"
  | "person"
  | "office"
  | "domain"
  | "domainBare"
  | "unit"
  | "named"
  | "media"
  | "mediaHead"
  | "place"
  | "placeTrigger";

export interface LexEntry {
  tokens: string[];
  type: LexType;
  ref: string;
  surface: string;
  /** office dual / plural forms etc. */
  count?: number;
}

export interface CountryInfo {
  iso2: string;
  id: string;
  en: string;
  ar: string;
}
export interface OfficeHeld {
  office: string;
  country: string | null;
  from: string | null;
  to: string | null;
}
export interface PersonInfo {
  id: string;
  en: string;
  ar: string;
  country: string | null;
  offices: OfficeHeld[];
}
export interface OfficeInfo {
  key: string;
  en: string;
  ar: string;
  org: string | null;
  byName: boolean;
}
export interface OrgInfo {
  id: string;
  en: string;
  ar: string;
  type: string;
  country: string | null;
  parent: string | null;
}
export interface PlaceInfo {
  id: string;
  en: string;
  ar: string;
}
export interface VerbInfo {
  lemma: string;
  kind: "Statement" | "Appeal" | "Accusation";
  participle: boolean;
}

export interface Lexicon {
  dir: string;
  /** false when built without the known-people list (ablation) */
  withPeople: boolean;
  index: Map<string, LexEntry[]>;
  countries: Map<string, CountryInfo>; // by iso2 upper
  people: Map<string, PersonInfo>;
  offices: Map<string, OfficeInfo>;
  domains: Map<string, { key: string; en: string; ar: string }>;
  units: Map<string, { key: string; en: string; ar: string }>;
  orgs: Map<string, OrgInfo>;
  places: Map<string, PlaceInfo>;
  verbs: Map<string, VerbInfo>;
  attribution: Set<string>;
  sets: Record<string, Set<string>>;
  phrases: Record<string, string[]>;
  quantities: Map<string, string>;
  stop: Set<string>;
  particles: Set<string>;
  honorifics: Set<string>;
  /** given names (names.yaml): unambiguous ones, and those that are also common words */
  given: Set<string>;
  givenAmbiguous: Set<string>;
  /** common words that are never a name (stopwords.yaml `common`) */
  common: Set<string>;
  /** role nouns that introduce a name like an honorific (offices.yaml `roles`: الفنان، اللاعب، الكاتب) */
  roles: Set<string>;
}

const N = (s: string) => normaliseArabic(String(s));

export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\u0621-\u064a]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function repoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let d = here;
  for (let k = 0; k < 6; k++) {
    if (existsSync(path.join(d, "package.json")) && existsSync(path.join(d, "seeds"))) return d;
    d = path.dirname(d);
  }
  return path.resolve(here, "../..");
}

export function defaultLexiconDir(): string {
  return path.join(repoRoot(), "seeds", "lexicon");
}

const cache = new Map<string, Lexicon>();

// biome-ignore lint/suspicious/noExplicitAny: YAML data
type Any = any;

function readYaml(dir: string, name: string): Any {
  const p = path.join(dir, name);
  if (!existsSync(p)) return {};
  return YAML.parse(readFileSync(p, "utf8")) ?? {};
}

/** Derive every inflection of a nisba stem (masculine singular, without the article). */
export function nisbaForms(stem: string): string[] {
  const s = N(stem);
  const parts = s.split(" ");
  const last = parts.pop() as string;
  const head = parts.length ? `${parts.join(" ")} ` : "";
  const bases = [
    last,
    `${last}ه`,
    `${last}ا`,
    `${last}ين`,
    `${last}ون`,
    `${last}ان`,
    `${last}تين`,
    `${last}تان`,
    `${last}ات`,
  ];
  const out = new Set<string>();
  for (const b of bases) {
    out.add(head + b);
    out.add((head ? `ال${head}` : "ال") + b);
  }
  return [...out];
}

/** Options of loadLexicon. `people: false` drops the known-people list (ablation: how well do the
 * general mechanisms — title patterns, appositions, coreference — do on people the lexicon never saw?). */
export interface LexiconOptions {
  dir?: string;
  people?: boolean;
}

export function loadLexicon(dirOrOpts?: string | LexiconOptions, opts: LexiconOptions = {}): Lexicon {
  const o: LexiconOptions =
    typeof dirOrOpts === "object" && dirOrOpts ? dirOrOpts : { ...opts, dir: dirOrOpts as string | undefined };
  const d = o.dir ?? defaultLexiconDir();
  const people = o.people !== false;
  const ck = `${d}|${people ? "people" : "no-people"}`;
  const hit = cache.get(ck);
  if (hit) return hit;
  const lex = buildLexicon(d, people);
  cache.set(ck, lex);
  return lex;
}

function buildLexicon(dir: string, withPeople = true): Lexicon {
  const index = new Map<string, LexEntry[]>();
  const add = (surface: string, type: LexType, ref: string, count?: number) => {
    const norm = N(surface);
    if (!norm) return;
    const tokens = norm.split(" ");
    const list = index.get(tokens[0]) ?? [];
    if (list.some((e) => e.type === type && e.ref === ref && e.tokens.join(" ") === norm)) return;
    list.push({ tokens, type, ref, surface, count });
    index.set(tokens[0], list);
  };

  // countries: package base + hand data
  const countries = new Map<string, CountryInfo>();
  try {
    const require = createRequire(import.meta.url);
    const iso = require("i18n-iso-countries");
    iso.registerLocale(require("i18n-iso-countries/langs/ar.json"));
    iso.registerLocale(require("i18n-iso-countries/langs/en.json"));
    const names: Record<string, string | string[]> = iso.getNames("ar", { select: "all" });
    for (const [code, v] of Object.entries(names)) {
      const list = Array.isArray(v) ? v : [v];
      const en = iso.getName(code, "en") ?? code;
      countries.set(code, { iso2: code, id: `country:${code.toLowerCase()}`, en, ar: list[0] });
      for (const n of list) add(n, "country", code);
    }
  } catch {
    /* package missing: hand list only */
  }
  const cy = readYaml(dir, "countries.yaml");
  for (const c of (cy.countries ?? []) as Any[]) {
    const code = String(c.iso2).toUpperCase();
    const names: string[] = c.names ?? [];
    const prev = countries.get(code);
    countries.set(code, {
      iso2: code,
      id: `country:${code.toLowerCase()}`,
      en: c.en ?? prev?.en ?? code,
      ar: names[0] ?? prev?.ar ?? code,
    });
    for (const n of names) add(n, "country", code);
    for (const st of (c.nisba ?? []) as string[]) for (const f of nisbaForms(st)) add(f, "nisba", code);
    for (const f of (c.forms ?? []) as string[]) add(f, "nisba", code);
    for (const cap of (c.capitals ?? []) as string[]) add(cap, "capital", code);
  }

  const offices = new Map<string, OfficeInfo>();
  const oy = readYaml(dir, "offices.yaml");
  for (const o of (oy.offices ?? []) as Any[]) {
    offices.set(o.key, { key: o.key, en: o.en, ar: o.ar[0], org: o.org ?? null, byName: !!o.byName });
    for (const f of o.ar as string[]) {
      add(f, "office", o.key, 1);
      // dual construct (وزيري خارجية …) and plural (وزراء خارجية …)
      const n = N(f);
      if (n.startsWith("وزير ")) {
        add(`وزيري ${n.slice(5)}`, "office", o.key, 2);
        add(`وزيرا ${n.slice(5)}`, "office", o.key, 2);
        add(`وزراء ${n.slice(5)}`, "office", o.key, 3);
      }
    }
  }
  const honorifics = new Set<string>(((oy.honorifics ?? []) as string[]).map(N));

  const domains = new Map<string, { key: string; en: string; ar: string }>();
  const units = new Map<string, { key: string; en: string; ar: string }>();
  const orgs = new Map<string, OrgInfo>();
  const gy = readYaml(dir, "orgs.yaml");
  for (const o of (gy.domains ?? []) as Any[]) {
    domains.set(o.key, { key: o.key, en: o.en, ar: (o.ar ?? [])[0] ?? (o.bare ?? [])[0] });
    for (const f of (o.ar ?? []) as string[]) add(f, "domain", o.key);
    for (const f of (o.bare ?? []) as string[]) add(f, "domainBare", o.key);
  }
  for (const o of (gy.units ?? []) as Any[]) {
    units.set(o.key, { key: o.key, en: o.en, ar: o.ar[0] });
    for (const f of o.ar as string[]) add(f, "unit", o.key);
  }
  for (const o of (gy.named ?? []) as Any[]) {
    orgs.set(o.id, {
      id: o.id,
      en: o.en,
      ar: o.ar[0],
      type: o.type ?? "organization",
      country: o.country ?? null,
      parent: o.parent ?? null,
    });
    for (const f of o.ar as string[]) add(f, "named", o.id);
  }
  for (const o of (gy.media ?? []) as Any[]) {
    orgs.set(o.id, { id: o.id, en: o.en, ar: o.ar[0], type: "media", country: o.country ?? null, parent: null });
    for (const f of o.ar as string[]) add(f, "media", o.id);
  }
  for (const f of (gy.mediaHeads ?? []) as string[]) add(f, "mediaHead", "media");

  const places = new Map<string, PlaceInfo>();
  const py = readYaml(dir, "places.yaml");
  for (const p of (py.places ?? []) as Any[]) {
    const id = `place:${p.slug}`;
    places.set(id, { id, en: p.en, ar: p.ar[0] });
    for (const f of p.ar as string[]) add(f, "place", id);
  }
  for (const f of (py.triggers ?? []) as string[]) add(f, "placeTrigger", "trigger");

  const people = new Map<string, PersonInfo>();
  const ppy = withPeople ? readYaml(dir, "people.yaml") : {};
  for (const p of (ppy.people ?? []) as Any[]) {
    const id = `person:${slugify(p.en)}`;
    people.set(id, {
      id,
      en: p.en,
      ar: p.ar[0],
      country: p.country ? `country:${String(p.country).toLowerCase()}` : null,
      offices: ((p.offices ?? []) as Any[]).map((o) => ({
        office: o[0],
        country: o[1] ? `country:${String(o[1]).toLowerCase()}` : null,
        from: o[2] ? String(o[2]) : null,
        to: o[3] ? String(o[3]) : null,
      })),
    });
    for (const f of p.ar as string[]) add(f, "person", id);
    for (const f of (p.short ?? []) as string[]) add(f, "person", id);
  }

  const ey = readYaml(dir, "events.yaml");
  const verbs = new Map<string, VerbInfo>();
  for (const v of (ey.statement ?? []) as Any[]) {
    for (const f of v.forms as string[]) {
      const n = N(f);
      const participle =
        (/^(م|قايل|داعي|نافي|حاث|ذاكر|لافت)/.test(n) && /(ا|ه|ين)$/.test(n)) ||
        /^(ندعو|نوكد|نطالب|نحث|ندين|نعلن|نرفض)$/.test(n);
      verbs.set(n, { lemma: v.lemma, kind: v.kind ?? "Statement", participle });
    }
  }
  const S = (xs: unknown): Set<string> => new Set(((xs ?? []) as string[]).map(N));
  const calls = ey.calls ?? {};
  const sets: Record<string, Set<string>> = {
    callNouns: S(calls.nouns),
    phone: S(calls.phone),
    make: S(calls.make),
    receive: S(calls.receive),
    contact: S(calls.contact),
    discuss: S(calls.discuss),
    happen: S(calls.happen),
    talk: S(calls.talk),
    future: S(calls.future),
    notCalls: S(calls.notCalls),
    initiative: S(calls.initiative),
    condolence: S(ey.condolence),
    parties: S(ey.dual?.parties),
    pronouns: S(ey.dual?.pronouns),
    clash: S(ey.clash),
    meeting: S(ey.meeting),
    approx: S(ey.approx),
    killVerbs: S(ey.killVerbs),
    inflictVerbs: S(ey.inflictVerbs),
    subjectVerbs: S(ey.subjectVerbs),
    skipAfter: S(ey.skipAfterVerb),
    skipBefore: S(ey.skipBeforeVerb),
    clauseStart: S(ey.clauseStart),
  };
  const phrases: Record<string, string[]> = {
    ceasefire: ((ey.ceasefire ?? []) as string[]).map(N),
    deescalation: ((ey.deescalation ?? []) as string[]).map(N),
    atLeast: ((ey.atLeast ?? []) as string[]).map(N),
    atLeastAfter: ((ey.atLeastAfter ?? []) as string[]).map(N),
  };
  const quantities = new Map<string, string>();
  for (const [what, forms] of Object.entries((ey.quantities ?? {}) as Record<string, string[]>)) {
    for (const f of forms) {
      const n = N(f);
      if (!quantities.has(n)) quantities.set(n, what);
    }
  }
  const sw = readYaml(dir, "stopwords.yaml");
  const ny = readYaml(dir, "names.yaml");
  const givenAmbiguous = S(ny.ambiguous);
  const given = new Set([...S(ny.given)].filter((g) => !givenAmbiguous.has(g)));

  // nisbas derived from single-word country names the hand list does not cover (كينيا → الكيني، تشاد → التشادية)
  const hasNisba = new Set<string>();
  for (const list of index.values()) for (const e of list) if (e.type === "nisba") hasNisba.add(e.ref);
  const NO_DERIVE = new Set(["ML"]); // مالي = "financial"
  for (const c of countries.values()) {
    if (hasNisba.has(c.iso2) || NO_DERIVE.has(c.iso2)) continue;
    const name = N(c.ar);
    if (name.includes(" ")) continue;
    let st = name.startsWith("ال") ? name.slice(2) : name;
    if (st.length < 3) continue;
    if (st.endsWith("يا")) st = st.slice(0, -2);
    else if (st.endsWith("ا") || st.endsWith("ه")) st = st.slice(0, -1);
    if (!st.endsWith("ي")) st += "ي";
    if (st.length < 4) continue;
    for (const f of nisbaForms(st)) {
      const clash = (index.get(f) ?? []).some((e) => e.tokens.length === 1);
      if (!clash) add(f, "nisba", c.iso2);
    }
  }

  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    dir,
    withPeople,
    index,
    countries,
    people,
    offices,
    domains,
    units,
    orgs,
    places,
    verbs,
    attribution: S(ey.attribution),
    sets,
    phrases,
    quantities,
    stop: S(sw.stop),
    particles: S(sw.particles),
    honorifics,
    given,
    givenAmbiguous,
    common: S(sw.common),
    roles: S(oy.roles),
  };
}

export function lexiconFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")) : [];
}

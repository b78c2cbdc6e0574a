/**
 * Stage 3 — the lexicon: YAML world knowledge (seeds/lexicon/*.yaml) plus the country list of
 * i18n-iso-countries, normalised and indexed by first token for longest-match lookup.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { normaliseArabic, slugify } from "../text/normalise.js";

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
  /** held in another state (an ambassador): its posting is part of who an unnamed holder is */
  posted: boolean;
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
  /** a dual form (أكدا، يؤكدان): two speakers */
  dual?: boolean;
  /** a feminine form (قالت، تؤكد): its speaker is a body, a country or a woman, not the last man who spoke */
  feminine?: boolean;
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
  /** dual office nouns (الرئيسين) → the office key (president) */
  dualOffices: Map<string, string>;
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

/** Adds a surface form to the lexicon's first-token index. */
type AddEntry = (surface: string, type: LexType, ref: string, count?: number) => void;

const N_SET = (xs: unknown): Set<string> => new Set(((xs ?? []) as string[]).map(N));

function buildLexicon(dir: string, withPeople = true): Lexicon {
  const index = new Map<string, LexEntry[]>();
  const add: AddEntry = (surface, type, ref, count) => {
    const norm = N(surface);
    if (!norm) return;
    const tokens = norm.split(" ");
    const list = index.get(tokens[0]) ?? [];
    if (list.some((e) => e.type === type && e.ref === ref && e.tokens.join(" ") === norm)) return;
    list.push({ tokens, type, ref, surface, count });
    index.set(tokens[0], list);
  };
  const countries = readCountries(dir, add);
  const { offices, honorifics, roles } = readOffices(dir, add);
  const bodies = readOrgs(dir, add);
  const places = readPlaces(dir, add);
  const people = withPeople ? readPeople(dir, add) : new Map<string, PersonInfo>();
  const events = readEvents(dir);
  const sw = readYaml(dir, "stopwords.yaml");
  const ny = readYaml(dir, "names.yaml");
  const givenAmbiguous = N_SET(ny.ambiguous);
  const given = new Set([...N_SET(ny.given)].filter((g) => !givenAmbiguous.has(g)));
  deriveNisbas(index, countries, add);
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    dir,
    withPeople,
    index,
    countries,
    people,
    offices,
    ...bodies,
    places,
    ...events,
    stop: N_SET(sw.stop),
    particles: N_SET(sw.particles),
    honorifics,
    given,
    givenAmbiguous,
    common: N_SET(sw.common),
    roles,
  };
}

/** countries: the i18n-iso-countries package's Arabic names, then countries.yaml (names, nisbas, capitals) */
function readCountries(dir: string, add: AddEntry): Map<string, CountryInfo> {
  const countries = new Map<string, CountryInfo>();
  const named: [string, string][] = [];
  const addName = (n: string, code: string) => {
    add(n, "country", code);
    named.push([n, code]);
  };
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
      for (const n of list) addName(n, code);
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
    for (const n of names) addName(n, code);
    for (const st of (c.nisba ?? []) as string[]) for (const f of nisbaForms(st)) add(f, "nisba", code);
    for (const f of (c.forms ?? []) as string[]) add(f, "nisba", code);
    for (const cap of (c.capitals ?? []) as string[]) add(cap, "capital", code);
  }
  // «بجمهورية الهند، لدولة الكويت»: a state noun before a name names the same country
  const stateNouns = (cy.state_nouns ?? []) as string[];
  for (const [n, code] of named)
    if (!stateNouns.some((s) => n.startsWith(s))) for (const s of stateNouns) add(`${s} ${n}`, "country", code);
  return countries;
}

/** nisbas derived from single-word country names the hand list does not cover (كينيا → الكيني، تشاد → التشادية) */
function deriveNisbas(index: Map<string, LexEntry[]>, countries: Map<string, CountryInfo>, add: AddEntry): void {
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
}

function readOffices(
  dir: string,
  add: AddEntry,
): { offices: Map<string, OfficeInfo>; honorifics: Set<string>; roles: Set<string> } {
  const offices = new Map<string, OfficeInfo>();
  const oy = readYaml(dir, "offices.yaml");
  for (const o of (oy.offices ?? []) as Any[]) {
    offices.set(o.key, {
      key: o.key,
      en: o.en,
      ar: o.ar[0],
      org: o.org ?? null,
      byName: !!o.byName,
      posted: !!o.posted,
    });
    for (const f of o.ar as string[]) {
      add(f, "office", o.key, 1);
      // dual construct (وزيري خارجية …) and plural (وزراء خارجية …)
      const n = N(f);
      if (n.startsWith("وزير ")) {
        add(`وزيري ${n.slice(5)}`, "office", o.key, 2);
        add(`وزيرا ${n.slice(5)}`, "office", o.key, 2);
        add(`وزراء ${n.slice(5)}`, "office", o.key, 3);
      }
      // (رئيسي alone is also «main»: only a title of two words or more has a dual: رئيسا أركان، رئيسي الوزراء)
      if (n.startsWith("رييس ")) {
        add(`رييسي ${n.slice(5)}`, "office", o.key, 2);
        add(`رييسا ${n.slice(5)}`, "office", o.key, 2);
      }
    }
  }
  return { offices, honorifics: N_SET(oy.honorifics), roles: N_SET(oy.roles) };
}

/** ministries' domains, their units, named bodies and media */
function readOrgs(dir: string, add: AddEntry): Pick<Lexicon, "domains" | "units" | "orgs"> {
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
  return { domains, units, orgs };
}

function readPlaces(dir: string, add: AddEntry): Map<string, PlaceInfo> {
  const places = new Map<string, PlaceInfo>();
  const py = readYaml(dir, "places.yaml");
  for (const p of (py.places ?? []) as Any[]) {
    const id = `place:${p.slug}`;
    places.set(id, { id, en: p.en, ar: p.ar[0] });
    for (const f of p.ar as string[]) add(f, "place", id);
  }
  for (const f of (py.triggers ?? []) as string[]) add(f, "placeTrigger", "trigger");
  return places;
}

function readPeople(dir: string, add: AddEntry): Map<string, PersonInfo> {
  const people = new Map<string, PersonInfo>();
  for (const p of (readYaml(dir, "people.yaml").people ?? []) as Any[]) {
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
  return people;
}

/** the keys of events.yaml that are no word set: read on their own (see readEvents) */
const NOT_SETS = new Set(["statement", "quantities", "offices", "anchors"]);

/**
 * The word sets of events.yaml, each named by its own key: the lists at the top level and in its groups
 * (`calls:`, `dual:`, `gatherings:` …). A name used twice is an error, so a rule's set is found by its name alone.
 */
function wordSets(ey: Any): Record<string, Set<string>> {
  const sets: Record<string, Set<string>> = {};
  const add = (name: string, words: unknown) => {
    if (sets[name]) throw new Error(`events.yaml: the word set "${name}" is defined twice`);
    sets[name] = N_SET(words);
  };
  for (const [key, value] of Object.entries(ey as Record<string, unknown>)) {
    if (NOT_SETS.has(key)) continue;
    if (Array.isArray(value)) add(key, value);
    else if (value && typeof value === "object")
      for (const [name, words] of Object.entries(value))
        if (!NOT_SETS.has(name) && Array.isArray(words)) add(name, words);
  }
  return sets;
}

function unknownSet(name: string): never {
  throw new Error(`events.yaml: anchors names "${name}", which is no word set`);
}

/** statement verbs with their forms' number and gender, the word sets, phrases, quantities and dual offices */
function readEvents(
  dir: string,
): Pick<Lexicon, "verbs" | "sets" | "phrases" | "quantities" | "dualOffices" | "attribution"> {
  const ey = readYaml(dir, "events.yaml");
  const verbs = new Map<string, VerbInfo>();
  for (const v of (ey.statement ?? []) as Any[]) {
    const forms = new Set((v.forms as string[]).map(N));
    for (const n of forms) verbs.set(n, { lemma: v.lemma, kind: v.kind ?? "Statement", ...verbForm(n, forms) });
  }
  const sets = wordSets(ey);
  // the words that start an event rule of their own: the union of the sets events.yaml names under `anchors:`
  sets.anchors = new Set(((ey.anchors ?? []) as string[]).flatMap((name) => [...(sets[name] ?? unknownSet(name))]));
  const phrases: Record<string, string[]> = {};
  for (const k of ["ceasefire", "deescalation", "atLeast", "atLeastAfter"])
    phrases[k] = ((ey[k] ?? []) as string[]).map(N);
  const dualOffices = new Map<string, string>();
  for (const [office, forms] of Object.entries((ey.dual?.offices ?? {}) as Record<string, string[]>))
    for (const f of forms) dualOffices.set(N(f), office);
  const quantities = new Map<string, string>();
  for (const [what, forms] of Object.entries((ey.quantities ?? {}) as Record<string, string[]>))
    for (const f of forms) if (!quantities.has(N(f))) quantities.set(N(f), what);
  return { verbs, sets, phrases, quantities, dualOffices, attribution: N_SET(ey.attribution) };
}

/** a verb form's participle, number and gender, read from its neighbours among the lemma's forms */
function verbForm(n: string, forms: Set<string>): Pick<VerbInfo, "participle" | "dual" | "feminine"> {
  const participle =
    (/^(م|قايل|داعي|نافي|حاث|ذاكر|لافت)/.test(n) && /(ا|ه|ين)$/.test(n)) ||
    /^(ندعو|نوكد|نطالب|نحث|ندين|نعلن|نرفض)$/.test(n);
  const dual =
    !participle &&
    ((n.endsWith("ا") && forms.has(n.slice(0, -1))) || (/^[يت].*ان$/.test(n) && forms.has(n.slice(0, -2))));
  const feminine =
    !participle &&
    ((n.endsWith("ت") && forms.has(n.slice(0, -1))) || (n.startsWith("ت") && forms.has(`ي${n.slice(1)}`)));
  return { participle, dual, feminine };
}

export function lexiconFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yaml")) : [];
}

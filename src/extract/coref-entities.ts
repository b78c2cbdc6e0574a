/**
 * Coreference components that turn mention chunks into entities: people with their titles, countries,
 * places, organisations (a bare ministry resolved to the one named before), media and unnamed sources.
 * The state a sentence carries (the country in context) is passed explicitly to each handler.
 */

import { normaliseArabic, slugify } from "../text/normalise.js";
import type { Discourse, SentenceUnit } from "./coref.js";
import type { LexEntry } from "./lexicon.js";
import type { Chunk, Title } from "./mentions.js";
import type { Position } from "./types.js";

export const cid = (iso: string | null | undefined) => (iso ? `country:${iso.toLowerCase()}` : null);

/** the position a title gives, with the organisation of the office when the country is known */
export function position(doc: Discourse, t: Title, fallbackCountry: string | null): Position {
  const o = doc.lex.offices.get(t.office);
  const country = cid(t.country) ?? fallbackCountry;
  let organization: string | null = null;
  if (t.org && !t.org.startsWith("ref:") && !t.org.startsWith("domain:")) organization = t.org;
  else if (t.org?.startsWith("domain:") && country) organization = `org:${country.slice(8)}:${t.org.slice(7)}`;
  else if (o?.org && country && o.org !== "presidency" && o.org !== "government")
    organization = `org:${country.slice(8)}:${o.org}`;
  if (t.former)
    return { title: `${o?.ar ?? t.office} السابق`, titleEn: `former ${o?.en ?? t.office}`, organization, country };
  return { title: o?.ar ?? t.office, titleEn: o?.en ?? t.office, organization, country };
}

export function personId(doc: Discourse, c: Chunk): string | null {
  if (c.personId) return c.personId;
  if (c.nameTokens?.length)
    return doc.names.byGiven(c.nameTokens) ?? `person:ar:${doc.names.key(c.nameTokens).replace(/ /g, "-")}`;
  return null;
}

/** a known or unknown person chunk → its entity, mention and title positions */
export function registerPerson(doc: Discourse, c: Chunk, si: number): string | null {
  const { lex, reg } = doc;
  const id = personId(doc, c);
  if (!id) return null;
  const known = c.personId ? lex.people.get(c.personId) : undefined;
  const e = reg.ensure(id, "Person", reg.text.slice(c.nameStart ?? c.start, c.nameEnd ?? c.end), {
    nameEn: known?.en ?? null,
    country: known?.country ?? null,
  });
  reg.mention(id, si, c.nameStart ?? c.start, c.nameEnd ?? c.end);
  for (const t of c.titles ?? []) {
    if (t.office === "minister" && !t.country) continue;
    reg.addPosition(id, position(doc, t, known?.country ?? null));
  }
  return e.id;
}

export function ensureCountry(doc: Discourse, iso: string, name?: string): string {
  const info = doc.lex.countries.get(iso);
  const id = `country:${iso.toLowerCase()}`;
  doc.reg.ensure(id, "Country", info?.ar ?? name ?? iso, { nameEn: info?.en ?? null, iso2: info?.iso2 ?? iso });
  return id;
}

/** the other states a country chunk's word may name: a state's name spelled like another's capital (عمان) */
function otherReadings(doc: Discourse, u: SentenceUnit, c: Chunk): LexEntry[] {
  if (c.type !== "country" || c.form === "nisba" || c.e - c.s !== 1) return [];
  const form = u.toks[c.s].norm.slice(c.pre.length);
  return (doc.lex.index.get(form) ?? []).filter(
    (e) => e.ref !== c.iso && e.tokens.length === 1 && (e.type === "country" || e.type === "capital"),
  );
}

/**
 * component 4: a state's name spelled like another's capital (عمان: Oman, or Amman in Jordan) takes the reading
 * whose state its sentence names and not the other, else the one its document names and not the other
 */
export function readHomographs(doc: Discourse): void {
  // the states each sentence names by a country chunk that is no homograph, or inside a title or a counterpart
  // (الوزير الأردني); the document's are theirs together
  const bySentence = doc.units.map((u) => {
    const out = new Set<string>();
    for (const c of u.chunks) {
      if (c.type === "country" && c.iso && !otherReadings(doc, u, c).length) out.add(c.iso);
      for (const iso of [...(c.titles ?? []), ...(c.slots ?? [])].map((t) => t.country)) if (iso) out.add(iso);
    }
    return out;
  });
  const inDocument = new Set(bySentence.flatMap((states) => [...states]));
  for (const [si, u] of doc.units.entries()) {
    const inSentence = bySentence[si];
    for (const c of u.chunks) {
      const others = otherReadings(doc, u, c);
      for (const named of others.length ? [inSentence, inDocument] : []) {
        if (named.has(c.iso as string)) break;
        const other = others.find((e) => named.has(e.ref));
        if (!other) continue;
        c.iso = other.ref;
        c.form = other.type === "country" ? "name" : "capital";
        break;
      }
    }
  }
}

/** component 5: countries named inside titles and counterparts (الرئيس التركي …، نظيريه الأرمني …) */
export function registerTitleCountries(doc: Discourse): void {
  for (const [si, u] of doc.units.entries())
    for (const c of u.chunks) {
      if (!c.titles && !c.slots) continue;
      const spans: [string | null, [number, number] | undefined][] = [
        ...(c.titles ?? []).map((t) => [t.country, t.span] as [string | null, [number, number] | undefined]),
        ...(c.slots ?? []).map((s) => [s.country, s.span] as [string | null, [number, number] | undefined]),
      ];
      for (const [iso, span] of spans) {
        if (!iso || !span) continue;
        doc.reg.mention(ensureCountry(doc, iso), si, span[0], span[1]);
      }
    }
}

/** what a sentence carries from one chunk to the next */
interface SentenceState {
  si: number;
  chunks: Chunk[];
  /** the country last named: a bare ministry or a body's spokesperson belongs to it */
  ctxCountry: string | null;
}

type Handler = (doc: Discourse, c: Chunk, st: SentenceState) => void;

/** a bare title (الوزير) after a ministry named in the sentence is that ministry's minister */
function ministerOfMinistry(doc: Discourse, c: Chunk, st: SentenceState): void {
  for (const t of c.titles ?? []) {
    if (t.office !== "minister") continue;
    const org = st.chunks.find((x) => x.type === "org" && x.domain && x.s < c.s);
    const off = org
      ? [...doc.lex.offices.values()].find(
          (o) => o.org === org.domain && o.key.endsWith("-minister") && !o.key.includes("deputy"),
        )
      : undefined;
    if (off) {
      t.office = off.key;
      t.country = t.country ?? org?.orgCountry ?? null;
      t.org = org?.orgId ?? null;
    }
  }
}

const onPerson: Handler = (doc, c, st) => {
  ministerOfMinistry(doc, c, st);
  const id = registerPerson(doc, c, st.si);
  c.ents = id ? [id] : [];
  if (id) st.ctxCountry = doc.reg.entities.get(id)?.country?.slice(8).toUpperCase() ?? st.ctxCountry;
};

const onCountry: Handler = (doc, c, st) => {
  const id = ensureCountry(doc, c.iso as string, c.text);
  doc.reg.mention(id, st.si, c.start + c.pre.length, c.end);
  c.ents = [id];
  st.ctxCountry = c.iso ?? st.ctxCountry;
};

const onPlace: Handler = (doc, c, st) => {
  const info = c.placeId ? doc.lex.places.get(c.placeId) : undefined;
  doc.reg.ensure(c.placeId as string, "Place", c.text.slice(c.pre.length), { nameEn: info?.en ?? null });
  doc.reg.mention(c.placeId as string, st.si, c.start + c.pre.length, c.end);
  c.ents = [c.placeId as string];
};

const onOrgRef: Handler = (doc, c, st) => {
  const { reg, lex } = doc;
  let id = doc.lastOrgByDomain.get(c.domain as string);
  if (!id && (c.domain === "ministry" || c.domain === "mfa")) {
    id = `org:unknown:${c.domain}`;
    reg.ensure(id, "Organization", c.text.slice(c.pre.length), { nameEn: lex.domains.get(c.domain)?.en ?? null });
    reg.mention(id, st.si, c.start + c.pre.length, c.end);
  }
  c.ents = id ? [id] : [];
  if (id) reg.mention(id, st.si, c.start + c.pre.length, c.end, false);
};

const onMedia: Handler = (doc, c, st) => {
  const id = c.orgId ?? `org:media:${slugify(c.text)}`;
  const named = doc.lex.orgs.get(id);
  doc.reg.ensure(id, "Organization", c.text.slice(c.pre.length), {
    nameEn: named?.en ?? null,
    country: cid(named?.country),
  });
  doc.reg.mention(id, st.si, c.start + c.pre.length, c.end);
  c.ents = [id];
};

const onOffice: Handler = (_doc, c, st) => {
  for (const t of c.titles ?? []) if (t.country) st.ctxCountry = t.country;
};

/** unnamed sources are not the same people in two articles: the id is scoped to the document */
const onSource: Handler = (doc, c, st) => {
  const name = c.text.slice(c.pre.length);
  const id = `person:unnamed:source:${slugify(normaliseArabic(name))}${doc.reg.docKey ? `:${doc.reg.docKey}` : ""}`;
  doc.reg.ensure(id, "Person", name, { unnamed: true });
  doc.reg.mention(id, st.si, c.start + c.pre.length, c.end);
  c.ents = [id];
};

/** a spokesperson of a body resolved by context (باسم الرئاسة، باسم الوزارة) */
function resolveTitleBodies(doc: Discourse, c: Chunk, st: SentenceState): void {
  const { reg, lex } = doc;
  for (const t of c.titles ?? []) {
    if (t.org?.startsWith("domain:")) {
      const iso = t.country ?? st.ctxCountry;
      if (iso) {
        t.country = iso;
        t.org = `org:${iso.toLowerCase()}:${t.org.slice(7)}`;
      }
    } else if (t.org?.startsWith("ref:")) {
      t.org = doc.lastOrgByDomain.get(t.org.slice(4)) ?? null;
      if (t.org) {
        const oe = reg.entities.get(t.org);
        if (oe?.country && !t.country) t.country = oe.country.slice(8).toUpperCase();
      }
    }
    if (!t.country && t.org) {
      const cc = reg.entities.get(t.org)?.country ?? cid(lex.orgs.get(t.org)?.country);
      if (cc) t.country = cc.slice(8).toUpperCase();
    }
  }
  const id = c.type === "person" ? c.ents?.[0] : undefined;
  if (id) for (const t of c.titles ?? []) reg.addPosition(id, position(doc, t, reg.entities.get(id)?.country ?? null));
}

/** a ministry without its country (وزارة الدفاع) belongs to the country in context */
function fixOrgId(c: Chunk, ctxCountry: string | null): void {
  if (c.orgId || !c.domain || c.type !== "org") return;
  const iso = c.orgCountry ?? ctxCountry;
  if (iso) {
    c.orgCountry = iso;
    c.orgId = `org:${iso.toLowerCase()}:${c.domain}`;
  } else c.orgId = `org:unknown:${c.domain}`;
}

const MINISTRY_DOMAINS = /^(mfa|mod|moi|mof|economy|energy|justice|health|information|emergencies)$/;

/** the organisation entity of an org chunk; remembers it as the last one of its domain */
function makeOrg(doc: Discourse, ch: Chunk, parent: string | null, si: number): void {
  const { lex, reg } = doc;
  const id = ch.orgId as string;
  const named = lex.orgs.get(id);
  const d = ch.domain ? (lex.domains.get(ch.domain) ?? lex.units.get(ch.domain)) : undefined;
  const country = cid(ch.orgCountry ?? named?.country ?? null);
  const cinfo = country ? lex.countries.get(country.slice(8).toUpperCase()) : undefined;
  reg.ensure(id, "Organization", ch.text.slice(ch.pre.length), {
    nameEn: named?.en ?? (d ? (cinfo ? `${d.en} (${cinfo.en})` : d.en) : null),
    country,
    parent: parent ?? named?.parent ?? null,
  });
  reg.mention(id, si, ch.start + ch.pre.length, ch.end);
  const last = doc.lastOrgByDomain;
  if (ch.domain) last.set(ch.domain, id);
  if (ch.domain && MINISTRY_DOMAINS.test(ch.domain)) last.set("ministry", id);
  if (named && /mfa|mod/.test(id)) last.set("ministry", id);
  if (id.endsWith(":mfa")) last.set("mfa", id);
  if (id.endsWith(":mod")) last.set("mod", id);
  if (country) ensureCountry(doc, country.slice(8).toUpperCase(), country);
}

/** the place inside an org phrase (وزارة دفاع قره باغ): its last words */
function orgPlace(doc: Discourse, c: Chunk, st: SentenceState, toks: Discourse["units"][number]["toks"]): void {
  const { lex, reg } = doc;
  const key = c.placeKey as string;
  const pi = lex.places.get(key);
  reg.ensure(key, "Place", pi?.ar ?? key, { nameEn: pi?.en ?? null });
  if (!pi) return;
  const tail = toks.slice(c.s, c.e);
  const idx = tail.findIndex((t) => lex.index.get(t.norm)?.some((en) => en.type === "place" && en.ref === key));
  if (idx >= 0) reg.mention(key, st.si, tail[idx].start, c.end);
}

const onOrg: Handler = (doc, c, st) => {
  const inner = c.inner;
  if (inner) {
    fixOrgId(inner, st.ctxCountry);
    c.orgCountry = inner.orgCountry;
    c.parent = inner.orgId;
    c.orgId = `${inner.orgId}:${c.domain}`;
    makeOrg(doc, inner, null, st.si);
  } else fixOrgId(c, st.ctxCountry);
  makeOrg(doc, c, c.parent ?? null, st.si);
  if (c.placeKey) orgPlace(doc, c, st, doc.units[st.si].toks);
  c.ents = [c.orgId as string];
  if (c.orgCountry) st.ctxCountry = c.orgCountry;
};

const HANDLERS: Partial<Record<Chunk["type"], Handler>> = {
  person: onPerson,
  country: onCountry,
  place: onPlace,
  org: onOrg,
  orgRef: onOrgRef,
  media: onMedia,
  office: onOffice,
  source: onSource,
};

/** component 6: every mention chunk of every sentence → its entity */
export function registerMentions(doc: Discourse): void {
  for (const [si, u] of doc.units.entries()) {
    const st: SentenceState = { si, chunks: u.chunks, ctxCountry: null };
    for (const c of u.chunks) {
      HANDLERS[c.type]?.(doc, c, st);
      if (c.type === "person" || c.type === "office") resolveTitleBodies(doc, c, st);
    }
  }
}

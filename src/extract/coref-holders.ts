/**
 * Coreference components for office holders: lexicon positions of known people, counterparts (نظيره …) →
 * holders of the anchor's office, office references (الرئيس الأرمني) → the holder named in the document or an
 * unnamed office holder.
 */

import type { Discourse } from "./coref.js";
import { cid, position, registerPerson } from "./coref-entities.js";
import { ensureUnnamedHolder, holderName } from "./holders.js";
import type { Chunk, Slot } from "./mentions.js";
import type { Position } from "./types.js";

/** component 7: lexicon positions of known people the text gives no title */
export function knownPositions(doc: Discourse): void {
  const { reg, lex, publishedAt } = doc;
  for (const e of reg.entities.values()) {
    if (e.kind !== "Person") continue;
    const info = lex.people.get(e.id);
    if (!info) continue;
    const held = info.offices.filter(
      (o) => !publishedAt || ((!o.from || o.from <= publishedAt) && (!o.to || o.to >= publishedAt)),
    );
    if (e.positions.length === 0) {
      for (const o of publishedAt ? held : info.offices.slice(0, 1)) {
        const country = o.country?.slice(8).toUpperCase() ?? null;
        const p = position(doc, { office: o.office, country, org: null }, info.country);
        p.validFrom = o.from;
        p.validTo = o.to;
        reg.addPosition(e.id, p);
      }
    }
    if (!e.country) e.country = info.country;
  }
}

function offMatch(doc: Discourse, p: Position, office: string, country: string | null): boolean {
  const o = doc.lex.offices.get(office);
  return (
    (p.title === (o?.ar ?? office) || p.titleEn === (o?.en ?? office)) && (country === null || p.country === country)
  );
}

/** people of the document who hold an office (of a country) */
export function holders(doc: Discourse, office: string, country: string | null): string[] {
  const out: string[] = [];
  for (const e of doc.reg.entities.values()) {
    if (e.kind !== "Person") continue;
    if (e.positions.some((p) => offMatch(doc, p, office, country))) out.push(e.id);
  }
  return out;
}

/** the unnamed holder of an office of a country (الرئيس الأرمني with no name in the document) */
/** a title's words without the clitics before it (والمبعوث → المبعوث، للرئيس → الرئيس) */
function withoutClitics(c: Chunk): string {
  const bare = c.text.slice(c.pre.length);
  return c.pre.endsWith("ل") && bare.startsWith("ل") ? `ا${bare}` : bare;
}

export function unnamedHolder(doc: Discourse, office: string, iso: string, si: number, c: Chunk): string {
  const { reg, lex } = doc;
  // a dual or plural title names several holders: each is named by the title and its own country
  const several = (c.count ?? 1) > 1 && lex.offices.has(office) && lex.countries.has(iso.toUpperCase());
  const post = several ? undefined : c.titles?.[0]?.post;
  const name = several ? holderName(lex, office, iso) : withoutClitics(c);
  const id = ensureUnnamedHolder(reg, lex, office, iso, name, post);
  reg.mention(id, si, c.start + c.pre.length, c.end);
  return id;
}

/** a named counterpart: the person, with the anchor's office */
function namedSlot(doc: Discourse, s: Slot, officeKey: string | null, si: number): string | null {
  const pid = registerPerson(doc, s.person as Chunk, si);
  if (!pid) return null;
  if (officeKey) doc.reg.addPosition(pid, position(doc, { office: officeKey, country: s.country, org: null }, null));
  (s.person as Chunk).ents = [pid];
  return pid;
}

/** the office of the nearest person before a counterpart */
function anchorOffice(doc: Discourse, anchorId: string | null): string | null {
  const pos = anchorId ? doc.reg.entities.get(anchorId)?.positions[0] : undefined;
  return pos ? ([...doc.lex.offices.values()].find((o) => o.ar === pos.title)?.key ?? null) : null;
}

/** the entities of one counterpart chunk (second pass: unnamed slots resolved to holders named anywhere) */
function counterpartEnts(doc: Discourse, c: Chunk, si: number, anchor: string | null, officeKey: string | null) {
  const ids: string[] = [];
  for (const s of c.slots ?? []) {
    if (s.person) {
      const pid = namedSlot(doc, s, officeKey, si);
      if (pid) ids.push(pid);
    } else if (officeKey && s.country) {
      const h = holders(doc, officeKey, cid(s.country)).filter((x) => x !== anchor);
      ids.push(h[0] ?? unnamedHolder(doc, officeKey, s.country, si, c));
      if (h[0]) doc.reg.mention(h[0], si, c.start + c.pre.length, c.end, false);
    }
  }
  return ids;
}

/** component 8: counterparts hold the anchor's office; two passes so that a counterpart named later in the
 * text is found for an earlier unnamed slot */
export function resolveCounterparts(doc: Discourse): void {
  for (const pass of [0, 1]) {
    let lastPerson: string | null = null;
    for (const [si, u] of doc.units.entries()) {
      for (const c of u.chunks) {
        if (c.type === "person" && c.ents?.[0]) lastPerson = c.ents[0];
        if (c.type !== "counterpart") continue;
        const officeKey = anchorOffice(doc, lastPerson);
        if (pass === 0) {
          for (const s of c.slots ?? []) if (s.person) namedSlot(doc, s, officeKey, si);
          continue;
        }
        c.ents = counterpartEnts(doc, c, si, lastPerson, officeKey);
      }
    }
  }
}

/** component 10: counterparts still unresolved whose anchor is an office reference resolved since (أعلنت الخارجية
 * الغانية أن وزير الخارجية أجرى اتصالا مع نظيره النيجيري) */
export function resolveLateCounterparts(doc: Discourse): void {
  let anchor: string | null = null;
  for (const [si, u] of doc.units.entries())
    for (const c of u.chunks) {
      if ((c.type === "person" || c.type === "office") && c.ents?.[0]) anchor = c.ents[0];
      if (c.type === "counterpart" && !c.ents?.length && anchor)
        c.ents = counterpartEnts(doc, c, si, anchor, anchorOffice(doc, anchor));
    }
}

const NO_UNNAMED = new Set(["minister", "ambassador", "former-president"]);

/** an office in apposition (X، وزير الخارجية) is the person before it, who holds it */
function resolveAppositives(doc: Discourse): void {
  for (const u of doc.units)
    for (let k = 0; k < u.chunks.length; k++) {
      const c = u.chunks[k];
      if (c.type !== "office" || !c.appositive) continue;
      const prev = u.chunks[k - 1]?.type === "person" ? u.chunks[k - 1] : u.chunks[k - 2];
      c.ents = prev?.ents ?? [];
      const person = c.ents.length === 1 ? doc.reg.entities.get(c.ents[0] as string) : undefined;
      if (person?.kind !== "Person" || person.unnamed) continue;
      for (const t of c.titles ?? [])
        if (t.office !== "minister" || t.country) doc.reg.addPosition(person.id, position(doc, t, person.country));
    }
}

/** the holders of an office named with no country: those of the country of the body the sentence quotes
 * (أعلنت الخارجية المصرية أن وزير الخارجية …), keeping those whose country the text does not give */
function holdersInContext(doc: Discourse, office: string, before: Chunk[]): { ids: string[]; iso: string | null } {
  const all = holders(doc, office, null);
  // the body that speaks (أعلنت الخارجية المصرية), not any country named before (a nisba of another clause)
  const iso = before.findLast((x) => x.type === "org" && x.orgCountry)?.orgCountry ?? null;
  if (!iso || all.length < 2) return { ids: all, iso };
  const countryOf = (id: string) =>
    doc.reg.entities.get(id)?.country ?? doc.reg.entities.get(id)?.positions.find((p) => p.country)?.country ?? null;
  return { ids: all.filter((id) => (countryOf(id) ?? cid(iso)) === cid(iso)), iso };
}

/** component 9: office references → the holder in the document (named before or after), else an unnamed
 * office holder */
export function resolveOfficeRefs(doc: Discourse): void {
  resolveAppositives(doc);
  for (const [si, u] of doc.units.entries()) {
    for (let k = 0; k < u.chunks.length; k++) {
      const c = u.chunks[k];
      if (c.type !== "office" || c.appositive) continue;
      const ids: string[] = [];
      const office = c.office as string;
      for (const named of c.countries ?? [null]) {
        // with no country in the title, the sentence's (أعلنت الخارجية المصرية أن وزير الخارجية …)
        const ctx = named ? null : holdersInContext(doc, office, u.chunks.slice(0, k));
        const h = ctx ? ctx.ids : holders(doc, office, cid(named));
        const iso = named ?? ctx?.iso ?? null;
        if (h.length) {
          ids.push(h[0] as string);
          doc.reg.mention(h[0] as string, si, c.start + c.pre.length, c.end, false);
        } else if (iso && (!NO_UNNAMED.has(office) || c.titles?.[0]?.post)) {
          // (an ambassador unnamed is someone only with the state they are posted to: السفير الغاني لدى كينيا)
          ids.push(unnamedHolder(doc, office, iso, si, c));
        }
      }
      c.ents = ids;
    }
  }
}

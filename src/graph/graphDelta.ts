import type { Record as Neo4jRecord } from "neo4j-driver";
import { lastToken, nameKey } from "./identity.js";
import type { ActorRow } from "./loadRows.js";

/**
 * What the graph already holds of a batch's actors and places (Q.LOOKUP_ENTITIES), and which of the batch's
 * entity writes would change it. The loader sends only those: rewriting an unchanged actor would cost index
 * and property updates and, worse, hold a write lock on a shared node (a country, a minister) until commit,
 * serialising concurrent loads on it.
 */
export interface StoredEntity {
  id: string;
  element: string;
  name: string;
  nameEn: string | null;
  iso2: string | null;
  type: string | null;
  unnamed: boolean | null;
  aliases: string[];
  countries: string[];
  parents: string[];
  coChairs: string[];
  holds: { id: string; validFrom: string | null; validTo: string | null }[];
}

export function storedEntity(r: Neo4jRecord): StoredEntity {
  const o = r.toObject() as unknown as StoredEntity;
  return { ...o, aliases: o.aliases ?? [] };
}

/** Forms of the row that the stored node lacks (neither its name nor an alias). */
export function newForms(row: ActorRow, s: StoredEntity | undefined): string[] {
  return row.forms.filter((f) => f !== s?.name && !s?.aliases.includes(f));
}

/** Mirrors the ON MATCH SET of Q.UPSERT_ACTORS / Q.UPSERT_PLACES: would it change anything? */
export function entityChanges(row: ActorRow, s: StoredEntity | undefined): boolean {
  if (!s) return true;
  const unnamed = (s.unnamed ?? false) && row.unnamed;
  return (
    (s.nameEn === null && row.nameEn !== null) ||
    (s.iso2 === null && row.iso2 !== null) ||
    (s.type === null && row.type !== null) ||
    s.unnamed !== unnamed ||
    newForms(row, s).length > 0
  );
}

/** Name keys to write: all of a new entity's; of a stored one, its new forms' and a new English name's. */
export function nameNeeded(
  n: { id: string; key: string; kind: string },
  s: StoredEntity | undefined,
  rowsById: Map<string, ActorRow>,
): boolean {
  if (!s) return true;
  if (n.kind === "en") return s.nameEn === null || nameKey(s.nameEn) !== n.key;
  const row = rowsById.get(n.id);
  if (row === undefined) return false;
  // a family name is derived from a full name: it is new when the full name is
  const keysOf = (f: string) => (n.kind === "family" ? [nameKey(f), nameKey(lastToken(f) ?? "")] : [nameKey(f)]);
  return newForms(row, s).some((f) => keysOf(f).includes(n.key));
}

export interface MembershipRow {
  id: string;
  country: string | null;
  parent: string | null;
  coChairs: string[];
}

/** The part of a membership row the graph lacks, or null when it has all of it. */
export function membershipDelta(m: MembershipRow, s: StoredEntity | undefined): MembershipRow | null {
  const country = m.country && !s?.countries.includes(m.country) ? m.country : null;
  const parent = m.parent && !s?.parents.includes(m.parent) ? m.parent : null;
  const coChairs = m.coChairs.filter((c) => !s?.coChairs.includes(c));
  return country || parent || coChairs.length > 0 ? { id: m.id, country, parent, coChairs } : null;
}

/** Mirrors Q.UPSERT_POSITIONS: a new office held, or a validity span that widens the stored one. */
export function positionChanges(
  p: { id: string; validFrom: string | null; validTo: string | null },
  s: StoredEntity | undefined,
): boolean {
  const h = s?.holds.find((x) => x.id === p.id);
  if (!h) return true;
  return (
    (p.validFrom !== null && (h.validFrom === null || p.validFrom < h.validFrom)) ||
    (p.validTo !== null && (h.validTo === null || p.validTo > h.validTo))
  );
}

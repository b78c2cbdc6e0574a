import { createHash } from "node:crypto";
import { kindSpec } from "../extract/kinds.js";
import type { DocEvent, Entity, Position } from "../extract/types.js";
import { normaliseArabic, slugify } from "../text/normalise.js";

/**
 * Identity across articles — the rules the loader applies (also in the README):
 *
 * 1. Actors and places are keyed by the extractor's stable id (person:sergey-lavrov, country:ru, org:ru:mfa,
 *    place:<slug>, person:unnamed:<office>:<iso2>[:<posting>]): the same id in two articles is one node, whose aliases are
 *    the union of both articles' surface forms. The first name written stays the display name.
 * 2. A person the lexicon does not know arrives as person:ar:<normalised name>. When exactly one KNOWN person
 *    (an id outside person:ar:/person:unnamed:) is already named by the same full-name key (its name, an alias
 *    or its English name — never the family name alone) and the countries do not disagree, the unknown person
 *    IS that person: the loader rewrites the id before writing. In the other order (the unknown person was
 *    loaded first, a later article names the known one), the person:ar: node is merged into the known node.
 *    Two unknown persons with the same normalised name and country get the same id, so they are one node.
 * 3. An event's id is not the extractor's per-document id but "event:" + sha1 of
 *    (kind, participant signature, day[, quantities for claims][, ordinal]):
 *      - participant signature: the sorted "role=entity id" pairs; for a symmetric kind of the registry
 *        (PhoneCall, Meeting) the sorted set of the parties without roles and without the place, so "X called
 *        Y" and "X and Y spoke by phone" are one call (a directed report then fixes the direction of an
 *        undirected one), and "X received Y" and "X met Y" one meeting;
 *      - day: the event's own date when it is day-precise, else the article's publication day; with neither,
 *        the article id (the event cannot be matched to another article's);
 *      - Claim events add their quantities (what, value, side), so different numbers are different claims;
 *      - when two events of ONE article get the same key, the second gets ordinal 2, the third 3, ... (the
 *        extractor already folded repeated mentions; the loader never merges events within an article).
 *    The same event reported by two articles is therefore one :Event with EVIDENCED_BY to both articles.
 */

/** The exact-match key of a name form: the one Arabic normaliser, lower-cased for Latin script. */
export function nameKey(form: string): string {
  return normaliseArabic(form).toLowerCase();
}

/** The keys a client's actor text is looked up by: the text as given (an id) and its name key. */
export function actorLookupKeys(text: string): string[] {
  const key = nameKey(text);
  return key === text ? [text] : [text, key];
}

export type NameKind = "name" | "alias" | "en" | "family";

export interface NameForm {
  key: string;
  form: string;
  kind: NameKind;
}

export function lastToken(s: string): string | null {
  const tokens = s.trim().split(/\s+/);
  return tokens.length >= 2 ? (tokens[tokens.length - 1] ?? null) : null;
}

/** Every name form of an entity with its key, first kind wins for a key (name > alias > en > family). */
export function entityNameForms(e: Pick<Entity, "kind" | "name" | "aliases" | "nameEn" | "unnamed">): NameForm[] {
  const out = new Map<string, NameForm>();
  const add = (form: string | null | undefined, kind: NameKind) => {
    if (!form) return;
    const key = nameKey(form);
    if (key === "" || out.has(key)) return;
    out.set(key, { key, form: form.trim(), kind });
  };
  add(e.name, "name");
  for (const a of e.aliases ?? []) add(a, "alias");
  add(e.nameEn, "en");
  if (e.kind === "Person" && !e.unnamed) {
    add(lastToken(e.name), "family");
    if (e.nameEn) add(lastToken(e.nameEn), "family");
  }
  return [...out.values()];
}

/** Full-name keys (no family-name-only keys) used to match an unknown person to a known one. */
export function fullNameKeys(e: Pick<Entity, "kind" | "name" | "aliases" | "nameEn" | "unnamed">): string[] {
  return entityNameForms(e)
    .filter((f) => f.kind !== "family" && (f.kind !== "alias" || f.form.split(/\s+/).length >= 2))
    .map((f) => f.key);
}

export const isProvisionalPerson = (id: string): boolean => id.startsWith("person:ar:");
export const isUnnamedPerson = (id: string): boolean => id.startsWith("person:unnamed:");
export const isKnownPerson = (id: string): boolean =>
  id.startsWith("person:") && !isProvisionalPerson(id) && !isUnnamedPerson(id);

/** A position is one office in one body: "position:<office>@<organization | country | none>". */
export function positionId(p: Position): string {
  const office = p.titleEn ? slugify(p.titleEn) : nameKey(p.title).replace(/\s+/g, "-");
  return `position:${office || "office"}@${p.organization ?? p.country ?? "none"}`;
}

export const sha1 = (s: string): string => createHash("sha1").update(s).digest("hex");
export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The span of days a date covers: "1994" -> 1994-01-01..1994-12-31; intervals "a/b" -> a..b. */
export function dateSpan(date: string | null | undefined): { from: string | null; to: string | null } {
  if (!date) return { from: null, to: null };
  const [a, b] = date.split("/");
  const lower = (d: string | undefined): string | null => {
    if (!d) return null;
    if (/^\d{4}$/.test(d)) return `${d}-01-01`;
    if (/^\d{4}-\d{2}$/.test(d)) return `${d}-01`;
    return DAY.test(d) ? d : null;
  };
  const upper = (d: string | undefined): string | null => {
    if (!d) return null;
    if (/^\d{4}$/.test(d)) return `${d}-12-31`;
    if (/^\d{4}-\d{2}$/.test(d)) {
      const [y, m] = d.split("-").map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${d}-${String(last).padStart(2, "0")}`;
    }
    return DAY.test(d) ? d : null;
  };
  return { from: lower(a), to: upper(b ?? a) };
}

/** The day the identity rule uses: the event's own day when day-precise, else the publication day. */
export function eventDay(ev: Pick<DocEvent, "date" | "datePrecision">, publishedAt: string | null): string | null {
  if (ev.date && DAY.test(ev.date) && (ev.datePrecision === "day" || ev.datePrecision === null)) return ev.date;
  const pub = publishedAt?.slice(0, 10) ?? null;
  return pub && DAY.test(pub) ? pub : null;
}

/**
 * Canonical ids for the events of one document, in document order. `resolve` maps an entity id to the id it
 * is written under (after the person identity rule).
 */
export function canonicalEventIds(
  events: DocEvent[],
  articleId: string,
  publishedAt: string | null,
  resolve: (id: string) => string,
): string[] {
  const seen = new Map<string, number>();
  return events.map((ev) => {
    const day = eventDay(ev, publishedAt) ?? `article:${articleId}`;
    const parties = kindSpec(ev.kind)?.symmetric
      ? [...new Set(ev.participants.filter((p) => p.role !== "location").map((p) => resolve(p.entity)))].sort()
      : [...new Set(ev.participants.map((p) => `${p.role}=${resolve(p.entity)}`))].sort();
    const extra =
      ev.kind === "Claim"
        ? ev.quantities
            .map((q) => `${q.what}:${q.value}:${q.side ? resolve(q.side) : ""}`)
            .sort()
            .join(",")
        : "";
    const base = JSON.stringify([ev.kind, parties, day, extra]);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `event:${sha1(n === 1 ? base : `${base}#${n}`)}`;
  });
}

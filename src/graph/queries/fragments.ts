/**
 * Cypher fragments shared by the read queries. Only fixed text lives here: every value a user sends
 * reaches Cypher as a parameter, never inside the query text.
 */
import neo4j, { type Integer } from "neo4j-driver";
import type { Page, PageRequest } from "./rows.js";

/** The kinds of actor node, in the order their labels are looked for. */
export const ACTOR_LABELS = ["Person", "Organization", "Country", "Place"] as const;

/** Relationships that are provenance or bookkeeping, never a connection between two actors. */
export const NON_CONNECTING_RELATIONSHIPS = [
  "EVIDENCED_BY",
  "MENTIONED_IN",
  "HAS_SENTENCE",
  "NAMED",
  "HAS_QUANTITY",
  "SUFFERED_BY",
  "CALLED",
  "MET",
  "INTERACTED",
] as const;

/** What every projection of an actor has: enough for its id, its names and its GraphQL type. */
const actorNameEntries = (v: string) => [
  ".id",
  ".nameEn",
  `name: coalesce(${v}.name, ${v}.nameEn, ${v}.id)`,
  `kind: head([label_ IN labels(${v}) WHERE label_ IN ['Person', 'Organization', 'Country', 'Place']])`,
];

/** Projects an actor node `v` onto an ActorRow. */
export function actorProjection(v: string): string {
  return `${v} {
    ${[
      ...actorNameEntries(v),
      ".iso2",
      `aliases: coalesce(${v}.aliases, [])`,
      `unnamed: coalesce(${v}.unnamed, false)`,
      `countryId: CASE WHEN ${v}:Country THEN null ELSE head([(${v})-[:OF_COUNTRY]->(ofCountry_:Country) | ofCountry_.id]) END`,
      `parentId: head([(${v})-[:PART_OF]->(partOf_:Organization) | partOf_.id])`,
    ].join(",\n    ")}
  }`;
}

/** The part of an ActorRow a selection of only id, name, nameEn (and the type) needs. */
export function actorNamesProjection(v: string): string {
  return `${v} { ${actorNameEntries(v).join(", ")} }`;
}

/** Projects an event node `v` onto an EventRow, with `extra` map entries ("key: expression") after its own. */
export function eventProjection(v: string, extra: string[] = []): string {
  return `${v} {
    ${[
      ".id, .cameo, .date, .dateFrom, .dateTo, .datePrecision, .directed, .quote, .verb, .medium, .topic",
      `kind: coalesce(${v}.kind, head([label_ IN labels(${v}) WHERE label_ <> 'Event']))`,
      ...extra,
    ].join(",\n    ")}
  }`;
}

/** A page from the rows of a query that asked for one more than the page (LIMIT page.limit + 1). */
export function toPage<T>(rows: T[], page: PageRequest): Page<T> {
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** SKIP and LIMIT need Cypher integers; with disableLosslessIntegers plain numbers travel as floats. */
export function int(n: number): Integer {
  return neo4j.int(n);
}

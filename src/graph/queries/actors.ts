/** Read queries over actors: look-ups by id and by name key, lists, offices and memberships. */
import type { Graph } from "../driver.js";
import { actorProjection, int, toPage } from "./fragments.js";
import type { ActorKind, ActorRow, Page, PageRequest, PositionRow } from "./rows.js";

function byId<T>(records: { get(key: string): unknown }[], key = "id", value = "value"): Map<string, T> {
  return new Map(records.map((r) => [r.get(key) as string, r.get(value) as T]));
}

export async function actorsByIds(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow>> {
  const res = await graph.read(
    `UNWIND $ids AS id
CALL (id) {
  MATCH (a:Actor {id: id}) RETURN a
  UNION
  MATCH (a:Place {id: id}) RETURN a
}
RETURN id, ${actorProjection("a")} AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow>(res.records);
}

/** The actors and places `key` names (as `a`): its id, a name key, or a country's ISO code. */
export const ACTORS_OF_KEY = `CALL (key) {
  MATCH (a:Actor {id: key}) RETURN a
  UNION
  MATCH (:Name {key: key})<-[:NAMED]-(a) WHERE a:Actor OR a:Place RETURN a
  UNION
  MATCH (a:Place {id: key}) RETURN a
  UNION
  MATCH (a:Country) WHERE a.iso2 = toUpper(key) RETURN a
}`;

/**
 * Exact look-up by name key (or by id, or a country's ISO code): for each key, every actor or place named
 * by it.
 * Keys are made with the loader's nameKey (the one Arabic normaliser, lower-cased), so
 * `(:Name {key})<-[:NAMED]-(actor)` is a unique-index seek.
 */
export async function actorsByNameKeys(graph: Graph, keys: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $keys AS key
${ACTORS_OF_KEY}
WITH key, a ORDER BY a.id
RETURN key AS id, collect(${actorProjection("a")}) AS value`,
    { keys: [...keys] },
  );
  return byId<ActorRow[]>(res.records);
}

export interface ActorFilter {
  kind?: ActorKind;
  /** a Country id: actors of that country */
  countryId?: string;
  /** a Lucene query for the actor_names full-text index (results ordered by score) */
  text?: string;
}

function actorSource(filter: ActorFilter): {
  match: string;
  where: string[];
  order: string;
  params: Record<string, unknown>;
} {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.kind) {
    params.kind = filter.kind;
    where.push("$kind IN labels(a)");
  }
  if (filter.countryId) {
    params.country = filter.countryId;
    where.push("EXISTS { (a)-[:OF_COUNTRY]->(:Country {id: $country}) }");
  }
  if (filter.text) {
    params.text = filter.text;
    return {
      match: `CALL db.index.fulltext.queryNodes('actor_names', $text) YIELD node, score
WITH node AS a, score WHERE a:Actor`,
      where,
      order: "score DESC, a.id",
      params,
    };
  }
  return { match: "MATCH (a:Actor)", where, order: "a.id", params };
}

export async function listActors(graph: Graph, filter: ActorFilter, page: PageRequest): Promise<Page<ActorRow>> {
  const src = actorSource(filter);
  const lead = filter.text ? "AND" : "WHERE";
  const res = await graph.read(
    `${src.match}
${src.where.length ? `${lead} ${src.where.join(" AND ")}` : ""}
WITH a${filter.text ? ", score" : ""}
ORDER BY ${src.order}
SKIP $skip LIMIT $limit
RETURN ${actorProjection("a")} AS actor`,
    { ...src.params, skip: int(page.skip), limit: int(page.limit + 1) },
  );
  return toPage(
    res.records.map((r) => r.get("actor") as ActorRow),
    page,
  );
}

export async function countActors(graph: Graph, filter: ActorFilter): Promise<number> {
  const src = actorSource(filter);
  const lead = filter.text ? "AND" : "WHERE";
  const res = await graph.read(
    `${src.match}
${src.where.length ? `${lead} ${src.where.join(" AND ")}` : ""}
RETURN count(a) AS n`,
    src.params,
  );
  return res.records[0]?.get("n") ?? 0;
}

/** Offices each person holds or held, most recent first. */
export async function positionsOfPersons(graph: Graph, ids: readonly string[]): Promise<Map<string, PositionRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (p:Person {id: id})-[h:HOLDS]->(pos:Position)
WITH id, h, pos ORDER BY h.validFrom DESC, pos.id
RETURN id, collect({
  id: pos.id, personId: id, title: coalesce(pos.title, pos.titleEn, pos.id), titleEn: pos.titleEn,
  validFrom: h.validFrom, validTo: h.validTo,
  organizationId: head([(pos)-[:IN]->(o:Organization) | o.id]),
  countryId: head([(pos)-[:FOR]->(c:Country) | c.id])
}) AS value`,
    { ids: [...ids] },
  );
  return byId<PositionRow[]>(res.records);
}

/** People holding the same office (same English title) for another country: "his counterparts". */
export async function counterpartsOfPersons(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (p:Person {id: id})-[:HOLDS]->(pos:Position)-[:FOR]->(c:Country)
MATCH (other:Person)-[:HOLDS]->(pos2:Position)-[:FOR]->(c2:Country)
WHERE other <> p AND c2 <> c AND pos2.titleEn IS NOT NULL AND pos2.titleEn = pos.titleEn
WITH DISTINCT id, other ORDER BY other.id
RETURN id, collect(${actorProjection("other")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

/** People each actor shares at least one event with. */
export async function contactsOfActors(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (a:Actor {id: id})<-[r1]-(e:Event)-[r2]->(other:Person)
WHERE other <> a AND NOT type(r1) IN ['EVIDENCED_BY', 'HAS_QUANTITY'] AND NOT type(r2) IN ['EVIDENCED_BY', 'HAS_QUANTITY']
WITH DISTINCT id, other ORDER BY other.id
RETURN id, collect(${actorProjection("other")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

/** People holding an office in each organization. */
export async function membersOfOrganizations(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (o:Organization {id: id})<-[:IN]-(:Position)<-[:HOLDS]-(p:Person)
WITH DISTINCT id, p ORDER BY p.id
RETURN id, collect(${actorProjection("p")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

/** Organizations directly part of each organization (a ministry's press office, …). */
export async function subOrganizations(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (o:Organization {id: id})<-[:PART_OF]-(sub:Organization)
WITH id, sub ORDER BY sub.id
RETURN id, collect(${actorProjection("sub")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

/** People holding an office for each country. */
export async function officialsOfCountries(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (c:Country {id: id})<-[:FOR]-(:Position)<-[:HOLDS]-(p:Person)
WITH DISTINCT id, p ORDER BY p.id
RETURN id, collect(${actorProjection("p")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

/** Organizations of each country. */
export async function organizationsOfCountries(graph: Graph, ids: readonly string[]): Promise<Map<string, ActorRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (c:Country {id: id})<-[:OF_COUNTRY]-(o:Organization)
WITH id, o ORDER BY o.id
RETURN id, collect(${actorProjection("o")}) AS value`,
    { ids: [...ids] },
  );
  return byId<ActorRow[]>(res.records);
}

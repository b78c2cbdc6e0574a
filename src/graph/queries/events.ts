/** Read queries over events: lists with filters (root fields), per-actor lists, and batched look-ups. */
import { EVENT_KINDS, EVENT_START, ROLE_TYPE_LIST } from "../cypher.js";
import type { Graph } from "../driver.js";
import { ACTORS_OF_KEY } from "./actors.js";
import {
  actorNamesProjection,
  actorProjection,
  eventProjection,
  int,
  NON_CONNECTING_RELATIONSHIPS,
  toPage,
} from "./fragments.js";
import type { ActorRow, EventRow, EvidenceRow, Page, PageRequest, ParticipationRow, QuantityRow } from "./rows.js";

/** Event labels a list may be restricted to: the loader puts one of these beside :Event. */
export const EVENT_LABELS = EVENT_KINDS;
export type EventLabel = (typeof EVENT_LABELS)[number];

export interface ActorCondition {
  id: string;
  /** relationship types (CALLER, SPEAKER, …); empty or absent: any role */
  roles?: string[];
}

export interface EventFilter {
  label?: EventLabel;
  /** every condition must hold */
  actors?: ActorCondition[];
  /** some actor of this country, or the country itself, takes one of the roles */
  country?: ActorCondition;
  /** claims: some quantity was suffered by this actor, or by an actor of this country */
  sufferedBy?: string;
  /** inclusive bounds, YYYY-MM-DD (see dateBounds) */
  from?: string;
  to?: string;
  /** a Lucene query over the event_text full-text index (quotes and evidence sentences); ordered by score */
  text?: string;
}

const END = "coalesce(e.dateTo, last(split(e.date, '/')))";

/**
 * The actors and places taking part in event `e`, with their roles (needs $skipTypes). "names": each actor
 * with only id, name, English name and kind, for a selection that asks for nothing else (no aliases, country
 * or parent to compute per party).
 */
const participantsOfE = (actors: "full" | "names") => `COLLECT {
  MATCH (e)-[r]->(x)
  WHERE (x:Actor OR x:Place) AND NOT type(r) IN $skipTypes
  WITH CASE WHEN type(r) = 'PARTICIPANT' AND r.role IS NOT NULL THEN r.role ELSE toLower(type(r)) END AS role, x
  ORDER BY role, x.name
  RETURN {role: role, actor: ${actors === "full" ? actorProjection("x") : actorNamesProjection("x")}}
}`;

/** The sentences evidencing event `e`, with article and offsets (the loader stores only what the sentence lacks). */
const EVIDENCE_OF_E = `COLLECT {
  MATCH (e)-[ev:EVIDENCED_BY]->(s:Sentence)<-[:HAS_SENTENCE]-(a:Article)
  WITH s, a, coalesce(ev.start, s.start) AS start, coalesce(ev.end, s.end) AS end, ev.text AS text
  ORDER BY a.publishedAt, a.id, s.index, start
  RETURN {
    articleId: a.id, sentenceId: s.id, sentence: s.index, start: start, end: end,
    text: coalesce(text, substring(s.text, start - s.start, end - start))
  }
}`;

/** What an event list may carry beside each event, so that its nested fields need no further statement. */
export interface EventInclude {
  /** the parties, with full actors or only their names */
  participants?: "full" | "names";
  evidence?: boolean;
}

/** The projection of `e` in a list, with what `include` asks for, and the parameters that needs. */
function listProjection(include: EventInclude = {}): { projection: string; params: Record<string, unknown> } {
  const extra = [
    ...(include.participants ? [`carriedParticipants: ${participantsOfE(include.participants)}`] : []),
    ...(include.evidence ? [`carriedEvidence: ${EVIDENCE_OF_E}`] : []),
  ];
  return {
    projection: eventProjection("e", extra),
    params: include.participants ? { skipTypes: [...NON_CONNECTING_RELATIONSHIPS] } : {},
  };
}
/** Dated events by start day, then undated, ties by id: stored by the loader as the indexed e.sortKey. */
const ORDER = "e.sortKey";

function labelOf(filter: EventFilter): string {
  if (!filter.label) return "";
  if (!EVENT_LABELS.includes(filter.label)) throw new Error(`unknown event label ${filter.label}`);
  return `:${filter.label}`;
}

/**
 * WHERE conditions over `e` for a filter, and their parameters; `prefix` keeps the parameters of several
 * filters in one statement apart.
 */
function conditions(filter: EventFilter, prefix = ""): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  (filter.actors ?? []).forEach((cond, i) => {
    params[`${prefix}actor${i}`] = cond.id;
    params[`${prefix}roles${i}`] = cond.roles ?? [];
    where.push(
      `EXISTS { MATCH (e)-[r]->(x) WHERE x.id = $${prefix}actor${i} AND (size($${prefix}roles${i}) = 0 OR type(r) IN $${prefix}roles${i}) }`,
    );
  });
  if (filter.country) {
    params[`${prefix}country`] = filter.country.id;
    params[`${prefix}countryRoles`] = filter.country.roles ?? [];
    where.push(`EXISTS { MATCH (e)-[r]->(x:Actor)
      WHERE (size($${prefix}countryRoles) = 0 OR type(r) IN $${prefix}countryRoles)
        AND (x.id = $${prefix}country OR EXISTS { (x)-[:OF_COUNTRY]->(:Country {id: $${prefix}country}) }) }`);
  }
  if (filter.sufferedBy) {
    params[`${prefix}sufferedBy`] = filter.sufferedBy;
    where.push(`EXISTS { MATCH (e)-[:HAS_QUANTITY]->(:Quantity)-[:SUFFERED_BY]->(s)
      WHERE s.id = $${prefix}sufferedBy OR EXISTS { (s)-[:OF_COUNTRY]->(:Country {id: $${prefix}sufferedBy}) } }`);
  }
  if (filter.from) {
    params[`${prefix}from`] = filter.from;
    // a year- or month-precision end ("2016") still overlaps a bound inside that year
    where.push(`${END} >= left($${prefix}from, size(${END}))`);
  }
  if (filter.to) {
    params[`${prefix}to`] = filter.to;
    where.push(`${EVENT_START} <= $${prefix}to`);
  }
  return { where, params };
}

function whereClause(where: string[], leading = "WHERE"): string {
  return where.length === 0 ? "" : `${leading} ${where.join("\n  AND ")}`;
}

function source(filter: EventFilter): { match: string; order: string; params: Record<string, unknown> } {
  const label = labelOf(filter);
  if (filter.text) {
    return {
      // a hit is an event's own words (its quote) or a sentence evidencing it: each event once, best score
      match: `CALL db.index.fulltext.queryNodes('event_text', $text) YIELD node, score
CALL (node) {
  WITH node WHERE node:Event RETURN node AS e
  UNION
  MATCH (node:Sentence)<-[:EVIDENCED_BY]-(e:Event) RETURN e
}
WITH e, max(score) AS score WHERE e:Event${label}`,
      order: `score DESC, ${ORDER}`,
      params: { text: filter.text },
    };
  }
  // the sortKey predicate lets the planner read the label's sortKey index in order and stop at LIMIT
  return { match: `MATCH (e:Event${label}) WHERE e.sortKey IS NOT NULL`, order: ORDER, params: {} };
}

/** One page of events matching a filter: one statement. */
export async function listEvents(
  graph: Graph,
  filter: EventFilter,
  page: PageRequest,
  include?: EventInclude,
): Promise<Page<EventRow>> {
  const src = source(filter);
  const cond = conditions(filter);
  const shape = listProjection(include);
  const cypher = `${src.match}
${whereClause(cond.where, "AND")}
WITH e${filter.text ? ", score" : ""}
ORDER BY ${src.order}
SKIP $skip LIMIT $limit
RETURN ${shape.projection} AS event`;
  const res = await graph.read(cypher, {
    ...src.params,
    ...cond.params,
    ...shape.params,
    skip: int(page.skip),
    limit: int(page.limit + 1),
  });
  return toPage(
    res.records.map((r) => r.get("event") as EventRow),
    page,
  );
}

/** How many events match a filter (for totalCount, run only when a client asks for it). */
export async function countEvents(graph: Graph, filter: EventFilter): Promise<number> {
  const src = source(filter);
  const cond = conditions(filter);
  const res = await graph.read(
    `${src.match}
${whereClause(cond.where, "AND")}
RETURN count(DISTINCT e) AS n`,
    { ...src.params, ...cond.params },
  );
  return res.records[0]?.get("n") ?? 0;
}

/** One page of an actor's events: in one of `roles` (any role when empty), further restricted by `filter`. */
export interface ActorEventList {
  roles: readonly string[];
  filter: EventFilter;
  page: PageRequest;
  include?: EventInclude;
}

/**
 * The body of a `CALL (owner) { … }` that collects a page of the events of actor `owner` (one more than the
 * page, to tell whether there are more) as `name`, and its parameters (prefixed, so several lists can share
 * a statement). null: none of the roles is a role type, so the list is empty. (Not `a`: the projection's
 * subqueries name an article `a`, and would see an actor `a` of the enclosing query.)
 */
function eventsOfActorSubquery(
  list: ActorEventList,
  name: string,
  prefix = "",
): { cypher: string; params: Record<string, unknown> } | null {
  const types = roleTypes(list.roles);
  if (types === null) return null;
  const cond = conditions(list.filter, prefix);
  const shape = listProjection(list.include);
  return {
    cypher: `MATCH (owner)<-[:${types}]-(e:Event${labelOf(list.filter)})
  ${whereClause(cond.where)}
  WITH DISTINCT e
  ORDER BY ${ORDER}
  SKIP $${prefix}skip LIMIT $${prefix}limit
  RETURN collect(${shape.projection}) AS ${name}`,
    params: {
      ...cond.params,
      ...shape.params,
      [`${prefix}skip`]: int(list.page.skip),
      [`${prefix}limit`]: int(list.page.limit + 1),
    },
  };
}

/** For many actors at once (one statement, UNWIND): one page of each one's events (see ActorEventList). */
export async function listEventsOfActors(
  graph: Graph,
  actorIds: readonly string[],
  list: ActorEventList,
): Promise<Map<string, Page<EventRow>>> {
  const sub = eventsOfActorSubquery(list, "events");
  if (sub === null) return new Map();
  const res = await graph.read(
    `UNWIND $ids AS id
CALL (id) {
  CALL (id) { MATCH (x:Actor {id: id}) RETURN x AS owner UNION MATCH (x:Place {id: id}) RETURN x AS owner }
  ${sub.cypher}
}
RETURN id, events`,
    { ids: [...actorIds], ...sub.params },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, toPage(r.get("events"), list.page)]));
}

/** What a key names (as actorsByNameKeys), with the event lists asked of each actor it names. */
export interface ActorsWithEvents {
  actorsByKey: Map<string, ActorRow[]>;
  /** by actor id: the pages of `lists`, in their order */
  eventsByActor: Map<string, Page<EventRow>[]>;
}

/**
 * actorsByNameKeys and listEventsOfActors in ONE statement, for a client asking an actor by name together
 * with its events: the round trips and transactions of three statements cost more than the statement. The
 * lists are fetched only while the keys name at most `maxCandidates` actors (an ambiguous name is an error).
 */
export async function actorsByNameKeysWithEvents(
  graph: Graph,
  keys: readonly string[],
  lists: readonly ActorEventList[],
  maxCandidates: number,
): Promise<ActorsWithEvents> {
  const subs = lists.map((l, i) => eventsOfActorSubquery(l, `list${i}`, `l${i}_`));
  const calls = subs.map((sub, i) => `CALL (owner) {\n    ${sub ? sub.cypher : `RETURN [] AS list${i}`}\n  }`);
  const res = await graph.read(
    `UNWIND $keys AS key
${ACTORS_OF_KEY}
WITH collect({key: key, a: a}) AS hits, collect(DISTINCT a) AS found
CALL (found) {
  UNWIND CASE WHEN size(found) <= $maxCandidates THEN found ELSE [] END AS owner
  ${calls.join("\n  ")}
  RETURN collect({id: owner.id, lists: [${lists.map((_, i) => `list${i}`).join(", ")}]}) AS events
}
UNWIND hits AS hit
WITH hit.key AS key, hit.a AS a, events ORDER BY a.id
RETURN key, collect(${actorProjection("a")}) AS actors, events`,
    {
      keys: [...keys],
      maxCandidates: int(maxCandidates),
      ...Object.assign({}, ...subs.map((sub) => sub?.params ?? {})),
    },
  );
  // every row (one per key) carries the same lists of the candidates
  const events = (res.records[0]?.get("events") ?? []) as { id: string; lists: EventRow[][] }[];
  return {
    actorsByKey: new Map(res.records.map((r) => [r.get("key") as string, r.get("actors") as ActorRow[]])),
    eventsByActor: new Map(
      events.map(({ id, lists: pages }) => [
        id,
        pages.map((rows, i) => toPage(rows, (lists[i] as ActorEventList).page)),
      ]),
    ),
  };
}

/**
 * The relationship types to expand from an actor to its events, as Cypher text ("CALLER|CALLEE"): only role
 * types (a typed expand stays cheap on an actor with many mentions and links), taken from the ROLE_TYPES
 * allow-list, never from a request. Empty roles: any role. null: none of the roles is a role type.
 */
function roleTypes(roles: readonly string[]): string | null {
  const types = roles.length === 0 ? ROLE_TYPE_LIST : roles.filter((r) => ROLE_TYPE_LIST.includes(r));
  return types.length === 0 ? null : types.join("|");
}

/** Counts for listEventsOfActors, for many actors in one statement. */
export async function countEventsOfActors(
  graph: Graph,
  actorIds: readonly string[],
  roles: readonly string[],
  filter: EventFilter,
): Promise<Map<string, number>> {
  const cond = conditions(filter);
  const types = roleTypes(roles);
  if (types === null) return new Map(actorIds.map((id) => [id, 0]));
  const res = await graph.read(
    `UNWIND $ids AS id
CALL (id) {
  CALL (id) { MATCH (x:Actor {id: id}) RETURN x AS a UNION MATCH (x:Place {id: id}) RETURN x AS a }
  OPTIONAL MATCH (a)<-[:${types}]-(e:Event${labelOf(filter)})
  ${whereClause(cond.where)}
  RETURN count(DISTINCT e) AS n
}
RETURN id, n`,
    { ids: [...actorIds], ...cond.params },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("n") as number]));
}

export async function eventsByIds(graph: Graph, ids: readonly string[]): Promise<Map<string, EventRow>> {
  const res = await graph.read(
    `UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN id, ${eventProjection("e")} AS event`,
    { ids: [...ids] },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("event") as EventRow]));
}

/** The actors and places taking part in each event, with their roles. */
export async function participantsOfEvents(
  graph: Graph,
  eventIds: readonly string[],
): Promise<Map<string, ParticipationRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN id, ${participantsOfE("full")} AS participants`,
    { ids: [...eventIds], skipTypes: [...NON_CONNECTING_RELATIONSHIPS] },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("participants") as ParticipationRow[]]));
}

/** The sentences evidencing each event, with the article they belong to and character offsets. */
export async function evidenceOfEvents(graph: Graph, eventIds: readonly string[]): Promise<Map<string, EvidenceRow[]>> {
  const res = await graph.read(`UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN id, ${EVIDENCE_OF_E} AS evidence`, {
    ids: [...eventIds],
  });
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("evidence") as EvidenceRow[]]));
}

/** The quantities (casualties, equipment, …) each event reports, with the side that suffered them. */
export async function quantitiesOfEvents(
  graph: Graph,
  eventIds: readonly string[],
): Promise<Map<string, QuantityRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (e:Event {id: id})-[:HAS_QUANTITY]->(q:Quantity)
WITH id, q ORDER BY q.id
RETURN id, collect(q {
  .id, .value, .what, .text,
  approximate: coalesce(q.approximate, false), atLeast: coalesce(q.atLeast, false),
  sideId: head([(q)-[:SUFFERED_BY]->(s) | s.id])
}) AS quantities`,
    { ids: [...eventIds] },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("quantities") as QuantityRow[]]));
}

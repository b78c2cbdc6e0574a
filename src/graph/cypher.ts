/**
 * The loader's Cypher: a fixed set of batched `UNWIND $rows AS row MERGE …` statements. Labels and
 * relationship types cannot be parameters, so they come ONLY from the allow-lists below (constants of this
 * module, never document text): a row carries the chosen type as data and a FOREACH per allowed type writes it.
 */
import { EVENT_KIND_NAMES, EVENT_ROLES, type EventKind, GENERAL_ROLES } from "../extract/kinds.js";

/** The event kinds, as labels: the registry's (src/extract/kinds.ts). */
export const EVENT_KINDS: readonly EventKind[] = EVENT_KIND_NAMES;

/**
 * Argument roles with their own relationship type (the role upper-cased): every role of the registry and the
 * general roles a document graph from elsewhere may give; any other role is written as [:PARTICIPANT {role}].
 */
export const ROLE_TYPES: Record<string, string> = Object.fromEntries(
  [...EVENT_ROLES, ...GENERAL_ROLES].map((role) => [role, role.toUpperCase()]),
);
export const FALLBACK_ROLE_TYPE = "PARTICIPANT";
/** Every relationship type an event may have to a participant. */
export const ROLE_TYPE_LIST: readonly string[] = [...new Set(Object.values(ROLE_TYPES))];

/** role (any case, with spaces/dashes/camelCase) -> its relationship type, or the fallback. */
export function roleType(role: string): string {
  const snake = role
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
  return ROLE_TYPES[snake] ?? FALLBACK_ROLE_TYPE;
}

const ident = /^[A-Za-z][A-Za-z_]*$/;
for (const name of [...EVENT_KINDS, ...ROLE_TYPE_LIST]) {
  if (!ident.test(name)) throw new Error(`not a safe Cypher identifier: ${name}`);
}

// Labels and relationship types are set with Cypher 5.26's dynamic `$(…)` form (one operator instead of a
// FOREACH per allowed value); the value is still only ever an allow-listed constant: the event kind label is
// kept only when it is in EVENT_KINDS, and a role's type comes from roleType() (ROLE_TYPES or the fallback).
const EVENT_KIND_LIST = `[${EVENT_KINDS.map((k) => `'${k}'`).join(", ")}]`;
const kindLabels = `SET e:$([k IN [row.kind] WHERE k IN ${EVENT_KIND_LIST}])`;

const ROLE_TYPE_CYPHER_LIST = `[${ROLE_TYPE_LIST.map((t) => `'${t}'`).join(", ")}]`;
const roleWrites = (fresh: boolean) =>
  fresh
    ? `WITH e, p, t WHERE p.type IN ${ROLE_TYPE_CYPHER_LIST}
CREATE (e)-[:$(p.type) {role: CASE WHEN p.type = '${FALLBACK_ROLE_TYPE}' THEN p.role END}]->(t)`
    : `WITH e, p, t WHERE p.type IN ${ROLE_TYPE_CYPHER_LIST}
FOREACH (_ IN CASE WHEN p.type = '${FALLBACK_ROLE_TYPE}' THEN [1] ELSE [] END | MERGE (e)-[:${FALLBACK_ROLE_TYPE} {role: p.role}]->(t))
FOREACH (_ IN CASE WHEN p.type <> '${FALLBACK_ROLE_TYPE}' THEN [1] ELSE [] END | MERGE (e)-[:$(p.type)]->(t))`;

/** Per document: is it loaded (by id), and which article holds its content hash. */
export const STATUS = `
UNWIND $rows AS row
OPTIONAL MATCH (a:Article {id: row.id})
OPTIONAL MATCH (h:Article {contentHash: row.contentHash})
RETURN row.id AS id, a.contentHash AS oldHash, h.id AS hashOwner`;

/** Known persons named by the full-name keys of unknown (person:ar:) persons, countries not disagreeing. */
export const RESOLVE_PROVISIONAL = `
UNWIND $rows AS row
MATCH (k:Name {key: row.key})
CALL (k, row) {
  MATCH (k)<-[r:NAMED]-(p:Person)
  WHERE r.kind <> 'family' AND NOT p.id STARTS WITH 'person:ar:' AND NOT p.id STARTS WITH 'person:unnamed:'
  OPTIONAL MATCH (p)-[:OF_COUNTRY]->(c:Country)
  WITH p, c WHERE row.country IS NULL OR c IS NULL OR c.id = row.country
  RETURN p
}
RETURN row.id AS id, collect(DISTINCT p.id) AS candidates`;

/**
 * What the graph holds of a batch's actors and places, by id (src/graph/graphDelta.ts decides from it which
 * writes are needed). The element id lets later statements reach each node without another index seek.
 */
export const LOOKUP_ENTITIES = `
CALL {
  UNWIND $actors AS id MATCH (n:Actor {id: id}) RETURN n
  UNION ALL
  UNWIND $places AS id MATCH (n:Place {id: id}) RETURN n
}
RETURN n.id AS id, elementId(n) AS element, n.name AS name, n.nameEn AS nameEn, n.iso2 AS iso2, n.type AS type,
       n.unnamed AS unnamed, n.aliases AS aliases,
       [(n)-[:OF_COUNTRY]->(c) | c.id] AS countries, [(n)-[:PART_OF]->(o) | o.id] AS parents,
       [(c)-[:CO_CHAIRS]->(n) | c.id] AS coChairs,
       [(n)-[h:HOLDS]->(p) | {id: p.id, validFrom: h.validFrom, validTo: h.validTo}] AS holds`;

/** Replacing articles: remove their sentences (with evidence and mentions); report the events they evidenced. */
export const DETACH_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)
OPTIONAL MATCH (e:Event)-[:EVIDENCED_BY]->(s)
WITH a, collect(DISTINCT s) AS sentences, collect(DISTINCT e.id) AS events
FOREACH (s IN sentences | DETACH DELETE s)
WITH a, events
DETACH DELETE a
WITH events UNWIND events AS e
RETURN collect(DISTINCT e) AS events`;

/** Events left without evidence go, with their quantities and derived CALLED and MET; the others forget the articles. */
export const DROP_ORPHAN_EVENTS = `
UNWIND $events AS id
MATCH (e:Event {id: id})
SET e.articles = [x IN coalesce(e.articles, []) WHERE NOT x IN $articles]
WITH e WHERE NOT EXISTS { (e)-[:EVIDENCED_BY]->() }
CALL (e) { MATCH ()-[c:CALLED|MET {event: e.id}]->() DELETE c }
CALL (e) { MATCH (e)-[:HAS_QUANTITY]->(q:Quantity) DETACH DELETE q }
OPTIONAL MATCH (e)-->(x:Actor)
WITH e, collect(DISTINCT x) AS actors
DETACH DELETE e
WITH actors
UNWIND actors AS a
UNWIND actors AS b
WITH a, b WHERE a.id < b.id
MATCH (a)-[r:INTERACTED]->(b)
WHERE NOT EXISTS { (a)<--(:Event)-->(b) }
DELETE r`;

/**
 * Articles written are new or were detached first, so their sentences, and the evidence and mentions that hang
 * on them, are CREATEd. Events and entities are written before and reached by element id (no index seek):
 * row.sentences: [{id, index, start, end, text, evidence: [{e, start, end, text}], mentions: [{n, start, end}]}].
 * Evidence that is the whole sentence (the usual case) is written without properties, and a text that is the
 * sentence's own slice without text (evidenceSpan in loader.ts; evidenceOfEvents reads them back from the
 * sentence): a copy of every sentence per event would double what a load writes.
 */
export const UPSERT_ARTICLES = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.text = row.text, a.source = row.source, a.publishedAt = row.publishedAt, a.contentHash = row.contentHash,
    a.language = row.language, a.title = row.title, a.loadedAt = row.loadedAt
WITH a, row
UNWIND row.sentences AS s
CREATE (a)-[:HAS_SENTENCE]->(n:Sentence {id: s.id, article: row.id, index: s.index, start: s.start, end: s.end, text: s.text})
WITH n, s
CALL (n, s) {
  UNWIND s.evidence AS ev
  MATCH (e) WHERE elementId(e) = ev.e
  CREATE (e)-[:EVIDENCED_BY {start: ev.start, end: ev.end, text: ev.text}]->(n)
}
CALL (n, s) {
  UNWIND s.mentions AS m
  MATCH (x) WHERE elementId(x) = m.n
  CREATE (x)-[:MENTIONED_IN {start: m.start, end: m.end}]->(n)
}`;

const mergeNamed = (label: string) => `
UNWIND $rows AS row
OPTIONAL MATCH (old:${label} {id: row.id})
WITH row, old IS NULL AS created
MERGE (n:${label} {id: row.id})
ON CREATE SET n.name = row.name, n.key = row.key, n.nameEn = row.nameEn, n.unnamed = row.unnamed,
              n.iso2 = row.iso2, n.type = row.type, n.aliases = []
ON MATCH SET n.nameEn = coalesce(n.nameEn, row.nameEn), n.iso2 = coalesce(n.iso2, row.iso2),
             n.unnamed = coalesce(n.unnamed, false) AND row.unnamed, n.type = coalesce(n.type, row.type)
WITH n, row, created, coalesce(n.aliases, []) AS before
WITH n, row, created, before,
     reduce(acc = [], f IN before + row.forms | CASE WHEN f = n.name OR f IN acc THEN acc ELSE acc + f END) AS aliases
SET n.aliases = aliases, n.aliasText = reduce(t = '', f IN aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + f)
`;

export const UPSERT_ACTORS = `${mergeNamed("Actor")}
SET n:$([k IN [row.kind] WHERE k IN ['Person', 'Organization', 'Country']])
RETURN row.id AS id, elementId(n) AS element, created`;

export const UPSERT_PLACES = `${mergeNamed("Place")}
RETURN row.id AS id, elementId(n) AS element, created`;

export const UPSERT_NAMES = `
UNWIND $rows AS row
OPTIONAL MATCH (a:Actor {id: row.id})
OPTIONAL MATCH (p:Place {id: row.id})
WITH row, coalesce(a, p) AS n WHERE n IS NOT NULL
MERGE (k:Name {key: row.key})
MERGE (n)-[r:NAMED]->(k)
ON CREATE SET r.form = row.form, r.kind = row.kind
ON MATCH SET r.kind = CASE WHEN r.kind = 'family' THEN row.kind ELSE r.kind END`;

/**
 * A known person new to the graph absorbs the person:ar: nodes loaded earlier under one of its full-name keys,
 * when it is the only known person with that key and the countries do not disagree. First the (cheap) search…
 */
export const FIND_PROVISIONAL = `
UNWIND $rows AS row
MATCH (k:Name {key: row.key})
CALL (k, row) {
  MATCH (k)<-[r:NAMED]-(p:Person)
  WHERE r.kind <> 'family' AND p.id STARTS WITH 'person:ar:'
    AND NOT EXISTS { (p)-[:OF_COUNTRY]->(c:Country) WHERE row.country IS NOT NULL AND c.id <> row.country }
  RETURN p
}
WITH row, k, p
WHERE COUNT { (k)<-[r2:NAMED]-(o:Person) WHERE r2.kind <> 'family'
              AND NOT o.id STARTS WITH 'person:ar:' AND NOT o.id STARTS WITH 'person:unnamed:' } = 1
RETURN row.id AS known, collect(DISTINCT p.id) AS provisional`;
// (The Name seek comes first and the rest is a CALL per row on purpose: planned over a growing graph, the
// one-MATCH form was sometimes turned into a scan of every person per row.)

/** … then the merge (APOC core), moving every relationship of the unknown node to the known one. */
export const ABSORB_PROVISIONAL = `
UNWIND $rows AS row
MATCH (known:Actor {id: row.known})
UNWIND row.provisional AS pid
MATCH (p:Actor {id: pid})
WITH known, collect(p) AS provisional
WITH known, provisional, reduce(acc = known.aliases, x IN provisional |
       acc + [f IN [x.name] + coalesce(x.aliases, []) WHERE NOT f IN acc AND f <> known.name]) AS aliases
CALL apoc.refactor.mergeNodes([known] + provisional, {properties: 'discard', mergeRels: true}) YIELD node
SET node.aliases = aliases, node.aliasText = reduce(t = '', f IN aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + f)
RETURN count(*) AS merged`;

export const UPSERT_MEMBERSHIP = `
UNWIND $rows AS row
MATCH (n:Actor {id: row.id})
CALL (n, row) {
  MATCH (c:Actor {id: row.country}) WHERE c:Country AND c <> n
  MERGE (n)-[:OF_COUNTRY]->(c)
}
CALL (n, row) {
  MATCH (o:Actor {id: row.parent}) WHERE o <> n
  MERGE (n)-[:PART_OF]->(o)
}
CALL (n, row) {
  UNWIND row.coChairs AS cc
  MATCH (c:Actor {id: cc}) WHERE c:Country
  MERGE (c)-[:CO_CHAIRS]->(n)
}`;

export const UPSERT_POSITIONS = `
UNWIND $rows AS row
MATCH (p:Actor {id: row.person})
MERGE (pos:Position {id: row.id})
ON CREATE SET pos.title = row.title, pos.titleEn = row.titleEn
MERGE (p)-[h:HOLDS]->(pos)
SET h.validFrom = CASE WHEN h.validFrom IS NULL OR row.validFrom < h.validFrom THEN row.validFrom ELSE h.validFrom END,
    h.validTo = CASE WHEN row.validTo IS NULL THEN h.validTo
                     WHEN h.validTo IS NULL OR row.validTo > h.validTo THEN row.validTo ELSE h.validTo END
WITH pos, row
CALL (pos, row) {
  MATCH (o:Actor {id: row.organization}) WHERE o:Organization
  MERGE (pos)-[:IN]->(o)
}
CALL (pos, row) {
  MATCH (c:Actor {id: row.country}) WHERE c:Country
  MERGE (pos)-[:FOR]->(c)
}`;

/**
 * The order of event lists (dated events by start day, then undated; ties by id) as ONE stored, indexed
 * property, so "the first 50 calls" reads 51 index entries instead of sorting every call. EVENT_START is the
 * first day an event covers (its date filters use it too).
 */
const eventStart = (v: string) => `coalesce(${v}.dateFrom, split(${v}.date, '/')[0])`;
const sortKeyOf = (v: string) => `coalesce(${eventStart(v)}, '~') + '|' + ${v}.id`;
export const EVENT_START = eventStart("e");
export const EVENT_SORT_KEY = sortKeyOf("e");

/** Events written before sortKey existed get it on start (idempotent, batched). */
export const BACKFILL_EVENT_SORT_KEY = `
MATCH (e:Event) WHERE e.sortKey IS NULL
CALL (e) { SET e.sortKey = ${EVENT_SORT_KEY} } IN TRANSACTIONS OF 10000 ROWS`;

/** Which of a batch's events the graph already has (those are MERGEd, the others CREATEd). */
export const EXISTING_EVENTS = `
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id, elementId(e) AS element`;

/**
 * Events new to the graph: one CREATE per row, nothing to match. (A concurrent load creating the same event
 * first makes this fail on the event_id constraint; loadDocuments then runs the transaction again.)
 */
export const CREATE_EVENTS = `
UNWIND $rows AS row
CREATE (e:Event {id: row.id, kind: row.kind, cameo: row.cameo, date: row.date, dateFrom: row.dateFrom,
                 dateTo: row.dateTo, datePrecision: row.datePrecision, day: row.day, directed: row.directed,
                 quote: row.quote, verb: row.verb, medium: row.medium, topic: row.topic, articles: row.articles,
                 sortKey: ${sortKeyOf("row")}})
${kindLabels}
RETURN row.id AS id, elementId(e) AS element`;

/** The parts of new events, one row per part, both ends by element id: [{e, t, type, role}]. */
export const CREATE_ROLES = `
UNWIND $rows AS p
MATCH (e) WHERE elementId(e) = p.e
MATCH (t) WHERE elementId(t) = p.t
${roleWrites(true)}`;

/** The quantities of new events: [{e, id, value, approximate, atLeast, what, text, side}], side by element id. */
export const CREATE_QUANTITIES = `
UNWIND $rows AS row
MATCH (e) WHERE elementId(e) = row.e
CREATE (e)-[:HAS_QUANTITY]->(q:Quantity {id: row.id, value: row.value, approximate: row.approximate,
                                         atLeast: row.atLeast, what: row.what, text: row.text})
WITH q, row WHERE row.side IS NOT NULL
MATCH (s) WHERE elementId(s) = row.side
CREATE (q)-[:SUFFERED_BY]->(s)`;

/** The CALLED of new phone calls: [{caller, callee, event, directed, date}] (see DERIVE_CALLED). */
export const CREATE_CALLED = `
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.caller
MATCH (b) WHERE elementId(b) = row.callee
CREATE (a)-[:CALLED {event: row.event, directed: row.directed, date: row.date}]->(b)`;

/** Events the graph already had: merged with this report (a day-precise date and a direction win). */
export const UPSERT_EVENTS = `
UNWIND $rows AS row
MATCH (e:Event {id: row.id})
WITH e, row, e.directed AS wasDirected
SET e.cameo = coalesce(e.cameo, row.cameo), e.quote = coalesce(e.quote, row.quote),
    e.verb = coalesce(e.verb, row.verb), e.medium = coalesce(e.medium, row.medium),
    e.topic = coalesce(e.topic, row.topic),
    e.date = CASE WHEN e.date IS NULL OR (e.datePrecision <> 'day' AND row.datePrecision = 'day')
                  THEN row.date ELSE e.date END,
    e.dateFrom = CASE WHEN e.date IS NULL OR (e.datePrecision <> 'day' AND row.datePrecision = 'day')
                  THEN row.dateFrom ELSE e.dateFrom END,
    e.dateTo = CASE WHEN e.date IS NULL OR (e.datePrecision <> 'day' AND row.datePrecision = 'day')
                  THEN row.dateTo ELSE e.dateTo END,
    e.datePrecision = CASE WHEN e.date IS NULL OR (e.datePrecision <> 'day' AND row.datePrecision = 'day')
                  THEN row.datePrecision ELSE e.datePrecision END,
    e.directed = CASE WHEN row.directed IS NULL THEN e.directed
                      ELSE coalesce(e.directed, false) OR row.directed END,
    e.articles = coalesce(e.articles, []) + [x IN row.articles WHERE NOT x IN coalesce(e.articles, [])]
SET e.sortKey = ${EVENT_SORT_KEY}
WITH e, row, wasDirected
CALL (e, row, wasDirected) {
  WITH e WHERE row.kind = 'PhoneCall' AND row.directed = true AND coalesce(wasDirected, false) = false
  OPTIONAL MATCH (e)-[r:CALLER|CALLEE]->()
  DELETE r
  WITH DISTINCT e
  MATCH ()-[c:CALLED {event: e.id}]->()
  DELETE c
}`;

/**
 * Parts of events that existed before this transaction, one row per event. An undirected phone call does not
 * overwrite the parties an earlier report already gave it (its order is arbitrary); a directed one was cleared
 * by UPSERT_EVENTS and is written.
 */
export const UPSERT_ROLES = `
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
WITH e, row WHERE NOT row.guard OR NOT EXISTS { (e)-[:CALLER|CALLEE]->() }
UNWIND row.parts AS p
OPTIONAL MATCH (a:Actor {id: p.entity})
OPTIONAL MATCH (pl:Place {id: p.entity})
WITH e, p, coalesce(a, pl) AS t WHERE t IS NOT NULL
${roleWrites(false)}`;

export const UPSERT_QUANTITIES = `
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MERGE (q:Quantity {id: row.id})
MERGE (e)-[:HAS_QUANTITY]->(q)
SET q.value = row.value, q.approximate = row.approximate, q.atLeast = row.atLeast, q.what = row.what, q.text = row.text
WITH q, row
CALL (q, row) {
  OPTIONAL MATCH (a:Actor {id: row.side})
  OPTIONAL MATCH (pl:Place {id: row.side})
  WITH q, coalesce(a, pl) AS s WHERE s IS NOT NULL
  MERGE (q)-[:SUFFERED_BY]->(s)
}`;

/**
 * CALLED mirrors each PhoneCall: caller -> callee, the day of the call, whether the text gave the direction
 * (calledProperties in loader.ts computes the same for calls created by UPSERT_EVENTS).
 */
export const DERIVE_CALLED = `
UNWIND $ids AS id
MATCH (e:Event {id: id}) WHERE e:PhoneCall
MATCH (e)-[:CALLER]->(a:Actor)
MATCH (e)-[:CALLEE]->(b:Actor)
MERGE (a)-[c:CALLED {event: e.id}]->(b)
SET c.directed = coalesce(e.directed, false), c.date = CASE WHEN e.datePrecision = 'day' THEN e.date ELSE e.day END`;

/**
 * MET mirrors each meeting, between every two of its actors (host, guest, participant; not its place): from an
 * actor who hosts (in any report) to one who does not (directed), else from the lower id to the higher
 * (undirected), with the day of the meeting.
 * Written again from the event's parts each time a report of it is loaded (metRows in derived.ts computes
 * the same for the bulk import).
 */
export const DERIVE_MET = `
UNWIND $ids AS id
MATCH (e:Event {id: id}) WHERE e:Meeting
CALL (e) { MATCH ()-[m:MET {event: e.id}]->() DELETE m }
MATCH (e)-[r:HOST|GUEST|PARTICIPANT]->(x:Actor)
WITH e, x, any(t IN collect(type(r)) WHERE t = 'HOST') AS hosts
WITH e, collect({actor: x, hosts: hosts}) AS parties
UNWIND parties AS p
UNWIND parties AS q
WITH e, p.actor AS a, q.actor AS b, p.hosts AND NOT q.hosts AS directed, p.hosts = q.hosts AS peers
WHERE a <> b AND (directed OR (peers AND a.id < b.id))
MERGE (a)-[m:MET {event: e.id}]->(b)
SET m.directed = directed, m.date = CASE WHEN e.datePrecision = 'day' THEN e.date ELSE e.day END`;

/** Rows by element id ({a, b, event}), a the actor with the lower id. */
export const DERIVE_INTERACTED = `
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
MERGE (a)-[r:INTERACTED]->(b)
ON CREATE SET r.firstEvent = row.event`;

/** How many nodes the database holds (the bulk import refuses a database that has any). */
export const COUNT_NODES = "MATCH (n) RETURN count(n) AS n";

/** After a bulk import: what the importer cannot write (an empty list is an absent value in its CSV). */
export const AFTER_IMPORT = `
MATCH (n) WHERE (n:Actor OR n:Place) AND n.aliases IS NULL
CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 10000 ROWS`;

/**
 * The four workloads, as the request body each server gets. The same parameters (actor names, ids,
 * search words) go to all three servers; each request takes the next parameter set in turn.
 */
import type { Graph } from "../src/graph/driver.js";

export type ServerKind = "akhbar" | "peer" | "floor";
export type Workload = "W1" | "W2" | "W3" | "W4";
export const WORKLOADS: Workload[] = ["W1", "W2", "W3", "W4"];
export const WORKLOAD_NAMES: Record<Workload, string> = {
  W1: "who called whom (first 50 calls, caller and callee names)",
  W2: "one actor by name with its calls, statements and their evidence (nested)",
  W3: "shortest path between two actors (at most 4 hops)",
  W4: "full-text search (10 hits)",
};

export interface WorkloadParams {
  /** W2: actor names (each names exactly one actor) */
  names: string[];
  /** W3: actor id pairs */
  pairs: [string, string][];
  /** W4: search words */
  words: string[];
}

const AKHBAR = {
  W1: "{ phoneCalls(first: 50) { nodes { id date caller { name } callee { name } } } }",
  W2: `query ($name: String!) { actor(name: $name) { id name ... on Person {
    calls(first: 10) { nodes { id date caller { name } callee { name } evidence { text sentence } } }
    statements(first: 10) { nodes { id quote evidence { text sentence } } } } } }`,
  W3: `query ($from: String!, $to: String!) { shortestPath(from: $from, to: $to, maxHops: 4) {
    hops actors { id name } events { id kind } } }`,
  W4: `query ($text: String!) { search(text: $text, first: 10) {
    kind score text actor { id name } event { id kind } sentence { id text } } }`,
};

// @neo4j/graphql 7: lists take limit/sort directly; relationship fields are lists. Evidence is read through
// the connection field: its own text (a relationship property) only when it is part of a sentence, so the
// sentence's text too, which is the evidence text when the evidence is the whole sentence (as akhbar reads it).
const PEER = {
  W1: `{ phoneCalls(limit: 50, sort: [{ dateFrom: ASC }, { id: ASC }]) { id date caller { name } callee { name } } }`,
  W2: `query ($name: String!) { people(where: { name: { eq: $name } }) { id name
    callsMade(limit: 10, sort: [{ dateFrom: ASC }, { id: ASC }]) { id date caller { name } callee { name }
      evidenceConnection { edges { properties { text } node { index text } } } }
    callsReceived(limit: 10, sort: [{ dateFrom: ASC }, { id: ASC }]) { id date caller { name } callee { name }
      evidenceConnection { edges { properties { text } node { index text } } } }
    statements(limit: 10, sort: [{ dateFrom: ASC }, { id: ASC }]) { id quote
      evidenceConnection { edges { properties { text } node { index text } } } } } }`,
  W3: `query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { __typename
    ... on Person { id name } ... on Organization { id name } ... on Country { id name } ... on GenericEvent { id kind } } }`,
  W4: `query ($text: String!) {
    peopleByName(phrase: $text, first: 10) { edges { score node { id name } } }
    statementsByText(phrase: $text, first: 10) { edges { score node { id quote } } } }`,
};

export function requestBodies(server: ServerKind, w: Workload, p: WorkloadParams): string[] {
  const gql = (query: string, variables: Record<string, unknown>[]) =>
    variables.map((v) => JSON.stringify({ query, variables: v }));
  const q = server === "akhbar" ? AKHBAR : PEER;
  if (server === "floor") {
    if (w === "W1") return ["{}"];
    if (w === "W2") return p.names.map((name) => JSON.stringify({ name }));
    if (w === "W3") return p.pairs.map(([from, to]) => JSON.stringify({ from, to }));
    return p.words.map((text) => JSON.stringify({ text }));
  }
  if (w === "W1") return gql(q.W1, [{}]);
  if (w === "W2")
    return gql(
      q.W2,
      p.names.map((name) => ({ name })),
    );
  if (w === "W3")
    return gql(
      q.W3,
      p.pairs.map(([from, to]) => ({ from, to })),
    );
  return gql(
    q.W4,
    p.words.map((text) => ({ text })),
  );
}

export function requestPath(server: ServerKind, w: Workload): string {
  return server === "floor" ? `/${w.toLowerCase()}` : "/graphql";
}

/**
 * Parameters from the loaded graph: persons spread over the whole popularity range (not only the busiest),
 * whose name is unique both as akhbar's name key and as a plain `name` (what the peer filters on).
 */
export async function pickParams(graph: Graph, n = 20): Promise<WorkloadParams> {
  const res = await graph.read(
    `MATCH (p:Person) WHERE p.key IS NOT NULL AND NOT p.id STARTS WITH 'person:unnamed:'
WITH p, COUNT { (p)<-[:CALLER|CALLEE|SPEAKER]-(:Event) } AS n WHERE n > 0
WITH p, n ORDER BY n DESC, p.id LIMIT 400
WHERE COUNT { (:Name {key: p.key})<-[:NAMED]-() } = 1 AND COUNT { (o:Actor {name: p.name}) } = 1
RETURN p.id AS id, p.name AS name, n`,
  );
  const all = res.records.map((r) => ({ id: r.get("id") as string, name: r.get("name") as string }));
  const step = Math.max(1, Math.floor(all.length / n));
  const chosen = all.filter((_, i) => i % step === 0).slice(0, n);
  if (chosen.length < 2) throw new Error("not enough persons in the graph to pick workload parameters");
  // W3: from each chosen person to a person two actor-hops away (a call partner of a call partner), so a
  // path within maxHops exists; pairs the query cannot connect would measure an exhaustive search instead.
  const far = await graph.read(
    `UNWIND $ids AS id
CALL (id) {
  MATCH (a:Person {id: id})-[:CALLED]-(m:Person)-[:CALLED]-(b:Person)
  WHERE b <> a AND NOT EXISTS { (a)-[:CALLED]-(b) }
  RETURN b.id AS other ORDER BY other LIMIT 1
}
RETURN id, other`,
    { ids: chosen.map((a) => a.id) },
  );
  const pairs: [string, string][] = far.records.map((r) => [r.get("id") as string, r.get("other") as string]);
  if (pairs.length === 0) pairs.push([(chosen[0] as { id: string }).id, (chosen[1] as { id: string }).id]);
  const words = ["الحوار", "التصعيد", "التفاوض", "خطير", "أرضنا", "الهجوم"];
  for (const a of chosen.slice(0, 6)) words.push(a.name.split(" ")[0] as string);
  return { names: chosen.map((a) => a.name), pairs, words };
}

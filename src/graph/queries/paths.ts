/** The shortest connection between two actors: one Cypher statement. */
import type { Graph } from "../driver.js";
import { actorProjection, eventProjection, NON_CONNECTING_RELATIONSHIPS } from "./fragments.js";
import type { ActorRow, EventRow } from "./rows.js";

export const MAX_PATH_HOPS = 6;

export interface PathNodeRow {
  actor: ActorRow | null;
  event: EventRow | null;
  position: { id: string; title: string; titleEn: string | null } | null;
}

export interface PathRow {
  nodes: PathNodeRow[];
  /** relationships[i] joins nodes[i] and nodes[i+1]: its type, and whether it points from i to i+1 */
  relationships: { type: string; forward: boolean }[];
}

// A hop between two actors is at most two relationships (actor–event–actor, person–office–country);
// variable-length bounds must be literals in Cypher, so each allowed hop count has its own fixed text.
// shortestPath() searches from both ends at once and checks the all() predicates while it expands, so it
// stays cheap on large graphs (the SHORTEST 1 form expanded from one end and could not finish at 10^5 events).
const cypherFor = new Map<number, string>();
for (let hops = 1; hops <= MAX_PATH_HOPS; hops++) {
  cypherFor.set(
    hops,
    `MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = shortestPath((a)-[*1..${hops * 2}]-(b))
WHERE all(r IN relationships(p) WHERE NOT type(r) IN $notConnecting)
  AND all(n IN nodes(p) WHERE n:Actor OR n:Event OR n:Position)
RETURN [n IN nodes(p) | {
  actor: CASE WHEN n:Actor THEN ${actorProjection("n")} END,
  event: CASE WHEN n:Event THEN ${eventProjection("n")} END,
  position: CASE WHEN n:Position THEN n { .id, title: coalesce(n.title, n.titleEn, n.id), .titleEn } END
}] AS nodes,
[i IN range(0, length(p) - 1) | {
  type: type(relationships(p)[i]),
  forward: startNode(relationships(p)[i]) = nodes(p)[i]
}] AS relationships`,
  );
}

/** Null when the actors are not connected within maxHops actor-to-actor hops. */
export async function shortestPath(
  graph: Graph,
  fromId: string,
  toId: string,
  maxHops: number,
): Promise<PathRow | null> {
  const cypher = cypherFor.get(maxHops);
  if (!cypher) throw new RangeError(`maxHops must be an integer from 1 to ${MAX_PATH_HOPS}`);
  if (fromId === toId) return null;
  const res = await graph.read(cypher, { from: fromId, to: toId, notConnecting: [...NON_CONNECTING_RELATIONSHIPS] });
  const r = res.records[0];
  if (!r) return null;
  return { nodes: r.get("nodes") as PathNodeRow[], relationships: r.get("relationships") as PathRow["relationships"] };
}

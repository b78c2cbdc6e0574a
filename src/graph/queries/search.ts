/** Full-text search over actor names and event text (the `arabic` analyzer: it stems, so it is fuzzy). */
import type { Graph } from "../driver.js";
import { actorProjection, eventProjection, int } from "./fragments.js";
import type { ActorRow, EventRow, SentenceRow } from "./rows.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns free text into a safe Lucene query: every special character escaped, so the words are searched
 * for as words (any of them; better matches score higher). Null when no word is left.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .split(/\s+/u)
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((w) => w.length > 0 && !/^(AND|OR|NOT)$/.test(w));
  return words.length === 0 ? null : words.join(" ");
}

export interface SearchHitRow {
  score: number;
  actor: ActorRow | null;
  event: EventRow | null;
  sentence: SentenceRow | null;
}

export async function searchText(graph: Graph, query: string, limit: number): Promise<SearchHitRow[]> {
  const res = await graph.read(
    `CALL () {
  CALL db.index.fulltext.queryNodes('actor_names', $query) YIELD node, score
  RETURN node, score ORDER BY score DESC LIMIT $limit
  UNION ALL
  CALL db.index.fulltext.queryNodes('event_text', $query) YIELD node, score
  RETURN node, score ORDER BY score DESC LIMIT $limit
}
WITH node, score ORDER BY score DESC LIMIT $limit
RETURN score,
  CASE WHEN node:Actor OR node:Place THEN ${actorProjection("node")} END AS actor,
  CASE WHEN node:Event THEN ${eventProjection("node")} END AS event,
  CASE WHEN node:Sentence THEN node {
    .id, .index, .start, .end, .text, articleId: head([(art:Article)-[:HAS_SENTENCE]->(node) | art.id])
  } END AS sentence`,
    { query, limit: int(limit) },
  );
  return res.records.map((r) => ({
    score: r.get("score") as number,
    actor: r.get("actor") as ActorRow | null,
    event: r.get("event") as EventRow | null,
    sentence: r.get("sentence") as SentenceRow | null,
  }));
}

import { afterAll, beforeAll } from "vitest";
import { type Graph, type GraphOptions, openGraph } from "../../src/graph/driver.js";
import { applySchema } from "../../src/graph/schema.js";
import { testNeo4jConfig } from "./testDb.js";

/** Nodes by label and relationships by type. */
export async function graphCounts(
  graph: Graph,
): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> {
  const n = await graph.read("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l");
  const r = await graph.read("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t");
  return {
    nodes: Object.fromEntries(n.records.map((x) => [x.get("l"), x.get("c")])),
    rels: Object.fromEntries(r.records.map((x) => [x.get("t"), x.get("c")])),
  };
}

/** Empties the database (keeps constraints and indexes). */
export async function emptyGraph(graph: Graph): Promise<void> {
  await graph.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
}

/**
 * For an integration test file: a driver on the test Neo4j with the schema applied and the database
 * emptied before the file runs. Use `ctx.graph` inside tests.
 */
export function useTestGraph(options: GraphOptions = {}): { graph: Graph } {
  const ctx = {} as { graph: Graph };
  beforeAll(async () => {
    ctx.graph = openGraph(testNeo4jConfig(), options);
    await applySchema(ctx.graph);
    await emptyGraph(ctx.graph);
  });
  afterAll(async () => {
    await ctx.graph?.close();
  });
  return ctx;
}

/**
 * PROFILE of akhbar's read Cypher for W1–W3 on whatever the bench Neo4j (port 7698) holds now (not part of
 * `npm run bench`): node .data/bench-build/bench/profile-w3.js
 */
import { openGraph } from "../src/graph/driver.js";
import * as q from "../src/graph/queries/index.js";
import { benchConfig, type Plan, printPlan } from "./neo4j.js";
import { pickParams } from "./workloads.js";

const graph = openGraph(benchConfig(), { readTimeoutMs: 0 });
const params = await pickParams(graph);
const captured: { cypher: string; params: Record<string, unknown> }[] = [];
const spy = {
  ...graph,
  read: (cypher: string, p: Record<string, unknown> = {}) => {
    captured.push({ cypher, params: p });
    return graph.read(cypher, p);
  },
};
const [from, to] = params.pairs[0] as [string, string];
await q.listEvents(spy, { label: "PhoneCall", actors: [] }, { skip: 0, limit: 50 });
await q.shortestPath(spy, from, to, 4);
for (const c of captured) {
  const t0 = performance.now();
  const res = await graph.read(`PROFILE ${c.cypher}`, c.params);
  console.log(`\n${c.cypher.split("\n")[0]} … ${(performance.now() - t0).toFixed(0)} ms`);
  printPlan(res.summary.profile as unknown as Plan, 2);
}
await graph.close();

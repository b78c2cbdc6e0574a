/**
 * Loader profiling (not part of `npm run bench`): empties the bench Neo4j (port 7698), loads
 * AKHBAR_PROFILE_BATCHES batches of AKHBAR_PROFILE_BATCH generated articles and prints the time spent per
 * loader statement; with AKHBAR_PROFILE_PLAN=1 the last batch is repeated as PROFILE of each statement
 * (in a transaction that is rolled back) and the db hits per operator are printed.
 *
 *   npx tsc -p bench/tsconfig.json && node .data/bench-build/bench/profile-load.js
 */
import { buildWorld, generateArticle } from "./generate.js";
import { benchNeo4j, emptyDatabase, type Plan, printPlan } from "./neo4j.js";

const { loadDocuments } = await import("../src/graph/loader.js");
const env = process.env;
const BATCHES = Number(env.AKHBAR_PROFILE_BATCHES || 5);
const BATCH = Number(env.AKHBAR_PROFILE_BATCH || 200);

const { graph, stop } = await benchNeo4j({ say: (l) => console.log(l) });
await emptyDatabase(graph);
const world = buildWorld({ seed: 1 });
let n = 0;
const timings: Record<string, number> = {};
for (let b = 0; b < BATCHES; b++) {
  const batch = [];
  for (let k = 0; k < BATCH; k++) batch.push(generateArticle(world, n++, { eventsPerArticle: 25 }));
  const events = batch.reduce((s, a) => s + a.doc.events.length, 0);
  const t0 = performance.now();
  const plans: [string, unknown][] = [];
  const onProfile =
    env.AKHBAR_PROFILE_PLAN === "1" && b === BATCHES - 1
      ? (name: string, p: unknown) => plans.push([name, p])
      : undefined;
  await loadDocuments(graph, batch, { timings, onProfile });
  for (const [name, plan] of plans) {
    console.log(`PROFILE ${name}:`);
    printPlan(plan as Plan, 2);
  }
  const ms = performance.now() - t0;
  console.log(`batch ${b}: ${events} events in ${ms.toFixed(0)} ms = ${Math.round(events / (ms / 1000))} events/s`);
}
for (const [k, v] of Object.entries(timings).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${k.padEnd(22)} ${(v / 1000).toFixed(2)} s`);
}
await graph.close();
if (env.AKHBAR_PROFILE_STOP === "1") await stop();

/**
 * Loader profiling (not part of `npm run bench`): loads AKHBAR_PROFILE_BATCHES batches of AKHBAR_PROFILE_BATCH
 * generated articles into a fresh bench Neo4j (port 7698) with AKHBAR_PROFILE_CONCURRENCY transactions at a
 * time, and prints the time spent per loader statement (batches after the first AKHBAR_PROFILE_WARM, which pay
 * Cypher planning and JIT warm-up). With AKHBAR_PROFILE_PLAN=1 every statement of the last batch runs as
 * PROFILE and the db hits per operator are printed.
 *
 *   npm run -s bench:build && node .data/bench-build/bench/profile-load.js
 */
import { buildWorld, generateArticle } from "./generate.js";
import { benchNeo4j, type Plan, printPlan } from "./neo4j.js";

const { loadDocuments } = await import("../src/graph/loader.js");
const env = process.env;
const BATCHES = Number(env.AKHBAR_PROFILE_BATCHES || 5);
const BATCH = Number(env.AKHBAR_PROFILE_BATCH || 200);
const WARM = Number(env.AKHBAR_PROFILE_WARM || 2);
const CONCURRENCY = Number(env.AKHBAR_PROFILE_CONCURRENCY || 1);

// fresh: a new data folder (emptying a big graph takes minutes).
const { graph, stop } = await benchNeo4j({ say: (l) => console.log(l), fresh: true });
const world = buildWorld({ seed: 1 });
const timings: Record<string, number> = {};
let next = 0;
let steadyEvents = 0;
let steadyStart = 0;

async function worker() {
  for (let b = next++; b < BATCHES; b = next++) {
    if (b === WARM) steadyStart = performance.now();
    const batch = [];
    for (let k = 0; k < BATCH; k++) batch.push(generateArticle(world, b * BATCH + k, { eventsPerArticle: 25 }));
    const events = batch.reduce((s, a) => s + a.doc.events.length, 0);
    const t0 = performance.now();
    const plans: [string, unknown][] = [];
    const onProfile =
      env.AKHBAR_PROFILE_PLAN === "1" && b === BATCHES - 1
        ? (name: string, p: unknown) => plans.push([name, p])
        : undefined;
    const own: Record<string, number> = {};
    await loadDocuments(graph, batch, { timings: own, onProfile });
    const inStatements = Object.values(own).reduce((x, y) => x + y, 0);
    for (const [name, plan] of plans) {
      console.log(`PROFILE ${name}:`);
      printPlan(plan as Plan, 2);
    }
    const ms = performance.now() - t0;
    console.log(
      `batch ${b}: ${events} events in ${ms.toFixed(0)} ms = ${Math.round(events / (ms / 1000))} events/s ` +
        `(statements and row building ${inStatements.toFixed(0)} ms, commit and the rest ${(ms - inStatements).toFixed(0)} ms)`,
    );
    if (b < WARM) continue;
    for (const [k, v] of Object.entries(own)) timings[k] = (timings[k] ?? 0) + v;
    timings.commit = (timings.commit ?? 0) + ms - inStatements;
    steadyEvents += events;
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const steadyMs = performance.now() - steadyStart;
console.log(
  `steady state (batches ${WARM}..${BATCHES - 1}, ${CONCURRENCY} at a time): ` +
    `${Math.round(steadyEvents / (steadyMs / 1000))} events/s`,
);
for (const [k, v] of Object.entries(timings).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${k.padEnd(22)} ${(v / 1000).toFixed(2)} s`);
}
await graph.close();
if (env.AKHBAR_PROFILE_STOP === "1") await stop();

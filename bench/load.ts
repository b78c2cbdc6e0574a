/**
 * Load benchmark (not a test): generates a synthetic corpus (bench/generate.ts) of at least 100,000 events
 * and loads it into a real Neo4j, reporting events/s as the graph grows.
 *
 *   npm run bench:load                       # 100,000 events, 400 articles per transaction
 *   AKHBAR_BENCH_EVENTS=300000 AKHBAR_BENCH_BATCH=80 npm run bench:load
 *
 * It starts its own Neo4j on AKHBAR_BENCH_NEO4J_PORT (default 7697, data in .data/bench-neo4j-<port>) and
 * EMPTIES it first. With NEO4J_URI set it uses that server instead, only if AKHBAR_BENCH_RESET=1 allows
 * emptying it. The bulk path writes several articles per transaction (loadDocuments); the last phase measures
 * the CLI's one-article-per-transaction path on the grown graph for comparison.
 */
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { neo4jConfig, repoRoot } from "../src/config.js";
import { type Graph, openGraph } from "../src/graph/driver.js";
import { type LoadInput, loadDocuments } from "../src/graph/loader.js";
import { startLocalNeo4j } from "../src/graph/localNeo4j.js";
import { applySchema } from "../src/graph/schema.js";
import { buildWorld, type GeneratedArticle, generateArticle } from "./generate.js";

const env = process.env;
const TARGET_EVENTS = Number(env.AKHBAR_BENCH_EVENTS || 100_000);
const BATCH = Number(env.AKHBAR_BENCH_BATCH || 400);
const EVENTS_PER_ARTICLE = Number(env.AKHBAR_BENCH_EVENTS_PER_ARTICLE || 25);
const SINGLE = Number(env.AKHBAR_BENCH_SINGLE || 200);
const FLOOR = 10_000;

const port = env.AKHBAR_BENCH_NEO4J_PORT || "7697";
const cfg = neo4jConfig({
  ...env,
  AKHBAR_NEO4J_PORT: port,
  AKHBAR_DATA_DIR: env.AKHBAR_BENCH_DATA_DIR || path.join(repoRoot, ".data", `bench-neo4j-${port}`),
  AKHBAR_NEO4J_HEAP: env.AKHBAR_NEO4J_HEAP || "2g",
});
let graph: Graph;
const log = (line: string) => process.stdout.write(`${line}\n`);

beforeAll(async () => {
  if (cfg.externalUri && env.AKHBAR_BENCH_RESET !== "1") {
    throw new Error(`the benchmark empties ${cfg.externalUri}; set AKHBAR_BENCH_RESET=1 to allow it`);
  }
  if (!cfg.externalUri) await startLocalNeo4j(cfg, log);
  graph = openGraph(cfg);
  await applySchema(graph);
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  await graph?.close();
});

it(`loads ${TARGET_EVENTS} synthetic events at >= ${FLOOR} events/s`, async () => {
  const world = buildWorld({ seed: 1 });
  log(`world: ${world.countries.length} countries, ${world.orgs.length} organizations, ${world.people.length} people`);
  log(`bulk path: ${BATCH} articles per transaction, ~${EVENTS_PER_ARTICLE} events per article`);
  log("events\tarticles\tbatch ms\tcumulative events/s\twindow events/s");
  let events = 0;
  let articles = 0;
  let loadMs = 0;
  let windowEvents = 0;
  let windowMs = 0;
  let nextReport = 10_000;
  const rows: { events: number; cumulative: number; window: number }[] = [];
  const timings: Record<string, number> = {};
  while (events < TARGET_EVENTS) {
    const batch: GeneratedArticle[] = [];
    for (let k = 0; k < BATCH; k++)
      batch.push(generateArticle(world, articles + k, { eventsPerArticle: EVENTS_PER_ARTICLE }));
    const batchEvents = batch.reduce((n, a) => n + a.doc.events.length, 0);
    const t0 = performance.now();
    await loadDocuments(graph, batch as LoadInput[], { timings });
    const ms = performance.now() - t0;
    articles += batch.length;
    events += batchEvents;
    loadMs += ms;
    windowEvents += batchEvents;
    windowMs += ms;
    if (events >= nextReport || events >= TARGET_EVENTS) {
      const row = {
        events,
        cumulative: Math.round(events / (loadMs / 1000)),
        window: Math.round(windowEvents / (windowMs / 1000)),
      };
      rows.push(row);
      log(`${events}\t${articles}\t${ms.toFixed(0)}\t${row.cumulative}\t${row.window}`);
      windowEvents = 0;
      windowMs = 0;
      nextReport += nextReport < 50_000 ? 10_000 : 25_000;
    }
  }
  const bulkRate = Math.round(events / (loadMs / 1000));
  log("time per statement (bulk path):");
  for (const [name, ms] of Object.entries(timings).sort((a, b) => b[1] - a[1])) {
    log(`  ${name.padEnd(22)} ${(ms / 1000).toFixed(1)} s`);
  }

  // The CLI path: one article per transaction, on the grown graph.
  let singleEvents = 0;
  const t1 = performance.now();
  for (let k = 0; k < SINGLE; k++) {
    const a = generateArticle(world, articles + k, { eventsPerArticle: EVENTS_PER_ARTICLE });
    singleEvents += a.doc.events.length;
    await loadDocuments(graph, [a]);
  }
  const singleMs = performance.now() - t1;
  const singleRate = Math.round(singleEvents / (singleMs / 1000));

  const counts = await graph.read(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } " +
      "CALL { MATCH (e:Event) RETURN count(e) AS ev } RETURN nodes, rels, ev",
  );
  const c = counts.records[0];
  log("");
  log(
    `bulk: ${events} events in ${articles} articles, ${(loadMs / 1000).toFixed(1)} s of load time: ${bulkRate} events/s`,
  );
  log(`one article per transaction: ${singleEvents} events in ${SINGLE} articles: ${singleRate} events/s`);
  log(
    `graph: ${c?.get("nodes")} nodes, ${c?.get("rels")} relationships, ${c?.get("ev")} distinct events (cross-article merges fold some)`,
  );
  log(`floor ${FLOOR} events/s: ${bulkRate >= FLOOR ? "met" : "NOT met"}`);
  expect(events).toBeGreaterThanOrEqual(TARGET_EVENTS);
});

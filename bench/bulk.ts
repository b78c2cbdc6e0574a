/**
 * Loading at scale (issue 15), measured in one go on a store of its own (bench port, .data/bench-import):
 *
 *  1. the bulk import (`akhbar import`'s code: src/graph/importer.ts) of the synthetic corpus of bench/generate.ts
 *     (10^6 events in full mode): its generated document graphs are written as CSV and imported by
 *     neo4j-admin; extraction is timed apart, over the same articles' texts in worker threads (one per core),
 *     as `akhbar import` does;
 *  2. 1,000 further synthetic articles loaded on top of the imported graph in batched transactions (the path of
 *     `akhbar load` and of the load steps of bench/run.ts);
 *  3. `akhbar load DIR` (loadFiles: extraction + batched transactions) of a folder of >= 1,000 real-text
 *     articles, written from the seed and the dev corpora (each copy its own publication day and content).
 *
 *   npm run -s bench:build && node .data/bench-build/bench/bulk.js [--quick]
 *   npm run -s bench:build && node .data/bench-build/bench/bulk.js --folders   # only 3., on an empty store
 *
 * Environment: AKHBAR_BENCH_NEO4J_PORT (the bench's Bolt port), AKHBAR_BENCH_TIMINGS=1 (ms by statement and
 * commit of each folder load), AKHBAR_BENCH_BATCH=articles,events (other batch sizes), AKHBAR_BENCH_DROP_FULLTEXT=1
 * (--folders without the full-text indexes).
 *
 * Nothing here asserts a timing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { neo4jConfig } from "../src/config.js";
import { extractAll } from "../src/extract/pool.js";
import { type Graph, openGraph } from "../src/graph/driver.js";
import { importCorpus } from "../src/graph/importer.js";
import { type LoadInput, loadDocuments } from "../src/graph/loader.js";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/graph/localNeo4j.js";
import { loadFiles, readSources } from "../src/ingest/files.js";
import { buildWorld, type GeneratedArticle, generateArticle } from "./generate.js";
import { BENCH_PORT, benchNeo4j, checkoutRoot, linkCheckoutFolders } from "./neo4j.js";

export interface BulkResult {
  import: {
    articles: number;
    events: number;
    nodes: number;
    relationships: number;
    extractSeconds: number;
    csvSeconds: number;
    importerSeconds: number;
    schemaSeconds: number;
    serverSeconds: number;
    /** events / (CSV + importer + schema): excluding extraction and the server's stop and start */
    eventsPerSecond: number;
    /** events / (extraction + CSV + importer + schema + server stop/start) */
    eventsPerSecondWithExtraction: number;
    /** seconds of the schema phase by step (the fix-up after the import, each constraint and index) */
    schemaSteps?: Record<string, number>;
  };
  onTop: { articles: number; events: number; seconds: number; eventsPerSecond: number; skippedAgain: number };
  /** `akhbar load DIR` of real-text articles (few events each) and of synthetic-text ones (~15 found each) */
  folder: FolderLoad;
  syntheticFolder: FolderLoad;
  loadavg: number[];
}

const EVENTS_PER_ARTICLE = 25;

interface FolderLoad {
  articles: number;
  events: number;
  transactions: number;
  seconds: number;
  eventsPerSecond: number;
}

async function loadFolder(graph: Graph, dir: string, what: string, say: (line: string) => void): Promise<FolderLoad> {
  const timings: Record<string, number> = {};
  const batch = process.env.AKHBAR_BENCH_BATCH?.split(",").map(Number); // articles,events: to try other sizes
  const f = await loadFiles(graph, [dir], {
    timings,
    ...(batch ? { batchArticles: batch[0], batchEvents: batch[1] } : {}),
  });
  timings.total = f.ms;
  const out = {
    articles: f.files,
    events: f.events.written,
    transactions: f.transactions,
    seconds: Number((f.ms / 1000).toFixed(2)),
    eventsPerSecond: Math.round(f.events.written / (f.ms / 1000)),
  };
  say(
    `  akhbar load DIR: ${out.articles} ${what} articles (${f.loaded} loaded, ${f.failed} failed), ` +
      `${out.events} events in ${out.transactions} transactions, ${out.seconds} s with extraction: ` +
      `${out.eventsPerSecond} events/s`,
  );
  if (process.env.AKHBAR_BENCH_TIMINGS)
    say(
      `    ms by step: ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`,
    );
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** A folder of real-text articles: the seed and dev corpus items in turn, each copy its own day and content. */
export function writeArticleFolder(dir: string, count: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sources = readSources([
    path.join(checkoutRoot, "seeds"),
    path.resolve(checkoutRoot, "../shared/corpus/dev"),
  ]).filter((s) => s.text.length < 20_000);
  for (let i = 0; i < count; i++) {
    const s = sources[i % sources.length] as (typeof sources)[number];
    const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const name = `article-${String(i).padStart(5, "0")}`;
    fs.writeFileSync(path.join(dir, `${name}.txt`), `${s.text}\n\n(${name})\n`);
    fs.writeFileSync(
      path.join(dir, `${name}.meta.json`),
      JSON.stringify({ id: name, source: s.meta.source ?? null, publishedAt: day }),
    );
  }
}

/**
 * `akhbar load DIR` twice: a folder of real-text articles (few events each), then one of the generator's own
 * texts (articles no store has yet), both extracted by akhbar's extractor.
 */
export async function measureFolders(
  graph: Graph,
  world: ReturnType<typeof buildWorld>,
  count: number,
  say: (line: string) => void,
): Promise<{ folder: FolderLoad; syntheticFolder: FolderLoad }> {
  const dir = path.join(checkoutRoot, ".data", "bench-folder");
  writeArticleFolder(dir, count);
  const folder = await loadFolder(graph, dir, "real-text", say);
  fs.mkdirSync(dir, { recursive: true });
  for (let k = 0; k < count; k++) {
    const a = generateArticle(world, 2_000_000 + k, { eventsPerArticle: EVENTS_PER_ARTICLE });
    fs.writeFileSync(path.join(dir, `${a.doc.document.id}.txt`), a.text);
    fs.writeFileSync(
      path.join(dir, `${a.doc.document.id}.meta.json`),
      JSON.stringify({ id: a.doc.document.id, publishedAt: a.doc.document.publishedAt }),
    );
  }
  const syntheticFolder = await loadFolder(graph, dir, "synthetic-text", say);
  return { folder, syntheticFolder };
}

export async function measureBulk(opts: {
  events: number;
  folderArticles: number;
  say: (line: string) => void;
}): Promise<BulkResult> {
  const { say } = opts;
  linkCheckoutFolders();
  const cfg = neo4jConfig({
    ...process.env,
    NEO4J_URI: "",
    NEO4J_DATABASE: "neo4j",
    AKHBAR_NEO4J_PORT: BENCH_PORT,
    AKHBAR_DATA_DIR: path.join(checkoutRoot, ".data", "bench-import"),
    AKHBAR_NEO4J_HEAP: "2g",
  });
  await stopLocalNeo4j(cfg);
  fs.rmSync(cfg.dataDir, { recursive: true, force: true });

  const world = buildWorld({ seed: 1 });
  const articles: GeneratedArticle[] = [];
  let events = 0;
  while (events < opts.events) {
    const a = generateArticle(world, articles.length, { eventsPerArticle: EVENTS_PER_ARTICLE });
    articles.push(a);
    events += a.doc.events.length;
  }
  say(`bulk import: ${articles.length} synthetic articles, ${events} events generated`);

  // Extraction, timed apart: the articles' texts through the worker pool of `akhbar import`.
  const t0 = performance.now();
  await extractAll(articles.map((a) => ({ origin: a.doc.document.id, text: a.text, meta: a.doc.document })));
  const extractSeconds = (performance.now() - t0) / 1000;
  say(`  extraction of their texts: ${extractSeconds.toFixed(1)} s on ${os.availableParallelism()} worker threads`);

  const summary = await importCorpus(cfg, articles, { say: (l) => say(`  ${l}`), keepCsv: false });
  const ms = summary.ms;
  const imported = summary.files.counts;
  const work = (ms.csv + ms.importer + ms.schema) / 1000;
  const all = extractSeconds + work + ms.server / 1000;
  const result: BulkResult["import"] = {
    articles: imported.articles,
    events,
    nodes: imported.nodes,
    relationships: imported.relationships,
    extractSeconds: Number(extractSeconds.toFixed(2)),
    csvSeconds: Number((ms.csv / 1000).toFixed(2)),
    importerSeconds: Number((ms.importer / 1000).toFixed(2)),
    schemaSeconds: Number((ms.schema / 1000).toFixed(2)),
    serverSeconds: Number((ms.server / 1000).toFixed(2)),
    eventsPerSecond: Math.round(events / work),
    eventsPerSecondWithExtraction: Math.round(events / all),
    schemaSteps: Object.fromEntries(
      Object.entries(summary.schemaMs)
        .filter(([, v]) => v >= 500)
        .map(([k, v]) => [k, Number((v / 1000).toFixed(1))]),
    ),
  };
  say(
    `  import: ${result.eventsPerSecond} events/s excluding extraction (CSV ${result.csvSeconds} s, importer ` +
      `${result.importerSeconds} s, schema ${result.schemaSeconds} s); ${result.eventsPerSecondWithExtraction} ` +
      `events/s with extraction and the server's stop/start (${result.serverSeconds} s)`,
  );

  // The import left the server stopped (it was not running before): start it for the loads on top.
  await startLocalNeo4j(cfg, (l) => say(`  ${l}`));
  const graph: Graph = openGraph(cfg, { readTimeoutMs: 0 });
  try {
    // Nothing is loaded twice: the first imported articles again are all skipped.
    const again = await loadDocuments(graph, articles.slice(0, 200));
    const skippedAgain = again.articles.filter((a) => a.status === "skipped").length;
    const more: LoadInput[] = [];
    for (let k = 0; k < 1000; k++)
      more.push(generateArticle(world, articles.length + k, { eventsPerArticle: EVENTS_PER_ARTICLE }));
    const t1 = performance.now();
    let onTopEvents = 0;
    for (let i = 0; i < more.length; i += 200) {
      const s = await loadDocuments(graph, more.slice(i, i + 200));
      onTopEvents += s.events.written;
    }
    const onTopSeconds = (performance.now() - t1) / 1000;
    const onTop = {
      articles: more.length,
      events: onTopEvents,
      seconds: Number(onTopSeconds.toFixed(2)),
      eventsPerSecond: Math.round(onTopEvents / onTopSeconds),
      skippedAgain,
    };
    say(
      `  akhbar load on top (batched): ${onTop.articles} articles, ${onTop.events} events in ${onTop.seconds} s: ` +
        `${onTop.eventsPerSecond} events/s; ${skippedAgain}/200 imported articles loaded again were skipped`,
    );

    const { folder, syntheticFolder } = await measureFolders(graph, world, opts.folderArticles, say);
    return { import: result, onTop, folder, syntheticFolder, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))) };
  } finally {
    await graph.close();
    await stopLocalNeo4j(cfg);
  }
}

/** `--folders`: only the two `akhbar load DIR` measurements, on a fresh empty store (quick to repeat). */
async function foldersOnly(count: number, say: (line: string) => void) {
  const neo = await benchNeo4j({ say: (l) => say(`  ${l}`), fresh: true });
  try {
    await loadFiles(neo.graph, [path.join(checkoutRoot, "seeds")]); // warms the server up (plans compiled)
    // experiment (bench/NOTES.md): what the two full-text indexes cost the loads' commits
    if (process.env.AKHBAR_BENCH_DROP_FULLTEXT) {
      await neo.graph.autoCommit("DROP INDEX event_text IF EXISTS");
      await neo.graph.autoCommit("DROP INDEX actor_names IF EXISTS");
    }
    const r = await measureFolders(neo.graph, buildWorld({ seed: 1 }), count, say);
    return { ...r, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))) };
  } finally {
    await neo.graph.close();
    await neo.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const quick = process.argv.includes("--quick");
  if (process.argv.includes("--folders")) {
    const say = (line: string) => process.stdout.write(`${line}\n`);
    foldersOnly(1_000, say).then(
      (r) => say(JSON.stringify(r)),
      (err) => {
        process.stderr.write(`${(err as Error).stack}\n`);
        process.exit(1);
      },
    );
  } else {
    const started = Date.now();
    const say = (line: string) =>
      process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
    measureBulk({ events: quick ? 100_000 : 1_000_000, folderArticles: 1_000, say })
      .then((r) => {
        const dir = path.join(checkoutRoot, "bench", "results");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `bulk-${quick ? "quick" : "full"}.json`), JSON.stringify(r, null, 2));
        // bench/ is linted by `biome check`, results included (as bench/run.ts does)
        spawnSync(path.join(checkoutRoot, "node_modules", ".bin", "biome"), ["format", "--write", dir], {
          stdio: "ignore",
        });
        say(JSON.stringify(r));
      })
      .catch((err) => {
        process.stderr.write(`${(err as Error).stack}\n`);
        process.exit(1);
      });
  }
}

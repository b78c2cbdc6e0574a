import path from "node:path";
import type { Command } from "commander";
import { type Neo4jConfig, neo4jConfig } from "../config.js";
import { extractAll } from "../extract/pool.js";
import { importRun, writeImportFiles } from "../graph/bulk.js";
import { type ImportSummary, importCorpus } from "../graph/importer.js";
import { importerArguments } from "../graph/localNeo4j.js";
import { articleFiles, readSources } from "../ingest/files.js";
import { progressBar } from "./load.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

export interface ImportResult {
  articles: number;
  failed: { origin: string; reason: string }[];
  extractMs: number;
  summary: ImportSummary | null;
  events: number;
}

/**
 * `akhbar import`: extracts every article in worker threads (one per core), writes the corpus as the bulk
 * importer's CSV files and imports them into cfg.database of the local store (see src/graph/importer.ts).
 * csvOnly: only write the CSV files into that folder (for a server elsewhere).
 */
export async function importArticles(
  cfg: Neo4jConfig,
  paths: string[],
  opts: { csvOnly?: string; keepCsv?: boolean; out?: (line: string) => void } = {},
): Promise<ImportResult> {
  const out = opts.out ?? say;
  const sources = readSources(paths);
  if (sources.length === 0) throw new Error(`no articles (.txt, corpus .json) in ${paths.join(", ")}`);
  const bar = progressBar("extracting {bar} {value}/{total} articles", opts.out === undefined);
  bar?.start(sources.length, 0);
  const t0 = performance.now();
  let said = 0;
  const extracted = await extractAll(sources, {
    onProgress: (done, total) => {
      bar?.update(done);
      if (!bar && (done - said >= 1000 || done === total)) {
        said = done;
        out(`extracted ${done}/${total} articles`);
      }
    },
  });
  bar?.stop();
  const extractMs = performance.now() - t0;
  const failed = extracted.flatMap((x, i) =>
    x.error ? [{ origin: (sources[i] as (typeof sources)[number]).origin, reason: x.error }] : [],
  );
  const docs = extracted.flatMap((x, i) => (x.doc ? [{ doc: x.doc, text: sources[i]?.text }] : []));
  const events = docs.reduce((n, d) => n + d.doc.events.length, 0);
  out(
    `extracted ${docs.length} articles (${events} events) in ${(extractMs / 1000).toFixed(1)} s` +
      (failed.length > 0 ? `; ${failed.length} failed` : ""),
  );
  if (opts.csvOnly) {
    const files = writeImportFiles(opts.csvOnly, docs);
    out(`wrote ${files.counts.nodes} nodes and ${files.counts.relationships} relationships as CSV in ${opts.csvOnly}`);
    out(
      "import them, with that server's database stopped: neo4j-admin database import full " +
        importerArguments(importRun(files, cfg.database)).join(" "),
    );
    return { articles: docs.length, failed, extractMs, summary: null, events };
  }
  const summary = await importCorpus(cfg, docs, { say: out, keepCsv: opts.keepCsv });
  return { articles: docs.length, failed, extractMs, summary, events };
}

export function describeImport(r: ImportResult, cfg: Neo4jConfig): string[] {
  const s = r.summary;
  const lines = [
    `articles: ${r.articles} extracted in ${(r.extractMs / 1000).toFixed(1)} s, ${r.failed.length} failed`,
  ];
  for (const f of r.failed) lines.push(`failed:   ${f.origin}: ${f.reason}`);
  if (!s) return lines;
  const c = s.files.counts;
  const secs = (ms: number) => (ms / 1000).toFixed(1);
  const importSeconds = (s.ms.csv + s.ms.importer + s.ms.schema) / 1000;
  lines.push(
    `imported: ${c.articles} articles, ${c.events} events, ${c.nodes} nodes, ${c.relationships} relationships ` +
      `into database "${s.database}" of ${s.dataDir}`,
    `skipped:  ${c.skipped.length} (same id or same content as an earlier article)`,
    `time:     CSV ${secs(s.ms.csv)} s, importer ${secs(s.ms.importer)} s, schema ${secs(s.ms.schema)} s, ` +
      `Neo4j stop/start ${secs(s.ms.server)} s; ${Math.round(r.events / importSeconds)} events/s excluding extraction ` +
      "and server start",
    `next:     keep loading new articles into it with 'akhbar load <files or folders>'` +
      (cfg.database === "neo4j" ? "" : ` (NEO4J_DATABASE=${cfg.database})`) +
      (cfg.dataDir === neo4jConfig({}).dataDir ? "" : ` (AKHBAR_DATA_DIR=${cfg.dataDir})`) +
      ": articles already imported are skipped by their content hash",
  );
  return lines;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "bulk-import a corpus into a NEW or EMPTY database with Neo4j's offline importer (neo4j-admin database " +
        "import full): for backfilling archives; 'akhbar load' then adds new articles on top",
    )
    .argument("<paths...>", "article files (.txt), corpus files (.json with items) or folders of them")
    .option("--database <name>", "the database to create (Neo4j Community: the one database of a new local store)")
    .option("--csv-only <dir>", "only write the importer's CSV files into dir (for a Neo4j server elsewhere)")
    .option("--keep-csv", "keep the CSV files (in <data dir>/import-csv)")
    .option("--json", "print the summary as JSON on stdout")
    .action(
      async (paths: string[], opts: { database?: string; csvOnly?: string; keepCsv?: boolean; json?: boolean }) => {
        const cfg = neo4jConfig({ ...process.env, ...(opts.database ? { NEO4J_DATABASE: opts.database } : {}) });
        const files = articleFiles(paths);
        const r = await importArticles(cfg, files, {
          csvOnly: opts.csvOnly ? path.resolve(opts.csvOnly) : undefined,
          keepCsv: opts.keepCsv,
        });
        if (opts.json)
          console.log(
            JSON.stringify({ ...r, summary: r.summary && { ...r.summary, files: r.summary.files.counts } }, null, 2),
          );
        else for (const line of describeImport(r, cfg)) console.log(line);
        if (r.failed.length > 0) process.exitCode = 1;
      },
    );
}

import fs from "node:fs";
import path from "node:path";
import type { Neo4jConfig } from "../config.js";
import { type CorpusDocument, type ImportFiles, importRun, writeImportFiles } from "./bulk.js";
import * as Q from "./cypher.js";
import { openGraph } from "./driver.js";
import { localStatus, runBulkImport, startLocalNeo4j, stopLocalNeo4j } from "./localNeo4j.js";
import { applySchema } from "./schema.js";

type Say = (line: string) => void;

/**
 * The bulk import into the local Neo4j. Neo4j Community serves one user database per store and its importer
 * writes a store offline, so "a new database" is the user database of a local store (AKHBAR_DATA_DIR) that holds
 * no data yet: a new data folder, or the database of an existing store while it is empty. A database with data
 * is refused. The server is stopped for the import and started again to apply schema/neo4j.cypher; it is left
 * running only if it was running before.
 */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

export interface ImportSummary {
  database: string;
  dataDir: string;
  files: ImportFiles;
  /** milliseconds: writing the CSV files, the importer, stopping and starting Neo4j, schema and fix-ups */
  ms: { csv: number; importer: number; server: number; schema: number; total: number };
  /** milliseconds of the schema phase by step: the fix-up after the import, each constraint and index */
  schemaMs: Record<string, number>;
}

/** Refuses unless cfg.database of the local store is new or empty; returns whether the server was running. */
async function checkTarget(cfg: Neo4jConfig, say: Say): Promise<boolean> {
  if (cfg.externalUri) {
    throw new ImportRefused(
      `akhbar import writes the store of the local Neo4j offline; NEO4J_URI points at ${cfg.externalUri}. ` +
        "Write the CSV files with --csv-only DIR and run neo4j-admin database import full on that server's host.",
    );
  }
  const running = (await localStatus(cfg)).running;
  const storeDir = path.join(cfg.dataDir, "data", "databases", cfg.database);
  if (!running && !fs.existsSync(storeDir)) {
    if (fs.existsSync(path.join(cfg.dataDir, "data", "databases", "system"))) {
      throw new ImportRefused(
        `the store in ${cfg.dataDir} was created with another database than "${cfg.database}" (Neo4j Community ` +
          "serves one database per store): import into a new store (set AKHBAR_DATA_DIR to a new folder)",
      );
    }
    return false;
  }
  if (!running) await startLocalNeo4j(cfg, say);
  const graph = openGraph(cfg);
  try {
    const n = (await graph.read(Q.COUNT_NODES)).records[0]?.get("n") as number;
    if (n > 0) {
      throw new ImportRefused(
        `database "${cfg.database}" in ${cfg.dataDir} holds ${n} nodes; the bulk import only writes a new or ` +
          "empty database. Import into a new store (AKHBAR_DATA_DIR=<new folder>), or add articles to this one " +
          "with 'akhbar load'.",
      );
    }
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused(`cannot use database "${cfg.database}" of ${cfg.dataDir}: ${(e as Error).message}`);
  } finally {
    await graph.close();
    if (!running) await stopLocalNeo4j(cfg);
  }
  return running;
}

export async function importCorpus(
  cfg: Neo4jConfig,
  docs: CorpusDocument[],
  opts: { say?: Say; csvDir?: string; keepCsv?: boolean; loadedAt?: string } = {},
): Promise<ImportSummary> {
  const say = opts.say ?? (() => {});
  const t0 = performance.now();
  const wasRunning = await checkTarget(cfg, say);
  const tc = performance.now();
  const csvDir = opts.csvDir ?? path.join(cfg.dataDir, "import-csv");
  const files = writeImportFiles(csvDir, docs, { loadedAt: opts.loadedAt });
  say(
    `wrote ${files.counts.nodes} nodes and ${files.counts.relationships} relationships as CSV in ` +
      `${((performance.now() - tc) / 1000).toFixed(1)} s (${csvDir})`,
  );
  const csv = performance.now() - tc;
  let server = 0;
  const ts = performance.now();
  if (wasRunning) await stopLocalNeo4j(cfg, say);
  server += performance.now() - ts;
  const ti = performance.now();
  say(`running neo4j-admin database import full ${cfg.database} (Neo4j stopped)...`);
  await runBulkImport(cfg, importRun(files, cfg.database), say);
  const importer = performance.now() - ti;
  if (!opts.keepCsv) fs.rmSync(csvDir, { recursive: true, force: true });
  const tr = performance.now();
  await startLocalNeo4j(cfg, say);
  server += performance.now() - tr;
  const tsch = performance.now();
  const graph = openGraph(cfg, { readTimeoutMs: 0 });
  const schemaMs: Record<string, number> = {};
  try {
    const ta = performance.now();
    await graph.autoCommit(Q.AFTER_IMPORT);
    schemaMs.afterImport = performance.now() - ta;
    await applySchema(graph, schemaMs);
  } finally {
    await graph.close();
  }
  const schema = performance.now() - tsch;
  if (!wasRunning) {
    const tstop = performance.now();
    await stopLocalNeo4j(cfg, say);
    server += performance.now() - tstop;
  }
  return {
    database: cfg.database,
    dataDir: cfg.dataDir,
    files,
    ms: { csv, importer, server, schema, total: performance.now() - t0 },
    schemaMs,
  };
}

/**
 * The benchmark's own Neo4j: port AKHBAR_BENCH_NEO4J_PORT (default 7698; checkouts that bench at the same time
 * need ports of their own), data in .data/bench-neo4j, 2 GB heap; emptied before a run.
 */
import fs from "node:fs";
import path from "node:path";
import { type Neo4jConfig, neo4jConfig, repoRoot } from "../src/config.js";
import { type Graph, openGraph } from "../src/graph/driver.js";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/graph/localNeo4j.js";
import { applySchema } from "../src/graph/schema.js";

/**
 * The checkout: the benchmark runs compiled from .data/bench-build (tsc -p bench/tsconfig.json), whose
 * repoRoot is the build folder; the folders read at run time are linked into it from the checkout.
 */
export const checkoutRoot = repoRoot.endsWith(path.join(".data", "bench-build"))
  ? path.resolve(repoRoot, "..", "..")
  : repoRoot;

export function linkCheckoutFolders(): void {
  if (checkoutRoot === repoRoot) return;
  for (const rel of ["schema", "seeds", path.join("src", "graph", "server"), path.join("src", "web", "static")]) {
    const link = path.join(repoRoot, rel);
    if (fs.existsSync(link)) continue;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(checkoutRoot, rel), link);
  }
}

export const BENCH_PORT = process.env.AKHBAR_BENCH_NEO4J_PORT || "7698";

export function benchConfig(): Neo4jConfig {
  return neo4jConfig({
    ...process.env,
    NEO4J_URI: "",
    AKHBAR_NEO4J_PORT: BENCH_PORT,
    AKHBAR_DATA_DIR: path.join(checkoutRoot, ".data", "bench-neo4j"),
    AKHBAR_NEO4J_HEAP: "2g",
  });
}

/**
 * Starts the bench Neo4j. `fresh`: stop it if it runs and delete its data folder first (much faster than
 * emptying a big graph, and it starts with the settings of this process's environment).
 */
export async function benchNeo4j(opts: { say?: (line: string) => void; fresh?: boolean } = {}) {
  linkCheckoutFolders();
  const cfg = benchConfig();
  if (opts.fresh) {
    await stopLocalNeo4j(cfg, opts.say);
    if (path.basename(cfg.dataDir) === "bench-neo4j") fs.rmSync(cfg.dataDir, { recursive: true, force: true });
  }
  const status = await startLocalNeo4j(cfg, opts.say);
  const graph: Graph = openGraph(cfg, { readTimeoutMs: 0 });
  await applySchema(graph);
  return { cfg, graph, version: status.version, stop: () => stopLocalNeo4j(cfg, opts.say) };
}

export async function emptyDatabase(graph: Graph): Promise<void> {
  await graph.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
}

/** A PROFILE plan as the driver returns it. */
export interface Plan {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: Plan[];
}

/** Prints a PROFILE plan as an indented tree, one operator a line. */
export function printPlan(p: Plan, indent: number): void {
  const details = String(p.arguments.Details ?? "").slice(0, 120);
  console.log(`${" ".repeat(indent)}${p.operatorType} rows=${p.rows} hits=${p.dbHits} ${details}`);
  for (const c of p.children) printPlan(c, indent + 2);
}

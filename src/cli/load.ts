import path from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { neo4jConfig } from "../config.js";
import { type Graph, openGraph } from "../graph/driver.js";
import { startLocalNeo4j } from "../graph/localNeo4j.js";
import { applySchema } from "../graph/schema.js";
import { articleFiles, type FilesSummary, loadFiles, seedFiles } from "../ingest/files.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

export function describeSummary(s: FilesSummary): string[] {
  const seconds = s.ms / 1000;
  const lines = [
    `articles: ${s.files} (${s.loaded} loaded, ${s.replaced} replaced, ${s.skipped} skipped as already loaded, ${s.failed} failed)`,
    `entities: ${s.entities.created} created, ${s.entities.updated} updated`,
    `events:   ${s.events.created} created, ${s.events.updated} updated`,
    `graph:    ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created in ${seconds.toFixed(1)} s ` +
      `(${s.transactions} transactions, ${Math.round(s.events.written / Math.max(seconds, 0.001))} events/s)`,
  ];
  for (const a of s.articles.filter((x) => x.status === "failed"))
    lines.push(`failed:   ${a.id} (${a.origin}): ${a.reason}`);
  return lines;
}

/** A progress bar on stderr when it is a terminal (and no line sink was given), else null. */
export function progressBar(format: string, allowed: boolean): cliProgress.SingleBar | null {
  return allowed && process.stderr.isTTY === true
    ? new cliProgress.SingleBar(
        { format, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
}

/** Loads articles with a progress bar on a terminal, one plain line per article otherwise. */
export async function loadWithProgress(
  graph: Graph,
  paths: string[],
  opts: { force?: boolean; out?: (line: string) => void } = {},
): Promise<FilesSummary> {
  const out = opts.out ?? say;
  const bar = progressBar("loading {bar} {value}/{total} articles | {file}", opts.out === undefined);
  let started = false;
  try {
    return await loadFiles(graph, paths, {
      force: opts.force,
      onProgress: ({ done, total, articles }) => {
        if (bar) {
          if (!started) bar.start(total, 0, { file: "" });
          started = true;
          bar.update(done, { file: path.basename(articles.at(-1)?.origin ?? "") });
          return;
        }
        let i = done - articles.length;
        for (const a of articles) {
          i++;
          out(
            `[${i}/${total}] ${path.basename(a.origin)}: ${a.status}${a.reason ? ` (${a.reason})` : ""}` +
              (a.events === undefined ? "" : `, ${a.events} events`),
          );
        }
      },
    });
  } finally {
    if (started) bar?.stop();
  }
}

/** `npm start`: loads seeds/ (articles already loaded are skipped). */
export async function loadSeeds(graph: Graph, sayLine: (line: string) => void): Promise<void> {
  const files = seedFiles();
  sayLine(`Loading ${files.length} article(s) from seeds/`);
  const summary = await loadWithProgress(graph, files, { out: sayLine });
  for (const line of describeSummary(summary)) sayLine(line);
}

async function withGraph<T>(work: (graph: Graph) => Promise<T>): Promise<T> {
  const cfg = neo4jConfig();
  if (!cfg.externalUri) await startLocalNeo4j(cfg, say);
  const graph = openGraph(cfg);
  try {
    return await work(graph);
  } finally {
    await graph.close();
  }
}

/** Empties the database with auto-commit batches (constraints and indexes stay). */
export async function resetGraph(graph: Graph): Promise<number> {
  const session = graph.driver.session({ database: graph.database });
  try {
    const before = await session.run("MATCH (n) RETURN count(n) AS n");
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    return before.records[0]?.get("n") as number;
  } finally {
    await session.close();
  }
}

export function registerLoad(program: Command): void {
  program
    .command("load")
    .description(
      "extract and load articles into Neo4j in batched transactions (default: seeds/*.ar.txt); " +
        "a batch that fails is retried article by article, so a failing article leaves no trace",
    )
    .argument(
      "[paths...]",
      "article files (.txt; <name>.meta.json beside each gives id, source, publishedAt), corpus files " +
        '(.json with "items": [{id, text, source_url}]) or folders of them',
    )
    .option("--force", "reload articles whose content is already loaded")
    .option("--json", "print the summary as JSON on stdout")
    .action(async (paths: string[], opts: { force?: boolean; json?: boolean }) => {
      const files = paths.length > 0 ? articleFiles(paths) : seedFiles();
      if (files.length === 0) throw new Error(`no articles (.txt, corpus .json) in ${paths.join(", ")}`);
      await withGraph(async (graph) => {
        await applySchema(graph);
        const summary = await loadWithProgress(graph, files, { force: opts.force });
        if (opts.json) console.log(JSON.stringify(summary, null, 2));
        else for (const line of describeSummary(summary)) console.log(line);
        if (summary.failed > 0) process.exitCode = 1;
      });
    });
  program
    .command("reset")
    .description("delete every node and relationship of the configured database (keeps the schema)")
    .option("--yes", "confirm: really empty the database")
    .action(async (opts: { yes?: boolean }) => {
      const cfg = neo4jConfig();
      if (!opts.yes) {
        throw new Error(`reset empties ${cfg.uri} (database "${cfg.database}"); run 'akhbar reset --yes' to confirm`);
      }
      await withGraph(async (graph) => {
        const n = await resetGraph(graph);
        console.log(`deleted ${n} nodes and their relationships from ${cfg.uri}`);
      });
    });
}

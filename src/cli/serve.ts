import type { Command } from "commander";
import { isDatabaseUnavailable } from "../api/errors.js";
import { type ApiServerOptions, type RunningServer, startApiServer } from "../api/server.js";
import { neo4jConfig, serverConfig } from "../config.js";
import { type Graph, openGraph } from "../graph/driver.js";
import { startLocalNeo4j } from "../graph/localNeo4j.js";
import { applySchema } from "../graph/schema.js";

const say = (line: string) => process.stderr.write(`${line}\n`);
const MAX_OTHER_FAILURES = 5;

export interface StartOptions {
  load: boolean;
}

export interface MainJobOptions extends StartOptions {
  server?: Partial<ApiServerOptions>;
  /** wait between attempts to prepare the database while it is unavailable; default 2 s */
  retryMs?: number;
  say?: (line: string) => void;
}

export interface MainJob {
  server: RunningServer;
  graph: Graph;
  /** resolves once the schema (and the seeds) are in place; never rejects */
  prepared: Promise<boolean>;
  /** stops retrying, drains in-flight requests, closes the driver */
  shutdown(): Promise<void>;
}

/** The schema, then the seeds (articles already loaded are skipped). */
async function prepareGraph(graph: Graph, load: boolean, sayLine: (line: string) => void): Promise<void> {
  const applied = await applySchema(graph);
  sayLine(`Schema: ${applied} constraints and indexes in place`);
  if (load) {
    const { loadSeeds } = await import("./load.js");
    await loadSeeds(graph, sayLine);
  }
}

/**
 * Prepares the database and serves the API. A database that cannot be reached does not stop the server:
 * it serves at once (health says the database is down, queries get SERVICE_UNAVAILABLE) and prepares the
 * database in the background as soon as it answers; the driver reconnects by itself.
 */
export async function startMainJob(graph: Graph, options: MainJobOptions): Promise<MainJob> {
  const sayLine = options.say ?? say;
  const retryMs = options.retryMs ?? 2000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  // A Neo4j that has just come back may still be opening its database or building indexes: other errors
  // are retried a few times too before the job gives up preparing (and keeps serving).
  let otherFailures = 0;
  const attempt = async (): Promise<"done" | "retry" | "failed"> => {
    try {
      await prepareGraph(graph, options.load, sayLine);
      return "done";
    } catch (err) {
      if (isDatabaseUnavailable(err)) return "retry";
      const message = err instanceof Error ? err.message : String(err);
      if (++otherFailures <= MAX_OTHER_FAILURES) {
        sayLine(`Preparing the database failed (attempt ${otherFailures}, will retry): ${message}`);
        return "retry";
      }
      sayLine(`Preparing the database failed (serving anyway): ${message}`);
      return "failed";
    }
  };

  let first = await attempt();
  let prepared: Promise<boolean>;
  if (first === "retry") {
    sayLine(`Neo4j is not ready; serving anyway, and retrying every ${retryMs / 1000} s in the background`);
    prepared = (async () => {
      while (!stopped && first === "retry") {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, retryMs);
        });
        if (stopped) return false;
        first = await attempt();
      }
      if (first === "done") sayLine("Neo4j is back: the database is prepared");
      return first === "done";
    })();
  } else prepared = Promise.resolve(first === "done");

  const server = await startApiServer(graph, { ...serverConfig(), ...options.server });
  return {
    server,
    graph,
    prepared,
    async shutdown() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      // Apollo's drain plugin: stop accepting connections, let in-flight requests finish (up to 10 s)
      await server.stop();
      await prepared;
      await graph.close();
    },
  };
}

/** The main job: a Neo4j (local unless NEO4J_URI is set), the schema, the seeds, the API. */
export async function runMainJob(options: StartOptions): Promise<void> {
  const cfg = neo4jConfig();
  if (cfg.externalUri) say(`Using the Neo4j at ${cfg.externalUri}`);
  else {
    try {
      await startLocalNeo4j(cfg, say);
    } catch (err) {
      say(`Could not start the local Neo4j (serving anyway): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const graph = openGraph(cfg);
  const job = await startMainJob(graph, options);
  console.log(`akhbar GraphQL API ready at ${job.server.url}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining requests and closing the database driver`);
    try {
      await job.shutdown();
      say("Stopped");
      process.exit(0);
    } catch (err) {
      say(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

export function registerServe(program: Command): void {
  program
    .command("start")
    .description("start Neo4j (unless NEO4J_URI is set), apply the schema, load seeds/ and serve GraphQL")
    .option("--no-load", "do not load seeds/")
    .action((opts: { load: boolean }) => runMainJob({ load: opts.load }));
  program
    .command("serve")
    .description("serve GraphQL over the configured Neo4j (starts the local one unless NEO4J_URI is set)")
    .action(() => runMainJob({ load: false }));
}

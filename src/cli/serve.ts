import type { Command } from "commander";
import { isDatabaseUnavailable } from "../api/errors.js";
import { type ApiServerOptions, type RunningServer, startApiServer } from "../api/server.js";
import { neo4jConfig, serverConfig } from "../config.js";
import { type Graph, openGraph } from "../graph/driver.js";
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from "../graph/localNeo4j.js";
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

export interface RunOptions extends StartOptions {
  /** leave a local Neo4j this run started running when it stops */
  keepDb: boolean;
}

/**
 * The main job: a Neo4j (local unless NEO4J_URI is set), the schema, the seeds, the API. It owns what it
 * starts: on SIGINT or SIGTERM it drains the API, closes the driver and, if this run started the local
 * Neo4j (and not --keep-db), stops that Neo4j too; one that was running before stays up.
 */
export async function runMainJob(options: RunOptions): Promise<void> {
  const cfg = neo4jConfig();
  let job: MainJob | undefined;
  /** the local Neo4j is ours to stop: it was not answering when this run began */
  let ownsNeo4j = false;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: draining requests and closing the database driver`);
    try {
      await job?.shutdown();
      if (ownsNeo4j && !options.keepDb) await stopLocalNeo4j(cfg, say);
      say("Stopped");
      process.exit(0);
    } catch (err) {
      say(`Shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  };
  // from the start: a Ctrl-C while Neo4j is still starting stops it too
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  let neo4jNote: string | null = null;
  if (cfg.externalUri) say(`Using the Neo4j at ${cfg.externalUri}`);
  else {
    ownsNeo4j = !(await localStatus(cfg)).running;
    try {
      const local = await startLocalNeo4j(cfg, say);
      ownsNeo4j = local.startedNow;
      neo4jNote = local.startedNow
        ? options.keepDb
          ? `The Neo4j this run started stays up after it (--keep-db); 'npm run db:stop' stops it.`
          : `Ctrl-C stops the API and the Neo4j this run started; to keep Neo4j running, start with --keep-db ('npm start -- --keep-db'), and stop it with 'npm run db:stop'.`
        : `Neo4j was already running and stays up after Ctrl-C; 'npm run db:stop' stops it.`;
    } catch (err) {
      say(`Could not start the local Neo4j (serving anyway): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (stopping) return;
  const graph = openGraph(cfg);
  job = await startMainJob(graph, options);
  if (stopping) {
    await job.shutdown();
    return;
  }
  console.log(`akhbar GraphQL API ready at ${job.server.url}`);
  if (neo4jNote) say(neo4jNote);
}

export function registerServe(program: Command): void {
  program
    .command("start")
    .description("start Neo4j (unless NEO4J_URI is set), apply the schema, load seeds/ and serve GraphQL")
    .option("--no-load", "do not load seeds/")
    .option("--keep-db", "leave the local Neo4j this run starts running when it stops")
    .action((opts: { load: boolean; keepDb?: boolean }) => runMainJob({ load: opts.load, keepDb: !!opts.keepDb }));
  program
    .command("serve")
    .description("serve GraphQL over the configured Neo4j (starts the local one unless NEO4J_URI is set)")
    .option("--keep-db", "leave the local Neo4j this run starts running when it stops")
    .action((opts: { keepDb?: boolean }) => runMainJob({ load: false, keepDb: !!opts.keepDb }));
}

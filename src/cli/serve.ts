import type { Command } from "commander";
import { startApiServer } from "../api/server.js";
import { neo4jConfig, serverConfig } from "../config.js";
import { openGraph } from "../graph/driver.js";
import { startLocalNeo4j } from "../graph/localNeo4j.js";
import { applySchema } from "../graph/schema.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

export interface StartOptions {
  load: boolean;
}

/** The main job: a Neo4j (local unless NEO4J_URI is set), the schema, the seeds, the API. */
export async function runMainJob(options: StartOptions): Promise<void> {
  const cfg = neo4jConfig();
  if (cfg.externalUri) say(`Using the Neo4j at ${cfg.externalUri}`);
  else await startLocalNeo4j(cfg, say);
  const graph = openGraph(cfg);
  const applied = await applySchema(graph);
  say(`Schema: ${applied} constraints and indexes in place`);
  if (options.load) {
    const { loadSeeds } = await import("./load.js");
    await loadSeeds(graph, say);
  }
  const server = await startApiServer(graph, serverConfig());
  console.log(`akhbar GraphQL API ready at ${server.url}`);
  const shutdown = async (signal: string) => {
    say(`${signal}: draining requests and closing the database driver`);
    await server.stop();
    await graph.close();
    process.exit(0);
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

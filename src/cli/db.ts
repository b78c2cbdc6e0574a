import type { Command } from "commander";
import { neo4jConfig } from "../config.js";
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from "../graph/localNeo4j.js";

const say = (line: string) => process.stderr.write(`${line}\n`);

export function registerDb(program: Command): void {
  const db = program.command("db").description("the local Neo4j 5 (fetched once through Maven, data under .data/)");
  db.command("start")
    .description("start the local Neo4j and wait until Bolt answers")
    .action(async () => {
      const cfg = neo4jConfig();
      if (cfg.externalUri)
        say(`NEO4J_URI is set (${cfg.externalUri}); starting the local Neo4j on port ${cfg.boltPort} anyway`);
      const s = await startLocalNeo4j(cfg, say);
      console.log(`Neo4j ${s.version} running at ${s.uri}`);
    });
  db.command("stop")
    .description("shut the local Neo4j down cleanly")
    .action(async () => {
      await stopLocalNeo4j(neo4jConfig(), say);
    });
  db.command("status")
    .description("is the local Neo4j running, and which version")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const s = await localStatus(neo4jConfig());
      if (opts.json) console.log(JSON.stringify(s));
      else
        console.log(
          s.running
            ? `running: Neo4j ${s.version} at ${s.uri} (pid ${s.pid ?? "unknown"}, data ${s.dataDir})`
            : `not running (${s.uri})`,
        );
      if (!s.running) process.exitCode = 3;
    });
}

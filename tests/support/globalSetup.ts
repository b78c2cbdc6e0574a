import { localStatus, startLocalNeo4j, stopLocalNeo4j } from "../../src/graph/localNeo4j.js";
import { testNeo4jConfig } from "./testDb.js";

/** Starts the test Neo4j once for the whole run, unless one is already up; stops it only if it started it. */
export default async function setup(): Promise<() => Promise<void>> {
  const cfg = testNeo4jConfig();
  if (cfg.externalUri) return async () => {};
  const before = await localStatus(cfg);
  if (!before.running) await startLocalNeo4j(cfg, (line) => process.stderr.write(`[test-neo4j] ${line}\n`));
  return async () => {
    if (!before.running && !process.env.AKHBAR_TEST_KEEP_NEO4J) await stopLocalNeo4j(cfg);
  };
}

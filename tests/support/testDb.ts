import path from "node:path";
import { type Neo4jConfig, neo4jConfig, repoRoot } from "../../src/config.js";

/**
 * The test database: its own port and data folder, so a developer's data is never touched.
 * AKHBAR_TEST_NEO4J_PORT moves it (two checkouts testing at once); AKHBAR_TEST_NEO4J_URI points the
 * tests at an existing server instead (it is emptied between test files!).
 */
export function testNeo4jConfig(): Neo4jConfig {
  const port = process.env.AKHBAR_TEST_NEO4J_PORT || "7688";
  return neo4jConfig({
    ...process.env,
    NEO4J_URI: process.env.AKHBAR_TEST_NEO4J_URI || "",
    AKHBAR_NEO4J_PORT: port,
    AKHBAR_DATA_DIR: path.join(repoRoot, ".data", `test-neo4j-${port}`),
    AKHBAR_NEO4J_HEAP: process.env.AKHBAR_NEO4J_HEAP || "768m",
  });
}

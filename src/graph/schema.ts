import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";
import { BACKFILL_EVENT_SORT_KEY } from "./cypher.js";
import type { Graph } from "./driver.js";

export const schemaFile = path.join(repoRoot, "schema", "neo4j.cypher");

/** The statements of schema/neo4j.cypher, without comments. */
export function schemaStatements(file = schemaFile): string[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Applies every constraint and index (all IF NOT EXISTS, so idempotent) and waits until they are online. */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = schemaStatements();
  for (const statement of statements) await graph.write(statement);
  await graph.write("CALL db.awaitIndexes(120)");
  await graph.autoCommit(BACKFILL_EVENT_SORT_KEY);
  return statements.length;
}

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
export async function applySchema(graph: Graph, timings?: Record<string, number>): Promise<number> {
  const statements = schemaStatements();
  // timings (the bulk import reports them): ms per constraint or index, by its name
  const timed = async (name: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    if (timings) timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  };
  for (const statement of statements) {
    const name = /(?:CONSTRAINT|INDEX)\s+(\w+)/.exec(statement)?.[1] ?? statement.slice(0, 30);
    await timed(name, () => graph.write(statement));
  }
  await timed("awaitIndexes", () => graph.write("CALL db.awaitIndexes(120)"));
  await timed("backfillSortKey", () => graph.autoCommit(BACKFILL_EVENT_SORT_KEY));
  return statements.length;
}

/**
 * The layering the ingest issue set: the graph layer sees document graphs, not the extractor that makes them
 * nor the API above it. It may import the document-graph contract (types, the registry of event kinds, the
 * validator), the ground floor (src/text) and the configuration; ingesting (reading files, extracting) is
 * src/ingest's.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../extract/helpers.js";

const ALLOWED = ["src/extract/types.ts", "src/extract/kinds.ts", "src/extract/validate.ts", "src/config.ts"];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("src/graph", () => {
  it("imports only the document-graph contract, the ground floor and the configuration from outside itself", () => {
    const outside: string[] = [];
    const graphDir = path.join(repoRoot, "src", "graph");
    for (const file of tsFiles(graphDir)) {
      for (const m of readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
        const target = path
          .relative(repoRoot, path.resolve(path.dirname(file), m[1] as string))
          .replace(/\.js$/, ".ts");
        if (target.startsWith("src/graph/") || target.startsWith("src/text/") || ALLOWED.includes(target)) continue;
        outside.push(`${path.relative(repoRoot, file)} → ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

/**
 * The checked-in schemas that derive from code: the GraphQL schema as SDL (schema/schema.graphql), for clients
 * and reviewers, and the list of event kinds in the document graph's JSON Schema, from the registry of kinds
 * (src/extract/kinds.ts). `npm run schema:sdl` rewrites both; tests fail when the code and the files disagree.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../config.js";
import { EVENT_KIND_NAMES } from "../extract/kinds.js";
import { printSchema } from "./graphql.js";
import { buildApiSchema } from "./schema.js";

export const sdlFile = path.join(repoRoot, "schema", "schema.graphql");

const HEADER = "# The akhbar GraphQL API. Generated from src/api by `npm run schema:sdl`: do not edit by hand.\n\n";

export async function schemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(await buildApiSchema())}\n`;
}

export const documentSchemaFile = path.join(repoRoot, "schema", "document-graph.schema.json");

/** the document graph's JSON Schema (its text, kept as laid out) with the registry's list of event kinds */
export function withEventKinds(schemaText: string): string {
  const open = '"kind": { "enum": [';
  const event = schemaText.indexOf('"event": {');
  const start = event < 0 ? -1 : schemaText.indexOf(open, event);
  if (start < 0) throw new Error("document-graph.schema.json: no event kind enum");
  const end = schemaText.indexOf("]", start);
  const list = EVENT_KIND_NAMES.map((k) => JSON.stringify(k)).join(", ");
  return `${schemaText.slice(0, start + open.length)}${list}${schemaText.slice(end)}`;
}

function rewrite(file: string, text: string): void {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  fs.writeFileSync(file, text);
  process.stdout.write(`${path.relative(repoRoot, file)} ${before === text ? "unchanged" : "written"}\n`);
}

async function main(): Promise<void> {
  rewrite(sdlFile, await schemaSdl());
  rewrite(documentSchemaFile, withEventKinds(fs.readFileSync(documentSchemaFile, "utf8")));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}

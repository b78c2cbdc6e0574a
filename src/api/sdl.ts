/**
 * The schema as SDL, checked in at schema/schema.graphql for clients and reviewers. `npm run schema:sdl`
 * rewrites the file; a test fails when the code and the file disagree.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../config.js";
import { printSchema } from "./graphql.js";
import { buildApiSchema } from "./schema.js";

export const sdlFile = path.join(repoRoot, "schema", "schema.graphql");

const HEADER = "# The akhbar GraphQL API. Generated from src/api by `npm run schema:sdl`: do not edit by hand.\n\n";

export async function schemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(await buildApiSchema())}\n`;
}

async function main(): Promise<void> {
  const sdl = await schemaSdl();
  const before = fs.existsSync(sdlFile) ? fs.readFileSync(sdlFile, "utf8") : null;
  fs.writeFileSync(sdlFile, sdl);
  process.stdout.write(`${path.relative(repoRoot, sdlFile)} ${before === sdl ? "unchanged" : "written"}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}

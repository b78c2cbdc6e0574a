#!/usr/bin/env node
import { Command } from "commander";
import { registerDb } from "./db.js";
import { registerExamples } from "./examples.js";
import { registerExtract } from "./extract.js";
import { registerImport } from "./import.js";
import { registerLoad } from "./load.js";
import { registerServe } from "./serve.js";

const program = new Command();
program.name("akhbar").description("Arabic news → a Neo4j knowledge graph of actors and events, over GraphQL");
registerDb(program);
registerServe(program);
registerLoad(program);
registerExtract(program);
registerExamples(program);
registerImport(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`akhbar: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

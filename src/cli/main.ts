#!/usr/bin/env -S node --max-semi-space-size=64
// A young generation of 64 MB per semi-space (V8's default is 16 or 32): `akhbar import` writes millions of CSV
// lines of short-lived strings over a corpus held in memory, and with the default most of its time went to
// scavenges copying them (measured: 21 s -> 11 s for the CSV files of 10^5 events; BENCHMARKS.md).
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

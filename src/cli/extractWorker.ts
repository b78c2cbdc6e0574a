import { parentPort } from "node:worker_threads";
import { extract, loadLexicon } from "../extract/index.js";
import type { ArticleSource } from "../ingest/files.js";
import type { Extraction } from "./extractPool.js";

/** A worker of extractPool.ts: extracts the articles it is sent, one message per chunk. */
const lexicon = loadLexicon();
parentPort?.on("message", (msg: { id: number; sources: ArticleSource[] }) => {
  const out: Extraction[] = msg.sources.map((source) => {
    try {
      return { doc: extract(source.text, source.meta, lexicon) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  parentPort?.postMessage({ id: msg.id, out });
});

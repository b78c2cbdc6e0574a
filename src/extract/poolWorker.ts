import { parentPort } from "node:worker_threads";
import { extract } from "./document.js";
import { loadLexicon } from "./lexicon.js";
import type { Extraction, ExtractSource } from "./pool.js";

/** A worker of pool.ts: extracts the articles it is sent, one message per chunk. */
const lexicon = loadLexicon();
parentPort?.on("message", (msg: { id: number; sources: ExtractSource[] }) => {
  const out: Extraction[] = msg.sources.map((source) => {
    try {
      return { doc: extract(source.text, source.meta, lexicon) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  parentPort?.postMessage({ id: msg.id, out });
});

import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { extract, loadLexicon } from "../extract/index.js";
import type { DocumentGraph } from "../extract/types.js";
import type { ArticleSource } from "../ingest/files.js";

export interface Extraction {
  doc?: DocumentGraph;
  error?: string;
}

const workerFile = fileURLToPath(new URL("./extractWorker.js", import.meta.url));

/**
 * Extracts every article in worker threads, one per core (default), in chunks; results in the order of sources.
 * Run from the TypeScript sources (tests), where no compiled worker exists, it extracts in this thread.
 */
export async function extractAll(
  sources: ArticleSource[],
  opts: { threads?: number; chunk?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Extraction[]> {
  const out: Extraction[] = new Array(sources.length);
  const chunk = opts.chunk ?? 50;
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), Math.ceil(sources.length / chunk)));
  if (!fs.existsSync(workerFile) || sources.length === 0) {
    const lexicon = loadLexicon();
    sources.forEach((s, i) => {
      try {
        out[i] = { doc: extract(s.text, s.meta, lexicon) };
      } catch (e) {
        out[i] = { error: (e as Error).message };
      }
      if ((i + 1) % chunk === 0 || i + 1 === sources.length) opts.onProgress?.(i + 1, sources.length);
    });
    return out;
  }
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerFile));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= sources.length) return resolve();
              const start = next;
              next = Math.min(sources.length, next + chunk);
              w.postMessage({ id: start, sources: sources.slice(start, next) });
            };
            w.on("message", (msg: { id: number; out: Extraction[] }) => {
              msg.out.forEach((x, k) => {
                out[msg.id + k] = x;
              });
              done += msg.out.length;
              opts.onProgress?.(done, sources.length);
              send();
            });
            w.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

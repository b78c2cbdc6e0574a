import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { extract } from "./document.js";
import { loadLexicon } from "./lexicon.js";
import type { DocumentGraph, DocumentMeta } from "./types.js";

/** One article to extract: its text and metadata. */
export interface ExtractSource {
  text: string;
  meta: Partial<DocumentMeta>;
}

export interface Extraction {
  doc?: DocumentGraph;
  error?: string;
}

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Articles per message to a worker (default 50): fewer, larger messages. */
  chunk?: number;
  /**
   * At most this many articles extracted ahead of the consumer (default: all), so that a loader that writes
   * slower than the pool extracts does not hold a whole archive's document graphs in memory.
   */
  ahead?: number;
  onProgress?: (done: number, total: number) => void;
}

const workerFile = fileURLToPath(new URL("./poolWorker.js", import.meta.url));

/** Extraction in this thread (no compiled worker, e.g. tests run from the TypeScript sources). */
function* extractHere(sources: ExtractSource[], opts: PoolOptions): Generator<Extraction> {
  const lexicon = loadLexicon();
  const chunk = opts.chunk ?? 50;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i] as ExtractSource;
    let x: Extraction;
    try {
      x = { doc: extract(s.text, s.meta, lexicon) };
    } catch (e) {
      x = { error: (e as Error).message };
    }
    if ((i + 1) % chunk === 0 || i + 1 === sources.length) opts.onProgress?.(i + 1, sources.length);
    yield x;
  }
}

/**
 * The extractions of sources, in their order, computed in worker threads (one per core by default) while the
 * consumer works on the earlier ones: `akhbar import` collects them all (extractAll), `akhbar load` writes each
 * batch while the workers extract the next ones. Run from the TypeScript sources (tests), where no compiled
 * worker exists, it extracts in this thread, one article per step.
 */
export async function* extractStream(
  sources: ExtractSource[],
  opts: PoolOptions = {},
): AsyncGenerator<Extraction, void, undefined> {
  const chunk = opts.chunk ?? 50;
  if (!fs.existsSync(workerFile) || sources.length === 0) {
    yield* extractHere(sources, opts);
    return;
  }
  const ahead = Math.max(chunk, opts.ahead ?? sources.length);
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), Math.ceil(sources.length / chunk)));
  const out: (Extraction | undefined)[] = new Array(sources.length);
  let sent = 0; // articles handed to workers
  let done = 0; // articles extracted
  let taken = 0; // articles yielded to the consumer
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const idle: Worker[] = [];
  const workers = Array.from({ length: threads }, () => new Worker(workerFile));
  const signal = () => {
    wake?.();
    wake = null;
  };
  // Hands a chunk to each idle worker while the consumer is less than `ahead` articles behind.
  const dispatch = () => {
    while (idle.length > 0 && sent < sources.length && sent - taken < ahead) {
      const start = sent;
      sent = Math.min(sources.length, sent + chunk);
      (idle.pop() as Worker).postMessage({
        id: start,
        sources: sources.slice(start, sent).map(({ text, meta }) => ({ text, meta })),
      });
    }
  };
  for (const w of workers) {
    w.on("message", (msg: { id: number; out: Extraction[] }) => {
      msg.out.forEach((x, k) => {
        out[msg.id + k] = x;
      });
      done += msg.out.length;
      opts.onProgress?.(done, sources.length);
      idle.push(w);
      dispatch();
      signal();
    });
    w.on("error", (e) => {
      failure = e;
      signal();
    });
    idle.push(w);
  }
  try {
    dispatch();
    while (taken < sources.length) {
      while (out[taken] === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      const x = out[taken] as Extraction;
      out[taken] = undefined; // the consumer holds it now
      taken++;
      dispatch();
      yield x;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Every extraction, in the order of sources (the bulk import needs the whole corpus at once). */
export async function extractAll(sources: ExtractSource[], opts: PoolOptions = {}): Promise<Extraction[]> {
  const all: Extraction[] = [];
  for await (const x of extractStream(sources, opts)) all.push(x);
  return all;
}

/**
 * Ingesting files: reading articles (text files with their metadata, corpus files, folders of them), extracting
 * them and loading them in batched transactions. `akhbar load`, `npm start` and the tests load through here;
 * the graph layer below only ever sees document graphs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../config.js";
import { extractStream } from "../extract/pool.js";
import type { DocumentGraph, DocumentMeta } from "../extract/types.js";
import type { Graph } from "../graph/driver.js";
import { sha256 } from "../graph/identity.js";
import { type ArticleStatus, type LoadOptions, type LoadSummary, loadDocuments } from "../graph/loader.js";

export const seedsDir = path.join(repoRoot, "seeds");

/** Every seeds/*.ar.txt article, sorted. */
export function seedFiles(dir = seedsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ar.txt"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The metadata beside an article: <name>.meta.json next to <name>.ar.txt (or <name>.txt). */
export function readMeta(file: string): Partial<DocumentMeta> {
  const base = file.replace(/(\.ar)?\.txt$/, "");
  const metaFile = `${base}.meta.json`;
  const fallback = { id: path.basename(base), language: "ar" };
  if (!fs.existsSync(metaFile)) return fallback;
  const raw = JSON.parse(fs.readFileSync(metaFile, "utf8")) as Record<string, unknown>;
  return { ...fallback, ...metaOf(raw) };
}

const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

function metaOf(raw: Record<string, unknown>): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = {
    language: s(raw.language) ?? "ar",
    source: s(raw.source) ?? s(raw.source_url),
    publishedAt: s(raw.publishedAt),
    title: s(raw.title),
  };
  const id = s(raw.id);
  return id ? { id, ...meta } : meta;
}

/** One article to extract: its text, its metadata, and where it came from (a file, or an item of a corpus file). */
export interface ArticleSource {
  origin: string;
  text: string;
  meta: Partial<DocumentMeta>;
}

const isArticleFile = (f: string) => f.endsWith(".txt") || (f.endsWith(".json") && !f.endsWith(".meta.json"));

/**
 * The article files named by paths: a folder stands for every .txt and corpus .json below it (sorted, hidden
 * entries skipped); a file stands for itself.
 */
export function articleFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isArticleFile(entry.name)) out.push(full);
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    if (fs.statSync(full).isDirectory()) walk(full);
    else out.push(full);
  }
  return out;
}

/**
 * The articles of one file: a .txt is one article (metadata from <name>.meta.json beside it); a .json is a corpus,
 * {"items": [{id, text, source_url?, publishedAt?, title?}]} (the shape of the dev corpora), one article per item.
 */
export function readArticles(file: string): ArticleSource[] {
  if (!file.endsWith(".json")) return [{ origin: file, text: fs.readFileSync(file, "utf8"), meta: readMeta(file) }];
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { items?: unknown };
  if (!Array.isArray(raw.items)) throw new Error(`${file}: a corpus file needs an "items" array`);
  return raw.items.map((item: Record<string, unknown>, i) => {
    if (typeof item?.text !== "string") throw new Error(`${file}: item ${i} has no "text"`);
    const fallback = `${path.basename(file, ".json")}-${i + 1}`;
    return { origin: `${file}#${s(item.id) ?? i + 1}`, text: item.text, meta: { id: fallback, ...metaOf(item) } };
  });
}

/** Every article of the given files and folders, in order. */
export function readSources(paths: string[]): ArticleSource[] {
  return articleFiles(paths).flatMap(readArticles);
}

export interface FileProgress {
  /** Articles done so far (loaded, replaced, skipped or failed), of total. */
  done: number;
  total: number;
  /** The articles of the batch just written, with their outcome. */
  articles: ArticleOutcome[];
}

export type ArticleOutcome = {
  id: string;
  origin: string;
  status: ArticleStatus | "failed";
  reason?: string;
  events?: number;
};

export interface FilesSummary {
  files: number;
  loaded: number;
  replaced: number;
  skipped: number;
  failed: number;
  entities: { created: number; updated: number };
  events: { created: number; updated: number; written: number };
  nodesCreated: number;
  relationshipsCreated: number;
  /** Transactions committed (batches, and articles retried alone after a failed batch). */
  transactions: number;
  ms: number;
  articles: ArticleOutcome[];
}

export interface LoadFilesOptions extends LoadOptions {
  onProgress?: (p: FileProgress) => void;
  /** Articles per transaction (default 200; the first batches are smaller, see loadFiles). */
  batchArticles?: number;
  /** A batch closes once it holds this many events (default 5,000). */
  batchEvents?: number;
}

interface Extracted {
  source: ArticleSource;
  doc?: DocumentGraph;
  hash: string;
  error?: string;
}

/**
 * Extracts and loads articles (files, folders, corpus files) in batched transactions, as the benchmark does:
 * up to batchArticles articles or batchEvents events per transaction. A batch that fails is retried article by
 * article, each in its own transaction, so a failing article leaves no trace and the others still load; the
 * summary names it with the reason. Articles are extracted in worker threads (src/extract/pool.ts) while the
 * batches before them are written.
 */
export async function loadFiles(graph: Graph, paths: string[], opts: LoadFilesOptions = {}): Promise<FilesSummary> {
  const started = Date.now();
  const sources = readSources(paths);
  // Larger batches (500 articles or 10,000 events, or all 1,000 in one) measured no faster (bench/NOTES.md).
  const maxArticles = opts.batchArticles ?? 200;
  const maxEvents = opts.batchEvents ?? 5_000;
  // The first batch is small so that writing starts as soon as a few articles are extracted; each next one is
  // twice as large up to the maximum.
  let limit = Math.min(maxArticles, 50);
  const total: FilesSummary = {
    files: sources.length,
    loaded: 0,
    replaced: 0,
    skipped: 0,
    failed: 0,
    entities: { created: 0, updated: 0 },
    events: { created: 0, updated: 0, written: 0 },
    nodesCreated: 0,
    relationshipsCreated: 0,
    transactions: 0,
    ms: 0,
    articles: [],
  };
  // Extraction runs in the worker pool of `akhbar import`, a few batches ahead of the writes, so the next batch
  // is ready when one commits.
  // One worker less than the cores: extraction is a small part of a load (~1 s per 1,000 articles against
  // 15-25 s of Neo4j work), so one worker keeps ahead and the other core stays with Neo4j and this thread.
  const stream = extractStream(sources, {
    ahead: maxArticles * 3,
    threads: Math.max(1, os.availableParallelism() - 1),
  })[Symbol.asyncIterator]();
  let position = 0;
  let held: Extracted | null = null; // read, but it closes the batch: the first article of the next one
  const take = async (): Promise<Extracted | null> => {
    if (held) {
      const x = held;
      held = null;
      return x;
    }
    const r = await stream.next();
    if (r.done) return null;
    const source = sources[position++] as ArticleSource;
    const hash = sha256(source.text);
    return r.value.doc
      ? { source, doc: r.value.doc, hash }
      : { source, hash, error: `extraction failed: ${r.value.error}` };
  };
  // The next batch: consecutive articles, closed early where an id or a content hash would repeat (a batch
  // writes each article once; the repeat goes to the next batch, which sees the first as loaded).
  const nextBatch = async (): Promise<Extracted[]> => {
    const batch: Extracted[] = [];
    const ids = new Set<string>();
    const hashes = new Set<string>();
    let events = 0;
    while (batch.length < limit && events < maxEvents) {
      const x = await take();
      if (!x) break;
      const id = x.doc?.document.id;
      if (batch.length > 0 && ((id !== undefined && ids.has(id)) || hashes.has(x.hash))) {
        held = x;
        break;
      }
      batch.push(x);
      if (id !== undefined) ids.add(id);
      hashes.add(x.hash);
      events += x.doc?.events.length ?? 0;
    }
    limit = Math.min(maxArticles, limit * 2);
    return batch;
  };
  const record = (outcomes: ArticleOutcome[], summary: LoadSummary | null) => {
    for (const o of outcomes) {
      total[o.status]++;
      total.articles.push(o);
    }
    if (summary) {
      total.transactions++;
      total.entities.created += summary.entities.created;
      total.entities.updated += summary.entities.updated;
      total.events.created += summary.events.created;
      total.events.updated += summary.events.updated;
      total.events.written += summary.events.written;
      total.nodesCreated += summary.counters.nodesCreated;
      total.relationshipsCreated += summary.counters.relationshipsCreated;
    }
  };
  const outcomesOf = (batch: Extracted[], summary: LoadSummary): ArticleOutcome[] =>
    batch.map((x) => {
      const id = x.doc?.document.id as string;
      const a = summary.articles.find((r) => r.id === id);
      return {
        id,
        origin: x.source.origin,
        status: a?.status ?? "loaded",
        ...(a?.reason ? { reason: a.reason } : {}),
        ...(a?.status === "skipped" ? {} : { events: x.doc?.events.length ?? 0 }),
      };
    });
  const write = (batch: Extracted[]) =>
    loadDocuments(
      graph,
      batch.map((x) => ({ doc: x.doc as DocumentGraph, text: x.source.text })),
      opts,
    );

  try {
    let done = 0;
    let batch = await nextBatch();
    while (batch.length > 0) {
      const failedToExtract = batch.filter((x) => x.error !== undefined);
      const good = batch.filter((x) => x.doc !== undefined);
      const pending =
        good.length > 0
          ? write(good).then(
              (summary) => ({ summary, error: null }),
              (error: Error) => ({ summary: null, error }),
            )
          : Promise.resolve(null);
      const following = nextBatch(); // taken from the pool while the batch is written
      const result = await pending;
      const outcomes: ArticleOutcome[] = failedToExtract.map((x) => ({
        id: String(x.source.meta.id ?? x.source.origin),
        origin: x.source.origin,
        status: "failed",
        reason: x.error,
      }));
      record(outcomes, null);
      if (result?.summary) {
        const o = outcomesOf(good, result.summary);
        record(o, result.summary);
        outcomes.push(...o);
      } else if (result?.error) {
        // The batch wrote nothing: each article again in its own transaction, to find the one that fails.
        for (const x of good) {
          try {
            const summary = await write([x]);
            const o = outcomesOf([x], summary);
            record(o, summary);
            outcomes.push(...o);
          } catch (e) {
            const o: ArticleOutcome = {
              id: x.doc?.document.id as string,
              origin: x.source.origin,
              status: "failed",
              reason: (e as Error).message,
            };
            record([o], null);
            outcomes.push(o);
          }
        }
      }
      done += batch.length;
      opts.onProgress?.({ done, total: sources.length, articles: outcomes });
      batch = await following;
    }
  } finally {
    await stream.return?.(undefined); // stops the workers when a write throws
  }
  total.ms = Date.now() - started;
  return total;
}

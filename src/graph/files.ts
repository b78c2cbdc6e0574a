import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../config.js";
import { extract, type Lexicon, loadLexicon } from "../extract/index.js";
import type { DocumentMeta } from "../extract/types.js";
import type { Graph } from "./driver.js";
import { type LoadOptions, type LoadSummary, loadDocument } from "./loader.js";

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
  const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    id: s(raw.id) ?? fallback.id,
    language: s(raw.language) ?? "ar",
    source: s(raw.source),
    publishedAt: s(raw.publishedAt),
    title: s(raw.title),
  };
}

export interface FileProgress {
  index: number;
  total: number;
  file: string;
  summary: LoadSummary;
}

export interface FilesSummary {
  files: number;
  loaded: number;
  replaced: number;
  skipped: number;
  entities: { created: number; updated: number };
  events: { created: number; updated: number };
  nodesCreated: number;
  relationshipsCreated: number;
  ms: number;
  articles: LoadSummary["articles"];
}

/** Extracts and loads each file, one article per transaction, in order. */
export async function loadFiles(
  graph: Graph,
  files: string[],
  opts: LoadOptions & { onProgress?: (p: FileProgress) => void; lexicon?: Lexicon } = {},
): Promise<FilesSummary> {
  const started = Date.now();
  const lexicon = opts.lexicon ?? loadLexicon();
  const total: FilesSummary = {
    files: files.length,
    loaded: 0,
    replaced: 0,
    skipped: 0,
    entities: { created: 0, updated: 0 },
    events: { created: 0, updated: 0 },
    nodesCreated: 0,
    relationshipsCreated: 0,
    ms: 0,
    articles: [],
  };
  for (const [index, file] of files.entries()) {
    const text = fs.readFileSync(file, "utf8");
    const doc = extract(text, readMeta(file), lexicon);
    const summary = await loadDocument(graph, doc, { ...opts, text });
    for (const a of summary.articles) {
      total[a.status]++;
      total.articles.push(a);
    }
    total.entities.created += summary.entities.created;
    total.entities.updated += summary.entities.updated;
    total.events.created += summary.events.created;
    total.events.updated += summary.events.updated;
    total.nodesCreated += summary.counters.nodesCreated;
    total.relationshipsCreated += summary.counters.relationshipsCreated;
    opts.onProgress?.({ index, total: files.length, file, summary });
  }
  total.ms = Date.now() - started;
  return total;
}

/**
 * Ingesting one text: extract → validate → load in one transaction (the loader validates the document graph
 * against schema/document-graph.schema.json before it writes). The ingestArticle mutation calls it; files go
 * through files.ts, which batches the same steps. The lexicon is loadLexicon's one cache.
 */
import { extract, loadLexicon } from "../extract/index.js";
import type { DocumentGraph, DocumentMeta } from "../extract/types.js";
import type { Graph } from "../graph/driver.js";
import { type LoadOptions, type LoadSummary, loadDocument } from "../graph/loader.js";

export interface IngestedText {
  doc: DocumentGraph;
  summary: LoadSummary;
}

export async function ingestText(
  graph: Graph,
  text: string,
  meta: Partial<DocumentMeta>,
  opts: LoadOptions = {},
): Promise<IngestedText> {
  const doc = extract(text, meta, loadLexicon());
  const summary = await loadDocument(graph, doc, { ...opts, text });
  return { doc, summary };
}

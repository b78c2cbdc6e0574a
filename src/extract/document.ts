/** The pipeline: normalise → sentences → tokens → mentions → coreference → events (+ dates). */
import { createHash } from "node:crypto";
import { normaliseArabic, slugify } from "../text/normalise.js";
import { Registry, resolveDocument, type SentenceUnit } from "./coref.js";
import { extractEvents } from "./events/index.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { Mentioner } from "./mentions.js";
import { splitSentences } from "./sentences.js";
import { tokenize } from "./tokens.js";
import type { DocumentGraph, DocumentMeta } from "./types.js";

export function extract(text: string, meta: Partial<DocumentMeta> = {}, lexicon?: Lexicon): DocumentGraph {
  const lex = lexicon ?? loadLexicon();
  const src = typeof text === "string" ? text : "";
  const contentHash = createHash("sha256").update(src, "utf8").digest("hex");
  const publishedAt = meta.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(meta.publishedAt) ? meta.publishedAt : null;
  const document: DocumentMeta = {
    id: meta.id ?? `doc-${contentHash.slice(0, 16)}`,
    language: meta.language ?? "ar",
    source: meta.source ?? null,
    publishedAt,
    contentHash,
    title: meta.title ?? null,
  };
  const sentences = splitSentences(src);
  const units: SentenceUnit[] = sentences.map((s) => {
    const toks = tokenize(src, s.start, s.end);
    const chunks = new Mentioner(lex, toks, src).run();
    return { sentence: s, toks, norm: normaliseArabic(s.text), chunks };
  });
  const reg = new Registry(lex, src, contentHash.slice(0, 12));
  resolveDocument(units, lex, reg, publishedAt);
  const events = extractEvents(units, lex, reg, publishedAt);
  const refs = new Set<string>();
  for (const ev of events) for (const p of ev.participants) refs.add(p.entity);
  for (const e of reg.entities.values()) {
    if (e.country) refs.add(e.country);
    if (e.parent) refs.add(e.parent);
    for (const p of e.positions) {
      if (p.country) refs.add(p.country);
      if (p.organization) refs.add(p.organization);
    }
  }
  const entities = reg.order.map((id) => reg.entities.get(id)!).filter((e) => e.mentions.length > 0 || refs.has(e.id));
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  // ensure every referenced id exists
  const ids = new Set(entities.map((e) => e.id));
  for (const e of [...entities]) {
    for (const ref of [e.country, e.parent, ...e.positions.flatMap((p) => [p.country, p.organization])]) {
      if (ref && !ids.has(ref)) {
        const x = reg.entities.get(ref);
        if (x) {
          entities.push(x);
          ids.add(ref);
        } else if (ref.startsWith("country:")) {
          const ci = lex.countries.get(ref.slice(8).toUpperCase());
          const ent = reg.ensure(ref, "Country", ci?.ar ?? ref, { nameEn: ci?.en ?? null, iso2: ci?.iso2 ?? null });
          entities.push(ent);
          ids.add(ref);
        } else if (ref.startsWith("org:")) {
          const parts = ref.split(":");
          const d = lex.domains.get(parts[2] ?? "");
          const ent = reg.ensure(ref, "Organization", d?.ar ?? ref, {
            nameEn: d?.en ?? null,
            country: parts[1] && parts[1].length === 2 ? `country:${parts[1]}` : null,
          });
          entities.push(ent);
          ids.add(ref);
        }
      }
    }
  }
  return { document, sentences, entities, events };
}

export { slugify };

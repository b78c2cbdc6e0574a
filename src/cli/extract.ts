/** `akhbar extract <file> [--json] [--published YYYY-MM-DD] [--source S]` */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { extract } from "../extract/index.js";
import type { DocumentGraph, DocumentMeta } from "../extract/types.js";

const MAX_BYTES = 5 * 1024 * 1024;

export interface ExtractOptions {
  json?: boolean;
  published?: string;
  source?: string;
}

/** Read and check an article; returns the text or an error message. */
export function readArticle(file: string): { text: string } | { error: string } {
  if (!existsSync(file)) return { error: `extract: file not found: ${file}` };
  const st = statSync(file);
  if (!st.isFile()) return { error: `extract: not a regular file: ${file}` };
  if (st.size === 0) return { error: `extract: empty file: ${file}` };
  if (st.size > MAX_BYTES) return { error: `extract: file too large (${st.size} bytes; limit ${MAX_BYTES}): ${file}` };
  const buf = readFileSync(file);
  if (buf.includes(0)) return { error: `extract: binary data, not text: ${file}` };
  const text = buf.toString("utf8");
  if (text.includes("\uFFFD") && (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100)
    return { error: `extract: not valid UTF-8 text: ${file}` };
  if (!text.trim()) return { error: `extract: empty file: ${file}` };
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0;
  if (arabic < 10) return { error: `extract: no Arabic text found in ${file}` };
  return { text };
}

export function metaFor(file: string, opts: ExtractOptions): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = { language: "ar" };
  const base = path.basename(file).replace(/(\.ar)?\.txt$/, "");
  const metaFile = path.join(path.dirname(file), `${base}.meta.json`);
  if (existsSync(metaFile)) {
    try {
      const m = JSON.parse(readFileSync(metaFile, "utf8"));
      if (typeof m.id === "string") meta.id = m.id;
      if (typeof m.source === "string") meta.source = m.source;
      if (typeof m.publishedAt === "string") meta.publishedAt = m.publishedAt;
      if (typeof m.language === "string") meta.language = m.language;
    } catch {
      /* ignore a broken meta file */
    }
  }
  if (!meta.id) meta.id = base;
  if (opts.published) meta.publishedAt = opts.published;
  if (opts.source) meta.source = opts.source;
  return meta;
}

export function summarise(g: DocumentGraph): string {
  const lines: string[] = [];
  const name = (id: string) => g.entities.find((e) => e.id === id)?.name ?? id;
  lines.push(
    `document ${g.document.id}  published ${g.document.publishedAt ?? "?"}  source ${g.document.source ?? "?"}  sentences ${g.sentences.length}`,
  );
  lines.push("", `entities (${g.entities.length})`);
  for (const e of g.entities) {
    const pos = e.positions
      .map((p) => `${p.titleEn ?? p.title}${p.country ? ` (${p.country.slice(8).toUpperCase()})` : ""}`)
      .join("; ");
    lines.push(
      `  ${e.kind.padEnd(12)} ${e.id}  ${e.name}${e.nameEn ? ` [${e.nameEn}]` : ""}${pos ? `  — ${pos}` : ""}${e.unnamed ? "  (unnamed)" : ""}  ×${e.mentions.length}`,
    );
  }
  lines.push("", `events (${g.events.length})`);
  for (const ev of g.events) {
    const parts = ev.participants.map((p) => `${p.role}=${name(p.entity)}`).join(", ");
    const q = ev.quantities.map((x) => `${x.atLeast ? ">" : x.approximate ? "~" : ""}${x.value} ${x.what}`).join(", ");
    const s = ev.evidence[0];
    lines.push(
      `  ${ev.kind}${ev.cameo ? ` [${ev.cameo}]` : ""}${ev.directed ? " directed" : ""}${ev.date ? ` @${ev.date}` : ""}  ${parts}${q ? `  {${q}}` : ""}  «${s?.text ?? ""}» (s${s?.sentence ?? "?"})`,
    );
  }
  return lines.join("\n");
}

export function runExtract(file: string, opts: ExtractOptions): { code: number; out?: string; err?: string } {
  if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published))
    return { code: 2, err: `extract: --published must be YYYY-MM-DD, got "${opts.published}"` };
  const r = readArticle(file);
  if ("error" in r) return { code: 1, err: r.error };
  const g = extract(r.text, metaFor(file, opts));
  return { code: 0, out: opts.json ? JSON.stringify(g, null, 2) : summarise(g) };
}

export function registerExtract(program: Command): void {
  program
    .command("extract <file>")
    .description("extract a document graph of actors and events from an Arabic news article")
    .option("--json", "print the document graph as JSON")
    .option("--published <date>", "publication date YYYY-MM-DD (resolves weekdays and day ranges)")
    .option("--source <source>", "source of the article")
    .action((file: string, opts: ExtractOptions) => {
      const r = runExtract(file, opts);
      if (r.err) process.stderr.write(`${r.err}\n`);
      if (r.out) process.stdout.write(`${r.out}\n`);
      if (r.code) process.exitCode = r.code;
    });
}

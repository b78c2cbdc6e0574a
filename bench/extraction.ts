/**
 * Extraction throughput (characters per second, one core), the logic of bench/extract.bench.ts: the seed
 * article, each dev corpus per document, and seed + first dev corpus repeated to 10 MB as one document.
 */
import fs from "node:fs";
import path from "node:path";
import { extract, loadLexicon } from "../src/extract/index.js";

export interface ExtractionResult {
  name: string;
  chars: number;
  /** wall clock: on a loaded machine this also counts waiting for a core */
  charsPerSecond: number;
  /** per second of this process's CPU time (user + system): the one-core throughput */
  charsPerCpuSecond: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function measure(name: string, texts: string[], minMs: number, rounds: number): ExtractionResult {
  const lex = loadLexicon();
  const chars = texts.reduce((a, t) => a + t.length, 0);
  for (const t of texts.slice(0, 3)) extract(t.slice(0, 20_000), {}, lex); // warm-up
  let best = 0;
  let bestCpu = 0;
  for (let r = 0; r < rounds; r++) {
    let k = 0;
    const t0 = performance.now();
    const c0 = cpuMs();
    while (performance.now() - t0 < minMs || k === 0) {
      for (const t of texts) extract(t, { publishedAt: "2016-04-02" }, lex);
      k++;
    }
    best = Math.max(best, (chars * k) / ((performance.now() - t0) / 1000));
    bestCpu = Math.max(bestCpu, (chars * k) / ((cpuMs() - c0) / 1000));
  }
  return { name, chars, charsPerSecond: Math.round(best), charsPerCpuSecond: Math.round(bestCpu) };
}

export function measureExtraction(root: string, quick: boolean, say: (line: string) => void): ExtractionResult[] {
  const seed = fs.readFileSync(path.join(root, "seeds", "karabakh-2016-04-02.ar.txt"), "utf8");
  const corpus = (name: string): string[] => {
    const file = path.resolve(root, "../shared/corpus/dev", name);
    return fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, "utf8")) as { items: { text: string }[] }).items.map((i) => i.text)
      : [];
  };
  const dev = corpus("arabic-news.json");
  const dev2 = corpus("arabic-news-2.json");
  const out: ExtractionResult[] = [measure("seed article", [seed], quick ? 300 : 1000, quick ? 1 : 3)];
  if (dev.length > 0) out.push(measure(`dev corpus (${dev.length} documents)`, dev, quick ? 300 : 1000, quick ? 1 : 3));
  if (dev2.length > 0)
    out.push(measure(`dev corpus 2 (${dev2.length} documents)`, dev2, quick ? 300 : 1000, quick ? 1 : 3));
  const unit = [seed, ...dev].join("\n");
  const mb = quick ? 1 : 10;
  const big = unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length));
  out.push(measure(`seed + dev corpus repeated to ${mb} MB (one document)`, [big], 0, quick ? 1 : 2));
  for (const r of out) {
    say(
      `  ${r.name}: ${(r.charsPerSecond / 1e6).toFixed(2)} M chars/s wall, ${(r.charsPerCpuSecond / 1e6).toFixed(2)} per CPU second`,
    );
  }
  return out;
}

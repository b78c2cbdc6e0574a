/**
 * ANERcorp Person scoring: runs the extractor over groups of ANERcorp sentences (tokens joined by single spaces)
 * and compares the Person mention spans with the B-PERS/I-PERS spans, exact start and end.
 *
 * Two adjustments make the comparison fair to running text (see ../shared/corpus/anercorp/README.md):
 * - only NAME mentions count: a mention of a person that shares no word with the person's name is a title or an
 *   office reference (الرئيس الأميركي), which ANERcorp does not tag;
 * - ANERcorp keeps a proclitic on its token (وأحمد، لمحفوظ) where the extractor's mention starts after it: a
 *   gold span whose first character is such a clitic matches a mention that starts one character later.
 */
import { readFileSync } from "node:fs";
import { extract, type Lexicon } from "../../src/extract/index.js";

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

type Sentence = [token: string, tag: string][];

export function readAnercorp(file: string): Sentence[] {
  const sents: Sentence[] = [];
  let cur: Sentence = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (!line.trim()) {
      if (cur.length) sents.push(cur);
      cur = [];
      continue;
    }
    const i = line.lastIndexOf(" ");
    cur.push([line.slice(0, i), line.slice(i + 1)]);
  }
  if (cur.length) sents.push(cur);
  return sents;
}

/** one group of sentences as text, one sentence a line, and its gold Person spans */
function groupText(group: Sentence[]): { text: string; gold: [number, number][] } {
  let text = "";
  const gold: [number, number][] = [];
  for (const s of group) {
    let open: [number, number] | null = null;
    for (const [tok, tag] of s) {
      const start = text.length;
      text += `${tok} `;
      const end = start + tok.length;
      if (tag === "B-PERS") {
        if (open) gold.push(open);
        open = [start, end];
      } else if (tag === "I-PERS" && open) open[1] = end;
      else {
        if (open) gold.push(open);
        open = null;
      }
    }
    if (open) gold.push(open);
    text = `${text.trimEnd()}\n`;
  }
  return { text, gold };
}

const words = (s: string) => s.split(/\s+/).map((w) => w.replace(/^[وفلب]/, ""));
const CLITIC = /[وفلبك]/;

function predictedSpans(text: string, lex: Lexicon): Set<string> {
  const pred = new Set<string>();
  for (const e of extract(text, {}, lex).entities) {
    if (e.kind !== "Person" || e.unnamed) continue;
    const nameWords = new Set([e.name, ...e.aliases].flatMap(words));
    for (const m of e.mentions)
      if (words(text.slice(m.start, m.end)).some((w) => nameWords.has(w))) pred.add(`${m.start}:${m.end}`);
  }
  return pred;
}

/** Person exact-span scores over the sentences, run as documents of `group` sentences */
export function scoreAnercorp(sents: Sentence[], lex: Lexicon, group = 20): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let g = 0; g < sents.length; g += group) {
    const { text, gold } = groupText(sents.slice(g, g + group));
    const pred = predictedSpans(text, lex);
    const goldKeys = new Set(
      gold.map(([a, b]) => (CLITIC.test(text[a]) && pred.has(`${a + 1}:${b}`) ? `${a + 1}:${b}` : `${a}:${b}`)),
    );
    for (const p of pred)
      if (goldKeys.has(p)) tp++;
      else fp++;
    for (const k of goldKeys) if (!pred.has(k)) fn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

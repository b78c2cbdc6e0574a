/** Stage 2a — sentence splitting on the original text (offsets preserved). */
import type { Sentence } from "./types.js";

const isDigitAt = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
// . ! ? ؟ …
const isEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x61f || c === 0x2026;
// closing quotes/brackets and repeated marks kept with the sentence: " ' ” » ) ] . ! ? ؟
const isTrail = (c: number) =>
  c === 34 ||
  c === 39 ||
  c === 0x201d ||
  c === 0xbb ||
  c === 41 ||
  c === 93 ||
  c === 46 ||
  c === 33 ||
  c === 63 ||
  c === 0x61f;
const isWs = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const LETTER_OR_NUM = /[\p{L}\p{N}]/u;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWs(text.charCodeAt(s))) s++;
    while (e > s && isWs(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      const t = text.slice(s, e);
      if (LETTER_OR_NUM.test(t)) out.push({ index: out.length, start: s, end: e, text: t });
    }
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      continue;
    }
    if (isEnd(c)) {
      if (c === 46 && i > 0 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) continue;
      let j = i + 1;
      // keep closing quotes/brackets and repeated marks with the sentence
      while (j < n && isTrail(text.charCodeAt(j))) j++;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

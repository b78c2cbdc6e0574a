/** Stage 2a — sentence splitting on the original text (offsets preserved). */
import type { Sentence } from "./types.js";

const END = new Set([".", "!", "?", "؟", "…"]);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) {
      out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      push(i);
      continue;
    }
    if (END.has(c)) {
      if (c === "." && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
      let j = i + 1;
      // keep closing quotes/brackets and repeated marks with the sentence
      while (j < text.length && /["'”»)\].!?؟]/.test(text[j])) j++;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

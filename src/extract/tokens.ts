/**
 * Stage 2b — tokens with original offsets and clitic-aware lookup variants.
 * Clitics: conjunctions و ف, prepositions ب ل ك, the article ال (ل + ال → لل).
 */
import { foldToken } from "../text/normalise.js";

export interface Token {
  i: number; // index within the sentence
  start: number; // original offsets
  end: number;
  text: string;
  norm: string;
  kind: "word" | "num" | "punct";
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x0621 && code <= 0x065f) ||
    (code >= 0x0660 && code <= 0x0669) ||
    code === 0x0670 ||
    (code >= 0x0671 && code <= 0x06d3) ||
    (code >= 0x06d5 && code <= 0x06ed) ||
    (code >= 0x06f0 && code <= 0x06ff) ||
    code === 0x0640 ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f) ||
    code === 0x200c ||
    code === 0x200d
  );
}
const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
const isSpaceCode = (c: number) =>
  c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const toks: Token[] = [];
  let i = offset;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (
      isSpaceCode(code) ||
      (code >= 0x200e && code <= 0x200f) ||
      (code >= 0x202a && code <= 0x202e) ||
      code === 0xfeff
    ) {
      i++;
      continue;
    }
    if (isWordChar(code)) {
      let j = i + 1;
      const digit = isDigitCode(code);
      while (j < end && isWordChar(text.charCodeAt(j)) && isDigitCode(text.charCodeAt(j)) === digit) j++;
      const t = text.slice(i, j);
      const norm = foldToken(t);
      toks.push({ i: toks.length, start: i, end: j, text: t, norm, kind: digit ? "num" : "word" });
      i = j;
    } else {
      const t = text[i];
      toks.push({ i: toks.length, start: i, end: i + 1, text: t, norm: foldToken(t), kind: "punct" });
      i++;
    }
  }
  return toks;
}

export interface Variant {
  form: string;
  /** length of the stripped proclitics, in normalised chars */
  pre: string;
}

const VCACHE = new Map<string, Variant[]>();

/** Lookup forms of a normalised token, longest (unstripped) first (memoised; do not mutate). */
export function variants(norm: string): Variant[] {
  let v = VCACHE.get(norm);
  if (v) return v;
  v = computeVariants(norm);
  if (VCACHE.size > 200_000) VCACHE.clear();
  VCACHE.set(norm, v);
  return v;
}

function computeVariants(norm: string): Variant[] {
  const out: Variant[] = [{ form: norm, pre: "" }];
  const seen = new Set([norm]);
  const add = (form: string, pre: string) => {
    if (form.length >= 2 && !seen.has(form)) {
      seen.add(form);
      out.push({ form, pre });
    }
  };
  const stems: Variant[] = [{ form: norm, pre: "" }];
  const c0 = norm[0];
  if ((c0 === "و" || c0 === "ف") && norm.length > 3) {
    const rest = norm.slice(1);
    add(rest, c0);
    stems.push({ form: rest, pre: c0 });
  }
  for (const s of stems) {
    const f = s.form;
    if (f.startsWith("لل") && f.length > 3) add(`ال${f.slice(2)}`, `${s.pre}ل`);
    const c = f[0];
    if ((c === "ب" || c === "ل" || c === "ك") && f.length > 3) add(f.slice(1), s.pre + c);
  }
  return out;
}

/** A normalised word without a leading conjunction و (وقال → قال; short words such as ولد keep it). */
export function withoutWaw(norm: string): string {
  return norm.startsWith("و") && norm.length > 3 ? norm.slice(1) : norm;
}

/** Strip the article ال from a normalised form (for nisba / name comparisons). */
export function stripArticle(s: string): string {
  return s.startsWith("ال") && s.length > 3 ? s.slice(2) : s;
}

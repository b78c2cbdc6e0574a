/**
 * The ground floor both sides stand on: the one Arabic normaliser and slugify, imported by the extractor
 * (stage 1 of its pipeline) and by the graph layer (name keys, ids) alike, so neither reaches into the other.
 *
 * Stage 1 — normalisation for MATCHING only. The original text and its offsets are never changed:
 * `normaliseWithMap` returns the normalised string and, for each of its characters, the index of the
 * original character it came from.
 */

// biome-ignore lint/suspicious/noMisleadingCharacterClass: zero-width joiners are removed one by one, on purpose
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f\u202a-\u202e\ufeff]/;

const FOLD: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ٲ: "ا",
  ٳ: "ا",
  ى: "ي",
  ی: "ي",
  ي: "ي",
  ئ: "ي",
  ة: "ه",
  ۀ: "ه",
  ہ: "ه",
  ھ: "ه",
  ؤ: "و",
  ک: "ك",
  ڪ: "ك",
  گ: "ك",
  پ: "ب",
  چ: "ج",
  ژ: "ز",
  ڤ: "ف",
  ڨ: "ق",
  "٠": "0",
  "١": "1",
  "٢": "2",
  "٣": "3",
  "٤": "4",
  "٥": "5",
  "٦": "6",
  "٧": "7",
  "٨": "8",
  "٩": "9",
  "۰": "0",
  "۱": "1",
  "۲": "2",
  "۳": "3",
  "۴": "4",
  "۵": "5",
  "۶": "6",
  "۷": "7",
  "۸": "8",
  "۹": "9",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "„": '"',
  "،": "،",
  "؛": "؛",
};

/** Per-character fold: returns "" for removed characters. */
function foldChar(c: string): string {
  const f = FOLD[c];
  if (f !== undefined) return f;
  if (DIACRITICS.test(c)) return "";
  return c;
}

// Precomputed table for the BMP to keep the hot loop cheap.
const TABLE: (string | null)[] = new Array(0x10000).fill(null);
for (let code = 0; code < 0x10000; code++) {
  const c = String.fromCharCode(code);
  const f = foldChar(c);
  if (f !== c) TABLE[code] = f;
}

const isSpace = (code: number) =>
  code === 32 ||
  code === 9 ||
  code === 10 ||
  code === 13 ||
  code === 0xa0 ||
  code === 0x2009 ||
  code === 0x202f ||
  code === 12 ||
  code === 11;

/**
 * The one matching normaliser of akhbar: diacritics and tatweel removed, alef forms (أ إ آ ٱ → ا),
 * ى → ي, ة → ه, ؤ/ئ folded, Persian letters and Arabic-Indic digits folded, whitespace collapsed and trimmed.
 */
export function normaliseArabic(s: string): string {
  let out = "";
  let pendingSpace = false;
  let run = 0; // start of the current run of unchanged characters
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSpace(code)) {
      if (run < i) out += s.slice(run, i);
      run = i + 1;
      if (out.length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    const t = TABLE[code];
    if (t !== null) {
      if (run < i) out += s.slice(run, i);
      out += t;
      run = i + 1;
    }
  }
  if (run < s.length) out += s.slice(run);
  return out;
}

export interface NormalisedText {
  text: string;
  /** map[i] = index in the original of normalised char i */
  map: Int32Array;
}

export function normaliseWithMap(s: string): NormalisedText {
  const out: string[] = [];
  const map = new Int32Array(s.length + 1);
  let n = 0;
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSpace(code)) {
      if (!prevSpace && n > 0) {
        out.push(" ");
        map[n++] = i;
      }
      prevSpace = true;
      continue;
    }
    const t = TABLE[code];
    if (t === null) {
      out.push(s[i]);
      map[n++] = i;
      prevSpace = false;
    } else if (t !== "") {
      for (let k = 0; k < t.length; k++) {
        out.push(t[k]);
        map[n++] = i;
      }
      prevSpace = false;
    }
  }
  map[n] = s.length;
  return { text: out.join(""), map: map.subarray(0, n + 1) };
}

const FOLD_CACHE = new Map<string, string>();

/** Fold one token quickly (no whitespace handling). Memoised: equal tokens share one (interned, flat)
 * string, so the many Map/Set lookups keyed by the normalised form hash it once. */
export function foldToken(s: string): string {
  let out = FOLD_CACHE.get(s);
  if (out !== undefined) return out;
  out = "";
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const t = TABLE[s.charCodeAt(i)];
    if (t !== null) {
      if (run < i) out += s.slice(run, i);
      out += t;
      run = i + 1;
    }
  }
  out = run === 0 ? s : run < s.length ? out + s.slice(run) : out;
  // flatten (a cons string would be re-walked by every hash lookup)
  if (out.length > 1) out = Array.from(out).join("");
  if (FOLD_CACHE.size > 200_000) FOLD_CACHE.clear();
  FOLD_CACHE.set(s, out);
  return out;
}

/** An id-safe slug of a name: Latin lower-case and Arabic letters, anything else a single dash. */
export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\u0621-\u064a]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

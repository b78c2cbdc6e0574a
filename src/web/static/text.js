// Text helpers of the explorer: name matching across Arabic spelling variants and Latin transliterations.

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Folds Arabic spelling variants (hamza forms, taa marbuta, alef maqsura, diacritics, tatweel) and Latin case/accents. */
export function fold(text) {
  return String(text ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(TASHKEEL, "")
    .replace(/[إأآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ء/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Latin transliterations vary (Sergey/Sergei, Shoigu/Shoygu, Hasanov/Gasanov): a loose key for them. */
export function looseLatin(text) {
  return fold(text)
    .replace(/[yj]/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/ph/g, "f")
    .replace(/v/g, "f")
    .replace(/w/g, "u")
    .replace(/k/g, "c")
    .replace(/g/g, "h");
}

/** Every form a name can be matched on: the forms, each word of them, and the forms without the Arabic article. */
function keysOf(names) {
  const keys = new Set();
  for (const name of names) {
    const f = fold(name);
    if (!f) continue;
    keys.add(f);
    keys.add(looseLatin(f));
    for (const word of f.split(" ")) {
      keys.add(word);
      if (word.startsWith("ال") && word.length > 3) keys.add(word.slice(2));
    }
  }
  return [...keys];
}

/** Builds a search index over actors: [{ actor, keys }]. */
export function buildIndex(actors) {
  return actors.map((actor) => ({ actor, keys: keysOf([actor.name, actor.nameEn, ...(actor.aliases ?? [])]) }));
}

/** Actors matching a query, best first: exact name or word, then prefix, then substring. */
export function searchIndex(index, query, limit = 10) {
  const q = fold(query);
  if (!q) return [];
  const qLoose = looseLatin(q);
  const scored = [];
  for (const entry of index) {
    let score = 0;
    for (const key of entry.keys) {
      if (key === q || key === qLoose) score = Math.max(score, 3);
      else if (key.startsWith(q) || key.startsWith(qLoose)) score = Math.max(score, 2);
      else if (q.length >= 3 && (key.includes(q) || key.includes(qLoose))) score = Math.max(score, 1);
    }
    if (score > 0) scored.push({ actor: entry.actor, score });
  }
  const kindOrder = { Person: 0, Organization: 1, Country: 2, Place: 3 };
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (kindOrder[a.actor.kind] ?? 9) - (kindOrder[b.actor.kind] ?? 9) ||
      String(a.actor.nameEn ?? a.actor.name).localeCompare(String(b.actor.nameEn ?? b.actor.name)),
  );
  return scored.slice(0, limit).map((s) => s.actor);
}

/** The half-open [start, end) interval of an event date ("2016", "2016-04", "2016-04-01/2016-04-02"). */
export function dateSpan(date) {
  if (!date) return null;
  const parts = String(date).split("/");
  return { start: parts[0], end: parts[parts.length - 1] };
}

/** Whether a date (or interval) overlaps [from, to] (YYYY-MM-DD, either may be empty). */
export function inDateRange(date, from, to) {
  if (!from && !to) return true;
  const span = dateSpan(date);
  if (!span) return false;
  if (from && span.end < from.slice(0, span.end.length)) return false;
  if (to && span.start > to) return false;
  return true;
}

/** Escapes text for innerHTML. */
export function esc(text) {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

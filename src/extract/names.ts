/**
 * Words that can or cannot be part of a person's name. Arabic has no capital letters, so a word is judged by
 * the general word lists of the lexicon (stopwords.yaml `stop` and `common`, names.yaml given names) and by
 * the shape of common Arabic words: a pronoun suffix (منصبه، احتجاجه), an imperfect verb (يمثل), a verbal
 * noun of a derived form (تشكيل، احتجاج، استقبال، انتهاء), a preposition glued to a noun (بسبب، لحضور).
 */
import type { Lexicon } from "./lexicon.js";
import type { Token } from "./tokens.js";

/** verbal nouns and verbs of the derived forms (تفعيل، افتعال، انفعال، استفعال) and imperfect verbs (يفعل) */
const DERIVED = /^(ت[^اوي].ي.|ا.ت.ا.|ان..ا.|است..+|ي[^اوي]..+|تت..+|ت.ا..ت)$/;
/** a preposition glued to a word that is common without it (بسبب، لحضور، بلقاء، بعنوان، لتوفير، لمتصفح) */
const GLUED = /^(ب|ل|ك)/;
const GLUED_REST = /^(ت..ي.|ا.ت.ا.|ان..ا.|است...ا.|مت...)$/;
/** pronoun suffixes, read on the original spelling: ه (not ة), ها، هم، هما، هن، كم، نا */
const SUFFIX = /(ه|ها|هم|هما|هن|كم|كما)$/;

const MEMO = new WeakMap<Lexicon, Map<string, boolean>>();

/** true when a word is a common word, never a name (memoised per lexicon and spelling) */
export function commonWord(lex: Lexicon, t: Token): boolean {
  let memo = MEMO.get(lex);
  if (!memo) {
    memo = new Map();
    MEMO.set(lex, memo);
  }
  const key = `${t.norm}|${t.text}`;
  let r = memo.get(key);
  if (r === undefined) {
    r = computeCommon(lex, t.norm, t.text);
    if (memo.size > 100_000) memo.clear();
    memo.set(key, r);
  }
  return r;
}

export function isGivenName(lex: Lexicon, norm: string): boolean {
  return lex.given.has(norm) || lex.givenAmbiguous.has(norm);
}

function computeCommon(lex: Lexicon, norm: string, text: string): boolean {
  if (isGivenName(lex, norm)) return false;
  // و + a listed word (وقال، وأضاف); the shapes below are read on the word as written, و included (ويليام)
  if (norm.startsWith("و") && norm.length > 3) {
    const rest = norm.slice(1);
    if (lex.common.has(rest) || lex.stop.has(rest) || /^ت..ي.$/.test(rest)) return true;
  }
  // a function word with a pronoun (فيهم، منها، عليه، معهم)
  const pron = /(هما|هم|هن|ها|ه|كم|نا)$/.exec(norm);
  if (pron && norm.length > pron[0].length + 1 && lex.stop.has(norm.slice(0, -pron[0].length))) return true;
  // (and و + a short function word: وهو، وهي، ومن)
  if (norm.length === 3 && norm.startsWith("و") && lex.stop.has(norm.slice(1))) return true;
  // the accusative ending written with its tanween (رداً، تقريباً)
  if (text.endsWith("اً") || text.endsWith("ً") || text.endsWith("ًا")) return true;
  const n = norm;
  if (lex.common.has(n) || lex.stop.has(n)) return true;
  // a role noun without the article (صحافي، فنان)
  if (lex.roles.has(`ال${n}`)) return true;
  // a common noun with the article (المدير، الأزمة)
  if (n.startsWith("ال") && n.length > 4 && lex.common.has(n.slice(2))) return true;
  const raw = text;
  // a pronoun suffix never follows the article (الله، المرحلة)
  if (
    !n.startsWith("ال") &&
    !raw.endsWith("ة") &&
    (raw.endsWith("ه") ? n.length >= 4 : n.length >= 5 && SUFFIX.test(raw))
  )
    return true;
  // (a foreign name in ين is no imperfect: يلتسين)
  if (n.length >= 4 && DERIVED.test(n) && !(n.length >= 6 && n.endsWith("ين"))) return true;
  // the suffix نا on a word with و (ومواقفنا); alone it ends names too (سولانا)
  if (n.length >= 6 && n.startsWith("و") && n.endsWith("نا")) return true;
  if (n.length >= 4 && GLUED.test(n)) {
    const rest = n.slice(1);
    if (lex.common.has(rest) || lex.stop.has(rest) || lex.index.has(rest) || GLUED_REST.test(rest)) return true;
  }
  return false;
}

/** a single unknown word strong enough to be a name on its own after a title (الرئيس بوش، الفنان محفوظ) */
export function strongSingle(lex: Lexicon, t: Token): boolean {
  if (t.kind !== "word" || t.norm.length < 3 || t.norm.startsWith("ال") || lex.stop.has(t.norm)) return false;
  // a word in ة is a feminine noun unless it is a given name (مبادرة; فاطمة، أسامة are listed)
  if (t.text.endsWith("ة") && !isGivenName(lex, t.norm)) return false;
  return !commonWord(lex, t);
}

/**
 * The word sets the event rules test tokens against, one bit each, memoised per lexicon: a rule asks
 * "is this token a call noun?" millions of times on a large text.
 */
import type { Lexicon } from "../lexicon.js";
import { variants } from "../tokens.js";

const BIT_SETS = [
  "callNouns",
  "phone",
  "make",
  "receive",
  "contact",
  "discuss",
  "happen",
  "talk",
  "future",
  "notCalls",
  "initiative",
  "condolence",
  "subjectVerbs",
  "prepositionTo",
  "phoneNouns",
  "pluralCalls",
  "phoneAdverbs",
  "join",
  "callBlockers",
  "videoWords",
  "clauseBreak",
  "talkNouns",
  "callThanked",
  "courtesy",
  "negation",
  "phoneVerbs",
  "thanks",
  "futureTime",
  "kin",
  "anchors",
] as const;
export type BitName = (typeof BIT_SETS)[number];
export const B = Object.fromEntries(BIT_SETS.map((n, i) => [n, 1 << i])) as Record<BitName, number>;

const BITS = new WeakMap<Lexicon, Map<string, number>>();

/** Normalised token → bit mask of the word sets it belongs to (with و/ف stripped at most). */
export function tokBits(lex: Lexicon, norm: string): number {
  let m = BITS.get(lex);
  if (!m) {
    m = new Map();
    BITS.set(lex, m);
  }
  let r = m.get(norm);
  if (r === undefined) {
    r = 0;
    for (const v of variants(norm)) {
      if (v.pre !== "" && v.pre !== "و" && v.pre !== "ف") continue;
      for (const n of BIT_SETS) if (lex.sets[n]?.has(v.form)) r |= B[n];
    }
    if (m.size > 200_000) m.clear();
    m.set(norm, r);
  }
  return r;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const anyOf = (xs: Iterable<string>) => new RegExp([...xs].filter(Boolean).map(esc).join("|"));

/**
 * Stage 6 — events, composed of named rules over one discourse, the way a spaCy pipeline composes components.
 * A verb of saying gives a statement; token rules run, in order, at each word of an event word set (and at a
 * verb of saying that is an anchor too: رحب), and the first that consumes the chunk ends its turn; sentence rules
 * run once per sentence after them. Each rule module says what it reads and what it emits.
 */
import type { Registry, SentenceUnit } from "../coref.js";
import type { Lexicon } from "../lexicon.js";
import type { DocEvent } from "../types.js";
import { backgroundRule } from "./background.js";
import { initiativeRule, thanksRule } from "./callDirection.js";
import { callRule } from "./calls.js";
import { claimRule } from "./claims.js";
import { condolenceRule } from "./courtesy.js";
import { Discourse } from "./discourse.js";
import { gatheringRule } from "./meetings.js";
import { statementRule } from "./statements.js";
import { openingSubjectRule, subjectVerbRule } from "./subjects.js";
import { SentenceView } from "./view.js";
import { B } from "./words.js";

/** A rule at chunk k; true when it consumed the chunk. `handled` holds call nouns a verb rule already read. */
export type TokenRule = (v: SentenceView, d: Discourse, k: number, handled: Set<number>) => boolean;
export type SentenceRule = (v: SentenceView, d: Discourse) => void;

/** rules at a word of one of the event word sets, in order */
export const TOKEN_RULES: readonly { name: string; rule: TokenRule }[] = [
  { name: "subject-verbs", rule: subjectVerbRule },
  { name: "calls", rule: callRule },
  { name: "call-thanks", rule: thanksRule },
  { name: "call-initiative", rule: initiativeRule },
  { name: "condolences", rule: condolenceRule },
  { name: "meetings-visits-messages", rule: gatheringRule },
];

export const SENTENCE_RULES: readonly { name: string; rule: SentenceRule }[] = [
  { name: "claims", rule: claimRule },
  { name: "background", rule: backgroundRule },
];

export function extractEvents(
  units: SentenceUnit[],
  lex: Lexicon,
  reg: Registry,
  publishedAt: string | null,
): DocEvent[] {
  const d = new Discourse(reg);
  for (const u of units) {
    const v = new SentenceView(u, lex, d, publishedAt);
    d.sentSubject = [];
    const handled = new Set<number>();
    openingSubjectRule(v, d);
    for (let k = 0; k < v.cs.length; k++) {
      const c = v.cs[k];
      if (c.type === "verb") statementRule(v, d, k);
      // (a verb of saying may anchor an event too: رحب X بـ Y is a statement and a reception)
      const anchoredVerb = c.type === "verb" && v.has(c, B.anchors);
      if (!anchoredVerb && (c.type !== "tok" || u.toks[c.s].kind !== "word" || !v.anyBits(c))) continue;
      for (const { rule } of TOKEN_RULES) if (rule(v, d, k, handled)) break;
    }
    for (const { rule } of SENTENCE_RULES) rule(v, d);
    for (const c of v.cs) if (c.type === "person") d.lastPerson = c.ents?.find(d.isPerson) ?? d.lastPerson;
  }
  return d.events;
}

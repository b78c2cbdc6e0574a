/**
 * The clause view the event rules share: where the clause around a chunk starts and ends (sentence punctuation,
 * a reporting verb or a clause word: أن، حيث، الذي …), the persons it names (a dual office with two nisbas is the
 * two countries' holders), the object after a preposition with the actors coordinated with it, and its subject.
 */
import { ensureUnnamedHolder } from "../holders.js";
import type { Chunk } from "../mentions.js";
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

/** how far after the noun (or verb) its preposition may stand: phone words, time words and commas between */
const PREP_REACH = 8;

/** punctuation that ends a clause (a comma, a bracket, a quote mark or a hyphen does not: titles, appositions
 * and quoted names hold them) */
export const isBreak = (v: SentenceView, c: Chunk) => /^[.؛;:!?؟]$/.test(v.punct(c));

/** words after which a colon opens a list, not a new clause */
const LIST_OPENERS = ["من", "مع", "بين", "كل", "ب", "الي", "التاليه", "التالي"];

/** where the clause holding chunk k starts: after sentence punctuation, a reporting verb or a clause word */
export function clauseStart(v: SentenceView, k: number): number {
  for (let j = k - 1; j >= 0; j--) {
    const c = v.cs[j];
    if (c.type === "verb" || v.has(c, B.clauseBreak)) return j + 1;
    if (isBreak(v, c)) return j + 1;
  }
  return 0;
}

/** where the clause holding chunk k ends */
export function clauseEnd(v: SentenceView, k: number): number {
  for (let j = k + 1; j < v.cs.length; j++) {
    const c = v.cs[j];
    // «ثم مع Y»: the same verb with a further party
    if (v.isWord(c, "ثم") && v.isWord(v.cs[j + 1], "مع")) continue;
    if (c.type === "verb" || v.has(c, B.clauseBreak)) return j;
    // «من كل من: A، B»: a colon after a preposition opens its list
    if (isBreak(v, c) && !(v.punct(c) === ":" && v.isWord(v.cs[j - 1], ...LIST_OPENERS))) return j;
  }
  return v.cs.length;
}

/** the persons an actor chunk stands for */
export function personsOf(v: SentenceView, d: Discourse, c: Chunk): string[] {
  if (c.type === "country" || c.type === "media") return [];
  if (c.type === "dual") {
    const holders = dualHolders(v, d, c);
    if (holders.length) return holders;
  }
  return (v.actorEnts(c) ?? []).filter(d.isPerson);
}

/** «الرئيسين الإيراني والصيني»: a dual office with two nisbas is the two countries' holders of that office */
export function dualHolders(v: SentenceView, d: Discourse, c: Chunk): string[] {
  const word = v.u.toks[c.s].norm;
  const office = v.lex.dualOffices.get(word) ?? v.lex.dualOffices.get(word.slice(c.pre.length));
  if (!office) return [];
  const at = v.cs.indexOf(c);
  const nisbas = v.cs.slice(at + 1, at + 3).filter((x) => x.type === "country" && x.form === "nisba" && x.iso);
  if (nisbas.length !== 2) return [];
  return nisbas.map((x) => {
    const title = v.lex.offices.get(office)?.ar ?? c.text;
    const id = ensureUnnamedHolder(d.reg, v.lex, office, x.iso as string, `${title} ${x.text.slice(x.pre.length)}`);
    d.reg.mention(id, v.ev.sentence, c.start + c.pre.length, x.end);
    return id;
  });
}

/** what an actor chunk stands for: its persons, or (at a meeting) its parties */
export type ActorsOf = (v: SentenceView, d: Discourse, c: Chunk) => string[];

/** the persons (or parties) named in chunks [from, to), in order, once each */
export function personsIn(v: SentenceView, d: Discourse, from: number, to: number, of: ActorsOf = personsOf): string[] {
  const out: string[] = [];
  for (let j = Math.max(0, from); j < Math.min(v.cs.length, to); j++)
    for (const p of of(v, d, v.cs[j])) if (!out.includes(p)) out.push(p);
  return out;
}

/** the object after a preposition in [from, to): the first actor there and the actors coordinated with it */
export function prepObject(
  v: SentenceView,
  d: Discourse,
  from: number,
  to: number,
  preps: string[],
  of: ActorsOf = personsOf,
): { prep: string; ents: string[] } {
  const { cs } = v;
  for (let j = from; j < Math.min(to, from + PREP_REACH); j++) {
    const c = cs[j];
    const word = v.norm(c);
    // بكل من A و B: «كل من» announces the list
    const prep = preps.find((p) => (p !== "ب" && (word === p || word === `و${p}`)) || (p === "ب" && word === "بكل"));
    // (بأخيه [فخامة] Y: the preposition on the courtesy «his brother» before the party)
    const kin = preps.includes("ب") && c.type === "tok" && word.startsWith("ب") && v.lex.sets.kin.has(word.slice(1));
    const attached =
      kin || (preps.includes("ب") && c.type !== "tok" && (c.pre.endsWith("ب") || c.pre.endsWith("ل"))) ? "ب" : null;
    if (!prep && !attached) continue;
    const ents = coordinated(v, d, prep || kin ? j + 1 : j, to, of);
    if (ents.length) return { prep: prep ?? (attached as string), ents };
    if (prep) return { prep, ents: [] };
  }
  return { prep: "", ents: [] };
}

/** the persons from chunk j on: one actor after at most four words (أخيه، فخامة), then those joined by و */
export function coordinated(v: SentenceView, d: Discourse, j: number, to: number, of: ActorsOf = personsOf): string[] {
  const { cs } = v;
  const out: string[] = [];
  let gap = 0;
  for (let k = j; k < to; k++) {
    const c = cs[k];
    const ps = of(v, d, c);
    if (ps.length) {
      const joined = v.isWord(cs[k - 1], "و") || kinBefore(v, k) || againWith(v, k);
      if (out.length && !c.pre.startsWith("و") && !joined) {
        // an apposition (X، رئيس …) is the same party; anything else ends the list
        if (ps.every((p) => out.includes(p))) continue;
        if (!v.isComma(cs[k - 1])) break;
      }
      for (const p of ps) if (!out.includes(p)) out.push(p);
      gap = 0;
      continue;
    }
    if (v.actorEnts(c)) continue; // a country or body inside a title
    if (++gap > 4) break;
  }
  return out;
}

const andWord = (v: SentenceView, c: Chunk | undefined) => v.norm(c).startsWith("و");

/** «وأخيه [فخامة] Y»: the courtesy «and his brother» before the next party */
function kinBefore(v: SentenceView, k: number): boolean {
  let j = k - 1;
  while (j > 0 && v.cs[j].type === "tok" && v.lex.honorifics.has(v.norm(v.cs[j]))) j--;
  return andWord(v, v.cs[j]) && v.has(v.cs[j], B.kin);
}

/** «ومع Y»، «ثم مع Y»: the preposition said again for the next party */
function againWith(v: SentenceView, k: number): boolean {
  const prev = v.cs[k - 1];
  return v.isWord(prev, "مع") && (andWord(v, prev) || v.isWord(v.cs[k - 2], "ثم"));
}

/** the subject: persons in the first range that has any, else the subject in force */
export function subjectOf(v: SentenceView, d: Discourse, ranges: [number, number][], not: string[]): string[] {
  for (const [from, to] of ranges) {
    const ps = personsIn(v, d, from, to).filter((p) => !not.includes(p));
    if (ps.length) return ps;
  }
  return d.subject().filter((p) => d.isPerson(p) && !not.includes(p));
}

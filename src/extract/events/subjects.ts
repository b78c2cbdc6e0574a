/**
 * Rules that set the subject in force without emitting anything: later participles (مؤكدا) and «وأضاف»
 * continue it. A sentence that opens with a verb and its subject (ونقل X، وجدد الوزير، تلقى X) sets it, and so
 * do subject-setting verbs anywhere (أصدرت X بيانا، قدم X تعازيه).
 */
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

/** أصدرت X بيانا، قدم X تعازيه: sets the subject in force; emits nothing */
export function subjectVerbRule(v: SentenceView, d: Discourse, k: number): boolean {
  const c = v.cs[k];
  if (!v.has(c, B.subjectVerbs) || v.has(c, B.make) || v.has(c, B.receive) || v.has(c, B.contact)) return false;
  const a = v.subjectAfter(k) ?? v.subjectBefore(k);
  if (a && !a.media) d.setSubject(a.ents);
  return false;
}

/** a sentence opening «[و]VERB X»: Arabic news opens a sentence with its verb, and the actor after it is its subject */
export function openingSubjectRule(v: SentenceView, d: Discourse): void {
  const { cs, lex } = v;
  let j = 0;
  while (j < cs.length && (v.S.clauseStart.has(v.norm(cs[j])) || v.S.clauseStart.has(v.bare(cs[j])))) j++;
  const first = cs[j];
  if (first?.type !== "tok" || v.u.toks[first.s].kind !== "word") return;
  const n = v.bare(first);
  if (n.startsWith("ال") || n.length < 3 || lex.stop.has(n) || lex.stop.has(v.norm(first))) return;
  const a = v.subjectAfter(j);
  if (a && !a.media && cs[a.at].type !== "country") d.setSubject(a.ents);
}

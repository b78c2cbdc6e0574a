/**
 * Rule: phone calls. A call is anchored on a word of the call lexicon — a verb of making, receiving or having
 * a call (أجرى، تلقى، اتصل، جرى، تحدث، بحث … هاتفيا) or a call noun in a prepositional phrase (في/خلال اتصال
 * هاتفي مع Y). Direction comes from the verb: تلقى's subject is the callee, أجرى/اتصل's the caller; a passive
 * (جرى، تم) or a shared verb (تحدث X و Y) gives none, and «بمبادرة من الجانب X» fixes it later.
 * Reads: the view's grammar and the discourse's subject; emits PhoneCall events, one per unordered pair.
 */
import type { Chunk } from "../mentions.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

const PHONE_WORDS = /هاتف|تلفون|تليفون/;
const PLURAL_CALLS = new Set(["اتصالين", "اتصالان", "اتصالات", "مكالمات", "مكالمتين", "مكالمتان"]);
/** relative pronoun endings of أجراه/تلقاه: the verb's object is the call noun before it */
const RELATIVE = /(اه|ته|اها)$/;

/** Records a call between two persons; a pair already called is the same call (a re-mention). */
export function addCall(v: SentenceView, d: Discourse, caller: string, callee: string, directed: boolean, at: Chunk) {
  if (!caller || !callee || caller === callee || !d.isPerson(caller) || !d.isPerson(callee)) return;
  if (caller.startsWith("person:unnamed:source:") || callee.startsWith("person:unnamed:source:")) return;
  const key = [caller, callee].sort().join("|");
  const existing = d.callByPair.get(key);
  d.lastCallPair = [caller, callee];
  if (existing) {
    addEvidence(existing, v.ev);
    if (directed && !existing.directed) {
      existing.directed = true;
      existing.participants = [
        { role: "caller", entity: caller },
        { role: "callee", entity: callee },
      ];
    }
    d.lastCall = existing;
    return;
  }
  const date = v.dateNear(at);
  const e = d.newEvent(
    "PhoneCall",
    "041",
    [
      { role: "caller", entity: caller },
      { role: "callee", entity: callee },
    ],
    v.ev,
    { directed, date: date?.date ?? null, datePrecision: date?.precision ?? null, medium: "telephone" },
  );
  d.callByPair.set(key, e);
  d.lastCall = e;
}

/** a call spoken of as planned or future (سيجري، من المقرر أن، يعتزم) */
function planned(v: SentenceView, k: number): boolean {
  const { cs } = v;
  const n = v.u.toks[cs[k].s].norm;
  if (v.has(cs[k], B.future)) return true;
  if (/^(و?س)(يجري|تجري|يتصل|تتصل|يبحث|يتحادث)/.test(n)) return true;
  for (let j = Math.max(0, k - 3); j < k; j++) if (v.has(cs[j], B.future)) return true;
  return false;
}

const isMa = (v: SentenceView, c: Chunk | undefined) => v.isWord(c, "مع");

/** في اتصال هاتفي تلقاه من Y، أكد X …: Y called the subject of the main clause */
function receivedRelative(v: SentenceView, d: Discourse, k: number, handled: Set<number>): boolean {
  const { cs } = v;
  let noun = -1;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (v.has(cs[j], B.callNouns)) noun = j;
  const min = noun >= 0 ? v.findTok(k + 1, k + 3, (x) => v.norm(x) === "من") : -1;
  if (min < 0) return false;
  handled.add(noun);
  const callers = v.actorsFrom(min + 1, 0).ents.filter(d.isPerson);
  let callee: string | undefined;
  for (let j = min + 1; j < cs.length && !callee; j++)
    if (cs[j].type === "verb") callee = v.subjectAfter(j, true)?.ents.find(d.isPerson);
  callee = callee ?? d.subject().find(d.isPerson);
  if (callers.length && callee) {
    addCall(v, d, callers[0], callee, true, cs[k]);
    d.lastCallees = [callee];
  }
  return true;
}

interface Anchor {
  k: number;
  nounAt: number;
  phoneNear: boolean;
  planned: boolean;
  subj: { ents: string[]; at: number } | null;
  subjEnts: string[] | null;
}

function anchorAt(v: SentenceView, k: number, isPlanned: boolean): Anchor {
  const { cs } = v;
  const nounAt = v.findTok(k + 1, k + 9, (x) => v.has(x, B.callNouns));
  const phoneNear =
    v.findTok(k + 1, k + 8, (x) => v.has(x, B.phone)) >= 0 || (nounAt >= 0 && PHONE_WORDS.test(v.u.norm));
  let subj = v.subjectAfter(k);
  if (subj && nounAt >= 0 && subj.at > nounAt) subj = null;
  if (!subj) subj = v.subjectBefore(k);
  let subjEnts = subj && !subj.media ? subj.ents : null;
  if (!subjEnts && RELATIVE.test(v.u.toks[cs[k].s].norm)) {
    // relative أجراه: the sentence's main subject (first person around that is not the object)
    for (let j = k + 1; j < cs.length && !subjEnts; j++)
      if (cs[j].type === "verb" || v.has(cs[j], B.discuss)) subjEnts = v.subjectAfter(j)?.ents ?? null;
    if (!subjEnts) subjEnts = v.d.subject();
  }
  return { k, nounAt, phoneNear, planned: isPlanned, subj, subjEnts };
}

/** أجرى X اتصالا هاتفيا مع/بـ Y: X called Y */
function made(v: SentenceView, d: Discourse, a: Anchor, handled: Set<number>): void {
  const { cs } = v;
  handled.add(a.nounAt);
  let ma = v.findTok(a.nounAt + 1, a.nounAt + 7, (x) => isMa(v, x));
  let from = ma + 1;
  if (ma < 0) {
    // أجرى X اتصالا هاتفيا بالرئيس Y: the callee carries the preposition ب
    ma = v.findTok(a.nounAt + 1, a.nounAt + 4, (x) => x.pre.endsWith("ب") && !!v.actorEnts(x));
    from = ma;
  }
  if (ma < 0 || v.S.notCalls.has(v.bare(cs[ma + 1]))) return;
  const callees = v.actorsFrom(from, 0).ents.filter(d.isPerson);
  const caller = (a.subjEnts ?? d.subject()).find(d.isPerson);
  if (!caller || !callees.length) return;
  if (a.planned) {
    d.lastCallPair = [caller, callees[0]];
    return;
  }
  for (const ce of callees) addCall(v, d, caller, ce, true, cs[a.k]);
  d.lastCallees = callees;
  d.setSubject([caller]);
}

/** تلقى X اتصالا هاتفيا من Y: Y called X */
function received(v: SentenceView, d: Discourse, a: Anchor, handled: Set<number>): void {
  const { cs } = v;
  handled.add(a.nounAt);
  const min = v.findTok(a.nounAt + 1, a.nounAt + 6, (x) => v.isWord(x, "من"));
  if (min < 0) return;
  const callers = v.actorsFrom(min + 1, 0).ents.filter(d.isPerson);
  const callee = a.subjEnts?.find(d.isPerson);
  if (!callee || !callers.length || a.planned) return;
  // اتصالين هاتفيين من X و Y: one call per caller
  const several = PLURAL_CALLS.has(v.bare(cs[a.nounAt]));
  for (const cr of several ? callers : callers.slice(0, 1)) addCall(v, d, cr, callee, true, cs[a.k]);
  d.lastCallees = [callee];
  d.setSubject([callee]);
}

/** اتصل X بـ Y: X called Y */
function contacted(v: SentenceView, d: Discourse, a: Anchor): void {
  const start = a.subj && a.subj.at > a.k ? a.subj.at + 1 : a.k + 1;
  const callees = v.actorsFrom(start, 1).ents.filter(d.isPerson);
  const caller = a.subjEnts?.find(d.isPerson);
  if (!caller || !callees.length) return;
  for (const ce of callees) addCall(v, d, caller, ce, true, v.cs[a.k]);
  d.lastCallees = callees;
  d.setSubject([caller]);
}

/** جرى اتصال هاتفي بين X و Y: no direction */
function happened(v: SentenceView, d: Discourse, a: Anchor, handled: Set<number>): void {
  handled.add(a.nounAt);
  const bayn = v.findTok(a.nounAt + 1, a.nounAt + 6, (x) => v.norm(x) === "بين");
  if (bayn < 0 || a.planned) return;
  const ps = v.actorsFrom(bayn + 1, 0).ents.filter(d.isPerson);
  if (ps.length >= 2) addCall(v, d, ps[0], ps[1], false, v.cs[a.k]);
}

/** بحث/تحادث X مع Y هاتفيا: no direction */
function talked(v: SentenceView, d: Discourse, a: Anchor): void {
  if (a.planned) return;
  const ma = v.findTok(a.k + 1, a.k + 9, (x) => isMa(v, x));
  const others = ma >= 0 ? v.actorsFrom(ma + 1, 0).ents : [];
  let mine = a.subjEnts ?? [];
  if (a.subj && a.subj.at > a.k) {
    const more = v.actorsFrom(a.subj.at, 0).ents;
    if (more.length > mine.length) mine = more;
  }
  const uniq = [...new Set([...mine, ...others].filter(d.isPerson))];
  if (uniq.length < 2) return;
  for (let j = 1; j < uniq.length; j++) addCall(v, d, uniq[0], uniq[j], false, v.cs[a.k]);
  d.lastCallees = uniq.slice(1);
}

/** At a verb of the call lexicon; true when the token is consumed. */
export function callVerbRule(v: SentenceView, d: Discourse, k: number, handled: Set<number>): boolean {
  const c = v.cs[k];
  const isMake = v.has(c, B.make);
  const isReceive = v.has(c, B.receive);
  const isContact = v.has(c, B.contact);
  const isDiscuss = v.has(c, B.discuss);
  const isHappen = v.has(c, B.happen);
  const isTalk = v.has(c, B.talk);
  if (!(isMake || isReceive || isContact || isDiscuss || isHappen || isTalk)) return false;
  const isPlanned = planned(v, k);
  if (isReceive && RELATIVE.test(v.u.toks[c.s].norm) && !isPlanned && receivedRelative(v, d, k, handled)) return true;
  const a = anchorAt(v, k, isPlanned);
  if (isMake && a.nounAt >= 0) made(v, d, a, handled);
  else if (isReceive && a.nounAt >= 0) received(v, d, a, handled);
  else if (isContact && !isPlanned) contacted(v, d, a);
  else if (isHappen && a.nounAt >= 0 && a.nounAt <= k + 2) happened(v, d, a, handled);
  else if ((isDiscuss && a.phoneNear) || (isTalk && (!v.has(c, B.talkOnlyPhone) || a.phoneNear))) talked(v, d, a);
  else return false;
  return true;
}

/** «في/خلال/عبر اتصال (هاتفي) مع Y»: the clause's subject and Y; a condolence in the call gives the direction */
export function callPhraseRule(v: SentenceView, d: Discourse, k: number, handled: Set<number>): boolean {
  const { cs } = v;
  const c = cs[k];
  if (!v.has(c, B.callNouns) || handled.has(k)) return false;
  if (!v.isWord(cs[k - 1], "في", "خلال", "عبر")) return false;
  let j = k + 1;
  while (j < cs.length && v.has(cs[j], B.phone)) j++;
  const anchor = d.sentSubject.length ? d.sentSubject : (v.subjectBefore(k - 1)?.ents ?? d.lastSubject);
  const me = anchor.find(d.isPerson) ?? v.personsIn(0, k).find(d.isPerson);
  if (!me) return false;
  if (isMa(v, cs[j] ?? c)) {
    if (v.S.notCalls.has(v.bare(cs[j + 1])) || v.has(cs[j + 1], B.notCalls)) return true;
    const others = v.actorsFrom(j + 1, 0).ents.filter(d.isPerson);
    if (others.length) {
      for (const o of others) addCall(v, d, me, o, false, c);
      d.lastCallees = others;
    }
    return false;
  }
  // condolence / congratulation delivered in the call: X → Y
  const cond = cs.findIndex((x, idx) => idx > k && v.has(x, B.condolence));
  if (cond > 0) {
    const ila = v.findTok(cond + 1, cond + 4, (x) => v.norm(x) === "الي");
    const to = ila >= 0 ? v.actorsFrom(ila + 1, 0).ents.filter(d.isPerson) : [];
    if (to.length) addCall(v, d, me, to[0], true, c);
  }
  return false;
}

/** «بمبادرة من الجانب X»: the party of X's country called */
export function initiativeRule(v: SentenceView, d: Discourse, k: number): boolean {
  const call = d.lastCall;
  if (!v.has(v.cs[k], B.initiative) || !call) return false;
  for (let j = k + 1; j < Math.min(v.cs.length, k + 5); j++) {
    if (v.cs[j].type !== "country") continue;
    const cc = v.cs[j].ents?.[0];
    const who = call.participants.find((p) => d.reg.entities.get(p.entity)?.country === cc);
    if (who) {
      const other = call.participants.find((p) => p.entity !== who.entity);
      call.participants = [
        { role: "caller", entity: who.entity },
        { role: "callee", entity: other?.entity as string },
      ];
      call.directed = true;
      addEvidence(call, v.ev);
    }
    break;
  }
  return false;
}

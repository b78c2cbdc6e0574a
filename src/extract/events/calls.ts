/**
 * Rule: phone calls, read as frames. An anchor says a call is spoken of — a call noun with a phone word or
 * one that is a phone call by itself (اتصال هاتفي، مكالمة), a phone adverb after any verb (هنأ X Y هاتفيا،
 * تحدث X هاتفيا إلى Y), or the verb اتصل with its object. The frame around it gives the parties:
 * - the verb that governs the noun: its subject stands between it and the noun (تلقى، اليوم، الوزير X، اتصالا)
 *   or before it in the clause (X و Y أجريا اتصالا); the other party follows a preposition (مع، بـ، من، بين،
 *   إلى، على); تلقى's subject is the callee and من's object the caller, أجرى's subject the caller;
 * - a relative verb after the noun (اتصال أجراه X بـ Y، تلقاه من Y، التي جمعت X بـ Y);
 * - a prepositional phrase (في/خلال اتصال هاتفي مع Y): the clause's subject and Y;
 * - passives (جرى، تم) and shared verbs (تحادث X و Y، بحث X مع Y) give no direction; «بمبادرة من الجانب X»
 *   fixes it later. Planned, refused, denied and video calls make no frame.
 * Reads: the view's grammar and the discourse's subject. Emits: PhoneCall events, one per unordered pair.
 */
import type { Chunk } from "../mentions.js";
import { applyInitiative } from "./callDirection.js";
import { addCall, isCalled } from "./callRecords.js";
import { clauseEnd, clauseStart, coordinated, isBreak, personsIn, personsOf, prepObject, subjectOf } from "./clause.js";
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

type VerbKind = "make" | "receive" | "happen" | "talk" | "contact" | "join";

interface Frame {
  /** the persons of the governing clause's subject */
  subjects: string[];
  /** the persons after the preposition, and which preposition */
  objects: string[];
  prep: string;
  verb: VerbKind | null;
  /** one call per caller (اتصالات، اتصال مشترك من X و Y) */
  several: boolean;
  /** a verb with no phone word (تحادث X مع Y): it only re-mentions calls already told */
  remention?: boolean;
}

/** the prepositions that introduce the other party, by the verb that governs the call ("ب" stands for an
 * attached بـ/لـ); a call in a prepositional phrase (في اتصال مع Y) takes مع and بين only */
const PREPS: Record<VerbKind | "none", string[]> = {
  make: ["مع", "ب", "بين"],
  receive: ["من", "بين"],
  contact: ["ب"],
  happen: ["بين", "مع"],
  join: ["ب", "بين", "مع"],
  talk: ["مع", "الي", "ب", "علي", "بين"],
  none: ["مع", "بين"],
};

/** relative pronoun endings of أجراه/تلقاه: the verb's object is the call noun before it */
const RELATIVE = /(اه|ته|اها|اهما)$/;

function verbKind(v: SentenceView, c: Chunk | undefined): VerbKind | null {
  if (!c) return null;
  if (v.has(c, B.make)) return "make";
  if (v.has(c, B.receive)) return "receive";
  if (v.has(c, B.contact)) return "contact";
  if (v.has(c, B.happen)) return "happen";
  if (v.has(c, B.join)) return "join";
  if (v.has(c, B.talk) || v.has(c, B.discuss)) return "talk";
  return null;
}

/** a call noun that is a phone call: with a phone word after it, or one that names a call by itself */
function isPhoneNoun(v: SentenceView, k: number): boolean {
  const { cs } = v;
  for (let j = k + 1; j <= k + 2 && j < cs.length; j++) if (v.has(cs[j], B.phone)) return true;
  return v.has(cs[k], B.phoneNouns);
}

/**
 * a call noun without a phone word that still is a call: one made or received by a person from a person (تلقى X
 * اتصالا من Y), one in a prepositional phrase with its party (في اتصال مع Y), or one between two parties once the
 * story has spoken of a phone call. Talks (محادثات، حديث) need their phone word.
 */
function isBareCall(v: SentenceView, d: Discourse, k: number): boolean {
  const { cs } = v;
  const next = cs[k + 1];
  const kind = verbKind(v, cs[governingVerb(v, k, clauseStart(v, k))]);
  // talks (محادثات) are calls only made with a party in a story that has told a phone call already
  if (v.has(cs[k], B.talkNouns))
    return d.lastCall !== null && kind === "make" && v.findTok(k + 1, k + 3, (x) => v.isWord(x, "مع")) >= 0;
  // تلقى اتصالا (مماثلا) من Y، تلقى اتصالات من A و B
  if (kind === "make" || kind === "receive") {
    // أجرى X اتصالا، بنظيره Y: the person after commas, the preposition attached
    let j = k + 1;
    while (v.isComma(cs[j])) j++;
    const party = cs[j];
    return (
      v.findTok(k + 1, k + 3, (x) => v.isWord(x, "من", "مع")) >= 0 ||
      (!!party && (party.type === "person" || party.type === "counterpart") && party.pre.endsWith("ب"))
    );
  }
  // «اتصالات» alone is also telecommunications: only a verb of making or receiving makes it calls
  if (v.has(cs[k], B.pluralCalls)) return false;
  if (v.isWord(next, "بين")) return d.lastCallPair.length > 0;
  return v.isWord(cs[k - 1], ...PP_WORDS) && v.isWord(next, "مع");
}

const PP_WORDS = ["في", "خلال", "عبر", "اثناء", "اثر"];

const BLOCKER_REACH = 10;

/** a call spoken of as planned, refused, denied or attempted, or held by video */
function blocked(v: SentenceView, at: number[]): { planned: boolean; blocked: boolean } {
  const { cs } = v;
  const r = { planned: false, blocked: false };
  for (const k of at) {
    if (k < 0) continue;
    const c = cs[k];
    if (v.has(c, B.future) || (/^(و?س)(ي|ت)/.test(v.u.toks[c.s].norm) && verbKind(v, c))) r.planned = true;
    // a present tense with a time ahead (يجري X اتصالا مع Y غدا); the past (أجرى … للقمة المقبلة) is told
    if (/^و?(ي|تت)/.test(v.u.toks[c.s].norm) && verbKind(v, c))
      for (let j = clauseStart(v, k); j < clauseEnd(v, k); j++) if (v.has(cs[j], B.futureTime)) r.planned = true;
    for (let j = Math.max(0, k - 4); j < k; j++) if (v.has(cs[j], B.future)) r.planned = true;
    // نفى أن يكون X قد تلقى اتصالا، رفض الرد على مكالمة: back to the sentence's punctuation or a «لكن»
    for (let j = k - 1; j >= Math.max(0, k - BLOCKER_REACH) && !isBreak(v, cs[j]); j--) {
      if (v.isWord(cs[j], "لكن", "بينما")) break;
      if (v.has(cs[j], B.callBlockers)) r.blocked = true;
    }
    for (let j = k + 1; j <= k + 3 && j < cs.length; j++) if (v.has(cs[j], B.videoWords)) r.blocked = true;
  }
  return r;
}

/** the verb that governs the noun at k, searching back over its subject within the clause */
function governingVerb(v: SentenceView, k: number, start: number): number {
  for (let j = k - 1; j >= start; j--) {
    if (v.has(v.cs[j], B.callNouns)) return -1;
    if (verbKind(v, v.cs[j])) return j;
  }
  return -1;
}

/** the first person after the call noun with no preposition of its own, other than the objects (جمع اتصال X بـ Y) */
function joinedAfter(v: SentenceView, d: Discourse, k: number, end: number, objects: string[]): string[] {
  for (let j = k + 1; j < end; j++) {
    const c = v.cs[j];
    if (c.type !== "person" && c.type !== "counterpart") continue;
    if (/^[بل]/.test(c.pre)) return [];
    const ps = personsOf(v, d, c).filter((p) => !objects.includes(p));
    if (ps.length) return ps;
  }
  return [];
}

/** a relative verb right after the noun and its phone word (اتصال هاتفي أجراه، المكالمة التي جمعت) */
function relativeVerb(v: SentenceView, k: number): number {
  const { cs } = v;
  let j = k + 1;
  while (j < cs.length && (v.has(cs[j], B.phone) || v.isWord(cs[j], "التي", "الذي"))) j++;
  const kind = verbKind(v, cs[j]);
  if (!kind) return -1;
  // (أجراه، تلقاه، or a verb of joining with its object pronoun: جمعه، جمعهما)
  const norm = v.u.toks[cs[j].s].norm;
  const pronoun = kind === "join" && /(ه|ها|هما)$/.test(norm);
  const relative = RELATIVE.test(norm) || pronoun || v.isWord(cs[j - 1], "التي", "الذي");
  return relative ? j : -1;
}

interface Found {
  frame: Frame;
  /** the chunks whose surroundings may say the call is planned or blocked */
  at: number[];
}

function frameAtNoun(v: SentenceView, d: Discourse, k: number): Found {
  const { cs } = v;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  const several = v.has(cs[k], B.pluralCalls) || v.isWord(cs[k + 2], "مشترك");
  const rel = relativeVerb(v, k);
  if (rel >= 0) {
    // اتصال أجراه X بـ Y; with no X, the subject is the sentence's (بحث X و Y … خلال اتصال أجراه بـ Y)
    const verb = verbKind(v, cs[rel]);
    const relEnd = clauseEnd(v, rel);
    const obj = prepObject(v, d, rel + 1, relEnd, PREPS[verb ?? "none"]);
    // في اتصال تلقاه من Y، أكد X: the subject may also follow, in the clause the phrase opens
    const after: [number, number] = [relEnd, clauseEnd(v, relEnd)];
    const subjects = subjectOf(v, d, [[rel + 1, relEnd], [start, k], after, [0, k]], obj.ents);
    return { frame: { subjects, objects: obj.ents, prep: obj.prep, verb, several }, at: [k, rel] };
  }
  // في/خلال اتصال: the noun is an adjunct; a verb before it (هنأ X في اتصال مع Y) is no verb of calling
  const adjunct = v.isWord(cs[k - 1], ...PP_WORDS) || v.isWord(cs[k - 2], ...PP_WORDS);
  const gv = adjunct ? -1 : governingVerb(v, k, start);
  if (gv >= 0) {
    const verb = verbKind(v, cs[gv]);
    const obj = prepObject(v, d, k + 1, end, PREPS[verb ?? "none"]);
    // اتصالات مع قادة ثلاث دول، ويتعلق الأمر بـ A و B و C: several calls with a group, its members listed after
    if (several && obj.prep && !obj.ents.length) {
      const callers = personsIn(v, d, gv + 1, k);
      obj.ents = personsIn(v, d, k + 1, end).filter((p) => !callers.includes(p));
    }
    let subjects = subjectOf(
      v,
      d,
      [
        [gv + 1, k],
        [start, gv],
      ],
      obj.ents,
    );
    // جمع اتصال هاتفي X بـ Y: the call joined the verb's object after the noun to the one after بـ
    if (verb === "join" && !subjects.length) subjects = joinedAfter(v, d, k, end, obj.ents);
    return { frame: { subjects, objects: obj.ents, prep: obj.prep, verb, several }, at: [gv, k] };
  }
  // في/خلال اتصال هاتفي مع Y، or a call between two parties named with the noun; after the phrase, the object of
  // a verb of talking before it (اطمأن X عبر اتصال هاتفي على Y)
  let obj = prepObject(v, d, k + 1, end, PREPS.none);
  const mainVerb = adjunct && !obj.prep ? governingVerb(v, k, start) : -1;
  if (mainVerb >= 0 && verbKind(v, cs[mainVerb]) === "talk") obj = prepObject(v, d, k + 1, end, ["علي"]);
  // وفي اتصال بين الرئيسين، أكد X و Y: a bare dual, the pair is the subject of the clause the phrase opens
  if (obj.prep === "بين" && obj.ents.length < 2 && cs[end]?.type === "verb")
    obj.ents = coordinated(v, d, end + 1, clauseEnd(v, end));
  // وفي اتصال هاتفي مع Y، أكد X: the phrase opens the sentence, the subject follows its verb
  const subjects = obj.prep === "بين" ? [] : subjectOf(v, d, [[start, k], subjectAfterVerb(v, end)], obj.ents);
  if (!obj.ents.length && subjects.length) {
    // قدم X في اتصال هاتفي تعازيه إلى Y: X called to offer them
    const to = condolenceAddressee(v, d, k + 1, end);
    if (to.length) return { frame: { subjects, objects: to, prep: "ب", verb: "make", several }, at: [k] };
  }
  return { frame: { subjects, objects: obj.ents, prep: obj.prep, verb: null, several }, at: [k] };
}

/** the persons a condolence in [from, to) is offered to (تعازيه إلى Y) */
function condolenceAddressee(v: SentenceView, d: Discourse, from: number, to: number): string[] {
  for (let j = from; j < to; j++) {
    if (!v.has(v.cs[j], B.condolence)) continue;
    const ila = v.findTok(j + 1, j + 4, (x) => v.has(x, B.prepositionTo));
    return ila >= 0 ? coordinated(v, d, ila + 1, to).slice(0, 1) : [];
  }
  return [];
}

/** a phone adverb (هاتفيا، عبر الهاتف) after a verb: the persons of its clause and its prepositional object */
function frameAtAdverb(v: SentenceView, d: Discourse, k: number, remention = false): Found {
  const { cs } = v;
  const start = clauseStart(v, k);
  let gv = remention ? k : -1;
  for (let j = k - 1; j >= start && gv < 0; j--) if (verbKind(v, cs[j])) gv = j;
  const verb = gv >= 0 ? verbKind(v, cs[gv]) : "talk";
  const end = clauseEnd(v, k);
  const obj = prepObject(v, d, k + 1, end, PREPS[verb === "make" || verb === "receive" ? verb : "talk"]);
  // تحادث X مع Y with no phone word: the subject may follow the verb
  // (the subject may also follow the adverb: بحث هاتفيا X مع Y)
  const ranges: [number, number][] = remention
    ? [
        [k + 1, end],
        [start, k],
      ]
    : [
        [start, k],
        [k + 1, end],
      ];
  const subjects = subjectOf(v, d, ranges, obj.ents);
  // هنأ X هاتفيا Y: with no preposition, the verb's object follows the adverb
  if (!obj.ents.length && verb === "talk")
    obj.ents = personsIn(v, d, k + 1, end)
      .filter((p) => !subjects.includes(p))
      .slice(0, 1);
  return { frame: { subjects, objects: obj.ents, prep: obj.prep, verb, several: false, remention }, at: [k, gv] };
}

/** اتصل X بـ Y */
function frameAtContact(v: SentenceView, d: Discourse, k: number): Found | null {
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  const obj = prepObject(v, d, k + 1, end, PREPS.contact);
  if (obj.prep !== "ب") return null;
  const subjects = subjectOf(
    v,
    d,
    [
      [k + 1, end],
      [start, k],
    ],
    obj.ents,
  );
  return { frame: { subjects, objects: obj.ents, prep: obj.prep, verb: "contact", several: false }, at: [k] };
}

/** the span of the subject of a reporting verb at chunk k (its first actor), empty when k is no such verb */
function subjectAfterVerb(v: SentenceView, k: number): [number, number] {
  const a = v.cs[k]?.type === "verb" ? v.subjectAfter(k, true) : null;
  return a && !a.media ? [a.at, a.at + 1] : [k, k];
}

/** هاتف X Y: a verb that is a call by itself, opening its clause; its subject called its object */
function frameAtPhoneVerb(v: SentenceView, d: Discourse, k: number): Found | null {
  if (clauseStart(v, k) !== k && !v.isPunct(v.cs[k - 1])) return null;
  const [caller, callee] = personsIn(v, d, k + 1, clauseEnd(v, k));
  if (!caller || !callee) return null;
  return { frame: { subjects: [caller], objects: [callee], prep: "ب", verb: "contact", several: false }, at: [k] };
}

/** the calls a frame states */
function emit(v: SentenceView, d: Discourse, f: Frame, at: Chunk): void {
  const { subjects, objects } = f;
  if (f.verb === "receive" && f.prep === "من" && subjects.length && objects.length) {
    for (const caller of f.several ? objects : objects.slice(0, 1)) addCall(v, d, caller, subjects[0], true, at);
    d.lastCallees = [subjects[0]];
    d.setSubject([subjects[0]]);
    return;
  }
  if ((f.verb === "make" || f.verb === "contact") && f.prep !== "بين" && subjects.length && objects.length) {
    for (const callee of objects) addCall(v, d, subjects[0], callee, true, at);
    d.lastCallees = objects;
    d.setSubject([subjects[0]]);
    return;
  }
  // no direction: a pair between, a joint subject, or a subject and the one it spoke with (with no subject,
  // the persons after مع are not each other's parties)
  if (f.prep !== "بين" && !subjects.length) return;
  const uniq = [...new Set(f.prep === "بين" ? objects : [...subjects, ...objects])];
  if (uniq.length < 2) return;
  for (let j = 1; j < uniq.length; j++) addCall(v, d, uniq[0], uniq[j], false, at);
  d.lastCallees = uniq.slice(1);
  if (subjects.length && !v.inQuote(v.cs.indexOf(at))) d.setSubject([subjects[0]]);
}

function findFrame(v: SentenceView, d: Discourse, k: number): Found | null {
  const c = v.cs[k];
  if (v.has(c, B.callNouns)) return isPhoneNoun(v, k) || isBareCall(v, d, k) ? frameAtNoun(v, d, k) : null;
  if (v.has(c, B.phoneAdverbs) || (v.isWord(c, "الهاتف") && v.isWord(v.cs[k - 1], "عبر")))
    return v.has(v.cs[k - 1], B.callNouns) || v.has(v.cs[k - 2], B.callNouns) ? null : frameAtAdverb(v, d, k);
  if (v.has(c, B.contact)) return frameAtContact(v, d, k);
  if (v.has(c, B.phoneVerbs)) return frameAtPhoneVerb(v, d, k);
  if (d.callByPair.size && (v.has(c, B.talk) || v.has(c, B.discuss))) return frameAtAdverb(v, d, k, true);
  return null;
}

/** At a call noun, a phone adverb or the verb اتصل; never consumes the token. */
export function callRule(v: SentenceView, d: Discourse, k: number): boolean {
  const found = findFrame(v, d, k);
  if (!found) return false;
  const { frame } = found;
  if (frame.objects.some((o) => !d.isPerson(o))) return false;
  const state = blocked(v, found.at);
  if (state.blocked) return false;
  if (state.planned) {
    // a planned call names the pair a later «أول اتصال بين الرئيسين» speaks of
    const pair = [...new Set([...frame.subjects, ...frame.objects])];
    if (pair.length >= 2) d.lastCallPair = pair.slice(0, 2);
    return false;
  }
  if (frame.remention && (!frame.objects.length || ![...frame.subjects, ...frame.objects].every((p) => isCalled(d, p))))
    return false;
  emit(v, d, frame, v.cs[k]);
  if (d.initiative) applyInitiative(v, d, d.initiative);
  return false;
}

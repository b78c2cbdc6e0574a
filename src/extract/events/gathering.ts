/**
 * What the meeting, visit and message rules share: their word sets, the parties of a gathering (persons, and the
 * states and bodies that delegations and ministries stand for), whether it is told as planned, and recording an
 * event once per set of parties. Word sets: `gatherings:` in seeds/lexicon/events.yaml.
 */
import { kindSpec } from "../kinds.js";
import type { Chunk } from "../mentions.js";
import { withoutWaw } from "../tokens.js";
import type { DocEvent, Participant } from "../types.js";
import { clauseEnd, isBreak, personsOf } from "./clause.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

export type GatheringSet =
  | "meetVerbs"
  | "hostVerbs"
  | "welcomeVerbs"
  | "receptionNouns"
  | "delegations"
  | "committees"
  | "meetingNouns"
  | "holdVerbs"
  | "notMeetings"
  | "gatheringFuture"
  | "visitVerbs"
  | "visitNouns"
  | "arriveVerbs"
  | "arriveAlone"
  | "envoys"
  | "placeHeads"
  | "cityHeads"
  | "denials"
  | "attendance"
  | "messageNouns"
  | "messageKinds"
  | "deliverVerbs"
  | "receiveMessage"
  | "sendVerbs";

/** whether a word chunk is in one of the gatherings word sets (with a leading و/ف stripped: وحل، فالتقى) */
export function inSet(v: SentenceView, c: Chunk | undefined, set: GatheringSet): boolean {
  if (!c || (c.type !== "tok" && c.type !== "verb")) return false;
  const form = v.u.toks[c.s].norm;
  const words = v.S[set];
  return words.has(form) || (/^[وف]/.test(form) && form.length > 2 && words.has(form.slice(1)));
}

/** the country a person belongs to: their own, else that of an office they hold */
export function countryOf(d: Discourse, id: string): string | null {
  const e = d.reg.entities.get(id);
  return e?.country ?? e?.positions.find((p) => p.country)?.country ?? null;
}

/** the persons among ids, once each */
export const persons = (d: Discourse, ids: string[]) => [...new Set(ids.filter(d.isPerson))];

/** how far after the anchor a time word may say it is to come (يلتقي X Y الأسبوع المقبل), not further: a past
 * meeting may prepare an upcoming one (التقى X Y لبحث التحضيرات للقمة المقبلة) */
const FUTURE_AFTER_REACH = 5;

/** the verbs of a gathering that the future prefix س may stand before (سيجري، ستعقد، سيصل) */
const FUTURE_STEMS: GatheringSet[] = [
  "meetVerbs",
  "hostVerbs",
  "holdVerbs",
  "visitVerbs",
  "arriveVerbs",
  "deliverVerbs",
];

/** a verb of a gathering in the future tense: سـ before a present form of one of its sets */
function futureVerb(v: SentenceView, c: Chunk): boolean {
  const form = withoutWaw(v.u.toks[c.s].norm);
  if (!/^س[يتن]/.test(form) || (c.type !== "tok" && c.type !== "verb")) return false;
  return FUTURE_STEMS.some((set) => v.S[set].has(form.slice(1)));
}

/** the verbs that open a further gathering in the sentence (التقت X Y، وستجري مباحثات مع Z), and the word after
 * which those named only attended it (بحضور Z) */
const NEXT_GATHERING: GatheringSet[] = [...FUTURE_STEMS, "sendVerbs", "receiveMessage", "attendance"];

/** where the clause of a gathering at chunk k ends: at its clause's end or at the verb of a further gathering */
export function gatheringEnd(v: SentenceView, k: number): number {
  const end = clauseEnd(v, k);
  for (let j = k + 1; j < end; j++)
    if (NEXT_GATHERING.some((set) => inSet(v, v.cs[j], set)) || futureVerb(v, v.cs[j])) return j;
  return end;
}

/** how far back a denial may govern a gathering (نفى المتحدث باسم X أن يكون Y قد التقى Z) */
const DENIAL_REACH = 10;

/** a word of the future, a negation or a denial before chunk k in its sentence (من المقرر أن يسلم X رسالة، لم
 * يلتق، وسيجري X محادثات، نفى أن يكون X قد التقى Y) */
export function plannedBefore(v: SentenceView, k: number): boolean {
  const { cs } = v;
  if (v.has(cs[k - 1], B.negation)) return true;
  for (let j = k; j >= 0 && !isBreak(v, cs[j]); j--) {
    if ((j < k && inSet(v, cs[j], "gatheringFuture")) || futureVerb(v, cs[j])) return true;
    if (k - j <= DENIAL_REACH && inSet(v, cs[j], "denials")) return true;
  }
  return false;
}

/**
 * a meeting or visit spoken of as planned, expected, invited to or negated: a word of the future before it in
 * its sentence (من المقرر أن يلتقي X … على هامش اجتماع: the whole sentence is planned) or right after it
 * (يلتقي X Y غدا), one invited to (دعاه إلى زيارة) or one a visit is to hold (في زيارة يلتقي خلالها Y)
 */
export function notHappened(v: SentenceView, k: number): boolean {
  // دعا X Y إلى زيارة/لقاء: invited or called to it (not to one told before: أشار إلى لقائه مع Y، إلى اللقاء)
  // (as written: ة folds to ه)
  const own = v.u.toks[v.cs[k].s];
  const indefinite = !withoutWaw(own.norm).startsWith("ال") && !/(ه|ها|هما)$/.test(own.text);
  if (plannedBefore(v, k) || (indefinite && v.isWord(v.cs[k - 1], "الي"))) return true;
  // في زيارة يلتقي/يجري خلالها …: a present tense relative to a visit tells what the visit is to hold
  if (/^[يت]/.test(withoutWaw(v.u.toks[v.cs[k].s].norm)) && v.isWord(v.cs[k + 1], "خلالها", "خلاله")) return true;
  const end = Math.min(clauseEnd(v, k), k + 1 + FUTURE_AFTER_REACH);
  for (let j = k; j < end; j++) if (inSet(v, v.cs[j], "gatheringFuture")) return true;
  return false;
}

/** the states or bodies a delegation noun at chunk j stands for: a nisba (وفد مغربي، وفدا كويتيا), a genitive
 * (وفد الحكومة اليمنية، وفدي الجزائر وليبيا) or a body after من (وفدا من البرلمان الليبي) */
function delegationOf(v: SentenceView, j: number): string[] {
  const { cs } = v;
  let q = j + 1;
  if (v.isWord(cs[q], "من")) q++;
  const out: string[] = [];
  for (; q < cs.length; q++) {
    const c = cs[q];
    const ents = c.type === "country" || c.type === "org" ? c.ents : undefined;
    if (!ents?.length || (out.length && !c.pre.startsWith("و"))) break;
    for (const e of ents) if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** the states a joint committee at chunk j stands for: two or more nisbas right after it (اللجنة الكويتية العراقية،
 * اللجنة المصرية والأردنية); one state's committee (اللجنة الأولمبية المصرية) is no party */
function committeeOf(v: SentenceView, j: number): string[] {
  const states: string[] = [];
  for (let q = j + 1; v.cs[q]?.type === "country" && v.cs[q].form === "nisba"; q++)
    for (const e of v.cs[q].ents ?? []) if (!states.includes(e)) states.push(e);
  return states.length >= 2 ? states : [];
}

/** a body is a party where a party stands: opening the clause, after the verb or noun of the gathering, after
 * مع or بين, or joined by و to a party; not in a title or a place (في مقر الأمم المتحدة، وفد من البرلمان) */
function bodyStands(v: SentenceView, j: number): boolean {
  const c = v.cs[j];
  const prev = v.cs[j - 1];
  if (c.type !== "org" || !["", "و", "ب", "وب"].includes(c.pre)) return false;
  if (!prev || v.isPunct(prev) || prev.type === "verb" || v.has(prev, B.anchors)) return true;
  return v.isWord(prev, "مع", "بين") || inSet(v, prev, "holdVerbs") || inSet(v, prev, "meetVerbs");
}

/** the parties a chunk stands for at a gathering: its persons, the senders of a delegation, or a body */
export function partiesOf(v: SentenceView, d: Discourse, c: Chunk): string[] {
  const j = v.cs.indexOf(c);
  // مطار حيدر علييف، قاعة X: a name after the head of a place names the place
  if (inSet(v, v.cs[j - 1], "placeHeads")) return [];
  const ps = personsOf(v, d, c);
  if (ps.length) return ps;
  if (inSet(v, c, "delegations")) return delegationOf(v, j);
  if (inSet(v, c, "committees")) return committeeOf(v, j);
  return bodyStands(v, j) ? (c.ents ?? []) : [];
}

/**
 * Records an event of a kind once per key; a key told again adds its evidence and the parties it lacked (a
 * party it has keeps its role: the host of «استقبل» stays the host when «التقى» tells it again).
 */
export function record(
  v: SentenceView,
  d: Discourse,
  kind: DocEvent["kind"],
  key: string,
  parts: Participant[],
  at: Chunk,
): void {
  const existing = d.gatheringByKey.get(`${kind}|${key}`);
  if (existing) {
    addEvidence(existing, v.ev);
    for (const p of parts) if (!existing.participants.some((x) => x.entity === p.entity)) existing.participants.push(p);
    return;
  }
  const date = v.dateNear(at);
  const e = d.newEvent(kind, kindSpec(kind)?.cameo ?? null, parts, v.ev, {
    date: date?.date ?? null,
    datePrecision: date?.precision ?? null,
    verb: v.u.toks[at.s].text,
  });
  d.gatheringByKey.set(`${kind}|${key}`, e);
}

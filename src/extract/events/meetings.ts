/**
 * Rule: meetings, visits and messages — what happens in person, as opposed to a phone call.
 * - Meeting: a verb of meeting (التقى X Y، التقى X بـ/مع Y، X و Y اجتمعا), a verb of receiving (استقبل X Y: X the
 *   host, Y the guest; خلال استقباله Y: the subject in force hosts), or a meeting noun with its parties (عقد X لقاء
 *   مع Y، لقاء جمع X بـ Y، خلال لقائه مع Y، اجتماع بين X و Y). At least two persons; one event per set of persons.
 * - Visit: a verb of visiting with its place (زار X بلدا) or a visit noun with its destination (في زيارة إلى Y،
 *   وصل X إلى Y في زيارة). The visitor is the clause's person or the subject in force.
 * - Message: a letter or oral message (رسالة خطية/شفهية) with its sender (من X), its recipient (إلى Y, or the
 *   subject of تسلم/تلقى) and its carrier (the subject of نقل/سلم/حمل, or the one a relative verb names: نقلها Z).
 * Planned, expected or negated meetings and visits (من المقرر أن يلتقي، سيزور، لم يلتق) and meetings held by
 * phone, video or on television are no events. Word sets: `gatherings:` in seeds/lexicon/events.yaml.
 * Reads: the clause grammar and the subject in force. Emits: Meeting, Visit and Message events; never consumes.
 */
import { kindSpec } from "../kinds.js";
import type { Chunk } from "../mentions.js";
import type { DocEvent, Participant } from "../types.js";
import { isCalled } from "./callRecords.js";
import { clauseEnd, clauseStart, isBreak, personsIn, prepObject } from "./clause.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

type GatheringSet =
  | "meetVerbs"
  | "hostVerbs"
  | "meetingNouns"
  | "holdVerbs"
  | "notMeetings"
  | "gatheringFuture"
  | "visitVerbs"
  | "visitNouns"
  | "arriveVerbs"
  | "messageNouns"
  | "messageKinds"
  | "deliverVerbs"
  | "receiveMessage"
  | "sendVerbs";

/** whether a word chunk is in one of the gatherings word sets (with a leading و/ف stripped) */
function inSet(v: SentenceView, c: Chunk | undefined, set: GatheringSet): boolean {
  if (!c || (c.type !== "tok" && c.type !== "verb")) return false;
  const form = v.u.toks[c.s].norm;
  const words = v.S[set];
  return words.has(form) || (/^[وف]/.test(form) && form.length > 3 && words.has(form.slice(1)));
}

/** how far after the anchor a time word may say it is to come (يلتقي X Y الأسبوع المقبل), not further: a past
 * meeting may prepare an upcoming one (التقى X Y لبحث التحضيرات للقمة المقبلة) */
const FUTURE_AFTER_REACH = 5;

/**
 * a meeting or visit spoken of as planned, expected, invited to or negated: a word of the future before it in
 * its sentence (من المقرر أن يلتقي X … على هامش اجتماع: the whole sentence is planned) or right after it
 */
function notHappened(v: SentenceView, k: number): boolean {
  const { cs } = v;
  if (v.has(cs[k - 1], B.negation)) return true;
  for (let j = k - 1; j >= 0 && !isBreak(v, cs[j]); j--) if (inSet(v, cs[j], "gatheringFuture")) return true;
  const end = Math.min(clauseEnd(v, k), k + 1 + FUTURE_AFTER_REACH);
  for (let j = k; j < end; j++) if (inSet(v, cs[j], "gatheringFuture")) return true;
  return false;
}

/**
 * held by phone or video, or an interview: a word of it right after the anchor, or a call in the clause
 * (استقبل X اتصالا هاتفيا من Y is a call received, not a guest)
 */
function notInPerson(v: SentenceView, k: number): boolean {
  for (let j = k + 1; j <= k + 2 && j < v.cs.length; j++) if (inSet(v, v.cs[j], "notMeetings")) return true;
  const end = clauseEnd(v, k);
  for (let j = clauseStart(v, k); j < end; j++)
    if (v.has(v.cs[j], B.callNouns) && !v.has(v.cs[j], B.talkNouns)) return true;
  return false;
}

/** the place an event in [from, to) happened in: a place, a country or its capital after في or an attached بـ */
function placeIn(v: SentenceView, from: number, to: number): string | null {
  const { cs } = v;
  for (let j = from; j < Math.min(to, cs.length); j++) {
    const c = cs[j];
    const isPlace = c.type === "place" || (c.type === "country" && c.form !== "nisba");
    if (isPlace && c.ents?.length && (v.isWord(cs[j - 1], "في") || c.pre.endsWith("ب"))) return c.ents[0];
  }
  return null;
}

/** the first place, country or capital in [from, to): where a visit went */
function destinationIn(v: SentenceView, from: number, to: number): string | null {
  for (let j = from; j < Math.min(to, v.cs.length); j++) {
    const c = v.cs[j];
    if ((c.type === "place" || (c.type === "country" && c.form !== "nisba")) && c.ents?.length) return c.ents[0];
  }
  return null;
}

const persons = (d: Discourse, ids: string[]) => [...new Set(ids.filter(d.isPerson))];

/**
 * Records an event of a kind once per key; a key told again adds its evidence and the parties it lacked (a
 * party it has keeps its role: the host of «استقبل» stays the host when «التقى» tells it again).
 */
function record(
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

function emitMeeting(v: SentenceView, d: Discourse, at: Chunk, host: string | null, others: string[], end: number) {
  const all = persons(d, host ? [host, ...others] : others);
  if (all.length < 2) return;
  // talks between the parties of a call told before (أجريا اتصالا … وتناولت المباحثات) are that call again
  if (inSet(v, at, "meetingNouns") && all.every((p) => isCalled(d, p))) return;
  const parts: Participant[] =
    host && all[0] === host
      ? [{ role: "host", entity: host }, ...all.slice(1).map((g) => ({ role: "guest", entity: g }))]
      : all.map((p) => ({ role: "participant", entity: p }));
  const place = placeIn(v, v.cs.indexOf(at) + 1, end);
  if (place) parts.push({ role: "location", entity: place });
  record(v, d, "Meeting", [...all].sort().join("|"), parts, at);
}

/** التقى X Y، التقى X بـ Y، X و Y اجتمعا، استقبل X Y، خلال استقباله Y */
function meetingAtVerb(v: SentenceView, d: Discourse, k: number): void {
  const end = clauseEnd(v, k);
  const after = personsIn(v, d, k + 1, end);
  const before = persons(d, v.subjectBefore(k)?.ents ?? []);
  const inForce = persons(d, d.subject());
  if (inSet(v, v.cs[k], "hostVerbs")) {
    // VSO: the first person after the verb is the host; SVO or a masdar with its pronoun: the one before
    const host = before[0] ?? (after.length >= 2 ? after[0] : inForce[0]);
    if (!host) return;
    emitMeeting(
      v,
      d,
      v.cs[k],
      host,
      after.filter((p) => p !== host),
      end,
    );
    return;
  }
  const all = persons(d, [...before, ...after]);
  emitMeeting(v, d, v.cs[k], null, all.length >= 2 ? all : [...inForce, ...all], end);
}

/** how far after a meeting noun its relative verb may stand (اجتماع ثلاثي يضم، اللقاء الذي جمع) */
const RELATIVE_REACH = 4;

/** عقد X لقاء مع Y، لقاء جمع X بـ Y، خلال لقائه مع Y، اجتماع بين X و Y */
function meetingAtNoun(v: SentenceView, d: Discourse, k: number): void {
  const { cs } = v;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  // a relative verb of joining after the noun: لقاء جمع X بـ Y، الاجتماع الذي جمعهما، اجتماع ثلاثي يضم X و Y
  const rel = v.findTok(k + 1, k + RELATIVE_REACH, (c) => inSet(v, c, "holdVerbs"));
  if (rel >= 0) {
    emitMeeting(v, d, cs[k], null, personsIn(v, d, rel + 1, clauseEnd(v, rel)), end);
    return;
  }
  const obj = prepObject(v, d, k + 1, end, ["مع", "بين", "ب"]);
  if (obj.prep === "بين") {
    emitMeeting(v, d, cs[k], null, obj.ents, end);
    return;
  }
  const own = v.u.toks[cs[k].s].norm;
  // خلال لقائهما: the two named before it in the clause
  if (/هما$/.test(own)) {
    emitMeeting(v, d, cs[k], null, personsIn(v, d, start, k), end);
    return;
  }
  // خلال لقائه Y، لقائه نظيره X: the subject in force met the person right after the noun
  const next = cs[k + 1]?.type;
  if (/(ه|ها)$/.test(own) && !obj.ents.length && (next === "person" || next === "counterpart")) {
    emitMeeting(v, d, cs[k], null, [...persons(d, d.subject()), ...personsIn(v, d, k + 1, k + 2)], end);
    return;
  }
  let gv = -1;
  for (let j = k - 1; j >= start && gv < 0; j--) if (inSet(v, cs[j], "holdVerbs")) gv = j;
  if (gv < 0 && !obj.ents.length) return;
  // the subject: the persons between the verb and the noun, before the verb, or the subject in force
  const subject = gv >= 0 ? personsIn(v, d, gv + 1, k) : personsIn(v, d, start, k);
  const holders = subject.length ? subject : persons(d, d.subject());
  emitMeeting(v, d, cs[k], null, [...holders, ...obj.ents], end);
}

/** زار X بلدا؛ وصل X إلى Y في زيارة؛ في/خلال زيارة (رسمية) إلى Y */
function visitAt(v: SentenceView, d: Discourse, k: number): void {
  const { cs } = v;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  let visitor: string | undefined;
  let place: string | null;
  if (inSet(v, cs[k], "visitVerbs")) {
    const subject = v.subjectAfter(k, true);
    const subj = persons(d, subject?.ents ?? v.subjectBefore(k)?.ents ?? d.subject());
    visitor = subj[0];
    place = destinationIn(v, subject ? subject.at + 1 : k + 1, end);
  } else {
    place = destinationIn(v, k + 1, end);
    let arrive = -1;
    for (let j = k - 1; j >= start && arrive < 0; j--) if (inSet(v, cs[j], "arriveVerbs")) arrive = j;
    if (!place && arrive >= 0) place = destinationIn(v, arrive + 1, k);
    visitor = persons(d, personsIn(v, d, arrive >= 0 ? arrive + 1 : start, k))[0] ?? persons(d, d.subject())[0];
  }
  if (!visitor || !place) return;
  record(
    v,
    d,
    "Visit",
    `${visitor}|${place}`,
    [
      { role: "visitor", entity: visitor },
      { role: "location", entity: place },
    ],
    cs[k],
  );
}

/** how far back from the verb the carrier of a relative clause may stand (المبعوث X الذي سلمه رسالة) */
const ANTECEDENT_REACH = 8;

/** the last person before chunk k, within the sentence's punctuation */
function personBefore(v: SentenceView, d: Discourse, k: number): string | undefined {
  for (let j = k - 1; j >= Math.max(0, k - ANTECEDENT_REACH) && !isBreak(v, v.cs[j]); j--) {
    const ps = personsIn(v, d, j, j + 1);
    if (ps.length) return ps[ps.length - 1];
  }
  return undefined;
}

/** the body or state right after «من» in [from, to): the sender of a message no person signed */
function bodyAfterFrom(v: SentenceView, from: number, to: number): string | undefined {
  const at = v.findTok(from, Math.min(to, from + 3), (c) => v.isWord(c, "من"));
  const c = at >= 0 ? v.cs[at + 1] : undefined;
  return c && (c.type === "org" || c.type === "country") ? v.actorEnts(c)?.[0] : undefined;
}

/** رسالة خطية/شفهية من X إلى Y نقلها Z؛ تسلم Y رسالة من X؛ نقل Z رسالة من X إلى Y؛ الذي سلمه رسالة من X */
function messageAt(v: SentenceView, d: Discourse, k: number): void {
  const { cs } = v;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  const kindWord = inSet(v, cs[k + 1], "messageKinds") || inSet(v, cs[k + 2], "messageKinds");
  // (a body or a state right after من sent it: رسالة من الحكومة X، من الرياض)
  let sender = bodyAfterFrom(v, k + 1, end) ?? prepObject(v, d, k + 1, end, ["من"]).ents[0];
  let recipient = prepObject(v, d, k + 1, end, ["الي", "ب"]).ents[0];
  let carrier: string | undefined;
  const inForce = persons(d, d.subject())[0];
  // the verb that governs the noun: its subject carried, received or sent the message
  let gv = -1;
  for (let j = k - 1; j >= Math.max(0, start - 1) && gv < 0; j--)
    if (inSet(v, cs[j], "deliverVerbs") || inSet(v, cs[j], "receiveMessage") || inSet(v, cs[j], "sendVerbs")) gv = j;
  if (gv >= 0) {
    const subject = personsIn(v, d, gv + 1, k)[0] ?? personBefore(v, d, gv) ?? inForce;
    if (inSet(v, cs[gv], "deliverVerbs")) {
      carrier = subject;
      // سلمه رسالة: the pronoun is the recipient, the host in force
      if (!recipient && /(ه|ها)$/.test(v.u.toks[cs[gv].s].norm) && inForce !== carrier) recipient = inForce;
    } else if (inSet(v, cs[gv], "receiveMessage")) recipient ??= subject;
    else sender ??= subject;
  }
  // رسالة الرئيس X إلى Y: the person the noun is annexed to sent it
  const annexed = inSet(v, cs[k + 1], "messageKinds") ? k + 2 : k + 1;
  if (!sender && cs[annexed]?.type === "person" && !/^[وبل]/.test(cs[annexed].pre))
    sender = personsIn(v, d, annexed, annexed + 1)[0];
  // a relative verb after the noun: the carrier (نقلها إليه Z) or the sender (في رسالة وجهها X إلى Y)
  for (let j = k + 1; j < cs.length && !isBreak(v, cs[j]); j++) {
    const relEnd = clauseEnd(v, j);
    if (inSet(v, cs[j], "deliverVerbs") && !carrier) {
      carrier = personsIn(v, d, j + 1, relEnd)[0];
      if (!recipient && v.findTok(j + 1, j + 3, (c) => v.isWord(c, "اليه", "لها", "له")) >= 0) recipient = inForce;
    } else if (inSet(v, cs[j], "sendVerbs") && !sender) {
      // وجهها X إلى Y: a person right after the verb sent it; with none, the subject in force
      sender = cs[j + 1]?.type === "person" ? personsIn(v, d, j + 1, j + 2)[0] : inForce;
      recipient ??= prepObject(v, d, j + 1, relEnd, ["الي", "ب"]).ents[0];
      gv = j;
    }
  }
  // أرسل X رسائل إلى Y عبر مستشاريه: who carried it, when a person is named
  carrier ??= prepObject(v, d, k + 1, end, ["عبر", "بواسطة"]).ents[0];
  // a letter (خطية، شفهية), a carrier, or a sender and a recipient who are persons; not «رسالة واضحة»
  if (!(kindWord || carrier || (sender && recipient))) return;
  const parts: Participant[] = [];
  const seen = new Set<string>();
  for (const [role, who] of [
    ["sender", sender],
    ["carrier", carrier],
    ["recipient", recipient],
  ] as const) {
    if (!who || seen.has(who)) continue;
    seen.add(who);
    parts.push({ role, entity: who });
  }
  if (parts.length < 2 || !(sender || recipient)) return;
  record(v, d, "Message", parts.map((p) => `${p.role}=${p.entity}`).join("|"), parts, cs[k]);
}

/** At a word of meeting, receiving, visiting or a message; never consumes the token. */
export function gatheringRule(v: SentenceView, d: Discourse, k: number): boolean {
  const c = v.cs[k];
  if (!v.has(c, B.gatherings) || v.inQuote(k)) return false;
  if (inSet(v, c, "messageNouns")) {
    messageAt(v, d, k);
    return false;
  }
  if (notHappened(v, k)) return false;
  if (inSet(v, c, "visitVerbs") || inSet(v, c, "visitNouns")) visitAt(v, d, k);
  else if (notInPerson(v, k)) return false;
  else if (inSet(v, c, "meetVerbs") || inSet(v, c, "hostVerbs")) meetingAtVerb(v, d, k);
  else if (inSet(v, c, "meetingNouns")) meetingAtNoun(v, d, k);
  return false;
}

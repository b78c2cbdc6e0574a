/**
 * Rule: meetings, visits and messages — what happens in person, as opposed to a phone call.
 * - Meeting: a verb of meeting (التقى X Y، التقى X بـ/مع Y، X و Y اجتمعا), a verb of receiving (استقبل X Y: X the
 *   host, Y the guest; خلال استقباله Y: the subject in force hosts; كان في استقبال Y X: X hosts), or a meeting noun
 *   with its parties (عقد X لقاء مع Y، لقاء جمع X بـ Y، جمع لقاء X بـ Y، خلال لقائه مع Y، اجتماع بين X و Y، بلقاء
 *   Y، لقاء X و Y wherever it stands, X و Y … خلال لقاء). Names alone in quote marks (لقاء «X» و«Y») stand where
 *   names do. Talks told by a verb of discussing are a meeting where a city follows a party (بحث X مع Y في Z،
 *   تباحث X و Y في Z). A state right after a verb of receiving hosts (استقبلت مصر وفدا); a person welcomed with بـ
 *   was received (رحب X بنظيره Y). A joint committee stands for the states its nisbas name (عقدت اللجنة الكويتية
 *   العراقية اجتماعها). The parties are persons, and the states or bodies a delegation or a ministry stands for (اجتمع وفد مغربي
 *   مع وفد موريتاني، استقبل X وفدا من البرلمان Y); at least two; one event per set of parties.
 * - Visit: a verb of visiting with its place (زار X بلدا، يزور X بلدا: now) or a visit noun with its destination
 *   (في زيارة إلى Y، وصل X إلى Y في زيارة، في أول زيارة له، وصل X إلى Y). The visitor is the clause's person or
 *   the subject in force.
 * - Message: see messages.ts.
 * Planned, expected or negated meetings and visits (من المقرر أن يلتقي، سيزور، يلتقي … غدا، لم يلتق) and meetings
 * held by phone, video or on television are no events. Word sets: `gatherings:` in seeds/lexicon/events.yaml.
 * Reads: the clause grammar and the subject in force. Emits: Meeting, Visit and Message events; never consumes.
 */
import { type Chunk, FUTURE } from "../mentions.js";
import { withoutWaw } from "../tokens.js";
import type { Participant } from "../types.js";
import { isCalled } from "./callRecords.js";
import { clauseEnd, clauseStart, coordinated, isBreak, personsIn, prepObject } from "./clause.js";
import type { Discourse } from "./discourse.js";
import {
  countryOf,
  type GatheringSet,
  gatheringEnd,
  inSet,
  notHappened,
  partiesOf,
  persons,
  record,
} from "./gathering.js";
import { messageAt } from "./messages.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

/**
 * held by phone or video, or an interview: a word of it right after the anchor, or a call in the clause
 * (استقبل X اتصالا هاتفيا من Y is a call received, not a guest); after a meeting noun only (لقاء عبر تقنية
 * الاتصال المرئي): a call told before it (جاء الاتصال بعد القمة التي جمعت الرئيسين) is another event
 */
function notInPerson(v: SentenceView, k: number): boolean {
  for (let j = k + 1; j <= k + 2 && j < v.cs.length; j++) if (inSet(v, v.cs[j], "notMeetings")) return true;
  const end = clauseEnd(v, k);
  for (let j = inSet(v, v.cs[k], "meetingNouns") ? k + 1 : clauseStart(v, k); j < end; j++)
    if (v.has(v.cs[j], B.callNouns) && !v.has(v.cs[j], B.talkNouns)) return true;
  return false;
}

/** where the phrase that places chunk j starts: its في, or the chunk with the attached بـ, a city noun before the
 * place included (في مدينة X، بالعاصمة X، بـX); -1 when nothing places it */
function placeStart(v: SentenceView, j: number): number {
  const head = inSet(v, v.cs[j - 1], "cityHeads") ? j - 1 : j;
  if (v.isWord(v.cs[head - 1], "في")) return head - 1;
  const attached = head < j ? v.norm(v.cs[head]).startsWith("ب") : v.cs[j].pre.endsWith("ب");
  return attached ? head : -1;
}

/** a place at chunk j told as where something happened (في X، في مدينة X، بـX) */
const placed = (v: SentenceView, j: number) => placeStart(v, j) >= 0;

/** a city or a capital, not a country by its name */
const isCity = (c: Chunk | undefined) => c?.type === "place" || (c?.type === "country" && c.form === "capital");

/** the place an event in [from, to) happened in: a place, a country or its capital after في or an attached بـ */
function placeIn(v: SentenceView, from: number, to: number): string | null {
  const { cs } = v;
  for (let j = from; j < Math.min(to, cs.length); j++) {
    const c = cs[j];
    const isPlace = c.type === "place" || (c.type === "country" && c.form !== "nisba");
    if (isPlace && c.ents?.length && placed(v, j)) return c.ents[0];
  }
  return null;
}

/** في and a city or a capital right after chunk k (مباحثات في سوتشي), not a country: talks «في سوريا» are about it */
function heldInCity(v: SentenceView, k: number): boolean {
  return v.isWord(v.cs[k + 1], "في") && isCity(v.cs[k + 2]);
}

/** the first place, country or capital in [from, to): where a visit went */
function destinationIn(v: SentenceView, from: number, to: number): string | null {
  for (let j = from; j < Math.min(to, v.cs.length); j++) {
    const c = v.cs[j];
    if ((c.type === "place" || (c.type === "country" && c.form !== "nisba")) && c.ents?.length) return c.ents[0];
  }
  return null;
}

/** the parties among ids, once each: persons, and the states and bodies delegations stand for */
const parties = (d: Discourse, ids: string[]) =>
  [...new Set(ids)].filter((id) => ["Person", "Organization", "Country"].includes(d.reg.entities.get(id)?.kind ?? ""));

function emitMeeting(v: SentenceView, d: Discourse, at: Chunk, host: string | null, others: string[], end: number) {
  const all = parties(d, host ? [host, ...others] : others);
  if (all.length < 2) return;
  // talks between the parties of a call told before (أجريا اتصالا … وتناولت المباحثات) are that call again, unless
  // held in a city (أجرى X و Y مباحثات في سوتشي); a meeting or summit of theirs (لقائهما الأخير) is not
  const k = v.cs.indexOf(at);
  if (v.has(at, B.talkNouns) && all.every((p) => isCalled(d, p)) && !heldInCity(v, k)) return;
  const parts: Participant[] =
    host && all[0] === host
      ? [{ role: "host", entity: host }, ...all.slice(1).map((g) => ({ role: "guest", entity: g }))]
      : all.map((p) => ({ role: "participant", entity: p }));
  const place = placeIn(v, k + 1, end);
  if (place) parts.push({ role: "location", entity: place });
  record(v, d, "Meeting", [...all].sort().join("|"), parts, at);
}

/** «كان في استقبال Y لدى وصوله X»، «كان في استقباله X»: the reception names the guest first, then the host */
function atReception(v: SentenceView, d: Discourse, k: number, after: string[], end: number): boolean {
  const own = v.u.toks[v.cs[k].s].norm;
  if (!v.isWord(v.cs[k - 1], "في")) return false;
  if (inSet(v, v.cs[k], "receptionNouns")) {
    if (after.length >= 2) emitMeeting(v, d, v.cs[k], after[1], [after[0]], end);
    return true;
  }
  // في استقباله: only after «كان» (كان في استقباله X) is the pronoun the guest; «خلال استقباله Y» hosts Y
  if (!/(ه|ها)$/.test(own) || !v.isWord(v.cs[k - 2], "كان", "كانت")) return false;
  const guest = persons(d, d.subject())[0];
  if (guest && after[0]) emitMeeting(v, d, v.cs[k], after[0], [guest], end);
  return true;
}

/** التقى X Y، التقى X بـ Y، X و Y اجتمعا، استقبل X Y، خلال استقباله Y؛ a delegation or a body may be a party */
function meetingAtVerb(v: SentenceView, d: Discourse, k: number): void {
  // the reception's guest and host follow it over «لدى وصوله» and its verb: to the sentence's punctuation
  let end = gatheringEnd(v, k);
  if (inSet(v, v.cs[k], "receptionNouns")) while (end < v.cs.length && !isBreak(v, v.cs[end])) end++;
  const after = personsIn(v, d, k + 1, end, partiesOf);
  if (atReception(v, d, k, after, end)) return;
  const before = (v.subjectBefore(k)?.ents ?? []).filter((id) => d.reg.entities.get(id)?.kind !== "Country");
  const inForce = persons(d, d.subject());
  if (inSet(v, v.cs[k], "hostVerbs")) {
    // VSO: the first party after the verb is the host, a state too (استقبلت مصر وفدا من Y: no state is received);
    // SVO or a masdar with its pronoun: the one before
    const first = v.subjectAfter(k);
    const state = first?.ents.find(
      (id) => d.reg.entities.get(id)?.kind === "Country" && v.cs[first.at].form !== "nisba",
    );
    const host = before[0] ?? state ?? (after.length >= 2 ? after[0] : (pronounHost(v, d, k) ?? inForce[0]));
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
  const all = parties(d, [...before, ...after]);
  // with one party named after the verb, the other is the clause's subject further back (بدأت X زيارة التقت
  // خلالها Y), the sentence's (زار X بيروت حيث التقى Y) or the subject in force
  // (with none, all the clause names before it: الرئيسان X و Y قد التقيا)
  let back = persons(d, personsIn(v, d, clauseStart(v, k), k));
  if (all.length || !back.length)
    back = (back.length ? back : persons(d, personsIn(v, d, sentenceStart(v, k), k))).slice(0, 1);
  emitMeeting(v, d, v.cs[k], null, all.length >= 2 ? all : [...(back.length ? back : inForce), ...all], end);
}

/** the host a reception masdar's pronoun (استقباله) stands for: the subject of the verb after the phrase when the
 * phrase is told first (وخلال استقباله Y، أكد X), else the sentence's subject before it (بحث X، لدى استقباله Y) */
function pronounHost(v: SentenceView, d: Discourse, k: number): string | undefined {
  if (!/(ه|ها)$/.test(v.u.toks[v.cs[k].s].norm)) return undefined;
  return visitorAfter(v, d, k).visitor ?? persons(d, personsIn(v, d, sentenceStart(v, k), k))[0];
}

/** where the sentence part holding chunk k starts: after the last sentence punctuation before it */
function sentenceStart(v: SentenceView, k: number): number {
  let j = k - 1;
  while (j >= 0 && !isBreak(v, v.cs[j])) j--;
  return j + 1;
}

/** how far after a meeting noun its relative verb may stand (اجتماع ثلاثي يضم، اللقاء الذي جمع) */
const RELATIVE_REACH = 4;

/** the words before a meeting noun that make it an event the clause's subject took part in (بعد لقاء Y) */
const MEETING_ADVERBS = ["في", "خلال", "بعد", "عقب", "اثر", "اثناء"];

/**
 * the parties annexed to a meeting noun (لقاء الرئيس X بـ Y، بلقاء الرئيس Y، لقاء X و Y): persons or delegations,
 * not a body (اجتماع مجلس الوزراء is the body's session). One party only where the noun is held (gv), attached to
 * بـ or in a phrase of time (بعد لقاء Y): «حضر اللقاء X», «على هامش لقاء X» name no meeting of the subject. Two
 * joined by و met each other wherever the noun stands (أن لقاء X و Y تناول، بعد أيام من لقاء X و Y), unless a verb
 * of the future follows (لقاء X و Y سيتناول)
 */
function annexedParty(v: SentenceView, d: Discourse, k: number, gv: number): string[] {
  const c = v.cs[k + 1];
  if (c?.pre !== "" || c.type === "org" || !partiesOf(v, d, c).length) return [];
  const end = clauseEnd(v, k);
  const annexed = coordinated(v, d, k + 1, end, partiesOf);
  const held = gv >= 0 || v.u.toks[v.cs[k].s].norm.startsWith("ب") || v.isWord(v.cs[k - 1], ...MEETING_ADVERBS);
  if (held) return annexed;
  return annexed.length >= 2 && !futureAfter(v, k) ? annexed : [];
}

/** how far after a meeting noun a verb of the future may tell it is to come (لقاء X و Y في Z سيتناول) */
const FUTURE_VERB_REACH = 8;

/** a verb in the shape of the future after chunk k in its sentence part */
function futureAfter(v: SentenceView, k: number): boolean {
  for (let j = k + 1; j < Math.min(v.cs.length, k + 1 + FUTURE_VERB_REACH) && !isBreak(v, v.cs[j]); j++)
    if (v.cs[j].type === "tok" && FUTURE.test(withoutWaw(v.norm(v.cs[j])))) return true;
  return false;
}

/** the states a chunk names (a summit between states), else its parties */
function statesOrParties(v: SentenceView, d: Discourse, c: Chunk): string[] {
  return c.type === "country" ? (c.ents ?? []) : partiesOf(v, d, c);
}

/** عقد X لقاء مع Y، لقاء جمع X بـ Y، جمع لقاء X بـ Y، خلال لقائه مع Y، اجتماع بين X و Y، بلقاء Y */
function meetingAtNoun(v: SentenceView, d: Discourse, k: number): void {
  const { cs } = v;
  // وحضر اللقاء Z: an attendant of the meeting told before, no meeting of its own
  if (inSet(v, cs[k - 1], "attendance")) return;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  // a relative verb of joining after the noun: لقاء جمع X بـ Y، اجتماع ثلاثي يضم X و Y; with the dual pronoun
  // (خلال لقاء جمعهما) the two named before it in the clause
  const rel = v.findTok(k + 1, k + RELATIVE_REACH, (c) => inSet(v, c, "holdVerbs"));
  if (rel >= 0) {
    const dual = /هما$/.test(v.u.toks[cs[rel].s].norm);
    const named = dual ? personsIn(v, d, start, k, partiesOf) : personsIn(v, d, rel + 1, clauseEnd(v, rel), partiesOf);
    emitMeeting(v, d, cs[k], null, named, Math.max(end, clauseEnd(v, rel)));
    return;
  }
  // the verb that holds the noun in its clause (عقد X لقاء، ترأس X اجتماعا)
  let gv = -1;
  for (let j = k - 1; j >= start && gv < 0; j--) if (inSet(v, cs[j], "holdVerbs")) gv = j;
  const obj = prepObject(v, d, k + 1, end, ["مع", "بين", "ب"], partiesOf);
  // قمة بين مصر والأردن والعراق: with no person or delegation named, the states themselves
  if (obj.prep === "بين" && !obj.ents.length) obj.ents = prepObject(v, d, k + 1, end, ["بين"], statesOrParties).ents;
  if (obj.prep === "بين") {
    // ترأس/عقد X اجتماعا بين A و B: X, named between the verb and the noun, chaired it
    const chair = gv >= 0 ? persons(d, personsIn(v, d, gv + 1, k)).find((p) => !obj.ents.includes(p)) : undefined;
    emitMeeting(v, d, cs[k], chair ?? null, obj.ents, end);
    return;
  }
  const own = v.u.toks[cs[k].s].norm;
  // خلال لقائهما: the two named before it in the clause
  if (/هما$/.test(own)) {
    emitMeeting(v, d, cs[k], null, personsIn(v, d, start, k, partiesOf), end);
    return;
  }
  // خلال لقائه Y، لقائه نظيره X: the subject in force met the person right after the noun
  const next = cs[k + 1]?.type;
  if (/(ه|ها)$/.test(own) && !obj.ents.length && (next === "person" || next === "counterpart")) {
    emitMeeting(v, d, cs[k], null, [...persons(d, d.subject()), ...personsIn(v, d, k + 1, k + 2)], end);
    return;
  }
  const annexed = annexedParty(v, d, k, gv);
  // X و Y … خلال/في لقاء (في Z): two or more parties of the clause before a phrase of the meeting met
  const adverbial = v.isWord(cs[k - 1], ...MEETING_ADVERBS) ? parties(d, personsIn(v, d, start, k, partiesOf)) : [];
  if (gv < 0 && !obj.ents.length && !annexed.length && adverbial.length < 2) return;
  // (جمع لقاء X بـ Y: the annexed party and the object are the two sides; في لقاء رئيسي أركان A و B: two annexed
  // parties met each other, whoever the clause's subject is)
  if ((annexed.length && obj.ents.length) || annexed.length >= 2) {
    emitMeeting(v, d, cs[k], null, [...annexed, ...obj.ents], end);
    return;
  }
  // the subject: the parties between the verb and the noun, before the verb (وكان الزعيمان قد عقدا لقاء), after
  // the verb the phrase leads to (وفي لقاء مع Y، قال X), or the subject in force
  const subject = personsIn(v, d, gv >= 0 ? gv + 1 : start, k, partiesOf);
  const beforeVerb = gv >= 0 ? parties(d, personsIn(v, d, clauseStart(v, gv), gv, partiesOf)) : [];
  const later = cs[end]?.type === "verb" ? persons(d, v.subjectAfter(end, true)?.ents ?? []) : [];
  const holders = [subject, beforeVerb, later].find((ps) => ps.length) ?? persons(d, d.subject());
  emitMeeting(v, d, cs[k], null, [...holders, ...annexed, ...obj.ents], end);
}

/** the verbs whose subject a visit phrase before them speaks of (خلال زيارته إلى Y، التقى X) */
const AFTER_PHRASE: GatheringSet[] = ["arriveVerbs", "meetVerbs", "hostVerbs", "holdVerbs"];

/**
 * في أول زيارة له …، وصل X إلى Y؛ خلال زيارته إلى Y، التقى X Z: the verb after a visit phrase names the visitor
 * (and, arriving, the place)
 */
function visitorAfter(v: SentenceView, d: Discourse, k: number): { visitor?: string; place: string | null } {
  for (let j = k + 1; j < v.cs.length && !isBreak(v, v.cs[j]); j++) {
    if (v.cs[j].type !== "verb" && !AFTER_PHRASE.some((set) => inSet(v, v.cs[j], set))) continue;
    const subject = v.subjectAfter(j, true);
    const arrive = inSet(v, v.cs[j], "arriveVerbs");
    return {
      visitor: persons(d, subject?.ents ?? [])[0],
      place: arrive ? destinationIn(v, subject ? subject.at + 1 : j + 1, clauseEnd(v, j)) : null,
    };
  }
  return { place: null };
}

/** the visitor and the place of a visit noun: وصل X إلى Y في زيارة؛ في/خلال زيارة (رسمية) إلى Y؛ بدأ X زيارة */
function visitByNoun(v: SentenceView, d: Discourse, k: number): { visitor?: string; place: string | null } {
  const { cs } = v;
  const start = clauseStart(v, k);
  let place = destinationIn(v, k + 1, clauseEnd(v, k));
  let arrive = -1;
  for (let j = k - 1; j >= start && arrive < 0; j--) if (inSet(v, cs[j], "arriveVerbs")) arrive = j;
  if (!place && arrive >= 0) place = destinationIn(v, arrive + 1, k);
  // زيارة الرئيس X إلى Y: the person annexed to the noun made the visit, whoever the clause's subject is
  const annexed = cs[k + 1]?.type === "person" && cs[k + 1].pre === "" ? personsIn(v, d, k + 1, k + 2) : [];
  let visitor: string | undefined = persons(d, [
    ...annexed,
    ...personsIn(v, d, arrive >= 0 ? arrive + 1 : start, k),
  ])[0];
  // زيارة يقوم بها X، زيارة يجريها X: the person right after the relative names the visitor
  const rel = v.findTok(k + 1, k + 4, (c) => v.isWord(c, ...v.S.visitRelatives));
  if (!visitor && rel >= 0) visitor = persons(d, personsIn(v, d, rel + 1, rel + 2))[0];
  if (!visitor && arrive < 0) {
    const later = visitorAfter(v, d, k);
    visitor = later.visitor;
    place ??= later.place;
  }
  return { visitor: visitor ?? persons(d, d.subject())[0], place };
}

/** how far after its subject an arrival's «إلى» may stand (وصل X، اليوم الأحد، إلى Y) */
const ARRIVAL_REACH = 5;

/**
 * وصل/توجه X إلى Y with no visit noun: a visit when Y is a state or its capital and the visitor is known to be of
 * another state (وصل الرئيس X إلى عاصمة بلاده عائدا is a return, and an arrival at a city no state is given for
 * may be at home)
 */
function arrivalVisit(v: SentenceView, d: Discourse, k: number): { visitor?: string; place: string | null } {
  const subject = v.subjectAfter(k, true) ?? v.subjectBefore(k);
  const visitor = persons(d, subject?.ents ?? [])[0];
  if (!subject || !visitor) return { place: null };
  const from = subject.at > k ? subject.at + 1 : k + 1;
  const to = v.findTok(from, from + ARRIVAL_REACH, (c) => v.isWord(c, "الي"));
  // (إلى العاصمة الكينية نيروبي: the city noun and the nisba before the capital)
  let j = to + 1;
  if (to >= 0 && inSet(v, v.cs[j], "cityHeads")) j++;
  if (to >= 0 && v.cs[j]?.type === "country" && v.cs[j].form === "nisba" && v.cs[j + 1]?.type === "country") j++;
  const c = to >= 0 ? v.cs[j] : undefined;
  if (c?.type !== "country" || c.form === "nisba" || !c.ents?.length) return { place: null };
  const own = countryOf(d, visitor);
  return own && own !== c.ents[0] ? { visitor, place: c.ents[0] } : { place: null };
}

/** زار X بلدا؛ يزور X بلدا (now); وصل X إلى Y (في زيارة)؛ في/خلال زيارة (رسمية) إلى Y */
function visitAt(v: SentenceView, d: Discourse, k: number): void {
  let visitor: string | undefined;
  let place: string | null;
  if (inSet(v, v.cs[k], "arriveAlone")) ({ visitor, place } = arrivalVisit(v, d, k));
  else if (inSet(v, v.cs[k], "visitVerbs")) {
    // the first actor after the verb may be the place itself (وكان X قد زار موسكو), not after a feminine verb,
    // whose subject a state may be (وزارت تركيا وفود)
    const subject = v.subjectAfter(k, true);
    const after = persons(d, subject?.ents ?? []);
    const feminine = /^(ت|.*ت$)/.test(withoutWaw(v.norm(v.cs[k])));
    const inForce = subject && feminine ? [] : persons(d, d.subject());
    visitor = [after, persons(d, v.subjectBefore(k)?.ents ?? []), inForce].find((ps) => ps.length)?.[0];
    place = destinationIn(v, subject && after.length ? subject.at + 1 : k + 1, clauseEnd(v, k));
  } else ({ visitor, place } = visitByNoun(v, d, k));
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
    v.cs[k],
  );
}

/** a city or capital told as where something happened (في X، في مدينة X، بـX) right after a party at a chunk of the
 * clause [from, to): «بحث X مع Y في Z»، «بحث X في Z مع Y»، «تباحث X و Y في Z» */
function cityAfterParty(v: SentenceView, d: Discourse, from: number, to: number): string | null {
  for (let j = from + 1; j < to; j++) {
    const c = v.cs[j];
    // (the party stands right before the phrase that places the city)
    const start = isCity(c) && c.ents?.length ? placeStart(v, j) : -1;
    if (start > 0 && partiesOf(v, d, v.cs[start - 1]).length) return c.ents?.[0] ?? null;
  }
  return null;
}

/**
 * بحث X مع Y في Z، تباحث X و Y في Z: talks told by a verb of discussing are a meeting where a city follows a
 * party (no call is told in the clause: that is the call rule's); without the city they may have been by phone
 */
function talksInCity(v: SentenceView, d: Discourse, k: number): void {
  const end = gatheringEnd(v, k);
  const city = cityAfterParty(v, d, k, end);
  if (!city) return;
  const after = v.subjectAfter(k, true);
  // (the subject after the verb with those joined to it: تباحث X و Y)
  const subject = after
    ? coordinated(v, d, after.at, end, partiesOf)
    : persons(d, v.subjectBefore(k)?.ents ?? d.subject());
  const obj = prepObject(v, d, k + 1, end, ["مع"], partiesOf).ents;
  emitMeeting(v, d, v.cs[k], null, [...subject, ...obj], end);
}

/** رحب X بـ Y: X received Y where Y is a person welcomed with بـ (not بالقرار، بدعوة Y); between the parties of a
 * call told before (رحب X بنظيره in a call's account) it is a courtesy of that call */
function welcomeAt(v: SentenceView, d: Discourse, k: number): void {
  const end = gatheringEnd(v, k);
  const subject = v.subjectAfter(k, true);
  const host = persons(d, subject?.ents ?? v.subjectBefore(k)?.ents ?? d.subject())[0];
  let j = subject ? subject.at + 1 : k + 1;
  while (j < end && !v.cs[j].pre.endsWith("ب") && !v.norm(v.cs[j]).startsWith("ب")) j++;
  const welcomed = v.cs[j];
  if (!host || !welcomed || (welcomed.type !== "person" && welcomed.type !== "counterpart")) return;
  const guests = persons(d, coordinated(v, d, j, end, partiesOf)).filter((p) => p !== host);
  if (guests.length && ![host, ...guests].every((p) => isCalled(d, p))) emitMeeting(v, d, v.cs[k], host, guests, end);
}

/** At a word of meeting, receiving, visiting or a message; never consumes the token. */
export function gatheringRule(v: SentenceView, d: Discourse, k: number): boolean {
  const c = v.cs[k];
  if (!v.has(c, B.anchors) || v.inQuote(k)) return false;
  if (inSet(v, c, "messageNouns")) {
    messageAt(v, d, k);
    return false;
  }
  if (notHappened(v, k)) return false;
  if (inSet(v, c, "visitVerbs") || inSet(v, c, "visitNouns") || inSet(v, c, "arriveAlone")) visitAt(v, d, k);
  else if (notInPerson(v, k)) return false;
  else if (inSet(v, c, "meetVerbs") || inSet(v, c, "hostVerbs") || inSet(v, c, "receptionNouns"))
    meetingAtVerb(v, d, k);
  else if (inSet(v, c, "meetingNouns")) meetingAtNoun(v, d, k);
  else if (inSet(v, c, "welcomeVerbs")) welcomeAt(v, d, k);
  else if (v.has(c, B.discuss)) talksInCity(v, d, k);
  return false;
}

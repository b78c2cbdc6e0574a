/**
 * Rule part: messages — a letter or oral message (رسالة خطية/شفهية) with its sender (من X), its recipient (إلى Y,
 * the subject of تسلم/تلقى, or the second object of سلم: سلم Z Y رسالة) and its carrier (the subject of
 * نقل/سلم/حمل, or the one a relative verb names: نقلها Z); the one who sent the carrier sent it (أوفد X Z حاملا
 * رسالة). A message to be delivered (من المقرر أن يسلم) is none.
 * Reads: the clause grammar and the subject in force. Emits: Message events (through gathering.ts's record).
 */
import { ensureUnnamedHolder, holderName } from "../holders.js";
import type { Chunk } from "../mentions.js";
import type { Participant } from "../types.js";
import { clauseEnd, clauseStart, isBreak, personsIn, prepObject } from "./clause.js";
import { addEvidence, type Discourse } from "./discourse.js";
import { countryOf, inSet, persons, plannedBefore, record } from "./gathering.js";
import type { SentenceView } from "./view.js";

interface Roles {
  sender?: string;
  carrier?: string;
  recipient?: string;
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

/** the first person from chunk k on, before `to` and within the sentence's punctuation */
function personFrom(v: SentenceView, d: Discourse, k: number, to: number): string | undefined {
  for (let j = k; j < to && !isBreak(v, v.cs[j]); j++)
    if (v.cs[j].type === "person") return personsIn(v, d, j, j + 1)[0];
  return undefined;
}

/** the body or state right after «من» in [from, to): the sender of a message no person signed */
function bodyAfterFrom(v: SentenceView, from: number, to: number): string | undefined {
  const at = v.findTok(from, Math.min(to, from + 3), (c) => v.isWord(c, "من"));
  const c = at >= 0 ? v.cs[at + 1] : undefined;
  return c && (c.type === "org" || c.type === "country") ? v.actorEnts(c)?.[0] : undefined;
}

/** a pronoun of the addressee right after a verb of carrying (نقل إليه، سلمه): the recipient is the host in force */
function toHostInForce(v: SentenceView, j: number): boolean {
  return (
    /(ه|ها)$/.test(v.u.toks[v.cs[j].s].norm) || v.findTok(j + 1, j + 3, (c) => v.isWord(c, "اليه", "لها", "له")) >= 0
  );
}

/**
 * the verb before the noun that governs it (at gv): its subject carried (نقل، سلم), received (تسلم، تلقى) or sent
 * (بعث) the message; after a verb of carrying, a second person (سلم Z Y رسالة) or إلى Y (نقل Z إلى Y رسالة) before
 * the noun is the recipient
 */
function governedBy(v: SentenceView, d: Discourse, gv: number, k: number, r: Roles, inForce?: string): void {
  const between = personsIn(v, d, gv + 1, k);
  // سلم مبعوث الرئيس X رسالة: the person the envoy is annexed to sent it, and the envoy carried it
  const envoyOf = inSet(v, v.cs[gv + 1], "envoys") ? between.shift() : undefined;
  if (envoyOf) r.sender ??= envoyOf;
  const subject = envoyOf ? unnamedEnvoy(v, d, gv + 1, envoyOf) : (between[0] ?? personBefore(v, d, gv) ?? inForce);
  if (inSet(v, v.cs[gv], "deliverVerbs")) {
    r.carrier = subject;
    r.recipient ??= prepObject(v, d, gv + 1, k, ["الي"]).ents[0] ?? between[envoyOf ? 0 : 1];
    if (!r.recipient && toHostInForce(v, gv) && inForce !== r.carrier) r.recipient = inForce;
  } else if (inSet(v, v.cs[gv], "receiveMessage")) r.recipient ??= subject;
  else r.sender ??= subject;
}

/**
 * an envoy no name is given for, at chunk j (نقلها مبعوثه الخاص، نقلها المبعوث الخاص): the unnamed envoy of the
 * sender's state, the same entity the call rules make for an unnamed counterpart
 */
function unnamedEnvoy(v: SentenceView, d: Discourse, j: number, sender?: string): string | undefined {
  const c = v.cs[j];
  const envoy = inSet(v, c, "envoys") || (c?.type === "office" && c.office === "envoy" && !c.ents?.length);
  const country = sender ? countryOf(d, sender) : null;
  if (!envoy || !country) return undefined;
  const iso = country.replace(/^country:/, "").toUpperCase();
  const id = ensureUnnamedHolder(d.reg, v.lex, "envoy", iso, holderName(v.lex, "envoy", iso));
  d.reg.mention(id, v.ev.sentence, c.start + c.pre.length, c.end);
  return id;
}

/** أوفد/بعث X Z حاملا رسالة: the one who sent the carrier, named after a verb of sending before the carrier's verb */
function dispatcher(v: SentenceView, d: Discourse, gv: number, carrier: string): string | undefined {
  for (let j = gv - 1; j >= 0 && !isBreak(v, v.cs[j]); j--) {
    if (!inSet(v, v.cs[j], "sendVerbs")) continue;
    const who = personFrom(v, d, j + 1, gv);
    return who === carrier ? undefined : who;
  }
  return undefined;
}

/** a relative verb after the noun: the carrier (نقلها إليه Z، ، سلمها Z) or the sender (في رسالة وجهها X إلى Y) */
function relativeAfter(v: SentenceView, d: Discourse, k: number, r: Roles, inForce?: string): void {
  const { cs } = v;
  for (let j = k + 1; j < cs.length && !isBreak(v, cs[j]); j++) {
    const relEnd = clauseEnd(v, j);
    if (inSet(v, cs[j], "deliverVerbs") && !r.carrier) {
      r.carrier = personsIn(v, d, j + 1, relEnd)[0] ?? unnamedEnvoy(v, d, j + 1, r.sender);
      if (!r.recipient && v.findTok(j + 1, j + 3, (c) => v.isWord(c, "اليه", "لها", "له")) >= 0) r.recipient = inForce;
    } else if (inSet(v, cs[j], "sendVerbs") && !r.sender) {
      // وجهها X إلى Y: a person right after the verb sent it; with none, the subject in force
      r.sender = cs[j + 1]?.type === "person" ? personsIn(v, d, j + 1, j + 2)[0] : inForce;
      r.recipient ??= prepObject(v, d, j + 1, relEnd, ["الي", "ب"]).ents[0];
    }
  }
}

/**
 * وقام بتسليم الرسالة، X: the message told before (the definite noun, after a verb or noun of carrying, with no
 * sender or recipient of its own) was carried by the person after it; true when such a message took the carrier
 */
function carriedBefore(v: SentenceView, d: Discourse, k: number, gv: number): boolean {
  const { cs } = v;
  if (gv < 0 || !inSet(v, cs[gv], "deliverVerbs") || !v.u.toks[cs[k].s].norm.startsWith("ال")) return false;
  const last = d.events.findLast((e) => e.kind === "Message");
  if (!last || last.participants.some((p) => p.role === "carrier")) return false;
  const carrier = personFrom(v, d, k + 1, cs.length);
  if (!carrier || last.participants.some((p) => p.entity === carrier)) return false;
  last.participants.push({ role: "carrier", entity: carrier });
  addEvidence(last, v.ev);
  return true;
}

/** an office title's first word or an honorific (فخامة، سمو، معالي) */
function titleWord(v: SentenceView, norm: string): boolean {
  return (
    v.lex.honorifics.has(norm) ||
    v.lex.honorifics.has(`ال${norm}`) ||
    !!v.lex.index.get(norm)?.some((e) => e.type === "office")
  );
}

/** the first person from «إلى» or a title with لـ (موجهة لرئيس …) in [from, to), within the sentence's punctuation */
function holderAfterIla(v: SentenceView, d: Discourse, from: number, to: number): string | undefined {
  const to4 = Math.min(to, from + 4);
  const toTitle = (c: Chunk) =>
    c.type === "office"
      ? c.pre.endsWith("ل")
      : c.type === "tok" && /^ل/.test(v.norm(c)) && titleWord(v, v.norm(c).slice(1));
  const at = v.findTok(from, to4, (c) => v.isWord(c, "الي") || toTitle(c));
  return at < 0 ? undefined : personFrom(v, d, at, to);
}

/** رسالة خطية/شفهية من X إلى Y نقلها Z؛ تسلم Y رسالة من X؛ نقل Z رسالة من X إلى Y؛ سلم Z Y رسالة */
export function messageAt(v: SentenceView, d: Discourse, k: number): void {
  const { cs } = v;
  if (plannedBefore(v, k)) return;
  const start = clauseStart(v, k);
  const end = clauseEnd(v, k);
  const kindWord = inSet(v, cs[k + 1], "messageKinds") || inSet(v, cs[k + 2], "messageKinds");
  // (a body or a state right after من sent it: رسالة من الحكومة X، من الرياض)
  const r: Roles = {
    sender: bodyAfterFrom(v, k + 1, end) ?? prepObject(v, d, k + 1, end, ["من"]).ents[0],
    recipient: prepObject(v, d, k + 1, end, ["الي", "ب"]).ents[0],
  };
  const inForce = persons(d, d.subject())[0];
  let gv = -1;
  for (let j = k - 1; j >= Math.max(0, start - 1) && gv < 0; j--)
    if (inSet(v, cs[j], "deliverVerbs") || inSet(v, cs[j], "receiveMessage") || inSet(v, cs[j], "sendVerbs")) gv = j;
  if (!r.sender && !r.recipient && carriedBefore(v, d, k, gv)) return;
  if (gv >= 0) {
    governedBy(v, d, gv, k, r, inForce);
    if (r.carrier && !r.sender) r.sender = dispatcher(v, d, gv, r.carrier);
  }
  // وأكد X في رسالته إلى Y: the noun's own pronoun is the clause's subject, who sent it
  else if (!r.sender && /(ته|تها)$/.test(v.u.toks[cs[k].s].norm)) r.sender = personsIn(v, d, start, k)[0] ?? inForce;
  // رسالة الرئيس X إلى Y: the person the noun is annexed to sent it
  const annexed = inSet(v, cs[k + 1], "messageKinds") ? k + 2 : k + 1;
  if (!r.sender && cs[annexed]?.type === "person" && !/^[وبل]/.test(cs[annexed].pre))
    r.sender = personsIn(v, d, annexed, annexed + 1)[0];
  relativeAfter(v, d, k, r, inForce);
  // إلى رئيس المجلس الانتقالي، X: a title the lexicon cannot resolve, then its holder between commas
  r.recipient ??= holderAfterIla(v, d, k + 1, end);
  // أرسل X رسائل إلى Y عبر مستشاريه: who carried it, when a person is named
  r.carrier ??= prepObject(v, d, k + 1, end, ["عبر", "بواسطة"]).ents[0];
  // a letter (خطية، شفهية), a carrier, or a sender and a recipient who are persons; not «رسالة واضحة»
  if (!(kindWord || r.carrier || (r.sender && r.recipient))) return;
  const parts: Participant[] = [];
  const seen = new Set<string>();
  for (const role of ["sender", "carrier", "recipient"] as const) {
    const who = r[role];
    if (!who || seen.has(who)) continue;
    seen.add(who);
    parts.push({ role, entity: who });
  }
  if (parts.length < 2 || !(r.sender || r.recipient)) return;
  record(v, d, "Message", parts.map((p) => `${p.role}=${p.entity}`).join("|"), parts, cs[k]);
}

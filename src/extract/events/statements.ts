/**
 * Rule: statements, appeals, meeting calls and accusations, at a reporting verb (قال، أكد، دعا، اتهم …).
 * Reads the verb's subject (after it, before it, or the subject in force for «وأضاف» and participles); emits one
 * event per speaker with the quote, the medium and the addressee of an appeal or accusation.
 */
import type { Chunk } from "../mentions.js";
import type { DocEvent, Participant } from "../types.js";
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { anyOf, B } from "./words.js";

const MEDIA: [RegExp, string][] = [
  [/كلمه متلفزه|خطاب متلفز|تصريح متلفز|كلمه تلفزيونيه/, "televised speech"],
  [/مؤتمر صحفي|مؤتمر صحافي/, "press conference"],
  [/في بيان|بيانا|بيان ل/, "statement"],
  [/مداخله هاتفيه/, "phone-in"],
];

const DEESC = new WeakMap<object, RegExp>();

/** a given name as written: normalising folds على (a preposition) into علي (a name), the text does not */
function isGivenName(v: SentenceView, c: Chunk): boolean {
  const raw = v.u.toks[c.s].text;
  return v.lex.given.has(v.bare(c)) && !raw.endsWith("ى");
}

/** the persons joined by و right after the subject at chunk j (أكد X والرئيس Y، أكد X ونظيره Y): they said it too */
function joinedSpeakers(v: SentenceView, j: number): string[] {
  const out: string[] = [];
  for (let q = j + 1; q < v.cs.length; q++) {
    let c = v.cs[q];
    let waw = c.pre.startsWith("و");
    // (a separate «و» before the next party)
    if (v.isWord(c, "و")) {
      c = v.cs[++q];
      waw = true;
    }
    if (!c || (c.type !== "person" && c.type !== "counterpart") || !waw) break;
    out.push(...(c.ents ?? []).filter(v.d.isPerson));
  }
  return out;
}

/** the speakers of the verb at chunk k, or null when it has none (or is a medium's attribution) */
function speakersOf(v: SentenceView, k: number): { ents: string[]; at: number } | null {
  const { cs, d } = v;
  const c = cs[k];
  const verb = c.verb;
  if (!verb) return null;
  if (/قول(ه|ها|هم)$/.test(v.u.toks[c.s].norm)) {
    const b =
      v.subjectBefore(k) ??
      (cs[k - 2] ? { ents: v.actorEnts(cs[k - 1]) ?? v.actorEnts(cs[k - 2]) ?? [], at: k - 1, media: false } : null);
    return b?.ents?.length ? { ents: b.ents, at: -1 } : null;
  }
  const a = verb.participle ? null : v.subjectAfter(k, true);
  if (a?.media) return null;
  if (a) return { ents: [...a.ents, ...joinedSpeakers(v, a.at)], at: a.at };
  const b = verb.participle || c.pre === "و" || c.pre === "ف" ? null : v.subjectBefore(k);
  if (b?.media) return null;
  if (b) return { ents: b.ents, at: -1 };
  const nx = cs[k + 1];
  const nxn = v.norm(nx);
  // a definite noun after the verb that is no actor: the verb has a subject we do not know
  if (nx && nx.type === "tok" && nxn.startsWith("ال") && nxn !== "الي" && !v.S.skipAfter.has(nxn)) return null;
  // a given name or a title after the verb (وقال علي …، دعا رئيس الدولة …): a subject the mentions did not know,
  // not the last speaker
  if (nx?.type === "tok" && (isGivenName(v, nx) || v.lex.index.get(nxn)?.some((e) => e.type === "office"))) return null;
  // أكدا: the two parties of the call just told
  if (verb.dual && d.lastCallPair.length === 2) return { ents: d.lastCallPair, at: -1 };
  // وأضافت: a feminine verb does not continue the man who spoke last, but a body or a country
  const cur = verb.feminine ? d.subject().filter((e) => !d.isPerson(e) || d.feminine.has(e)) : d.subject();
  if (cur.length) return { ents: cur, at: -1 };
  // no subject told yet (the story opened with a headline or a phrase): the person last named, when the verb
  // has no subject of its own (a participle, or «وأكد أن») and is not impersonal (جاء في بيان)
  const bare = verb.participle || !nx || nx.type !== "tok" || v.lex.stop.has(nxn) || v.isPunct(nx);
  if (!bare || verb.lemma.includes(" ")) return null;
  const last = lastPersonBefore(v, k) ?? d.lastPerson;
  return last && !(verb.feminine && !d.feminine.has(last)) ? { ents: [last], at: -1 } : null;
}

/** the last person named in the sentence before chunk k, outside quotations */
function lastPersonBefore(v: SentenceView, k: number): string | null {
  for (let j = k - 1; j >= 0; j--) {
    const ps = v.cs[j].type === "person" && !v.inQuote(j) ? (v.cs[j].ents ?? []).filter(v.d.isPerson) : [];
    if (ps.length) return ps[ps.length - 1] as string;
  }
  return null;
}

/** أعرب عن شكره/تهنئته/تعازيه، دعا X لزيارة: a courtesy or an invitation, not a statement */
function isCourtesy(v: SentenceView, k: number): boolean {
  for (let j = k + 1; j < Math.min(v.cs.length, k + COURTESY_REACH); j++) {
    if (v.cs[j].type === "verb" || /^[.؛:]$/.test(v.punct(v.cs[j]))) return false;
    if (v.has(v.cs[j], B.courtesy)) return true;
  }
  return false;
}
/** how far after the verb the word of courtesy may stand (أعرب سمو ولي العهد عن شكره) */
const COURTESY_REACH = 7;

/** the addressee of an appeal or accusation: the first actor after the verb (or its subject), before «إلى» */
function addresseeOf(v: SentenceView, from: number): string[] {
  for (let j = from; j < Math.min(v.cs.length, from + 5); j++) {
    if (v.has(v.cs[j], B.prepositionTo)) break;
    const a = v.actorEnts(v.cs[j]);
    if (a) return a;
  }
  return [];
}

/** an appeal's kind and CAMEO code from what it calls for (a meeting, de-escalation, or anything else) */
function appealKind(v: SentenceView, c: Chunk): { kind: DocEvent["kind"]; cameo: string } {
  const norm = v.u.norm;
  const rest = norm.slice(Math.max(0, norm.indexOf(v.u.toks[c.s].norm)));
  const ila = rest.indexOf("الي ");
  const tail = ila >= 0 ? rest.slice(ila + 4, ila + 40) : rest.slice(0, 60);
  if ([...v.S.meeting].some((m) => tail.startsWith(m))) return { kind: "MeetingCall", cameo: "026" };
  let deesc = DEESC.get(v.lex);
  if (!deesc) {
    deesc = anyOf(v.lex.phrases.deescalation);
    DEESC.set(v.lex, deesc);
  }
  return { kind: "Appeal", cameo: deesc.test(rest) ? "0256" : "020" };
}

export function statementRule(v: SentenceView, d: Discourse, k: number): boolean {
  const c = v.cs[k];
  if (c.type !== "verb" || !c.verb) return false;
  // a verb inside a quotation is part of the quoted words, not a new statement, unless the quotation opens with
  // it and its subject
  if (v.inQuote(k) && !v.opensReportedQuote(k)) return true;
  // لم تعلن X: a negated verb reports nothing said
  if (v.has(v.cs[k - 1], B.negation)) return true;
  const sp = speakersOf(v, k);
  if (!sp?.ents.length) return true;
  d.setSubject(sp.ents);
  if (c.verb.feminine && sp.at >= 0) for (const e of sp.ents) if (d.isPerson(e)) d.feminine.add(e);
  if (isCourtesy(v, k)) return true;
  const after = v.u.sentence.text.slice(c.end - v.u.sentence.start);
  const quote = after.match(/["“«]([^"”»]{3,})["”»]/)?.[1].trim() ?? null;
  const medium = MEDIA.find(([re]) => re.test(v.u.norm))?.[1] ?? null;
  const date = v.dateNear(c);
  const verb = c.verb;
  let kind: DocEvent["kind"] = verb.kind;
  let cameo = "010";
  let addressee: string[] = [];
  if (verb.kind === "Appeal" || verb.kind === "Accusation") {
    addressee = addresseeOf(v, sp.at >= 0 ? sp.at + 1 : k + 1);
    if (verb.kind === "Accusation") cameo = "112";
    else ({ kind, cameo } = appealKind(v, c));
  }
  for (const speaker of sp.ents) {
    const key = `${kind}|${verb.lemma}|${v.ev.sentence}|${speaker}`;
    if (d.statementKeys.has(key)) continue;
    d.statementKeys.add(key);
    const parts: Participant[] = [{ role: "speaker", entity: speaker }];
    for (const a of addressee) if (a !== speaker) parts.push({ role: "addressee", entity: a });
    d.newEvent(kind, cameo, parts, v.ev, {
      quote,
      medium,
      verb: verb.lemma,
      date: date?.date ?? null,
      datePrecision: date?.precision ?? null,
    });
  }
  return true;
}

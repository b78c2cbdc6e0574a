/**
 * Stage 6 — events with typed roles and CAMEO codes: PhoneCall, Statement, Appeal, MeetingCall,
 * Accusation, Condolence, Claim (quantities), Clash, Ceasefire. Every event carries its evidence sentence.
 */
import type { Registry, SentenceUnit } from "./coref.js";
import { type DateExpr, findDates } from "./dates.js";
import type { Lexicon } from "./lexicon.js";
import type { Chunk } from "./mentions.js";
import { variants } from "./tokens.js";
import type { DocEvent, Evidence, Participant, Quantity } from "./types.js";

const PHONE_WORDS = /هاتف|تلفون|تليفون/;
/** definite nouns/adjectives that may describe a speaker before the name (الخبير العسكري، المعلومات الواردة عن) */
const isDescriptor = (n: string) => (n.startsWith("ال") && n.length > 3) || n === "عن";
const PLURAL_CALLS = new Set(["اتصالين", "اتصالان", "اتصالات", "مكالمات", "مكالمتين", "مكالمتان"]);
const QUOTE_CHARS = new Set(['"', "“", "”", "«", "»", "„"]);
const TALK_ONLY_PHONE = new Set(["تحدث", "تحدثت", "تحدثا"]);
const ILA = new Set(["الي"]);

/** the word sets events test tokens against; each gets one bit */
const BIT_SETS = [
  "callNouns",
  "phone",
  "make",
  "receive",
  "contact",
  "discuss",
  "happen",
  "talk",
  "future",
  "notCalls",
  "initiative",
  "condolence",
  "subjectVerbs",
] as const;
type BitName = (typeof BIT_SETS)[number] | "ila" | "talkOnlyPhone";
const B = Object.fromEntries([...BIT_SETS, "ila", "talkOnlyPhone"].map((n, i) => [n, 1 << i])) as Record<
  BitName,
  number
>;

/** memo per lexicon: normalised token → bit mask of the word sets it belongs to (with و/ف stripped at most) */
const BITS = new WeakMap<Lexicon, Map<string, number>>();
function tokBits(lex: Lexicon, norm: string): number {
  let m = BITS.get(lex);
  if (!m) {
    m = new Map();
    BITS.set(lex, m);
  }
  let r = m.get(norm);
  if (r === undefined) {
    r = 0;
    for (const v of variants(norm)) {
      if (v.pre !== "" && v.pre !== "و" && v.pre !== "ف") continue;
      for (const n of BIT_SETS) if (lex.sets[n].has(v.form)) r |= B[n];
      if (ILA.has(v.form)) r |= B.ila;
      if (TALK_ONLY_PHONE.has(v.form)) r |= B.talkOnlyPhone;
    }
    if (m.size > 200_000) m.clear();
    m.set(norm, r);
  }
  return r;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (xs: Iterable<string>) => new RegExp([...xs].filter(Boolean).map(esc).join("|"));
const RE_CACHE = new WeakMap<Lexicon, { LOSS_RE: RegExp; CEASE_RE: RegExp; DEESC_RE: RegExp }>();
function lexRegexes(lex: Lexicon) {
  let r = RE_CACHE.get(lex);
  if (!r) {
    r = {
      LOSS_RE: new RegExp(`${anyOf(lex.sets.killVerbs).source}|فقد|مقتل|قتيل|جريح|اصيب|خسائر|تدمير`),
      CEASE_RE: anyOf(lex.phrases.ceasefire),
      DEESC_RE: anyOf(lex.phrases.deescalation),
    };
    RE_CACHE.set(lex, r);
  }
  return r;
}

export function extractEvents(
  units: SentenceUnit[],
  lex: Lexicon,
  reg: Registry,
  publishedAt: string | null,
): DocEvent[] {
  const events: DocEvent[] = [];
  const S = lex.sets;
  let lastSubject: string[] = [];
  let lastCallPair: string[] = [];
  let lastCallees: string[] = [];
  const callByPair = new Map<string, DocEvent>();
  let lastCall: DocEvent | null = null;
  const stmtKeys = new Set<string>();
  const { LOSS_RE, CEASE_RE, DEESC_RE } = lexRegexes(lex);
  const datedByKey = new Map<string, DocEvent>();

  const countryCounts = new Map<string, number>();
  for (const e of reg.entities.values()) if (e.kind === "Country") countryCounts.set(e.id, e.mentions.length);
  const topParties = [...countryCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map((x) => x[0]);
  const parties = () => topParties;
  const isPerson = (id: string) => reg.entities.get(id)?.kind === "Person";

  const newEvent = (
    kind: DocEvent["kind"],
    cameo: string | null,
    participants: Participant[],
    ev: Evidence,
    extra: Partial<DocEvent> = {},
  ): DocEvent => {
    const e: DocEvent = {
      id: `ev:${events.length + 1}`,
      kind,
      cameo,
      participants,
      directed: null,
      date: null,
      datePrecision: null,
      quote: null,
      quantities: [],
      evidence: [ev],
      ...extra,
    };
    events.push(e);
    return e;
  };

  for (const [si, u] of units.entries()) {
    const cs = u.chunks;
    const sent = u.sentence;
    const ev: Evidence = { sentence: sent.index, start: sent.start, end: sent.end, text: sent.text };
    const dates: DateExpr[] = findDates(u.toks, publishedAt);
    const dateNear = (c: Chunk | undefined, kinds: string[] = ["interval", "day"]): DateExpr | undefined => {
      const ds = dates.filter((d) => kinds.includes(d.precision));
      if (!ds.length) return undefined;
      if (!c) return ds[0];
      return ds.sort((a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start))[0];
    };
    const tokNorm = (c: Chunk | undefined) => (c && c.type === "tok" ? u.toks[c.s].norm : "");
    const bare = (c: Chunk | undefined) => {
      const n = tokNorm(c);
      return n.startsWith("و") && n.length > 3 ? n.slice(1) : n;
    };
    const bits = new Int32Array(u.toks.length);
    for (let q = 0; q < u.toks.length; q++) if (u.toks[q].kind === "word") bits[q] = tokBits(lex, u.toks[q].norm);
    const inSet = (c: Chunk | undefined, bit: number) => c?.type === "tok" && (bits[c.s] & bit) !== 0;
    const dualEnts = (c: Chunk): string[] => {
      const n = variants(u.toks[c.s].norm).map((v) => v.form);
      if (n.some((x) => /^(الوزير|الرييس|الزعيم)/.test(x))) return lastCallPair.length === 2 ? lastCallPair : [];
      return parties();
    };
    const actorEnts = (c: Chunk | undefined): string[] | null => {
      if (!c) return null;
      if (
        c.type === "person" ||
        c.type === "org" ||
        c.type === "orgRef" ||
        c.type === "counterpart" ||
        c.type === "source"
      )
        return c.ents?.length ? c.ents : null;
      if (c.type === "office") return c.ents?.length ? c.ents : null;
      if (c.type === "country" && c.form !== "nisba") return c.ents ?? null;
      if (c.type === "dual") return dualEnts(c);
      if (c.type === "pronoun") return lastCallees.length ? lastCallees : null;
      return null;
    };
    const isPunct = (c: Chunk) => c.type === "tok" && u.toks[c.s].kind === "punct";
    const subjectAfter = (k: number, descriptors = false): { ents: string[]; at: number; media: boolean } | null => {
      let desc = 0;
      for (let j = k + 1; j < Math.min(cs.length, k + 5 + desc); j++) {
        const c = cs[j];
        if (c.type === "media") return { ents: c.ents ?? [], at: j, media: true };
        const a = actorEnts(c);
        if (a && c.type !== "pronoun") {
          // after descriptor words only a person or a source (وقال الخبير العسكري اللواء X، المعلومات الواردة عن مصادر)
          if (desc && !(c.type === "person" || c.type === "source")) return null;
          return { ents: a, at: j, media: false };
        }
        if (c.type === "tok" && (S.skipAfter.has(bare(c)) || (isPunct(c) && u.toks[c.s].text === "،"))) continue;
        if (descriptors && desc < 3 && c.type === "tok" && isDescriptor(u.toks[c.s].norm)) {
          desc++;
          continue;
        }
        return null;
      }
      return null;
    };
    const subjectBefore = (k: number): { ents: string[]; at: number; media: boolean } | null => {
      for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
        const c = cs[j];
        if (c.type === "media") return { ents: c.ents ?? [], at: j, media: true };
        const a = actorEnts(c);
        if (a && c.type !== "pronoun") {
          const p = cs[j - 1];
          const okStart =
            !p ||
            isPunct(p) ||
            p.type === "verb" ||
            S.clauseStart.has(tokNorm(p)) ||
            (c.pre.startsWith("و") && !p.type.startsWith("t"));
          if (!okStart && !(p.type === "tok" && S.clauseStart.has(bare(p)))) return null;
          return { ents: a, at: j, media: false };
        }
        if (c.type === "tok" && (isPunct(c) || S.skipBefore.has(tokNorm(c)) || S.skipBefore.has(bare(c)))) continue;
        return null;
      }
      return null;
    };
    const actorsFrom = (j: number, maxGap = 3): { ents: string[]; end: number } => {
      const out: string[] = [];
      let k = j;
      let gap = 0;
      while (k < cs.length) {
        const a = actorEnts(cs[k]);
        if (a) {
          if (out.length && !(cs[k].pre.startsWith("و") || isPunct(cs[k - 1]))) break;
          out.push(...a);
          k++;
          gap = 0;
          continue;
        }
        if (out.length === 0 && gap < maxGap && (cs[k].type === "tok" || cs[k].type === "country")) {
          k++;
          gap++;
          continue;
        }
        if (out.length && cs[k].type === "tok" && isPunct(cs[k]) && actorEnts(cs[k + 1])) {
          k++;
          continue;
        }
        break;
      }
      return { ents: out, end: k };
    };
    const findTok = (from: number, to: number, pred: (c: Chunk) => boolean): number => {
      for (let j = from; j < Math.min(cs.length, to); j++) {
        if (cs[j].type === "verb") return -1;
        if (pred(cs[j])) return j;
      }
      return -1;
    };
    let quoteMarks: number[] | null = null;
    const quoteDepth = (k: number): boolean => {
      if (!quoteMarks) {
        quoteMarks = [];
        for (const t of u.toks) if (t.kind === "punct" && QUOTE_CHARS.has(t.text)) quoteMarks.push(t.i);
      }
      if (quoteMarks.length < 2) return false;
      let n = 0;
      for (const q of quoteMarks) if (q < cs[k].s) n++;
      return n % 2 === 1 && quoteMarks.some((q) => q > cs[k].s);
    };
    const isMa = (c: Chunk) => c.type === "tok" && (u.toks[c.s].norm === "مع" || u.toks[c.s].norm === "ومع");
    const sentenceHasPhone = PHONE_WORDS.test(u.norm);
    let sentSubject: string[] = [];
    const handledNouns = new Set<number>();

    const addCall = (caller: string, callee: string, directed: boolean, at: Chunk) => {
      if (!caller || !callee || caller === callee || !isPerson(caller) || !isPerson(callee)) return;
      if (caller.startsWith("person:unnamed:source:") || callee.startsWith("person:unnamed:source:")) return;
      const key = [caller, callee].sort().join("|");
      const existing = callByPair.get(key);
      lastCallPair = [caller, callee];
      if (existing) {
        if (!existing.evidence.some((x) => x.sentence === ev.sentence)) existing.evidence.push(ev);
        if (directed && !existing.directed) {
          existing.directed = true;
          existing.participants = [
            { role: "caller", entity: caller },
            { role: "callee", entity: callee },
          ];
        }
        lastCall = existing;
        return;
      }
      const d = dateNear(at);
      const e = newEvent(
        "PhoneCall",
        "041",
        [
          { role: "caller", entity: caller },
          { role: "callee", entity: callee },
        ],
        ev,
        { directed, date: d?.date ?? null, datePrecision: d?.precision ?? null, medium: "telephone" },
      );
      callByPair.set(key, e);
      lastCall = e;
    };
    const future = (k: number) => {
      if (inSet(cs[k], B.future)) return true;
      const t0 = u.toks[cs[k].s];
      if (/^(س|وس)(ي|ت)/.test(t0.norm) && !inSet(cs[k], B.make) && /^(وسيجري|سيجري|ستجري|وستجري)/.test(t0.norm))
        return true;
      for (let j = Math.max(0, k - 3); j < k; j++) if (inSet(cs[j], B.future)) return true;
      return false;
    };

    for (let k = 0; k < cs.length; k++) {
      const c = cs[k];
      // ---------- statements, appeals, accusations
      if (c.type === "verb" && c.verb) {
        const v = c.verb;
        // a verb inside a quotation is part of the quoted words, not a new statement
        if (quoteDepth(k)) continue;
        let speaker: string[] | null = null;
        let subjAt = -1;
        const tn = u.toks[c.s].norm;
        if (/قول(ه|ها|هم)$/.test(tn)) {
          const b =
            subjectBefore(k) ??
            (cs[k - 2] ? { ents: actorEnts(cs[k - 1]) ?? actorEnts(cs[k - 2]) ?? [], at: k - 1, media: false } : null);
          speaker = b?.ents?.length ? b.ents : null;
        } else {
          const a = v.participle ? null : subjectAfter(k, true);
          if (a?.media) {
            continue; // media attribution
          }
          if (a) {
            speaker = a.ents;
            subjAt = a.at;
          } else {
            const b = v.participle || c.pre === "و" || c.pre === "ف" ? null : subjectBefore(k);
            if (b?.media) continue;
            const nx = cs[k + 1];
            const nxn = nx && nx.type === "tok" ? u.toks[nx.s].norm : "";
            if (b) speaker = b.ents;
            else if (nx && nx.type === "tok" && nxn.startsWith("ال") && nxn !== "الي" && !S.skipAfter.has(nxn))
              speaker = null;
            else speaker = sentSubject.length ? sentSubject : lastSubject;
          }
        }
        if (!speaker?.length) continue;
        sentSubject = speaker;
        lastSubject = speaker;
        // quote
        let quote: string | null = null;
        const after = u.sentence.text.slice(c.end - sent.start);
        const qm = after.match(/["“«]([^"”»]{3,})["”»]/);
        if (qm) quote = qm[1].trim();
        // medium
        let medium: string | null = null;
        if (/كلمه متلفزه|خطاب متلفز|تصريح متلفز|كلمه تلفزيونيه/.test(u.norm)) medium = "televised speech";
        else if (/مؤتمر صحفي|مؤتمر صحافي/.test(u.norm)) medium = "press conference";
        else if (/في بيان|بيانا|بيان ل/.test(u.norm)) medium = "statement";
        else if (/مداخله هاتفيه/.test(u.norm)) medium = "phone-in";
        const d = dateNear(c);
        // addressee (appeals / accusations)
        let addressee: string[] = [];
        let kind: DocEvent["kind"] = v.kind;
        let cameo = "010";
        if (v.kind === "Appeal" || v.kind === "Accusation") {
          const start = subjAt >= 0 ? subjAt + 1 : k + 1;
          for (let j = start; j < Math.min(cs.length, start + 5); j++) {
            if (inSet(cs[j], B.ila)) break;
            const a = actorEnts(cs[j]);
            if (a) {
              addressee = a;
              break;
            }
          }
          if (v.kind === "Accusation") cameo = "112";
          else {
            const rest = u.norm.slice(Math.max(0, u.norm.indexOf(u.toks[c.s].norm)));
            const ila = rest.indexOf("الي ");
            const tail = ila >= 0 ? rest.slice(ila + 4, ila + 40) : rest.slice(0, 60);
            if ([...S.meeting].some((m) => tail.startsWith(m))) {
              kind = "MeetingCall";
              cameo = "026";
            } else if (DEESC_RE.test(rest)) cameo = "0256";
            else cameo = "020";
          }
        }
        for (const sp of speaker) {
          const dk = `${kind}|${v.lemma}|${sent.index}|${sp}`;
          if (stmtKeys.has(dk)) continue;
          stmtKeys.add(dk);
          const parts: Participant[] = [{ role: "speaker", entity: sp }];
          for (const a of addressee) if (a !== sp) parts.push({ role: "addressee", entity: a });
          newEvent(kind, cameo, parts, ev, {
            quote,
            medium,
            verb: v.lemma,
            date: d?.date ?? null,
            datePrecision: d?.precision ?? null,
          });
        }
        continue;
      }
      if (c.type !== "tok" || u.toks[c.s].kind !== "word") continue;
      if (bits[c.s] === 0) continue; // the rules below all start at a word of one of the sets
      // ---------- subject-setting verbs (أصدرت X بيانا، قدم X تعازيه)
      if (inSet(c, B.subjectVerbs) && !inSet(c, B.make) && !inSet(c, B.receive) && !inSet(c, B.contact)) {
        const a = subjectAfter(k) ?? subjectBefore(k);
        if (a && !a.media) {
          sentSubject = a.ents;
          lastSubject = a.ents;
        }
      }
      // ---------- phone calls
      const isMake = inSet(c, B.make);
      const isReceive = inSet(c, B.receive);
      const isContact = inSet(c, B.contact);
      const isDiscuss = inSet(c, B.discuss);
      const isHappen = inSet(c, B.happen);
      const isTalk = inSet(c, B.talk);
      if (isMake || isReceive || isContact || isDiscuss || isHappen || isTalk) {
        const planned = future(k) || /^(و?س)(يجري|تجري|يتصل|تتصل|يبحث|يتحادث)/.test(u.toks[c.s].norm);
        // في اتصال هاتفي تلقاه من Y، أكد X …: Y called the subject of the main clause
        if (isReceive && /(اه|ته|اها)$/.test(u.toks[c.s].norm) && !planned) {
          let noun = -1;
          for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (inSet(cs[j], B.callNouns)) noun = j;
          const min = noun >= 0 ? findTok(k + 1, k + 3, (x) => tokNorm(x) === "من") : -1;
          if (min >= 0) {
            handledNouns.add(noun);
            const callers = actorsFrom(min + 1, 0).ents.filter(isPerson);
            let callee: string | undefined;
            for (let j = min + 1; j < cs.length && !callee; j++)
              if (cs[j].type === "verb") callee = subjectAfter(j, true)?.ents.find(isPerson);
            callee = callee ?? (sentSubject.length ? sentSubject : lastSubject).find(isPerson);
            if (callers.length && callee) {
              addCall(callers[0], callee, true, c);
              lastCallees = [callee];
            }
            continue;
          }
        }
        const nounAt = findTok(k + 1, k + 9, (x) => inSet(x, B.callNouns));
        const phoneNear = findTok(k + 1, k + 8, (x) => inSet(x, B.phone)) >= 0 || (nounAt >= 0 && sentenceHasPhone);
        let subj = subjectAfter(k);
        if (subj && nounAt >= 0 && subj.at > nounAt) subj = null;
        if (!subj) subj = subjectBefore(k);
        let subjEnts = subj && !subj.media ? subj.ents : null;
        if (!subjEnts && /(اه|ته|اها)$/.test(u.toks[c.s].norm)) {
          // relative أجراه: the sentence's main subject (first person around that is not the object)
          for (let j = k + 1; j < cs.length && !subjEnts; j++)
            if (cs[j].type === "verb" || inSet(cs[j], B.discuss)) subjEnts = subjectAfter(j)?.ents ?? null;
          if (!subjEnts) subjEnts = sentSubject.length ? sentSubject : lastSubject;
        }
        if (isMake && nounAt >= 0) {
          handledNouns.add(nounAt);
          let ma = findTok(nounAt + 1, nounAt + 7, isMa);
          let from = ma + 1;
          if (ma < 0) {
            // أجرى X اتصالا هاتفيا بالرئيس Y: the callee carries the preposition ب
            ma = findTok(nounAt + 1, nounAt + 4, (x) => x.pre.endsWith("ب") && !!actorEnts(x));
            from = ma;
          }
          if (ma < 0) continue;
          if (S.notCalls.has(bare(cs[ma + 1]))) continue;
          const callees = actorsFrom(from, 0).ents.filter(isPerson);
          if (!subjEnts) subjEnts = sentSubject.length ? sentSubject : lastSubject;
          const caller = subjEnts?.find(isPerson);
          if (!caller || !callees.length) continue;
          if (planned) {
            lastCallPair = [caller, callees[0]];
            continue;
          }
          for (const ce of callees) addCall(caller, ce, true, c);
          lastCallees = callees;
          sentSubject = [caller];
          lastSubject = [caller];
          continue;
        }
        if (isReceive && nounAt >= 0) {
          handledNouns.add(nounAt);
          const min = findTok(nounAt + 1, nounAt + 6, (x) => bare(x) === "من" || tokNorm(x) === "من");
          if (min < 0) continue;
          const callers = actorsFrom(min + 1, 0).ents.filter(isPerson);
          const callee = subjEnts?.find(isPerson);
          if (!callee || !callers.length || planned) continue;
          // اتصالين هاتفيين من X و Y: one call per caller
          const several = PLURAL_CALLS.has(bare(cs[nounAt]));
          for (const cr of several ? callers : callers.slice(0, 1)) addCall(cr, callee, true, c);
          lastCallees = [callee];
          sentSubject = [callee];
          lastSubject = [callee];
          continue;
        }
        if (isContact && !planned) {
          // اتصل X بـ Y
          const start = subj && subj.at > k ? subj.at + 1 : k + 1;
          const list = actorsFrom(start, 1);
          const callees = list.ents.filter(isPerson);
          const caller = subjEnts?.find(isPerson);
          if (caller && callees.length) {
            for (const ce of callees) addCall(caller, ce, true, c);
            lastCallees = callees;
            sentSubject = [caller];
            lastSubject = [caller];
          }
          continue;
        }
        if (isHappen && nounAt >= 0 && nounAt <= k + 2) {
          handledNouns.add(nounAt);
          const bayn = findTok(nounAt + 1, nounAt + 6, (x) => tokNorm(x) === "بين");
          if (bayn < 0 || planned) continue;
          const ps = actorsFrom(bayn + 1, 0).ents.filter(isPerson);
          if (ps.length >= 2) addCall(ps[0], ps[1], false, c);
          continue;
        }
        if ((isDiscuss && phoneNear) || (isTalk && (!inSet(c, B.talkOnlyPhone) || phoneNear))) {
          if (planned) continue;
          const ma = findTok(k + 1, k + 9, isMa);
          let others: string[] = [];
          if (ma >= 0) others = actorsFrom(ma + 1, 0).ents;
          let mine = subjEnts ?? [];
          if (subj && subj.at > k) {
            const more = actorsFrom(subj.at, 0).ents;
            if (more.length > mine.length) mine = more;
          }
          const ps = [...mine, ...others].filter(isPerson);
          const uniq = [...new Set(ps)];
          if (uniq.length >= 2) {
            for (let j = 1; j < uniq.length; j++) addCall(uniq[0], uniq[j], false, c);
            lastCallees = uniq.slice(1);
          }
          continue;
        }
      }
      // ---------- "في/خلال اتصال (هاتفي) مع Y"
      if (inSet(c, B.callNouns) && !handledNouns.has(k)) {
        const prev = bare(cs[k - 1]);
        if (prev === "في" || prev === "خلال" || prev === "عبر") {
          let j = k + 1;
          while (j < cs.length && inSet(cs[j], B.phone)) j++;
          const anchor = sentSubject.length ? sentSubject : (subjectBefore(k - 1)?.ents ?? lastSubject);
          const me =
            anchor.find(isPerson) ??
            cs
              .slice(0, k)
              .flatMap((x) => (x.type === "person" ? (x.ents ?? []) : []))
              .find(isPerson);
          if (isMa(cs[j] ?? c)) {
            if (S.notCalls.has(bare(cs[j + 1])) || inSet(cs[j + 1], B.notCalls)) continue;
            const others = actorsFrom(j + 1, 0).ents.filter(isPerson);
            if (me && others.length) {
              for (const o of others) addCall(me, o, false, c);
              lastCallees = others;
            }
          } else if (me) {
            // condolence / congratulation delivered in the call: X → Y
            const cond = cs.findIndex((x, idx) => idx > k && inSet(x, B.condolence));
            if (cond > 0) {
              const ila = findTok(cond + 1, cond + 4, (x) => tokNorm(x) === "الي");
              const to = ila >= 0 ? actorsFrom(ila + 1, 0).ents.filter(isPerson) : [];
              if (to.length) addCall(me, to[0], true, c);
            }
          }
        }
      }
      // ---------- initiative: بمبادرة من الجانب X
      if (inSet(c, B.initiative) && lastCall) {
        for (let j = k + 1; j < Math.min(cs.length, k + 5); j++) {
          if (cs[j].type === "country") {
            const cc = cs[j].ents?.[0];
            const call: DocEvent = lastCall;
            const who = call.participants.find((p) => reg.entities.get(p.entity)?.country === cc);
            if (who) {
              const other = call.participants.find((p) => p.entity !== who.entity);
              call.participants = [
                { role: "caller", entity: who.entity },
                { role: "callee", entity: other?.entity as string },
              ];
              call.directed = true;
              if (!call.evidence.some((x) => x.sentence === ev.sentence)) call.evidence.push(ev);
            }
            break;
          }
        }
      }
      // ---------- condolences
      if (inSet(c, B.condolence)) {
        const by = (subjectBefore(k)?.ents ??
          (sentSubject.length
            ? sentSubject
            : cs.slice(0, k).flatMap((x) => (x.type === "person" ? (x.ents ?? []) : [])))) as string[];
        const sp = by[0] ?? lastSubject[0];
        const ila = findTok(k + 1, k + 5, (x) => tokNorm(x) === "الي" || tokNorm(x).startsWith("ل"));
        const to = ila >= 0 ? actorsFrom(ila + 1, 0).ents : [];
        if (sp) {
          const parts: Participant[] = [{ role: "speaker", entity: sp }];
          if (to[0]) parts.push({ role: "addressee", entity: to[0] });
          newEvent("Condolence", "018", parts, ev, { verb: "قدم تعازيه" });
        }
      }
    }

    // ---------- claims: quantities of losses
    const quantities: Quantity[] = [];
    const nis = (from: number, to: number): string | null => {
      for (let j = from; j < to && j < u.toks.length; j++) {
        if (j < 0) continue;
        const ch = cs.find((x) => x.s <= j && x.e > j);
        if (ch?.type === "country") return ch.ents?.[0] ?? null;
      }
      return null;
    };
    const inflicts = (j: number) => {
      const tok = u.toks[j];
      return tok !== undefined && variants(tok.norm).some((v) => S.inflictVerbs.has(v.form));
    };
    /** The country named just before token `ti`, unless a word of destruction between them makes it the agent. */
    const sufferedBefore = (ti: number): string | null => {
      for (let j = ti - 1; j >= Math.max(0, ti - 4); j--) {
        if (inflicts(j)) return null;
        const side = nis(j, j + 1);
        if (side) return side;
      }
      return null;
    };
    const sentHasLoss = /[0-9]/.test(u.norm) && LOSS_RE.test(u.norm);
    if (sentHasLoss) {
      for (let ti = 0; ti < u.toks.length; ti++) {
        const t = u.toks[ti];
        if (t.kind !== "num") continue;
        if (dates.some((d) => d.start <= t.start && d.end >= t.end)) continue;
        const value = Number(t.norm);
        if (
          u.toks[ti - 1]?.text === "-" ||
          /طراز/.test(u.toks[ti - 2]?.norm ?? "") ||
          /طراز/.test(u.toks[ti - 3]?.norm ?? "")
        )
          continue;
        const next = u.toks[ti + 1];
        let what = next
          ? lex.quantities.get(variants(next.norm).find((v) => lex.quantities.has(v.form))?.form ?? "")
          : undefined;
        if (!what && next && u.toks[ti + 2]) what = lex.quantities.get(`${next.norm} ${u.toks[ti + 2].norm}`);
        const prev1 = u.toks[ti - 1]?.norm ?? "";
        const prev2 = u.toks[ti - 2]?.norm ?? "";
        if (!what && /اصيب|جرح/.test(prev1 + prev2)) what = "wounded";
        if (!what) continue;
        const before = u.norm.slice(0, Math.max(0, u.norm.indexOf(t.norm)));
        if (
          what === "soldiers" &&
          /(القضاء علي|مقتل|قتل|فقدنا|فقد|سقوط)\s*(اكثر من|نحو|حوالي)?\s*$/.test(`${before.trim()} `)
        )
          what = "killed";
        else if (what === "soldiers" && /(القضاء علي|مقتل|فقدنا|فقد)/.test(before.slice(-40))) what = "killed";
        const approximate = S.approx.has(prev1);
        const atLeast =
          lex.phrases.atLeast.some((p) => `${prev2} ${prev1}`.endsWith(p)) ||
          lex.phrases.atLeastAfter.some((p) => u.norm.slice(u.norm.indexOf(t.norm)).slice(0, 40).includes(p));
        const side = nis(ti + 1, ti + 6) ?? sufferedBefore(ti);
        quantities.push({ value, approximate, atLeast, what, side, text: t.text });
      }
      // "destroyed 6 tanks, 15 batteries and killed 100 Armenian soldiers": the losses the subject inflicts
      // are one side's; a list that names that side once names it for every item
      const firstNum = u.toks.findIndex((t) => t.kind === "num");
      const named = new Set(quantities.map((q) => q.side).filter((x) => x !== null));
      if (named.size === 1 && u.toks.slice(0, Math.max(0, firstNum)).some((_, j) => inflicts(j))) {
        for (const q of quantities) q.side ??= [...named][0] as string;
      }
    }
    if (quantities.length) {
      const st: DocEvent[] = [];
      for (let q = events.length - 1; q >= 0 && events[q].evidence[0].sentence === sent.index; q--)
        if (events[q].kind === "Statement" || events[q].kind === "Appeal") st.unshift(events[q]);
      const claimant = st[0]?.participants[0]?.entity ?? null;
      const parts: Participant[] = claimant ? [{ role: "claimant", entity: claimant }] : [];
      const d = dateNear(undefined);
      newEvent("Claim", null, parts, ev, {
        quantities,
        verb: st[0]?.verb ?? null,
        date: d?.date ?? null,
        datePrecision: d?.precision ?? null,
      });
    }

    // ---------- dated background events: ceasefire, outbreak, clashes
    const hasCease = CEASE_RE.test(u.norm);
    const clashTok =
      dates.length === 0 && !/اشتباك/.test(u.norm)
        ? -1
        : u.toks.findIndex((t) => t.kind === "word" && variants(t.norm).some((v) => S.clash.has(v.form)));
    for (const d of dates) {
      if (d.precision === "year") {
        const win = u.norm.slice(0, Math.max(0, u.norm.indexOf(u.toks[d.tokStart].norm)));
        const tail = win.slice(-60);
        if (lex.phrases.ceasefire.some((p) => tail.includes(p))) {
          addDated("Ceasefire", "0871", d);
        } else if (/اندلع|اندلاع|بدا النزاع|النزاع/.test(win)) addDated("Clash", "190", d);
      } else if (d.precision === "interval" || (d.precision === "day" && clashTok >= 0 && !hasCease)) {
        if (clashTok >= 0 && d.precision === "interval") addDated("Clash", "190", d);
      }
    }
    if (clashTok >= 0 && /وقوع اشتباكات|اشتباكات عنيفه|المدفعيه والدبابات|استخدام الطيران/.test(u.norm)) {
      const parts = parties().map((p) => ({ role: "party", entity: p }));
      newEvent("Clash", /المدفعيه|الدبابات/.test(u.norm) ? "194" : "190", parts, ev);
    }
    if (/انتهاك (الهدنه|وقف اطلاق النار|اتفاق)|انتهكت/.test(u.norm)) {
      newEvent(
        "Ceasefire",
        "196",
        parties().map((p) => ({ role: "party", entity: p })),
        ev,
        { verb: "انتهك" },
      );
    }

    function addDated(kind: DocEvent["kind"], cameo: string, d: DateExpr) {
      const same = datedByKey.get(`${kind}|${d.date}`);
      if (same) {
        if (!same.evidence.some((x) => x.sentence === ev.sentence)) same.evidence.push(ev);
        return;
      }
      const loc = cs.find((x) => x.type === "place")?.ents?.[0];
      const parts: Participant[] = parties().map((p) => ({ role: "party", entity: p }));
      if (loc) parts.push({ role: "location", entity: loc });
      datedByKey.set(
        `${kind}|${d.date}`,
        newEvent(kind, cameo, parts, ev, { date: d.date, datePrecision: d.precision }),
      );
    }
    void si;
  }
  return events;
}

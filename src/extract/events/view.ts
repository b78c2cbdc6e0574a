/**
 * A typed view of one sentence for the event rules: its chunks with their word-set bits, its dates, and the
 * grammar the rules share — who is the subject of a verb (verb–subject or subject–verb order), which actors a
 * phrase lists, what stands after a preposition. Reads the discourse (for «الطرفان», pronouns); never writes it.
 */
import type { SentenceUnit } from "../coref.js";
import { type DateExpr, findDates } from "../dates.js";
import type { Lexicon } from "../lexicon.js";
import type { Chunk } from "../mentions.js";
import { variants, withoutWaw } from "../tokens.js";
import type { Evidence } from "../types.js";
import type { Discourse } from "./discourse.js";
import { B, tokBits } from "./words.js";

const QUOTE_CHARS = new Set(['"', "“", "”", "«", "»", "„"]);
/** definite nouns/adjectives that may describe a speaker before the name (الخبير العسكري، المعلومات الواردة عن) */
const isDescriptor = (n: string) => (n.startsWith("ال") && n.length > 3) || n === "عن";
/** prepositions inside an office title (سفير X لدى Y، المتحدث باسم الوزارة، رئيس المجلس في ليبيا) */
const TITLE_PREPOSITIONS = new Set(["في", "لدي", "باسم", "عن", "الي"]); // normalised (لدى → لدي)
const ACTOR_TYPES = new Set(["person", "org", "orgRef", "counterpart", "source", "office"]);

export interface Subject {
  ents: string[];
  at: number;
  media: boolean;
}

export class SentenceView {
  readonly cs: Chunk[];
  readonly ev: Evidence;
  readonly dates: DateExpr[];
  private readonly bits: Int32Array;
  private quoteMarks: number[] | null = null;

  constructor(
    readonly u: SentenceUnit,
    readonly lex: Lexicon,
    readonly d: Discourse,
    publishedAt: string | null,
  ) {
    this.cs = u.chunks;
    const s = u.sentence;
    this.ev = { sentence: s.index, start: s.start, end: s.end, text: s.text };
    this.dates = findDates(u.toks, publishedAt);
    this.bits = new Int32Array(u.toks.length);
    for (let q = 0; q < u.toks.length; q++) if (u.toks[q].kind === "word") this.bits[q] = tokBits(lex, u.toks[q].norm);
  }

  get S() {
    return this.lex.sets;
  }

  /** the normalised text of a plain-token chunk ("" for anything else) */
  norm(c: Chunk | undefined): string {
    return c && c.type === "tok" ? this.u.toks[c.s].norm : "";
  }

  /** as norm, without a leading conjunction و */
  bare(c: Chunk | undefined): string {
    return withoutWaw(this.norm(c));
  }

  has(c: Chunk | undefined, bit: number): boolean {
    return (c?.type === "tok" || c?.type === "verb") && (this.bits[c.s] & bit) !== 0;
  }

  /** any word set at all (most tokens belong to none, and every token rule starts at one) */
  anyBits(c: Chunk): boolean {
    return this.bits[c.s] !== 0;
  }

  isPunct(c: Chunk | undefined): boolean {
    return c?.type === "tok" && this.u.toks[c.s].kind === "punct";
  }

  /** the text of a punctuation chunk ("" for anything else) */
  punct(c: Chunk | undefined): string {
    return this.isPunct(c) ? this.u.toks[(c as Chunk).s].text : "";
  }

  isComma(c: Chunk | undefined): boolean {
    return this.punct(c) === "،" || this.punct(c) === ",";
  }

  /** a plain word, with or without a leading و */
  isWord(c: Chunk | undefined, ...forms: string[]): boolean {
    const n = this.norm(c);
    return forms.includes(n) || (n.startsWith("و") && forms.includes(n.slice(1)));
  }

  /** the entities a chunk stands for, when it is an actor */
  actorEnts(c: Chunk | undefined): string[] | null {
    if (!c) return null;
    if (ACTOR_TYPES.has(c.type)) return c.ents?.length ? c.ents : null;
    if (c.type === "country" && c.form !== "nisba") return c.ents ?? null;
    if (c.type === "dual") return this.dualEnts(c);
    if (c.type === "pronoun") return this.d.lastCallees.length ? this.d.lastCallees : null;
    return null;
  }

  /** «الوزيران/الرئيسان» are the two parties of the last call; «الطرفان/البلدان» the story's two countries */
  private dualEnts(c: Chunk): string[] {
    const n = variants(this.u.toks[c.s].norm).map((v) => v.form);
    const pair = this.d.lastCallPair.length === 2 ? this.d.lastCallPair : null;
    // «أكد الرئيسان التركي - X والروسي - Y»: the two named after the dual
    if (n.some((x) => /^(الوزير|الرييس|الزعيم)/.test(x))) return pair ?? this.namedAfter(this.cs.indexOf(c));
    // «الجانبان، الطرفان» after a call are its two parties; otherwise the story's two countries
    if (pair && n.some((x) => /^(الجانب|الطرف)/.test(x))) return pair;
    return this.d.topParties;
  }

  /** the first two persons in the few chunks after k, over nisbas, dashes and commas */
  private namedAfter(k: number): string[] {
    const out: string[] = [];
    for (let j = k + 1; j < Math.min(this.cs.length, k + 7) && out.length < 2; j++) {
      const c = this.cs[j];
      if (c.type === "person") out.push(...(c.ents ?? []).filter(this.d.isPerson));
      else if (c.type !== "country" && !(c.type === "tok" && this.isPunct(c))) break;
    }
    return out.length === 2 ? out : [];
  }

  /** the subject after a verb (verb–subject order), over time words, commas and up to three descriptors */
  subjectAfter(k: number, descriptors = false): Subject | null {
    const { cs } = this;
    let desc = 0;
    for (let j = k + 1; j < Math.min(cs.length, k + 5 + desc); j++) {
      const c = cs[j];
      if (c.type === "media") return { ents: c.ents ?? [], at: j, media: true };
      const a = this.actorEnts(c);
      if (a && c.type !== "pronoun") {
        // after descriptor words only a person or a source (وقال الخبير العسكري اللواء X، المعلومات الواردة عن مصادر)
        if (desc && !(c.type === "person" || c.type === "source")) return null;
        return { ents: a, at: j, media: false };
      }
      if (c.type === "tok" && (this.S.skipAfter.has(this.bare(c)) || this.isComma(c))) continue;
      if (descriptors && desc === 0) {
        const t = this.subjectAfterTitle(j);
        if (t) return t;
      }
      if (descriptors && desc < 3 && c.type === "tok" && isDescriptor(this.u.toks[c.s].norm)) {
        desc++;
        continue;
      }
      return null;
    }
    return null;
  }

  /**
   * the person that ends an office title the lexicon does not know, after a verb: a title head (رئيس، سفيرة،
   * المتحدث …), then at most six words, bodies, countries and the prepositions of a title (في، لدى، باسم) before
   * the name
   */
  subjectAfterTitle(j: number): Subject | null {
    const { cs } = this;
    if (cs[j]?.type !== "tok" || !this.S.titleHeads.has(this.norm(cs[j]))) return null;
    for (let q = j + 1; q < Math.min(cs.length, j + 8); q++) {
      const c = cs[q];
      if (c.type === "person") return c.ents?.length ? { ents: c.ents, at: q, media: false } : null;
      if (c.type === "country" || c.type === "org" || c.type === "orgRef" || c.type === "place") continue;
      if (c.type !== "tok" || this.u.toks[c.s].kind !== "word") return null;
      const n = this.norm(c);
      // (the stop list holds definite nouns a title may have: القوات، الجيش)
      if (this.lex.stop.has(n) && !TITLE_PREPOSITIONS.has(n) && !n.startsWith("ال")) return null;
      if (this.lex.verbs.has(n) || this.has(c, B.clauseBreak)) return null;
    }
    return null;
  }

  /** the subject before a verb (subject–verb order), when it starts a clause */
  subjectBefore(k: number): Subject | null {
    const { cs, S } = this;
    for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
      const c = cs[j];
      if (c.type === "media") return { ents: c.ents ?? [], at: j, media: true };
      const a = this.actorEnts(c);
      if (a && c.type !== "pronoun") {
        const p = cs[j - 1];
        const okStart =
          !p ||
          this.isPunct(p) ||
          p.type === "verb" ||
          S.clauseStart.has(this.norm(p)) ||
          (c.pre.startsWith("و") && !p.type.startsWith("t"));
        if (!okStart && !(p.type === "tok" && S.clauseStart.has(this.bare(p)))) return null;
        return { ents: a, at: j, media: false };
      }
      if (c.type === "tok" && (this.isPunct(c) || S.skipBefore.has(this.norm(c)) || S.skipBefore.has(this.bare(c))))
        continue;
      return null;
    }
    return null;
  }

  /** a list of actors from chunk j (X و Y، Z), after at most maxGap plain words */
  actorsFrom(j: number, maxGap = 3): { ents: string[]; end: number } {
    const { cs } = this;
    const out: string[] = [];
    let k = j;
    let gap = 0;
    while (k < cs.length) {
      const a = this.actorEnts(cs[k]);
      if (a) {
        if (out.length && !(cs[k].pre.startsWith("و") || this.isPunct(cs[k - 1]))) break;
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
      if (out.length && this.isPunct(cs[k]) && this.actorEnts(cs[k + 1])) {
        k++;
        continue;
      }
      break;
    }
    return { ents: out, end: k };
  }

  /** the first chunk in [from, to) that satisfies pred, stopping at a verb */
  findTok(from: number, to: number, pred: (c: Chunk) => boolean): number {
    const { cs } = this;
    for (let j = from; j < Math.min(cs.length, to); j++) {
      if (cs[j].type === "verb") return -1;
      if (pred(cs[j])) return j;
    }
    return -1;
  }

  /** whether chunk k stands inside a quotation */
  inQuote(k: number): boolean {
    if (!this.quoteMarks) {
      this.quoteMarks = [];
      for (const t of this.u.toks) if (t.kind === "punct" && QUOTE_CHARS.has(t.text)) this.quoteMarks.push(t.i);
    }
    const marks = this.quoteMarks;
    if (marks.length < 2) return false;
    const at = this.cs[k].s;
    let n = 0;
    for (const q of marks) if (q < at) n++;
    return n % 2 === 1 && marks.some((q) => q > at);
  }

  /** a quotation that opens with verb k and its named subject (وأضافت: “شدد سلطان عمان على …”): the source
   * reports what another said, so the verb is a statement of its own */
  opensReportedQuote(k: number): boolean {
    const prev = this.u.toks[this.cs[k].s - 1];
    const next = this.cs[k + 1];
    const opens = prev?.kind === "punct" && QUOTE_CHARS.has(prev.text);
    return opens && (next?.type === "person" || next?.type === "office");
  }

  /** the date nearest to a chunk, of the given precisions */
  dateNear(c: Chunk | undefined, kinds: string[] = ["interval", "day"]): DateExpr | undefined {
    const ds = this.dates.filter((d) => kinds.includes(d.precision));
    if (!ds.length) return undefined;
    if (!c) return ds[0];
    return ds.sort((a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start))[0];
  }

  /** the persons named in chunks [from, to) */
  personsIn(from: number, to: number): string[] {
    const out: string[] = [];
    for (let j = Math.max(0, from); j < Math.min(this.cs.length, to); j++)
      if (this.cs[j].type === "person") out.push(...(this.cs[j].ents ?? []));
    return out;
  }
}

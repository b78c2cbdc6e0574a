/**
 * Stage 4 — mentions: lexicon longest-match (clitic-aware) plus composite patterns:
 * titles ([office] [nisba|genitive country|باسم body] [،] [name]), counterparts (نظيره/نظيريه/نظرائه + nisbas
 * [+ names]), ministries (وزارة الدفاع الأرمنية / وزارة دفاع أذربيجان), press offices (المكتب الصحفي لـ…),
 * places introduced by trigger nouns (قرية X), and statement verbs.
 */
import type { LexEntry, Lexicon, VerbInfo } from "./lexicon.js";
import { commonWord, isGivenName, strongSingle } from "./names.js";
import { type Token, variants, withoutWaw } from "./tokens.js";

export type ChunkType =
  | "tok"
  | "country"
  | "person"
  | "office"
  | "org"
  | "orgRef"
  | "media"
  | "place"
  | "counterpart"
  | "dual"
  | "pronoun"
  | "source"
  | "verb";

export interface Title {
  office: string;
  /** a former holder (الرئيس السابق / وزير الخارجية الأسبق) */
  former?: boolean;
  country: string | null; // iso2 upper
  org: string | null; // org id when the title names a body (spokesperson of X)
  /** original offsets of the country designation (nisba / name) */
  span?: [number, number];
  /** the state a posted office is held in (السفير الغاني لدى كينيا: KE), iso2 upper */
  post?: string;
}

export interface Slot {
  span?: [number, number];
  country: string | null;
  person: Chunk | null;
}

export interface Chunk {
  type: ChunkType;
  s: number;
  e: number;
  start: number;
  end: number;
  text: string;
  pre: string;
  iso?: string;
  form?: "name" | "nisba" | "capital";
  personId?: string; // known person
  nameTokens?: string[]; // unknown person
  nameStart?: number;
  nameEnd?: number;
  titles?: Title[];
  office?: string;
  countries?: (string | null)[];
  count?: number;
  orgId?: string | null;
  domain?: string;
  orgCountry?: string | null;
  parent?: string | null;
  placeKey?: string | null; // org of a place (Karabakh MoD)
  placeId?: string;
  slots?: Slot[];
  verb?: VerbInfo;
  /** resolved entity ids (coreference stage) */
  ents?: string[];
  appositive?: boolean;
  /** a unit's parent body (المكتب الصحفي لـ[وزارة الدفاع]) */
  inner?: Chunk;
}

/** Chunks are instances of two classes only — TokChunk (plain tokens) and ChunkObj (everything else, all
 * fields declared): the later stages read optional fields such as `titles` / `slots` on every chunk, and
 * objects of many shapes would make each read a slow megamorphic lookup. */
class ChunkObj implements Chunk {
  iso?: string = undefined;
  form?: "name" | "nisba" | "capital" = undefined;
  personId?: string = undefined;
  nameTokens?: string[] = undefined;
  nameStart?: number = undefined;
  nameEnd?: number = undefined;
  titles?: Title[] = undefined;
  office?: string = undefined;
  countries?: (string | null)[] = undefined;
  count?: number = undefined;
  orgId?: string | null = undefined;
  domain?: string = undefined;
  orgCountry?: string | null = undefined;
  parent?: string | null = undefined;
  placeKey?: string | null = undefined;
  placeId?: string = undefined;
  slots?: Slot[] = undefined;
  verb?: VerbInfo = undefined;
  ents?: string[] = undefined;
  appositive?: boolean = undefined;
  inner?: Chunk = undefined;
  constructor(
    public type: ChunkType,
    public s: number,
    public e: number,
    public start: number,
    public end: number,
    public text: string,
    public pre: string,
  ) {}
}

/** a plain word or punctuation: most chunks of a text, kept small (a 10 MB text has two million of them) */
class TokChunk implements Chunk {
  constructor(
    public type: ChunkType,
    public s: number,
    public e: number,
    public start: number,
    public end: number,
    public text: string,
    public pre: string,
  ) {}
}

export function makeChunk(
  base: Pick<Chunk, "type" | "s" | "e" | "start" | "end" | "text" | "pre">,
  extra?: Partial<Chunk>,
): Chunk {
  if (base.type === "tok" && extra === undefined)
    return new TokChunk(base.type, base.s, base.e, base.start, base.end, base.text, base.pre);
  const c = new ChunkObj(base.type, base.s, base.e, base.start, base.end, base.text, base.pre);
  return extra === undefined ? c : Object.assign(c, extra);
}

interface Match {
  entry: LexEntry;
  e: number;
  pre: string;
}

const INERT = new WeakMap<Lexicon, Map<string, boolean>>();
const COUNTERPART = /^(نظيره|نظيرته|نظيريه|نظيرتيه|نظرايه|نظيرها|نظيرتها|نظرايها|نظيريها|نظيرهم|نظرايهم|نظيرا|نظير)$/;
const TITLE_BRIDGE = new Set(["الملك", "السلطان", "الامير", "الرييس", "الشيخ"]);
const SOURCE_HEADS = new Set(["مصادر", "مصدر", "مسوول", "مسوولون", "مسوولين"]);
/** particles of lineage and kunya: the word after them is a name (بن، ابن، بنت، أبو، أبي، أبا، ولد) */
const LINEAGE = new Set(["بن", "ابن", "بنت", "ابو", "ابي", "ابا", "ولد"]);
/** the particles that begin a compound name after a given name (جمال عبد الناصر، يحيى بن زكريا) */
const LINEAGE_OR_ABD = new Set(["عبد", "بن", "ابن", "ابو"]);
const REGNAL = new Set(["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"]);
/** bare رئيس is an office only with a country after it (رئيس الإمارات، رئيس تركيا) */
const BARE_HEAD = new Set(["رييس", "رييسه"]);
/** qualifiers between a role noun and the name: اللاعب الدولي، الفنان الكبير، الكاتب الراحل */
const INTRO_QUALIFIERS = new Set([
  "الدولي",
  "الكبير",
  "الكبيره",
  "الراحل",
  "الراحله",
  "الشاب",
  "الشابه",
  "الشهير",
  "الشهيره",
  "المعروف",
  "المعروفه",
  "السابق",
  "الاسبق",
  "الجديد",
  "الشيخ",
]);
/** words that close a bare name: the complementiser after a verb of saying (وقال X إن …), a relative, an
 * office in apposition (وقال X رئيس …) */
const CLOSERS = new Set([
  "قد",
  "وزير",
  "وزيره",
  "سفير",
  "رييس",
  "مدير",
  "نايب",
  "امين",
  "مدرب",
  "عضو",
  "احد",
  "ان",
  "انه",
  "انها",
  "الذي",
  "التي",
  "قوله",
  "قولها",
  "في",
  "من",
  "عن",
  "على",
  "علي",
  "امس",
  "اليوم",
]);
/** the head nouns of offices among CLOSERS: after two name words they begin an apposition */
const OFFICE_HEADS = new Set(["وزير", "وزيره", "سفير", "رييس", "مدير", "نايب", "امين", "مدرب", "عضو"]);
/** كان and its sisters before a nisba and a name (وكان الأميركي …) */
const KANA = new Set(["كان", "كانت", "اصبح", "اصبحت", "بات", "ظل", "ظلت", "فاز", "فازت", "سجل", "سجلت"]);
/** the shape of an imperfect verb with the future prefix (سيتناول، ستعقد) */
export const FUTURE = /^س[يتن][^اوي]..+$/;
/** an imperfect in ت (تمتد، تعتمد، تستخدم): with FUTURE, the shapes of a verb a word alone must not have */
const IMPERFECT_T = /^(ت[^اوي]..|ت[^اوي]ت..|تست...)$/;
const TAFAAUL = /^ت.ا..$/;
const FORMER = new Set(["السابق", "الاسبق", "السابقه", "الاسبقه"]);
const QUOTES = new Set(['"', "'", "“", "”", "«", "»", "„"]);
export const isQuote = (t: Token | undefined) => !!t && t.kind === "punct" && QUOTES.has(t.text);
const isComma = (t: Token | undefined) => !!t && t.kind === "punct" && (t.text === "،" || t.text === ",");

export function matchAt(
  toks: Token[],
  i: number,
  lex: Lexicon,
  accept?: (e: LexEntry) => boolean,
  allowPre = true,
): Match | null {
  const t = toks[i];
  if (t?.kind !== "word") return null;
  let best: Match | null = null;
  const vs = allowPre ? variants(t.norm) : [{ form: t.norm, pre: "" }];
  for (const v of vs) {
    const list = lex.index.get(v.form);
    if (!list) continue;
    for (const entry of list) {
      const L = entry.tokens.length;
      if (best && L <= best.e - i) continue;
      if (accept && !accept(entry)) continue;
      let ok = true;
      for (let k = 1; k < L; k++) {
        const tk = toks[i + k];
        if (!tk || tk.norm !== entry.tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        if (!best || L > best.e - i || (L === best.e - i && TYPE_RANK[entry.type] < TYPE_RANK[best.entry.type])) {
          best = { entry, e: i + L, pre: v.pre };
        }
      }
    }
  }
  return best;
}

const TYPE_RANK: Record<string, number> = {
  person: 0,
  named: 1,
  office: 2,
  domain: 3,
  unit: 4,
  country: 5,
  capital: 6,
  place: 7,
  nisba: 8,
  media: 9,
  mediaHead: 10,
  domainBare: 11,
  placeTrigger: 12,
};

export class Mentioner {
  constructor(
    private lex: Lexicon,
    private toks: Token[],
    private text: string,
  ) {}

  chunk(type: ChunkType, s: number, e: number, pre = "", extra: Partial<Chunk> = {}): Chunk {
    const start = this.toks[s].start;
    const end = this.toks[e - 1].end;
    // plain tokens never need their text (saves a string per word on large texts)
    return makeChunk({ type, s, e, start, end, text: type === "tok" ? "" : this.text.slice(start, end), pre }, extra);
  }

  /** word usable as part of a person's name */
  nameLike(i: number, allowArticle: boolean, allowWaw = false, givenStop = false): boolean {
    const t = this.toks[i];
    if (t?.kind !== "word" || t.norm.length < 2) return false;
    const lex = this.lex;
    let n = t.norm;
    if (allowWaw && n.startsWith("و") && n.length > 3) n = n.slice(1);
    // a given name spelled like a function word (علي / على) or an office (أمير) only where a name is expected
    if (givenStop && isGivenName(lex, n) && !n.startsWith("ال")) return true;
    if (lex.stop.has(n) || lex.honorifics.has(n) || lex.roles.has(n)) return false;
    if (!allowWaw && commonWord(lex, t)) return false;
    // a word of the event sets that ends a name before a comma is the family name (محمد إسحاق دار،)
    const closing = allowArticle && isComma(this.toks[i + 1]);
    for (const v of variants(n)) {
      if (lex.verbs.has(v.form) || lex.stop.has(v.form)) return false;
      if (!closing && (v.pre === "" || v.pre === "و")) {
        const sets = lex.sets;
        if (sets.callNouns.has(v.form) || sets.phone.has(v.form) || sets.make.has(v.form) || sets.receive.has(v.form))
          return false;
        if (sets.contact.has(v.form) || sets.discuss.has(v.form) || sets.happen.has(v.form) || sets.talk.has(v.form))
          return false;
        if (sets.future.has(v.form) || sets.parties.has(v.form) || sets.delegations?.has(v.form)) return false;
      }
    }
    if (/^(نظير|نظرا)/.test(n)) return false;
    const m = matchAt(
      this.toks,
      i,
      lex,
      (e) => e.type !== "person" && e.type !== "media" && e.type !== "mediaHead",
      true,
    );
    // a nisba without the article after a name word is a family name (جون كندي); with it, it qualifies
    const nisbaFamily =
      allowArticle && m?.entry.type === "nisba" && m.pre === "" && m.e === i + 1 && !n.startsWith("ال");
    // a given name spelled like a country, with a family name after it (جورجيا ميلوني)
    const givenCountry = m?.entry.type === "country" && m.e === i + 1 && lex.given.has(n) && this.familyAfter(i + 1);
    if (m && !nisbaFamily && !givenCountry) return false;
    // (a given name may begin like the article once folded: إلياس، إلهام)
    if (n.startsWith("ال") && !allowArticle && !this.lex.given.has(n)) return false;
    if (/[0-9]/.test(n)) return false;
    // a preposition or conjunction glued to the article is never inside a name (بلينكن للصحفيين)
    if (n.length > 4 && /^(لل|بال|وال|فال|كال)/.test(n)) return false;
    // derived verbs (استمر، استغرق، انتهى) do not continue a name (ترامب استمر ساعتين)
    if (allowArticle && n.length >= 5 && /^(است|انت|اعت|ابت)/.test(n)) return false;
    return true;
  }

  /** a run of name tokens starting at i; returns end index or -1.
   * nisbaSurname: a nisba with the article may close a name of 2+ tokens (محمد شياع السوداني) — only after a
   * title that already named the country. */
  nameRun(i: number, allowWaw = false, nisbaSurname = false, regnal = false): number {
    const lex = this.lex;
    let k = i;
    let count = 0;
    let particle = false;
    let particles = 0;
    let lineage = false;
    while (k < this.toks.length && count < (particles ? 9 : 4)) {
      const first = k === i;
      const canArticle = particle || count >= 1;
      const givenStop = first
        ? this.givenOrParticle(k + 1) ||
          (this.isHonorific(this.toks[k - 1]?.norm ?? "") && lex.stop.has(this.toks[k].norm))
        : !particle && (!lex.stop.has(this.toks[k].norm) || this.givenAsWritten(k)) && this.nameLike(k + 1, false);
      // a lineage particle inside a name is a name word even when it is a common word too (ولد الغزواني)
      const inner = !first && LINEAGE.has(this.toks[k].norm) && this.lineageWord(k + 1);
      const word = lineage ? this.lineageWord(k) : inner || this.nameLike(k, canArticle, first && allowWaw, givenStop);
      if (!word || (!first && this.nameBreak(k, count, particle))) {
        const named = count >= 2 || (count === 1 && this.lex.given.has(this.toks[i].norm));
        if (nisbaSurname && named && !particle && this.isNisbaSurname(k)) {
          k++;
          count++;
        }
        break;
      }
      const n = this.toks[k].norm;
      const isParticle = lex.particles.has(first && allowWaw && n.startsWith("و") ? n.slice(1) : n);
      if (isParticle) particles++;
      count++;
      k++;
      // an article-bearing token ends the name (أيمن الصفدي); a given name folded like one does not (إلياس)
      // … nor the article of a compound given name (زين الدين زيدان، عطا الله مهاجراني)
      const compound = count >= 2 && lex.given.has(`${this.toks[k - 2].norm} ${n}`);
      if (n.startsWith("ال") && !particle && !isParticle && !lex.given.has(n) && !compound) break;
      // after ولد a definite word is the family and ends the name, unless the lineage goes on (محمد ولد الغزواني)
      if (this.toks[k - 2]?.norm === "ولد" && n.startsWith("ال") && !lex.particles.has(this.toks[k]?.norm ?? "")) break;
      // (a particle after three words goes on: لويس إيناسيو لولا دا سيلفا)
      const more = lex.particles.has(this.toks[k]?.norm ?? "") && this.nameLike(k + 1, false);
      if (count >= 3 && !isParticle && !particle && !more) break;
      // the family after آل closes the name (محمد بن راشد آل مكتوم)
      if (particle && this.toks[k - 2].norm === "ال") break;
      particle = isParticle;
      lineage = isParticle && LINEAGE.has(n);
    }
    if (count === 0) return -1;
    // a given name spelled like a function word (علي / على) is a name only with more name after it
    if (count === 1 && this.lex.stop.has(this.toks[i].norm) && !this.isHonorific(this.toks[i - 1]?.norm ?? ""))
      return -1;
    // a name cannot end with a particle (سعد بن أبي …)
    while (k > i && lex.particles.has(this.toks[k - 1].norm)) k--;
    if (k === i) return -1;
    // regnal ordinal after a king's / emir's name (عبد الله الثاني، محمد السادس)
    if (regnal && REGNAL.has(this.toks[k]?.norm ?? "")) return k + 1;
    // a third plain token followed by a definite noun is a noun in construct (كارل نيهامر ملف الهجرة)
    if (count === 3 && particles === 0 && !this.toks[k - 1].norm.startsWith("ال")) {
      const nx = this.toks[k];
      if (nx?.kind === "word" && nx.norm.startsWith("ال") && !lex.stop.has(nx.norm) && !matchAt(this.toks, k, lex))
        return k - 1;
    }
    return k;
  }

  /** the word after بن، أبو، أبي: a noun in construct, so a name even when it is also a common word or a verb
   * (علي بن أبي طالب، أبو طالب); not a function word, a number or a word with a pronoun (ابن عمه) */
  lineageWord(k: number): boolean {
    const t = this.toks[k];
    if (t?.kind !== "word" || t.norm.length < 2 || this.lex.stop.has(t.norm) || /[0-9]/.test(t.norm)) return false;
    return !/(ه|ها|هم|هما)$/.test(t.text) || isGivenName(this.lex, t.norm);
  }

  /** a strong unknown word at k that ends the name: a family name */
  familyAfter(k: number): boolean {
    const t = this.toks[k];
    return !!t && strongSingle(this.lex, t) && !matchAt(this.toks, k, this.lex) && !this.nameLike(k + 1, true);
  }

  /** a given name that folds like a function word, written as the name (علي, not the preposition على) */
  givenAsWritten(k: number): boolean {
    const t = this.toks[k];
    return isGivenName(this.lex, t.norm) && t.text.endsWith("ي");
  }

  /** the token at k closes a name: punctuation, the end, or a function word (CLOSERS) */
  closesAt(k: number): boolean {
    const t = this.toks[k];
    return t?.kind !== "word" || CLOSERS.has(t.norm);
  }

  /** a word that cannot continue a name of `count` words: و + a given name starts the next name of a list
   * (محمود وعمرو); a definite feminine noun after two names is not a family name */
  nameBreak(k: number, count: number, afterParticle: boolean): boolean {
    const n = this.toks[k].norm;
    if (n.startsWith("و") && n.length > 3 && !this.lex.given.has(n) && isGivenName(this.lex, n.slice(1))) return true;
    // two family names joined by و (بوش وبلير): a second word with و after a word that is no given name
    if (count === 1 && n.startsWith("و") && n.length > 3 && !isGivenName(this.lex, this.toks[k - 1].norm)) return true;
    // a preposition glued to a feminine noun (زيان بخطورة الموقف); a family name in ة closes (ناصر بوريطة في …،
    // ناصر بوريطة ونظيره …)
    const familyClosed = this.closesAt(k + 1) || /^ونظير/.test(this.toks[k + 1]?.norm ?? "");
    if (/^[بلك]/.test(n) && this.toks[k].text.endsWith("ة") && !isGivenName(this.lex, n) && !familyClosed) return true;
    // a verb with the future prefix after a name (شيراك سيقرر), not after a particle (دا سيلفا)
    if (FUTURE.test(n) && !afterParticle && !isGivenName(this.lex, n)) return true;
    // a third plain word: a patronymic chain (محمد حسني مبارك، حسن شيخ محمود) has a given name second or third;
    // else only a closed name
    if (count === 2 && !afterParticle && !n.startsWith("ال") && !this.lex.particles.has(n)) {
      const second = this.toks[k - 1].norm;
      const nx = this.toks[k + 1];
      // closed: by punctuation, a function word, a definite word or a word with و (شي جين بينغ الأسبوع …)
      const closed =
        this.closesAt(k + 1) ||
        nx.norm.startsWith("ال") ||
        nx.norm.startsWith("و") ||
        this.lex.verbs.has(nx.norm) ||
        this.lex.common.has(nx.norm);
      const compound = this.lex.particles.has(this.toks[k - 2].norm); // عبد الرحيم كاستيلانوس
      const chain =
        compound || isGivenName(this.lex, second) || this.lex.particles.has(second) || isGivenName(this.lex, n);
      if (!chain && !closed) return true;
    }
    // a definite third word after two plain names is a family name in the nisba shape (محمد شياع السوداني), after
    // a given name (علي حسن المجيد) or in a compound (حسن نصر الله); else a noun (نيكولاي دافيدنكو المصنف)
    if (count === 2 && !afterParticle && n.startsWith("ال") && !n.endsWith("ي")) {
      const second = this.toks[k - 1].norm;
      const noParticle = !this.lex.particles.has(this.toks[k - 2].norm);
      if (noParticle && !isGivenName(this.lex, second) && !this.lex.given.has(`${second} ${n}`)) return true;
    }
    if (count >= 2 && !this.lex.particles.has(n)) {
      // و after two names joins the next name (جورج بوش ورايس); after a particle it is the name's (بن أبي وقاص)
      if (n.startsWith("و") && n.length > 3 && !this.lex.given.has(n) && !afterParticle) return true;
      // an indefinite accusative after two names is the object (دونالد رامسفيلد مؤتمرا), unless the second is a
      // given name too (كارلوس ألبرتو باريرا), or a particle (لولا دا سيلفا)
      const accusative = n.endsWith("ا") && !afterParticle && !isGivenName(this.lex, n);
      if (accusative && !this.lex.given.has(this.toks[k - 1].norm)) return true;
    }
    // an office head after two names starts the apposition (برونو موتان أمين متاحف فرنسا), unless nothing follows
    // it, where it is the family name (أحمد محمد أمين،)
    if (count >= 2 && OFFICE_HEADS.has(n) && this.toks[k + 1]?.kind === "word") return true;
    // a past verb of the form تفاعل after two names (جورج بوش تجاوز)
    if (count >= 2 && TAFAAUL.test(n) && !isGivenName(this.lex, n)) return true;
    // a feminine common noun after two names (جورج بوش الأزمة، ماتي كوسكينن جولة): family names rarely end in ة,
    // but a definite one closes a compound or a lineage (عبد الحميد الدبيبة، خالد بن حمد العطية،)
    const lineageFamily =
      n.startsWith("ال") && this.closesAt(k + 1) && this.lex.particles.has(this.toks[k - 2]?.norm ?? "");
    if (!afterParticle && count >= 2 && this.toks[k].text.endsWith("ة") && !isGivenName(this.lex, n) && !lineageFamily)
      return true;
    return false;
  }

  /** an unknown name standing alone (1–3 strong words, not a lexicon entry) and closed by punctuation, a
   * function word or the end of the sentence: the subject after a verb of saying, the name after a nisba */
  bareNameAt(k: number): Chunk | null {
    const t = this.toks[k];
    if (t?.kind !== "word" || t.norm.startsWith("ال") || !strongSingle(this.lex, t)) return null;
    // one word alone must not have the shape of a verb (كان سيحدث، وكانت تمتد)
    if (
      !isGivenName(this.lex, t.norm) &&
      (FUTURE.test(t.norm) || IMPERFECT_T.test(t.norm)) &&
      !this.nameLike(k + 1, true)
    )
      return null;
    if (matchAt(this.toks, k, this.lex, undefined, false)) return null;
    const p = this.personAt(k);
    if (!p || p.personId || !p.nameTokens) return null;
    for (let q = p.s; q < p.e; q++) if (!strongSingle(this.lex, this.toks[q])) return null;
    return this.closesAt(p.e) || this.lex.verbs.has(this.toks[p.e].norm) ? p : null;
  }

  /** after a verb of saying, one strong word and an adverbial accusative (وقال بيسكوف ردا على سؤال، وقال X تعليقا) */
  nameBeforeAdverbial(k: number): Chunk | null {
    const t = this.toks[k];
    const next = this.toks[k + 1];
    if (t?.kind !== "word" || next?.kind !== "word" || t.norm.startsWith("ال") || !strongSingle(this.lex, t))
      return null;
    const n = next.norm;
    const adverbial = n.length >= 3 && n.endsWith("ا") && !n.endsWith("ها") && !this.lex.stop.has(n);
    if (!adverbial || isGivenName(this.lex, n) || strongSingle(this.lex, next)) return null;
    if (matchAt(this.toks, k, this.lex, undefined, false)) return null;
    return this.chunk("person", k, k + 1, "", { nameTokens: [t.norm], nameStart: t.start, nameEnd: t.end });
  }

  /** a given name that is also a common word, with a strong family name, closed (…، دان غيلرمان ،) */
  closedPair(i: number): Chunk | null {
    const p = this.personAt(i, true);
    if (!p || p.personId || p.nameTokens?.length !== 2 || !strongSingle(this.lex, this.toks[p.e - 1])) return null;
    if (this.lex.givenAmbiguous.has(withoutWaw(this.toks[i].norm)) && this.adjectiveShape(p.e - 1)) return null;
    return this.closesAt(p.e) || this.toks[p.e].norm.startsWith("و") ? p : null;
  }

  /** the name of two words or more that ends an office title (the title names the country, as in titledPerson) */
  nameAfterTitleAt(k: number): Chunk | null {
    const t = this.toks[k];
    if (t?.kind !== "word" || t.norm.startsWith("ال") || this.lex.stop.has(t.norm)) return null;
    if (matchAt(this.toks, k, this.lex, undefined, false)) return null;
    const p = this.personAt(k, false, true);
    return p && (p.personId || (p.nameTokens?.length ?? 0) >= 2) ? p : null;
  }

  /** a title head (رئيس، سفيرة، المتحدث …) at most four words before i, with only words between */
  titleHeadBefore(i: number): boolean {
    for (let q = i - 1; q >= Math.max(0, i - 4); q--) {
      const t = this.toks[q];
      if (t.kind !== "word" || this.lex.verbs.has(t.norm)) return false;
      if (this.lex.sets.titleHeads?.has(t.norm)) return true;
    }
    return false;
  }

  /** the word before i is a noun that a nisba at i would qualify (الجيش التركي) */
  qualifiesNoun(i: number): boolean {
    const b = this.toks[i - 1];
    if (b?.kind !== "word") return false;
    const v = withoutWaw(b.norm);
    return !this.lex.verbs.has(b.norm) && !this.lex.verbs.has(v) && !KANA.has(v) && !this.lex.stop.has(b.norm);
  }

  /** a known given name or a name particle at k (علي عبدالله …، علي بن …) */
  givenOrParticle(k: number): boolean {
    const t = this.toks[k];
    return t?.kind === "word" && (this.lex.given.has(t.norm) || this.lex.particles.has(t.norm));
  }

  /** الفلاني used as a family name: a nisba with the article, not followed by another name token */
  isNisbaSurname(k: number): boolean {
    const t = this.toks[k];
    if (t?.kind !== "word" || !t.norm.startsWith("ال")) return false;
    const m = matchAt(this.toks, k, this.lex, undefined, false);
    return !!m && m.entry.type === "nisba" && m.e === k + 1;
  }

  /** first token of a name is a known given name */
  isGiven(norm: string, ambiguousToo: boolean): boolean {
    const n = norm.startsWith("و") && norm.length > 3 && !this.lex.given.has(norm) ? norm.slice(1) : norm;
    return this.lex.given.has(n) || (ambiguousToo && this.lex.givenAmbiguous.has(n));
  }

  isHonorific(norm: string): boolean {
    return this.lex.honorifics.has(norm) || this.lex.roles.has(norm);
  }

  /** honorifics and role nouns, then nisbas and qualifiers before the name (اللاعب المصري الدولي …) */
  skipIntro(i: number): number {
    let j = this.skipHonorifics(i);
    if (j === i) return i;
    for (let g = 0; g < 3; g++) {
      const t = this.toks[j];
      if (t?.kind !== "word" || !t.norm.startsWith("ال")) break;
      if (INTRO_QUALIFIERS.has(t.norm) || this.isNisbaSurname(j)) j++;
      else break;
    }
    return this.skipHonorifics(j);
  }

  /** honorifics (الشيخ، الأمير، اللواء …) and role nouns (الفنان، اللاعب …) standing before a name */
  skipHonorifics(j: number, clitic = true): number {
    let k = j;
    // the first may carry a clitic (والسيد بدر، بالشيخ محمد، للأمير فيصل); not after a title, where «والشيخ» is
    // the next person
    if (clitic && this.honorificClitic(k) !== null) k++;
    // a rank's «أول» belongs to it (الفريق أول ركن)
    const rank = (n: string) => this.isHonorific(n) || (n === "اول" && k > j);
    while (k < this.toks.length && this.toks[k].kind === "word" && rank(this.toks[k].norm)) k++;
    return k;
  }

  /** the clitic (و، ب، ل، وب …) carried by an honorific at i, or null when i holds no honorific with one */
  honorificClitic(i: number): string | null {
    const t = this.toks[i];
    if (t?.kind !== "word" || t.norm.length <= 4) return null;
    for (const v of variants(t.norm)) if (v.pre && this.isHonorific(v.form)) return v.pre;
    return null;
  }

  /** known person or unknown name at i (quotes allowed around it) */
  personAt(i: number, allowWaw = false, nisbaSurname = false, regnal = false): Chunk | null {
    let k = i;
    let quoted = false;
    if (isQuote(this.toks[k])) {
      k++;
      quoted = true;
    }
    const m = matchAt(this.toks, k, this.lex, (e) => e.type === "person");
    if (m && (m.pre === "" || (allowWaw && m.pre === "و"))) {
      // a known name the text gives in full, with more of its lineage (محمد بن سلمان بن عبد العزيز آل سعود)
      const full = this.lex.particles.has(this.toks[m.e]?.norm ?? "") ? this.nameRun(m.e) : -1;
      // the family after آل (folded like the article) closes it: عبدالله بن زايد آل نهيان
      const clan = this.toks[m.e]?.norm === "ال" && this.toks[m.e + 1]?.kind === "word" ? m.e + 2 : -1;
      const last = full > m.e + 1 ? full : clan > 0 ? clan : m.e;
      let e = last;
      if (quoted && isQuote(this.toks[e])) e++;
      const c = this.chunk("person", i, e, m.pre, {
        personId: m.entry.ref,
        nameStart: this.toks[k].start + m.pre.length,
        nameEnd: this.toks[last - 1].end,
      });
      return c;
    }
    const e0 = this.nameRun(k, allowWaw, nisbaSurname, regnal);
    if (e0 > k) {
      let e = e0;
      if (quoted && !isQuote(this.toks[e])) return null;
      if (quoted) e++;
      const toks = this.toks.slice(k, e0).map((t) => t.norm);
      let pre = "";
      const wawGiven = !this.lex.given.has(toks[0]) && isGivenName(this.lex, toks[0].slice(1));
      if (allowWaw && toks[0].startsWith("و") && (wawGiven || !this.nameLike(k, false, false))) {
        toks[0] = toks[0].slice(1);
        pre = "و";
      }
      // a single unknown token is accepted only after a title (caller decides)
      return this.chunk("person", i, e, pre, {
        nameTokens: toks,
        nameStart: this.toks[k].start + pre.length,
        nameEnd: this.toks[e0 - 1].end,
      });
    }
    return null;
  }

  /** the state a posted office is held in, after لدى or في (لدى كينيا، في نيروبي), not its own state; or the
   * international body it is posted to (سفيرة البرتغال لدى الأمم المتحدة), with no state */
  postingAt(k: number, own: string | null): { iso?: string; e: number } | null {
    const t = this.toks[k];
    if (!t || (t.norm !== "لدي" && t.norm !== "في")) return null;
    const m = matchAt(this.toks, k + 1, this.lex, (e) => e.type === "country" || e.type === "capital");
    if (m && m.pre === "" && m.entry.ref !== own) return { iso: m.entry.ref, e: m.e };
    const body = t.norm === "لدي" ? this.orgAt(k + 1, [""]) : null;
    return body?.orgId ? { e: body.e } : null;
  }

  /** country designation after an office/ministry head: nisba, genitive name, في + name */
  countryAfter(i: number, allowGenitive: boolean): { iso: string | null; place: string | null; e: number } | null {
    const m = matchAt(
      this.toks,
      i,
      this.lex,
      (e) => e.type === "nisba" || e.type === "country" || e.type === "capital" || e.type === "place",
    );
    if (m) {
      if (m.entry.type === "nisba" && m.pre === "") return { iso: m.entry.ref, place: null, e: m.e };
      if (allowGenitive && (m.pre === "" || m.pre === "ب" || m.pre === "ل")) {
        if (m.entry.type === "place") return { iso: null, place: m.entry.ref, e: m.e };
        if (m.entry.type !== "nisba") return { iso: m.entry.ref, place: null, e: m.e };
      }
    }
    const t = this.toks[i];
    // (only في: the country after لدى is the host of an envoy, not the country of the title: سفير مصر لدى الأردن)
    if (allowGenitive && t && t.norm === "في") {
      const m2 = matchAt(this.toks, i + 1, this.lex, (e) => e.type === "country" || e.type === "capital");
      if (m2 && m2.pre === "") return { iso: m2.entry.ref, place: null, e: m2.e };
    }
    return null;
  }

  /**
   * رئيس + a body the lexicon does not know (definite words) + a name of two words or more (رئيس المجلس الرئاسي
   * لحكومة الوفاق فائز السراج): the person, with no office the lexicon could name
   */
  bodyHeadName(i: number, m: Match): Chunk | null {
    for (let j = m.e; j < Math.min(this.toks.length, m.e + 5); j++) {
      const t = this.toks[j];
      if (j > m.e && !t.norm.startsWith("ال") && (this.isGiven(t.norm, false) || strongSingle(this.lex, t))) {
        const p = this.personAt(j, false, true);
        if (p && !p.personId && (p.nameTokens?.length ?? 0) >= 2)
          return this.chunk("person", i, p.e, m.pre, {
            nameTokens: p.nameTokens,
            nameStart: p.nameStart,
            nameEnd: p.nameEnd,
          });
        return null;
      }
      const body = t.kind === "word" && /^(ال|لل|وال|ل)/.test(t.norm) && !this.lex.stop.has(t.norm);
      if (!body || this.lex.verbs.has(t.norm)) return null;
    }
    return null;
  }

  /**
   * the country at the end of a body named in plain words after a title (رئيس وزراء حكومة الوحدة الوطنية في ليبيا،
   * وزير الدولة للشؤون الخارجية في قطر): at most four content words, then في and the country; the body's words
   * join the title
   */
  bodyInCountry(i: number, count = 1): { iso: string | null; place: string | null; e: number } | null {
    for (let j = i + 1; j <= i + 4 && j < this.toks.length; j++) {
      const t = this.toks[j - 1];
      // (a dual title's body may be definite nouns the stop list holds: رئيسا أركان القوات المسلحة لـ…)
      const stop = this.lex.stop.has(t.norm) && t.norm !== "رييس" && !(count > 1 && t.norm.startsWith("ال"));
      if (t.kind !== "word" || stop || this.lex.verbs.has(t.norm)) return null;
      // a name or a verb with its conjunction is the holder and the clause, not the body (وزير الداخلية نيكولا …)
      if (this.lex.given.has(t.norm) || variants(t.norm).some((v) => v.pre !== "" && this.lex.verbs.has(v.form)))
        return null;
      const c = this.toks[j]?.norm === "في" ? this.countryAfter(j, true) : count > 1 ? this.genitiveCountryAt(j) : null;
      if (c?.iso) return c;
    }
    return null;
  }

  /** ل + an office title of a country at k (للرئيس الأوغندي، لرئيس وزراء باكستان): that country, the title's span */
  servedOfficeCountry(k: number): { iso: string | null; place: null; e: number } | null {
    const m = matchAt(this.toks, k, this.lex, (e) => e.type === "office");
    if (m?.pre !== "ل" || (m.entry.count ?? 1) > 1) return null;
    const c = this.countryAfter(m.e, true);
    return c?.iso ? { iso: c.iso, place: null, e: c.e } : null;
  }

  /** a country with the genitive ل at j (لأرمينيا): after a dual title's body it names the first of its states */
  genitiveCountryAt(j: number): { iso: string; place: null; e: number } | null {
    const m = matchAt(this.toks, j, this.lex, (e) => e.type === "country");
    return m && m.pre === "ل" ? { iso: m.entry.ref, place: null, e: m.e } : null;
  }

  /** organisation at i (named / domain [+country] / unit + ل org) */
  orgAt(i: number, pres: string[] = [""]): Chunk | null {
    const m = matchAt(
      this.toks,
      i,
      this.lex,
      (e) => e.type === "named" || e.type === "domain" || e.type === "unit" || e.type === "domainBare",
    );
    if (!m || !pres.includes(m.pre)) return null;
    const type = m.entry.type;
    if (type === "named") {
      const info = this.lex.orgs.get(m.entry.ref);
      return this.chunk("org", i, m.e, m.pre, {
        orgId: m.entry.ref,
        orgCountry: info?.country ?? null,
        parent: info?.parent ?? null,
      });
    }
    if (type === "domainBare") {
      return this.chunk("orgRef", i, m.e, m.pre, { domain: m.entry.ref });
    }
    if (type === "domain") {
      const construct = !this.toks[m.e - 1].norm.startsWith("ال") || m.entry.tokens.length === 1;
      const c = this.countryAfter(m.e, construct || true);
      const domain = m.entry.ref;
      if (c) {
        const id = c.iso
          ? `org:${c.iso.toLowerCase()}:${domain}`
          : `org:${c.place?.replace("place:", "place-")}:${domain}`;
        return this.chunk("org", i, c.e, m.pre, { orgId: id, domain, orgCountry: c.iso, placeKey: c.place });
      }
      return this.chunk("org", i, m.e, m.pre, { orgId: null, domain, orgCountry: null });
    }
    // unit + ل org
    const inner = this.orgAt(m.e, ["ل"]);
    if (inner && inner.type === "org") {
      const c = this.chunk("org", i, inner.e, m.pre, {
        orgId: inner.orgId ? `${inner.orgId}:${m.entry.ref}` : null,
        domain: m.entry.ref,
        orgCountry: inner.orgCountry,
        parent: inner.orgId ?? null,
      });
      c.inner = inner;
      return c;
    }
    return null;
  }

  /** office title at i, with country / body, further offices joined by و, and the name */
  officeAt(i: number): Chunk | null {
    const m = matchAt(this.toks, i, this.lex, (e) => e.type === "office");
    if (!m) return null;
    if (!["", "و", "ف", "ل", "ب", "وب", "ول"].includes(m.pre)) return null;
    const titles: Title[] = [];
    let k = m.e;
    const count = m.entry.count ?? 1;
    const countries: (string | null)[] = [];
    const info = this.lex.offices.get(m.entry.ref);
    let orgId: string | null = null;
    let orgCountry: string | null = null;
    if (info?.byName) {
      const org = this.orgAt(k, ["", "ل"]);
      if (org) {
        k = org.e;
        orgId = org.orgId ?? null;
        orgCountry = org.orgCountry ?? null;
        if (org.type === "orgRef") orgId = `ref:${org.domain}`;
        else if (!org.orgId && org.domain) orgId = `domain:${org.domain}`;
      }
    }
    let c = this.countryAfter(k, true) ?? (orgId ? null : this.bodyInCountry(k, count));
    if (!c?.iso && m.entry.tokens.length === 1 && BARE_HEAD.has(m.entry.tokens[0])) return this.bodyHeadName(i, m);
    // an international body after the title: الأمين العام للأمم المتحدة
    if (!c && !orgId) {
      const org = this.orgAt(k, ["ل", ""]);
      if (org?.type === "org" && org.orgId && this.lex.orgs.has(org.orgId)) {
        k = org.e;
        orgId = org.orgId;
        orgCountry = org.orgCountry ?? null;
      }
    }
    // the office it serves, with its country: المبعوث الخاص للرئيس الأوغندي is Uganda's envoy
    if (!c && !orgId) c = this.servedOfficeCountry(k);
    const spans: [number, number][] = [];
    if (c?.iso) {
      countries.push(c.iso);
      spans.push([this.toks[k].start, this.toks[c.e - 1].end]);
      k = c.e;
      // list of countries for dual/plural offices
      while (count > 1) {
        const t = this.toks[k];
        const m2 = matchAt(
          this.toks,
          k,
          this.lex,
          (e) => e.type === "country" || e.type === "nisba" || e.type === "capital",
        );
        if (m2 && m2.pre === "و") {
          countries.push(m2.entry.ref);
          spans.push([this.toks[k].start + 1, this.toks[m2.e - 1].end]);
          k = m2.e;
        } else if (isComma(t)) k++;
        else break;
      }
    } else if (orgCountry) countries.push(orgCountry);
    if (countries.length === 0) countries.push(null);
    const posting = count === 1 && info?.posted ? this.postingAt(k, countries[0]) : null;
    if (posting) k = posting.e;
    titles.push({ office: m.entry.ref, country: countries[0], org: orgId, span: spans[0], post: posting?.iso });
    for (let q = 1; q < spans.length; q++)
      titles.push({ office: m.entry.ref, country: countries[q], org: orgId, span: spans[q] });
    // further offices: ووزير الخارجية …
    for (;;) {
      const m3 = matchAt(this.toks, k, this.lex, (e) => e.type === "office");
      if (m3 && m3.pre === "و") {
        k = m3.e;
        c = this.countryAfter(k, true);
        if (c?.iso) k = c.e;
        titles.push({ office: m3.entry.ref, country: c?.iso ?? null, org: null });
        continue;
      }
      break;
    }
    // country given only after the second title applies to the first too
    if (!titles[0].country) {
      const tc = titles.find((t) => t.country);
      if (tc) titles[0].country = tc.country;
    }
    if (count > 1) {
      return this.chunk("office", i, k, m.pre, { office: m.entry.ref, titles, countries, count });
    }
    return this.titledPerson(i, m, k, titles, !!orgId);
  }

  /** the name after a title ending at k: [السابق] [،] [honorifics] [a second, personal title] name — a person
   * chunk with the titles, else the office alone */
  titledPerson(i: number, m: Match, k0: number, titles: Title[], hasOrg: boolean): Chunk {
    let k = k0;
    // former office holders: الرئيس الأمريكي السابق بيل كلينتون
    if (FORMER.has(this.toks[k]?.norm ?? "")) {
      for (const t of titles) t.former = true;
      k++;
    }
    let j = k;
    if (isComma(this.toks[j])) j++;
    const afterComma = j > k;
    const j0 = j;
    j = this.skipHonorifics(j, false);
    // a second, personal title before the name: العاهل الأردني الملك عبد الله الثاني
    if (TITLE_BRIDGE.has(this.toks[j]?.norm ?? "")) j = this.skipHonorifics(j + 1);
    const honorific = j > j0;
    // a country named by the title, or an honorific before the name (رئيس مجلس الوزراء السيد محمد شياع السوداني)
    const hasCountry = titles.some((t) => t.country) || hasOrg || honorific;
    const regnal = titles.some((t) => t.office === "king" || t.office === "emir" || t.office === "sultan");
    const p = this.personAt(j, false, hasCountry, regnal);
    const weak = (toks: string[]) =>
      toks.some(
        (x, ix) =>
          x.startsWith("ال") &&
          !(ix > 0 && this.lex.particles.has(toks[ix - 1])) &&
          !(hasCountry && ix > 0) &&
          !(ix > 0 && this.isGiven(toks[0], true)),
      );
    if (p && (p.personId || (p.nameTokens && p.nameTokens.length >= 1 && !weak(p.nameTokens)))) {
      // after a comma or an honorific, an unknown single token is too weak
      const single = !p.personId && (p.nameTokens?.length ?? 0) === 1;
      if (single ? !afterComma && !honorific && strongSingle(this.lex, this.toks[p.s]) : true) {
        return this.chunk("person", i, p.e, m.pre, {
          personId: p.personId,
          nameTokens: p.nameTokens,
          nameStart: p.nameStart,
          nameEnd: p.nameEnd,
          titles,
        });
      }
    }
    return this.chunk("office", i, k, m.pre, { office: m.entry.ref, titles, countries: [titles[0].country], count: 1 });
  }

  counterpartAt(i: number): Chunk | null {
    const t = this.toks[i];
    if (t?.kind !== "word") return null;
    let pre = "";
    let form = "";
    for (const v of variants(t.norm)) {
      if (COUNTERPART.test(v.form)) {
        pre = v.pre;
        form = v.form;
        break;
      }
    }
    if (!form) return null;
    const slots: Slot[] = [];
    let k = i + 1;
    let guard = 0;
    while (k < this.toks.length && guard++ < 20) {
      const tk = this.toks[k];
      if (isComma(tk) || isQuote(tk)) {
        k++;
        continue;
      }
      const m = matchAt(this.toks, k, this.lex, (e) => e.type === "nisba");
      if (
        m &&
        (m.pre === "" || m.pre === "و") &&
        (slots.length === 0 || m.pre === "و" || isComma(this.toks[k - 1]) || isQuote(this.toks[k - 1]))
      ) {
        const slot: Slot = {
          country: m.entry.ref,
          person: null,
          span: [this.toks[k].start + m.pre.length, this.toks[m.e - 1].end],
        };
        slots.push(slot);
        k = m.e;
        // interleaved name
        const p = this.personAt(k);
        if (p && (p.personId || (p.nameTokens?.length ?? 0) >= 2 || isQuote(this.toks[k]))) {
          slot.person = p;
          k = p.e;
          if (isQuote(this.toks[k])) k++;
        }
        continue;
      }
      break;
    }
    // trailing slots without nisba: singular نظيره + name
    if (slots.length === 0) {
      let j = k;
      if (isComma(this.toks[j])) j++;
      const p = this.personAt(j);
      const plural = /^(نظيريه|نظيرتيه|نظرايه|نظيريها|نظرايها|نظرايهم)$/.test(form);
      if (p && (p.personId || (p.nameTokens?.length ?? 0) >= 2)) {
        slots.push({ country: null, person: p });
        k = p.e;
        if (plural) {
          let k2 = k;
          for (let g = 0; g < 5; g++) {
            if (isComma(this.toks[k2])) k2++;
            const q = this.personAt(k2, true);
            if (!q) break;
            slots.push({ country: null, person: q });
            k = k2 = q.e;
          }
        }
      } else if (!plural) slots.push({ country: null, person: null });
      else
        return this.chunk("counterpart", i, i + 1, pre, {
          slots: [
            { country: null, person: null },
            { country: null, person: null },
          ],
        });
    } else if (slots.every((s) => !s.person)) {
      // names in apposition after the nisba list: X و Y
      let j = k;
      if (isComma(this.toks[j])) j++;
      const names: Chunk[] = [];
      for (let g = 0; g < slots.length; g++) {
        let sep = false;
        if (g > 0 && isComma(this.toks[j])) {
          j++;
          sep = true;
        }
        const q = this.personAt(j, g > 0);
        if (!q || !(q.personId || (q.nameTokens?.length ?? 0) >= 2)) break;
        // names listed after the nisbas are separated by a comma or و (X، Y و Z)
        if (g > 0 && !sep && !this.toks[j].norm.startsWith("و") && !isQuote(this.toks[j])) break;
        names.push(q);
        j = q.e;
      }
      if (names.length === slots.length) {
        names.forEach((q, g) => {
          slots[g].person = q;
        });
        k = j;
      }
    }
    return this.chunk("counterpart", i, Math.max(k, i + 1), pre, { slots });
  }

  /** a person without an office title: honorific + name (اللواء سمير فرج، الشيخ تميم بن حمد) or a known given
   * name + family name (باراك أوباما) */
  untitledPersonAt(i: number): Chunk | null {
    const t = this.toks[i];
    let j = this.skipIntro(i);
    // «السناتور الجمهوري، X Y،»: after an honorific or a role noun and its qualifiers, a name between commas
    if (j > i) {
      const adjective = /^ال.{3,}ي$/.test(this.toks[j]?.norm ?? "") ? 1 : 0; // الجمهوري، الديمقراطي
      if (isComma(this.toks[j + adjective]) && this.appositiveName(j + adjective + 1)) j += adjective + 1;
    }
    let p: Chunk | null = null;
    // after an honorific or in a kunya a nisba closes the name (الشيخ فيصل الجامايكي، أبو حمزة المصري)
    if (j > i) p = this.personAt(j, false, true);
    else if (this.isKunya(i)) p = this.personAt(i, true, true);
    // (the preposition على folds into the name علي: as written, it is no name)
    else if (this.isGiven(t.norm, false) && !/^و?على$/.test(t.text)) p = this.personAt(i, true);
    // a given name that is also a common word, then a compound name (جمال عبد الناصر، فتحي عبد الوهاب)
    else if (this.isGiven(t.norm, true) && LINEAGE_OR_ABD.has(this.toks[i + 1]?.norm ?? "")) p = this.personAt(i, true);
    else if (this.isGiven(t.norm, true)) p = this.closedPair(i);
    if (!p) return null;
    const n = p.nameTokens?.length ?? 0;
    // after an honorific or a role noun one strong word is a name (الشيخ صباح، الفنان محفوظ)
    // (or a given name spelled like a function word: الإمام علي)
    const single = n === 1 && (strongSingle(this.lex, this.toks[p.s]) || this.lex.stop.has(this.toks[p.s].norm));
    if (!(p.personId || n >= 2 || (j > i && single))) return null;
    if (j > i)
      return this.chunk("person", i, p.e, this.honorificClitic(i) ?? "", {
        personId: p.personId,
        nameTokens: p.nameTokens,
        nameStart: p.nameStart,
        nameEnd: p.nameEnd,
      });
    return p;
  }

  /** أبو/أبي + a given name or a particle: a kunya, a name from its first word (أبو عبد الله، أبي زكريا) */
  isKunya(i: number): boolean {
    const n = this.toks[i].norm;
    const bare = withoutWaw(n);
    if (bare !== "ابو" && bare !== "ابي" && bare !== "ابا") return false;
    const next = this.toks[i + 1]?.norm ?? "";
    return this.isGiven(next, true) || (this.lex.particles.has(next) && next !== "ابو" && next !== "ابي");
  }

  /** a name of two strong words or more at k, closed by a comma */
  appositiveName(k: number): boolean {
    const e = this.nameRun(k);
    if (e < k + 2 || !isComma(this.toks[e])) return false;
    for (let q = k; q < e; q++) if (!strongSingle(this.lex, this.toks[q])) return false;
    return true;
  }

  /** true when no rule of run() can start at a word with this normalised form (memoised per lexicon) */
  inert(norm: string): boolean {
    let memo = INERT.get(this.lex);
    if (!memo) {
      memo = new Map();
      INERT.set(this.lex, memo);
    }
    let r = memo.get(norm);
    if (r === undefined) {
      r = this.computeInert(norm);
      if (memo.size > 200_000) memo.clear();
      memo.set(norm, r);
    }
    return r;
  }

  private computeInert(norm: string): boolean {
    const lex = this.lex;
    for (const v of variants(norm)) {
      if (lex.verbs.has(v.form) || lex.index.has(v.form)) return false;
      if (lex.sets.parties.has(v.form) || lex.sets.pronouns.has(v.form)) return false;
      if (COUNTERPART.test(v.form)) return false;
    }
    const bare = withoutWaw(norm);
    if (SOURCE_HEADS.has(norm) || SOURCE_HEADS.has(bare)) return false;
    if (lex.honorifics.has(norm) || lex.roles.has(norm) || lex.given.has(norm) || lex.given.has(bare)) return false;
    if (lex.givenAmbiguous.has(norm) || lex.givenAmbiguous.has(bare)) return false;
    if (KANA.has(bare)) return false;
    for (const v of variants(norm)) if (lex.honorifics.has(v.form) || lex.roles.has(v.form)) return false;
    for (let p = 2; p < norm.length - 2; p++) if (norm[p] === "و") return false; // run-together names
    return true;
  }

  /** unnamed sources that speak: مصادر دبلوماسية، مصدر مسؤول، مصادر مطلعة */
  sourceAt(i: number): Chunk | null {
    const t = this.toks[i];
    const head = t.norm.startsWith("و") && t.norm.length > 4 ? t.norm.slice(1) : t.norm;
    if (!SOURCE_HEADS.has(head)) return null;
    const a = this.toks[i + 1];
    if (a?.kind !== "word" || a.norm.startsWith("ال") || this.lex.stop.has(a.norm)) return null;
    const m = matchAt(this.toks, i + 1, this.lex, undefined, false);
    if (m && m.entry.type !== "nisba") return null;
    return this.chunk("source", i, m ? m.e : i + 2, head === t.norm ? "" : "و");
  }

  placeAfterTrigger(_i: number, e: number): Chunk | null {
    let k = e;
    let skipped = 0;
    while (
      skipped < 3 &&
      this.toks[k]?.kind === "word" &&
      this.toks[k].norm.startsWith("ال") &&
      !matchAt(this.toks, k, this.lex)
    ) {
      k++;
      skipped++;
    }
    let quoted = false;
    if (isQuote(this.toks[k])) {
      quoted = true;
      k++;
    }
    const t = this.toks[k];
    if (t?.kind !== "word") return null;
    if (matchAt(this.toks, k, this.lex)) return null;
    if (!quoted && skipped > 0) return null;
    if (!this.nameLike(k, false)) return null;
    let end = k + 1;
    if (quoted) {
      while (end < this.toks.length && end - k < 3 && !isQuote(this.toks[end]) && this.toks[end].kind === "word") end++;
      if (!isQuote(this.toks[end])) end = k + 1;
    }
    const c = this.chunk("place", k, end, "");
    c.placeId = `place:${this.toks
      .slice(k, end)
      .map((x) => x.norm)
      .join("-")}`;
    return c;
  }

  /** a statement verb at i (only و/ف stripped; جاء في بيان / جاء فيه only with في) */
  verbAt(i: number): Chunk | null {
    const toks = this.toks;
    for (const v of variants(toks[i].norm)) {
      if (v.pre !== "" && v.pre !== "و" && v.pre !== "ف") continue;
      const verb = this.lex.verbs.get(v.form);
      if (!verb) continue;
      if (verb.lemma === "جاء في بيان" && toks[i + 1]?.norm !== "في" && toks[i + 1]?.norm !== "فيه") return null;
      return this.chunk("verb", i, i + 1, v.pre, { verb });
    }
    return null;
  }

  /** a word shaped like an adjective or a plural noun, not like a family name: a sound plural (صحفيين), a
   * participle (متسلط، مخزون), a pronoun suffix (ضدها) — a given name that is a common word before it is a noun
   * phrase (سلام شامل، باسم صحفيين) */
  adjectiveShape(k: number): boolean {
    const t = this.toks[k];
    if (isGivenName(this.lex, t.norm)) return false;
    return /(ين|ون|ات)$/.test(t.norm) || /^م.{4,}$/.test(t.norm) || /(ها|هم|ه|ني)$/.test(t.text);
  }

  /** a single word in the accusative or a sound plural (قادما، مقررا، انفجارات), not a given name */
  predicateShape(k: number): boolean {
    const n = this.toks[k].norm;
    return !isGivenName(this.lex, n) && n.length >= 4 && /(ا|ات)$/.test(n);
  }

  /** a word no lexicon entry starts: a source, a person without a title, a dual, a pronoun or plain text;
   * pushes its chunks and returns the next index */
  unmatchedAt(i: number, out: Chunk[]): number {
    const lex = this.lex;
    const c = this.sourceAt(i) ?? this.untitledPersonAt(i);
    if (c) {
      out.push(c);
      return c.e;
    }
    // كان and its sisters, then the subject (وكان كالديرون أعلن …)
    const norm = this.toks[i].norm;
    const kana = KANA.has(withoutWaw(norm)) ? this.bareNameAt(i + 1) : null;
    // its predicate is often one accusative or plural word (كان قادما، كانت انفجارات): no name
    const subject = kana && (kana.e - kana.s > 1 || !this.predicateShape(kana.s)) ? kana : null;
    if (subject) {
      out.push(this.chunk("tok", i, i + 1), subject);
      return subject.e;
    }
    const v0 = variants(norm);
    const dualHit = v0.find((v) => lex.sets.parties.has(v.form));
    if (dualHit) out.push(this.chunk("dual", i, i + 1, dualHit.pre));
    else if (v0.some((v) => lex.sets.pronouns.has(v.form))) out.push(this.chunk("pronoun", i, i + 1));
    else {
      // run-together countries: أرمينياوأذربيجان
      const split = this.splitRunTogether(i);
      if (split) out.push(...split);
      else out.push(this.chunk("tok", i, i + 1));
    }
    return i + 1;
  }

  /** a media head (وكالة، صحيفة) and the outlet's name: quoted, a known outlet, or one word; then a country */
  mediaHeadAt(i: number, m: Match): Chunk {
    const toks = this.toks;
    let k = m.e;
    if (isQuote(toks[k])) {
      let j = k + 1;
      while (j < toks.length && j - k < 5 && !isQuote(toks[j])) j++;
      if (isQuote(toks[j])) k = j + 1;
    } else {
      const mm = matchAt(toks, k, this.lex, (e) => e.type === "media");
      if (mm) k = mm.e;
      else if (toks[k]?.kind === "word" && !this.lex.stop.has(toks[k].norm)) k++;
    }
    const c2 = this.countryAfter(k, false);
    if (c2) k = c2.e;
    return this.chunk("media", i, k, m.pre, { orgId: null });
  }

  /** the chunk a lexicon entry starts at i (null: plain text) */
  entryChunk(i: number, m: Match): Chunk | null {
    const type = m.entry.type;
    if (type === "office") return this.officeAt(i);
    if (type === "named" || type === "domain" || type === "unit" || type === "domainBare")
      return this.orgAt(i, [m.pre]);
    if (type === "person")
      return this.personAt(i, true) ?? this.chunk("person", i, m.e, m.pre, { personId: m.entry.ref });
    if (type === "media") return this.chunk("media", i, m.e, m.pre, { orgId: m.entry.ref });
    if (type === "mediaHead") return this.mediaHeadAt(i, m);
    if (type === "place") return this.chunk("place", i, m.e, m.pre, { placeId: m.entry.ref });
    if (type === "country" || type === "capital" || type === "nisba")
      return this.chunk("country", i, m.e, m.pre, { iso: m.entry.ref, form: type === "country" ? "name" : type });
    return null;
  }

  /** a lexicon entry at i: pushes its chunks and returns the next index */
  matchedAt(i: number, m: Match, out: Chunk[]): number {
    if (m.entry.type === "placeTrigger") {
      const p = this.placeAfterTrigger(i, m.e);
      if (!p) {
        out.push(this.chunk("tok", i, i + 1));
        return i + 1;
      }
      for (let k = i; k < p.s; k++) out.push(this.chunk("tok", k, k + 1));
      out.push(p);
      return p.e;
    }
    const c = this.entryChunk(i, m);
    if (!c || c.e <= i) {
      out.push(this.chunk("tok", i, i + 1));
      return i + 1;
    }
    out.push(c);
    // a nisba that qualifies no noun before it introduces a name (وكان الأميركي كارميلو أنطوني), and so does one
    // that ends an office title the lexicon does not know (رئيس مجلس السيادة الغاني كوفي مينساه)
    const nisba = m.entry.type === "nisba" && m.pre === "";
    const bn = !nisba
      ? null
      : !this.qualifiesNoun(i)
        ? this.bareNameAt(c.e)
        : this.titleHeadBefore(i)
          ? this.nameAfterTitleAt(c.e)
          : null;
    if (bn) out.push(bn);
    return bn ? bn.e : c.e;
  }

  run(): Chunk[] {
    const out: Chunk[] = [];
    const toks = this.toks;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      // most words are plain text: one memoised lookup sends them straight through
      if (t.kind !== "word" || this.inert(t.norm)) {
        out.push(this.chunk("tok", i, i + 1));
        i++;
        continue;
      }
      const verb = this.verbAt(i);
      if (verb) {
        out.push(verb);
        i++;
        // the subject right after a verb of saying (وقال فيشمان إن …)
        const sp = this.bareNameAt(i) ?? this.nameBeforeAdverbial(i);
        if (sp) out.push(sp);
        if (sp) i = sp.e;
        continue;
      }
      const cp = this.counterpartAt(i);
      if (cp) {
        out.push(cp);
        i = cp.e;
        continue;
      }
      const m = matchAt(toks, i, this.lex);
      i = m ? this.matchedAt(i, m, out) : this.unmatchedAt(i, out);
    }
    return this.appositions(out);
  }

  splitRunTogether(i: number): Chunk[] | null {
    const t = this.toks[i];
    const n = t.norm;
    for (let p = 2; p < n.length - 2; p++) {
      if (n[p] !== "و") continue;
      const a = n.slice(0, p);
      const b = n.slice(p + 1);
      const ea = this.lex.index
        .get(a)
        ?.find((e) => e.tokens.length === 1 && (e.type === "country" || e.type === "capital"));
      const eb = this.lex.index
        .get(b)
        ?.find((e) => e.tokens.length === 1 && (e.type === "country" || e.type === "capital"));
      if (ea && eb) {
        return [
          makeChunk(
            { type: "country", s: i, e: i + 1, pre: "", start: t.start, end: t.start + p, text: t.text.slice(0, p) },
            { iso: ea.ref, form: "name" },
          ),
          makeChunk(
            {
              type: "country",
              s: i,
              e: i + 1,
              pre: "",
              start: t.start + p + 1,
              end: t.end,
              text: t.text.slice(p + 1),
            },
            { iso: eb.ref, form: "name" },
          ),
        ];
      }
    }
    return null;
  }

  /** an office right after a titled person that names another country is the next party, not an apposition
   * (التقى الرئيس الإندونيسي X رئيس الوزراء الماليزي) */
  otherCountry(person: Chunk, office: Chunk): boolean {
    const own = new Set((person.titles ?? []).map((t) => t.country).filter(Boolean));
    const theirs = (office.titles ?? []).map((t) => t.country).filter(Boolean);
    return own.size > 0 && theirs.length > 0 && theirs.every((c) => !own.has(c));
  }

  /** NAME، OFFICE … → the office is an apposition of the name */
  appositions(cs: Chunk[]): Chunk[] {
    for (let c = 0; c < cs.length; c++) {
      const ch = cs[c];
      if (ch.type !== "office" || (ch.count ?? 1) > 1) continue;
      const comma = cs[c - 1];
      if (comma && comma.type === "person" && !ch.pre && !this.otherCountry(comma, ch)) {
        comma.titles = [...(comma.titles ?? []), ...(ch.titles ?? [])];
        ch.appositive = true;
        continue;
      }
      if (comma?.type !== "tok" || !isComma(this.toks[comma.s])) continue;
      const prev = cs[c - 2];
      if (prev && prev.type === "person") {
        prev.titles = [...(prev.titles ?? []), ...(ch.titles ?? [])];
        ch.appositive = true;
        continue;
      }
      // unknown name tokens before the comma
      let b = c - 2;
      let n = 0;
      while (b >= 0 && n < 3 && cs[b].type === "tok" && this.nameLike(cs[b].s, n === 0)) {
        b--;
        n++;
      }
      const before = cs[b];
      if (n >= 2 && (!before || before.type === "verb" || before.type === "tok")) {
        const s = cs[b + 1].s;
        const e = cs[c - 2].e;
        const p = this.chunk("person", s, e, "", {
          nameTokens: this.toks.slice(s, e).map((x) => x.norm),
          nameStart: this.toks[s].start,
          nameEnd: this.toks[e - 1].end,
          titles: ch.titles,
        });
        cs.splice(b + 1, n, p);
        c = b + 2;
        cs[c].appositive = true;
      }
    }
    return cs;
  }
}

/**
 * Coreference components for people the lexicon does not know: the full names a document gives, the
 * family-name keys that re-mention them (عبداللهيان for حسين أمير عبداللهيان, جاويش أوغلو for مولود جاويش أوغلو),
 * and the plain words of the text that are such re-mentions.
 */

import { foldToken } from "../text/normalise.js";
import type { Discourse } from "./coref.js";
import type { Lexicon } from "./lexicon.js";
import { type Chunk, isQuote, makeChunk } from "./mentions.js";
import { commonWord, strongSingle } from "./names.js";
import { variants } from "./tokens.js";

/** the names of unknown people in one document */
export class NameKeys {
  /** full names (2+ words) by their key */
  full = new Map<string, string[]>();
  /** family-name key (last word, last word without the article, last two words) → full-name key */
  surname = new Map<string, string>();
  /** first words of two-word family names: only those need the pair looked up */
  surnameFirst = new Set<string>();
  /** given name (a full name's first word) → the ids of the persons of the document that bear it */
  given = new Map<string, Set<string>>();

  /** the one person of the document a lone given name after a title re-mentions (الأمير تميم), if any */
  byGiven(toks: string[]): string | null {
    if (toks.length !== 1 || this.surname.has(toks[0])) return null;
    const ids = this.given.get(toks[0]);
    return ids?.size === 1 ? ([...ids][0] as string) : null;
  }

  /** the key of an unknown person's name: a family name alone resolves to the full name given earlier */
  key(toks: string[]): string {
    const k = toks.join(" ");
    if (this.full.has(k)) return k;
    return this.surname.get(k) ?? k;
  }
}

/** the person chunks of the document; known people too when `known` (their chunks may have no name tokens) */
function personChunks(doc: Discourse, known = false): Chunk[] {
  const out: Chunk[] = [];
  const named = (c: Chunk | null | undefined): c is Chunk => !!c && (!!c.nameTokens || (known && !!c.personId));
  for (const u of doc.units)
    for (const c of u.chunks) {
      if (c.type === "person" && named(c)) out.push(c);
      for (const s of c.slots ?? []) if (named(s.person)) out.push(s.person);
    }
  return out;
}

/** the folded words of a person chunk's name */
function nameWords(doc: Discourse, c: Chunk): string[] {
  return (
    c.nameTokens ??
    doc.reg.text
      .slice(c.nameStart ?? c.start, c.nameEnd ?? c.end)
      .split(/\s+/)
      .map(foldToken)
  );
}

/** component 1: collect the full names and their family-name keys */
export function collectNames(doc: Discourse): void {
  const names = doc.names;
  const chunks = personChunks(doc);
  for (const c of chunks) {
    const toks = c.nameTokens as string[];
    if (toks.length >= 2) names.full.set(toks.join(" "), toks);
  }
  for (const [key, toks] of names.full) {
    const last = toks[toks.length - 1];
    // after a particle or in a compound given name the family is the pair (عبد الله، أبو مصعب، نصر الله)
    const pair = toks.slice(-2).join(" ");
    // a last word that is a common word (يونس جنوب) re-mentions no one
    const plain = commonWord(doc.lex, { i: 0, start: 0, end: 0, text: last, norm: last, kind: "word" });
    if (!doc.lex.particles.has(toks[toks.length - 2]) && !doc.lex.given.has(pair) && !plain) {
      names.surname.set(last, key);
      names.surname.set(last.replace(/^ال/, ""), key);
    }
    if (toks.length >= 3) names.surname.set(toks.slice(-2).join(" "), key);
  }
  for (const c of personChunks(doc, true)) {
    const toks = nameWords(doc, c);
    if (toks.length < 2 || doc.lex.particles.has(toks[0])) continue;
    const id = c.personId ?? `person:ar:${names.key(toks).replace(/ /g, "-")}`;
    const ids = names.given.get(toks[0]) ?? new Set<string>();
    names.given.set(toks[0], ids.add(id));
  }
  // a one-word name found by a rule (الرئيس بوش، الفنان محفوظ، وقال زيدان إن) is re-mentioned the same way,
  // unless it is the given name of a full name (الرئيس بولا for بولا تينوبو)
  for (const c of chunks) {
    const toks = c.nameTokens as string[];
    if (toks.length !== 1 || toks[0].length < 3 || names.surname.has(toks[0]) || names.given.has(toks[0])) continue;
    if (doc.lex.given.has(toks[0]) || doc.lex.givenAmbiguous.has(toks[0])) continue;
    names.surname.set(toks[0], toks[0]);
  }
  for (const k of names.surname.keys()) {
    const sp = k.indexOf(" ");
    if (sp > 0) names.surnameFirst.add(k.slice(0, sp));
  }
}

function personChunk(doc: Discourse, from: Chunk, to: Chunk, pre: string, toks: string[]): Chunk {
  const text = doc.reg.text.slice(from.start, to.end);
  return makeChunk(
    { type: "person", s: from.s, e: to.e, start: from.start, end: to.end, text, pre },
    { nameTokens: toks, nameStart: from.start + pre.length, nameEnd: to.end },
  );
}

/** a family-name key at a plain word (with its proclitics: لبوش، وعبداللهيان) */
function familyAt(lex: Lexicon, names: NameKeys, norm: string): { form: string; pre: string } | null {
  for (const v of variants(norm)) {
    if (v.form.length >= 3 && names.surname.has(v.form) && !lex.stop.has(v.form)) return v;
  }
  return null;
}

/** component 2: plain words that re-mention a name given earlier become person chunks */
export function markFamilyNames(doc: Discourse): void {
  const { names, lex } = doc;
  if (names.surname.size === 0) return;
  for (const u of doc.units) {
    const cs = u.chunks;
    for (let c = 0; c < cs.length; c++) {
      const ch = cs[c];
      if (ch.type !== "tok" || u.toks[ch.s].kind !== "word") continue;
      const t = u.toks[ch.s];
      const next = cs[c + 1];
      if (names.surnameFirst.has(t.norm) && next?.type === "tok") {
        const two = `${t.norm} ${u.toks[next.s].norm}`;
        if (names.surname.has(two)) {
          cs.splice(c, 2, personChunk(doc, ch, next, "", two.split(" ")));
          continue;
        }
      }
      const v = familyAt(lex, names, t.norm);
      // a single-word name (not a full name's last word) needs a strong word: never a common word
      if (v && (names.surname.get(v.form) !== v.form || strongSingle(lex, t)))
        cs[c] = personChunk(doc, ch, ch, v.pre, [v.form]);
    }
  }
}

/** component 3: «X», a name said alone in quote marks (لقاء «X» و«Y»), is one chunk with its marks, so the rules
 * read it where a name stands; its name stays the words inside them */
export function unquoteNames(doc: Discourse): void {
  for (const u of doc.units) {
    const cs = u.chunks;
    for (let c = 1; c + 1 < cs.length; c++) {
      const [open, ch, close] = [cs[c - 1], cs[c], cs[c + 1]];
      if (ch.type !== "person" || ch.pre || open.type !== "tok" || close.type !== "tok") continue;
      if (!isQuote(u.toks[open.s]) || !isQuote(u.toks[close.s]) || ch.s !== open.e || close.s !== ch.e) continue;
      ch.nameStart ??= ch.start;
      ch.nameEnd ??= ch.end;
      Object.assign(ch, { s: open.s, e: close.e, start: open.start, end: close.end });
      ch.text = doc.reg.text.slice(open.start, close.end);
      cs.splice(c + 1, 1);
      cs.splice(c - 1, 1);
    }
  }
}

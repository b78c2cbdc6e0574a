/**
 * Stage 5 — coreference and entity building, as a pipeline of small components over the document (each a
 * function of the discourse state, run in order):
 *   collectNames → markFamilyNames        unknown people's full names; family names that re-mention them
 *   unquoteNames                            a name alone in quote marks takes them into its chunk
 *   readHomographs                          عمان: Oman, or Amman where the sentence (else the document) names Jordan
 *   registerTitleCountries                  countries named inside titles and counterparts
 *   registerMentions                        people (with titles → positions), countries, places, organisations
 *                                           (a bare ministry → the one named before), media, unnamed sources
 *   knownPositions                          lexicon positions of known people without a title in the text
 *   resolveCounterparts                     نظيره … → holders of the anchor's office
 *   resolveOfficeRefs                       الرئيس الأرمني → the holder named in the document, else unnamed
 *   resolveLateCounterparts                 counterparts whose anchor an office reference resolved since
 */

import { readHomographs, registerMentions, registerTitleCountries } from "./coref-entities.js";
import { knownPositions, resolveCounterparts, resolveLateCounterparts, resolveOfficeRefs } from "./coref-holders.js";
import { collectNames, markFamilyNames, NameKeys, unquoteNames } from "./coref-names.js";
import { newEntity } from "./entity.js";
import type { Lexicon } from "./lexicon.js";
import type { Chunk } from "./mentions.js";
import type { Token } from "./tokens.js";
import type { Entity, EntityKind, Position, Sentence } from "./types.js";

export interface SentenceUnit {
  sentence: Sentence;
  toks: Token[];
  norm: string;
  chunks: Chunk[];
}

export class Registry {
  entities = new Map<string, Entity>();
  order: string[] = [];
  /** per entity: mentions already recorded (start, length) */
  seen = new Map<string, Set<number>>();
  constructor(
    public lex: Lexicon,
    public text: string,
    /** short document key: scopes ids that must not merge across documents (unnamed sources) */
    public docKey = "",
  ) {}

  ensure(id: string, kind: EntityKind, name: string, init: Partial<Entity> = {}): Entity {
    let e = this.entities.get(id);
    if (!e) {
      e = newEntity(id, kind, name, init);
      this.entities.set(id, e);
      this.order.push(id);
    }
    return e;
  }

  mention(id: string, sentence: number, start: number, end: number, nameable = true) {
    const e = this.entities.get(id);
    if (!e || end <= start) return;
    let seen = this.seen.get(id);
    if (!seen) {
      seen = new Set();
      this.seen.set(id, seen);
    }
    const mk = start * 4096 + Math.min(end - start, 4095);
    if (seen.has(mk)) return;
    seen.add(mk);
    let text = this.text.slice(start, end);
    e.mentions.push({ sentence, start, end, text });
    if (start > 0 && this.text[start - 1] === "ل" && text.startsWith("ل") && e.kind !== "Person") text = `ا${text}`;
    if (e.unnamed || !nameable) return;
    if (text.length > e.name.length && (e.kind === "Person" || e.kind === "Organization" || e.kind === "Place")) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = text;
      e.aliases = e.aliases.filter((a) => a !== text);
    } else if (text !== e.name && !e.aliases.includes(text)) e.aliases.push(text);
  }

  addPosition(id: string, p: Position) {
    const e = this.entities.get(id);
    if (!e) return;
    const same = e.positions.find((q) => q.title === p.title && (q.country === p.country || !q.country || !p.country));
    if (same) {
      if (!same.country && p.country) same.country = p.country;
      if (!same.organization && p.organization) same.organization = p.organization;
      return;
    }
    e.positions.push(p);
    if (!e.country && p.country) e.country = p.country;
  }
}

/** the discourse state the components read and extend, passed to each explicitly */
export interface Discourse {
  units: SentenceUnit[];
  lex: Lexicon;
  reg: Registry;
  publishedAt: string | null;
  /** unknown people's names and their family-name keys */
  names: NameKeys;
  /** the organisation last named per domain (mfa, mod, ministry …): a bare الوزارة refers to it */
  lastOrgByDomain: Map<string, string>;
}

export type CorefComponent = (doc: Discourse) => void;

/** the components, in order */
export const COREF_PIPELINE: readonly CorefComponent[] = [
  collectNames,
  markFamilyNames,
  unquoteNames,
  readHomographs,
  registerTitleCountries,
  registerMentions,
  knownPositions,
  resolveCounterparts,
  resolveOfficeRefs,
  resolveLateCounterparts,
];

export function resolveDocument(units: SentenceUnit[], lex: Lexicon, reg: Registry, publishedAt: string | null): void {
  const doc: Discourse = { units, lex, reg, publishedAt, names: new NameKeys(), lastOrgByDomain: new Map() };
  for (const component of COREF_PIPELINE) component(doc);
}

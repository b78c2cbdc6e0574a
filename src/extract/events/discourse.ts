/**
 * What the events stage carries from sentence to sentence, passed to every rule explicitly: the events so far,
 * the last subject (for «وأضاف» and participles), the last call (for re-mentions and «بمبادرة من»), and the
 * two main parties of the story (for «الطرفان»).
 */
import type { Registry } from "../coref.js";
import type { DocEvent, Evidence, Participant } from "../types.js";

export class Discourse {
  readonly events: DocEvent[] = [];
  /** the subject of the last clause that had one, across sentences */
  lastSubject: string[] = [];
  /** the subject of the current sentence so far (reset per sentence) */
  sentSubject: string[] = [];
  /** the person last named in the sentences before this one */
  lastPerson: string | null = null;
  lastCallPair: string[] = [];
  lastCallees: string[] = [];
  lastCall: DocEvent | null = null;
  /** the country whose side took the initiative of a call (بمبادرة من الجانب X), until a call takes it */
  initiative: string | null = null;
  /** calls by their unordered pair of parties: a pair re-mentioned is the same call */
  readonly callByPair = new Map<string, DocEvent>();
  /** statement keys already emitted (kind, verb, sentence, speaker) */
  readonly statementKeys = new Set<string>();
  /** persons who spoke with a feminine verb (قالت X): a later «وأضافت» continues them */
  readonly feminine = new Set<string>();
  /** meetings, visits and messages by kind and parties: told again, they are the same event */
  readonly gatheringByKey = new Map<string, DocEvent>();
  /** background events by kind and date */
  readonly datedByKey = new Map<string, DocEvent>();
  /** the two most mentioned countries: the parties of clashes and of «الطرفان» */
  readonly topParties: string[];

  constructor(readonly reg: Registry) {
    const counts: [string, number][] = [];
    for (const e of reg.entities.values()) if (e.kind === "Country") counts.push([e.id, e.mentions.length]);
    this.topParties = counts
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map((x) => x[0]);
  }

  isPerson = (id: string): boolean => this.reg.entities.get(id)?.kind === "Person";

  /** the subject in force: this sentence's, else the last one */
  subject(): string[] {
    return this.sentSubject.length ? this.sentSubject : this.lastSubject;
  }

  setSubject(ents: string[]): void {
    this.sentSubject = ents;
    this.lastSubject = ents;
  }

  newEvent(
    kind: DocEvent["kind"],
    cameo: string | null,
    participants: Participant[],
    ev: Evidence,
    extra: Partial<DocEvent> = {},
  ): DocEvent {
    const e: DocEvent = {
      id: `ev:${this.events.length + 1}`,
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
    this.events.push(e);
    return e;
  }
}

/** Adds a sentence to an event's evidence once. */
export function addEvidence(e: DocEvent, ev: Evidence): void {
  if (!e.evidence.some((x) => x.sentence === ev.sentence)) e.evidence.push(ev);
}

/**
 * The document graph: the contract between the extractor, the loader, the tests and outside tools.
 * Field names are fixed by issue #3; add fields, never rename. Offsets are JavaScript string indices
 * into the original text. Mirrored as JSON Schema in schema/document-graph.schema.json.
 */
import type { EventKind } from "./kinds.js";

/** the kinds and what each means are in the registry, kinds.ts */
export type { EventKind };

export type EntityKind = "Person" | "Organization" | "Country" | "Place";

export type DatePrecision = "year" | "month" | "day" | "interval";

export interface DocumentMeta {
  id: string;
  language: string;
  source: string | null;
  publishedAt: string | null; // YYYY-MM-DD
  /** sha256 of the original text, hex */
  contentHash?: string;
  title?: string | null;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface Position {
  title: string; // Arabic, as in the text or lexicon
  titleEn: string | null;
  organization: string | null; // entity id
  country: string | null; // entity id of a Country
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Mention {
  sentence: number;
  start: number;
  end: number;
  text?: string;
}

export interface Entity {
  id: string; // stable across documents: "person:sergey-lavrov", "country:ru", "org:ru-mfa"
  kind: EntityKind;
  name: string;
  nameEn: string | null;
  aliases: string[];
  country: string | null;
  positions: Position[];
  unnamed: boolean;
  mentions: Mention[];
  /** organizations: the parent body's entity id (a press office -> its ministry) */
  parent?: string | null;
  iso2?: string | null;
}

export interface Participant {
  role: string; // caller, callee, speaker, addressee, claimant, target, subject, location, ...
  entity: string; // entity id
}

export interface Quantity {
  value: number;
  approximate: boolean;
  atLeast: boolean;
  what: string; // killed | wounded | soldiers | tanks | artillery | helicopters | ...
  side: string | null; // entity id of the side that suffered it
  text?: string;
}

export interface Evidence {
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface DocEvent {
  id: string;
  kind: EventKind;
  cameo: string | null;
  participants: Participant[];
  directed: boolean | null;
  date: string | null; // YYYY, YYYY-MM-DD or an interval "YYYY-MM-DD/YYYY-MM-DD"
  datePrecision: DatePrecision | null;
  quote: string | null;
  quantities: Quantity[];
  evidence: Evidence[];
  medium?: string | null;
  topic?: string | null;
  verb?: string | null;
}

export interface DocumentGraph {
  document: DocumentMeta;
  sentences: Sentence[];
  entities: Entity[];
  events: DocEvent[];
}

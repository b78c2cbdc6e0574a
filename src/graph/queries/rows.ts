/**
 * Plain rows returned by the read queries. The GraphQL layer (src/api) maps these onto its types;
 * nothing here knows about GraphQL.
 */

export type ActorKind = "Person" | "Organization" | "Country" | "Place";

export interface ActorRow {
  id: string;
  kind: ActorKind;
  name: string;
  nameEn: string | null;
  aliases: string[];
  iso2: string | null;
  unnamed: boolean;
  /** id of the Country the actor belongs to (OF_COUNTRY), null for countries themselves */
  countryId: string | null;
  /** organizations: id of the parent body (PART_OF) */
  parentId: string | null;
}

export interface EventRow {
  id: string;
  kind: string;
  cameo: string | null;
  date: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  directed: boolean | null;
  quote: string | null;
  verb: string | null;
  medium: string | null;
  topic: string | null;
  /** present when the list was asked to include them (EventInclude); the API's event fields use them */
  carriedParticipants?: ParticipationRow[];
  carriedEvidence?: EvidenceRow[];
}

export interface ParticipationRow {
  /** lower-case role, from the relationship type: caller, callee, speaker, claimant, location, … */
  role: string;
  actor: ActorRow;
}

export interface EvidenceRow {
  articleId: string;
  sentenceId: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

export interface QuantityRow {
  id: string;
  value: number;
  approximate: boolean;
  atLeast: boolean;
  what: string;
  text: string | null;
  sideId: string | null;
}

export interface ArticleRow {
  id: string;
  source: string | null;
  publishedAt: string | null;
  contentHash: string | null;
  title: string | null;
}

export interface SentenceRow {
  id: string;
  articleId: string;
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface PositionRow {
  id: string;
  personId: string;
  title: string;
  titleEn: string | null;
  validFrom: string | null;
  validTo: string | null;
  organizationId: string | null;
  countryId: string | null;
}

/** One page of a list: `rows` holds at most limit rows, `hasMore` whether another row exists after them. */
export interface Page<T> {
  rows: T[];
  hasMore: boolean;
}

export interface PageRequest {
  skip: number;
  limit: number;
}

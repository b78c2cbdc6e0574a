import fs from "node:fs";
import path from "node:path";
import type { DocumentGraph } from "../extract/types.js";
import { EVENT_KINDS, FALLBACK_ROLE_TYPE } from "./cypher.js";
import { metRows } from "./derived.js";
import { sha256 } from "./identity.js";
import { batchPersons, evidenceSpan, resolveProvisional, textFromSentences } from "./loader.js";
import { type ActorRow, type EventRow, RowBuilder, type Rows } from "./loadRows.js";

/**
 * The bulk import's input: a whole corpus as the CSV files of `neo4j-admin database import full`, with the
 * nodes, labels, properties and relationships the transactional loader (loader.ts + cypher.ts) writes for the
 * same articles loaded as one batch: the same rows (loadRows.ts), the same identity rules (batchPersons,
 * resolveProvisional), and each of the loader's statements mirrored here, CREATE for CREATE and MERGE for a
 * deduplicated row. Numbers are written as floats, as the driver sends a JavaScript number.
 *
 * Header format (Neo4j operations manual, "Import"): `id:ID(Space)` names a node's id and its ID space (one
 * per label, so an actor and a place may share an id), `:LABEL` holds the labels, `:START_ID(Space)` /
 * `:END_ID(Space)` / `:TYPE` a relationship's ends and type, `name:type` a typed property. Strings are always
 * quoted (QUOTE, a control character), so an empty field is null and two quotes the empty string; arrays are joined by ARRAY_DELIMITER.
 */

/** The array delimiter of every file (--array-delimiter): a control character that never occurs in text. */
export const ARRAY_DELIMITER = "\u001f";
export const ARRAY_DELIMITER_OPTION = "U+001F";
/**
 * The quote character (--quote): another control character, so text quotes need no escaping. (With `"` and
 * doubled inner quotes, the importer's multi-line reader misreads chunk boundaries in long article texts.)
 */
export const QUOTE = "\u001e";
export const QUOTE_OPTION = "U+001E";

/** What the importer is told about these files (localNeo4j.ts importerArguments). */
export function importRun(files: ImportFiles, database: string) {
  return {
    database,
    nodes: files.nodes,
    relationships: files.relationships,
    multiline: files.multiline,
    arrayDelimiter: ARRAY_DELIMITER_OPTION,
    quote: QUOTE_OPTION,
  };
}

type Space = "Actor" | "Place" | "Name" | "Position" | "Event" | "Quantity" | "Article" | "Sentence";
type Value = string | number | boolean | null | undefined | string[];

const quoted = (v: string): string => {
  if (v.includes(QUOTE) || v.includes(ARRAY_DELIMITER)) throw new Error("text holds a control character U+001E/U+001F");
  return v;
};

function field(v: Value): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return `${QUOTE}${quoted(v)}${QUOTE}`;
  if (Array.isArray(v)) return v.length === 0 ? "" : `${QUOTE}${v.map(quoted).join(ARRAY_DELIMITER)}${QUOTE}`; // [] is set after the import
  return String(v);
}

const hasLineBreak = (v: string | string[]): boolean =>
  typeof v === "string" ? v.includes("\n") || v.includes("\r") : v.some(hasLineBreak);

/**
 * One CSV file with a fixed header, written in large sync appends. Lines are appended to one string (V8 joins
 * them as a rope, flattened once per flush): no array per row, no array of lines.
 */
class CsvFile {
  private buffer = "";
  private fd: number;
  rows = 0;
  multiline = false;
  constructor(
    readonly file: string,
    header: string[],
    /** a relationship file: how many property cells follow its ends and type */
    private readonly props = 0,
  ) {
    this.fd = fs.openSync(file, "w");
    fs.writeSync(this.fd, `${header.join(",")}\n`);
  }
  /** A string cell: checked for line breaks (which switch the importer to its multi-line reader) once per file. */
  private cell(v: Value): string {
    if (!this.multiline && (typeof v === "string" || Array.isArray(v)) && hasLineBreak(v)) this.multiline = true;
    return field(v);
  }
  add(values: Value[]): void {
    let line = this.cell(values[0]);
    for (let i = 1; i < values.length; i++) line += `,${this.cell(values[i])}`;
    this.line(line);
  }
  /** A relationship: its two ends, its type and its property cells, without an array for the row. */
  rel(start: string, end: string, type: string, a?: Value, b?: Value, c?: Value): void {
    let line = `${QUOTE}${quoted(start)}${QUOTE},${QUOTE}${quoted(end)}${QUOTE},${QUOTE}${type}${QUOTE}`;
    if (this.props > 0) line += `,${this.cell(a)}`;
    if (this.props > 1) line += `,${this.cell(b)}`;
    if (this.props > 2) line += `,${this.cell(c)}`;
    this.line(line);
  }
  private line(line: string): void {
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length > 1 << 22) this.flush();
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    fs.writeSync(this.fd, this.buffer);
    this.buffer = "";
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** What `neo4j-admin database import full` is given: the files by kind, and which of them hold multi-line text. */
export interface ImportFiles {
  dir: string;
  nodes: string[];
  relationships: string[];
  /** Whether a cell holds a line break (the importer then reads every file in its multi-line mode). */
  multiline: boolean;
  counts: { articles: number; events: number; nodes: number; relationships: number; skipped: SkippedArticle[] };
}

export interface SkippedArticle {
  id: string;
  reason: string;
}

export interface CorpusDocument {
  doc: DocumentGraph;
  text?: string;
}

const ACTOR_HEADER = [
  "nameEn",
  "unnamed:boolean",
  "iso2",
  "type",
  "aliases:string[]",
  "aliasText",
  "name",
  "key",
  ":LABEL",
];
const ACTOR_KINDS = new Set(["Person", "Organization", "Country"]);
/** Relationship types and their property columns. Role types (CALLER, …) have role only when PARTICIPANT. */
const REL_PROPS: Record<string, string[]> = {
  NAMED: ["form", "kind"],
  HOLDS: ["validFrom", "validTo"],
  IN: [],
  FOR: [],
  OF_COUNTRY: [],
  PART_OF: [],
  CO_CHAIRS: [],
  ROLE: ["role"],
  HAS_QUANTITY: [],
  SUFFERED_BY: [],
  CALLED: ["event", "directed:boolean", "date"],
  MET: ["event", "directed:boolean", "date"],
  HAS_SENTENCE: [],
  EVIDENCED_BY: ["start:double", "end:double", "text"],
  MENTIONED_IN: ["start:double", "end:double"],
  INTERACTED: ["firstEvent"],
};

/** The aliases UPSERT_ACTORS computes: every form but the name, each once, in order. */
function aliasesOf(row: ActorRow): string[] {
  const out: string[] = [];
  for (const f of row.forms) if (f !== row.name && !out.includes(f)) out.push(f);
  return out;
}

/** As CREATE_EVENTS computes sortKey: the start day (or '~') + '|' + id. */
function sortKeyOf(e: EventRow): string {
  return `${e.dateFrom ?? (e.date ? e.date.split("/")[0] : null) ?? "~"}|${e.id}`;
}

/**
 * Writes the CSV files of a corpus into dir (emptied first). Documents are taken in order: a later document with
 * an id already seen replaces the earlier one (as `akhbar load` replaces a changed article), a later one with
 * content already seen is skipped (as `akhbar load` skips it).
 */
export function writeImportFiles(
  dir: string,
  docs: CorpusDocument[],
  opts: { loadedAt?: string; chunk?: number } = {},
): ImportFiles {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const loadedAt = opts.loadedAt ?? new Date().toISOString();
  const skipped: SkippedArticle[] = [];

  // Which documents are written: the last version of each id, the first article of each content.
  const prepared = docs.map(({ doc, text }) => {
    const full = text ?? textFromSentences(doc);
    return { doc, text: full, contentHash: doc.document.contentHash ?? sha256(full) };
  });
  const lastOfId = new Map(prepared.map((p, i) => [p.doc.document.id, i]));
  const hashOwner = new Map<string, string>();
  const kept = prepared.filter((p, i) => {
    const id = p.doc.document.id;
    if (lastOfId.get(id) !== i) {
      skipped.push({ id, reason: "replaced by a later version of the same id" });
      return false;
    }
    const owner = hashOwner.get(p.contentHash);
    if (owner !== undefined) {
      skipped.push({ id, reason: `same content already loaded as "${owner}"` });
      return false;
    }
    hashOwner.set(p.contentHash, id);
    return true;
  });

  const resolveMap = resolveProvisional(batchPersons(kept.map((p) => p.doc)));
  const builder = new RowBuilder((id) => resolveMap.get(id) ?? id, loadedAt);

  const files = new Map<string, CsvFile>();
  const nodeFiles: string[] = [];
  const relFiles: string[] = [];
  const open = (name: string, header: string[], kind: "node" | "rel", props = 0): CsvFile => {
    let f = files.get(name);
    if (!f) {
      f = new CsvFile(path.join(dir, `${name}.csv`), header, props);
      files.set(name, f);
      (kind === "node" ? nodeFiles : relFiles).push(f.file);
    }
    return f;
  };
  // One file per type and ends, found through nested maps (no key string built per relationship).
  const relFileOf = new Map<string, Map<Space, Map<Space, CsvFile>>>();
  const relFile = (type: string, from: Space, to: Space): CsvFile => {
    let byFrom = relFileOf.get(type);
    if (!byFrom) {
      byFrom = new Map();
      relFileOf.set(type, byFrom);
    }
    let byTo = byFrom.get(from);
    if (!byTo) {
      byTo = new Map();
      byFrom.set(from, byTo);
    }
    let f = byTo.get(to);
    if (!f) {
      const cols = REL_PROPS[type] ?? (REL_PROPS.ROLE as string[]);
      f = open(
        `rel-${type}-${from}-${to}`,
        [`:START_ID(${from})`, `:END_ID(${to})`, ":TYPE", ...cols],
        "rel",
        cols.length,
      );
      byTo.set(to, f);
    }
    return f;
  };
  const rel = (type: string, from: Space, to: Space, start: string, end: string, a?: Value, b?: Value, c?: Value) =>
    relFile(type, from, to).rel(start, end, type, a, b, c);

  // Per-article rows: articles, sentences, evidence and mentions, written after each chunk. Entities of later
  // chunks are not known yet, so a mention's target is checked when the whole corpus is read (kept until then).
  const pendingMentions: { entity: string; sentence: string; start: number; end: number }[] = [];
  const articleFile = () =>
    open(
      "nodes-Article",
      ["id:ID(Article)", "text", "source", "publishedAt", "contentHash", "language", "title", "loadedAt", ":LABEL"],
      "node",
    );
  const sentenceFile = () =>
    open(
      "nodes-Sentence",
      ["id:ID(Sentence)", "article", "index:double", "start:double", "end:double", "text", ":LABEL"],
      "node",
    );
  const drain = () => {
    const { articles, evidence, mentions } = builder.takeArticles();
    const sentences = new Map<string, { start: number; end: number; text: string }>();
    for (const a of articles) {
      articleFile().add([
        a.id as string,
        a.text as string,
        a.source as string | null,
        a.publishedAt as string | null,
        a.contentHash as string,
        a.language as string | null,
        a.title as string | null,
        a.loadedAt as string,
        "Article",
      ]);
      for (const s of a.sentences as { id: string; index: number; start: number; end: number; text: string }[]) {
        sentenceFile().add([s.id, a.id as string, s.index, s.start, s.end, s.text, "Sentence"]);
        rel("HAS_SENTENCE", "Article", "Sentence", a.id as string, s.id);
        sentences.set(s.id, s);
      }
    }
    for (const e of evidence) {
      const s = sentences.get(e.sentence as string);
      if (!s) continue; // the loader writes evidence only on the article's own sentences
      const span = evidenceSpan(e as { start: number; end: number; text: string }, s);
      rel(
        "EVIDENCED_BY",
        "Event",
        "Sentence",
        e.event as string,
        e.sentence as string,
        span.start,
        span.end,
        span.text,
      );
    }
    for (const m of mentions) {
      if (sentences.has(m.sentence as string)) pendingMentions.push(m as (typeof pendingMentions)[number]);
    }
  };
  const chunk = opts.chunk ?? 500;
  for (let i = 0; i < kept.length; i += chunk) {
    builder.add(kept.slice(i, i + chunk));
    drain();
  }
  const rows: Rows = builder.rows();

  // Actors and places (UPSERT_ACTORS / UPSERT_PLACES on a new node).
  const actorKind = new Map(rows.actors.map((a) => [a.id, a.kind]));
  const spaceOf = (id: string): Space | null => (actorKind.has(id) ? "Actor" : placeIds.has(id) ? "Place" : null);
  const placeIds = new Set(rows.places.map((p) => p.id));
  for (const [label, list] of [
    ["Actor", rows.actors],
    ["Place", rows.places],
  ] as const) {
    const f = open(`nodes-${label}`, [`id:ID(${label})`, ...ACTOR_HEADER], "node");
    for (const a of list) {
      const aliases = aliasesOf(a);
      const labels = label === "Place" ? ["Place"] : ACTOR_KINDS.has(a.kind) ? ["Actor", a.kind] : ["Actor"];
      f.add([a.id, a.nameEn, a.unnamed, a.iso2, a.type, aliases, aliases.join(" | "), a.name, a.key, labels]);
    }
  }
  // Names (UPSERT_NAMES).
  const nameFile = open("nodes-Name", ["key:ID(Name)", ":LABEL"], "node");
  const keys = new Set<string>();
  for (const n of rows.names) {
    const space = spaceOf(n.id);
    if (!space) continue;
    if (!keys.has(n.key)) {
      keys.add(n.key);
      nameFile.add([n.key, "Name"]);
    }
    rel("NAMED", space, "Name", n.id, n.key, n.form, n.kind);
  }
  // Membership (UPSERT_MEMBERSHIP): the other end must exist (a country for OF_COUNTRY and CO_CHAIRS).
  for (const m of rows.membership) {
    if (!actorKind.has(m.id)) continue;
    if (m.country && m.country !== m.id && actorKind.get(m.country) === "Country")
      rel("OF_COUNTRY", "Actor", "Actor", m.id, m.country);
    if (m.parent && m.parent !== m.id && actorKind.has(m.parent)) rel("PART_OF", "Actor", "Actor", m.id, m.parent);
    for (const c of new Set(m.coChairs))
      if (actorKind.get(c) === "Country") rel("CO_CHAIRS", "Actor", "Actor", c, m.id);
  }
  // Offices (UPSERT_POSITIONS).
  const positionFile = open("nodes-Position", ["id:ID(Position)", "title", "titleEn", ":LABEL"], "node");
  const positions = new Set<string>();
  const positionLinks = new Set<string>();
  for (const p of rows.positions) {
    if (!actorKind.has(p.person)) continue;
    if (!positions.has(p.id)) {
      positions.add(p.id);
      positionFile.add([p.id, p.title, p.titleEn, "Position"]);
    }
    rel("HOLDS", "Actor", "Position", p.person, p.id, p.validFrom, p.validTo);
    const link = (type: string, target: string | null, kind: string) => {
      const k = `${type}\u0000${p.id}\u0000${target}`;
      if (target && actorKind.get(target) === kind && !positionLinks.has(k)) {
        positionLinks.add(k);
        rel(type, "Position", "Actor", p.id, target);
      }
    };
    link("IN", p.organization, "Organization");
    link("FOR", p.country, "Country");
  }
  // Events (CREATE_EVENTS), their parts (CREATE_ROLES), quantities (CREATE_QUANTITIES), calls (CREATE_CALLED).
  const eventFile = open(
    "nodes-Event",
    [
      "id:ID(Event)",
      "kind",
      "cameo",
      "date",
      "dateFrom",
      "dateTo",
      "datePrecision",
      "day",
      "directed:boolean",
      "quote",
      "verb",
      "medium",
      "topic",
      "articles:string[]",
      "sortKey",
      ":LABEL",
    ],
    "node",
  );
  const kinds = new Set<string>(EVENT_KINDS);
  for (const e of rows.events) {
    eventFile.add([
      e.id,
      e.kind,
      e.cameo,
      e.date,
      e.dateFrom,
      e.dateTo,
      e.datePrecision,
      e.day,
      e.directed,
      e.quote,
      e.verb,
      e.medium,
      e.topic,
      e.articles,
      sortKeyOf(e),
      kinds.has(e.kind) ? ["Event", e.kind] : ["Event"],
    ]);
  }
  const eventsById = new Map(rows.events.map((e) => [e.id, e]));
  const partsOf = new Map<string, { type: string; entity: string }[]>();
  for (const r of rows.roles) {
    for (const p of r.parts) {
      const space = spaceOf(p.entity);
      if (!space) continue;
      rel(p.type, "Event", space, r.event, p.entity, p.type === FALLBACK_ROLE_TYPE ? p.role : null);
      if (space === "Actor") partsOf.set(r.event, [...(partsOf.get(r.event) ?? []), p]);
    }
  }
  const quantityFile = open(
    "nodes-Quantity",
    ["id:ID(Quantity)", "value:double", "approximate:boolean", "atLeast:boolean", "what", "text", ":LABEL"],
    "node",
  );
  for (const q of rows.quantities) {
    quantityFile.add([
      q.id as string,
      q.value as number,
      q.approximate as boolean,
      q.atLeast as boolean,
      q.what as string,
      q.text as string | null,
      "Quantity",
    ]);
    rel("HAS_QUANTITY", "Event", "Quantity", q.event, q.id as string);
    const side = q.side as string | null;
    const space = side ? spaceOf(side) : null;
    if (side && space) rel("SUFFERED_BY", "Quantity", space, q.id as string, side);
  }
  for (const id of rows.calls) {
    const ev = eventsById.get(id) as EventRow;
    const ps = partsOf.get(id) ?? [];
    for (const a of ps.filter((p) => p.type === "CALLER"))
      for (const c of ps.filter((p) => p.type === "CALLEE"))
        rel(
          "CALLED",
          "Actor",
          "Actor",
          a.entity,
          c.entity,
          id,
          ev.directed ?? false,
          ev.datePrecision === "day" ? ev.date : ev.day,
        );
  }
  for (const id of rows.met) {
    const ev = eventsById.get(id) as EventRow;
    for (const m of metRows(partsOf.get(id) ?? []))
      rel("MET", "Actor", "Actor", m.a, m.b, id, m.directed, ev.datePrecision === "day" ? ev.date : ev.day);
  }
  // Mentions (UPSERT_ARTICLES) and INTERACTED (DERIVE_INTERACTED), now that every entity is known.
  for (const m of pendingMentions) {
    const space = spaceOf(m.entity);
    if (space) rel("MENTIONED_IN", space, "Sentence", m.entity, m.sentence, m.start, m.end);
  }
  for (const r of rows.interacted) {
    if (actorKind.has(r.a) && actorKind.has(r.b)) rel("INTERACTED", "Actor", "Actor", r.a, r.b, r.event);
  }

  let nodes = 0;
  let relationships = 0;
  for (const f of files.values()) {
    f.close();
    if (nodeFiles.includes(f.file)) nodes += f.rows;
    else relationships += f.rows;
  }
  return {
    dir,
    nodes: nodeFiles,
    relationships: relFiles,
    multiline: [...files.values()].some((f) => f.multiline),
    counts: { articles: kept.length, events: rows.events.length, nodes, relationships, skipped },
  };
}

import type { ManagedTransaction, QueryResult } from "neo4j-driver";
import type { DocumentGraph, Entity } from "../extract/types.js";
import { validateDocumentGraph } from "../extract/validate.js";
import * as Q from "./cypher.js";
import type { Graph } from "./driver.js";
import {
  entityChanges,
  membershipDelta,
  nameNeeded,
  positionChanges,
  type StoredEntity,
  storedEntity,
} from "./graphDelta.js";
import { fullNameKeys, isKnownPerson, isProvisionalPerson, sha256 } from "./identity.js";
import { buildRows, type EventRow } from "./loadRows.js";

export interface LoadInput {
  doc: DocumentGraph;
  /** The original article text; rebuilt from the sentences (offsets kept) when absent. */
  text?: string;
}

export interface LoadOptions {
  /** Reload articles whose content is already loaded, replacing their sentences, evidence and mentions. */
  force?: boolean;
  /** Test hook: throw after this many statements have run inside the transaction (nothing must remain). */
  failAfterStatements?: number;
  /** ISO timestamp recorded on the articles (defaults to now). */
  loadedAt?: string;
  /** Benchmark hook: milliseconds spent per statement name are added here. */
  timings?: Record<string, number>;
  /** Profiling hook: every statement runs as PROFILE and its plan is passed here (bench/profile-load.ts). */
  onProfile?: (statement: string, profile: unknown) => void;
}

export type ArticleStatus = "loaded" | "replaced" | "skipped";

export interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
}

export interface LoadSummary {
  articles: { id: string; status: ArticleStatus; reason?: string }[];
  entities: { created: number; updated: number };
  events: { created: number; updated: number; written: number };
  statements: number;
  counters: Counters;
  ms: number;
  /** The bookmarks of the commit (driver.ts): reads passed them see this load, on any cluster member. */
  bookmarks: string[];
}

export class DocumentGraphInvalidError extends Error {
  constructor(
    readonly documentId: string,
    readonly errors: string[],
  ) {
    super(
      `document graph "${documentId}" breaks schema/document-graph.schema.json; nothing was written:\n` +
        errors.map((e) => `  - ${e}`).join("\n"),
    );
    this.name = "DocumentGraphInvalidError";
  }
}

export class InjectedFailure extends Error {
  constructor(after: number) {
    super(`injected failure after ${after} statements`);
    this.name = "InjectedFailure";
  }
}

const STATEMENT_NAMES = new Map(
  Object.entries(Q)
    .filter(([, v]) => typeof v === "string")
    .map(([k, v]) => [v as string, k]),
);

const emptyCounters = (): Counters => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
});

/** A validated document with its full text and content hash. */
interface Prepared {
  doc: DocumentGraph;
  text: string;
  contentHash: string;
}

/** Writes one article in ONE transaction. */
export function loadDocument(
  graph: Graph,
  doc: DocumentGraph,
  opts: LoadOptions & { text?: string } = {},
): Promise<LoadSummary> {
  return loadDocuments(graph, [{ doc, text: opts.text }], opts);
}

/** Rebuilds the article text from its sentences, every sentence at its own offset. */
export function textFromSentences(doc: DocumentGraph): string {
  const end = doc.sentences.reduce((m, s) => Math.max(m, s.end), 0);
  const chars = new Array<string>(end).fill(" ");
  for (const s of doc.sentences) {
    for (let i = 0; i < s.text.length && s.start + i < end; i++) chars[s.start + i] = s.text[i] as string;
  }
  return chars.join("");
}

/**
 * Writes several articles in ONE transaction (the loader uses one article per call; the benchmark batches).
 * Every document is validated first: any invalid one rejects the whole call before anything is written.
 */
export async function loadDocuments(graph: Graph, inputs: LoadInput[], opts: LoadOptions = {}): Promise<LoadSummary> {
  const started = Date.now();
  const tv = performance.now();
  for (const { doc } of inputs) {
    const v = validateDocumentGraph(doc);
    if (!v.ok) throw new DocumentGraphInvalidError(String(doc?.document?.id ?? "(no id)"), v.errors);
  }
  const prepared: Prepared[] = inputs.map(({ doc, text }) => {
    const fullText = text ?? textFromSentences(doc);
    return { doc, text: fullText, contentHash: doc.document.contentHash ?? sha256(fullText) };
  });
  const ids = new Set<string>();
  for (const p of prepared) {
    if (ids.has(p.doc.document.id)) throw new Error(`document id "${p.doc.document.id}" appears twice in one batch`);
    ids.add(p.doc.document.id);
  }
  const loadedAt = opts.loadedAt ?? new Date().toISOString();
  if (opts.timings) opts.timings.validate = (opts.timings.validate ?? 0) + performance.now() - tv;

  let bookmarks: string[] = [];
  let written = 0;
  const summary = await retryConstraintRace(() =>
    graph.writeTransaction(
      async (tx) => {
        const s = await writeBatch(tx, prepared, loadedAt, started, opts);
        written = performance.now();
        return s;
      },
      {
        onBookmarks: (b) => {
          bookmarks = b;
        },
      },
    ),
  );
  // the commit (record commands, index updates) is timed apart from the statements
  if (opts.timings) opts.timings.commit = (opts.timings.commit ?? 0) + performance.now() - written;
  return { ...summary, bookmarks };
}

/** A batch's persons: the unknown (person:ar:) ones, and the known ones by full-name key. */
export function batchPersons(docs: DocumentGraph[]) {
  const provisional = new Map<string, Entity>();
  const knownByKey = new Map<string, Set<string>>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.kind !== "Person") continue;
      if (isProvisionalPerson(e.id)) provisional.set(e.id, e);
      else if (isKnownPerson(e.id)) {
        for (const k of fullNameKeys(e)) {
          if (!knownByKey.has(k)) knownByKey.set(k, new Set());
          knownByKey.get(k)?.add(e.id);
        }
      }
    }
  }
  return { provisional, knownByKey };
}

/**
 * Unknown person id -> the known person it is: the one candidate among those the graph gave (fromGraph, by
 * unknown id) and the batch's known persons sharing a full-name key. Several candidates: left unresolved.
 */
export function resolveProvisional(
  persons: ReturnType<typeof batchPersons>,
  fromGraph: Map<string, Set<string>> = new Map(),
): Map<string, string> {
  const resolveMap = new Map<string, string>();
  for (const e of persons.provisional.values()) {
    const set = new Set(fromGraph.get(e.id) ?? []);
    for (const k of fullNameKeys(e)) for (const c of persons.knownByKey.get(k) ?? []) set.add(c);
    if (set.size === 1) resolveMap.set(e.id, [...set][0] as string);
  }
  return resolveMap;
}

/** The transaction of loadDocuments: the validated documents, written as one batch. */
async function writeBatch(
  rawTx: ManagedTransaction,
  prepared: Prepared[],
  loadedAt: string,
  started: number,
  opts: LoadOptions,
): Promise<LoadSummary> {
  const summary: LoadSummary = {
    articles: [],
    entities: { created: 0, updated: 0 },
    events: { created: 0, updated: 0, written: 0 },
    statements: 0,
    counters: emptyCounters(),
    ms: 0,
    bookmarks: [],
  };
  const run = async (cypher: string, params: Record<string, unknown>): Promise<QueryResult> => {
    const t0 = opts.timings ? performance.now() : 0;
    if (opts.failAfterStatements !== undefined && summary.statements >= opts.failAfterStatements) {
      throw new InjectedFailure(summary.statements);
    }
    summary.statements++;
    const res = await rawTx.run(opts.onProfile ? `PROFILE ${cypher}` : cypher, params);
    if (opts.onProfile) opts.onProfile(STATEMENT_NAMES.get(cypher) ?? "other", res.summary.profile);
    const u = res.summary.counters.updates();
    const c = summary.counters;
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
    c.propertiesSet += u.propertiesSet;
    c.labelsAdded += u.labelsAdded;
    if (opts.timings) {
      const name = STATEMENT_NAMES.get(cypher) ?? "other";
      opts.timings[name] = (opts.timings[name] ?? 0) + performance.now() - t0;
    }
    return res;
  };

  // 1. Which articles are new, which replace an earlier version, which are skipped.
  const status = await run(Q.STATUS, {
    rows: prepared.map((p) => ({ id: p.doc.document.id, contentHash: p.contentHash })),
  });
  const byId = new Map(status.records.map((r) => [r.get("id") as string, r]));
  const toWrite: Prepared[] = [];
  const detach = new Set<string>();
  for (const p of prepared) {
    const id = p.doc.document.id;
    const r = byId.get(id);
    const oldHash = (r?.get("oldHash") as string | null) ?? null;
    const hashOwner = (r?.get("hashOwner") as string | null) ?? null;
    if (hashOwner !== null && !opts.force) {
      summary.articles.push({
        id,
        status: "skipped",
        reason: hashOwner === id ? "already loaded" : `same content already loaded as "${hashOwner}"`,
      });
      continue;
    }
    if (oldHash !== null) detach.add(id);
    if (hashOwner !== null) detach.add(hashOwner);
    summary.articles.push({ id, status: oldHash !== null || hashOwner !== null ? "replaced" : "loaded" });
    toWrite.push(p);
  }
  if (toWrite.length === 0) {
    summary.ms = Date.now() - started;
    return summary;
  }

  // 2. Identity: unknown persons that are a known person (in the graph or in this batch).
  const persons = batchPersons(toWrite.map((p) => p.doc));
  const fromGraph = new Map<string, Set<string>>();
  if (persons.provisional.size > 0) {
    const rows = [...persons.provisional.values()].flatMap((e) =>
      fullNameKeys(e).map((key) => ({ id: e.id, key, country: e.country })),
    );
    const res = await run(Q.RESOLVE_PROVISIONAL, { rows });
    for (const r of res.records) {
      const set = fromGraph.get(r.get("id")) ?? new Set<string>();
      for (const c of r.get("candidates") as string[]) set.add(c);
      fromGraph.set(r.get("id"), set);
    }
  }
  const resolveMap = resolveProvisional(persons, fromGraph);
  const resolve = (id: string) => resolveMap.get(id) ?? id;

  // 3. Replaced articles: their sentences, evidence and mentions go; events left without evidence go.
  if (detach.size > 0) {
    const res = await run(Q.DETACH_ARTICLES, { ids: [...detach] });
    const events = res.records.flatMap((r) => r.get("events") as string[]);
    if (events.length > 0) await run(Q.DROP_ORPHAN_EVENTS, { events, articles: [...detach] });
  }

  // 4. Rows for the batched statements.
  const tb = performance.now();
  const b = buildRows(toWrite, resolve, loadedAt);
  if (opts.timings) opts.timings.buildRows = (opts.timings.buildRows ?? 0) + performance.now() - tb;

  // 5. Actors and places: read what the graph holds, write only what it lacks. `element` maps an entity id to
  // its node's element id, which the later statements use instead of an index seek per row.
  const stored = new Map<string, StoredEntity>();
  const lookup = await run(Q.LOOKUP_ENTITIES, {
    actors: b.actors.map((a) => a.id),
    places: b.places.map((p) => p.id),
  });
  for (const r of lookup.records) stored.set(r.get("id"), storedEntity(r));
  const element = new Map([...stored.values()].map((s) => [s.id, s.element]));
  const created = new Set<string>();
  for (const [cypher, all] of [
    [Q.UPSERT_ACTORS, b.actors],
    [Q.UPSERT_PLACES, b.places],
  ] as const) {
    const rows = all.filter((row) => entityChanges(row, stored.get(row.id)));
    if (rows.length === 0) continue;
    const res = await run(cypher, { rows });
    for (const r of res.records) {
      element.set(r.get("id"), r.get("element"));
      if (r.get("created")) created.add(r.get("id"));
    }
  }
  summary.entities.created = created.size;
  summary.entities.updated = b.actors.length + b.places.length - created.size;
  const entityRows = new Map([...b.actors, ...b.places].map((row) => [row.id, row]));
  const names = b.names.filter((n) => nameNeeded(n, stored.get(n.id), entityRows));
  if (names.length > 0) await run(Q.UPSERT_NAMES, { rows: names });
  // Only a known person new to the graph can absorb unknown persons loaded before it.
  const absorb = b.absorb.filter((a) => created.has(a.id));
  if (absorb.length > 0) {
    const found = await run(Q.FIND_PROVISIONAL, { rows: absorb });
    const rows = found.records.map((r) => ({ known: r.get("known"), provisional: r.get("provisional") }));
    if (rows.length > 0) await run(Q.ABSORB_PROVISIONAL, { rows });
    // the absorbed nodes are gone: anything of this batch that named them now reaches the known node
    for (const r of rows) for (const p of r.provisional as string[]) element.set(p, element.get(r.known) as string);
  }
  const membership = b.membership.flatMap((m) => membershipDelta(m, stored.get(m.id)) ?? []);
  if (membership.length > 0) await run(Q.UPSERT_MEMBERSHIP, { rows: membership });
  const positions = b.positions.filter((p) => positionChanges(p, stored.get(p.person)));
  if (positions.length > 0) await run(Q.UPSERT_POSITIONS, { rows: positions });

  // 6. Events: new ones CREATEd with their parts (both ends by element id), existing ones merged.
  const existing = await run(Q.EXISTING_EVENTS, { ids: b.events.map((e) => e.id) });
  for (const r of existing.records) element.set(r.get("id"), r.get("element"));
  const fresh = new Set(b.events.filter((e) => !element.has(e.id)).map((e) => e.id));
  if (fresh.size > 0) {
    const res = await run(Q.CREATE_EVENTS, { rows: b.events.filter((e) => fresh.has(e.id)) });
    for (const r of res.records) element.set(r.get("id"), r.get("element"));
  }
  const oldEvents = b.events.filter((e) => !fresh.has(e.id));
  if (oldEvents.length > 0) await run(Q.UPSERT_EVENTS, { rows: oldEvents });
  summary.events.created = fresh.size;
  summary.events.updated = oldEvents.length;
  summary.events.written = b.events.length;
  const places = new Set(b.places.map((p) => p.id));
  const newRoles = b.roles.filter((r) => fresh.has(r.event));
  const parts = newRoles.flatMap((r) =>
    r.parts.flatMap((p) => {
      const [e, t] = [element.get(r.event), element.get(p.entity)];
      return e && t ? [{ e, t, type: p.type, role: p.role, event: r.event, entity: p.entity }] : [];
    }),
  );
  if (parts.length > 0) await run(Q.CREATE_ROLES, { rows: parts.map(({ event: _, entity: __, ...p }) => p) });
  const quantities = b.quantities.flatMap(({ event, side, ...q }) =>
    fresh.has(event)
      ? [{ ...q, e: element.get(event), side: typeof side === "string" ? (element.get(side) ?? null) : null }]
      : [],
  );
  if (quantities.length > 0) await run(Q.CREATE_QUANTITIES, { rows: quantities });
  const eventsById = new Map(b.events.map((e) => [e.id, e]));
  const partsOf = groupBy(
    parts.filter((p) => !places.has(p.entity)),
    (p) => p.event,
  );
  const calls = b.calls
    .filter((id) => fresh.has(id))
    .flatMap((id) => {
      const ps = partsOf.get(id) ?? [];
      const ev = eventsById.get(id) as EventRow;
      return ps
        .filter((p) => p.type === "CALLER")
        .flatMap((a) =>
          ps.filter((p) => p.type === "CALLEE").map((c) => ({ caller: a.t, callee: c.t, ...calledProperties(ev) })),
        );
    });
  if (calls.length > 0) await run(Q.CREATE_CALLED, { rows: calls });
  // Events that existed before: their parts are MERGEd.
  const oldRoles = b.roles.filter((r) => !fresh.has(r.event));
  if (oldRoles.length > 0) await run(Q.UPSERT_ROLES, { rows: oldRoles });
  const oldQuantities = b.quantities.filter((q) => !fresh.has(q.event));
  if (oldQuantities.length > 0) await run(Q.UPSERT_QUANTITIES, { rows: oldQuantities });
  const oldCalls = b.calls.filter((id) => !fresh.has(id));
  if (oldCalls.length > 0) await run(Q.DERIVE_CALLED, { ids: oldCalls });
  if (b.met.length > 0) await run(Q.DERIVE_MET, { ids: b.met });

  // 7. Articles and sentences, with the evidence and mentions on each sentence.
  const evidenceOf = groupBy(b.evidence, (e) => e.sentence as string);
  const mentionsOf = groupBy(b.mentions, (m) => m.sentence as string);
  const articles = b.articles.map((a) => ({
    ...a,
    sentences: (a.sentences as (SentenceRow & { id: string })[]).map((s) => ({
      ...s,
      evidence: (evidenceOf.get(s.id) ?? []).map((e) => ({
        e: element.get(e.event as string),
        ...evidenceSpan(e as { start: number; end: number; text: string }, s),
      })),
      mentions: (mentionsOf.get(s.id) ?? []).flatMap((m) => {
        const n = element.get(m.entity as string);
        return n ? [{ n, start: m.start, end: m.end }] : [];
      }),
    })),
  }));
  await run(Q.UPSERT_ARTICLES, { rows: articles });
  const interacted = b.interacted.flatMap((r) => {
    const [a, bb] = [element.get(r.a), element.get(r.b)];
    return a && bb ? [{ a, b: bb, event: r.event }] : [];
  });
  if (interacted.length > 0) await run(Q.DERIVE_INTERACTED, { rows: interacted });
  summary.ms = Date.now() - started;
  return summary;
}

interface SentenceRow {
  start: number;
  end: number;
  text: string;
}

/** The properties an EVIDENCED_BY needs beside its sentence: null where the sentence already says it. */
export function evidenceSpan(e: { start: number; end: number; text: string }, s: SentenceRow) {
  const whole = e.start === s.start && e.end === s.end;
  const slice = s.text.slice(e.start - s.start, e.end - s.start);
  return {
    start: whole ? null : e.start,
    end: whole ? null : e.end,
    text: e.text === slice ? null : e.text,
  };
}

/**
 * New events, sentences and quantities are CREATEd after a read said they were missing; a concurrent load that
 * created one in between makes the CREATE fail on its uniqueness constraint (nothing is written). The whole
 * transaction then runs again and finds it. Two further attempts are plenty: each needs another race.
 */
async function retryConstraintRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (n >= 3 || code !== "Neo.ClientError.Schema.ConstraintValidationFailed") throw e;
    }
  }
}

/** The properties of the CALLED a phone call derives (as DERIVE_CALLED computes them in Cypher). */
function calledProperties(ev: EventRow) {
  return { event: ev.id, directed: ev.directed ?? false, date: ev.datePrecision === "day" ? ev.date : ev.day };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

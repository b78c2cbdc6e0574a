import type { ManagedTransaction, QueryResult } from "neo4j-driver";
import { validateDocumentGraph } from "../extract/index.js";
import type { DocEvent, DocumentGraph, Entity } from "../extract/types.js";
import * as Q from "./cypher.js";
import type { Graph } from "./driver.js";
import {
  canonicalEventIds,
  dateSpan,
  entityNameForms,
  eventDay,
  fullNameKeys,
  isKnownPerson,
  isProvisionalPerson,
  nameKey,
  positionId,
  sha1,
  sha256,
} from "./identity.js";

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
  const prepared = inputs.map(({ doc, text }) => {
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

  return graph.writeTransaction(async (rawTx) => {
    const summary: LoadSummary = {
      articles: [],
      entities: { created: 0, updated: 0 },
      events: { created: 0, updated: 0, written: 0 },
      statements: 0,
      counters: emptyCounters(),
      ms: 0,
    };
    const run = async (cypher: string, params: Record<string, unknown>): Promise<QueryResult> => {
      const t0 = opts.timings ? performance.now() : 0;
      if (opts.failAfterStatements !== undefined && summary.statements >= opts.failAfterStatements) {
        throw new InjectedFailure(summary.statements);
      }
      summary.statements++;
      const res = await (rawTx as ManagedTransaction).run(opts.onProfile ? `PROFILE ${cypher}` : cypher, params);
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
    const toWrite: typeof prepared = [];
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
    const resolveMap = new Map<string, string>();
    const provisional = new Map<string, Entity>();
    const knownByKey = new Map<string, Set<string>>();
    for (const { doc } of toWrite) {
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
    if (provisional.size > 0) {
      const rows = [...provisional.values()].flatMap((e) =>
        fullNameKeys(e).map((key) => ({ id: e.id, key, country: e.country })),
      );
      const res = await run(Q.RESOLVE_PROVISIONAL, { rows });
      const candidates = new Map<string, Set<string>>();
      for (const r of res.records) {
        const set = candidates.get(r.get("id")) ?? new Set<string>();
        for (const c of r.get("candidates") as string[]) set.add(c);
        candidates.set(r.get("id"), set);
      }
      for (const e of provisional.values()) {
        const set = candidates.get(e.id) ?? new Set<string>();
        for (const k of fullNameKeys(e)) for (const c of knownByKey.get(k) ?? []) set.add(c);
        if (set.size === 1) resolveMap.set(e.id, [...set][0] as string);
      }
    }
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
    await run(Q.UPSERT_ARTICLES, { rows: b.articles });
    // Actors and places: which are new, and which name forms are new for the existing ones.
    const created = new Set<string>();
    const newForms = new Map<string, Set<string>>();
    for (const [cypher, rows] of [
      [Q.UPSERT_ACTORS, b.actors],
      [Q.UPSERT_PLACES, b.places],
    ] as const) {
      if (rows.length === 0) continue;
      const res = await run(cypher, { rows });
      for (const r of res.records) {
        const id = r.get("id") as string;
        if (r.get("created")) created.add(id);
        newForms.set(id, new Set((r.get("newForms") as string[]).map(nameKey)));
      }
    }
    summary.entities.created = created.size;
    summary.entities.updated = b.actors.length + b.places.length - created.size;
    // Name keys: every form of a new actor; for a known one, only forms it did not have (and its English name).
    const names = b.names.filter(
      (n) => created.has(n.id) || n.kind === "en" || newForms.get(n.id)?.has(n.key) === true,
    );
    if (names.length > 0) await run(Q.UPSERT_NAMES, { rows: names });
    // Only a known person new to the graph can absorb unknown persons loaded before it.
    const absorb = b.absorb.filter((a) => created.has(a.id));
    if (absorb.length > 0) {
      const found = await run(Q.FIND_PROVISIONAL, { rows: absorb });
      const rows = found.records.map((r) => ({ known: r.get("known"), provisional: r.get("provisional") }));
      if (rows.length > 0) await run(Q.ABSORB_PROVISIONAL, { rows });
    }
    if (b.membership.length > 0) await run(Q.UPSERT_MEMBERSHIP, { rows: b.membership });
    if (b.positions.length > 0) await run(Q.UPSERT_POSITIONS, { rows: b.positions });
    const events = await run(Q.UPSERT_EVENTS, { rows: b.events });
    const fresh = new Set((events.records[0]?.get("fresh") as string[] | undefined) ?? []);
    summary.events.created = fresh.size;
    summary.events.updated = b.events.length - fresh.size;
    summary.events.written = b.events.length;
    // Relationships of events created in this transaction are CREATEd; of existing events, MERGEd.
    const split = <T extends { event: string }>(rows: T[]) => [
      rows.filter((r) => fresh.has(r.event)),
      rows.filter((r) => !fresh.has(r.event)),
    ];
    const [newRoles, oldRoles] = split(b.roles);
    if (newRoles?.length) await run(Q.CREATE_ROLES, { rows: byEntity(newRoles) });
    if (oldRoles?.length) await run(Q.UPSERT_ROLES, { rows: oldRoles });
    const [newQuantities, oldQuantities] = split(b.quantities);
    if (newQuantities?.length) await run(Q.CREATE_QUANTITIES, { rows: newQuantities });
    if (oldQuantities?.length) await run(Q.UPSERT_QUANTITIES, { rows: oldQuantities });
    if (b.evidence.length > 0) await run(Q.UPSERT_EVIDENCE, { rows: b.evidence });
    if (b.mentions.length > 0) await run(Q.UPSERT_MENTIONS, { rows: mentionsByEntity(b.mentions) });
    const newCalls = b.calls.filter((id) => fresh.has(id));
    const oldCalls = b.calls.filter((id) => !fresh.has(id));
    if (newCalls.length > 0) await run(Q.CREATE_CALLED, { ids: newCalls });
    if (oldCalls.length > 0) await run(Q.DERIVE_CALLED, { ids: oldCalls });
    if (b.interacted.length > 0) await run(Q.DERIVE_INTERACTED, { rows: b.interacted });
    summary.ms = Date.now() - started;
    return summary;
  });
}

/** CREATE_ROLES rows: the parts of fresh events grouped by participant (one look-up per actor). */
function byEntity(rows: RoleRow[]) {
  const out = new Map<string, { entity: string; parts: { event: string; type: string; role: string }[] }>();
  for (const r of rows) {
    for (const p of r.parts) {
      const g = out.get(p.entity) ?? { entity: p.entity, parts: [] };
      out.set(p.entity, g);
      g.parts.push({ event: r.event, type: p.type, role: p.role });
    }
  }
  return [...out.values()];
}

/** UPSERT_MENTIONS rows: mentions grouped by the actor or place they name. */
function mentionsByEntity(rows: Record<string, unknown>[]) {
  const out = new Map<string, { entity: string; mentions: Record<string, unknown>[] }>();
  for (const r of rows) {
    const entity = r.entity as string;
    const g = out.get(entity) ?? { entity, mentions: [] };
    out.set(entity, g);
    g.mentions.push({ sentence: r.sentence, start: r.start, end: r.end });
  }
  return [...out.values()];
}

interface ActorRow {
  id: string;
  kind: string;
  name: string;
  key: string;
  nameEn: string | null;
  unnamed: boolean;
  iso2: string | null;
  type: string | null;
  forms: string[];
}

interface EventRow {
  id: string;
  kind: string;
  cameo: string | null;
  date: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  day: string | null;
  directed: boolean | null;
  quote: string | null;
  verb: string | null;
  medium: string | null;
  topic: string | null;
  articles: string[];
}

interface RoleRow {
  event: string;
  guard: boolean;
  directed: boolean;
  parts: { type: string; role: string; entity: string }[];
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Turns documents into deduplicated rows, one list per statement. Pure; exported for the benchmark. */
export function buildRows(
  inputs: { doc: DocumentGraph; text: string; contentHash: string }[],
  resolve: (id: string) => string,
  loadedAt: string,
) {
  const articles: Record<string, unknown>[] = [];
  const actors = new Map<string, ActorRow>();
  const places = new Map<string, ActorRow>();
  const names = new Map<string, { id: string; key: string; form: string; kind: string }>();
  const membership = new Map<
    string,
    { id: string; country: string | null; parent: string | null; coChairs: string[] }
  >();
  const positions = new Map<string, Record<string, unknown>>();
  const events = new Map<string, EventRow>();
  const roles = new Map<string, RoleRow>();
  const quantities = new Map<string, { event: string } & Record<string, unknown>>();
  const evidence = new Map<string, Record<string, unknown>>();
  const mentions = new Map<string, Record<string, unknown>>();
  const interacted = new Map<string, { a: string; b: string; event: string }>();
  const absorb = new Map<string, { id: string; key: string; country: string | null }>();
  const calls = new Set<string>();

  for (const { doc, text, contentHash } of inputs) {
    const m = doc.document;
    const sentenceId = (i: number) => `${m.id}#${i}`;
    articles.push({
      id: m.id,
      text,
      source: m.source ?? null,
      publishedAt: m.publishedAt ?? null,
      contentHash,
      language: m.language ?? null,
      title: m.title ?? null,
      loadedAt,
      sentences: doc.sentences.map((s) => ({
        id: sentenceId(s.index),
        index: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
      })),
    });
    const kinds = new Map<string, string>();
    for (const e of doc.entities) {
      const id = resolve(e.id);
      kinds.set(id, e.kind);
      const target = e.kind === "Place" ? places : actors;
      const forms = [e.name, ...(e.aliases ?? [])].filter((f): f is string => typeof f === "string" && f !== "");
      const prev = target.get(id);
      const extra = e as Entity & { type?: string | null; coChairs?: string[] };
      if (prev) {
        for (const f of forms) if (!prev.forms.includes(f)) prev.forms.push(f);
        prev.nameEn ??= e.nameEn ?? null;
        prev.iso2 ??= str(e.iso2);
        prev.unnamed &&= e.unnamed === true;
      } else {
        target.set(id, {
          id,
          kind: e.kind,
          name: e.name,
          key: nameKey(e.name),
          nameEn: e.nameEn ?? null,
          unnamed: e.unnamed === true,
          iso2:
            str(e.iso2) ?? (e.kind === "Country" && /^country:[a-z]{2}$/.test(id) ? id.slice(8).toUpperCase() : null),
          type: str(extra.type),
          forms,
        });
      }
      for (const f of entityNameForms({ ...e, unnamed: e.unnamed === true })) {
        const k = `${id}\u0000${f.key}`;
        if (!names.has(k)) names.set(k, { id, key: f.key, form: f.form, kind: f.kind });
      }
      if (e.kind === "Person" && isKnownPerson(id)) {
        for (const key of fullNameKeys(e)) absorb.set(`${id}\u0000${key}`, { id, key, country: e.country ?? null });
      }
      if (e.kind !== "Place") {
        const mem = membership.get(id) ?? { id, country: null, parent: null, coChairs: [] };
        mem.country ??= e.country ? resolve(e.country) : null;
        mem.parent ??= e.parent ? resolve(e.parent) : null;
        for (const c of extra.coChairs ?? []) if (!mem.coChairs.includes(c)) mem.coChairs.push(resolve(c));
        membership.set(id, mem);
      }
      for (const p of e.positions ?? []) {
        const pos = {
          ...p,
          organization: p.organization ? resolve(p.organization) : null,
          country: p.country ? resolve(p.country) : null,
        };
        const pid = positionId(pos);
        const k = `${id}\u0000${pid}`;
        const prevPos = positions.get(k);
        if (!prevPos) {
          positions.set(k, {
            person: id,
            id: pid,
            title: pos.title,
            titleEn: pos.titleEn ?? null,
            organization: pos.organization,
            country: pos.country,
            validFrom: str(pos.validFrom),
            validTo: str(pos.validTo),
          });
        }
      }
      for (const mention of e.mentions ?? []) {
        const sid = sentenceId(mention.sentence);
        mentions.set(`${id}\u0000${sid}\u0000${mention.start}\u0000${mention.end}`, {
          entity: id,
          sentence: sid,
          start: mention.start,
          end: mention.end,
        });
      }
    }

    const ids = canonicalEventIds(doc.events, m.id, m.publishedAt ?? null, resolve);
    doc.events.forEach((ev: DocEvent, i) => {
      const id = ids[i] as string;
      const span = dateSpan(ev.date);
      const directed = ev.kind === "PhoneCall" ? ev.directed === true : (ev.directed ?? null);
      const prev = events.get(id);
      if (prev) {
        if (!prev.articles.includes(m.id)) prev.articles.push(m.id);
        prev.quote ??= ev.quote ?? null;
        prev.cameo ??= ev.cameo ?? null;
        if (directed === true) prev.directed = true;
      } else {
        events.set(id, {
          id,
          kind: ev.kind,
          cameo: ev.cameo ?? null,
          date: ev.date ?? null,
          dateFrom: span.from,
          dateTo: span.to,
          datePrecision: ev.datePrecision ?? null,
          day: eventDay(ev, m.publishedAt ?? null),
          directed,
          quote: ev.quote ?? null,
          verb: str(ev.verb),
          medium: str(ev.medium),
          topic: str(ev.topic),
          articles: [m.id],
        });
      }
      const parts = ev.participants.map((p) => ({ type: Q.roleType(p.role), role: p.role, entity: resolve(p.entity) }));
      const existing = roles.get(id);
      // Two reports of one call in the same batch: a directed report wins over an undirected one.
      if (!existing || (ev.kind === "PhoneCall" ? directed === true && !existing.directed : true)) {
        const merged =
          existing && ev.kind !== "PhoneCall"
            ? [
                ...existing.parts,
                ...parts.filter((p) => !existing.parts.some((x) => x.type === p.type && x.entity === p.entity)),
              ]
            : parts;
        roles.set(id, {
          event: id,
          guard: ev.kind === "PhoneCall" && directed !== true,
          directed: directed === true,
          parts: merged,
        });
      }
      if (ev.kind === "PhoneCall") calls.add(id);
      for (const q of ev.quantities ?? []) {
        const side = q.side ? resolve(q.side) : null;
        const qid = `${id}/q/${sha1(JSON.stringify([q.what, q.value, q.approximate, q.atLeast, side])).slice(0, 16)}`;
        if (!quantities.has(qid)) {
          quantities.set(qid, {
            event: id,
            id: qid,
            value: q.value,
            approximate: q.approximate === true,
            atLeast: q.atLeast === true,
            what: q.what,
            text: str(q.text),
            side,
          });
        }
      }
      for (const evd of ev.evidence ?? []) {
        const sid = sentenceId(evd.sentence);
        evidence.set(`${id}\u0000${sid}\u0000${evd.start}\u0000${evd.end}`, {
          event: id,
          sentence: sid,
          start: evd.start,
          end: evd.end,
          text: evd.text,
        });
      }
      const actorIds = [...new Set(parts.map((p) => p.entity))].filter((x) => kinds.get(x) !== "Place").sort();
      for (let x = 0; x < actorIds.length; x++) {
        for (let y = x + 1; y < actorIds.length; y++) {
          const a = actorIds[x] as string;
          const bb = actorIds[y] as string;
          const k = `${a}\u0000${bb}`;
          if (!interacted.has(k)) interacted.set(k, { a, b: bb, event: id });
        }
      }
    });
  }

  return {
    articles,
    actors: [...actors.values()],
    places: [...places.values()],
    names: [...names.values()],
    absorb: [...absorb.values()],
    membership: [...membership.values()],
    positions: [...positions.values()],
    events: [...events.values()],
    roles: [...roles.values()],
    quantities: [...quantities.values()],
    evidence: [...evidence.values()],
    mentions: [...mentions.values()],
    calls: [...calls],
    interacted: [...interacted.values()],
  };
}

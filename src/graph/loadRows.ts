import { kindSpec } from "../extract/kinds.js";
import type { DocEvent, DocumentGraph, Entity } from "../extract/types.js";
import * as Q from "./cypher.js";
import {
  canonicalEventIds,
  dateSpan,
  entityNameForms,
  eventDay,
  fullNameKeys,
  isKnownPerson,
  nameKey,
  positionId,
  sha1,
} from "./identity.js";
import type { EventRow as StoredEventRow } from "./queries/rows.js";

/** The map key of a row identified by several parts (NUL never occurs in ids, keys or offsets). */
const compositeKey = (...parts: (string | number)[]): string => parts.join("\u0000");

/**
 * Document graphs to loader rows: one deduplicated list per statement, keyed by the ids the graph uses.
 * Pure (no database); the loader maps the ids to the nodes found or created.
 */
export interface ActorRow {
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

/** An :Event as written: the properties the read queries project (queries/rows.ts), and the loader's own. */
export interface EventRow extends Omit<StoredEventRow, "carriedParticipants" | "carriedEvidence"> {
  day: string | null;
  articles: string[];
}

export interface PositionRow {
  person: string;
  id: string;
  title: string;
  titleEn: string | null;
  organization: string | null;
  country: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface RoleRow {
  event: string;
  guard: boolean;
  directed: boolean;
  parts: { type: string; role: string; entity: string }[];
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** The rows of a set of documents: one deduplicated list per statement. */
export type Rows = ReturnType<RowBuilder["rows"]>;

/** Turns documents into deduplicated rows, one list per statement. Pure; exported for the benchmark. */
export function buildRows(
  inputs: { doc: DocumentGraph; text: string; contentHash: string }[],
  resolve: (id: string) => string,
  loadedAt: string,
): Rows {
  return new RowBuilder(resolve, loadedAt).add(inputs).rows();
}

/**
 * buildRows, documents added a chunk at a time (the bulk import streams a whole corpus through one builder):
 * entities, events and their parts are merged across every chunk; the per-article rows (articles with their
 * sentences, evidence, mentions) can be taken out after each chunk with takeArticles().
 */
export class RowBuilder {
  private articles: Record<string, unknown>[] = [];
  private actors = new Map<string, ActorRow>();
  private places = new Map<string, ActorRow>();
  private names = new Map<string, { id: string; key: string; form: string; kind: string }>();
  private membership = new Map<
    string,
    { id: string; country: string | null; parent: string | null; coChairs: string[] }
  >();
  private positions = new Map<string, PositionRow>();
  private events = new Map<string, EventRow>();
  private roles = new Map<string, RoleRow>();
  private quantities = new Map<string, { event: string } & Record<string, unknown>>();
  private evidence = new Map<string, Record<string, unknown>>();
  private mentions = new Map<string, Record<string, unknown>>();
  private interacted = new Map<string, { a: string; b: string; event: string }>();
  private absorb = new Map<string, { id: string; key: string; country: string | null }>();
  private calls = new Set<string>();
  /** events that derive MET between their persons (meetings) */
  private met = new Set<string>();

  constructor(
    private readonly resolve: (id: string) => string,
    private readonly loadedAt: string,
  ) {}

  add(inputs: { doc: DocumentGraph; text: string; contentHash: string }[]): this {
    const { articles, actors, places, names, membership, positions, events, roles, quantities, evidence, mentions } =
      this;
    const { interacted, absorb, calls, met, resolve, loadedAt } = this;
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
          prev.type ??= str(extra.type); // as UPSERT_ACTORS: n.type = coalesce(n.type, row.type)
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
          const k = compositeKey(id, f.key);
          const had = names.get(k);
          if (!had) names.set(k, { id, key: f.key, form: f.form, kind: f.kind });
          // as UPSERT_NAMES does ON MATCH: a key seen first as a family name takes the kind of a later form
          else if (had.kind === "family") had.kind = f.kind;
        }
        if (e.kind === "Person" && isKnownPerson(id)) {
          for (const key of fullNameKeys(e)) absorb.set(compositeKey(id, key), { id, key, country: e.country ?? null });
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
          const k = compositeKey(id, pid);
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
          mentions.set(compositeKey(id, sid, mention.start, mention.end), {
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
        const parts = ev.participants.map((p) => ({
          type: Q.roleType(p.role),
          role: p.role,
          entity: resolve(p.entity),
        }));
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
        if (kindSpec(ev.kind)?.derived === "MET") met.add(id);
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
          evidence.set(compositeKey(id, sid, evd.start, evd.end), {
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
            const k = compositeKey(a, bb);
            if (!interacted.has(k)) interacted.set(k, { a, b: bb, event: id });
          }
        }
      });
    }
    return this;
  }

  /** The per-article rows added since the last call (articles with their sentences, evidence, mentions). */
  takeArticles() {
    const out = {
      articles: this.articles,
      evidence: [...this.evidence.values()],
      mentions: [...this.mentions.values()],
    };
    this.articles = [];
    this.evidence.clear();
    this.mentions.clear();
    return out;
  }

  rows() {
    return {
      articles: this.articles,
      actors: [...this.actors.values()],
      places: [...this.places.values()],
      names: [...this.names.values()],
      absorb: [...this.absorb.values()],
      membership: [...this.membership.values()],
      positions: [...this.positions.values()],
      events: [...this.events.values()],
      roles: [...this.roles.values()],
      quantities: [...this.quantities.values()],
      evidence: [...this.evidence.values()],
      mentions: [...this.mentions.values()],
      calls: [...this.calls],
      met: [...this.met],
      interacted: [...this.interacted.values()],
    };
  }
}

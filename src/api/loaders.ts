/**
 * Per-request DataLoaders: every nested field of a request that needs the same kind of data is answered by
 * ONE batched Cypher statement (UNWIND $ids), so a request costs a bounded number of statements however
 * many items it returns.
 */
import DataLoader from "dataloader";
import type { Graph } from "../graph/driver.js";
import type { ActorRow, EventRow, Page } from "../graph/queries/index.js";
import * as q from "../graph/queries/index.js";

type BatchById<V> = (graph: Graph, ids: readonly string[]) => Promise<Map<string, V>>;

function byId<V, D>(graph: Graph, fetch: BatchById<V>, missing: D): DataLoader<string, V | D> {
  return new DataLoader<string, V | D>(async (ids) => {
    const found = await fetch(graph, ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

/** A key of a per-actor event list: which actor, and the (shared) shape of the list. */
export interface ActorEventsKey extends q.ActorEventList {
  actorId: string;
  roles: string[];
}

/** What the events of two keys of the same list shape share: all but the actor. */
export const eventListShape = (k: Omit<ActorEventsKey, "actorId">) =>
  JSON.stringify([k.roles, k.filter, k.page.skip, k.page.limit, k.include ?? {}]);

/** Groups keys of the same list shape, so each distinct shape is one statement over all its actors. */
function groupedByShape<K extends { actorId: string }, V>(
  run: (ids: string[], sample: K) => Promise<Map<string, V>>,
  shape: (k: K) => string,
  missing: V,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const k of keys) {
        const s = shape(k);
        groups.set(s, [...(groups.get(s) ?? []), k]);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...groups.entries()].map(async ([s, ks]) => {
          const ids = [...new Set(ks.map((k) => k.actorId))];
          const found = await run(ids, ks[0] as K);
          for (const id of ids) results.set(`${s}|${id}`, found.get(id) ?? missing);
        }),
      );
      return keys.map((k) => results.get(`${shape(k)}|${k.actorId}`) ?? missing);
    },
    { cacheKeyFn: (k) => `${shape(k)}|${k.actorId}` },
  );
}

function createEventLoaders(graph: Graph) {
  return {
    actor: byId<ActorRow, null>(graph, q.actorsByIds, null),
    actorsByNameKey: byId<ActorRow[], ActorRow[]>(graph, q.actorsByNameKeys, []),
    event: byId<EventRow, null>(graph, q.eventsByIds, null),
    participants: byId(graph, q.participantsOfEvents, []),
    evidence: byId(graph, q.evidenceOfEvents, []),
    quantities: byId(graph, q.quantitiesOfEvents, []),
    article: byId(graph, q.articlesByIds, null),
    articleText: byId(graph, q.articleTexts, null),
    sentences: byId(graph, q.sentencesOfArticles, []),
    positions: byId(graph, q.positionsOfPersons, []),
    counterparts: byId(graph, q.counterpartsOfPersons, []),
    contacts: byId(graph, q.contactsOfActors, []),
    members: byId(graph, q.membersOfOrganizations, []),
    subOrganizations: byId(graph, q.subOrganizations, []),
    officials: byId(graph, q.officialsOfCountries, []),
    organizations: byId(graph, q.organizationsOfCountries, []),
  };
}

export function createLoaders(graph: Graph) {
  const loaders = createEventLoaders(graph);
  return {
    ...loaders,
    eventsOfActor: groupedByShape<ActorEventsKey, Page<EventRow>>(
      (ids, k) => q.listEventsOfActors(graph, ids, k),
      eventListShape,
      { rows: [], hasMore: false },
    ),
    countEventsOfActor: groupedByShape<ActorEventsKey, number>(
      (ids, k) => q.countEventsOfActors(graph, ids, k.roles, k.filter),
      (k) => JSON.stringify([k.roles, k.filter]),
      0,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

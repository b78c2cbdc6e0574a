/**
 * `actor` with its event lists in one statement. A client asking for an actor by name with its calls and
 * statements would otherwise cost three statements one after the other (the look-up, then one per list),
 * and their round trips and transactions cost more than the statements themselves. Looking ahead at the
 * selection, the look-up and every list are read at once and primed into the request's loaders, where the
 * resolvers find them under the keys they ask for; anything the look-ahead does not cover (an ambiguous
 * name, a bad argument) is left to the resolvers, which fetch and report it as usual.
 */
import type { GraphQLInterfaceType, GraphQLResolveInfo } from "graphql";
import * as q from "../graph/queries/index.js";
import { ACTOR_EVENT_LISTS, actorEventsKey } from "./actorEvents.js";
import type { ApiContext } from "./context.js";
import { getArgumentValues } from "./graphql.js";
import { type ActorEventsKey, eventListShape } from "./loaders.js";
import { fieldsInclude, subfields } from "./lookahead.js";
import { lookupKeys } from "./names.js";

/** Lists are fetched for at most this many actors a name may mean (more is an ambiguity error anyway). */
const MAX_CANDIDATES = 4;

/** The event lists the selection of an `actor` field asks of the actor, whatever kind it turns out to be. */
function listsAhead(info: GraphQLResolveInfo): ActorEventsKey[] {
  const lists = new Map<string, ActorEventsKey>();
  const actor = info.schema.getType("Actor") as GraphQLInterfaceType;
  for (const type of info.schema.getPossibleTypes(actor)) {
    for (const nodes of subfields(info, type).values()) {
      const node = nodes[0];
      const def = node && type.getFields()[node.name.value];
      if (!node || !def || !(node.name.value in ACTOR_EVENT_LISTS)) continue;
      try {
        const args = getArgumentValues(def, node, info.variableValues);
        const key = actorEventsKey("", node.name.value, args, fieldsInclude(nodes, info.fragments));
        lists.set(eventListShape(key), key);
      } catch {
        // a bad argument: the list's resolver reports it
      }
    }
  }
  return [...lists.values()];
}

/** Reads the actor `value` names (an id or a name) and the lists its selection asks for, into the loaders. */
export async function prefetchActor(ctx: ApiContext, info: GraphQLResolveInfo, value: string, byId: boolean) {
  const lists = listsAhead(info);
  if (lists.length === 0) return;
  let keys: string[];
  try {
    keys = byId ? [value] : lookupKeys(value, "name");
  } catch {
    return; // resolveActor reports a bad name
  }
  const found = await q.actorsByNameKeysWithEvents(ctx.graph, keys, lists, MAX_CANDIDATES);
  for (const key of keys) {
    const actors = found.actorsByKey.get(key) ?? [];
    if (byId) ctx.loaders.actor.prime(key, actors.find((a) => a.id === key) ?? null);
    else ctx.loaders.actorsByNameKey.prime(key, actors);
  }
  for (const [actorId, pages] of found.eventsByActor) {
    pages.forEach((page, i) => {
      ctx.loaders.eventsOfActor.prime({ ...(lists[i] as ActorEventsKey), actorId }, page);
    });
  }
}

/**
 * The GraphQL types of the knowledge graph, by domain: actors.ts (people, organizations, countries, places,
 * offices), events.ts (the Event interface and a type per event type of the registry), evidence.ts (articles,
 * sentences, evidence). The schema builder takes its types and interface resolution from here.
 */
import { actorType, Country, Organization, Person, Place } from "./actors.js";
import { EVENT_CLASSES, eventType } from "./events.js";

export * from "./actors.js";
export * from "./events.js";
export * from "./evidence.js";

/** The GraphQL type of a row of each interface (see buildApiSchema). */
export const RESOLVE_TYPE = {
  Actor: actorType,
  Event: eventType,
  SaidEvent: eventType,
};

/** Every object type (the interfaces' implementations), for the schema builder. */
export const GRAPH_TYPES = [Person, Organization, Country, Place, ...new Set(Object.values(EVENT_CLASSES))];

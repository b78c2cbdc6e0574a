import { registerEnumType } from "type-graphql";
import { EVENT_KIND_NAMES, EVENT_KIND_SPECS, type EventKind as GraphKind } from "../../extract/kinds.js";

/** GraphQL names on the left, the graph's event kinds (node labels) on the right: the registry's. */
export const EventKind = Object.fromEntries(
  EVENT_KIND_NAMES.map((k) => [EVENT_KIND_SPECS[k].graphqlName, k]),
) as Readonly<Record<string, GraphKind>>;
export type EventKind = GraphKind;
registerEnumType(EventKind, {
  name: "EventKind",
  description: "What kind of event; each has a CAMEO code on the event.",
  valuesConfig: Object.fromEntries(
    EVENT_KIND_NAMES.map((k) => [EVENT_KIND_SPECS[k].graphqlName, { description: EVENT_KIND_SPECS[k].description }]),
  ),
});

export enum ActorKind {
  PERSON = "Person",
  ORGANIZATION = "Organization",
  COUNTRY = "Country",
  PLACE = "Place",
}
registerEnumType(ActorKind, { name: "ActorKind" });

export enum DatePrecision {
  YEAR = "year",
  MONTH = "month",
  DAY = "day",
  INTERVAL = "interval",
}
registerEnumType(DatePrecision, { name: "DatePrecision" });

export enum CallDirection {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
  ANY = "ANY",
}
registerEnumType(CallDirection, {
  name: "CallDirection",
  valuesConfig: {
    OUTGOING: { description: "calls this person made (CALLER)" },
    INCOMING: { description: "calls this person received (CALLEE)" },
    ANY: { description: "both" },
  },
});

export enum SearchHitKind {
  ACTOR = "ACTOR",
  EVENT = "EVENT",
  SENTENCE = "SENTENCE",
}
registerEnumType(SearchHitKind, { name: "SearchHitKind" });

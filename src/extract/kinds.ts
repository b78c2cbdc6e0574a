/**
 * The one registry of event kinds. Everything that names a kind derives from this table: the TypeScript union
 * (types.ts), the loader's allow-lists of labels and relationship types (src/graph/cypher.ts), the identity rule
 * of symmetric events (src/graph/identity.ts), the derived actor-to-actor relationships (CALLED, MET), the
 * GraphQL enum and the type an event row resolves to (src/api/types). `npm run schema:sdl` writes
 * schema/document-graph.schema.json's list of kinds and schema/schema.graphql from it, and a unit test holds both
 * files to it. Adding a kind is one row here, its rule module (named in TOKEN_RULES), its word sets in
 * seeds/lexicon/events.yaml (with its anchors), an edge style in the explorer and, for a new GraphQL type, its class.
 */

export interface EventKindSpec {
  /** the roles its participants take (the loader gives each its relationship type, see ROLE_TYPES) */
  readonly roles: readonly string[];
  /** its parties are unordered: "X called Y" and "X and Y spoke" (or "X received Y" and "X met Y") are one event */
  readonly symmetric: boolean;
  /** the actor-to-actor relationship the loader derives from it, between its persons */
  readonly derived: "CALLED" | "MET" | null;
  /** its CAMEO code; a rule may give a finer one (an appeal for restraint, shelling) */
  readonly cameo: string | null;
  /** the GraphQL enum value */
  readonly graphqlName: string;
  /** the GraphQL object type its events resolve to */
  readonly graphqlType: string;
  readonly description: string;
}

const said = ["speaker", "addressee"] as const;

export const EVENT_KIND_SPECS = {
  PhoneCall: {
    roles: ["caller", "callee"],
    symmetric: true,
    derived: "CALLED",
    cameo: "041",
    graphqlName: "PHONE_CALL",
    graphqlType: "PhoneCall",
    description: "A telephone conversation between two actors (CAMEO 040 family)",
  },
  Statement: {
    roles: said,
    symmetric: false,
    derived: null,
    cameo: "010",
    graphqlName: "STATEMENT",
    graphqlType: "Statement",
    description: "Someone said something, with the quote when there is one",
  },
  Appeal: {
    roles: said,
    symmetric: false,
    derived: null,
    cameo: "020",
    graphqlName: "APPEAL",
    graphqlType: "Appeal",
    description: "A call on someone to act (e.g. restraint), CAMEO 02x",
  },
  Condolence: {
    roles: said,
    symmetric: false,
    derived: null,
    cameo: "018",
    graphqlName: "CONDOLENCE",
    graphqlType: "Condolence",
    description: "Condolences offered to someone",
  },
  Claim: {
    roles: ["claimant"],
    symmetric: false,
    derived: null,
    cameo: null,
    graphqlName: "CLAIM",
    graphqlType: "Claim",
    description: "A claim with numbers: casualties, destroyed equipment, …",
  },
  TerritorialClaim: {
    roles: ["claimant"],
    symmetric: false,
    derived: null,
    cameo: null,
    graphqlName: "TERRITORIAL_CLAIM",
    graphqlType: "Claim",
    description: "A claim to control territory",
  },
  Clash: {
    roles: ["party", "location"],
    symmetric: false,
    derived: null,
    cameo: "190",
    graphqlName: "CLASH",
    graphqlType: "OtherEvent",
    description: "Fighting between parties",
  },
  Ceasefire: {
    roles: ["party", "location"],
    symmetric: false,
    derived: null,
    cameo: "196",
    graphqlName: "CEASEFIRE",
    graphqlType: "OtherEvent",
    description: "A ceasefire agreed or violated",
  },
  MeetingCall: {
    roles: said,
    symmetric: false,
    derived: null,
    cameo: "026",
    graphqlName: "MEETING_CALL",
    graphqlType: "OtherEvent",
    description: "A call for a meeting (e.g. of a security council)",
  },
  Accusation: {
    roles: said,
    symmetric: false,
    derived: null,
    cameo: "112",
    graphqlName: "ACCUSATION",
    graphqlType: "OtherEvent",
    description: "One party accusing another",
  },
  Meeting: {
    roles: ["participant", "host", "guest", "location"],
    symmetric: true,
    derived: "MET",
    cameo: "044",
    graphqlName: "MEETING",
    graphqlType: "Meeting",
    description: "Actors met in person (CAMEO 043/044), with the host and guest when the text says so",
  },
  Visit: {
    roles: ["visitor", "location"],
    symmetric: false,
    derived: null,
    cameo: "042",
    graphqlName: "VISIT",
    graphqlType: "Visit",
    description: "Someone visited a country or place (CAMEO 042)",
  },
  Message: {
    roles: ["sender", "carrier", "recipient"],
    symmetric: false,
    derived: null,
    cameo: "040",
    graphqlName: "MESSAGE",
    graphqlType: "Message",
    description: "A written or oral message from a sender to a recipient, carried by an envoy",
  },
  Other: {
    roles: [],
    symmetric: false,
    derived: null,
    cameo: null,
    graphqlName: "OTHER",
    graphqlType: "OtherEvent",
    description: "Anything else",
  },
} as const satisfies Record<string, EventKindSpec>;

export type EventKind = keyof typeof EVENT_KIND_SPECS;

/** every kind, in the registry's order */
export const EVENT_KIND_NAMES = Object.keys(EVENT_KIND_SPECS) as EventKind[];

export const kindSpec = (kind: string): EventKindSpec | undefined =>
  (EVENT_KIND_SPECS as Record<string, EventKindSpec>)[kind];

/** the kinds whose events derive an actor-to-actor relationship of this type */
export const kindsDeriving = (rel: EventKindSpec["derived"]): EventKind[] =>
  EVENT_KIND_NAMES.filter((k) => EVENT_KIND_SPECS[k].derived === rel);

/** every role any kind names, once each, in the registry's order */
export const EVENT_ROLES: readonly string[] = [...new Set(EVENT_KIND_NAMES.flatMap((k) => EVENT_KIND_SPECS[k].roles))];

/** roles a document graph from another extractor may give any kind (who or what it is about, its target, …) */
export const GENERAL_ROLES: readonly string[] = [
  "target",
  "subject",
  "about",
  "source",
  "victim",
  "mediator",
  "accuser",
  "accused",
  "participant",
];

import { registerEnumType } from "type-graphql";

/** GraphQL names on the left, the graph's event kinds (node labels) on the right. */
export enum EventKind {
  PHONE_CALL = "PhoneCall",
  STATEMENT = "Statement",
  APPEAL = "Appeal",
  CONDOLENCE = "Condolence",
  CLAIM = "Claim",
  TERRITORIAL_CLAIM = "TerritorialClaim",
  CLASH = "Clash",
  CEASEFIRE = "Ceasefire",
  MEETING_CALL = "MeetingCall",
  ACCUSATION = "Accusation",
  MEETING = "Meeting",
  OTHER = "Other",
}
registerEnumType(EventKind, {
  name: "EventKind",
  description: "What kind of event; each has a CAMEO code on the event.",
  valuesConfig: {
    PHONE_CALL: { description: "A telephone conversation between two actors (CAMEO 040 family)" },
    STATEMENT: { description: "Someone said something, with the quote when there is one" },
    APPEAL: { description: "A call on someone to act (e.g. restraint), CAMEO 02x" },
    CONDOLENCE: { description: "Condolences offered to someone" },
    CLAIM: { description: "A claim with numbers: casualties, destroyed equipment, …" },
    TERRITORIAL_CLAIM: { description: "A claim to control territory" },
    CLASH: { description: "Fighting between parties" },
    CEASEFIRE: { description: "A ceasefire agreed or violated" },
    MEETING_CALL: { description: "A call for a meeting (e.g. of a security council)" },
    ACCUSATION: { description: "One party accusing another" },
    MEETING: { description: "A meeting" },
    OTHER: { description: "Anything else" },
  },
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

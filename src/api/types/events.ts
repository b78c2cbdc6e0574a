/**
 * The GraphQL types of events: the Event interface, one object type per event type of the registry
 * (src/extract/kinds.ts names each kind's type), their parties by role and their connections.
 */
import { Ctx, Field, Float, ID, InterfaceType, ObjectType } from "type-graphql";
import { kindSpec } from "../../extract/kinds.js";
import type { ActorRow, EventRow, EvidenceRow, ParticipationRow, QuantityRow } from "../../graph/queries/index.js";
import type { ApiContext } from "../context.js";
import { Actor, actorOrNull } from "./actors.js";
import { Connection } from "./connection.js";
import { DatePrecision, EventKind } from "./enums.js";
import { Evidence } from "./evidence.js";

/**
 * An event's parties: carried by the event when its list fetched them (EventInclude), else one batched
 * look-up. Carried data is returned as a plain value, not a promise: graphql-js then completes a list's
 * items synchronously, instead of through a promise per field of every item.
 */
type CarriedParts = Pick<EventRow, "id" | "carriedParticipants" | "carriedEvidence">;
type MaybePromise<T> = T | Promise<T>;

function participantsThen<T>(ctx: ApiContext, event: CarriedParts, use: (p: ParticipationRow[]) => T): MaybePromise<T> {
  return event.carriedParticipants ? use(event.carriedParticipants) : ctx.loaders.participants.load(event.id).then(use);
}

function withRole(ctx: ApiContext, event: CarriedParts, roles: string[]): MaybePromise<ActorRow[]> {
  return participantsThen(ctx, event, (ps) => ps.filter((p) => roles.includes(p.role)).map((p) => p.actor));
}

function firstWithRole(ctx: ApiContext, event: CarriedParts, role: string): MaybePromise<ActorRow | null> {
  return participantsThen(ctx, event, (ps) => ps.find((p) => p.role === role)?.actor ?? null);
}

/** The GraphQL type of an event row: its kind's, in the registry (src/extract/kinds.ts). */
export const eventType = (value: EventRow): string => kindSpec(value.kind)?.graphqlType ?? "OtherEvent";

@ObjectType("Participation", { description: "An actor's role in an event" })
export class Participation {
  @Field(() => String, { description: "caller, callee, speaker, addressee, claimant, party, location, …" })
  role!: string;

  @Field(() => Actor)
  actor!: ActorRow;
}

@ObjectType("Quantity", { description: "A number an event reports: 12 soldiers killed, 6 tanks destroyed, …" })
export class Quantity {
  @Field(() => Float)
  value!: number;

  @Field(() => Boolean, { description: '"about 200"' })
  approximate!: boolean;

  @Field(() => Boolean, { description: '"more than 100"' })
  atLeast!: boolean;

  @Field(() => String, { description: "killed, wounded, soldiers, tanks, artillery, helicopters, …" })
  what!: string;

  @Field(() => String, { nullable: true, description: "The words of the article" })
  text!: string | null;

  sideId!: string | null;

  @Field(() => Actor, { nullable: true, description: "The side that suffered it" })
  side(@Ctx() ctx: ApiContext): Promise<ActorRow | null> {
    return actorOrNull(ctx, this.sideId);
  }
}

@InterfaceType("Event", {
  description: "Something that happened or was said, with the sentences that evidence it.",
  resolveType: (value: EventRow) => eventType(value),
})
export abstract class Event {
  @Field(() => ID)
  id!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => String, { nullable: true, description: "CAMEO event code" })
  cameo!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD" })
  date!: string | null;

  @Field(() => String, { nullable: true, description: "First day the date covers" })
  dateFrom!: string | null;

  @Field(() => String, { nullable: true, description: "Last day the date covers" })
  dateTo!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  datePrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true, description: "The verb the article used" })
  verb!: string | null;

  @Field(() => [Participation])
  participants(@Ctx() ctx: ApiContext): MaybePromise<ParticipationRow[]> {
    return participantsThen(ctx, this, (ps) => ps);
  }

  @Field(() => [Evidence])
  evidence(@Ctx() ctx: ApiContext): MaybePromise<EvidenceRow[]> {
    return (this as CarriedParts).carriedEvidence ?? ctx.loaders.evidence.load(this.id);
  }
}

@ObjectType("PhoneCall", { implements: Event, description: "Who called whom" })
export class PhoneCall extends Event {
  directed!: boolean | null;

  @Field(() => Boolean, { name: "directed", description: "False when the article does not say who called whom" })
  directedOrDefault(): boolean {
    return this.directed ?? true;
  }

  @Field(() => Actor, { nullable: true })
  caller(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "caller");
  }

  @Field(() => Actor, { nullable: true })
  callee(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "callee");
  }

  @Field(() => String, { nullable: true })
  medium!: string | null;
}

@InterfaceType("SaidEvent", {
  implements: Event,
  description: "Something someone said to someone: a statement, an appeal, condolences.",
  resolveType: (value: EventRow) => eventType(value),
})
export abstract class SaidEvent extends Event {
  @Field(() => Actor, { nullable: true })
  speaker(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "speaker");
  }

  @Field(() => [Actor], { description: "Who it was said to" })
  addressees(@Ctx() ctx: ApiContext): MaybePromise<ActorRow[]> {
    return withRole(ctx, this, ["addressee"]);
  }
}

@ObjectType("Statement", { implements: [Event, SaidEvent], description: "Someone said something" })
export class Statement extends SaidEvent {
  @Field(() => String, { nullable: true, description: "The quoted words, when quoted" })
  quote!: string | null;

  @Field(() => [Actor], { description: "Who or what it is about" })
  about(@Ctx() ctx: ApiContext): MaybePromise<ActorRow[]> {
    return participantsThen(ctx, this, (ps) =>
      ps.filter((p) => !["speaker", "addressee"].includes(p.role)).map((p) => p.actor),
    );
  }
}

@ObjectType("Claim", { implements: Event, description: "A claim, with its numbers (casualties, losses, …)" })
export class Claim extends Event {
  @Field(() => Actor, { nullable: true, description: "Who claims it" })
  claimant(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "claimant");
  }

  @Field(() => [Quantity])
  quantities(@Ctx() ctx: ApiContext): Promise<QuantityRow[]> {
    return ctx.loaders.quantities.load(this.id);
  }
}

@ObjectType("Appeal", { implements: [Event, SaidEvent], description: "A call on someone to act" })
export class Appeal extends SaidEvent {}

@ObjectType("Condolence", { implements: [Event, SaidEvent], description: "Condolences offered" })
export class Condolence extends SaidEvent {}

@ObjectType("Meeting", { implements: Event, description: "Who met whom in person" })
export class Meeting extends Event {
  @Field(() => [Actor], { description: "Everyone who met: the host, the guests and the other participants" })
  parties(@Ctx() ctx: ApiContext): MaybePromise<ActorRow[]> {
    // two reports of one meeting may give one person two roles (host in one, participant in the other)
    return participantsThen(ctx, this, (ps) => [
      ...new Map(
        ps.filter((p) => ["host", "guest", "participant"].includes(p.role)).map((p) => [p.actor.id, p.actor]),
      ).values(),
    ]);
  }

  @Field(() => Actor, { nullable: true, description: "Who received the others, when the article says so" })
  host(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "host");
  }

  @Field(() => [Actor], { description: "Who was received (empty when the article names no host)" })
  guests(@Ctx() ctx: ApiContext): MaybePromise<ActorRow[]> {
    return withRole(ctx, this, ["guest"]);
  }

  @Field(() => Actor, { nullable: true, description: "Where they met" })
  location(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "location");
  }
}

@ObjectType("Visit", { implements: Event, description: "Who visited which country or place" })
export class Visit extends Event {
  @Field(() => Actor, { nullable: true })
  visitor(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "visitor");
  }

  @Field(() => Actor, { nullable: true, description: "The country or place visited" })
  destination(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "location");
  }
}

@ObjectType("Message", { implements: Event, description: "A written or oral message, carried by an envoy" })
export class Message extends Event {
  @Field(() => Actor, { nullable: true, description: "Who sent it" })
  sender(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "sender");
  }

  @Field(() => Actor, { nullable: true, description: "Who carried it (an envoy, a minister)" })
  carrier(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "carrier");
  }

  @Field(() => Actor, { nullable: true, description: "Who it was for" })
  recipient(@Ctx() ctx: ApiContext): MaybePromise<ActorRow | null> {
    return firstWithRole(ctx, this, "recipient");
  }
}

@ObjectType("OtherEvent", { implements: Event, description: "Clashes, ceasefires, calls for meetings, accusations, …" })
export class OtherEvent extends Event {}

export const EventConnection = Connection("Event", () => Event);
export const PhoneCallConnection = Connection("PhoneCall", () => PhoneCall);
export const StatementConnection = Connection("Statement", () => Statement);
export const ClaimConnection = Connection("Claim", () => Claim);
export const MeetingConnection = Connection("Meeting", () => Meeting);
export const VisitConnection = Connection("Visit", () => Visit);
export const MessageConnection = Connection("Message", () => Message);

/** the class of each GraphQL event type the registry names */
export const EVENT_CLASSES: Record<string, abstract new () => object> = {
  PhoneCall,
  Statement,
  Claim,
  Appeal,
  Condolence,
  Meeting,
  Visit,
  Message,
  OtherEvent,
};

/**
 * An event row as an object of its GraphQL class. type-graphql runs a field method on `this` of the class
 * that declares it, and copies any other value into a new instance first, for every field method of every
 * event of a list.
 */
export function asEventObject(row: EventRow): EventRow {
  const type = EVENT_CLASSES[eventType(row)] ?? OtherEvent;
  return Object.setPrototypeOf(row, type.prototype);
}

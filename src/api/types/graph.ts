/**
 * The GraphQL types of the knowledge graph. Values are the plain rows of src/graph/queries; fields that
 * need more data are methods here that go through the request's DataLoaders (never a query per item).
 * Every decorator names its type explicitly: the test transform emits no decorator metadata.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Field, Float, ID, Info, Int, InterfaceType, ObjectType } from "type-graphql";
import { kindSpec } from "../../extract/kinds.js";
import type {
  ActorRow,
  EventRow,
  EvidenceRow,
  ParticipationRow,
  PositionRow,
  QuantityRow,
} from "../../graph/queries/index.js";
import { actorEventsKey } from "../actorEvents.js";
import type { ApiContext } from "../context.js";
import { eventInclude } from "../lookahead.js";
import { toConnection } from "../pagination.js";
import { ActorEventsArgs, CallsArgs, PageArgs } from "./args.js";
import { Connection } from "./connection.js";
import { ActorKind, CallDirection, DatePrecision, EventKind } from "./enums.js";

// ---------------------------------------------------------------------------------------------- helpers

async function actorOrNull(ctx: ApiContext, id: string | null | undefined): Promise<ActorRow | null> {
  return id ? ctx.loaders.actor.load(id) : null;
}

/** A page of an actor's events (list field `field`), batched across all actors of the request. */
function actorEvents(
  ctx: ApiContext,
  actorId: string,
  field: string,
  args: { first?: number | null; after?: string | null; kind?: string | null; direction?: CallDirection },
  info: GraphQLResolveInfo,
) {
  const key = actorEventsKey(actorId, field, args, eventInclude(info));
  return ctx.loaders.eventsOfActor
    .load(key)
    .then((rows) => toConnection(rows, key.page, asEventObject, () => ctx.loaders.countEventsOfActor.load(key)));
}

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
const eventType = (value: EventRow): string => kindSpec(value.kind)?.graphqlType ?? "OtherEvent";

/** The GraphQL type of a row of each interface (see buildApiSchema). */
export const RESOLVE_TYPE = {
  Actor: (value: ActorRow): string => value.kind,
  Event: eventType,
  SaidEvent: eventType,
};

// ----------------------------------------------------------------------------------------------- actors

@InterfaceType("Actor", {
  description: "Someone or something that acts or is acted upon: a person, an organization, a country, a place.",
  resolveType: (value: ActorRow) => RESOLVE_TYPE.Actor(value),
})
export abstract class Actor {
  @Field(() => ID, { description: "Stable across articles: person:sergey-lavrov, country:ru, org:ru:mfa, …" })
  id!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => String, { description: "Display name, in Arabic as first written" })
  name!: string;

  @Field(() => String, { nullable: true, description: "English name, when known" })
  nameEn!: string | null;

  @Field(() => [String], { description: "Every other spelling met in the articles" })
  aliases!: string[];

  countryId!: string | null;
  parentId!: string | null;

  @Field(() => Country, { nullable: true, description: "The country the actor belongs to" })
  country(@Ctx() ctx: ApiContext): Promise<ActorRow | null> {
    return actorOrNull(ctx, this.countryId);
  }

  @Field(() => EventConnection, { description: "Events this actor takes part in, in any role" })
  events(@Ctx() ctx: ApiContext, @Args(() => ActorEventsArgs) args: ActorEventsArgs, @Info() info: GraphQLResolveInfo) {
    return actorEvents(ctx, this.id, "events", args, info);
  }

  @Field(() => [Person], { description: "People this actor took part in at least one event with" })
  contacts(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.contacts.load(this.id);
  }
}

@ObjectType("Person", { implements: Actor })
export class Person extends Actor {
  @Field(() => Boolean, { description: 'Known only by office ("the first deputy defence minister")' })
  unnamed!: boolean;

  @Field(() => [Position], { description: "Offices held, most recent first" })
  positions(@Ctx() ctx: ApiContext): Promise<PositionRow[]> {
    return ctx.loaders.positions.load(this.id);
  }

  @Field(() => [Person], { description: "People holding the same office for another country (his نظراء)" })
  counterparts(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.counterparts.load(this.id);
  }

  @Field(() => PhoneCallConnection, { description: "Phone calls this person made, received, or both" })
  calls(@Ctx() ctx: ApiContext, @Args(() => CallsArgs) args: CallsArgs, @Info() info: GraphQLResolveInfo) {
    return actorEvents(ctx, this.id, "calls", args, info);
  }

  @Field(() => MeetingConnection, { description: "Meetings this person took part in, as host, guest or participant" })
  meetings(@Ctx() ctx: ApiContext, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo) {
    return actorEvents(ctx, this.id, "meetings", args, info);
  }

  @Field(() => StatementConnection, { description: "What this person said" })
  statements(@Ctx() ctx: ApiContext, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo) {
    return actorEvents(ctx, this.id, "statements", args, info);
  }
}

@ObjectType("Organization", { implements: Actor })
export class Organization extends Actor {
  @Field(() => Organization, {
    nullable: true,
    description: "The body it is part of (a ministry's press office → the ministry)",
  })
  parent(@Ctx() ctx: ApiContext): Promise<ActorRow | null> {
    return actorOrNull(ctx, this.parentId);
  }

  @Field(() => [Organization], { description: "Bodies that are part of it" })
  subOrganizations(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.subOrganizations.load(this.id);
  }

  @Field(() => [Person], { description: "People holding an office in it" })
  members(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.members.load(this.id);
  }
}

@ObjectType("Country", { implements: Actor })
export class Country extends Actor {
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code" })
  iso2!: string | null;

  @Field(() => [Person], { description: "People holding an office for it" })
  officials(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.officials.load(this.id);
  }

  @Field(() => [Organization], { description: "Its organizations (ministries, …)" })
  organizations(@Ctx() ctx: ApiContext): Promise<ActorRow[]> {
    return ctx.loaders.organizations.load(this.id);
  }
}

@ObjectType("Place", { implements: Actor, description: "A place (region, town, hill): where events happen" })
export class Place extends Actor {}

@ObjectType("Position", { description: "An office a person holds or held" })
export class Position {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Title in Arabic" })
  title!: string;

  @Field(() => String, { nullable: true })
  titleEn!: string | null;

  @Field(() => String, { nullable: true })
  validFrom!: string | null;

  @Field(() => String, { nullable: true })
  validTo!: string | null;

  organizationId!: string | null;
  countryId!: string | null;

  @Field(() => Organization, { nullable: true })
  organization(@Ctx() ctx: ApiContext): Promise<ActorRow | null> {
    return actorOrNull(ctx, this.organizationId);
  }

  @Field(() => Country, { nullable: true })
  country(@Ctx() ctx: ApiContext): Promise<ActorRow | null> {
    return actorOrNull(ctx, this.countryId);
  }
}

// ----------------------------------------------------------------------------------------------- provenance

@ObjectType("Sentence")
export class Sentence {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "0-based position in the article" })
  index!: number;

  @Field(() => Int, { description: "Offset of its first character in the article text" })
  start!: number;

  @Field(() => Int, { description: "Offset just past its last character" })
  end!: number;

  @Field(() => String)
  text!: string;

  articleId!: string;

  @Field(() => Article, { nullable: true })
  article(@Ctx() ctx: ApiContext) {
    return ctx.loaders.article.load(this.articleId);
  }
}

@ObjectType("Article", { description: "A news article, the source of every fact" })
export class Article {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: "sha256 of the text" })
  contentHash!: string | null;

  @Field(() => String, { description: "The full text (offsets of evidence and sentences point into it)" })
  async text(@Ctx() ctx: ApiContext): Promise<string> {
    return (await ctx.loaders.articleText.load(this.id)) ?? "";
  }

  @Field(() => [Sentence])
  sentences(@Ctx() ctx: ApiContext) {
    return ctx.loaders.sentences.load(this.id);
  }
}

@ObjectType("Evidence", { description: "Where an article says it: the words, with their offsets in the article text" })
export class Evidence {
  articleId!: string;

  @Field(() => Article)
  async article(@Ctx() ctx: ApiContext) {
    const article = await ctx.loaders.article.load(this.articleId);
    if (!article) throw new Error(`evidence points to a missing article ${this.articleId}`);
    return article;
  }

  @Field(() => Int, { description: "Index of the sentence in the article" })
  sentence!: number;

  @Field(() => Int, { description: "Offset in the article text" })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { description: "Equal to article.text.slice(start, end)" })
  text!: string;
}

// ----------------------------------------------------------------------------------------------- events

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
  resolveType: (value: EventRow) => RESOLVE_TYPE.Event(value),
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
  resolveType: (value: EventRow) => RESOLVE_TYPE.SaidEvent(value),
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

// ----------------------------------------------------------------------------------------------- connections

export const ActorConnection = Connection("Actor", () => Actor);
export const EventConnection = Connection("Event", () => Event);
export const PhoneCallConnection = Connection("PhoneCall", () => PhoneCall);
export const StatementConnection = Connection("Statement", () => Statement);
export const ClaimConnection = Connection("Claim", () => Claim);
export const MeetingConnection = Connection("Meeting", () => Meeting);
export const VisitConnection = Connection("Visit", () => Visit);
export const MessageConnection = Connection("Message", () => Message);
export const ArticleConnection = Connection("Article", () => Article);

export const GRAPH_TYPES = [
  Person,
  Organization,
  Country,
  Place,
  PhoneCall,
  Statement,
  Claim,
  Appeal,
  Condolence,
  Meeting,
  Visit,
  Message,
  OtherEvent,
];

/** the class of each GraphQL event type the registry names */
export const EVENT_CLASSES: Record<string, { prototype: object }> = {
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

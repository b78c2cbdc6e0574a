/**
 * The GraphQL types of actors: people, organizations, countries, places and the offices people hold. Values
 * are the plain rows of src/graph/queries; fields that need more data go through the request's DataLoaders.
 * Every decorator names its type explicitly: the test transform emits no decorator metadata.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Field, ID, Info, InterfaceType, ObjectType } from "type-graphql";
import type { ActorRow, PositionRow } from "../../graph/queries/index.js";
import { actorEventsKey } from "../actorEvents.js";
import type { ApiContext } from "../context.js";
import { eventInclude } from "../lookahead.js";
import { toConnection } from "../pagination.js";
import { ActorEventsArgs, CallsArgs, PageArgs } from "./args.js";
import { Connection } from "./connection.js";
import { ActorKind, type CallDirection } from "./enums.js";
import {
  asEventObject,
  EventConnection,
  MeetingConnection,
  PhoneCallConnection,
  StatementConnection,
} from "./events.js";

export async function actorOrNull(ctx: ApiContext, id: string | null | undefined): Promise<ActorRow | null> {
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

/** The GraphQL type of an actor row: its kind. */
export const actorType = (value: ActorRow): string => value.kind;

@InterfaceType("Actor", {
  description: "Someone or something that acts or is acted upon: a person, an organization, a country, a place.",
  resolveType: (value: ActorRow) => actorType(value),
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

export const ActorConnection = Connection("Actor", () => Actor);

/**
 * Argument sets of the fields, as classes so the SDL lists arguments in the order written here. Every list's
 * arguments extend PageArgs (first, after).
 * Actor arguments (caller, speaker, …) take an id or a name in any spelling: see names.ts.
 */
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination.js";
import { ActorKind, CallDirection, EventKind } from "./enums.js";

const FIRST = { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, at most ${MAX_PAGE_SIZE}` };
const AFTER = { nullable: true, description: "The endCursor of the previous page" };
const ACTOR = (what: string) => ({
  nullable: true,
  description: `${what}: an id, or a name — Arabic in any spelling, or English; full or family name`,
});
const DATE = (what: string) => ({ nullable: true, description: `${what}: YYYY, YYYY-MM or YYYY-MM-DD` });

@ArgsType()
export class PageArgs {
  @Field(() => Int, FIRST)
  first?: number | null;

  @Field(() => String, AFTER)
  after?: string | null;
}

/** A list of events between two dates. */
@ArgsType()
export class DatedPageArgs extends PageArgs {
  @Field(() => String, DATE("On or after"))
  from?: string | null;

  @Field(() => String, DATE("On or before"))
  to?: string | null;
}

@ArgsType()
export class ActorEventsArgs extends PageArgs {
  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;
}

@ArgsType()
export class CallsArgs extends PageArgs {
  @Field(() => CallDirection, { defaultValue: CallDirection.ANY })
  direction!: CallDirection;
}

@ArgsType()
export class ActorArgs {
  @Field(() => ID, { nullable: true, description: "The actor's id, e.g. person:sergey-lavrov" })
  id?: string | null;

  @Field(() => String, ACTOR("The actor's name"))
  name?: string | null;
}

@ArgsType()
export class ActorsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Full-text search over names (Arabic analyzer)" })
  search?: string | null;

  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => String, ACTOR("Actors of this country"))
  country?: string | null;
}

@ArgsType()
export class PhoneCallsArgs extends DatedPageArgs {
  @Field(() => String, ACTOR("Who called"))
  caller?: string | null;

  @Field(() => String, ACTOR("Who was called"))
  callee?: string | null;

  @Field(() => String, ACTOR("Caller or callee"))
  participant?: string | null;

  @Field(() => String, ACTOR("Calls with a party of this country"))
  country?: string | null;
}

@ArgsType()
export class StatementsArgs extends PageArgs {
  @Field(() => String, ACTOR("Who spoke"))
  speaker?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search over quotes and sentences" })
  search?: string | null;
}

@ArgsType()
export class ClaimsArgs extends PageArgs {
  @Field(() => String, ACTOR("Who claims"))
  claimant?: string | null;

  @Field(() => String, ACTOR("Claims made by this country or anyone of it"))
  side?: string | null;

  @Field(() => String, ACTOR("Claims about losses of this actor, or of anyone of this country"))
  sufferedBy?: string | null;
}

@ArgsType()
export class EventsArgs extends DatedPageArgs {
  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => String, ACTOR("Events this actor takes part in, in any role"))
  actor?: string | null;
}

@ArgsType()
export class ShortestPathArgs {
  @Field(() => String, { description: "From this actor: an id or a name" })
  from!: string;

  @Field(() => String, { description: "To this actor: an id or a name" })
  to!: string;

  @Field(() => Int, { defaultValue: 4, description: "At most this many actor-to-actor hops (1 to 6)" })
  maxHops!: number;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: "Words to look for (Arabic or English)" })
  text!: string;

  @Field(() => Int, { defaultValue: 10, description: `How many hits, at most ${MAX_PAGE_SIZE}` })
  first!: number;
}

@ArgsType()
export class MeetingsArgs extends DatedPageArgs {
  @Field(() => String, ACTOR("Who took part, in any role"))
  participant?: string | null;

  @Field(() => String, ACTOR("Who received the others"))
  host?: string | null;

  @Field(() => String, ACTOR("Who was received"))
  guest?: string | null;

  @Field(() => String, ACTOR("Meetings with a party of this country"))
  country?: string | null;
}

@ArgsType()
export class VisitsArgs extends DatedPageArgs {
  @Field(() => String, ACTOR("Who visited"))
  visitor?: string | null;

  @Field(() => String, ACTOR("The country or place visited"))
  destination?: string | null;
}

@ArgsType()
export class MessagesArgs extends DatedPageArgs {
  @Field(() => String, ACTOR("Who sent it"))
  sender?: string | null;

  @Field(() => String, ACTOR("Who carried it"))
  carrier?: string | null;

  @Field(() => String, ACTOR("Who it was for"))
  recipient?: string | null;
}

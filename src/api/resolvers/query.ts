/**
 * The root fields. Each validates its arguments, resolves names to actors (one batched look-up), then runs
 * ONE list statement from src/graph/queries; nested fields go through the request's DataLoaders.
 */
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import type { ActorRow, EventFilter } from "../../graph/queries/index.js";
import * as q from "../../graph/queries/index.js";
import { MEETING_ROLES } from "../actorEvents.js";
import type { ApiContext } from "../context.js";
import { badInput, notFound } from "../errors.js";
import { eventInclude } from "../lookahead.js";
import { dateRange, resolveActor, resolveOptional } from "../names.js";
import { MAX_PAGE_SIZE, pageRequest, toConnection } from "../pagination.js";
import { prefetchActor } from "../prefetch.js";
import {
  ActorArgs,
  ActorsArgs,
  ClaimsArgs,
  EventsArgs,
  MeetingsArgs,
  MessagesArgs,
  PageArgs,
  PhoneCallsArgs,
  SearchArgs,
  ShortestPathArgs,
  StatementsArgs,
  VisitsArgs,
} from "../types/args.js";
import { SearchHitKind } from "../types/enums.js";
import {
  Actor,
  ActorConnection,
  Article,
  ArticleConnection,
  asEventObject,
  ClaimConnection,
  Event,
  EventConnection,
  MeetingConnection,
  MessageConnection,
  PhoneCallConnection,
  StatementConnection,
  VisitConnection,
} from "../types/graph.js";
import { Path, pathFromRow, SearchHit } from "../types/path.js";

export const MAX_SEARCH_TEXT = 500;

/** Paths run between actors; places are where events happen, not links. */
const ACTOR_KINDS: q.ActorKind[] = ["Person", "Organization", "Country"];

function searchQuery(text: string, argument: string): string {
  if (text.length > MAX_SEARCH_TEXT) {
    throw badInput(`${argument} must be at most ${MAX_SEARCH_TEXT} characters`, { argumentName: argument });
  }
  const query = q.luceneQuery(text);
  if (!query) throw badInput(`${argument} must contain at least one word`, { argumentName: argument });
  return query;
}

function eventConnection(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  filter: EventFilter,
  first?: number | null,
  after?: string | null,
) {
  const page = pageRequest(first, after);
  return q
    .listEvents(ctx.graph, filter, page, eventInclude(info))
    .then((rows) => toConnection(rows, page, asEventObject, () => q.countEvents(ctx.graph, filter)));
}

/** An actor argument of a list: its value, its name, the roles it selects and the kinds of actor it may name. */
interface RoleArgument {
  value: string | null | undefined;
  argument: string;
  roles: string[];
  kinds?: q.ActorKind[];
}

/** The conditions the actor arguments given make (names resolved at once); arguments not given make none. */
async function roleConditions(ctx: ApiContext, args: RoleArgument[]): Promise<q.ActorCondition[]> {
  const rows = await Promise.all(
    args.map(({ value, argument, kinds }) => resolveOptional(ctx, value, { argument, kinds })),
  );
  return rows.flatMap((row, i) => (row ? [{ id: row.id, roles: (args[i] as RoleArgument).roles }] : []));
}

/** what the role-filtered lists take besides their actor arguments */
interface RoleListArgs {
  /** a country some party of the event belongs to, in one of `countryRoles` */
  country?: string | null;
  countryRoles?: string[];
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

/** One kind's events by actors in roles, a party's country and dates; a bad page or date fails before any
 * name is resolved. */
async function roleEvents(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  label: q.EventLabel,
  roles: RoleArgument[],
  { country, countryRoles, from, to, first, after }: RoleListArgs,
) {
  pageRequest(first, after);
  const dates = dateRange(from, to);
  const countryArgs: RoleArgument[] = countryRoles
    ? [{ value: country, argument: "country", roles: countryRoles, kinds: ["Country"] }]
    : [];
  const [actors, [countryCondition]] = await Promise.all([
    roleConditions(ctx, roles),
    roleConditions(ctx, countryArgs),
  ]);
  const filter: EventFilter = { label, actors, country: countryCondition, ...dates };
  return eventConnection(ctx, info, filter, first, after);
}

@Resolver()
export class QueryResolver {
  @Query(() => Actor, {
    nullable: true,
    description:
      "One actor, by id or by name: Arabic in any spelling (with or without hamza, taa marbuta, diacritics) " +
      "or English, full or family name. An ambiguous name is a BAD_USER_INPUT error listing the candidates; " +
      "an unknown one NOT_FOUND.",
  })
  async actor(
    @Ctx() ctx: ApiContext,
    @Args(() => ActorArgs) { id, name }: ActorArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ActorRow> {
    if ((id == null) === (name == null)) throw badInput("Pass exactly one of id and name", { argumentName: "id" });
    await prefetchActor(ctx, info, (id ?? name) as string, id != null);
    if (id != null) {
      const actor = await ctx.loaders.actor.load(id);
      if (!actor) throw notFound(`No actor has the id "${id}"`, { argumentName: "id" });
      return actor;
    }
    return resolveActor(ctx, name as string, { argument: "name" });
  }

  @Query(() => ActorConnection, { description: "Actors, optionally by full-text search over names, kind or country" })
  async actors(@Ctx() ctx: ApiContext, @Args(() => ActorsArgs) { search, kind, country, first, after }: ActorsArgs) {
    const page = pageRequest(first, after);
    const countryRow = await resolveOptional(ctx, country, { argument: "country", kinds: ["Country"] });
    const filter: q.ActorFilter = {
      kind: kind ?? undefined,
      countryId: countryRow?.id,
      text: search == null ? undefined : searchQuery(search, "search"),
    };
    const rows = await q.listActors(ctx.graph, filter, page);
    return toConnection(
      rows,
      page,
      (r) => r,
      () => q.countActors(ctx.graph, filter),
    );
  }

  @Query(() => PhoneCallConnection, {
    description:
      "Who called whom. Every actor argument takes a name (any spelling, Arabic or English) or an id; " +
      "`country` keeps calls with a party of that country; `from`/`to` are dates (YYYY, YYYY-MM or YYYY-MM-DD).",
  })
  async phoneCalls(
    @Ctx() ctx: ApiContext,
    @Args(() => PhoneCallsArgs) args: PhoneCallsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { caller, callee, participant } = args;
    return roleEvents(
      ctx,
      info,
      "PhoneCall",
      [
        { value: caller, argument: "caller", roles: ["CALLER"] },
        { value: callee, argument: "callee", roles: ["CALLEE"] },
        { value: participant, argument: "participant", roles: ["CALLER", "CALLEE"] },
      ],
      { ...args, countryRoles: ["CALLER", "CALLEE"] },
    );
  }

  @Query(() => MeetingConnection, {
    description:
      "Who met whom in person. `participant`: in any role; `host`/`guest` when the article says who received " +
      "whom; `country` keeps meetings with a party of that country; `from`/`to` are dates.",
  })
  async meetings(
    @Ctx() ctx: ApiContext,
    @Args(() => MeetingsArgs) args: MeetingsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { participant, host, guest } = args;
    return roleEvents(
      ctx,
      info,
      "Meeting",
      [
        { value: participant, argument: "participant", roles: MEETING_ROLES },
        { value: host, argument: "host", roles: ["HOST"] },
        { value: guest, argument: "guest", roles: ["GUEST"] },
      ],
      { ...args, countryRoles: MEETING_ROLES },
    );
  }

  @Query(() => VisitConnection, { description: "Who visited which country or place; `from`/`to` are dates" })
  async visits(@Ctx() ctx: ApiContext, @Args(() => VisitsArgs) args: VisitsArgs, @Info() info: GraphQLResolveInfo) {
    const { visitor, destination } = args;
    return roleEvents(
      ctx,
      info,
      "Visit",
      [
        { value: visitor, argument: "visitor", roles: ["VISITOR"] },
        { value: destination, argument: "destination", roles: ["LOCATION"], kinds: ["Country", "Place"] },
      ],
      args,
    );
  }

  @Query(() => MessageConnection, {
    description: "Letters and oral messages: who sent them, who carried them, who they were for",
  })
  async messages(
    @Ctx() ctx: ApiContext,
    @Args(() => MessagesArgs) args: MessagesArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { sender, carrier, recipient } = args;
    return roleEvents(
      ctx,
      info,
      "Message",
      [
        { value: sender, argument: "sender", roles: ["SENDER"] },
        { value: carrier, argument: "carrier", roles: ["CARRIER"] },
        { value: recipient, argument: "recipient", roles: ["RECIPIENT"] },
      ],
      args,
    );
  }

  @Query(() => StatementConnection, { description: "What was said, by whom; `search` is full-text over quotes" })
  async statements(
    @Ctx() ctx: ApiContext,
    @Args(() => StatementsArgs) { speaker, search, first, after }: StatementsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    pageRequest(first, after);
    const text = search == null ? undefined : searchQuery(search, "search");
    const speakerRow = await resolveOptional(ctx, speaker, { argument: "speaker" });
    const filter: EventFilter = {
      label: "Statement",
      actors: speakerRow ? [{ id: speakerRow.id, roles: ["SPEAKER"] }] : [],
      text,
    };
    return eventConnection(ctx, info, filter, first, after);
  }

  @Query(() => ClaimConnection, {
    description:
      "Claims with numbers (casualties, losses). `claimant`: who claims; `side`: claims made by that country " +
      "or anyone of it; `sufferedBy`: claims about losses of that actor or country.",
  })
  async claims(@Ctx() ctx: ApiContext, @Args(() => ClaimsArgs) args: ClaimsArgs, @Info() info: GraphQLResolveInfo) {
    const { claimant, side, sufferedBy, first, after } = args;
    pageRequest(first, after);
    const [claimantRow, sideRow, sufferedRow] = await Promise.all([
      resolveOptional(ctx, claimant, { argument: "claimant" }),
      resolveOptional(ctx, side, { argument: "side", kinds: ["Country"] }),
      resolveOptional(ctx, sufferedBy, { argument: "sufferedBy" }),
    ]);
    const filter: EventFilter = {
      label: "Claim",
      actors: claimantRow ? [{ id: claimantRow.id, roles: ["CLAIMANT"] }] : [],
      country: sideRow ? { id: sideRow.id, roles: ["CLAIMANT"] } : undefined,
      sufferedBy: sufferedRow?.id,
    };
    return eventConnection(ctx, info, filter, first, after);
  }

  @Query(() => EventConnection, { description: "Events of any kind, by kind, actor (any role) and dates" })
  async events(
    @Ctx() ctx: ApiContext,
    @Args(() => EventsArgs) { kind, actor, from, to, first, after }: EventsArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    pageRequest(first, after);
    const dates = dateRange(from, to);
    const actorRow = await resolveOptional(ctx, actor, { argument: "actor" });
    const filter: EventFilter = {
      label: kind ?? undefined,
      actors: actorRow ? [{ id: actorRow.id }] : [],
      ...dates,
    };
    return eventConnection(ctx, info, filter, first, after);
  }

  @Query(() => Event, { nullable: true, description: "One event by id (null when there is none)" })
  event(@Ctx() ctx: ApiContext, @Arg("id", () => ID) id: string) {
    return ctx.loaders.event.load(id);
  }

  @Query(() => Path, {
    nullable: true,
    description:
      "The shortest connection between two actors through events they took part in and offices they hold: " +
      "the actors and the events between them, one Cypher query. Null when none within maxHops.",
  })
  async shortestPath(
    @Ctx() ctx: ApiContext,
    @Args(() => ShortestPathArgs) { from, to, maxHops }: ShortestPathArgs,
  ): Promise<Path | null> {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > q.MAX_PATH_HOPS) {
      throw badInput(`maxHops must be an integer from 1 to ${q.MAX_PATH_HOPS}, got ${maxHops}`, {
        argumentName: "maxHops",
      });
    }
    const [a, b] = await Promise.all([
      resolveActor(ctx, from, { argument: "from", kinds: ACTOR_KINDS }),
      resolveActor(ctx, to, { argument: "to", kinds: ACTOR_KINDS }),
    ]);
    if (a.id === b.id) return { hops: 0, actors: [a], events: [], steps: [] };
    const row = await q.shortestPath(ctx.graph, a.id, b.id, maxHops);
    return row ? pathFromRow(row) : null;
  }

  @Query(() => [SearchHit], {
    description: "Full-text search (Arabic analyzer: stems, so fuzzy) over actor names, quotes and sentences",
  })
  async search(@Ctx() ctx: ApiContext, @Args(() => SearchArgs) { text, first }: SearchArgs): Promise<SearchHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput(`first must be an integer from 1 to ${MAX_PAGE_SIZE}`, { argumentName: "first" });
    }
    const hits = await q.searchText(ctx.graph, searchQuery(text, "text"), first);
    return hits.map((h) => ({
      ...h,
      kind: h.actor ? SearchHitKind.ACTOR : h.event ? SearchHitKind.EVENT : SearchHitKind.SENTENCE,
      text: h.actor?.name ?? h.event?.quote ?? h.sentence?.text ?? "",
    }));
  }

  @Query(() => ArticleConnection, { description: "The articles in the graph, oldest first" })
  async articles(@Ctx() ctx: ApiContext, @Args(() => PageArgs) { first, after }: PageArgs) {
    const page = pageRequest(first, after);
    const rows = await q.listArticles(ctx.graph, page);
    return toConnection(
      rows,
      page,
      (r) => r,
      () => q.countArticles(ctx.graph),
    );
  }

  @Query(() => Article, { nullable: true, description: "One article by id (null when there is none)" })
  article(@Ctx() ctx: ApiContext, @Arg("id", () => ID) id: string) {
    return ctx.loaders.article.load(id);
  }
}

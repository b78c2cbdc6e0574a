/**
 * The event lists an actor has as fields (Actor.events, Person.calls, Person.statements): which roles and
 * kind of event each one's arguments select, as the key of the per-request eventsOfActor loader. The
 * resolvers and the prefetch of `actor` (prefetch.ts) make their keys here, so a list fetched ahead is
 * found under the key its resolver asks for.
 */
import type { EventInclude, EventLabel } from "../graph/queries/index.js";
import type { ActorEventsKey } from "./loaders.js";
import { pageRequest } from "./pagination.js";
import { CallDirection } from "./types/enums.js";

interface ListArgs {
  first?: number | null;
  after?: string | null;
  kind?: string | null;
  direction?: CallDirection;
}

const CALL_ROLES: Record<CallDirection, string[]> = {
  [CallDirection.OUTGOING]: ["CALLER"],
  [CallDirection.INCOMING]: ["CALLEE"],
  [CallDirection.ANY]: ["CALLER", "CALLEE"],
};

/** the relationship types of a meeting's parties (not its place) */
export const MEETING_ROLES = ["HOST", "GUEST", "PARTICIPANT"];

export const ACTOR_EVENT_LISTS: Record<string, (args: ListArgs) => { roles: string[]; label?: EventLabel }> = {
  events: (args) => ({ roles: [], label: (args.kind ?? undefined) as EventLabel | undefined }),
  calls: (args) => ({ roles: CALL_ROLES[args.direction ?? CallDirection.ANY], label: "PhoneCall" }),
  statements: () => ({ roles: ["SPEAKER"], label: "Statement" }),
  meetings: () => ({ roles: MEETING_ROLES, label: "Meeting" }),
};

/** The loader key of list field `field` of an actor, for these arguments (a bad page is a BAD_USER_INPUT error). */
export function actorEventsKey(actorId: string, field: string, args: ListArgs, include: EventInclude): ActorEventsKey {
  const list = ACTOR_EVENT_LISTS[field];
  if (!list) throw new Error(`${field} is not an event list of actors`);
  const { roles, label } = list(args);
  return { actorId, roles, filter: label ? { label } : {}, page: pageRequest(args.first, args.after), include };
}

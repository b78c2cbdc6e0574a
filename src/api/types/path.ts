import { Field, Float, Int, ObjectType } from "type-graphql";
import type { ActorRow, EventRow, PathRow, SentenceRow } from "../../graph/queries/index.js";
import { SearchHitKind } from "./enums.js";
import { Actor, Event, Position, Sentence } from "./graph.js";

@ObjectType("PathStep", { description: "One hop of a path: two actors and what links them" })
export class PathStep {
  @Field(() => Actor)
  from!: ActorRow;

  @Field(() => Actor)
  to!: ActorRow;

  @Field(() => String, {
    description:
      "What links them: an event kind (PhoneCall, Statement, …), HOLDS_OFFICE (a person and the country or " +
      "organization of an office), or a direct relationship (OF_COUNTRY, PART_OF, CO_CHAIRS)",
  })
  relation!: string;

  @Field(() => Event, { nullable: true, description: "The event both took part in, when the link is an event" })
  event!: EventRow | null;

  @Field(() => String, { nullable: true, description: "The role of `from` in the event (caller, speaker, …)" })
  fromRole!: string | null;

  @Field(() => String, { nullable: true, description: "The role of `to` in the event" })
  toRole!: string | null;

  @Field(() => Position, { nullable: true, description: "The office, when the link is an office" })
  position!: { id: string; title: string; titleEn: string | null } | null;
}

@ObjectType("Path", { description: "The shortest connection between two actors, through events and offices" })
export class Path {
  @Field(() => Int, { description: "Number of actor-to-actor hops" })
  hops!: number;

  @Field(() => [Actor], { description: "The actors along the path, from first to last" })
  actors!: ActorRow[];

  @Field(() => [Event], { description: "The events along the path" })
  events!: EventRow[];

  @Field(() => [PathStep])
  steps!: PathStep[];
}

function roleOf(type: string): string {
  return type.toLowerCase();
}

/** Folds the graph path (actors, events, offices, relationships) into actor-to-actor steps. */
export function pathFromRow(row: PathRow): Path {
  const steps: PathStep[] = [];
  const actors: ActorRow[] = [];
  const events: EventRow[] = [];
  let last = 0;
  const first = row.nodes[0]?.actor;
  if (first) actors.push(first);
  for (let j = 1; j < row.nodes.length; j++) {
    const to = row.nodes[j]?.actor;
    if (!to) continue;
    const from = row.nodes[last]?.actor as ActorRow;
    const between = row.nodes.slice(last + 1, j);
    const rels = row.relationships.slice(last, j);
    const event = between.find((n) => n.event)?.event ?? null;
    const position = between.find((n) => n.position)?.position ?? null;
    if (event) events.push(event);
    steps.push({
      from,
      to,
      relation: event ? event.kind : position ? "HOLDS_OFFICE" : rels.map((r) => r.type).join("/"),
      event,
      fromRole: event && rels[0] ? roleOf(rels[0].type) : null,
      toRole: event && rels[rels.length - 1] ? roleOf((rels[rels.length - 1] as { type: string }).type) : null,
      position,
    });
    actors.push(to);
    last = j;
  }
  return { hops: steps.length, actors, events, steps };
}

@ObjectType("SearchHit", { description: "A full-text match: an actor by name, or an event or sentence by its words" })
export class SearchHit {
  @Field(() => SearchHitKind)
  kind!: SearchHitKind;

  @Field(() => Float, { description: "Relevance (higher is better; comparable within one kind)" })
  score!: number;

  @Field(() => Actor, { nullable: true })
  actor!: ActorRow | null;

  @Field(() => Event, { nullable: true })
  event!: EventRow | null;

  @Field(() => Sentence, { nullable: true })
  sentence!: SentenceRow | null;

  @Field(() => String, { description: "The matching name or words" })
  text!: string;
}

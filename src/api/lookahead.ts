import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import type { EventInclude } from "../graph/queries/events.js";
import { GraphQLIncludeDirective, GraphQLSkipDirective, getDirectiveValues } from "./graphql.js";

type Fragments = GraphQLResolveInfo["fragments"];

/** Every field node at any depth below a field's nodes (fragments followed), with its own selection. */
function fieldsBelow(fieldNodes: readonly FieldNode[], fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        out.push(sel);
        walk(sel.selectionSet);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!visited.has(sel.name.value)) {
        visited.add(sel.name.value);
        walk(fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet);
  return out;
}

/** The names of the fields selected directly in a selection set (fragments followed, not nested fields). */
function directFields(fragments: Fragments, set: SelectionSetNode | undefined, out = new Set<string>()) {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) out.add(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) directFields(fragments, sel.selectionSet, out);
    else directFields(fragments, fragments[sel.name.value]?.selectionSet, out);
  }
  return out;
}

/** Event fields answered by the participants loader (see types/graph.ts): each gives actors, `participants`
 * gives {role, actor}. */
const ACTOR_FIELDS = new Set([
  "caller",
  "callee",
  "speaker",
  "addressees",
  "about",
  "claimant",
  "parties",
  "host",
  "guests",
  "location",
  "visitor",
  "destination",
  "sender",
  "carrier",
  "recipient",
]);
/** Actor fields the names-only projection has (actorNamesProjection). */
const NAME_FIELDS = new Set(["id", "name", "nameEn", "__typename"]);

/**
 * What an event list should fetch with its events: when the client asks for their parties or evidence, the
 * list's one statement carries them, instead of one more statement (and round trip) per kind afterwards; and
 * when it asks only for the parties' names, only those.
 */
export function eventInclude(info: GraphQLResolveInfo): EventInclude {
  // graphql-js hands every item of a list the same fieldNodes array: a list of 50 people walks it once
  const known = includeCache.get(info.fieldNodes);
  if (known) return known;
  const include = fieldsInclude(info.fieldNodes, info.fragments);
  includeCache.set(info.fieldNodes, include);
  return include;
}

const includeCache = new WeakMap<readonly FieldNode[], EventInclude>();

/** eventInclude for the nodes of an event-list field. */
export function fieldsInclude(fieldNodes: readonly FieldNode[], fragments: Fragments): EventInclude {
  const fields = fieldsBelow(fieldNodes, fragments);
  const actorSelections: (SelectionSetNode | undefined)[] = [];
  for (const f of fields) {
    if (ACTOR_FIELDS.has(f.name.value)) actorSelections.push(f.selectionSet);
    if (f.name.value === "participants") {
      const actor = f.selectionSet?.selections.find(
        (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "actor",
      );
      actorSelections.push(actor?.selectionSet ?? f.selectionSet);
    }
  }
  const namesOnly = actorSelections.every((set) => [...directFields(fragments, set)].every((n) => NAME_FIELDS.has(n)));
  return {
    participants: actorSelections.length === 0 ? undefined : namesOnly ? "names" : "full",
    evidence: fields.some((f) => f.name.value === "evidence"),
  };
}

/**
 * The fields a resolver's field selects directly when its value is of object type `type`, by response key:
 * fragments followed when `type` meets their type condition, @skip and @include honoured; the field nodes
 * graphql-js will hand each field's resolver.
 */
export function subfields(info: GraphQLResolveInfo, type: GraphQLObjectType): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const meets = (condition: string | undefined) =>
    condition === undefined || condition === type.name || type.getInterfaces().some((i) => i.name === condition);
  const included = (sel: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, sel, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, sel, info.variableValues)?.if !== false;
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (meets(sel.typeCondition?.name.value)) walk(sel.selectionSet);
      } else if (!visited.has(sel.name.value)) {
        visited.add(sel.name.value);
        const fragment = info.fragments[sel.name.value];
        if (fragment && meets(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return out;
}

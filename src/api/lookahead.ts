import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { EventInclude } from "../graph/queries/events.js";

/** Every field node at any depth below a resolver's field (fragments followed), with its own selection. */
function fieldsBelow(info: GraphQLResolveInfo): FieldNode[] {
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
        walk(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return out;
}

/** The names of the fields selected directly in a selection set (fragments followed, not nested fields). */
function directFields(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, out = new Set<string>()) {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) out.add(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) directFields(info, sel.selectionSet, out);
    else directFields(info, info.fragments[sel.name.value]?.selectionSet, out);
  }
  return out;
}

/** Event fields answered by the participants loader (see types/graph.ts): each gives actors, `participants`
 * gives {role, actor}. */
const ACTOR_FIELDS = new Set(["caller", "callee", "speaker", "addressees", "about", "claimant"]);
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
  const include = selectionInclude(info);
  includeCache.set(info.fieldNodes, include);
  return include;
}

const includeCache = new WeakMap<readonly FieldNode[], EventInclude>();

function selectionInclude(info: GraphQLResolveInfo): EventInclude {
  const fields = fieldsBelow(info);
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
  const namesOnly = actorSelections.every((set) => [...directFields(info, set)].every((n) => NAME_FIELDS.has(n)));
  return {
    participants: actorSelections.length === 0 ? undefined : namesOnly ? "names" : "full",
    evidence: fields.some((f) => f.name.value === "evidence"),
  };
}

import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { EventInclude } from "../graph/queries/events.js";

/** Whether a field's selection asks, at any depth below it, for one of `names` (fragments followed). */
export function selectsAny(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((sel) => {
      if (sel.kind === Kind.FIELD) return names.has(sel.name.value) || walk(sel.selectionSet);
      if (sel.kind === Kind.INLINE_FRAGMENT) return walk(sel.selectionSet);
      if (visited.has(sel.name.value)) return false;
      visited.add(sel.name.value);
      return walk(info.fragments[sel.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}

/** Event fields answered by the participants loader (see types/graph.ts) and by the evidence loader. */
const PARTICIPANT_FIELDS = new Set(["participants", "caller", "callee", "speaker", "addressees", "about", "claimant"]);
const EVIDENCE_FIELDS = new Set(["evidence"]);

/**
 * What an event list should fetch with its events: when the client asks for participants or evidence, the
 * list's one statement carries them, instead of one more statement (and round trip) per kind afterwards.
 */
export function eventInclude(info: GraphQLResolveInfo): EventInclude {
  return { participants: selectsAny(info, PARTICIPANT_FIELDS), evidence: selectsAny(info, EVIDENCE_FIELDS) };
}

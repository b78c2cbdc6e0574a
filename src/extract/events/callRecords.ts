/** Recording calls: one event per unordered pair of persons; a pair told again is the same call (a re-mention). */
import type { Chunk } from "../mentions.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";

/** Records a call between two persons; a pair already called is the same call (a re-mention). */
export function addCall(v: SentenceView, d: Discourse, caller: string, callee: string, directed: boolean, at: Chunk) {
  if (!caller || !callee || caller === callee || !d.isPerson(caller) || !d.isPerson(callee)) return;
  if (caller.startsWith("person:unnamed:source:") || callee.startsWith("person:unnamed:source:")) return;
  const key = [caller, callee].sort().join("|");
  const existing = d.callByPair.get(key);
  d.lastCallPair = [caller, callee];
  if (existing) {
    addEvidence(existing, v.ev);
    if (directed && !existing.directed) {
      existing.directed = true;
      existing.participants = [
        { role: "caller", entity: caller },
        { role: "callee", entity: callee },
      ];
    }
    d.lastCall = existing;
    return;
  }
  const date = v.dateNear(at);
  const e = d.newEvent(
    "PhoneCall",
    "041",
    [
      { role: "caller", entity: caller },
      { role: "callee", entity: callee },
    ],
    v.ev,
    { directed, date: date?.date ?? null, datePrecision: date?.precision ?? null, medium: "telephone" },
  );
  d.callByPair.set(key, e);
  d.lastCall = e;
}

/** whether a person is a party of a call told before */
export const isCalled = (d: Discourse, p: string) => [...d.callByPair.keys()].some((key) => key.split("|").includes(p));

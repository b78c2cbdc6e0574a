/**
 * Rules that give a call its direction from words outside its own clause: «بمبادرة من الجانب X» after the call
 * or «كان الجانب X المبادر» before it (X's party called), and شكر X Y على اتصاله (Y called X).
 */
import { addCall } from "./callRecords.js";
import { clauseStart, personsIn } from "./clause.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

/** turns the last call toward the party of the country that took the initiative */
export function applyInitiative(v: SentenceView, d: Discourse, country: string): void {
  const call = d.lastCall;
  if (!call) return;
  const countryOf = (id: string) => d.reg.entities.get(id)?.country ?? null;
  const [a, b] = call.participants.map((p) => p.entity);
  // the party of that country; failing that, the one whose country is known to be another
  let who = [a, b].find((p) => countryOf(p) === country);
  if (!who) {
    const other = [a, b].filter((p) => countryOf(p) && countryOf(p) !== country);
    if (other.length === 1) who = other[0] === a ? b : a;
  }
  if (!who) return;
  call.participants = [
    { role: "caller", entity: who },
    { role: "callee", entity: who === a ? b : a },
  ];
  call.directed = true;
  addEvidence(call, v.ev);
  d.initiative = null;
}

/** شكر X Y على اتصاله: Y called X */
export function thanksRule(v: SentenceView, d: Discourse, k: number): boolean {
  const { cs } = v;
  if (!v.has(cs[k], B.callThanked) || !v.isWord(cs[k - 1], "علي")) return false;
  const start = clauseStart(v, k);
  for (let j = k - 2; j >= start; j--) {
    if (!v.has(cs[j], B.thanks)) continue;
    const [callee, caller] = personsIn(v, d, j + 1, k);
    if (callee && caller) addCall(v, d, caller, callee, true, cs[k]);
    break;
  }
  return false;
}

/** «بمبادرة من الجانب X» after a call, «كان الجانب X المبادر» before it: X's party called */
export function initiativeRule(v: SentenceView, d: Discourse, k: number): boolean {
  if (!v.has(v.cs[k], B.initiative)) return false;
  for (let j = Math.max(0, k - 4); j < Math.min(v.cs.length, k + 5); j++) {
    if (v.cs[j].type !== "country") continue;
    const country = v.cs[j].ents?.[0];
    if (!country) break;
    d.initiative = country;
    if (d.lastCall) applyInitiative(v, d, country);
    break;
  }
  return false;
}

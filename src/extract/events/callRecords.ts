/**
 * Recording calls: one event per unordered pair of persons; a pair told again is the same call (a re-mention),
 * unless it is told as an earlier call of theirs with a date of its own.
 */
import type { DateExpr } from "../dates.js";
import type { Chunk } from "../mentions.js";
import type { DocEvent } from "../types.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";

/** the words that make a call noun an earlier call of the pair (آخر اتصال بين الرئيسين، الاتصال السابق) */
const EARLIER_BEFORE = ["اخر"];
const EARLIER_AFTER = ["السابق", "الاخير"];

/** the date of an earlier call of a pair spoken of at chunk `at` (آخر اتصال هاتفي بين الرئيسين جرى في ديسمبر 2024),
 * when it is not the date of the call told before */
function earlierCallDate(v: SentenceView, at: Chunk, before: DocEvent) {
  const k = v.cs.indexOf(at);
  if (!v.isWord(v.cs[k - 1], ...EARLIER_BEFORE) && !v.isWord(v.cs[k + 1], ...EARLIER_AFTER)) return undefined;
  const date = v.dateNear(at, ["interval", "day", "month", "year"]);
  return date && date.date !== before.date ? date : undefined;
}

/** a new call event between two persons, with its date */
function newCall(v: SentenceView, d: Discourse, caller: string, callee: string, directed: boolean, date?: DateExpr) {
  const parts = [
    { role: "caller", entity: caller },
    { role: "callee", entity: callee },
  ];
  const extra = { date: date?.date ?? null, datePrecision: date?.precision ?? null, medium: "telephone" as const };
  return d.newEvent("PhoneCall", "041", parts, v.ev, { directed, ...extra });
}

/** Records a call between two persons; a pair already called is the same call (a re-mention), unless told as an
 * earlier call of theirs with a date of its own. */
export function addCall(v: SentenceView, d: Discourse, caller: string, callee: string, directed: boolean, at: Chunk) {
  if (!caller || !callee || caller === callee || !d.isPerson(caller) || !d.isPerson(callee)) return;
  if (caller.startsWith("person:unnamed:source:") || callee.startsWith("person:unnamed:source:")) return;
  const key = [caller, callee].sort().join("|");
  const existing = d.callByPair.get(key);
  d.lastCallPair = [caller, callee];
  const earlier = existing && earlierCallDate(v, at, existing);
  if (earlier) {
    d.lastCall = newCall(v, d, caller, callee, false, earlier);
    return;
  }
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
  const e = newCall(v, d, caller, callee, directed, v.dateNear(at));
  d.callByPair.set(key, e);
  d.lastCall = e;
}

/** whether a person is a party of a call told before */
export const isCalled = (d: Discourse, p: string) => [...d.callByPair.keys()].some((key) => key.split("|").includes(p));

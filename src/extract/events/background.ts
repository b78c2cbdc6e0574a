/**
 * Rule: dated background events — ceasefires, the outbreak and course of fighting, clashes and violations.
 * Their parties are the story's two main countries.
 */
import type { DateExpr } from "../dates.js";
import { variants } from "../tokens.js";
import type { DocEvent, Participant } from "../types.js";
import { addEvidence, type Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";

function addDated(v: SentenceView, d: Discourse, kind: DocEvent["kind"], cameo: string, date: DateExpr) {
  const key = `${kind}|${date.date}`;
  const same = d.datedByKey.get(key);
  if (same) {
    addEvidence(same, v.ev);
    return;
  }
  const loc = v.cs.find((x) => x.type === "place")?.ents?.[0];
  const parts: Participant[] = d.topParties.map((p) => ({ role: "party", entity: p }));
  if (loc) parts.push({ role: "location", entity: loc });
  d.datedByKey.set(key, d.newEvent(kind, cameo, parts, v.ev, { date: date.date, datePrecision: date.precision }));
}

export function backgroundRule(v: SentenceView, d: Discourse): void {
  const { norm, toks } = v.u;
  const { lex } = v;
  const clashTok =
    v.dates.length === 0 && !/اشتباك/.test(norm)
      ? -1
      : toks.findIndex((t) => t.kind === "word" && variants(t.norm).some((x) => v.S.clash.has(x.form)));
  for (const date of v.dates) {
    if (date.precision === "year") {
      const win = norm.slice(0, Math.max(0, norm.indexOf(toks[date.tokStart].norm)));
      const tail = win.slice(-60);
      if (lex.phrases.ceasefire.some((p) => tail.includes(p))) addDated(v, d, "Ceasefire", "0871", date);
      else if (/اندلع|اندلاع|بدا النزاع|النزاع/.test(win)) addDated(v, d, "Clash", "190", date);
    } else if (date.precision === "interval" && clashTok >= 0) addDated(v, d, "Clash", "190", date);
  }
  const parties = () => d.topParties.map((p) => ({ role: "party", entity: p }));
  if (clashTok >= 0 && /وقوع اشتباكات|اشتباكات عنيفه|المدفعيه والدبابات|استخدام الطيران/.test(norm))
    d.newEvent("Clash", /المدفعيه|الدبابات/.test(norm) ? "194" : "190", parties(), v.ev);
  if (/انتهاك (الهدنه|وقف اطلاق النار|اتفاق)|انتهكت/.test(norm))
    d.newEvent("Ceasefire", "196", parties(), v.ev, { verb: "انتهك" });
}

/** Rule: condolences (قدم X تعازيه إلى Y), from the subject to the first actor after «إلى»/«لـ». */
import type { Participant } from "../types.js";
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { B } from "./words.js";

/** تعازي X إلى Y: a Condolence from the subject to the first actor after «إلى»/«لـ» */
export function condolenceRule(v: SentenceView, d: Discourse, k: number): boolean {
  if (!v.has(v.cs[k], B.condolence)) return false;
  const by = v.subjectBefore(k)?.ents ?? (d.sentSubject.length ? d.sentSubject : v.personsIn(0, k));
  const sp = by[0] ?? d.lastSubject[0];
  if (!sp) return false;
  const ila = v.findTok(k + 1, k + 5, (x) => v.norm(x) === "الي" || v.norm(x).startsWith("ل"));
  const to = ila >= 0 ? v.actorsFrom(ila + 1, 0).ents : [];
  const parts: Participant[] = [{ role: "speaker", entity: sp }];
  if (to[0]) parts.push({ role: "addressee", entity: to[0] });
  d.newEvent("Condolence", "018", parts, v.ev, { verb: "قدم تعازيه" });
  return false;
}

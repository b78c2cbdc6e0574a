/**
 * Rule: claims of losses. In a sentence with a number and a word of loss, each number followed by a word of the
 * quantities lexicon (قتيلا، دبابات) is a quantity; its side is the country named after it, or before it unless
 * a word of destruction makes that country the agent. The claimant is the sentence's first speaker.
 */
import type { Chunk } from "../mentions.js";
import { variants } from "../tokens.js";
import type { DocEvent, Participant, Quantity } from "../types.js";
import type { Discourse } from "./discourse.js";
import type { SentenceView } from "./view.js";
import { anyOf } from "./words.js";

const LOSS = new WeakMap<object, RegExp>();
function lossRe(v: SentenceView): RegExp {
  let re = LOSS.get(v.lex);
  if (!re) {
    re = new RegExp(`${anyOf(v.lex.sets.killVerbs).source}|فقد|مقتل|قتيل|جريح|اصيب|خسائر|تدمير`);
    LOSS.set(v.lex, re);
  }
  return re;
}

/** the country named in tokens [from, to) */
function countryIn(v: SentenceView, from: number, to: number): string | null {
  for (let j = Math.max(0, from); j < to && j < v.u.toks.length; j++) {
    const ch: Chunk | undefined = v.cs.find((x) => x.s <= j && x.e > j);
    if (ch?.type === "country") return ch.ents?.[0] ?? null;
  }
  return null;
}

const inflicts = (v: SentenceView, j: number) => {
  const tok = v.u.toks[j];
  return tok !== undefined && variants(tok.norm).some((x) => v.S.inflictVerbs.has(x.form));
};

/** The country named just before token `ti`, unless a word of destruction between them makes it the agent. */
function sufferedBefore(v: SentenceView, ti: number): string | null {
  for (let j = ti - 1; j >= Math.max(0, ti - 4); j--) {
    if (inflicts(v, j)) return null;
    const side = countryIn(v, j, j + 1);
    if (side) return side;
  }
  return null;
}

/** what a number at token ti counts (killed, tanks …), or undefined */
function whatCounted(v: SentenceView, ti: number): string | undefined {
  const { toks } = v.u;
  const { quantities } = v.lex;
  const next = toks[ti + 1];
  let what = next ? quantities.get(variants(next.norm).find((x) => quantities.has(x.form))?.form ?? "") : undefined;
  if (!what && next && toks[ti + 2]) what = quantities.get(`${next.norm} ${toks[ti + 2].norm}`);
  if (!what && /اصيب|جرح/.test((toks[ti - 1]?.norm ?? "") + (toks[ti - 2]?.norm ?? ""))) what = "wounded";
  if (what !== "soldiers") return what;
  const t = toks[ti];
  const before = v.u.norm.slice(0, Math.max(0, v.u.norm.indexOf(t.norm)));
  if (/(القضاء علي|مقتل|قتل|فقدنا|فقد|سقوط)\s*(اكثر من|نحو|حوالي)?\s*$/.test(`${before.trim()} `)) return "killed";
  if (/(القضاء علي|مقتل|فقدنا|فقد)/.test(before.slice(-40))) return "killed";
  return what;
}

function quantityAt(v: SentenceView, ti: number): Quantity | null {
  const { toks } = v.u;
  const t = toks[ti];
  if (t.kind !== "num" || v.dates.some((d) => d.start <= t.start && d.end >= t.end)) return null;
  // a model designation (طراز T-72), not a count
  if (toks[ti - 1]?.text === "-" || /طراز/.test(toks[ti - 2]?.norm ?? "") || /طراز/.test(toks[ti - 3]?.norm ?? ""))
    return null;
  const what = whatCounted(v, ti);
  if (!what) return null;
  const prev1 = toks[ti - 1]?.norm ?? "";
  const prev2 = toks[ti - 2]?.norm ?? "";
  const { phrases } = v.lex;
  const atLeast =
    phrases.atLeast.some((p) => `${prev2} ${prev1}`.endsWith(p)) ||
    phrases.atLeastAfter.some((p) => v.u.norm.slice(v.u.norm.indexOf(t.norm)).slice(0, 40).includes(p));
  const side = countryIn(v, ti + 1, ti + 6) ?? sufferedBefore(v, ti);
  return { value: Number(t.norm), approximate: v.S.approx.has(prev1), atLeast, what, side, text: t.text };
}

export function claimRule(v: SentenceView, d: Discourse): void {
  if (!/[0-9]/.test(v.u.norm) || !lossRe(v).test(v.u.norm)) return;
  const { toks } = v.u;
  const quantities: Quantity[] = [];
  for (let ti = 0; ti < toks.length; ti++) {
    const q = quantityAt(v, ti);
    if (q) quantities.push(q);
  }
  if (!quantities.length) return;
  // "destroyed 6 tanks, 15 batteries and killed 100 Armenian soldiers": the losses the subject inflicts
  // are one side's; a list that names that side once names it for every item
  const firstNum = toks.findIndex((t) => t.kind === "num");
  const named = new Set(quantities.map((q) => q.side).filter((x) => x !== null));
  if (named.size === 1 && toks.slice(0, Math.max(0, firstNum)).some((_, j) => inflicts(v, j))) {
    for (const q of quantities) q.side ??= [...named][0] as string;
  }
  const said: DocEvent[] = [];
  const { events } = d;
  for (let q = events.length - 1; q >= 0 && events[q].evidence[0].sentence === v.ev.sentence; q--)
    if (events[q].kind === "Statement" || events[q].kind === "Appeal") said.unshift(events[q]);
  const claimant = said[0]?.participants[0]?.entity ?? null;
  const parts: Participant[] = claimant ? [{ role: "claimant", entity: claimant }] : [];
  const date = v.dateNear(undefined);
  d.newEvent("Claim", null, parts, v.ev, {
    quantities,
    verb: said[0]?.verb ?? null,
    date: date?.date ?? null,
    datePrecision: date?.precision ?? null,
  });
}

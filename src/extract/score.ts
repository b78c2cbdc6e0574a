/**
 * Scoring of a document graph against gold annotations (dev corpus format and seed gold),
 * shared by the tests and the benchmark.
 */
import { normaliseArabic } from "../text/normalise.js";
import type { DocumentGraph, Entity } from "./types.js";

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}
export const prf = (tp: number, fp: number, fn: number): PRF => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
};
export const addCounts = (a: { tp: number; fp: number; fn: number }, b: { tp: number; fp: number; fn: number }) =>
  prf(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn);

const HON = /^(الامير|الشيخ|السفير|الدكتور|الدكتوره|حضره|السيد|السيده)\s+/;
export const key = (s: string) =>
  normaliseArabic(s.replace(/["“”«»'()]/g, " "))
    .replace(HON, "")
    .trim();

export function surfaces(e: Entity): Set<string> {
  const out = new Set<string>([key(e.name), ...e.aliases.map(key)]);
  for (const m of e.mentions) if (m.text) out.add(key(m.text));
  return out;
}

export interface GoldPerson {
  name: string;
  aliases?: string[];
}
export type GoldParty = string | { unnamed: string };
export interface GoldItem {
  persons: GoldPerson[];
  calls: { caller: GoldParty; callee: GoldParty; directed: boolean }[];
  statements: { speaker: string; verb: string }[];
}

function personMatches(e: Entity, g: GoldParty, gold: GoldItem): boolean {
  if (typeof g === "string") {
    const gp = gold.persons.find((p) => p.name === g);
    const names = [g, ...(gp?.aliases ?? [])].map(key);
    const s = surfaces(e);
    return names.some((n) => s.has(n));
  }
  if (!e.unnamed) return false;
  const [role, country] = g.unnamed.split(" of ");
  return e.positions.some((p) => p.titleEn === role) && (e.country ?? "").length > 0 && !!country;
}

const entityCountryEn = (g: DocumentGraph, id: string | null) =>
  id ? (g.entities.find((x) => x.id === id)?.nameEn ?? null) : null;

export interface ItemScore {
  calls: { tp: number; fp: number; fn: number };
  people: { tp: number; fp: number; fn: number };
  speakers: { tp: number; fp: number; fn: number };
  statementPairs: { tp: number; fp: number; fn: number };
  missed: string[];
  extra: string[];
}

export function scoreItem(graph: DocumentGraph, gold: GoldItem): ItemScore {
  const ents = new Map(graph.entities.map((e) => [e.id, e]));
  const missed: string[] = [];
  const extra: string[] = [];
  // people
  const persons = graph.entities.filter((e) => e.kind === "Person" && !e.unnamed);
  const usedP = new Set<string>();
  let ptp = 0;
  for (const gp of gold.persons) {
    const hit = persons.find((e) => !usedP.has(e.id) && personMatches(e, gp.name, gold));
    if (hit) {
      usedP.add(hit.id);
      ptp++;
    } else missed.push(`person ${gp.name}`);
  }
  for (const e of persons) if (!usedP.has(e.id)) extra.push(`person ${e.name}`);
  const people = { tp: ptp, fp: persons.length - usedP.size, fn: gold.persons.length - ptp };
  // calls
  const calls = graph.events.filter((e) => e.kind === "PhoneCall");
  const usedC = new Set<string>();
  let ctp = 0;
  for (const gc of gold.calls) {
    const hit = calls.find((c) => {
      if (usedC.has(c.id)) return false;
      const a = ents.get(c.participants[0]?.entity ?? "");
      const b = ents.get(c.participants[1]?.entity ?? "");
      if (!a || !b) return false;
      const fwd = personMatches(a, gc.caller, gold) && personMatches(b, gc.callee, gold);
      const rev = personMatches(b, gc.caller, gold) && personMatches(a, gc.callee, gold);
      if (gc.directed) return fwd && c.directed === true;
      return fwd || rev;
    });
    if (hit) {
      usedC.add(hit.id);
      ctp++;
    } else missed.push(`call ${JSON.stringify(gc)}`);
  }
  for (const c of calls)
    if (!usedC.has(c.id)) extra.push(`call ${c.participants.map((p) => ents.get(p.entity)?.name).join(" -> ")}`);
  const callScore = { tp: ctp, fp: calls.length - usedC.size, fn: gold.calls.length - ctp };
  // statements
  const st = graph.events.filter(
    (e) =>
      (e.kind === "Statement" || e.kind === "Appeal" || e.kind === "Accusation" || e.kind === "MeetingCall") &&
      e.participants.some((p) => p.role === "speaker"),
  );
  const predPairs = new Map<string, { ent: Entity; verb: string }>();
  for (const e of st) {
    const sp = ents.get(e.participants.find((p) => p.role === "speaker")?.entity ?? "");
    if (!sp) continue;
    predPairs.set(`${sp.id}|${normaliseArabic(e.verb ?? "")}`, { ent: sp, verb: normaliseArabic(e.verb ?? "") });
  }
  const speakerMatch = (e: Entity, g: string) => {
    const s = surfaces(e);
    const gp = gold.persons.find((p) => p.name === g);
    return [g, ...(gp?.aliases ?? [])].map(key).some((n) => s.has(n));
  };
  const goldPairs = [...new Map(gold.statements.map((s) => [`${s.speaker}|${normaliseArabic(s.verb)}`, s])).values()];
  const usedS = new Set<string>();
  let stp = 0;
  for (const g of goldPairs) {
    const hit = [...predPairs.entries()].find(
      ([k, v]) => !usedS.has(k) && v.verb === normaliseArabic(g.verb) && speakerMatch(v.ent, g.speaker),
    );
    if (hit) {
      usedS.add(hit[0]);
      stp++;
    } else missed.push(`statement ${g.speaker} ${g.verb}`);
  }
  for (const [k, v] of predPairs) if (!usedS.has(k)) extra.push(`statement ${v.ent.name} ${v.verb}`);
  const statementPairs = { tp: stp, fp: predPairs.size - usedS.size, fn: goldPairs.length - stp };
  // speakers only
  const goldSpeakers = [...new Set(gold.statements.map((s) => s.speaker))];
  const predSpeakers = [...new Map([...predPairs.values()].map((v) => [v.ent.id, v.ent])).values()];
  const usedK = new Set<string>();
  let ktp = 0;
  for (const g of goldSpeakers) {
    const hit = predSpeakers.find((e) => !usedK.has(e.id) && speakerMatch(e, g));
    if (hit) {
      usedK.add(hit.id);
      ktp++;
    }
  }
  const speakers = { tp: ktp, fp: predSpeakers.length - usedK.size, fn: goldSpeakers.length - ktp };
  void entityCountryEn;
  return { calls: callScore, people, speakers, statementPairs, missed, extra };
}

export function scoreCorpus(
  items: { id: string; text: string; gold: GoldItem }[],
  run: (text: string) => DocumentGraph,
) {
  let calls = prf(0, 0, 0);
  let people = prf(0, 0, 0);
  let speakers = prf(0, 0, 0);
  let pairs = prf(0, 0, 0);
  const perItem: { id: string; score: ItemScore }[] = [];
  for (const it of items) {
    const s = scoreItem(run(it.text), it.gold);
    perItem.push({ id: it.id, score: s });
    calls = addCounts(calls, s.calls);
    people = addCounts(people, s.people);
    speakers = addCounts(speakers, s.speakers);
    pairs = addCounts(pairs, s.statementPairs);
  }
  return { calls, people, speakers, statementPairs: pairs, perItem };
}

export function formatPRF(name: string, s: PRF): string {
  return `${name.padEnd(20)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`;
}

import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../src/config.js";

/** The hand-written facts of the seed article: expectations come from here, never from the API's output. */
export interface Gold {
  persons: { key: string; names: string[]; en: string; role: string; country: string }[];
  organizations: { key: string; names: string[]; country: string | null }[];
  countries: string[];
  calls: { caller: string; callee: string; anchor: string }[];
  statements: { speaker: string; anchor: string }[];
  claims: { claimant_any: string[]; values: number[]; anchor: string }[];
}

export const gold = JSON.parse(fs.readFileSync(path.resolve(repoRoot, "../shared/gold/seed.json"), "utf8")) as Gold;

export function goldPerson(key: string): Gold["persons"][number] {
  const p = gold.persons.find((x) => x.key === key);
  if (!p) throw new Error(`no gold person ${key}`);
  return p;
}

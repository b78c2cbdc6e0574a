/**
 * Resolving the actor a client names: an id, or a name in any spelling the loader indexed — Arabic with or
 * without hamza, taa marbuta or diacritics, English, full or family name. One exact, index-backed look-up
 * of the loader's own name key; never a fuzzy match (the full-text index is for `search`).
 */

import { actorLookupKeys } from "../graph/identity.js";
import type { ActorKind, ActorRow } from "../graph/queries/index.js";
import type { ApiContext } from "./context.js";
import { badInput, notFound } from "./errors.js";

export const MAX_NAME_LENGTH = 200;

export interface ResolveOptions {
  /** the argument's name, for error messages */
  argument: string;
  /** only actors of these kinds may be meant */
  kinds?: ActorKind[];
}

const kindWord: Record<ActorKind, string> = {
  Person: "person",
  Organization: "organization",
  Country: "country",
  Place: "place",
};

/** The keys an actor argument is looked up by (actorLookupKeys), once it is a valid length. */
export function lookupKeys(value: string, argument: string): string[] {
  const text = value.trim();
  if (text === "" || text.length > MAX_NAME_LENGTH) {
    throw badInput(`${argument} must be a name or an id of 1 to ${MAX_NAME_LENGTH} characters`, {
      argumentName: argument,
    });
  }
  return actorLookupKeys(text);
}

export async function resolveActor(ctx: ApiContext, value: string, options: ResolveOptions): Promise<ActorRow> {
  const text = value.trim();
  const keys = lookupKeys(text, options.argument);
  const results = await ctx.loaders.actorsByNameKey.loadMany(keys);
  const failure = results.find((r) => r instanceof Error);
  if (failure) throw failure;
  const found = results.flatMap((r) => (r instanceof Error ? [] : r));
  const unique = [...new Map(found.map((a) => [a.id, a])).values()];
  const kinds = options.kinds;
  let candidates = kinds ? unique.filter((a) => kinds.includes(a.kind)) : unique;
  // A name shared by an actor and a mere place means the actor.
  if (!kinds && candidates.some((a) => a.kind !== "Place")) candidates = candidates.filter((a) => a.kind !== "Place");
  if (candidates.length === 1) return candidates[0] as ActorRow;
  if (candidates.length === 0) {
    if (unique.length > 0 && kinds) {
      throw badInput(
        `"${text}" names ${unique.map((a) => `${a.name} (${kindWord[a.kind]})`).join(", ")}, not a ${kinds.map((k) => kindWord[k]).join(" or ")}`,
        { argumentName: options.argument },
      );
    }
    throw notFound(`No actor is named "${text}" (argument ${options.argument})`, { argumentName: options.argument });
  }
  throw badInput(
    `"${text}" is ambiguous: it names ${candidates.length} actors: ${candidates
      .map((a) => `${a.name}${a.nameEn ? ` / ${a.nameEn}` : ""} (${a.id})`)
      .join("; ")}. Pass the id of the one you mean.`,
    {
      argumentName: options.argument,
      candidates: candidates.map((a) => ({ id: a.id, name: a.name, nameEn: a.nameEn, kind: a.kind })),
    },
  );
}

/** Resolves an optional argument; absent or null stays undefined. */
export async function resolveOptional(
  ctx: ApiContext,
  value: string | null | undefined,
  options: ResolveOptions,
): Promise<ActorRow | undefined> {
  return value === null || value === undefined ? undefined : resolveActor(ctx, value, options);
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date bound: YYYY, YYYY-MM or YYYY-MM-DD, widened to the first (from) or last (to) day it covers, as
 * the YYYY-MM-DD string the graph's dateFrom/dateTo compare with.
 */
export function dateBound(value: string | null | undefined, argument: string, end: boolean): string | undefined {
  if (value === null || value === undefined) return undefined;
  const m = DATE.exec(value.trim());
  const month = m?.[2] ? Number(m[2]) : null;
  const day = m?.[3] ? Number(m[3]) : null;
  if (!m || (month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) {
    throw badInput(`${argument} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`, {
      argumentName: argument,
    });
  }
  const year = m[1] as string;
  if (month === null) return end ? `${year}-12-31` : `${year}-01-01`;
  const mm = String(month).padStart(2, "0");
  if (day === null) return end ? `${year}-${mm}-31` : `${year}-${mm}-01`;
  return `${year}-${mm}-${String(day).padStart(2, "0")}`;
}

export function dateRange(from: string | null | undefined, to: string | null | undefined) {
  const lo = dateBound(from, "from", false);
  const hi = dateBound(to, "to", true);
  if (lo && hi && lo > hi) throw badInput(`from (${from}) is after to (${to})`, { argumentName: "from" });
  return { from: lo, to: hi };
}

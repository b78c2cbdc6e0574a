/**
 * Query limits: what one request may ask of the server before anything runs.
 *
 * - depth, aliases and directives: graphql-armor's validation rules;
 * - tokens: graphql-js' own parser limit (Apollo's `parseOptions.maxTokens`), the same lexer count as
 *   graphql-armor's max-tokens, but rejected as a 400: armor's Apollo plugin throws from parsingDidStart,
 *   which Apollo 5 answers with a 500;
 * - a complexity budget (graphql-query-complexity, in didResolveOperation): every field costs 1, a field with
 *   a `first` argument costs `first` times its selection, other lists LIST_FACTOR times theirs;
 * - page sizes (pagination.ts) and a Neo4j transaction timeout on reads (graph/driver.ts) complete them.
 *
 * Every rejection is a GraphQL error with code QUERY_TOO_COMPLEX and `extensions.limit` naming the limit.
 */
import { createRequire } from "node:module";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLArmorConfig } from "@escape.tech/graphql-armor-types";
import type { DocumentNode, GraphQLSchema, ValidationContext } from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import type { ApiContext } from "./context.js";
import { GraphQLError, type GraphQLErrorType, type ValidationRule } from "./graphql.js";

// CommonJS builds, for the same reason as graphql.ts: one graphql-js everywhere.
const require = createRequire(import.meta.url);
const { ApolloArmor } = require("@escape.tech/graphql-armor") as typeof import("@escape.tech/graphql-armor");
const complexity = require("graphql-query-complexity") as typeof import("graphql-query-complexity");
const { getNullableType, isListType } = require("graphql") as typeof import("graphql");

export const QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

export interface QueryLimits {
  /** deepest field nesting (AKHBAR_MAX_DEPTH) */
  maxDepth: number;
  /** aliases per operation (AKHBAR_MAX_ALIASES) */
  maxAliases: number;
  /** lexical tokens per document (AKHBAR_MAX_TOKENS) */
  maxTokens: number;
  /** directives per operation (AKHBAR_MAX_DIRECTIVES) */
  maxDirectives: number;
  /** the complexity budget (AKHBAR_MAX_COST) */
  maxCost: number;
  /** hide "Did you mean …?" field suggestions (default: when introspection is off) */
  blockFieldSuggestions: boolean;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 50_000,
  blockFieldSuggestions: false,
};

/** A list without a `first` argument (participants, evidence, offices, …) is counted as this many items. */
export const LIST_FACTOR = 5;

export const LIMIT_ENV: Record<Exclude<keyof QueryLimits, "blockFieldSuggestions">, string> = {
  maxDepth: "AKHBAR_MAX_DEPTH",
  maxAliases: "AKHBAR_MAX_ALIASES",
  maxTokens: "AKHBAR_MAX_TOKENS",
  maxDirectives: "AKHBAR_MAX_DIRECTIVES",
  maxCost: "AKHBAR_MAX_COST",
};

export function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_ENV) as [keyof typeof LIMIT_ENV, string][]) {
    limits[key] = positiveIntFromEnv(env, name, DEFAULT_LIMITS[key]);
  }
  return limits;
}

function tooComplex(message: string, extensions: Record<string, unknown>): GraphQLErrorType {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 }, ...extensions } });
}

/**
 * Cost of a field: `first` (or its default) times the cost of its selection; LIST_FACTOR times for other
 * lists; 1 plus its selection otherwise. Introspection fields cost nothing (introspection has its own switch).
 */
export const firstArgumentEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith("__") || type.name.startsWith("__")) return 0;
  const first = args.first;
  if (typeof first === "number" && Number.isFinite(first)) return 1 + Math.max(first, 1) * childComplexity;
  // a connection's edges and nodes are the `first` items its field already paid for
  if (isListType(getNullableType(field.type)) && !type.name.endsWith("Connection")) {
    return 1 + LIST_FACTOR * childComplexity;
  }
  return 1 + childComplexity;
};

/** The estimators in type-graphql's documented order: a field's own `complexity` first, then the defaults. */
export function estimators(): ComplexityEstimator[] {
  return [
    complexity.fieldExtensionsEstimator(),
    firstArgumentEstimator,
    complexity.simpleEstimator({ defaultComplexity: 1 }),
  ];
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): number {
  // Apollo hands every request with the same query text the same parsed document, so the cost of a
  // (document, operation, variables) is computed once; a few hundred variable sets per document at most.
  const key = JSON.stringify([operationName ?? null, variables ?? {}]);
  let costs = costCache.get(document);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  const cost = complexity.getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: estimators(),
  });
  if (!costs || costs.size >= 256) {
    costs = new Map();
    costCache.set(document, costs);
  }
  costs.set(key, cost);
  return cost;
}

const costCache = new WeakMap<DocumentNode, Map<string, number>>();

/** Rejects, before anything runs, an operation whose cost is over the budget. */
export function complexityPlugin(maxCost: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName);
          } catch {
            // bad variables and the like: execution reports them with their own code
            return;
          }
          if (cost > maxCost) {
            throw tooComplex(
              `Query cost ${cost} exceeds the budget of ${maxCost}: ask for smaller pages or fewer fields`,
              {
                limit: "maxCost",
                cost,
                budget: maxCost,
              },
            );
          }
        },
      };
    },
  };
}

function armorRejection(limit: string, max: number) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: { message: string }) => {
        ctx?.reportError(tooComplex(error.message, { limit, max }) as never);
      },
    ],
  };
}

export interface LimitHooks {
  plugins: ApolloServerPlugin<ApiContext>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

export function queryLimits(limits: QueryLimits = limitsFromEnv()): LimitHooks {
  const config: GraphQLArmorConfig = {
    maxDepth: { ...armorRejection("maxDepth", limits.maxDepth), ignoreIntrospection: true, flattenFragments: true },
    maxAliases: armorRejection("maxAliases", limits.maxAliases),
    maxDirectives: armorRejection("maxDirectives", limits.maxDirectives),
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  };
  const armor = new ApolloArmor(config).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<ApiContext>[]), complexityPlugin(limits.maxCost)],
    validationRules: armor.validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

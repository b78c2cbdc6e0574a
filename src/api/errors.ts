/**
 * GraphQL errors with a machine-readable `extensions.code`, and the one place that decides what a client
 * sees of an error (Apollo's formatError): no stack traces and no database internals outside development.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLErrorType, type GraphQLFormattedError } from "./graphql.js";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** over a query limit (depth, aliases, tokens, directives, cost): see limits.ts */
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** a read ran longer than the Neo4j transaction timeout (AKHBAR_QUERY_TIMEOUT_MS) */
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  /** no or a wrong token (auth.ts) */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** writes are disabled: AKHBAR_API_TOKEN is not set */
  FORBIDDEN: "FORBIDDEN",
} as const;

export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLErrorType {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}

export function notFound(message: string, extensions: Record<string, unknown> = {}): GraphQLErrorType {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...extensions } });
}

// Driver error codes meaning "the database cannot be reached right now" (neo4j-driver and server side).
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.ClientError.Security.Unauthorized",
]);

/** Is this (driver) error the database being unreachable, rather than a bug? */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT)$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Is this a Neo4j transaction that ran past its timeout? */
export function isTransactionTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^Neo\.ClientError\.Transaction\.TransactionTimedOut/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface FormatOptions {
  /** development: keep messages of unexpected errors and (Apollo) stack traces */
  development: boolean;
  /** told about every unexpected error, with the original error */
  onUnexpected?: (error: unknown) => void;
}

export function makeFormatError(options: FormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      return {
        message: "The graph database is unavailable; try again in a few seconds.",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    if (isTransactionTimeout(original)) {
      return {
        message: "The query ran longer than the database's time limit; ask for less (smaller pages, fewer hops).",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.QUERY_TIMEOUT },
      };
    }
    // Query limits (limits.ts): graphql-armor's rules are wrapped by Apollo as validation errors, and the
    // parser's token limit is a syntax error; give both the code of the other limits.
    if (typeof formatted.extensions?.limit === "string" && formatted.extensions.code !== ErrorCode.QUERY_TOO_COMPLEX) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    if (tokens && formatted.extensions?.code === "GRAPHQL_PARSE_FAILED") {
      return {
        message: `The query has more than ${tokens[1]} tokens`,
        extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: "maxTokens", max: Number(tokens[1]) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
      options.onUnexpected?.(original);
      if (!options.development) {
        return {
          message: "Internal server error",
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        };
      }
    }
    return formatted;
  };
}

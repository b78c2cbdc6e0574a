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

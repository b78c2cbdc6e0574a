/**
 * Tokens. Writes (the ingestArticle mutation) need `Authorization: Bearer <AKHBAR_API_TOKEN>`; without
 * AKHBAR_API_TOKEN set, writes are disabled altogether. Reads are open unless AKHBAR_READ_TOKEN is set, then
 * every request needs that token or the API token. Tokens are compared in constant time: both sides are
 * hashed to equal-length SHA-256 digests and compared with crypto.timingSafeEqual, so neither the content
 * nor the length of a wrong token shows in the answer's timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { ErrorCode } from "./errors.js";
import { GraphQLError, type GraphQLErrorType } from "./graphql.js";

export interface AuthConfig {
  /** AKHBAR_API_TOKEN: allows writes (and reads); null = writes disabled */
  apiToken: string | null;
  /** AKHBAR_READ_TOKEN: when set, reads need it (or the API token) */
  readToken: string | null;
}

export interface RequestAuth {
  /** AKHBAR_API_TOKEN is set */
  writesEnabled: boolean;
  /** the request carries the API token */
  canWrite: boolean;
  /** reads are open, or the request carries the read or the API token */
  canRead: boolean;
  /** the request has an Authorization header */
  presented: boolean;
}

/** At least this long, or the server refuses to start: a short token is guessable. */
export const MIN_TOKEN_LENGTH = 16;

function tokenFromEnv(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return null;
  const token = raw.trim();
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`${name} must be at least ${MIN_TOKEN_LENGTH} characters`);
  return token;
}

export function authFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return { apiToken: tokenFromEnv(env, "AKHBAR_API_TOKEN"), readToken: tokenFromEnv(env, "AKHBAR_READ_TOKEN") };
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time comparison of a presented token with the expected one. */
export function tokenEquals(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== "string") return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(value);
  return m ? (m[1] as string) : null;
}

export function authenticate(config: AuthConfig, authorization: string | string[] | undefined): RequestAuth {
  const token = bearerToken(authorization);
  // both comparisons always run, so the timing does not tell which token matched
  const isApi = token !== null && config.apiToken !== null && tokenEquals(token, config.apiToken);
  const isRead = token !== null && config.readToken !== null && tokenEquals(token, config.readToken);
  return {
    writesEnabled: config.apiToken !== null,
    canWrite: isApi,
    canRead: config.readToken === null || isApi || isRead,
    presented: authorization !== undefined,
  };
}

export function unauthenticated(message: string): GraphQLErrorType {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="akhbar"']]) },
    },
  });
}

export function forbidden(message: string): GraphQLErrorType {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/** For the context function: refuses the whole request when reads need a token it does not carry. */
export function requireRead(auth: RequestAuth): void {
  if (!auth.canRead) {
    throw unauthenticated(
      auth.presented
        ? "The token is not valid for this API"
        : "This API needs a token: send Authorization: Bearer <token>",
    );
  }
}

/** For mutations. */
export function requireWrite(auth: RequestAuth | undefined): void {
  if (!auth?.writesEnabled) {
    throw forbidden("Writes are disabled on this server (AKHBAR_API_TOKEN is not set)");
  }
  if (!auth.canWrite) {
    throw unauthenticated(
      auth.presented
        ? "The token does not allow writes"
        : "Writes need a token: send Authorization: Bearer <AKHBAR_API_TOKEN>",
    );
  }
}

/**
 * Read-your-own-writes across API replicas and cluster members. ingestArticle returns `bookmark`: the Neo4j
 * bookmarks of its commit, as one opaque token. A request that sends it back in the x-akhbar-bookmark header is
 * served by reads that wait until the cluster member answering them holds that write, whichever API replica
 * and whichever follower serve it. Without the header, reads go to any reader at once (eventually consistent).
 */
import { ErrorCode } from "./errors.js";
import { GraphQLError } from "./graphql.js";

export const BOOKMARK_HEADER = "x-akhbar-bookmark";
const MAX_TOKEN_LENGTH = 4096;

export function encodeBookmark(bookmarks: string[]): string | null {
  return bookmarks.length > 0 ? Buffer.from(JSON.stringify(bookmarks), "utf8").toString("base64url") : null;
}

/** The bookmarks of a header value; none when it is absent; a 400 when it is not a token of encodeBookmark. */
export function decodeBookmark(header: string | string[] | undefined): string[] {
  const values = (Array.isArray(header) ? header : header ? [header] : []).flatMap((h) => h.split(","));
  return values.flatMap((value) => {
    const token = value.trim();
    if (token === "") return [];
    let parsed: unknown = null;
    try {
      if (token.length <= MAX_TOKEN_LENGTH) parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    } catch {
      parsed = null;
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((b) => typeof b === "string")) {
      throw new GraphQLError(`${BOOKMARK_HEADER} must be a bookmark returned by ingestArticle`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
      });
    }
    return parsed as string[];
  });
}

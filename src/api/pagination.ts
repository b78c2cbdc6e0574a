/** Relay-style connections over offset cursors: stable because every list query has a total order. */
import type { Page, PageRequest } from "../graph/queries/index.js";
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a client may ask for (`first`). */
export const MAX_PAGE_SIZE = 100;

const PREFIX = "akhbar:";

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || encodeCursor(offset) !== cursor) {
    throw badInput(`"${cursor.slice(0, 40)}" is not a cursor of this API: pass an endCursor or an edge's cursor`, {
      argumentName: "after",
    });
  }
  return offset;
}

/** Validates `first`/`after` into SKIP/LIMIT. */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  defaultSize = DEFAULT_PAGE_SIZE,
): PageRequest {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}`, {
      argumentName: "first",
      maxPageSize: MAX_PAGE_SIZE,
    });
  }
  const skip = after ? decodeCursor(after) + 1 : 0;
  return { skip, limit: size };
}

export interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionValue<N> {
  edges: { cursor: string; node: N }[];
  nodes: N[];
  pageInfo: PageInfoValue;
  /** evaluated only when a client selects totalCount */
  count: () => Promise<number>;
}

export function toConnection<R, N>(
  page: Page<R>,
  request: PageRequest,
  map: (row: R) => N,
  count: () => Promise<number>,
): ConnectionValue<N> {
  const nodes = page.rows.map(map);
  const last = nodes.length - 1;
  return {
    // made only for a client that selects edges: most ask for nodes
    get edges() {
      return nodes.map((node, i) => ({ cursor: encodeCursor(request.skip + i), node }));
    },
    nodes,
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: request.skip > 0,
      startCursor: last >= 0 ? encodeCursor(request.skip) : null,
      endCursor: last >= 0 ? encodeCursor(request.skip + last) : null,
    },
    count,
  };
}

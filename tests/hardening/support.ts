import { afterAll, beforeAll } from "vitest";
import { type ApiServerOptions, type RunningServer, startApiServer } from "../../src/api/server.js";
import type { Graph } from "../../src/graph/driver.js";
import { loadFiles, seedFiles } from "../../src/ingest/files.js";
import { useTestGraph } from "../support/graph.js";

export interface GqlError {
  message: string;
  path?: string[];
  extensions?: Record<string, unknown>;
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GqlError[];
  text: string;
}

/** POSTs a GraphQL request as JSON; never throws on a non-JSON body (text keeps it). */
export async function postGql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T | null; errors?: GqlError[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // left to the caller: text
  }
  return { status: res.status, headers: res.headers, text, ...body };
}

export interface Harness {
  graph: Graph;
  server: RunningServer;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
}

/** The test Neo4j emptied (and seeded unless seed: false), and a server with these options on an ephemeral port. */
export function useServer(options: Partial<ApiServerOptions> & { seed?: boolean } = {}): Harness {
  const { seed, ...serverOptions } = options;
  const ctx = useTestGraph();
  const harness = {
    gql: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
      postGql(harness.server.url, query, variables, headers),
  } as Harness;
  beforeAll(async () => {
    harness.graph = ctx.graph;
    if (seed ?? true) await loadFiles(ctx.graph, seedFiles());
    harness.server = await startApiServer(ctx.graph, { host: "127.0.0.1", port: 0, ...serverOptions });
  });
  afterAll(async () => {
    await harness.server?.stop();
  });
  return harness;
}

/** A stack frame in any text: "at fn (file.ts:12:3)". */
export const STACK_FRAME = /\bat .+\.(ts|js|mjs|cjs):\d+/;

/** Node and relationship counts. */
export async function graphCounts(graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const res = await graph.read(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
  );
  const r = res.records[0];
  return { nodes: r?.get("nodes") as number, relationships: r?.get("rels") as number };
}

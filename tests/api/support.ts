import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import type { Graph } from "../../src/graph/driver.js";
import { loadFiles, seedFiles } from "../../src/ingest/files.js";
import { useTestGraph } from "../support/graph.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface ApiHarness {
  graph: Graph;
  server: RunningServer;
  /** Cypher statements run since the last reset */
  statements: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

/**
 * For an API test file: the test Neo4j emptied, the seed loaded by the real extractor and loader, and the
 * API served on an ephemeral port. Every Cypher statement is recorded (openGraph's onQuery).
 */
export function useSeededApi(options: { seed?: boolean; corsOrigins?: string[] } = {}): ApiHarness {
  const statements: string[] = [];
  const ctx = useTestGraph({ onQuery: (cypher) => statements.push(cypher) });
  const harness = {
    statements,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const res = await fetch(harness.server.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) } as GraphQLResponse<T>;
    },
  } as ApiHarness;
  beforeAll(async () => {
    harness.graph = ctx.graph;
    if (options.seed ?? true) await loadFiles(ctx.graph, seedFiles());
    harness.server = await startApiServer(ctx.graph, { host: "127.0.0.1", port: 0, corsOrigins: options.corsOrigins });
    statements.length = 0;
  });
  afterAll(async () => {
    await harness.server?.stop();
  });
  return harness;
}

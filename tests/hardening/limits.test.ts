import { describe, expect, it } from "vitest";
import { makeFormatError } from "../../src/api/errors.js";
import { DEFAULT_LIMITS, limitsFromEnv } from "../../src/api/limits.js";
import { MAX_PAGE_SIZE } from "../../src/api/pagination.js";
import { startApiServer } from "../../src/api/server.js";
import { openGraph } from "../../src/graph/driver.js";
import { testNeo4jConfig } from "../support/testDb.js";
import { postGql, STACK_FRAME, useServer } from "./support.js";

const api = useServer();

async function rejected(query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables);
  expect(res.status, query.slice(0, 80)).toBe(400);
  expect(res.data ?? null).toBeNull();
  const err = res.errors?.[0];
  expect(err?.extensions?.code, res.text.slice(0, 300)).toBe("QUERY_TOO_COMPLEX");
  expect(res.text).not.toMatch(STACK_FRAME);
  return err as NonNullable<typeof err>;
}

function nested(depth: number): string {
  // actor → events → nodes → participants → actor → events → …: 3 levels per round
  let inner = "name";
  for (let i = 0; i < depth; i++) inner = `events(first: 1) { nodes { participants { actor { ${inner} } } } }`;
  return `{ actor(name: "Lavrov") { ${inner} } }`;
}

describe("query limits", () => {
  it("rejects a query deeper than the maximum depth", async () => {
    const err = await rejected(nested(4));
    expect(err.extensions?.limit).toBe("maxDepth");
    expect(err.message).toMatch(/depth/i);
  });

  it("rejects too many aliases", async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: health { ok }`).join(" ");
    const err = await rejected(`{ ${fields} }`);
    expect(err.extensions?.limit).toBe("maxAliases");
  });

  it("rejects too many directives", async () => {
    const dirs = Array.from({ length: DEFAULT_LIMITS.maxDirectives + 1 }, () => "@include(if: true)").join(" ");
    const err = await rejected(`{ health ${dirs} { ok } }`);
    expect(err.extensions?.limit).toBe("maxDirectives");
  });

  it("rejects a document with too many tokens, before parsing it all", async () => {
    const big = `{ health { ${"ok ".repeat(DEFAULT_LIMITS.maxTokens)} } }`;
    const err = await rejected(big);
    expect(err.extensions?.limit).toBe("maxTokens");
    expect(err.extensions?.max).toBe(DEFAULT_LIMITS.maxTokens);
  });

  it("rejects a query over the complexity budget, with its cost and the budget", async () => {
    const query = `query($f: Int) { phoneCalls(first: $f) { nodes { caller { events(first: $f) {
      nodes { participants { actor { name } } evidence { text } } } } } } }`;
    const err = await rejected(query, { f: 100 });
    expect(err.extensions?.limit).toBe("maxCost");
    expect(err.extensions?.budget).toBe(DEFAULT_LIMITS.maxCost);
    expect(err.extensions?.cost as number).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(err.message).toContain(String(err.extensions?.cost));
    // the same shape with small pages is fine: cost is proportional to `first`
    const ok = await api.gql(query, { f: 3 });
    expect(ok.errors).toBeUndefined();
    expect(ok.status).toBe(200);
  });

  it("lets ordinary queries through", async () => {
    const res = await api.gql(
      '{ phoneCalls(first: 100) { totalCount nodes { caller { name } callee { name } evidence { text } } } actor(name: "Lavrov") { name } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it("keeps the maximum page size", async () => {
    const res = await api.gql(`{ actors(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.extensions?.maxPageSize).toBe(MAX_PAGE_SIZE);
  });

  it("takes its limits from the options (and the environment)", async () => {
    const tight = await startApiServer(api.graph, { host: "127.0.0.1", port: 0, limits: { maxCost: 50, maxDepth: 3 } });
    try {
      const res = await postGql(tight.url, "{ phoneCalls(first: 50) { nodes { id } } }");
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", budget: 50, cost: 101 });
      const deep = await postGql(tight.url, "{ phoneCalls { nodes { caller { country { name } } } } }");
      expect(deep.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "maxDepth" });
    } finally {
      await tight.stop();
    }
    expect(
      limitsFromEnv({
        AKHBAR_MAX_DEPTH: "7",
        AKHBAR_MAX_ALIASES: "3",
        AKHBAR_MAX_TOKENS: "500",
        AKHBAR_MAX_DIRECTIVES: "4",
        AKHBAR_MAX_COST: "1234",
      }),
    ).toMatchObject({ maxDepth: 7, maxAliases: 3, maxTokens: 500, maxDirectives: 4, maxCost: 1234 });
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(() => limitsFromEnv({ AKHBAR_MAX_COST: "lots" })).toThrow(/AKHBAR_MAX_COST/);
  });
});

describe("the Neo4j transaction timeout on reads", () => {
  it("aborts a read running longer than the timeout, and the API calls it QUERY_TIMEOUT", async () => {
    const graph = openGraph(testNeo4jConfig(), { readTimeoutMs: 200 });
    try {
      const err = await graph.read("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n").then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, "the read was aborted").not.toBeNull();
      expect(String((err as { code?: string }).code)).toMatch(/TransactionTimedOut/);
      const formatted = makeFormatError({ development: false })({ message: "x", extensions: {} }, err);
      expect(formatted.extensions?.code).toBe("QUERY_TIMEOUT");
      expect(formatted.message).not.toContain("Neo");
    } finally {
      await graph.close();
    }
  });
});

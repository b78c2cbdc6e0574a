import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import { openGraph } from "../../src/graph/driver.js";
import { testNeo4jConfig } from "../support/testDb.js";
import { useSeededApi } from "./support.js";

const api = useSeededApi();

async function codeOf(query: string, variables?: Record<string, unknown>) {
  const res = await api.gql(query, variables);
  expect(res.errors?.length, query).toBeGreaterThan(0);
  const err = res.errors?.[0];
  // no stack traces outside development
  expect(err?.extensions?.stacktrace).toBeUndefined();
  expect(JSON.stringify(res)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return { code: err?.extensions?.code as string, error: err, status: res.status };
}

describe("errors carry a code", () => {
  it("BAD_USER_INPUT for bad arguments", async () => {
    const bad = [
      "{ phoneCalls(first: 1000) { totalCount } }",
      "{ phoneCalls(first: -1) { totalCount } }",
      '{ phoneCalls(after: "not-a-cursor") { totalCount } }',
      '{ phoneCalls(from: "April 2016") { totalCount } }',
      '{ phoneCalls(from: "2016-13-01") { totalCount } }',
      '{ events(from: "2017", to: "2016") { totalCount } }',
      '{ shortestPath(from: "Lavrov", to: "Erdogan", maxHops: 99) { hops } }',
      "{ actor { id } }",
      '{ actor(id: "person:sergey-lavrov", name: "Lavrov") { id } }',
      '{ actor(name: "   ") { id } }',
      '{ search(text: "   ") { kind } }',
      '{ search(text: "x", first: 0) { kind } }',
      '{ phoneCalls(country: "Lavrov") { totalCount } }',
    ];
    for (const query of bad) expect((await codeOf(query)).code, query).toBe("BAD_USER_INPUT");
  });

  it("BAD_USER_INPUT listing the candidates for an ambiguous name", async () => {
    // a name key the seed gives to more than one actor (e.g. «وزارة الخارجية» of two countries)
    const shared = await api.graph.read(
      `MATCH (n:Name)<-[r:NAMED]-(a:Actor) WITH n, collect(r.form)[0] AS form, collect(a.id) AS ids
       WHERE size(ids) > 1 RETURN form, ids ORDER BY n.key LIMIT 1`,
    );
    const record = shared.records[0];
    expect(record, "the seed has a name shared by two actors").toBeDefined();
    const form = record?.get("form") as string;
    const ids = record?.get("ids") as string[];
    const { code, error } = await codeOf("query($n: String) { actor(name: $n) { id } }", { n: form });
    expect(code).toBe("BAD_USER_INPUT");
    const candidates = ((error?.extensions?.candidates ?? []) as { id: string }[]).map((c) => c.id).sort();
    expect(candidates).toEqual([...ids].sort());
    for (const id of ids) expect(error?.message).toContain(id);
    // the same in a filter argument
    expect((await codeOf("query($n: String) { phoneCalls(caller: $n) { totalCount } }", { n: form })).code).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("NOT_FOUND for an unknown actor", async () => {
    for (const query of [
      '{ actor(name: "Napoleon Bonaparte") { id } }',
      '{ actor(id: "person:nobody") { id } }',
      '{ phoneCalls(caller: "نابليون") { totalCount } }',
      '{ shortestPath(from: "Lavrov", to: "Nobody") { hops } }',
    ]) {
      expect((await codeOf(query)).code, query).toBe("NOT_FOUND");
    }
  });

  it("GRAPHQL_VALIDATION_FAILED for a query the schema does not have", async () => {
    const { code, status } = await codeOf("{ phoneCalls { nope } }");
    expect(code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(status).toBe(400);
  });

  it("BAD_REQUEST, without a stack trace, for a body that is not JSON", async () => {
    const res = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ health { ok } }"',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it("is not fooled by Lucene or Cypher syntax in text", async () => {
    for (const text of ['"}) DETACH DELETE n //', "' OR 1=1 //", "`x` AND (y OR", "*:*", "\\"]) {
      const res = await api.gql(
        "query($t: String!) { search(text: $t) { kind } statements(search: $t) { totalCount } }",
        {
          t: text,
        },
      );
      expect(res.errors, text).toBeUndefined();
    }
    const nodes = await api.graph.read("MATCH (n:Actor) RETURN count(n) AS n");
    expect(nodes.records[0]?.get("n")).toBeGreaterThan(0);
  });
});

describe("Neo4j unavailable", () => {
  let down: RunningServer | undefined;
  const deadGraph = openGraph({ ...testNeo4jConfig(), uri: "bolt://127.0.0.1:9" });
  afterAll(async () => {
    await down?.stop();
    await deadGraph.close();
  });

  it("answers SERVICE_UNAVAILABLE, and health says why", async () => {
    down = await startApiServer(deadGraph, { host: "127.0.0.1", port: 0 });
    const post = async (query: string) =>
      (await (
        await fetch(down?.url as string, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
    // side by side, so the driver's retries (a few seconds each) overlap
    const [calls, lavrov, healthRes] = await Promise.all([
      post("{ phoneCalls { totalCount } }"),
      post('{ actor(name: "Lavrov") { id } }'),
      post("{ health { ok error } }"),
    ]);
    expect(calls.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(lavrov.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    const res = { calls, lavrov };
    expect(JSON.stringify(res)).not.toContain("stacktrace");
    expect(JSON.stringify(res)).not.toContain("bolt://");
    expect(healthRes.errors).toBeUndefined();
    const health = healthRes.data?.health as { ok: boolean; error: string | null };
    expect(health.ok).toBe(false);
    expect(health.error).toBeTruthy();
  });
});

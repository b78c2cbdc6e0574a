import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Graph, openGraph } from "../../src/graph/driver.js";
import { seedFiles } from "../../src/ingest/files.js";
import { useTestGraph } from "../support/graph.js";
import { buildCli, serveProcess } from "../support/processes.js";
import { testNeo4jConfig } from "../support/testDb.js";

/**
 * Scale-out: two API processes (two replicas behind a load balancer) on one Neo4j reached through neo4j://, the
 * routing scheme of a cluster (a single Community server answers routing requests with itself). A write on one
 * replica returns a bookmark; a read on the other that passes it sees the write. Cursors work across replicas.
 */

const TOKEN = "replica-test-token-0123456789";
const routingUri = testNeo4jConfig().uri.replace(/^bolt:/, "neo4j:");

interface Body {
  data?: {
    ingestArticle: { articleId: string; status: string; bookmark: string | null; events: { created: number } };
    article: { id: string } | null;
    events: { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string } };
  };
  errors?: { message: string }[];
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Body,
  };
}

describe("two API replicas over neo4j:// routing", () => {
  useTestGraph(); // the test database, emptied
  const replicas: { child: ChildProcess; url: string }[] = [];
  let routed: Graph;

  beforeAll(async () => {
    buildCli();
    const cfg = testNeo4jConfig();
    const env = { NEO4J_URI: routingUri, NEO4J_USER: cfg.user, NEO4J_PASSWORD: cfg.password, AKHBAR_API_TOKEN: TOKEN };
    replicas.push(await serveProcess(env), await serveProcess(env));
    routed = openGraph({ ...cfg, uri: routingUri });
  }, 240_000);

  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    await routed?.close();
  });

  it("routes reads as READ and writes as WRITE", async () => {
    // The server enforces a session's access mode: a write sent as a read is refused, as a write it runs.
    await expect(routed.read("CREATE (p:RoutingProbe) RETURN p")).rejects.toThrow(/read access mode|AccessMode/i);
    const res = await routed.write("CREATE (p:RoutingProbe) RETURN count(p) AS n");
    expect(res.records[0]?.get("n")).toBe(1);
    await routed.write("MATCH (p:RoutingProbe) DELETE p");
  });

  it("a read on one replica that passes the bookmark of a write on the other sees that write", async () => {
    const [a, b] = [replicas[0], replicas[1]] as [{ url: string }, { url: string }];
    const text = fs.readFileSync(seedFiles()[0] as string, "utf8");
    const write = await post(
      a.url,
      `mutation { ingestArticle(text: ${JSON.stringify(text)}, publishedAt: "2016-04-02") { articleId status bookmark events { created } } }`,
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(write.body.errors).toBeUndefined();
    const ingested = write.body.data?.ingestArticle as NonNullable<Body["data"]>["ingestArticle"];
    expect(ingested.status).toBe("loaded");
    expect(typeof ingested.bookmark).toBe("string");
    const read = await post(
      b.url,
      `{ article(id: ${JSON.stringify(ingested?.articleId)}) { id } events(first: 1) { totalCount } }`,
      {
        "x-akhbar-bookmark": ingested?.bookmark as string,
      },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.article?.id).toBe(ingested.articleId);
    expect(read.body.data?.events.totalCount).toBe(ingested.events.created);
  });

  it("refuses a bookmark header that is not a bookmark", async () => {
    const res = await post((replicas[1] as { url: string }).url, "{ events(first: 1) { totalCount } }", {
      "x-akhbar-bookmark": "not-a-bookmark",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/x-akhbar-bookmark/);
  });

  it("pages across replicas: a cursor from one is valid on the other", async () => {
    const [a, b] = [replicas[0], replicas[1]] as [{ url: string }, { url: string }];
    const page = (after: string | null) =>
      `{ events(first: 3${after ? `, after: ${JSON.stringify(after)}` : ""}) { nodes { id } pageInfo { endCursor } } }`;
    const first = await post(a.url, page(null));
    const cursor = first.body.data?.events.pageInfo.endCursor ?? null;
    const onB = await post(b.url, page(cursor));
    const onA = await post(a.url, page(cursor));
    expect(onB.body.errors).toBeUndefined();
    expect(onB.body.data?.events.nodes.length).toBe(3);
    expect(onB.body.data).toEqual(onA.body.data);
    const ids = (x: typeof first) => (x.body.data?.events.nodes ?? []).map((n) => n.id);
    expect(ids(onB).some((id) => ids(first).includes(id))).toBe(false);
  });
});

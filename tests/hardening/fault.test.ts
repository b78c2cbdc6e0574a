/**
 * Neo4j going away under a running server, for real: a dedicated local Neo4j (its own port and data folder,
 * AKHBAR_FAULT_NEO4J_PORT, default 7696) is down when the main job starts, then started, stopped and
 * started again while the server keeps running.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MainJob, startMainJob } from "../../src/cli/serve.js";
import { neo4jConfig, repoRoot } from "../../src/config.js";
import { openGraph } from "../../src/graph/driver.js";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/graph/localNeo4j.js";
import { postGql } from "./support.js";

const cfg = neo4jConfig({
  ...process.env,
  NEO4J_URI: "",
  AKHBAR_NEO4J_PORT: process.env.AKHBAR_FAULT_NEO4J_PORT || "7696",
  AKHBAR_DATA_DIR: path.join(repoRoot, ".data", "test-neo4j-fault"),
  AKHBAR_NEO4J_HEAP: "512m",
});
const log = (line: string) => process.stderr.write(`[fault] ${line}\n`);

interface Health {
  ok: boolean;
  error: string | null;
  nodeCount: number | null;
}

describe("Neo4j down, then back, under a running server", () => {
  let job: MainJob | undefined;
  const said: string[] = [];

  beforeAll(async () => {
    await stopLocalNeo4j(cfg);
  }, 90_000);
  afterAll(async () => {
    await job?.shutdown();
    await stopLocalNeo4j(cfg, log);
  }, 90_000);

  const health = async () =>
    (await postGql<{ health: Health }>(job!.server.url, "{ health { ok error nodeCount } }")).data?.health;
  const articles = () => postGql<{ articles: { totalCount: number } }>(job!.server.url, "{ articles { totalCount } }");

  async function expectDown() {
    const [h, res] = await Promise.all([health(), articles()]);
    expect(h?.ok).toBe(false);
    expect(h?.error).toBeTruthy();
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(res.text).not.toContain("bolt://");
  }

  /**
   * ms from now until a query is answered again. A new request every 250 ms, not waiting for the previous
   * one: a request sent while the database was down waits out the driver's retries (up to 5 s), which would
   * otherwise hide the moment the server can answer again.
   */
  async function timeToRecover(): Promise<number> {
    const started = Date.now();
    let last = "";
    let recovered: number | null = null;
    const pending = new Set<Promise<void>>();
    while (recovered === null && Date.now() - started < 60_000) {
      const p: Promise<void> = articles().then((res) => {
        if (!res.errors && res.data?.articles) recovered ??= Date.now() - started;
        else last = res.text;
        pending.delete(p);
      });
      pending.add(p);
      await new Promise((r) => setTimeout(r, 250));
    }
    await Promise.all(pending);
    if (recovered === null) {
      throw new Error(`the API did not recover within 60 s; last answer ${last}; main job said:\n${said.join("\n")}`);
    }
    return recovered;
  }

  it("serves while Neo4j is down, reports it, and recovers by itself when it comes back (twice)", async () => {
    const t = Date.now();
    job = await startMainJob(openGraph(cfg), {
      load: true,
      retryMs: 500,
      server: { host: "127.0.0.1", port: 0 },
      say: (line) => said.push(line),
    });
    log(`server up with Neo4j down after ${Date.now() - t} ms`);
    await expectDown();

    await startLocalNeo4j(cfg, log);
    const ready = Date.now();
    const first = await timeToRecover();
    log(`answering again ${first} ms after Neo4j was ready`);
    // meanwhile the main job applies the schema and loads the seeds in the background
    expect(await job.prepared, said.join("\n")).toBe(true);
    const preparedMs = Date.now() - ready;
    log(`schema applied and seeds loaded ${preparedMs} ms after Neo4j was ready`);
    expect(said.join("\n")).toMatch(/Schema: \d+ constraints/);
    expect((await articles()).data?.articles.totalCount).toBeGreaterThan(0);
    expect((await health())?.ok).toBe(true);

    await stopLocalNeo4j(cfg, log);
    await expectDown();

    await startLocalNeo4j(cfg, log);
    const second = await timeToRecover();
    log(`recovered ${second} ms after the restarted Neo4j was ready`);
    expect((await health())?.ok).toBe(true);
    console.log(
      `Recovery after Neo4j came back: ${first} ms (first start; prepared after ${preparedMs} ms), ${second} ms (restart)`,
    );
  }, 300_000);
});

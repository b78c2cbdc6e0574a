/** SIGTERM: the built CLI drains in-flight requests, closes the driver and exits 0. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMainJob } from "../../src/cli/serve.js";
import { repoRoot } from "../../src/config.js";
import { openGraph } from "../../src/graph/driver.js";
import { freePort } from "../support/processes.js";
import { testNeo4jConfig } from "../support/testDb.js";
import { postGql } from "./support.js";

// A database nobody answers on: every query is in flight for the driver's retry time (about 5 s).
const DEAD = "bolt://127.0.0.1:9";
const SLOW_QUERY = "{ phoneCalls { totalCount } }";

describe("SIGTERM", () => {
  let child: ChildProcess | undefined;

  beforeAll(() => {
    const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: repoRoot, encoding: "utf8" });
    if (build.status !== 0) process.stderr.write(`build: ${build.stdout}${build.stderr}`);
  }, 180_000);
  afterAll(() => {
    if (child?.exitCode === null) child.kill("SIGKILL");
  });

  it("the CLI drains the request in flight, closes the driver and exits 0", async () => {
    const port = await freePort();
    child = spawn(process.execPath, [path.join(repoRoot, "dist", "cli", "main.js"), "serve"], {
      cwd: repoRoot,
      env: { ...process.env, NEO4J_URI: DEAD, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    const started = Date.now();
    while (!stdout.includes("ready at")) {
      if (child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`no start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = `http://127.0.0.1:${port}/graphql`;
    const inFlight = postGql(url, SLOW_QUERY);
    await new Promise((r) => setTimeout(r, 500));
    const signalled = Date.now();
    child.kill("SIGTERM");
    const res = await inFlight;
    // answered, not cut off
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await exited).toBe(0);
    expect(stderr).toContain("SIGTERM: draining requests and closing the database driver");
    expect(stderr).toContain("Stopped");
    console.log(`SIGTERM → exit in ${Date.now() - signalled} ms, the in-flight request answered`);
    // no new connections once stopped
    await expect(fetch(url, { method: "POST", body: "{}" })).rejects.toThrow();
  }, 90_000);

  it("the main job's shutdown lets an in-flight query finish over the real database, then closes the driver", async () => {
    const graph = openGraph(testNeo4jConfig());
    let started: () => void = () => {};
    const requestStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const job = await startMainJob(graph, {
      load: false,
      say: () => {},
      server: {
        host: "127.0.0.1",
        port: 0,
        plugins: [
          {
            async requestDidStart() {
              started();
              // keep it in flight a little
              await new Promise((r) => setTimeout(r, 300));
            },
          },
        ],
      },
    });
    const inFlight = postGql<{ health: { ok: boolean } }>(job.server.url, "{ health { ok } }");
    await requestStarted;
    await job.shutdown();
    const res = await inFlight;
    expect(res.data?.health.ok).toBe(true);
    await expect(graph.read("RETURN 1")).rejects.toThrow();
  }, 60_000);
});

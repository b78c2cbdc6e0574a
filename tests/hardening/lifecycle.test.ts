/**
 * The built CLI owns the Neo4j it starts: `akhbar start` stopped by SIGINT (Ctrl-C) or SIGTERM stops the
 * local Neo4j it started, unless --keep-db, and leaves one that was running before; `akhbar db start` after
 * a crash clears the stale pid file and starts a new Neo4j. A dedicated local Neo4j (its own data folder, on
 * the fault test's port AKHBAR_FAULT_NEO4J_PORT, default 7696: integration files run one at a time).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neo4jConfig, repoRoot } from "../../src/config.js";
import { localStatus, pidState, stopLocalNeo4j } from "../../src/graph/localNeo4j.js";
import { freePort } from "../support/processes.js";

const env = {
  ...process.env,
  NEO4J_URI: "",
  AKHBAR_NEO4J_PORT: process.env.AKHBAR_FAULT_NEO4J_PORT || "7696",
  AKHBAR_DATA_DIR: path.join(repoRoot, ".data", "test-neo4j-lifecycle"),
  AKHBAR_NEO4J_HEAP: "512m",
  LOG_LEVEL: "warn",
};
const cfg = neo4jConfig(env);
const pidFile = path.join(cfg.dataDir, "neo4j.pid");
const cli = path.join(repoRoot, "dist", "cli", "main.js");
const log = (line: string) => process.stderr.write(`[lifecycle] ${line}\n`);

const readPid = () => Number(fs.readFileSync(pidFile, "utf8").trim());
const running = async () => (await localStatus(cfg)).running;

/** `akhbar db …` on the built CLI */
function db(command: string): { status: number | null; out: string } {
  const res = spawnSync(process.execPath, [cli, "db", command], { cwd: repoRoot, env, encoding: "utf8" });
  return { status: res.status, out: res.stdout + res.stderr };
}

interface MainRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `akhbar start --no-load [extra]` until the API is ready */
async function startMain(extra: string[] = []): Promise<MainRun> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, "start", "--no-load", ...extra], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = Date.now();
  // the banner's last line comes after "ready at"
  while (!/ready at[\s\S]*db:stop/.test(out)) {
    if (child.exitCode !== null || Date.now() - started > 200_000) throw new Error(`no start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, exited };
}

describe("the CLI owns the Neo4j it starts", () => {
  let main: MainRun | undefined;

  beforeAll(async () => {
    const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: repoRoot, encoding: "utf8" });
    if (build.status !== 0) process.stderr.write(`build: ${build.stdout}${build.stderr}`);
    await stopLocalNeo4j(cfg);
  }, 180_000);
  afterAll(async () => {
    if (main?.child.exitCode === null) main.child.kill("SIGKILL");
    await stopLocalNeo4j(cfg, log);
  }, 90_000);

  it("Ctrl-C on start stops the API and the Neo4j it started", async () => {
    expect(await running()).toBe(false);
    main = await startMain();
    expect(main.output()).toContain("--keep-db");
    const pid = readPid();
    expect(pidState(pid)).toBe("live");
    main.child.kill("SIGINT");
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain(`Stopping Neo4j (pid ${pid})`);
    expect(pidState(pid)).not.toBe("live");
    expect(await running()).toBe(false);
  }, 300_000);

  it("--keep-db leaves it running; a run that found it running leaves it running too (SIGTERM)", async () => {
    main = await startMain(["--keep-db"]);
    const pid = readPid();
    expect(main.output()).toContain("stays up after it (--keep-db)");
    main.child.kill("SIGINT");
    expect(await main.exited).toBe(0);
    expect(main.output()).not.toContain("Stopping Neo4j");
    expect(await running()).toBe(true);

    main = await startMain();
    expect(main.output()).toContain("Neo4j was already running and stays up");
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(main.output()).not.toContain("Stopping Neo4j");
    expect(await running()).toBe(true);
    expect(readPid()).toBe(pid);
    expect(pidState(pid)).toBe("live");
  }, 300_000);

  it("db start right after a crash (kill -9) starts a new Neo4j instead of answering 'already running'", async () => {
    const crashed = readPid();
    process.kill(crashed, "SIGKILL");
    const res = db("start");
    log(`db start after kill -9 of pid ${crashed}:\n${res.out}`);
    expect(res.status, res.out).toBe(0);
    expect(res.out).not.toContain("already running");
    expect(res.out).toMatch(/ready at/);
    const pid = readPid();
    expect(pid).not.toBe(crashed);
    expect(pidState(pid)).toBe("live");
    expect(db("status").status).toBe(0);
  }, 300_000);

  it("db start clears a pid file whose process has exited (a zombie) or is another program", async () => {
    expect(db("stop").status).toBe(0);
    // a zombie: the child of a process that never reaps it (sh's background job, then sh becomes sleep)
    const reaper = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 120"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = await new Promise<number>((resolve) =>
        reaper.stdout?.once("data", (d) => resolve(Number(String(d).trim()))),
      );
      await expect.poll(() => pidState(zombie)).toBe("exited");
      for (const stale of [zombie, reaper.pid as number]) {
        fs.writeFileSync(pidFile, String(stale));
        const res = db("start");
        expect(res.status, res.out).toBe(0);
        expect(res.out).toContain(`Removed a stale pid file: Neo4j (pid ${stale}) is no longer running`);
        expect(readPid()).not.toBe(stale);
        expect(await running()).toBe(true);
        expect(db("stop").status).toBe(0);
      }
    } finally {
      reaper.kill("SIGKILL");
    }
  }, 300_000);
});

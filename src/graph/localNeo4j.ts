import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import neo4j from "neo4j-driver";
import { type Neo4jConfig, repoRoot } from "../config.js";

/**
 * The local Neo4j: the real Neo4j 5 Community engine resolved from Maven Central (the packaged server
 * tarball is not served there) and run by src/graph/server/Launcher.java with the Bolt connector on.
 */

export const NEO4J_VERSION = "5.26.19";
const serverDir = path.join(repoRoot, "src", "graph", "server");
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
/** how long a start waits for the Neo4j of the pid file to finish starting, or to finish exiting */
const SETTLE_TIMEOUT_MS = 90_000;

type Say = (line: string) => void;

function runtimeDir(cfg: Neo4jConfig): { lib: string; plugins: string; stamp: string } {
  const base = path.join(cfg.cacheDir, `neo4j-${NEO4J_VERSION}`);
  return { lib: path.join(base, "lib"), plugins: path.join(base, "plugins"), stamp: path.join(base, ".complete") };
}

const pidFile = (cfg: Neo4jConfig) => path.join(cfg.dataDir, "neo4j.pid");
const logFile = (cfg: Neo4jConfig) => path.join(cfg.dataDir, "neo4j.log");

function requireTool(cmd: string, hint: string): void {
  const probe = spawnSync(cmd, ["-version"], { stdio: "ignore" });
  if (probe.error) throw new Error(`${cmd} was not found on PATH: ${hint}`);
}

/** One-time fetch of the Neo4j and APOC jars through Maven into the cache; later starts reuse them. */
export function ensureNeo4jJars(cfg: Neo4jConfig, say: Say): { lib: string; plugins: string } {
  const dirs = runtimeDir(cfg);
  if (fs.existsSync(dirs.stamp)) return dirs;
  requireTool("mvn", "install Apache Maven (and JDK 17+) or set NEO4J_URI to a Neo4j 5 server");
  say(`Fetching Neo4j ${NEO4J_VERSION} Community and APOC core from Maven Central (one time, ~120 MB)...`);
  const pom = path.join(serverDir, "pom.xml");
  const copy = (outputDir: string, filter: string) => {
    const res = spawnSync(
      "mvn",
      ["-B", "-f", pom, "dependency:copy-dependencies", `-DoutputDirectory=${outputDir}`, filter],
      { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
    );
    if (res.status !== 0) {
      throw new Error(`Maven could not fetch Neo4j (exit ${res.status}):\n${(res.stdout + res.stderr).slice(-3000)}`);
    }
    const copied = (res.stdout.match(/Copying /g) ?? []).length;
    say(`  ${copied} artifacts into ${outputDir}`);
  };
  fs.rmSync(path.dirname(dirs.stamp), { recursive: true, force: true });
  // APOC goes in both places: its procedures are found in the plugin folder, its extension on the classpath.
  copy(dirs.lib, "-DexcludeGroupIds=org.neo4j.procedure");
  copy(dirs.plugins, "-DincludeGroupIds=org.neo4j.procedure");
  fs.writeFileSync(dirs.stamp, new Date().toISOString());
  return dirs;
}

function readPid(cfg: Neo4jConfig): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(cfg), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the pid of the pid file is now. `kill(pid, 0)` alone is not enough: after a crash (kill -9) the JVM's
 * main thread is a zombie while its other threads still close its files and sockets, and a pid can be
 * reused by another program. On Linux /proc tells: "exited" (zombie or dead, possibly still holding the
 * Bolt port for a moment), "gone" (no such process, or not our Launcher), else "live".
 */
export function pidState(pid: number): "live" | "exited" | "gone" {
  if (!alive(pid)) return "gone";
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).charAt(0);
    if (state === "Z" || state === "X") return "exited";
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("Launcher.java")) return "gone";
  } catch {
    // no /proc (not Linux): kill(pid, 0) is all there is to know
  }
  return "live";
}

/** Does anything accept TCP connections on this port of 127.0.0.1? */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Before a start: the Neo4j of the pid file, if any, is settled. One that is still starting is waited for
 * (it may answer); one that crashed or is stopping is waited for until it has let go of the Bolt port (a
 * dying JVM can still answer for a moment), and its pid file is removed. Bounded by SETTLE_TIMEOUT_MS.
 */
async function settlePidFile(cfg: Neo4jConfig, say: Say): Promise<void> {
  const pid = readPid(cfg);
  if (pid === null) return;
  const started = Date.now();
  let waitingFor = "";
  const waiting = (what: string) => {
    if (what !== waitingFor) say(what);
    waitingFor = what;
  };
  while (Date.now() - started < SETTLE_TIMEOUT_MS) {
    const state = pidState(pid);
    if (state === "live") {
      if (await boltVersion(cfg)) return;
      waiting(`Neo4j (pid ${pid}) does not answer on ${cfg.uri} yet; waiting for it to start or to exit...`);
    } else if (state === "gone" || !(await portOpen(cfg.boltPort))) {
      fs.rmSync(pidFile(cfg), { force: true });
      say(`Removed a stale pid file: Neo4j (pid ${pid}) is no longer running (it crashed or was killed)`);
      return;
    } else {
      waiting(`Neo4j (pid ${pid}) has exited; waiting for it to let go of port ${cfg.boltPort}...`);
    }
    await sleep(500);
  }
}

/** Does a Neo4j answer with these credentials? Returns its version, or null. */
export async function boltVersion(cfg: Neo4jConfig): Promise<string | null> {
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  try {
    const info = await driver.getServerInfo();
    return info.protocolVersion !== undefined ? (info.agent ?? "Neo4j").replace(/^Neo4j\//, "") : null;
  } catch {
    return null;
  } finally {
    await driver.close();
  }
}

export interface LocalStatus {
  running: boolean;
  pid: number | null;
  version: string | null;
  uri: string;
  dataDir: string;
}

export async function localStatus(cfg: Neo4jConfig): Promise<LocalStatus> {
  const pid = readPid(cfg);
  const version = await boltVersion(cfg);
  return {
    running: version !== null,
    pid: pid && pidState(pid) === "live" ? pid : null,
    version,
    uri: cfg.uri,
    dataDir: cfg.dataDir,
  };
}

export interface StartedNeo4j extends LocalStatus {
  /** this call started it (false: it was already running) */
  startedNow: boolean;
}

/**
 * Starts the local Neo4j unless one already answers on the port; resolves when Bolt accepts the credentials.
 * A pid file left by a crash is cleared first (settlePidFile).
 */
export async function startLocalNeo4j(cfg: Neo4jConfig, say: Say = () => {}): Promise<StartedNeo4j> {
  await settlePidFile(cfg, say);
  const existing = await localStatus(cfg);
  if (existing.running) {
    say(`Neo4j ${existing.version} already running at ${cfg.uri}`);
    return { ...existing, startedNow: false };
  }
  const stale = readPid(cfg);
  if (stale && pidState(stale) === "live") {
    throw new Error(
      `A Neo4j process (pid ${stale}) owns ${cfg.dataDir} but does not answer on ${cfg.uri}; run 'akhbar db stop' first`,
    );
  }
  requireTool("java", "install JDK 17+ or set NEO4J_URI to a Neo4j 5 server");
  const { lib, plugins } = ensureNeo4jJars(cfg, say);
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const out = fs.openSync(logFile(cfg), "a");
  const classpath = [path.join(lib, "*"), path.join(plugins, "*")].join(path.delimiter);
  say(`Starting Neo4j ${NEO4J_VERSION} (data in ${cfg.dataDir}, log ${logFile(cfg)})...`);
  const child: ChildProcess = spawn(
    "java",
    [`-Xmx${cfg.heap}`, "-XX:+UseG1GC", "-cp", classpath, path.join(serverDir, "Launcher.java")],
    {
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        AKHBAR_NEO4J_HOME: cfg.dataDir,
        AKHBAR_NEO4J_PLUGINS: plugins,
        AKHBAR_NEO4J_BOLT_PORT: String(cfg.boltPort),
        AKHBAR_NEO4J_DATABASE: cfg.database,
        NEO4J_USER: cfg.user,
        NEO4J_PASSWORD: cfg.password,
      },
    },
  );
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error("could not start java");
  fs.writeFileSync(pidFile(cfg), String(child.pid));
  child.unref();

  const started = Date.now();
  let lastSaid = 0;
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (pidState(child.pid) !== "live") {
      throw new Error(`Neo4j exited during start-up; last lines of ${logFile(cfg)}:\n${tail(logFile(cfg), 25)}`);
    }
    const version = await boltVersion(cfg);
    if (version) {
      say(`Neo4j ${version} ready at ${cfg.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { running: true, pid: child.pid, version, uri: cfg.uri, dataDir: cfg.dataDir, startedNow: true };
    }
    if (Date.now() - lastSaid > 5000) {
      say(`  waiting for Bolt on ${cfg.uri} (${Math.round((Date.now() - started) / 1000)} s)`);
      lastSaid = Date.now();
    }
    await sleep(500);
  }
  throw new Error(`Neo4j did not answer on ${cfg.uri} within ${READY_TIMEOUT_MS / 1000} s; see ${logFile(cfg)}`);
}

/** Stops the local Neo4j cleanly (SIGTERM runs its shutdown hook, which checkpoints the store). */
export async function stopLocalNeo4j(cfg: Neo4jConfig, say: Say = () => {}): Promise<boolean> {
  const pid = readPid(cfg);
  if (!pid || pidState(pid) !== "live") {
    fs.rmSync(pidFile(cfg), { force: true });
    say("Neo4j is not running");
    return false;
  }
  say(`Stopping Neo4j (pid ${pid})...`);
  process.kill(pid, "SIGTERM");
  const started = Date.now();
  while (pidState(pid) === "live") {
    if (Date.now() - started > STOP_TIMEOUT_MS) {
      process.kill(pid, "SIGKILL");
      say("Neo4j did not stop in time; killed");
      break;
    }
    await sleep(200);
  }
  // its last threads may still hold the port for a moment
  while (Date.now() - started < STOP_TIMEOUT_MS + 10_000 && (await portOpen(cfg.boltPort))) await sleep(200);
  fs.rmSync(pidFile(cfg), { force: true });
  say(`Neo4j stopped after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export interface ImportRun {
  database: string;
  nodes: string[];
  relationships: string[];
  multiline: boolean;
  arrayDelimiter: string;
  quote: string;
}

/** The arguments of `neo4j-admin database import full` that say what to import and how the files are written. */
export function importerArguments(run: ImportRun): string[] {
  return [
    run.database, // first: --nodes and --relationships take every value after them
    `--array-delimiter=${run.arrayDelimiter}`,
    `--quote=${run.quote}`,
    ...run.nodes.map((f) => `--nodes=${f}`),
    ...run.relationships.map((f) => `--relationships=${f}`),
    // Multi-line cells (article texts) need the importer's slower reader; its per-file "v2" reader misreads
    // chunk boundaries of such files (IllegalStateException "Weird input data, found CR outside a text cell").
    ...(run.multiline ? ["--multiline-fields=true"] : []),
  ];
}

/**
 * Runs Neo4j's offline bulk importer (`neo4j-admin database import full`, org.neo4j.cli.AdminTool from the
 * neo4j-import-tool and neo4j-command-line artifacts, already among the engine's jars) on the local store of
 * cfg, which must be stopped: it writes the store files of `database` directly, replacing what is there.
 */
export async function runBulkImport(cfg: Neo4jConfig, run: ImportRun, say: Say = () => {}): Promise<string> {
  requireTool("java", "install JDK 17+");
  const { lib } = ensureNeo4jJars(cfg, say);
  const conf = path.join(cfg.dataDir, "conf");
  fs.mkdirSync(conf, { recursive: true });
  if (!fs.existsSync(path.join(conf, "neo4j.conf"))) fs.writeFileSync(path.join(conf, "neo4j.conf"), "");
  const args = [
    `-Xmx${process.env.AKHBAR_IMPORT_HEAP || "1g"}`,
    "-cp",
    path.join(lib, "*"),
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    ...importerArguments(run),
    "--verbose",
    "--overwrite-destination=true",
    `--max-off-heap-memory=${process.env.AKHBAR_IMPORT_OFF_HEAP || "2G"}`,
    `--report-file=${path.join(cfg.dataDir, "import.report")}`,
  ];
  const child = spawn("java", args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEO4J_HOME: cfg.dataDir, NEO4J_CONF: conf },
  });
  let output = "";
  const take = (d: Buffer) => {
    output += d.toString();
    for (const line of d.toString().split("\n"))
      if (/^(IMPORT DONE|Imported:|\s+\d+ (nodes|relationships|properties))/.test(line)) say(line.trim());
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}):\n${output.slice(-4000)}`);
  return output;
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * The benchmark, end to end: `npm run bench` (full, < 20 minutes on 2 cores) or `npm run bench -- --quick`.
 *
 *  1. starts a dedicated Neo4j (port 7698, .data/bench-neo4j) and empties it;
 *  2. starts akhbar's API, the peer (@neo4j/graphql 7) and the floor (bare node:http + akhbar's Cypher), each
 *     in its own process (so each RSS is its own), all on the same Neo4j;
 *  3. loads generated events (bench/generate.ts) in steps of 10^3, 10^4, 10^5, 10^6, reporting load
 *     events/s, and at each size measures akhbar's W1–W3 at concurrency 1 and 16;
 *  4. at the matrix size, runs W1–W4 × concurrency 1/16/64 × the three servers, then the 60 s soak;
 *  5. stops everything, measures extraction throughput, and writes bench/results/*.json and BENCHMARKS.md.
 *
 * autocannon drives the servers over loopback only (127.0.0.1). Nothing here asserts a timing.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Graph } from "../src/graph/driver.js";
import { type LoadInput, loadDocuments } from "../src/graph/loader.js";
import { NEO4J_VERSION } from "../src/graph/localNeo4j.js";
import { type BulkResult, measureBulk } from "./bulk.js";
import { cannon, type RunResult } from "./cannon.js";
import { measureExtraction } from "./extraction.js";
import { buildWorld, generateArticle } from "./generate.js";
import { BENCH_PORT, benchConfig, benchNeo4j, checkoutRoot, emptyDatabase } from "./neo4j.js";
import { writeReport } from "./report.js";
import {
  pickParams,
  requestBodies,
  requestPath,
  type ServerKind,
  WORKLOADS,
  type Workload,
  type WorkloadParams,
} from "./workloads.js";

const QUICK = process.argv.includes("--quick");
const started = Date.now();
const say = (line: string) =>
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

export const PLAN = QUICK
  ? {
      mode: "quick",
      sizes: [1_000, 10_000],
      matrixAt: 10_000,
      concurrency: [1, 16, 64],
      warmup: 1,
      seconds: 3,
      scaleWarmup: 1,
      scaleSeconds: 2,
      soakSeconds: 10,
      batch: 200,
      budgetMinutes: 8,
    }
  : {
      mode: "full",
      sizes: [1_000, 10_000, 100_000, 1_000_000],
      matrixAt: 100_000,
      concurrency: [1, 16, 64],
      warmup: 2,
      seconds: 6,
      scaleWarmup: 1,
      scaleSeconds: 4,
      soakSeconds: 60,
      batch: 400,
      budgetMinutes: 18,
    };
const EVENTS_PER_ARTICLE = 25;
const PORTS: Record<ServerKind, number> = { akhbar: 4601, peer: 4602, floor: 4603 };
const SERVERS: ServerKind[] = ["akhbar", "peer", "floor"];
export const SOAK_WORKLOADS: Workload[] = ["W1", "W2", "W4"];

const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface Child {
  kind: ServerKind;
  proc: ChildProcess;
  url: string;
}

async function startServer(kind: ServerKind): Promise<Child> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const cfg = benchConfig();
  const proc = spawn(process.execPath, [path.join(here, "servers", "main.js"), kind, String(PORTS[kind])], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NEO4J_URI: cfg.uri,
      NEO4J_USER: cfg.user,
      NEO4J_PASSWORD: cfg.password,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      AKHBAR_QUERY_TIMEOUT_MS: "30000",
    },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), 120_000);
    proc.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { kind, proc, url: `http://127.0.0.1:${PORTS[kind]}` };
}

async function stopServer(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  const done = new Promise((r) => c.proc.once("exit", r));
  c.proc.kill("SIGTERM");
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
}

export interface Measurement extends RunResult {
  workload: Workload | "mixed";
  server: ServerKind;
  concurrency: number;
  size: number;
  rssMb: number | null;
  rssMaxMb: number | null;
  loadavg: number[];
  /** queries still running in Neo4j 5 s after the run, terminated before the next run */
  terminated: number;
}

/**
 * Between runs: queries a run left behind in Neo4j (the client gave up, the server still works on them) would
 * slow the next run down. Wait up to 5 s for them, then terminate what is left; returns how many were cut.
 */
let drainGraph: Graph | null = null;
async function drain(): Promise<number> {
  if (!drainGraph) return 0;
  const list = async () =>
    (
      await drainGraph?.read(
        "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery <> '' AND NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
      )
    )?.records.map((r) => r.get("transactionId") as string) ?? [];
  for (let i = 0; i < 10; i++) {
    if ((await list()).length === 0) return 0;
    await new Promise((r) => setTimeout(r, 500));
  }
  const left = await list();
  if (left.length > 0) await drainGraph.write("TERMINATE TRANSACTIONS $ids", { ids: left }).catch(() => {});
  return left.length;
}

/** Warm-up (discarded), then the timed run; the server's RSS sampled through the run. */
async function measure(
  child: Child,
  w: Workload,
  params: WorkloadParams,
  concurrency: number,
  size: number,
  warmup: number,
  seconds: number,
): Promise<Measurement> {
  const url = child.url + requestPath(child.kind, w);
  const bodies = requestBodies(child.kind, w, params);
  if (warmup > 0) {
    await cannon(url, bodies, concurrency, warmup);
    await drain();
  }
  let rssMax = 0;
  const timer = setInterval(() => {
    rssMax = Math.max(rssMax, rssMb(child.proc.pid) ?? 0);
  }, 250);
  const r = await cannon(url, bodies, concurrency, seconds);
  clearInterval(timer);
  const rss = rssMb(child.proc.pid);
  const terminated = await drain();
  const m: Measurement = {
    ...r,
    workload: w,
    server: child.kind,
    concurrency,
    size,
    rssMb: rss,
    rssMaxMb: Math.max(rssMax, rss ?? 0) || null,
    loadavg: loadavg(),
    terminated,
  };
  say(
    `${w} c=${String(concurrency).padEnd(2)} ${child.kind.padEnd(6)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}  rss ${rss} MB  load ${m.loadavg[0]}${terminated ? `  (${terminated} queries cut)` : ""}`,
  );
  return m;
}

/** One request per workload and server before timing: its answer size, and whether it is an error. */
async function sanity(children: Child[], params: WorkloadParams) {
  const out: { server: ServerKind; workload: Workload; status: number; bytes: number; error: string | null }[] = [];
  for (const c of children) {
    for (const w of WORKLOADS) {
      const body = requestBodies(c.kind, w, params)[0] as string;
      const res = await fetch(c.url + requestPath(c.kind, w), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const text = await res.text();
      const error = res.status !== 200 || text.includes('"errors":[') ? text.slice(0, 400) : null;
      out.push({ server: c.kind, workload: w, status: res.status, bytes: text.length, error });
      if (error) say(`sanity: ${c.kind} ${w}: ${error}`);
    }
  }
  return out;
}

/**
 * A workload that completed no request at a lower concurrency on this server and size is not run at a higher
 * one (it would only pile more of the same queries onto Neo4j); the skipped cells are listed in the notes.
 */
const skipped: string[] = [];
function hopeless(done: Measurement[], w: Workload, server: ServerKind, c: number, size: number): boolean {
  const lower = done.find(
    (m) => m.workload === w && m.server === server && m.size === size && m.concurrency < c && m.requests === 0,
  );
  if (lower) {
    skipped.push(
      `${w} ${server} c=${c} at the 10^${Math.round(Math.log10(size))} step skipped: no request completed at c=${lower.concurrency} within ${lower.seconds} s`,
    );
    say(skipped[skipped.length - 1] as string);
  }
  return lower !== undefined;
}

export interface LoadStep {
  size: number;
  events: number;
  articles: number;
  seconds: number;
  eventsPerSecond: number;
  cumulativeEventsPerSecond: number;
  loadavg: number[];
}

async function main() {
  const startLoad = loadavg();
  say(`mode ${PLAN.mode}; load average ${startLoad.join(" ")}; ${os.cpus().length} cores`);
  // Bench-only Neo4j settings (read by src/graph/server/Launcher.java): a bigger page cache, and a
  // transaction timeout long enough for a 10,000-event batch on a busy machine.
  process.env.AKHBAR_NEO4J_PAGECACHE_MB ??= "1024";
  process.env.AKHBAR_NEO4J_TX_TIMEOUT_SECONDS ??= "600";
  const neo = await benchNeo4j({ say, fresh: true });
  const graph: Graph = neo.graph;
  drainGraph = graph;
  await emptyDatabase(graph);
  say(`Neo4j ${neo.version} on port ${BENCH_PORT}, emptied`);

  const children: Child[] = [];
  const measurements: Measurement[] = [];
  const scale: Measurement[] = [];
  const loadSteps: LoadStep[] = [];
  const notes: string[] = [];
  let soak: { result: Measurement; rssStartMb: number | null; rssEndMb: number | null; rssSamples: number[] } | null =
    null;
  let sanityChecks: Awaited<ReturnType<typeof sanity>> = [];
  let params: WorkloadParams | null = null;
  const timings: Record<string, number> = {};
  try {
    for (const kind of SERVERS) children.push(await startServer(kind));
    const child = (k: ServerKind) => children.find((c) => c.kind === k) as Child;
    say(`servers up: ${children.map((c) => `${c.kind} pid ${c.proc.pid}`).join(", ")}`);

    const world = buildWorld({ seed: 1 });
    let events = 0;
    let articles = 0;
    let loadSeconds = 0;
    const deadline = started + PLAN.budgetMinutes * 60_000;
    for (const size of PLAN.sizes) {
      // Loading stops early when the budget runs out (keeping time to measure at the size reached).
      const reserveMs = 150_000;
      if (Date.now() + reserveMs + 30_000 > deadline) {
        const note = `10^${Math.log10(size)} events not attempted: the ${PLAN.budgetMinutes}-minute budget was used up`;
        notes.push(note);
        say(note);
        break;
      }
      const stepStart = events;
      const t0 = performance.now();
      while (events < size) {
        if (Date.now() + reserveMs > deadline) {
          const rate = Math.round((events - stepStart) / ((performance.now() - t0) / 1000));
          const note = `The 10^${Math.log10(size)} step stopped at ${events} events to stay within the ${PLAN.budgetMinutes}-minute budget (loading the remaining ${size - events} at the measured ${rate} events/s would take ${Math.round((size - events) / rate)} s more); its latencies are measured at ${events} events`;
          notes.push(note);
          say(note);
          break;
        }
        const n = Math.max(1, Math.min(PLAN.batch, Math.ceil((size - events) / EVENTS_PER_ARTICLE)));
        const batch: LoadInput[] = [];
        for (let k = 0; k < n; k++)
          batch.push(generateArticle(world, articles + k, { eventsPerArticle: EVENTS_PER_ARTICLE }));
        await loadDocuments(graph, batch, { timings });
        articles += n;
        events += batch.reduce((s, a) => s + a.doc.events.length, 0);
      }
      const secs = (performance.now() - t0) / 1000;
      loadSeconds += secs;
      const step: LoadStep = {
        size,
        events,
        articles,
        seconds: Number(secs.toFixed(2)),
        eventsPerSecond: Math.round((events - stepStart) / secs),
        cumulativeEventsPerSecond: Math.round(events / loadSeconds),
        loadavg: loadavg(),
      };
      loadSteps.push(step);
      say(
        `loaded ${events} events (${articles} articles): step ${step.eventsPerSecond} events/s, cumulative ${step.cumulativeEventsPerSecond} events/s, load ${step.loadavg[0]}`,
      );

      params = await pickParams(graph);
      for (const w of ["W1", "W2", "W3"] as Workload[]) {
        for (const c of [1, 16]) {
          if (hopeless(scale, w, "akhbar", c, size)) continue;
          scale.push(await measure(child("akhbar"), w, params, c, size, PLAN.scaleWarmup, PLAN.scaleSeconds));
        }
      }

      if (size === PLAN.matrixAt) {
        sanityChecks = await sanity(children, params);
        for (const w of WORKLOADS) {
          for (const c of PLAN.concurrency) {
            for (const kind of SERVERS) {
              if (hopeless(measurements, w, kind, c, size)) continue;
              measurements.push(await measure(child(kind), w, params, c, size, PLAN.warmup, PLAN.seconds));
            }
          }
        }
        // Soak (issue 8, item 6): W1, W2 and W4 mixed, 64 connections, against akhbar. W3 is left out: its
        // path query takes seconds per request from 10^5 events on (see the matrix and bench/NOTES.md), so
        // at 64 connections it only measures that one query timing out.
        const akhbar = child("akhbar");
        const mixed = SOAK_WORKLOADS.flatMap((w) => requestBodies("akhbar", w, params as WorkloadParams));
        const interleaved = mixed.map((_, i) => mixed[(i * 7) % mixed.length] as string);
        const rssStartMb = rssMb(akhbar.proc.pid);
        const samples: number[] = [];
        const timer = setInterval(() => samples.push(rssMb(akhbar.proc.pid) ?? 0), 5000);
        say(
          `soak: mixed ${SOAK_WORKLOADS.join(", ")} at 64 connections for ${PLAN.soakSeconds} s against akhbar (RSS ${rssStartMb} MB)`,
        );
        const r = await cannon(`${akhbar.url}/graphql`, interleaved, 64, PLAN.soakSeconds);
        clearInterval(timer);
        const rssEndMb = rssMb(akhbar.proc.pid);
        soak = {
          result: {
            ...r,
            workload: "mixed",
            server: "akhbar",
            concurrency: 64,
            size,
            rssMb: rssEndMb,
            rssMaxMb: Math.max(...samples, rssEndMb ?? 0),
            loadavg: loadavg(),
            terminated: await drain(),
          },
          rssStartMb,
          rssEndMb,
          rssSamples: samples,
        };
        say(
          `soak: ${r.requests} requests, ${r.rps.toFixed(1)} req/s, p99 ${r.p99} ms, errors ${r.errors}, RSS ${rssStartMb} → ${rssEndMb} MB`,
        );
      }
    }
  } finally {
    for (const c of children) await stopServer(c);
    await graph.close();
    await neo.stop();
  }

  say("extraction throughput (Neo4j and servers stopped)");
  const extraction = measureExtraction(checkoutRoot, QUICK, say);

  // Loading at scale (issue 15): the bulk import of the synthetic corpus beside the transactional load above,
  // then `akhbar load` on top of it (bench/bulk.ts), on a store of its own.
  say(`bulk import of ${QUICK ? "10^5" : "10^6"} synthetic events, then akhbar load on top (bench/bulk.ts)`);
  let bulk: BulkResult | null = null;
  try {
    bulk = await measureBulk({ events: QUICK ? 100_000 : 1_000_000, folderArticles: 1_000, say });
  } catch (err) {
    notes.push(`The bulk import measurement failed: ${(err as Error).message.split("\n")[0]}`);
    say(notes[notes.length - 1] as string);
  }

  const counts = { loadSteps, timings };
  const result = {
    mode: PLAN.mode,
    plan: PLAN,
    startedAt: new Date(started).toISOString(),
    minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      ramGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
      node: process.version,
      neo4j: neo.version ?? NEO4J_VERSION,
      os: `${os.type()} ${os.release()}`,
      loadavgStart: startLoad,
      loadavgEnd: loadavg(),
    },
    params,
    sanity: sanityChecks,
    measurements,
    scale,
    load: counts,
    soak,
    extraction,
    bulk,
    notes: [...notes, ...skipped],
  };
  const dir = path.join(checkoutRoot, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${PLAN.mode}-${new Date(started).toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(dir, `latest-${PLAN.mode}.json`), JSON.stringify(result, null, 2));
  const md = writeReport(result, checkoutRoot);
  // bench/ is linted by `biome check`, results included: keep the raw results in Biome's format.
  spawnSync(path.join(checkoutRoot, "node_modules", ".bin", "biome"), ["format", "--write", dir], { stdio: "ignore" });
  say(`wrote ${path.relative(checkoutRoot, file)} and ${md} in ${result.minutes} min`);
}

export type BenchResult = {
  mode: string;
  plan: typeof PLAN;
  startedAt: string;
  minutes: number;
  machine: Record<string, unknown> & { loadavgStart: number[]; loadavgEnd: number[] };
  params: WorkloadParams | null;
  sanity: { server: ServerKind; workload: Workload; status: number; bytes: number; error: string | null }[];
  measurements: Measurement[];
  scale: Measurement[];
  load: { loadSteps: LoadStep[]; timings: Record<string, number> };
  soak: { result: Measurement; rssStartMb: number | null; rssEndMb: number | null; rssSamples: number[] } | null;
  extraction: { name: string; chars: number; charsPerSecond: number; charsPerCpuSecond: number }[];
  bulk?: BulkResult | null;
  notes: string[];
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  });
}

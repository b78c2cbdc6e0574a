import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "../../src/config.js";

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Compiles src/ to dist/ (the CLI the processes run). */
export function buildCli(): void {
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: repoRoot, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

/** `akhbar serve` of the built CLI on a free port; resolves once it says it is ready. */
export async function serveProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, "dist", "cli", "main.js"), "serve"], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const started = Date.now();
  while (!output.includes("ready at")) {
    if (child.exitCode !== null || Date.now() - started > 60_000) throw new Error(`no start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

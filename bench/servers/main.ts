/**
 * One benchmark server per process, so each one's RSS is its own:
 *   node .data/bench-build/bench/servers/main.js akhbar|peer|floor <port>
 * Neo4j comes from the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD). Prints "READY <port>" when it
 * listens; exits on SIGTERM.
 */
import { neo4jConfig } from "../../src/config.js";
import { openGraph } from "../../src/graph/driver.js";
import { startFloorServer } from "./floor.js";
import { startPeerServer } from "./peer.js";

const kind = process.argv[2];
const port = Number(process.argv[3]);
const cfg = neo4jConfig(process.env);
const graph = openGraph(cfg);

async function main(): Promise<() => Promise<unknown>> {
  if (kind === "akhbar") {
    const { startApiServer } = await import("../../src/api/server.js");
    const server = await startApiServer(graph, { host: "127.0.0.1", port, playground: false });
    return () => server.stop();
  }
  if (kind === "peer") {
    const server = await startPeerServer(graph.driver, graph.database, port);
    return () => new Promise((r) => server.close(r));
  }
  if (kind === "floor") {
    const server = await startFloorServer(graph, port);
    return () => new Promise((r) => server.close(r));
  }
  throw new Error(`unknown server kind ${kind}`);
}

main().then(
  (stop) => {
    process.stdout.write(`READY ${port}\n`);
    process.on("SIGTERM", () => {
      const t = setTimeout(() => process.exit(0), 3000);
      t.unref();
      stop()
        .catch(() => {})
        .finally(() => graph.close().finally(() => process.exit(0)));
    });
  },
  (err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);

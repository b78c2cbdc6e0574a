import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_QUERIES } from "../../src/api/examples.js";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import { importArticles } from "../../src/cli/import.js";
import { resetGraph } from "../../src/cli/load.js";
import { neo4jConfig, repoRoot } from "../../src/config.js";
import { type Graph, openGraph } from "../../src/graph/driver.js";
import { loadFiles, seedsDir } from "../../src/graph/files.js";
import { ImportRefused } from "../../src/graph/importer.js";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/graph/localNeo4j.js";
import { graphCounts, useTestGraph } from "../support/graph.js";

/**
 * The two ways in agree: the seed and both dev corpora bulk-imported (akhbar import: CSV files and Neo4j's
 * offline importer, into a store of its own on AKHBAR_IMPORT_TEST_NEO4J_PORT) and loaded in batched transactions
 * (akhbar load, into the test database) give the same graph: the same counts by label and relationship type,
 * and the same answers to the example queries. Then `akhbar load` works on top of the imported database.
 */

const devDir = path.resolve(repoRoot, "../shared/corpus/dev");
const dev1 = path.join(devDir, "arabic-news.json");
const dev2 = path.join(devDir, "arabic-news-2.json");
const port = process.env.AKHBAR_IMPORT_TEST_NEO4J_PORT || "7695";
const importCfg = neo4jConfig({
  ...process.env,
  NEO4J_URI: "",
  NEO4J_DATABASE: "archive",
  AKHBAR_NEO4J_PORT: port,
  AKHBAR_DATA_DIR: path.join(repoRoot, ".data", `import-test-neo4j-${port}`),
  AKHBAR_NEO4J_HEAP: "768m",
});
const quiet = () => {};

async function answers(graph: Graph): Promise<Record<string, unknown>> {
  const server: RunningServer = await startApiServer(graph, { host: "127.0.0.1", port: 0 });
  try {
    const out: Record<string, unknown> = {};
    for (const example of EXAMPLE_QUERIES) {
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: example.query }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors, example.name).toBeUndefined();
      if (example.name === "PathErdoganToLavrov") {
        // one of the shortest paths, chosen by the store's internal order: its length and ends
        const p = (body.data as { shortestPath: { hops: number; actors: unknown[] } }).shortestPath;
        out[example.name] = [p.hops, p.actors[0], p.actors.at(-1)];
      } else out[example.name] = body.data;
    }
    return out;
  } finally {
    await server.stop();
  }
}

describe("akhbar import and akhbar load give the same graph", () => {
  const loaded = useTestGraph();
  let imported: Graph;
  let importedArticles = 0;

  beforeAll(async () => {
    await stopLocalNeo4j(importCfg);
    fs.rmSync(importCfg.dataDir, { recursive: true, force: true });
    const r = await importArticles(importCfg, [seedsDir, dev1, dev2], { out: quiet });
    importedArticles = r.summary?.files.counts.articles ?? 0;
    await startLocalNeo4j(importCfg);
    imported = openGraph(importCfg);
    const l = await loadFiles(loaded.graph, [seedsDir, dev1, dev2], { batchArticles: 10 });
    expect(l.failed).toBe(0);
  });

  afterAll(async () => {
    await imported?.close();
    await stopLocalNeo4j(importCfg);
  });

  it("imports every article of the seed and both dev corpora", async () => {
    const n = await loaded.graph.read("MATCH (a:Article) RETURN count(a) AS n");
    expect(importedArticles).toBe(n.records[0]?.get("n"));
    expect(importedArticles).toBeGreaterThan(60);
  });

  it("has the same nodes by label and relationships by type", async () => {
    const [a, b] = [await graphCounts(imported), await graphCounts(loaded.graph)];
    expect(a).toEqual(b);
    expect(Object.keys(a.rels).length).toBeGreaterThan(10);
  });

  it("names each actor by the same keys, of the same kind and form", async () => {
    // loaded in batches, a family name derived from a full name first seen in a later batch must still be written
    const named = async (g: Graph) =>
      (
        await g.read("MATCH (a)-[r:NAMED]->(k) RETURN a.id + ' ' + k.key + ' ' + r.kind + ' ' + r.form AS l ORDER BY l")
      ).records.map((x) => x.get("l") as string);
    const [a, b] = [await named(imported), await named(loaded.graph)];
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(500);
  });

  it("gives the same answers to the example queries", async () => {
    expect(await answers(imported)).toEqual(await answers(loaded.graph));
  });

  it("has the same ids, content hashes and evidence offsets", async () => {
    const q = (g: Graph) =>
      g.read(
        `MATCH (a:Article)-[:HAS_SENTENCE]->(s)<-[r:EVIDENCED_BY]-(e:Event)
         RETURN a.id AS a, a.contentHash AS h, s.id AS s, e.id AS e, r.start AS start, r.end AS end, r.text AS text
         ORDER BY a, s, e`,
      );
    const rows = async (g: Graph) => (await q(g)).records.map((r) => r.toObject());
    expect(await rows(imported)).toEqual(await rows(loaded.graph));
  });

  it("refuses to import into a database that has data", async () => {
    await expect(importArticles(importCfg, [dev1], { out: quiet })).rejects.toThrow(ImportRefused);
    await expect(importArticles(importCfg, [dev1], { out: quiet })).rejects.toThrow(/holds \d+ nodes/);
  });

  it("lets akhbar load add to an imported database: nothing loaded twice, new articles as if loaded", async () => {
    const again = await loadFiles(imported, [seedsDir, dev1, dev2]);
    expect(again.skipped).toBe(importedArticles);
    expect(again.loaded + again.replaced + again.failed).toBe(0);
    // An empty database is a new one: import the seed and the first dev corpus, load the second on top.
    await resetGraph(imported);
    await imported.close();
    await importArticles(importCfg, [seedsDir, dev1], { out: quiet });
    await startLocalNeo4j(importCfg);
    imported = openGraph(importCfg);
    const top = await loadFiles(imported, [dev2]);
    expect(top.failed).toBe(0);
    expect(top.loaded).toBeGreaterThan(40);
    expect(await graphCounts(imported)).toEqual(await graphCounts(loaded.graph));
    // a whole import with the server stopped and started again: over a minute on 2 shared, busy cores
  }, 240_000);
});

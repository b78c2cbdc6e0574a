import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/config.js";
import { type FilesSummary, loadFiles, readSources, seedFiles } from "../../src/ingest/files.js";
import { emptyGraph, graphCounts, useTestGraph } from "../support/graph.js";

/**
 * `akhbar load DIR`: a folder of article files and corpus files, loaded in batched transactions. A batch that
 * fails is retried article by article: the failing article leaves no trace and is named in the summary.
 */

const devDir = path.resolve(repoRoot, "../shared/corpus/dev");

/** A folder as a user would have it: the seed (.txt + .meta.json), a copy of it, one bad article, the dev corpora. */
function makeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "akhbar-load-"));
  const seed = seedFiles()[0] as string;
  fs.copyFileSync(seed, path.join(dir, path.basename(seed)));
  fs.copyFileSync(
    seed.replace(/\.ar\.txt$/, ".meta.json"),
    path.join(dir, `${path.basename(seed, ".ar.txt")}.meta.json`),
  );
  fs.copyFileSync(seed, path.join(dir, "copy-of-seed.txt"));
  fs.writeFileSync(path.join(dir, "bad-article.txt"), "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مستمرة.");
  fs.mkdirSync(path.join(dir, "dev"));
  for (const f of fs.readdirSync(devDir)) fs.copyFileSync(path.join(devDir, f), path.join(dir, "dev", f));
  fs.writeFileSync(path.join(dir, "dev", ".hidden.txt"), "not an article");
  return dir;
}

describe("loading a folder in batched transactions", () => {
  const ctx = useTestGraph();
  let dir: string;
  let first: FilesSummary;
  const articleIds = async () =>
    (await ctx.graph.read("MATCH (a:Article) RETURN a.id AS id ORDER BY id")).records.map((r) => r.get("id"));

  beforeAll(async () => {
    dir = makeFolder();
    // A sentence node in the way of the bad article's first sentence: writing that article breaks the
    // sentence_id constraint, so its batch fails and must be retried article by article.
    await ctx.graph.write("CREATE (:Sentence {id: 'bad-article#0'})");
    first = await loadFiles(ctx.graph, [dir], { batchArticles: 20 });
  });

  it("reads every .txt and corpus .json below the folder, hidden files left out", () => {
    const sources = readSources([dir]);
    const dev = fs
      .readdirSync(devDir)
      .map((f) => (JSON.parse(fs.readFileSync(path.join(devDir, f), "utf8")) as { items: unknown[] }).items.length);
    expect(sources.length).toBe(3 + dev.reduce((a, b) => a + b, 0));
    expect(sources.some((s) => s.origin.includes(".hidden"))).toBe(false);
    expect(first.files).toBe(sources.length);
  });

  it("writes several articles per transaction", () => {
    expect(first.transactions).toBeGreaterThan(0);
    expect(first.transactions).toBeLessThan(first.loaded / 2);
  });

  it("names the failed article with the reason, leaves no trace of it, and loads the others", async () => {
    expect(first.failed).toBe(1);
    const failed = first.articles.find((a) => a.status === "failed");
    expect(failed?.id).toBe("bad-article");
    expect(failed?.reason).toMatch(/already exists|constraint/i);
    const ids = await articleIds();
    expect(ids).not.toContain("bad-article");
    expect(ids.length).toBe(first.loaded);
    const skipped = first.articles.filter((a) => a.status === "skipped");
    // the copy comes first in name order: it loads, and the seed article is skipped as the same content
    expect(skipped.map((a) => [a.id, a.reason])).toEqual([
      ["karabakh-2016-04-02", 'same content already loaded as "copy-of-seed"'],
    ]);
    expect(first.loaded).toBe(first.files - 2);
    const traces = await ctx.graph.read(
      "MATCH (s:Sentence) WHERE s.id STARTS WITH 'bad-article' RETURN count(s) AS n, COUNT { (s)--() } AS rels",
    );
    expect(traces.records[0]?.toObject()).toEqual({ n: 1, rels: 0 });
  });

  it("loads nothing twice when run again", async () => {
    const before = await graphCounts(ctx.graph);
    const again = await loadFiles(ctx.graph, [dir]);
    expect(again.skipped).toBe(first.loaded + 1);
    expect(again.loaded + again.replaced).toBe(0);
    expect(await graphCounts(ctx.graph)).toEqual(before);
  });

  it("gives the graph one transaction per article gives", async () => {
    const batched = await graphCounts(ctx.graph);
    await emptyGraph(ctx.graph);
    await ctx.graph.write("CREATE (:Sentence {id: 'bad-article#0'})");
    const single = await loadFiles(ctx.graph, [dir], { batchArticles: 1 });
    expect(single.transactions).toBe(single.loaded + single.skipped);
    expect(await graphCounts(ctx.graph)).toEqual(batched);
  });
});

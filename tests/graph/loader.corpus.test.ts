import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/config.js";
import { extract, loadLexicon } from "../../src/extract/index.js";
import type { DocumentGraph } from "../../src/extract/types.js";
import { nameKey } from "../../src/graph/identity.js";
import { loadDocument } from "../../src/graph/loader.js";
import { readMeta, seedFiles } from "../../src/ingest/files.js";
import { useTestGraph } from "../support/graph.js";

/** The seed plus every dev-corpus article: actors named in several articles are one node. */

interface DevItem {
  id: string;
  source_url?: string;
  text: string;
  gold: { persons?: { name: string; aliases?: string[] }[] };
}
interface SeedGold {
  persons: { names: string[]; en: string }[];
}

const dev = JSON.parse(fs.readFileSync(path.resolve(repoRoot, "../shared/corpus/dev/arabic-news.json"), "utf8")) as {
  items: DevItem[];
};
const seedGold = JSON.parse(fs.readFileSync(path.resolve(repoRoot, "../shared/gold/seed.json"), "utf8")) as SeedGold;

describe("loading the seed and the dev corpus", () => {
  const ctx = useTestGraph();
  const docs: { doc: DocumentGraph; text: string }[] = [];
  const q = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await ctx.graph.read(cypher, params)).records.map((r) => r.toObject());

  beforeAll(async () => {
    const lexicon = loadLexicon();
    const seed = seedFiles()[0] as string;
    const seedText = fs.readFileSync(seed, "utf8");
    docs.push({ doc: extract(seedText, readMeta(seed), lexicon), text: seedText });
    for (const item of dev.items) {
      docs.push({
        doc: extract(item.text, { id: item.id, source: item.source_url ?? null, language: "ar" }, lexicon),
        text: item.text,
      });
    }
    for (const { doc, text } of docs) {
      const s = await loadDocument(ctx.graph, doc, { text });
      expect(s.articles[0]?.status, doc.document.id).toBe("loaded");
    }
  });

  it("writes every article with its sentences", async () => {
    const rows = await q("MATCH (a:Article) RETURN a.id AS id, COUNT { (a)-[:HAS_SENTENCE]->() } AS n ORDER BY id");
    expect(rows).toEqual(
      docs.map(({ doc }) => ({ id: doc.document.id, n: doc.sentences.length })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it("keeps one node per actor id, mentioned from every article that names it", async () => {
    // From the document graphs: in how many articles each (non-provisional) entity id is mentioned.
    const articlesOf = new Map<string, Set<string>>();
    for (const { doc } of docs) {
      for (const e of doc.entities) {
        if (e.mentions.length === 0 || e.id.startsWith("person:ar:")) continue;
        if (!articlesOf.has(e.id)) articlesOf.set(e.id, new Set());
        articlesOf.get(e.id)?.add(doc.document.id);
      }
    }
    const shared = [...articlesOf].filter(([, a]) => a.size > 1);
    expect(shared.length).toBeGreaterThan(3);
    const rows = await q(
      `UNWIND $ids AS id MATCH (n {id: id}) WHERE n:Actor OR n:Place
       RETURN id, count(n) AS nodes, COUNT { MATCH (n)-[:MENTIONED_IN]->(s:Sentence) RETURN DISTINCT s.article } AS articles`,
      { ids: shared.map(([id]) => id) },
    );
    const got = Object.fromEntries(rows.map((r) => [r.id, { nodes: r.nodes, articles: r.articles }]));
    for (const [id, articles] of shared) expect(got[id], id).toEqual({ nodes: 1, articles: articles.size });
  });

  it("one Lavrov, one Putin, one Erdogan …: every seed-gold person the dev gold also names is a single node", async () => {
    const devNames = new Set(
      dev.items.flatMap((i) => (i.gold.persons ?? []).flatMap((p) => [p.name, ...(p.aliases ?? [])])).map(nameKey),
    );
    const recurring = seedGold.persons.filter((p) => p.names.some((n) => devNames.has(nameKey(n))));
    expect(recurring.map((p) => p.en)).toEqual(expect.arrayContaining(["Vladimir Putin", "Sergey Lavrov"]));
    for (const p of recurring) {
      const rows = await q(
        `MATCH (:Name {key: $key})<-[:NAMED]-(x:Person)
         RETURN x.id AS id, COUNT { MATCH (x)-[:MENTIONED_IN]->(s:Sentence) RETURN DISTINCT s.article } AS articles`,
        { key: nameKey(p.en) },
      );
      expect(rows, p.en).toHaveLength(1);
      expect(rows[0]?.articles as number, p.en).toBeGreaterThan(1);
      // Every gold spelling of the name leads to that node.
      const keys = p.names.map(nameKey);
      const named = await q(
        "UNWIND $keys AS k MATCH (:Name {key: k})<-[:NAMED]-(x:Person) RETURN DISTINCT x.id AS id",
        {
          keys,
        },
      );
      expect(named, p.en).toEqual([{ id: rows[0]?.id }]);
    }
    const dupes = await q(
      "MATCH (p:Person) WHERE p.nameEn IS NOT NULL WITH p.nameEn AS en, count(*) AS c WHERE c > 1 RETURN en",
    );
    expect(dupes).toEqual([]);
  });

  it("links every event to evidence from its articles, and reloading the whole set changes no count", async () => {
    expect((await q("MATCH (e:Event) WHERE NOT (e)-[:EVIDENCED_BY]->() RETURN count(e) AS c"))[0]?.c).toBe(0);
    const count = async () =>
      (
        await q(
          "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
        )
      )[0];
    const before = await count();
    for (const { doc, text } of docs) await loadDocument(ctx.graph, doc, { text, force: true });
    expect(await count()).toEqual(before);
  });
});

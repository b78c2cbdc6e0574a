/** Read queries over the provenance layer: articles and their sentences. */
import type { Graph } from "../driver.js";
import { int, toPage } from "./fragments.js";
import type { ArticleRow, Page, PageRequest, SentenceRow } from "./rows.js";

const ARTICLE = "a { .id, .source, .publishedAt, .contentHash, .title }";

export async function listArticles(graph: Graph, page: PageRequest): Promise<Page<ArticleRow>> {
  const res = await graph.read(
    `MATCH (a:Article)
WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt, a.id
SKIP $skip LIMIT $limit
RETURN ${ARTICLE} AS article`,
    { skip: int(page.skip), limit: int(page.limit + 1) },
  );
  return toPage(
    res.records.map((r) => r.get("article") as ArticleRow),
    page,
  );
}

export async function countArticles(graph: Graph): Promise<number> {
  const res = await graph.read("MATCH (a:Article) RETURN count(a) AS n");
  return res.records[0]?.get("n") ?? 0;
}

export async function articlesByIds(graph: Graph, ids: readonly string[]): Promise<Map<string, ArticleRow>> {
  const res = await graph.read(`UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, ${ARTICLE} AS article`, {
    ids: [...ids],
  });
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("article") as ArticleRow]));
}

/** The full text of articles: fetched only when a client selects it. */
export async function articleTexts(graph: Graph, ids: readonly string[]): Promise<Map<string, string>> {
  const res = await graph.read("UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.text AS text", {
    ids: [...ids],
  });
  return new Map(res.records.map((r) => [r.get("id") as string, (r.get("text") as string | null) ?? ""]));
}

export async function sentencesOfArticles(graph: Graph, ids: readonly string[]): Promise<Map<string, SentenceRow[]>> {
  const res = await graph.read(
    `UNWIND $ids AS id
MATCH (a:Article {id: id})-[:HAS_SENTENCE]->(s:Sentence)
WITH id, s ORDER BY s.index
RETURN id, collect(s { .id, articleId: id, .index, .start, .end, .text }) AS sentences`,
    { ids: [...ids] },
  );
  return new Map(res.records.map((r) => [r.get("id") as string, r.get("sentences") as SentenceRow[]]));
}

/**
 * The one write: ingestArticle checks an article and hands it to the ingest layer (src/ingest: extract →
 * validate → load, one transaction), as `akhbar load` does. Allowed only with the API token (auth.ts).
 */
import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { DocumentGraphInvalidError } from "../../graph/loader.js";
import { type IngestedText, ingestText } from "../../ingest/article.js";
import { requireWrite } from "../auth.js";
import { encodeBookmark } from "../bookmarks.js";
import type { ApiContext } from "../context.js";
import { badInput } from "../errors.js";

/** Largest article accepted, in bytes of UTF-8. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;
export const MAX_META_LENGTH = 500;

@ObjectType("IngestedCounts", { description: "How many were created, and how many already there were updated" })
export class IngestedCounts {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;
}

@ObjectType("IngestResult", { description: "What ingestArticle wrote" })
export class IngestResult {
  @Field(() => ID, { description: "The article's id (from its content: the same text always gets the same id)" })
  articleId!: string;

  @Field(() => String, { description: "loaded, or skipped when an article with the same content is already loaded" })
  status!: string;

  @Field(() => Boolean, { description: "True when the article was already loaded and nothing was written" })
  skipped!: boolean;

  @Field(() => String, { nullable: true, description: "Why it was skipped" })
  reason!: string | null;

  @Field(() => IngestedCounts, { description: "Actors (people, organizations, countries, places)" })
  entities!: IngestedCounts;

  @Field(() => IngestedCounts, { description: "Events (calls, statements, claims, …)" })
  events!: IngestedCounts;

  @Field(() => Int, { description: "Sentences of the article" })
  sentences!: number;

  @Field(() => Int)
  nodesCreated!: number;

  @Field(() => Int)
  relationshipsCreated!: number;

  @Field(() => String, {
    nullable: true,
    description:
      "Send it back in the x-akhbar-bookmark header: that request's reads then see this write, whichever API " +
      "replica and Neo4j cluster member serve them",
  })
  bookmark!: string | null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks an article before anything runs; throws BAD_USER_INPUT naming the argument. */
export function checkArticle(
  text: string,
  meta: { source?: string | null; publishedAt?: string | null; title?: string | null },
) {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_ARTICLE_BYTES) {
    throw badInput(`text is ${bytes} bytes; at most ${MAX_ARTICLE_BYTES} (1 MB) of UTF-8`, {
      argumentName: "text",
      maxBytes: MAX_ARTICLE_BYTES,
    });
  }
  for (const [name, value] of [["text", text], ...Object.entries(meta)] as [string, unknown][]) {
    if (typeof value !== "string") continue;
    // U+FFFD is what a decoder puts in place of bytes that are not UTF-8
    if (value.includes("\uFFFD") || LONE_SURROGATE.test(value) || value.includes("\u0000")) {
      throw badInput(`${name} is not valid UTF-8 text (replacement characters, lone surrogates or NUL)`, {
        argumentName: name,
      });
    }
    if (name !== "text" && value.length > MAX_META_LENGTH) {
      throw badInput(`${name} must be at most ${MAX_META_LENGTH} characters`, { argumentName: name });
    }
  }
  if (text.trim() === "") throw badInput("text is empty", { argumentName: "text" });
  if (!ARABIC_LETTER.test(text)) throw badInput("text contains no Arabic script", { argumentName: "text" });
  if (meta.publishedAt != null) {
    const m = DAY.exec(meta.publishedAt);
    const date = m ? new Date(`${meta.publishedAt}T00:00:00Z`) : null;
    if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== meta.publishedAt) {
      throw badInput(`publishedAt must be a date YYYY-MM-DD, got "${meta.publishedAt.slice(0, 40)}"`, {
        argumentName: "publishedAt",
      });
    }
  }
}

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      "Extracts an Arabic article and loads it into the graph (as `akhbar load` does). Needs " +
      "`Authorization: Bearer <AKHBAR_API_TOKEN>`. At most 1 MB of UTF-8; publishedAt is YYYY-MM-DD. An " +
      "article whose text is already loaded is skipped.",
  })
  async ingestArticle(
    @Ctx() ctx: ApiContext,
    @Arg("text", () => String) text: string,
    @Arg("source", () => String, { nullable: true }) source?: string | null,
    @Arg("publishedAt", () => String, { nullable: true, description: "YYYY-MM-DD" }) publishedAt?: string | null,
    @Arg("title", () => String, { nullable: true }) title?: string | null,
  ): Promise<IngestResult> {
    requireWrite(ctx.auth);
    checkArticle(text, { source, publishedAt, title });
    let ingested: IngestedText;
    try {
      ingested = await ingestText(ctx.graph, text, {
        source: source ?? null,
        publishedAt: publishedAt ?? null,
        title: title ?? null,
      });
    } catch (err) {
      if (err instanceof DocumentGraphInvalidError) {
        throw badInput("The article could not be turned into a valid document graph; nothing was written", {
          argumentName: "text",
        });
      }
      throw err;
    }
    const { doc, summary } = ingested;
    const article = summary.articles[0];
    const status = article?.status ?? "loaded";
    return {
      articleId: article?.id ?? doc.document.id,
      status,
      skipped: status === "skipped",
      reason: article?.reason ?? null,
      entities: summary.entities,
      events: { created: summary.events.created, updated: summary.events.updated },
      sentences: status === "skipped" ? 0 : doc.sentences.length,
      nodesCreated: summary.counters.nodesCreated,
      relationshipsCreated: summary.counters.relationshipsCreated,
      bookmark: encodeBookmark(summary.bookmarks),
    };
  }
}

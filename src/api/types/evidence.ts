/**
 * The GraphQL types of provenance: articles, their sentences, and the evidence of an event (the words with
 * their offsets in the article text).
 */
import { Ctx, Field, ID, Int, ObjectType } from "type-graphql";
import type { ApiContext } from "../context.js";
import { Connection } from "./connection.js";

@ObjectType("Sentence")
export class Sentence {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "0-based position in the article" })
  index!: number;

  @Field(() => Int, { description: "Offset of its first character in the article text" })
  start!: number;

  @Field(() => Int, { description: "Offset just past its last character" })
  end!: number;

  @Field(() => String)
  text!: string;

  articleId!: string;

  @Field(() => Article, { nullable: true })
  article(@Ctx() ctx: ApiContext) {
    return ctx.loaders.article.load(this.articleId);
  }
}

@ObjectType("Article", { description: "A news article, the source of every fact" })
export class Article {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: "sha256 of the text" })
  contentHash!: string | null;

  @Field(() => String, { description: "The full text (offsets of evidence and sentences point into it)" })
  async text(@Ctx() ctx: ApiContext): Promise<string> {
    return (await ctx.loaders.articleText.load(this.id)) ?? "";
  }

  @Field(() => [Sentence])
  sentences(@Ctx() ctx: ApiContext) {
    return ctx.loaders.sentences.load(this.id);
  }
}

@ObjectType("Evidence", { description: "Where an article says it: the words, with their offsets in the article text" })
export class Evidence {
  articleId!: string;

  @Field(() => Article)
  async article(@Ctx() ctx: ApiContext) {
    const article = await ctx.loaders.article.load(this.articleId);
    if (!article) throw new Error(`evidence points to a missing article ${this.articleId}`);
    return article;
  }

  @Field(() => Int, { description: "Index of the sentence in the article" })
  sentence!: number;

  @Field(() => Int, { description: "Offset in the article text" })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { description: "Equal to article.text.slice(start, end)" })
  text!: string;
}

export const ArticleConnection = Connection("Article", () => Article);

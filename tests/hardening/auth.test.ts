import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, authFromEnv, bearerToken, tokenEquals } from "../../src/api/auth.js";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import { seedsDir } from "../../src/ingest/files.js";
import { graphCounts, postGql, STACK_FRAME, useServer } from "./support.js";

const API_TOKEN = "test-api-token-0123456789abcdef";
const READ_TOKEN = "test-read-token-0123456789abcdef";
const ARTICLE = fs.readFileSync(path.join(seedsDir, "karabakh-2016-04-02.ar.txt"), "utf8");

const INGEST = `mutation Ingest($text: String!, $source: String, $publishedAt: String, $title: String) {
  ingestArticle(text: $text, source: $source, publishedAt: $publishedAt, title: $title) {
    articleId status skipped reason sentences nodesCreated relationshipsCreated
    entities { created updated } events { created updated }
  }
}`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// writes allowed with the API token; reads open
const api = useServer({ seed: false, auth: { apiToken: API_TOKEN, readToken: null } });

interface Ingested {
  ingestArticle: {
    articleId: string;
    status: string;
    skipped: boolean;
    sentences: number;
    nodesCreated: number;
    relationshipsCreated: number;
    entities: { created: number; updated: number };
    events: { created: number; updated: number };
  };
}

describe("ingestArticle", () => {
  it("refuses a request without the token, or with a wrong one, and writes nothing", async () => {
    const before = await graphCounts(api.graph);
    for (const headers of [
      {},
      bearer("wrong-token-0123456789abcdef"),
      { authorization: API_TOKEN },
      bearer(`${API_TOKEN}x`),
    ]) {
      const res = await api.gql(INGEST, { text: ARTICLE }, headers);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(headers)).toBe("UNAUTHENTICATED");
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
      expect(res.data ?? null).toBeNull();
    }
    expect(await graphCounts(api.graph)).toEqual(before);
  });

  it("extracts and loads an article with the token, reporting what it created; the same text again is skipped", async () => {
    const before = await graphCounts(api.graph);
    const res = await api.gql<Ingested>(
      INGEST,
      { text: ARTICLE, source: "agencies", publishedAt: "2016-04-02", title: "Karabakh" },
      bearer(API_TOKEN),
    );
    expect(res.errors, res.text).toBeUndefined();
    const r = res.data?.ingestArticle;
    expect(r?.status).toBe("loaded");
    expect(r?.skipped).toBe(false);
    expect(r?.articleId).toMatch(/^doc-[0-9a-f]{16}$/);
    expect(r?.entities.created).toBeGreaterThan(5);
    expect(r?.events.created).toBeGreaterThan(3);
    expect(r?.sentences).toBeGreaterThan(5);
    const after = await graphCounts(api.graph);
    expect(after.nodes - before.nodes).toBe(r?.nodesCreated);
    expect(after.relationships - before.relationships).toBe(r?.relationshipsCreated);
    // readable at once through the API
    const article = await api.gql<{ article: { id: string; publishedAt: string } | null }>(
      "query($id: ID!) { article(id: $id) { id publishedAt } }",
      { id: r?.articleId },
    );
    expect(article.data?.article).toMatchObject({ id: r?.articleId, publishedAt: "2016-04-02" });

    const again = await api.gql<Ingested>(INGEST, { text: ARTICLE }, bearer(API_TOKEN));
    expect(again.errors).toBeUndefined();
    expect(again.data?.ingestArticle).toMatchObject({ articleId: r?.articleId, status: "skipped", skipped: true });
    expect(await graphCounts(api.graph)).toEqual(after);
  });

  it("checks the text and the date before anything runs", async () => {
    const before = await graphCounts(api.graph);
    const bad: [string, Record<string, unknown>, string][] = [
      ["replacement character", { text: `${ARTICLE.slice(0, 200)}\uFFFD` }, "text"],
      ["lone surrogate", { text: `${ARTICLE.slice(0, 200)}\uD800` }, "text"],
      ["no Arabic", { text: "Lavrov called Cavusoglu on Saturday." }, "text"],
      ["empty", { text: "   " }, "text"],
      ["over 1 MB", { text: "ب".repeat(600_000) }, "text"],
      ["date", { text: ARTICLE, publishedAt: "2016-13-01" }, "publishedAt"],
      ["date", { text: ARTICLE, publishedAt: "April 2016" }, "publishedAt"],
      ["date", { text: ARTICLE, publishedAt: "2016-02-30" }, "publishedAt"],
      ["title", { text: ARTICLE, title: "x".repeat(501) }, "title"],
    ];
    for (const [what, variables, argument] of bad) {
      const res = await api.gql(INGEST, variables, bearer(API_TOKEN));
      expect(res.errors?.[0]?.extensions?.code, what).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.extensions?.argumentName, what).toBe(argument);
      expect(res.text).not.toMatch(STACK_FRAME);
    }
    // bytes that are not UTF-8, sent raw: the JSON parser turns them into U+FFFD, which is refused
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ query: INGEST, variables: { text: "مرحبا " } }).replace("مرحبا ", "مرحبا XX")),
    ]);
    const i = body.indexOf(Buffer.from("XX"));
    body[i] = 0xc3;
    body[i + 1] = 0x28;
    const raw = await fetch(api.server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(API_TOKEN) },
      body,
    });
    const rawBody = (await raw.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(rawBody.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await graphCounts(api.graph)).toEqual(before);
  });

  it("is refused over GET and without the CSRF header for a form post", async () => {
    const get = await fetch(
      `${api.server.url}?query=${encodeURIComponent('mutation { ingestArticle(text: "ب") { status } }')}`,
      {
        headers: { "apollo-require-preflight": "1", ...bearer(API_TOKEN) },
      },
    );
    expect(get.status).toBe(405);
  });
});

describe("without AKHBAR_API_TOKEN", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer(api.graph, { host: "127.0.0.1", port: 0, auth: { apiToken: null, readToken: null } });
  });
  afterAll(async () => server?.stop());

  it("writes are disabled, whatever the token; reads work", async () => {
    for (const headers of [{}, bearer(API_TOKEN)]) {
      const res = await postGql(server.url, INGEST, { text: ARTICLE }, headers);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.errors?.[0]?.message).toMatch(/AKHBAR_API_TOKEN/);
    }
    const read = await postGql(server.url, "{ articles { totalCount } }");
    expect(read.errors).toBeUndefined();
  });
});

describe("with AKHBAR_READ_TOKEN", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer(api.graph, {
      host: "127.0.0.1",
      port: 0,
      auth: { apiToken: API_TOKEN, readToken: READ_TOKEN },
    });
  });
  afterAll(async () => server?.stop());

  it("every request needs the read or the API token", async () => {
    for (const headers of [{}, bearer("not-the-token-0123456789abcdef"), { authorization: `Basic ${READ_TOKEN}` }]) {
      const res = await postGql(server.url, "{ health { ok } }", undefined, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.text).not.toMatch(STACK_FRAME);
    }
    for (const token of [READ_TOKEN, API_TOKEN]) {
      const res = await postGql(server.url, "{ articles { totalCount } }", undefined, bearer(token));
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });

  it("the read token does not allow writes", async () => {
    const res = await postGql(server.url, INGEST, { text: ARTICLE }, bearer(READ_TOKEN));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("tokens", () => {
  it("are compared whole, in constant time, from a Bearer header", () => {
    expect(tokenEquals(API_TOKEN, API_TOKEN)).toBe(true);
    expect(tokenEquals(API_TOKEN.slice(0, -1), API_TOKEN)).toBe(false);
    expect(tokenEquals("", API_TOKEN)).toBe(false);
    expect(bearerToken(`Bearer ${API_TOKEN}`)).toBe(API_TOKEN);
    expect(bearerToken(`bearer  ${API_TOKEN} `)).toBe(API_TOKEN);
    expect(bearerToken(API_TOKEN)).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    const open = authenticate({ apiToken: null, readToken: null }, undefined);
    expect(open).toMatchObject({ writesEnabled: false, canWrite: false, canRead: true });
  });

  it("come from the environment; short ones are refused", () => {
    expect(authFromEnv({})).toEqual({ apiToken: null, readToken: null });
    expect(authFromEnv({ AKHBAR_API_TOKEN: API_TOKEN, AKHBAR_READ_TOKEN: READ_TOKEN })).toEqual({
      apiToken: API_TOKEN,
      readToken: READ_TOKEN,
    });
    expect(() => authFromEnv({ AKHBAR_API_TOKEN: "short" })).toThrow(/at least 16/);
  });
});

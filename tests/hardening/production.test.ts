/**
 * NODE_ENV=production: introspection and the playground off unless enabled, no stack traces or field
 * suggestions, helmet's headers with a CSP under which the offline playground and the explorer still work,
 * the CORS allow-list from the environment, and Apollo's CSRF prevention.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modeFromEnv } from "../../src/api/production.js";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import { postGql, STACK_FRAME, useServer } from "./support.js";

const CHROMIUM = process.env.AKHBAR_CHROMIUM || "/usr/bin/chromium";

const api = useServer({ seed: true, introspection: true, playground: true }); // the database; servers below

/** Starts a server with these environment variables set (startApiServer reads them when it starts). */
async function serverWithEnv(env: Record<string, string>): Promise<RunningServer> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startApiServer(api.graph, { host: "127.0.0.1", port: 0 });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("production mode, no flags", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serverWithEnv({ NODE_ENV: "production", AKHBAR_CORS_ORIGINS: "https://app.example.org" });
  });
  afterAll(async () => server?.stop());

  it("reads its mode from the environment", () => {
    expect(modeFromEnv({ NODE_ENV: "production" })).toMatchObject({ introspection: false, playground: false });
    expect(modeFromEnv({ NODE_ENV: "production", AKHBAR_INTROSPECTION: "1", AKHBAR_PLAYGROUND: "1" })).toMatchObject({
      introspection: true,
      playground: true,
      development: false,
    });
    expect(modeFromEnv({ NODE_ENV: "test" })).toMatchObject({ introspection: true, playground: true });
  });

  it("refuses introspection and hides field suggestions", async () => {
    const res = await postGql(server.url, "{ __schema { types { name } } }");
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await postGql(server.url, "{ phoneCall { totalCount } }");
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(typo.text).not.toMatch(STACK_FRAME);
    expect(typo.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    // queries work
    const ok = await postGql(server.url, "{ health { ok } }");
    expect(ok.errors).toBeUndefined();
  });

  it("serves no playground", async () => {
    const res = await fetch(server.url, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toContain("ruru-root");
    const asset = await fetch(`${new URL(server.url).origin}/graphql/static/ruru.js`);
    expect(asset.status).not.toBe(200);
    expect(asset.headers.get("content-type")).not.toContain("javascript");
  });

  it("sends helmet's security headers", async () => {
    for (const url of [server.url, new URL("/", server.url).href]) {
      const res = await fetch(url, { headers: { accept: "text/html" } });
      expect(res.headers.get("content-security-policy"), url).toContain("default-src 'self'");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-powered-by")).toBeNull();
    }
  });

  it("takes the CORS allow-list from AKHBAR_CORS_ORIGINS", async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    expect((await preflight("https://app.example.org")).headers.get("access-control-allow-origin")).toBe(
      "https://app.example.org",
    );
    for (const origin of ["http://localhost:5173", "https://evil.example.com"]) {
      expect((await preflight(origin)).headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("refuses simple (CSRF-able) requests: a GET or a form POST without a preflight header", async () => {
    const q = encodeURIComponent("{ health { ok } }");
    const get = await fetch(`${server.url}?query=${q}`, { headers: { accept: "application/json" } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/i);
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const post = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": type },
        body: `query=${q}`,
      });
      expect(post.status, type).toBeGreaterThanOrEqual(400);
      expect(post.status, type).toBeLessThan(500);
      expect(await post.text(), type).not.toContain('"ok":true');
    }
    // with the header a GET query is fine
    const allowed = await fetch(`${server.url}?query=${q}`, { headers: { "apollo-require-preflight": "1" } });
    expect(allowed.status).toBe(200);
  });
});

describe("production mode with AKHBAR_INTROSPECTION=1 and AKHBAR_PLAYGROUND=1, in a browser", () => {
  let server: RunningServer;
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    server = await serverWithEnv({ NODE_ENV: "production", AKHBAR_INTROSPECTION: "1", AKHBAR_PLAYGROUND: "1" });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "akhbar-prod-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    const own = new URL(server.url).host;
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      return url.host === own || url.protocol === "data:" || url.protocol === "blob:"
        ? route.continue()
        : route.abort();
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await server?.stop();
  });

  async function openPage(url: string) {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
    });
    page.on("pageerror", (err) => problems.push(String(err)));
    await page.goto(url);
    return { page, problems };
  }

  it("the playground loads, introspects the schema and runs a query under the CSP", async () => {
    const { page, problems } = await openPage(server.url);
    const editor = page.locator(".graphiql-query-editor");
    await editor.waitFor({ timeout: 30_000 });
    await expect.poll(() => editor.textContent(), { timeout: 30_000 }).toContain("WhoCalledWhom");
    await page.locator(".graphiql-query-editor").getByText("phoneCalls").first().click();
    await page.keyboard.press("Control+Enter");
    const result = page.locator(".graphiql-response");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/"totalCount":\s*\d/);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("the explorer at / loads and draws under the CSP", async () => {
    const { page, problems } = await openPage(new URL("/", server.url).href);
    await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});

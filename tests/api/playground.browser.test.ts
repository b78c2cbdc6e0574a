/**
 * The playground in a real browser (Debian's chromium driven by playwright-core), with every request to
 * another host refused: it must render GraphiQL, load the schema and run the example queries offline.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/config.js";
import { renderedFonts } from "../support/browser.js";
import { goldPerson } from "./gold.js";
import { useSeededApi } from "./support.js";

const CHROMIUM = process.env.AKHBAR_CHROMIUM || "/usr/bin/chromium";
const artifacts = path.join(repoRoot, "tests", "artifacts");

describe("the playground in a browser, offline", () => {
  const api = useSeededApi();
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  const foreign: string[] = [];
  const graphqlPosts: string[] = [];
  /** requests of the page still waiting for an answer, and when the last one ended */
  const inFlight = new Set<string>();
  let lastSettled = Date.now();

  beforeAll(async () => {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "akhbar-playground-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
      viewport: { width: 1440, height: 900 },
    });
    const own = new URL(api.server.url).host;
    // no internet: anything for another host is refused (and recorded)
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.host === own || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    page.on("requestfailed", (req) => failed.push(`${req.url()} ${req.failure()?.errorText}`));
    page.on("response", (res) => {
      if (res.status() >= 400) failed.push(`${res.url()} ${res.status()}`);
    });
    page.on("request", (req) => {
      inFlight.add(`${req.method()} ${req.url()} #${inFlight.size}-${Date.now()}`);
      if (req.method() === "POST" && new URL(req.url()).pathname === "/graphql")
        graphqlPosts.push(req.postData() ?? "");
    });
    const settle = (req: { method(): string; url(): string }) => {
      const prefix = `${req.method()} ${req.url()} #`;
      const key = [...inFlight].find((k) => k.startsWith(prefix));
      if (key) inFlight.delete(key);
      lastSettled = Date.now();
    };
    page.on("requestfinished", settle);
    page.on("requestfailed", settle);
    // a Web Worker's script (GraphiQL's jsonWorker.js) gets its response but never a "requestfinished"
    page.on("response", (res) => settle(res.request()));
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("renders GraphiQL with the example queries and loads the schema, asking no other host", async () => {
    await page.goto(api.server.url);
    const editor = page.locator(".graphiql-query-editor");
    await editor.waitFor({ timeout: 30_000 });
    await expect.poll(() => editor.textContent(), { timeout: 30_000 }).toContain("WhoCalledWhom");
    // the schema came by introspection from our endpoint
    await expect.poll(() => graphqlPosts.some((body) => body.includes("__schema")), { timeout: 30_000 }).toBe(true);
    // every request the page made has been answered and none for a second (Playwright's "networkidle" also
    // waits on the browser's own connections, and sometimes never came on the CI machine)
    await expect
      .poll(() => (inFlight.size === 0 && Date.now() - lastSettled > 1000 ? "quiet" : [...inFlight]), {
        timeout: 60_000,
        interval: 250,
      })
      .toBe("quiet");
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "playground.png") });
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it("runs an example query and shows the answer", async () => {
    // put the cursor inside the first operation (WhoCalledWhom) and run it with the keyboard
    await page.locator(".graphiql-query-editor").getByText("phoneCalls").first().click();
    await page.keyboard.press("Control+Enter");
    const result = page.locator(".graphiql-response");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/"totalCount":\s*\d/);
    await page.screenshot({ path: path.join(artifacts, "playground-result.png") });
    // Monaco renders spaces as no-break spaces
    const text = ((await result.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain('"totalCount": 5');
    expect(text).toContain(goldPerson("shoigu").en);
    expect(foreign).toEqual([]);
  });

  it("draws the Arabic of the answer in the served Arabic face", async () => {
    const family = "IBM Plex Sans Arabic";
    // a line of the answer with an Arabic name in it (Monaco draws each line as spans)
    const probe = await page.evaluate(() => {
      const spans = [...document.querySelectorAll(".graphiql-response .view-line span span")];
      const span = spans.find((el) => /[\u0600-\u06FF]/.test(el.textContent ?? ""));
      span?.setAttribute("data-probe", "arabic");
      return span?.textContent ?? null;
    });
    expect(probe).toMatch(/[\u0600-\u06FF]{3}/);
    const fonts = (await renderedFonts(context, page, ["[data-probe=arabic]"])).get("[data-probe=arabic]") ?? [];
    // every Arabic letter in the face; other fonts drew at most the quotes, spaces and punctuation
    const arabic = [...(probe ?? "")].filter((c) => /[\u0600-\u06FF]/.test(c)).length;
    const others = fonts.filter((f) => f.familyName !== family).reduce((n, f) => n + f.glyphCount, 0);
    expect(fonts.map((f) => f.familyName)).toContain(family);
    expect(others, JSON.stringify(fonts)).toBeLessThanOrEqual((probe ?? "").length - arabic);
    expect(failed).toEqual([]);
  });
});

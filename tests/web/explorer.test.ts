/**
 * The graph explorer in a real browser (Debian's chromium driven by playwright-core) against the real server
 * with the seed loaded. Expectations come from the gold file (shared/gold/seed.json), never from the page's
 * own output. Screenshots land in tests/artifacts/ (git-ignored).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startApiServer } from "../../src/api/server.js";
import { repoRoot } from "../../src/config.js";
import { ingestText } from "../../src/ingest/article.js";
import { loadFiles, seedFiles } from "../../src/ingest/files.js";
import { renderedFonts } from "../support/browser.js";
import { useTestGraph } from "../support/graph.js";

interface GoldPerson {
  key: string;
  names: string[];
  en: string;
}
interface Gold {
  persons: GoldPerson[];
  calls: { caller: string; callee: string; anchor: string }[];
  claims: { claimant_any: string[]; values: number[]; anchor: string }[];
}

const gold = JSON.parse(fs.readFileSync(path.resolve(repoRoot, "../shared/gold/seed.json"), "utf8")) as Gold;
const person = (key: string): GoldPerson => {
  const p = gold.persons.find((x) => x.key === key);
  if (!p) throw new Error(`no gold person ${key}`);
  return p;
};
const familyName = (p: GoldPerson): string => p.en.split(" ").at(-1) as string;

const CHROMIUM = process.env.AKHBAR_CHROMIUM || "/usr/bin/chromium";
const artifacts = path.join(repoRoot, "tests", "artifacts");

/** What the page exposes for tests as window.akhbarExplorer: just enough to read the network's state. */
interface ExplorerWindow {
  akhbarExplorer: {
    focusedId: string | null;
    cy: {
      getElementById(id: string): {
        outgoers(sel: string): { map<T>(f: (e: { target(): { data(k: string): string } }) => T): T[] };
      };
      edges(sel: string): {
        filter(f: (e: EdgeLike) => boolean): EdgeLike[];
      };
      container(): HTMLElement;
      animated(): boolean;
      /** cytoscape's renderer: what a tap at a client point hits, as its own tap handler finds it */
      renderer(): {
        projectIntoViewport(clientX: number, clientY: number): [number, number];
        findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown;
      };
    };
  };
}
interface EdgeLike {
  source(): { data(k: string): string };
  target(): { data(k: string): string };
  renderedMidpoint(): { x: number; y: number };
  renderedSourceEndpoint(): { x: number; y: number };
  renderedTargetEndpoint(): { x: number; y: number };
  data(k: string): string;
}

const staticDir = path.join(repoRoot, "src", "web", "static");

describe("graph explorer (files)", () => {
  it("sends only queries the checked-in schema accepts", () => {
    const schema = buildSchema(fs.readFileSync(path.join(repoRoot, "schema", "schema.graphql"), "utf8"));
    const api = fs.readFileSync(path.join(staticDir, "api.js"), "utf8");
    const documents = [...api.matchAll(/= `(query [\s\S]*?)`;/g)].map((m) => m[1] as string);
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const doc of documents) expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });

  it("references no other host: every asset is served by us", () => {
    for (const file of fs.readdirSync(staticDir)) {
      const text = fs.readFileSync(path.join(staticDir, file), "utf8");
      expect(text.match(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [], file).toEqual([]);
    }
  });
});

describe("graph explorer (browser)", () => {
  const ctx = useTestGraph();
  let server: RunningServer;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const requestedHosts = new Set<string>();

  beforeAll(async () => {
    await loadFiles(ctx.graph, seedFiles());
    server = await startApiServer(ctx.graph, { host: "127.0.0.1", port: 0 });
    base = server.url.replace(/\/graphql$/, "/");
    fs.mkdirSync(artifacts, { recursive: true });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "akhbar-chromium-"));
    // A fresh profile each run; Playwright takes it as the persistent context's folder.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1440, height: 900 },
      locale: "en-GB",
    });
    page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    page.on("request", (req) => requestedHosts.add(new URL(req.url()).host));
    page.on("requestfailed", (req) => failedRequests.push(`${req.url()} ${req.failure()?.errorText}`));
    page.on("response", (res) => {
      if (res.status() >= 400) failedRequests.push(`${res.url()} ${res.status()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    server?.httpServer.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it("loads with no failed request, no console error and nothing from another host", async () => {
    await page.goto(base);
    await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.ready)).toBe("true");
    await page.waitForLoadState("networkidle");
    // the layout has settled: let the canvas paint before the picture is taken
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, "explorer-network.png") });
    expect(failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect([...requestedHosts]).toEqual([new URL(base).host]);
    // every seed call is an arrow of the network
    const callEdges = await page.evaluate(
      () => (window as unknown as ExplorerWindow).akhbarExplorer.cy.edges("edge.call").filter(() => true).length,
    );
    expect(callEdges).toBe(gold.calls.length);
  });

  it("searching Lavrov focuses him, with two outgoing call edges", async () => {
    const lavrov = person("lavrov");
    const search = page.locator("#search-input");
    await search.fill(familyName(lavrov));
    const first = page.locator("#search-results [role=option]").first();
    await expect.poll(() => first.textContent()).toContain(lavrov.en);
    await search.press("Enter");

    const focused = await page.evaluate(() => {
      const ex = (window as unknown as ExplorerWindow).akhbarExplorer;
      const id = ex.focusedId as string;
      const callees = ex.cy
        .getElementById(id)
        .outgoers("edge.call")
        .map((e) => e.target().data("label"));
      return { id, callees };
    });
    const goldCallees = gold.calls.filter((c) => c.caller === "lavrov").map((c) => person(c.callee).en);
    expect(focused.callees).toHaveLength(2);
    expect(focused.callees.map((label) => goldCallees.find((en) => label.includes(en)))).toEqual(
      expect.arrayContaining(goldCallees),
    );
    // the actor panel tells the same: Lavrov, two calls out, to the gold callees
    await expect.poll(() => page.locator(".actor-title .en").textContent()).toBe(lavrov.en);
    const callsOut = page.locator('[data-testid="calls-out"] > li');
    expect(await callsOut.count()).toBe(2);
    const outText = (await callsOut.allTextContents()).join(" ");
    for (const en of goldCallees) expect(outText).toContain(en);
    expect(await page.locator(".actor-title .ar").textContent()).toBe(lavrov.names[0]);
    await page.screenshot({ path: path.join(artifacts, "explorer-actor.png") });

    // keyboard: arrow keys move through the results, Enter chooses the highlighted one
    await search.fill("سيرغي");
    await expect.poll(() => page.locator("#search-results [role=option][data-actor]").count()).toBeGreaterThan(1);
    await search.press("ArrowDown");
    const second = await page.locator("#search-results [role=option]").nth(1).getAttribute("data-actor");
    expect(await page.locator("#search-results [aria-selected=true]").getAttribute("data-actor")).toBe(second);
    await search.press("Enter");
    expect(await page.evaluate(() => (window as unknown as ExplorerWindow).akhbarExplorer.focusedId)).toBe(second);

    // an Arabic spelling without hamza finds the same person as the English name
    await search.fill("لافروف");
    await expect.poll(() => first.textContent()).toContain(lavrov.en);
    await search.press("Enter");
    expect(await page.evaluate(() => (window as unknown as ExplorerWindow).akhbarExplorer.focusedId)).toBe(focused.id);
  });

  it("clicking the Shoigu → Ohanyan call shows its sentence highlighted in the article", async () => {
    const shoigu = person("shoigu");
    const ohanyan = person("ohanyan");
    const anchor = gold.calls.find((c) => c.caller === "shoigu" && c.callee === "ohanyan")?.anchor as string;
    const search = page.locator("#search-input");
    await search.fill(familyName(shoigu));
    await expect.poll(() => page.locator("#search-results [role=option]").first().textContent()).toContain(shoigu.en);
    await search.press("Enter");

    // where the arrow is drawn on screen, once the focus animation has settled: a real mouse click on it
    const arrowPoint = () =>
      page.evaluate(
        ({ from, to }) => {
          const cy = (window as unknown as ExplorerWindow).akhbarExplorer.cy;
          const [edge] = cy
            .edges("edge.call")
            .filter((e) => e.source().data("label").includes(from) && e.target().data("label").includes(to));
          if (!edge || cy.animated()) return null;
          const box = cy.container().getBoundingClientRect();
          const mid = edge.renderedMidpoint();
          const [a, b] = [edge.renderedSourceEndpoint(), edge.renderedTargetEndpoint()];
          // the midpoint, else a point further along the arrow: the layout is random, and a node (drawn
          // above edges) or another edge may lie on the midpoint; the renderer says what a tap there hits.
          // None while the page covers the arrow: the poll waits
          const points = [
            mid,
            ...[0.4, 0.6, 0.3, 0.7].map((f) => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f })),
          ];
          for (const p of points) {
            const point = { x: Math.round(box.left + p.x), y: Math.round(box.top + p.y) };
            // nothing of the page (the search results, a panel) covers the canvas there
            if (!document.elementFromPoint(point.x, point.y)?.closest("#cy")) continue;
            const [mx, my] = cy.renderer().projectIntoViewport(point.x, point.y);
            if (cy.renderer().findNearestElement(mx, my, true, false) === edge) return point;
          }
          return null;
        },
        { from: shoigu.en, to: ohanyan.en },
      );
    let point: { x: number; y: number } | null = null;
    await expect
      .poll(async () => {
        const before = await arrowPoint();
        await page.waitForTimeout(250);
        const after = await arrowPoint();
        point = after;
        return before !== null && after !== null && before.x === after.x && before.y === after.y;
      })
      .toBe(true);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);

    const mark = page.locator(".evidence .article-text mark.evidence");
    await expect.poll(() => mark.count()).toBeGreaterThan(0);
    const marked = (await mark.allTextContents()).join(" ");
    expect(marked).toContain(anchor);
    expect(await page.locator(".evidence .event-kind").textContent()).toMatch(/call/i);
    const title = (await page.locator(".evidence .event-title").textContent()) ?? "";
    expect(title).toContain(shoigu.en);
    expect(title).toContain(ohanyan.en);
    // the article is shown right to left, and the highlighted sentence sits inside the full text
    const text = page.locator(".evidence .article-text");
    expect(await text.getAttribute("dir")).toBe("rtl");
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(((await text.textContent()) ?? "").length).toBeGreaterThan(marked.length);
    await page.screenshot({ path: path.join(artifacts, "explorer-evidence.png") });
  });

  it("draws Arabic in the served face: loaded, on the canvas labels, in the panels and the evidence", async () => {
    const family = "IBM Plex Sans Arabic";
    // the face's Arabic subset was fetched from this server and is ready
    const faces = await page.evaluate(
      (f) => [...document.fonts].filter((face) => face.family.replace(/["']/g, "") === f).map((face) => face.status),
      family,
    );
    expect(faces).toContain("loaded");
    expect(await page.evaluate((f) => document.fonts.check(`14px "${f}"`, "أخبار"), family)).toBe(true);
    // the network's labels (a canvas) ask for it first
    const labelFont = await page.evaluate(() => {
      const cy = (window as unknown as { akhbarExplorer: { cy: { nodes(): { style(k: string): string }[] } } })
        .akhbarExplorer.cy;
      return cy.nodes()[0]?.style("font-family");
    });
    expect(labelFont?.replace(/["']/g, "").split(",")[0]?.trim()).toBe(family);
    // an evidence in the panel (opened from Shoigu's panel, not from the canvas: the test above does that)
    await page.locator("#search-input").fill(familyName(person("shoigu")));
    await expect
      .poll(() => page.locator("#search-results [role=option]").first().textContent())
      .toContain(person("shoigu").en);
    await page.locator("#search-input").press("Enter");
    await page.locator("#panel button[data-event]").first().click();
    await expect.poll(() => page.locator(".evidence .article-text mark.evidence").count()).toBeGreaterThan(0);
    // what the browser really drew the Arabic with: the evidence sentence, the article around it, the brand
    const selectors = [".evidence .article-text mark.evidence", ".evidence .article-text", ".brand-ar"];
    for (const [selector, fonts] of await renderedFonts(context, page, selectors))
      expect(
        fonts.map((f) => f.familyName),
        selector,
      ).toEqual([family]);
    expect(failedRequests).toEqual([]);
  });

  it("the claims view lists the four claims side by side, each with its claimant and figures", async () => {
    await page.getByRole("tab", { name: /claims/i }).click();
    const cards = page.locator("#view-claims .claim-card");
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const ids = new Set(await cards.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.eventId)));
    expect(ids.size).toBe(gold.claims.length);
    const texts = await cards.allTextContents();
    for (const claim of gold.claims) {
      const card = texts.find((t) => t.includes(claim.anchor));
      expect(card, claim.anchor).toBeDefined();
      for (const value of claim.values) {
        expect(texts.some((t) => t.includes(claim.anchor) && new RegExp(`(^|\\D)${value}(\\D|$)`).test(t))).toBe(true);
      }
    }
    await page.screenshot({ path: path.join(artifacts, "explorer-claims.png") });

    // who called whom: the five calls, filterable by country
    await page.getByRole("tab", { name: /who called whom/i }).click();
    const rows = page.locator("#calls-table tbody tr[data-event-id]");
    expect(await rows.count()).toBe(gold.calls.length);
    const turkey = await page
      .locator("#filter-country option")
      .filter({ hasText: "Turkey" })
      .first()
      .getAttribute("value");
    await page.selectOption("#filter-country", turkey as string);
    expect(await rows.count()).toBe(gold.calls.filter((c) => c.caller === "erdogan" || c.callee === "erdogan").length);
    await page.screenshot({ path: path.join(artifacts, "explorer-calls.png") });
    await page.locator("#filters button[type=reset]").click();
    await expect.poll(() => rows.count()).toBe(gold.calls.length);
  });

  it("on a server that needs a read token, asks for it, refuses a wrong one, then loads with the right one", async () => {
    const readToken = "explorer-read-token-0123456789";
    const guarded = await startApiServer(ctx.graph, {
      host: "127.0.0.1",
      port: 0,
      auth: { apiToken: null, readToken },
    });
    const tab = await context.newPage();
    try {
      await tab.goto(guarded.url.replace(/\/graphql$/, "/"));
      const asked = () => tab.waitForFunction(() => document.body.dataset.ready === "token", null, { timeout: 30_000 });
      await asked();
      expect(await tab.isVisible("#token-form")).toBe(true);
      await tab.fill("#token-input", "not-the-token-of-this-server");
      await tab.click("#token-form button[type=submit]");
      await asked();
      expect(await tab.textContent("#status")).toContain("not valid");
      await tab.fill("#token-input", readToken);
      await tab.click("#token-form button[type=submit]");
      await tab.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30_000 });
      expect(await tab.isVisible("#token-form")).toBe(false);
      const calls = await tab.evaluate(
        () =>
          (window as unknown as { akhbarExplorer: { events: { kind: string }[] } }).akhbarExplorer.events.filter(
            (e) => e.kind === "PhoneCall",
          ).length,
      );
      expect(calls).toBe(gold.calls.length);
    } finally {
      await tab.close();
      await guarded.stop();
      guarded.httpServer.close();
    }
  });

  it("fits a phone screen", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(base);
    await phone.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30_000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(artifacts, "explorer-phone.png"), fullPage: true });
    await phone.close();
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it("who met whom: a meeting ingested after the seed is a row of its table and a meeting edge from the host", async () => {
    await ingestText(
      ctx.graph,
      "استقبل الرئيس الكيني وليام روتو في نيروبي وزير الخارجية الغاني صامويل أبلاكوا. وزار أبلاكوا إثيوبيا.",
      { id: "explorer-meeting", publishedAt: "2025-03-02" },
    );
    await page.goto(base);
    await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 30_000 });
    await page.getByRole("tab", { name: /who met whom/i }).click();
    const rows = page.locator("#meetings-table tbody tr[data-event-id]");
    await expect.poll(() => rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? "";
    expect(row).toContain("روتو");
    expect(row).toContain("أبلاكوا");
    const edges = await page.evaluate(() =>
      ["edge.meeting", "edge.visit"].map(
        (sel) => (window as unknown as ExplorerWindow).akhbarExplorer.cy.edges(sel).filter(() => true).length,
      ),
    );
    expect(edges).toEqual([1, 1]);
    await page.screenshot({ path: path.join(artifacts, "explorer-meetings.png") });
  });
});

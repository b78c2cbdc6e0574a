import { describe, expect, it } from "vitest";
import { EXAMPLE_QUERIES } from "../../src/api/examples.js";
import { useSeededApi } from "./support.js";

const api = useSeededApi({ seed: false, corsOrigins: ["https://app.example.org", "http://localhost:*"] });

const EXTERNAL = /(?:https?:)?\/\/(?!localhost[:/]|127\.0\.0\.1[:/])[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

describe("the playground", () => {
  it("is served to a browser at /graphql, opening with the example queries", async () => {
    const res = await fetch(api.server.url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('id="ruru-root"');
    for (const e of EXAMPLE_QUERIES) expect(html).toContain(`query ${e.name}`);
  });

  it("references no external host: every asset it loads is served by us", async () => {
    const html = await (await fetch(api.server.url, { headers: { accept: "text/html" } })).text();
    expect(html.match(EXTERNAL) ?? []).toEqual([]);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"|from "([^"]+)"|import\s*\(\s*"([^"]+)"/g)].map(
      (m) => m[1] ?? m[2] ?? m[3] ?? "",
    );
    expect(refs.length).toBeGreaterThan(0);
    const origin = new URL(api.server.url).origin;
    for (const ref of refs) {
      expect(ref.startsWith("/"), ref).toBe(true);
      const asset = await fetch(origin + ref);
      expect(asset.status, ref).toBe(200);
      if (ref.endsWith(".css")) {
        // what a stylesheet loads: url(…) and @import — fonts are inlined as data: URIs
        const css = await asset.text();
        const loads = [...css.matchAll(/url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)/g)].map(
          (m) => m[1] ?? m[2] ?? "",
        );
        expect(
          loads.filter((u) => /^(https?:)?\/\//i.test(u)),
          ref,
        ).toEqual([]);
      } else await asset.arrayBuffer();
    }
    // the editor's web workers and the bundle's chunks come from the same folder
    for (const file of ["editorWorker.js", "graphqlWorker.js", "jsonWorker.js"]) {
      const base = refs.find((r) => r.endsWith("ruru.js"))?.replace(/ruru\.js$/, "") ?? "";
      expect((await fetch(`${origin}${base}${file}`)).status, file).toBe(200);
    }
  });

  it("leaves GraphQL over GET and POST to the API", async () => {
    const get = await fetch(`${api.server.url}?query=${encodeURIComponent("{ health { ok } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { health: { ok: boolean } } }).data.health.ok).toBe(true);
    const post = await api.gql<{ health: { ok: boolean } }>("{ health { ok } }");
    expect(post.data?.health.ok).toBe(true);
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(api.server.url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  it("allows the configured origins", async () => {
    for (const origin of ["https://app.example.org", "http://localhost:5173"]) {
      const res = await preflight(origin);
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get("access-control-allow-origin"), origin).toBe(origin);
    }
  });

  it("does not allow others", async () => {
    for (const origin of [
      "https://evil.example.com",
      "https://app.example.org.evil.com",
      "http://localhost.evil.com",
    ]) {
      const res = await preflight(origin);
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });
});

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import express from "express";
import { repoRoot } from "../config.js";

const require = createRequire(import.meta.url);

/**
 * Third-party browser files the explorer loads, served straight from node_modules (never copied, never
 * from a CDN): URL name under /vendor/ → module path resolved by Node.
 */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
  "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
  "layout-base.js": "layout-base/layout-base.js",
  "cose-base.js": "cose-base/cose-base.js",
  "cytoscape-fcose.js": "cytoscape-fcose/cytoscape-fcose.js",
};

/** The Arabic face of the explorer (and of the playground's panes): the npm package's own CSS and font files. */
export const ARABIC_FONT = {
  family: "IBM Plex Sans Arabic",
  module: "@fontsource/ibm-plex-sans-arabic",
  /** URL prefix the package's files are served under */
  path: "/vendor/fonts/ibm-plex-sans-arabic/",
  /** one stylesheet per weight the pages use; each declares its subsets (Arabic, Latin, …) by unicode-range */
  weights: [400, 600, 700],
} as const;

/** Stylesheet links for the Arabic face, for a page's <head>. */
export function arabicFontLinks(): string {
  return ARABIC_FONT.weights.map((w) => `<link rel="stylesheet" href="${ARABIC_FONT.path}${w}.css">`).join("");
}

/**
 * The package's @font-face rule for the Arabic subset of one weight, under another family name, with URLs
 * under ARABIC_FONT.path: for a page whose fonts we cannot choose (the playground's editors ask only for
 * "Fira Code", which nothing serves), this gives that family an Arabic face; its unicode-range leaves every
 * other character to the page's own fallback.
 */
export function arabicFontFaceAs(family: string, weight: (typeof ARABIC_FONT.weights)[number] = 400): string {
  const root = path.dirname(require.resolve(`${ARABIC_FONT.module}/package.json`));
  const css = fs.readFileSync(path.join(root, `${weight}.css`), "utf8");
  const face = css.match(new RegExp(`/\\*[^*]*-arabic-${weight}-normal \\*/\\s*(@font-face\\s*{[^}]*})`))?.[1];
  if (!face) throw new Error(`no Arabic @font-face in ${ARABIC_FONT.module}/${weight}.css`);
  return face
    .replace(/font-family:[^;]*;/, `font-family: ${JSON.stringify(family)};`)
    .replaceAll("url(./files/", `url(${ARABIC_FONT.path}files/`);
}

/** Serves the font package's stylesheets and font files (nothing else of the package) under ARABIC_FONT.path. */
export function arabicFontRouter(): express.Router {
  const router = express.Router();
  const root = path.dirname(require.resolve(`${ARABIC_FONT.module}/package.json`));
  const allowed = new RegExp(`^/(?:(?:${ARABIC_FONT.weights.join("|")})\\.css|files/[a-z0-9-]+\\.woff2?)$`);
  const files = express.static(root, { maxAge: "7d", index: false, fallthrough: true });
  router.use(ARABIC_FONT.path, (req, res, next) => (allowed.test(req.path) ? files(req, res, next) : next()));
  return router;
}

/** The graph explorer at `/`: static files only; it talks to the public GraphQL API like any client. */
export function explorerRouter(): express.Router {
  const router = express.Router();
  const vendor = new Map(Object.entries(VENDOR_FILES).map(([name, module]) => [name, require.resolve(module)]));
  router.get("/vendor/:file", (req, res, next) => {
    const file = vendor.get(req.params.file);
    if (!file) {
      next();
      return;
    }
    res.sendFile(file, { maxAge: "1h", headers: { "Content-Type": "text/javascript; charset=utf-8" } });
  });
  router.use(arabicFontRouter());
  router.use(express.static(path.join(repoRoot, "src", "web", "static"), { index: "index.html" }));
  return router;
}

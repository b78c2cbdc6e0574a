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
  router.use(express.static(path.join(repoRoot, "src", "web", "static"), { index: "index.html" }));
  return router;
}

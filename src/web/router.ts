import path from "node:path";
import express from "express";
import { repoRoot } from "../config.js";

/** The graph explorer at `/`: static files only; it talks to the public GraphQL API like any client. */
export function explorerRouter(): express.Router {
  const router = express.Router();
  router.use(express.static(path.join(repoRoot, "src", "web", "static"), { index: "index.html" }));
  return router;
}

/**
 * The GraphQL playground (GraphiQL, via the `ruru` package): the page and every asset it loads are served by
 * us from ruru's bundled static files, so it works with no internet.
 */
import type { RequestHandler } from "express";
import { type RuruServerConfig, ruruHTML } from "ruru/server";
import { serveStatic } from "ruru/static";
import { arabicFontFaceAs } from "../web/router.js";
import { examplesDocument } from "./examples.js";

export interface PlaygroundOptions {
  /** the GraphQL endpoint, a path on this server */
  endpoint: string;
  /** URL path of the static assets; must end with "/" */
  staticPath: string;
}

export function playgroundHtml(options: PlaygroundOptions): string {
  return ruruHTML({
    endpoint: options.endpoint,
    staticPath: options.staticPath,
    // (ruru's props type leans on graphiql's types, which are not installed: hence the cast)
    clientConfig: { initialQuery: examplesDocument(), debugTools: [] } as unknown as RuruServerConfig["clientConfig"],
    htmlParts: {
      titleTag: "<title>akhbar — GraphQL playground</title>",
      // Arabic in the query and result editors in the explorer's face (served by src/web/router.ts). The
      // editors ask only for "Fira Code"; declaring that family hides an installed Fira Code, so it is
      // declared first from the local fonts (used for what the Arabic face's unicode-range leaves out).
      styleTags: (original) =>
        `${original}<style>@font-face { font-family: "Fira Code"; src: local("Fira Code"), local("FiraCode-Regular"); }\n${arabicFontFaceAs("Fira Code")}</style>`,
    },
  });
}

/** Serves the playground's static files (JS, CSS, fonts, workers) under options.staticPath. */
export function playgroundAssets(options: PlaygroundOptions): RequestHandler {
  return serveStatic(options.staticPath) as unknown as RequestHandler;
}

/** A GET asking for HTML (a browser) gets the page; anything else goes on to the GraphQL server. */
export function playgroundPage(options: PlaygroundOptions): RequestHandler {
  const html = playgroundHtml(options);
  return (req, res, next) => {
    if (req.method === "GET" && req.accepts(["application/json", "text/html"]) === "text/html") {
      res.type("html").send(html);
      return;
    }
    next();
  };
}

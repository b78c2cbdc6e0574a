import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import pino from "pino";
import type { Graph } from "../graph/driver.js";
import { explorerRouter } from "../web/router.js";
import { type AuthConfig, authenticate, authFromEnv, requireRead } from "./auth.js";
import { BOOKMARK_HEADER, decodeBookmark } from "./bookmarks.js";
import { type ApiContext, createContext } from "./context.js";
import { corsOptions, corsOriginsFromEnv } from "./cors.js";
import { makeFormatError } from "./errors.js";
import type { ValidationRule } from "./graphql.js";
import { limitsFromEnv, type QueryLimits, queryLimits } from "./limits.js";
import { playgroundAssets, playgroundHtml, playgroundPage } from "./playground.js";
import { inlineScriptHashes, modeFromEnv, securityHeaders } from "./production.js";
import { buildApiSchema } from "./schema.js";

export interface RunningServer {
  /** the GraphQL endpoint, e.g. http://localhost:4000/graphql */
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  host: string;
  port: number;
  /** allowed CORS origins (see cors.ts); default from AKHBAR_CORS_ORIGINS */
  corsOrigins?: string[];
  /** messages of unexpected errors and stack traces in responses; default NODE_ENV === "development" */
  development?: boolean;
  /** serve the GraphiQL playground at GET /graphql for browsers; default true, in production AKHBAR_PLAYGROUND=1 */
  playground?: boolean;
  /** schema introspection; default true, in production AKHBAR_INTROSPECTION=1 (see production.ts) */
  introspection?: boolean;
  /** query limits (limits.ts); default from the environment; false turns them all off */
  limits?: Partial<QueryLimits> | false;
  /** tokens (auth.ts); default AKHBAR_API_TOKEN and AKHBAR_READ_TOKEN */
  auth?: AuthConfig;
  /** hooks for hardening (query limits, auth, …): extra Apollo plugins and validation rules */
  plugins?: ApolloServerPlugin<ApiContext>[];
  validationRules?: ValidationRule[];
}

export const GRAPHQL_PATH = "/graphql";
export const PLAYGROUND_STATIC_PATH = "/graphql/static/";

const logger = pino(
  { name: "akhbar-api", level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info") },
  pino.destination(2),
);

export async function startApiServer(graph: Graph, options: ApiServerOptions): Promise<RunningServer> {
  const mode = modeFromEnv();
  const development = options.development ?? mode.development;
  const introspection = options.introspection ?? mode.introspection;
  const auth = options.auth ?? authFromEnv();
  const limits =
    options.limits === false
      ? null
      : queryLimits({ ...limitsFromEnv(), blockFieldSuggestions: !introspection, ...options.limits });
  const app = express();
  app.disable("x-powered-by");
  // an ETag is a hash of every response body; no client revalidates a GraphQL POST with it
  app.set("etag", false);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<ApiContext>({
    schema: await buildApiSchema(),
    introspection,
    // Apollo's CSRF prevention (on by default; stated here so it stays on): a GET or a POST that is not
    // application/json must carry a non-empty `apollo-require-preflight` or `x-apollo-operation-name` header.
    csrfPrevention: true,
    // Signals are the main job's (src/cli/serve.ts): it drains, then closes the driver, then exits. Apollo's
    // own handler would stop the server and re-raise the signal, killing the process before the driver closes.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: development,
    parseOptions: limits?.parseOptions,
    formatError: makeFormatError({
      development,
      onUnexpected: (err) => logger.error({ err }, "unexpected error while answering a GraphQL request"),
    }),
    validationRules: [...(limits?.validationRules ?? []), ...(options.validationRules ?? [])],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing page loads from a CDN; ours (below) is served entirely from here.
      ApolloServerPluginLandingPageDisabled(),
      // no HTTP cache hints are set; without this plugin Apollo stops wrapping every field resolver to collect them
      ApolloServerPluginCacheControlDisabled(),
      ...(limits?.plugins ?? []),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const corsMiddleware = cors(corsOptions(options.corsOrigins ?? corsOriginsFromEnv()));
  const playground = { endpoint: GRAPHQL_PATH, staticPath: PLAYGROUND_STATIC_PATH };
  app.use(securityHeaders({ scriptHashes: inlineScriptHashes(playgroundHtml(playground)) }));
  if (options.playground ?? mode.playground) {
    app.use(playgroundAssets(playground));
    app.get(GRAPHQL_PATH, playgroundPage(playground));
  }
  app.use(
    GRAPHQL_PATH,
    corsMiddleware,
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestAuth = authenticate(auth, req.headers.authorization);
        requireRead(requestAuth);
        return createContext(graph, requestAuth, decodeBookmark(req.headers[BOOKMARK_HEADER]));
      },
    }),
  );
  // The explorer at "/" (src/web) is a client of this API like any other.
  app.use(explorerRouter());
  // Errors outside GraphQL execution (a malformed JSON body, a body too large): a GraphQL-shaped answer
  // with a code, never Express's default page with a stack trace.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: unknown }).status;
    const clientError = typeof status === "number" && status >= 400 && status < 500;
    if (!clientError) logger.error({ err }, "unexpected error outside GraphQL");
    res.status(clientError ? status : 500).json({
      errors: [
        clientError
          ? { message: (err as Error).message, extensions: { code: "BAD_REQUEST" } }
          : { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ],
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host =
    options.host === "127.0.0.1" || options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    httpServer,
    stop: () => apollo.stop(),
  };
}

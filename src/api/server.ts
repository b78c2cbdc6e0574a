import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import type { Graph } from "../graph/driver.js";
import { explorerRouter } from "../web/router.js";
import type { ApiContext } from "./context.js";
import { buildApiSchema } from "./schema.js";

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export async function startApiServer(graph: Graph, options: { host: string; port: number }): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<ApiContext>({
    schema: await buildApiSchema(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.use(
    "/graphql",
    cors(),
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, { context: async () => ({ graph }) }),
  );
  app.use(explorerRouter());
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host === "127.0.0.1" || options.host === "0.0.0.0" ? "localhost" : options.host}:${port}/graphql`,
    httpServer,
    stop: () => apollo.stop(),
  };
}

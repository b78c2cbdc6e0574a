import type { Graph } from "../graph/driver.js";
import type { RequestAuth } from "./auth.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface ApiContext {
  graph: Graph;
  /** fresh for every request: batching and caching never cross requests */
  loaders: Loaders;
  /** what the request's token allows (auth.ts); absent outside HTTP requests: no writes */
  auth?: RequestAuth;
}

export function createContext(graph: Graph, auth?: RequestAuth): ApiContext {
  return { graph, loaders: createLoaders(graph), auth };
}

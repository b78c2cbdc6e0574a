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

/**
 * bookmarks: from the request's bookmark header (bookmarks.ts); its reads then see the writes they name, on
 * whichever cluster member serves them. Nothing else is kept between requests: any replica serves any request.
 */
export function createContext(graph: Graph, auth?: RequestAuth, bookmarks: string[] = []): ApiContext {
  const g = bookmarks.length > 0 ? graph.withBookmarks(bookmarks) : graph;
  return { graph: g, loaders: createLoaders(g), auth };
}

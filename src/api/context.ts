import type { Graph } from "../graph/driver.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface ApiContext {
  graph: Graph;
  /** fresh for every request: batching and caching never cross requests */
  loaders: Loaders;
}

export function createContext(graph: Graph): ApiContext {
  return { graph, loaders: createLoaders(graph) };
}

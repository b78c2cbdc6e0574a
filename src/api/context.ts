import type { Graph } from "../graph/driver.js";

export interface ApiContext {
  graph: Graph;
}

import type { Graph } from "../graph/driver.js";

/** Placeholder until the loader lands (issue #4): reports that nothing is loaded yet. */
export async function loadSeeds(_graph: Graph, say: (line: string) => void): Promise<void> {
  say("Loader not implemented yet: seeds/ not loaded");
}

/**
 * Extraction throughput (characters per second, one core): the seed article, the dev corpus per document,
 * and both repeated to 10 MB as one document (measured by bench/extraction.ts, which `npm run bench` also
 * uses). Floor: 1 MB/s per core. Run: npm run bench:extract
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { measureExtraction } from "./extraction.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FLOOR = 1_000_000;

it("extraction throughput ≥ 1 MB/s on one core", () => {
  const results = measureExtraction(root, false, (line) => console.log(line));
  // the floor is per core: judged on CPU time, which waiting for a core on a loaded machine does not inflate
  expect(Math.min(...results.map((r) => r.charsPerCpuSecond))).toBeGreaterThanOrEqual(FLOOR);
});

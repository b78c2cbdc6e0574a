import { defineConfig } from "vitest/config";

/** Benchmarks, not tests: `npm run bench:extract` runs bench/*.bench.ts. */
export default defineConfig({
  test: {
    include: ["bench/**/*.bench.ts"],
    testTimeout: 60 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
  },
});

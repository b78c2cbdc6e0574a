import { defineConfig } from "vitest/config";

/** The load benchmark, not a test: `npm run bench:load` (see bench/load.ts). */
export default defineConfig({
  test: {
    include: ["bench/load.ts"],
    testTimeout: 60 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
  },
});

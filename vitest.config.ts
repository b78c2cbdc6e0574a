import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: ".data/test-report.json" }]],
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/extract/**/*.test.ts", "tests/unit/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/extract/**", "tests/unit/**"],
          // Starts the test Neo4j (own port and data folder) once for the run.
          globalSetup: ["tests/support/globalSetup.ts"],
          // Files share one test database, emptied between files: run them one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // Browser tests poll the page; 1 s (the default) is too short on a loaded 2-core CI machine.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});

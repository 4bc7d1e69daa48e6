import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Bundle tests read dist/, which scripts/test.mjs builds once before the run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

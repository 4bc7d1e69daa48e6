import { defineConfig } from "vitest/config";

/** The port and browser measurements of `npm run bench` (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ["bench/**/*.measure.ts"],
    testTimeout: 300_000,
    reporters: ["dot"],
  },
});

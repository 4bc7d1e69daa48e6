/**
 * The two panel bundles stay within issue 9's budget, 150 KB minified each, stylesheet and icons
 * included (the build measures them too and fails over budget; this reads what it wrote).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "../../dist");
const BUDGET = 150 * 1024;

describe("the panel bundles", () => {
  for (const file of ["addin/taskpane.js", "apps-script/Sidebar.html"]) {
    it(`${file} is at most 150 KB and carries the panel's minified styles and icons`, () => {
      const path = join(dist, file);
      expect(statSync(path).size).toBeLessThanOrEqual(BUDGET);
      const text = readFileSync(path, "utf8");
      expect(text).toContain(".buyin-app{");
      expect(text).toContain('viewBox:"0 0 16 16"');
    });
  }
});

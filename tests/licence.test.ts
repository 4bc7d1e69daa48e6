/** HyperFormula (GPL-3.0) is for the dev preview and tests only: no shipped bundle may carry it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "../dist");

describe("shipped bundles", () => {
  it.each([
    "addin/functions.js",
    "addin/taskpane.js",
    "addin/screens-on-use.js",
    "apps-script/buyin.js",
    "apps-script/Sidebar.html",
    "apps-script/ScreensOnUse.html",
  ])("%s carries no HyperFormula code", (file) => {
    const text = readFileSync(join(dist, file), "utf8");
    expect(text).not.toMatch(/hyperformula|gpl-v3|HyperFormula/i);
  });
  it("the preview, which is dev only, does", () => {
    expect(readFileSync(join(dist, "preview/preview.js"), "utf8")).toMatch(/gpl-v3/);
  });
});

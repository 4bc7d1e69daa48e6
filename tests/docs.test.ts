/** The README's function reference is generated from the catalog, and the README says so. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, sheetsName } from "../core/index";
import { withReference } from "../scripts/generate";

const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");

describe("README", () => {
  it("holds the reference generated from the catalog, unchanged", () => {
    expect(withReference(readme)).toBe(readme);
  });

  it("has one reference row for every catalog function", () => {
    for (const spec of catalog) expect(readme).toContain(`| \`${spec.id}\` / \`${sheetsName(spec)}\` |`);
  });

  it("gives the two quick-start commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
  });
});

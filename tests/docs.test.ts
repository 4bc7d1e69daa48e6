/** The README's function reference is generated from the catalog, and the README says so. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, sheetsName } from "../core/index";
import { CLASP } from "../scripts/clasp.mjs";
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

  it("names the one exact clasp version that push:sheets runs", () => {
    expect(CLASP).toMatch(/^@google\/clasp@\d+\.\d+\.\d+$/);
    const pushScript = readFileSync(join(import.meta.dirname, "../scripts/push-sheets.mjs"), "utf8");
    expect(pushScript).not.toMatch(/@google\/clasp@/);
    const mentions = [...readme.matchAll(/@google\/clasp@[\w.]+/g)].map((match) => match[0]);
    expect(mentions.length).toBeGreaterThan(0);
    expect(new Set(mentions)).toEqual(new Set([CLASP]));
  });

  it("has a deploy section for both hosts", () => {
    for (const heading of ["## Deploy", "### Excel", "### Google Sheets"]) expect(readme).toContain(heading);
    for (const topic of [
      "BUYIN_BASE_URL",
      "Access-Control-Allow-Origin",
      "Integrated apps",
      "Test deployments",
    ])
      expect(readme).toContain(topic);
    for (const topic of ["privacy", "terms of service"]) expect(readme).toContain(topic);
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, "../apps-script/appsscript.json"), "utf8"),
    );
    for (const scope of manifest.oauthScopes as string[])
      expect(readme, `README explains why ${scope} is needed`).toContain(`\`${scope.split("/auth/")[1]}\``);
  });
});

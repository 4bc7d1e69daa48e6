/**
 * docs/ARCHITECTURE.md stays true: it names every file the build generates from the catalog, both
 * recipes are there, every repository file it names exists, and code points to it, not to a
 * design file outside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const doc = readFileSync(join(root, "docs/ARCHITECTURE.md"), "utf8");

function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe("docs/ARCHITECTURE.md", () => {
  it("names every file the build writes from the catalog, in the function recipe", () => {
    const config = readFileSync(join(root, "esbuild.config.mjs"), "utf8");
    // Each `write("<file>", …)` of the build whose content comes from the generator.
    const calls = config
      .split(/\nwrite\(/)
      .slice(1)
      .map((call) => call.split(/\n(?=\S)/)[0] as string);
    const generated = calls
      .filter((call) => call.includes("generate."))
      .map((call) => `dist/${/^\s*"([^"]+)"/.exec(call)?.[1]}`);
    expect(generated.length).toBeGreaterThanOrEqual(3);
    const recipe = section("Recipe: add a spreadsheet function");
    for (const file of [...generated, "README.md"]) expect(recipe).toContain(`\`${file}\``);
  });

  it("holds both recipes, and every repository file they name exists", () => {
    const recipes = [section("Recipe: add a spreadsheet function"), section("Recipe: add a register")];
    const named = recipes.flatMap((text) =>
      [...text.matchAll(/`((?:core|ui|addin|apps-script|tests|scripts|dist)\/[\w./-]+\.\w+)`/g)].map(
        (match) => match[1] as string,
      ),
    );
    expect(named.length).toBeGreaterThan(20);
    // dist/ exists here: the tests' global setup builds it first.
    for (const file of named) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it("gives every cell type a line in the glossary, at the file that declares it", () => {
    const glossary = section("Cell types: a glossary");
    const rows = [...glossary.matchAll(/^\| `(\w+)[^`]*` \| `([^`]+)` \|/gm)].map(
      (match) => [match[1], match[2]] as [string, string],
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const [type, file] of rows) {
      const source = readFileSync(join(root, file), "utf8");
      expect(source, `${type} in ${file}`).toMatch(
        new RegExp(`(type|interface) ${type}\\b|readonly ${type}\\?`),
      );
    }
    for (const type of ["Cell", "CellInput", "HostInput", "CellResult", "TypedContent", "Stored"])
      expect(glossary).toContain(`| \`${type}\` |`);
  });

  it("is where code comments point, not a file outside the repository", () => {
    const offenders: string[] = [];
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory)) {
        if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
        const path = join(directory, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs)$/.test(entry) && readFileSync(path, "utf8").includes("DESIGN.md"))
          offenders.push(path);
      }
    };
    for (const folder of ["core", "ui", "addin", "apps-script", "scripts", "tests", "bench"])
      walk(join(root, folder));
    expect(offenders.filter((path) => !path.endsWith("architecture-doc.test.ts"))).toEqual([]);
  });
});

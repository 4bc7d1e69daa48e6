/**
 * The built Apps Script file, dist/apps-script/buyin.js, loaded into a vm as Apps Script loads a
 * project file (one global scope), and every generated `BUYIN_*` custom function called the way
 * Sheets calls it: a single cell as a value ("" when blank, a Date for a date cell), a range as
 * rows of values, omitted arguments missing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, exampleArguments, sheetsName } from "../../core/index";
import { expectAnswer, liftedExampleArguments } from "../examples";

const dist = join(import.meta.dirname, "../../dist/apps-script");
const source = readFileSync(join(dist, "buyin.js"), "utf8");
let context: vm.Context;

beforeAll(() => {
  context = vm.createContext({});
  vm.runInContext(source, context, { filename: "buyin.js" });
});

function call(name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== "function") throw new Error(`${name} is not a global function`);
  return fn(...args);
}

describe("dist/apps-script/buyin.js", () => {
  it("declares every catalog function as a global with @customfunction JSDoc", () => {
    for (const spec of catalog) {
      const name = sheetsName(spec);
      expect(typeof (context as Record<string, unknown>)[name]).toBe("function");
      const declaration = source.indexOf(`function ${name}(`);
      const doc = source.slice(source.lastIndexOf("/**", declaration), declaration);
      expect(doc).toContain(spec.summary);
      expect(doc).toContain("@customfunction");
      expect(doc).toContain(`Example: =${name}(`);
      for (const parameter of spec.parameters)
        expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${parameter.name}\\]? `));
    }
  });

  it("ships appsscript.json for the V8 runtime with no OAuth scope beyond what it uses", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual([]);
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: the example with single cells",
    (_id, spec) => {
      // Sheets passes a single cell as its value, a range as rows.
      const args = exampleArguments(spec).map((grid) =>
        grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid,
      );
      expectAnswer(call(sheetsName(spec), ...args), spec.example.value);
    },
  );

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: over a range with a blank row",
    (_id, spec) => {
      const args = liftedExampleArguments(spec, "");
      if (!args) return;
      const result = call(sheetsName(spec), ...args) as unknown[][];
      expect(result.map((row) => row.length)).toEqual([1, 1, 1]);
      expectAnswer(result[0]?.[0], spec.example.value);
      expect(result[1]?.[0]).toBe("");
      expectAnswer(result[2]?.[0], spec.example.value);
    },
  );

  it("throws a single failing answer as an Error whose message starts with the error text", () => {
    expect(() => call("BUYIN_ROI", 100, 0)).toThrow(/^#DIV\/0! BUYIN\.ROI: costs is 0, and it divides$/);
    expect(() => call("BUYIN_ROI", 100)).toThrow(/^#VALUE! BUYIN\.ROI: costs is required$/);
    expect(() => call("BUYIN_PAYBACK", [[-10], [1]])).toThrow(
      /^#N\/A BUYIN\.PAYBACK: the cumulative cash flow never/,
    );
  });

  it("shows a failing row of a range as its error text, keeping the other rows", () => {
    const result = call("BUYIN_BCR", [[200], ["lots"], [300]], [[100], [100], [-1]]);
    expect(result).toEqual([[2], ["#VALUE!"], ["#NUM!"]]);
  });

  it("reads date cells (Date objects of the script's realm) as serial numbers", () => {
    const date = vm.runInContext("new Date(2008, 0, 1)", context);
    // A date in an amount's place is its serial number, as in Sheets arithmetic.
    expect(call("BUYIN_NETBENEFIT", date, 448)).toBe(39000);
  });
});

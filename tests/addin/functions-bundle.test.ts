/**
 * The built Excel bundle, dist/addin/functions.js, loaded as Excel's shared runtime loads it (a
 * classic script) into a vm whose `CustomFunctions` holds only what office.js has put there by
 * then; `Error` and `ErrorCode` arrive afterwards, with Excel's host script, and only then does
 * Excel call the functions, the way it calls matrix parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, exampleArguments, excelName, FormulaError, invoke } from "../../core/index";
import { expectAnswer, expectExample, liftedExampleArguments } from "../examples";
import { HostCustomFunctionsError, loadFunctionsBundle } from "./custom-functions-host";

const dist = join(import.meta.dirname, "../../dist/addin");

/** What Excel shows for each kind of FormulaError (docs/ARCHITECTURE.md, Errors; ErrorCode's values above). */
const EXCEL_CODE = { VALUE: "#VALUE!", NA: "#N/A", DIV0: "#DIV/0!", NUM: "#NUM!" } as const;

let associated: Record<string, (...args: unknown[]) => unknown> = {};
let keysAtLoad: string[] = [];
let warnings: string[] = [];

beforeAll(() => {
  ({ associated, keysAtLoad, warnings } = loadFunctionsBundle());
});

function call(id: string, ...args: unknown[]): unknown {
  const handler = associated[id];
  if (!handler) throw new Error(`${id} is not associated`);
  return handler(...args);
}

function thrown(run: () => unknown): HostCustomFunctionsError {
  try {
    run();
  } catch (error) {
    return error as HostCustomFunctionsError;
  }
  throw new Error("expected a throw");
}

describe("dist/addin/functions.js", () => {
  it("is a classic script, not a module", () => {
    const source = readFileSync(join(dist, "functions.js"), "utf8");
    expect(() => new vm.Script(source)).not.toThrow();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("associates every catalog function synchronously at load, with nothing but what office.js defines", () => {
    expect(keysAtLoad.sort()).toEqual(["_association", "associate", "delayInitialization"]);
    expect(Object.keys(associated).sort()).toEqual(catalog.map(excelName).sort());
    expect(warnings).toEqual([]);
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: the example, as Excel passes it",
    (_id, spec) => {
      // Matrix parameters: a single cell arrives as [[value]], a range as rows of cells.
      const result = call(excelName(spec), ...exampleArguments(spec)) as unknown[][];
      expectExample(result, spec);
    },
  );

  it.each(catalog.map((spec) => [spec.id, spec] as const))("%s: lifted over a 3-row range", (_id, spec) => {
    const args = liftedExampleArguments(spec, null);
    if (!args) return;
    const result = call(excelName(spec), ...args) as unknown[][];
    expect(result).toHaveLength(3);
    expectAnswer(result[0]?.[0], spec.example.value);
    expect(result[1]?.[0]).toBe("");
    expectAnswer(result[2]?.[0], spec.example.value);
  });

  /** core's own answer for these arguments: the FormulaError functions.js must translate. */
  function coreFailure(id: string, args: unknown[][][]): FormulaError {
    const spec = catalog.find((candidate) => excelName(candidate) === id);
    if (!spec) throw new Error(`no catalog function ${id}`);
    const answer = invoke(spec, args as Parameters<typeof invoke>[1]).cells[0]?.[0];
    if (!(answer instanceof FormulaError)) throw new Error(`${id} does not fail on these arguments`);
    return answer;
  }

  it.each([
    ["ROI", [[[100]], [[0]]]],
    ["ROI", [[["abc"]], [[1]]]],
    ["PAYBACK", [[[-10], [1]]]],
    ["ADJBENEFIT", [[[100]], [[60]], [[0.5]]]],
  ] as const)(
    "%s(%j): a single failing answer is thrown as the host's CustomFunctions.Error, code by kind",
    (id, args) => {
      const expected = coreFailure(id, args as unknown as unknown[][][]);
      const error = thrown(() => call(id, ...args));
      expect(error).toBeInstanceOf(HostCustomFunctionsError);
      expect(error.code).toBe(EXCEL_CODE[expected.kind]);
      expect(error.message).toBe(expected.message);
      expect(error.message).toMatch(/^BUYIN\.[A-Z]+: /);
    },
  );

  it("puts a failing row's error in that row only, passes Excel errors through, and omits nothing", () => {
    const result = call(
      "ROI",
      [[200], [100], [new HostCustomFunctionsError("#N/A")], [300]],
      [[100], [0], [100], [null]],
    ) as unknown[][];
    expect(result[0]?.[0]).toBe(1);
    const errorAt = (row: number) => (result[row] as unknown[])[0] as HostCustomFunctionsError;
    for (const row of [1, 2, 3]) expect(errorAt(row)).toBeInstanceOf(HostCustomFunctionsError);
    // A zero cost breaks ROI's rule (costs > 0): #VALUE!, whose message Excel shows.
    expect(errorAt(1).code).toBe("#VALUE!");
    expect(errorAt(2).code).toBe("#N/A");
    expect(errorAt(3).message).toBe(coreFailure("ROI", [[[300]], [[null]]]).message);
  });
});

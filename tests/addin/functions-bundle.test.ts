/**
 * The built Excel bundle, dist/addin/functions.js, loaded as Excel's shared runtime would load it
 * (a classic script) into a vm with a fake `CustomFunctions`, and every catalog function called
 * through it the way Excel calls matrix parameters.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, exampleArguments, excelName } from "../../core/index";
import { expectAnswer, liftedExampleArguments } from "../examples";

const dist = join(import.meta.dirname, "../../dist/addin");

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

type Handler = (...args: unknown[]) => unknown;
const associated = new Map<string, Handler>();

beforeAll(() => {
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, handler: Handler) => {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, handler);
      },
      Error: FakeCustomFunctionsError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    },
  });
  vm.runInContext(readFileSync(join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
});

function call(id: string, ...args: unknown[]): unknown {
  const handler = associated.get(id);
  if (!handler) throw new Error(`${id} is not associated`);
  return handler(...args);
}

function thrown(run: () => unknown): FakeCustomFunctionsError {
  try {
    run();
  } catch (error) {
    return error as FakeCustomFunctionsError;
  }
  throw new Error("expected a throw");
}

describe("dist/addin/functions.js", () => {
  it("is a classic script, not a module", () => {
    const source = readFileSync(join(dist, "functions.js"), "utf8");
    expect(() => new vm.Script(source)).not.toThrow();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("associates every catalog function synchronously at load, and nothing else", () => {
    expect([...associated.keys()].sort()).toEqual(catalog.map(excelName).sort());
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))(
    "%s: the example, as Excel passes it",
    (_id, spec) => {
      // Matrix parameters: a single cell arrives as [[value]], a range as rows of cells.
      const result = call(excelName(spec), ...exampleArguments(spec)) as unknown[][];
      expect(result).toHaveLength(1);
      expectAnswer(result[0]?.[0], spec.example.value);
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

  it("throws a single failing answer as a CustomFunctions.Error with its code and message", () => {
    const error = thrown(() => call("ROI", [[100]], [[0]]));
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "BUYIN.ROI: costs must be greater than 0, got 0; a blank cell may reach the function as 0 in some Excel versions",
    );
    expect(thrown(() => call("PAYBACK", [[-10], [1]])).code).toBe("#N/A");
    expect(thrown(() => call("ADJBENEFIT", [[100]], [[60]], [[0.5]])).code).toBe("#VALUE!");
    expect(thrown(() => call("ROI", [[1e308]], [[1e-10]])).code).toBe("#NUM!");
    expect(thrown(() => call("ROI", [["#DIV/0!"]], [[1]])).code).toBe("#DIV/0!");
    expect(thrown(() => call("ROI", [["abc"]], [[1]])).code).toBe("#VALUE!");
  });

  it("puts a failing row's error in that row only, passes Excel errors through, and omits nothing", () => {
    const result = call(
      "ROI",
      [[200], [100], [{ code: "#N/A" }], [300]],
      [[100], [0], [100], [null]],
    ) as unknown[][];
    expect(result[0]?.[0]).toBe(1);
    const errorAt = (row: number) => (result[row] as unknown[])[0] as FakeCustomFunctionsError;
    expect(errorAt(1).code).toBe("#VALUE!");
    expect(errorAt(2).code).toBe("#N/A");
    expect(errorAt(3).message).toBe("BUYIN.ROI: costs is blank");
  });
});

describe("dist/addin/functions.json", () => {
  const metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as {
    functions: {
      id: string;
      name: string;
      description: string;
      parameters: { name: string; type: string; dimensionality: string; optional?: boolean }[];
      result: { type: string; dimensionality: string };
      options: Record<string, boolean>;
    }[];
  };

  it("declares exactly the catalog, in order, with matching parameters", () => {
    expect(metadata.functions.map((entry) => entry.id)).toEqual(catalog.map(excelName));
    metadata.functions.forEach((entry, index) => {
      const spec = catalog[index];
      if (!spec) throw new Error("catalog shorter than metadata");
      expect(entry.name).toBe(excelName(spec));
      expect(entry.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(entry.description).toContain(spec.summary);
      expect(entry.parameters.map((parameter) => parameter.name)).toEqual(spec.parameters.map((p) => p.name));
      for (const parameter of entry.parameters) {
        expect(parameter).toMatchObject({ type: "any", dimensionality: "matrix" });
        const declared = spec.parameters.find((candidate) => candidate.name === parameter.name);
        expect(parameter.optional ?? false).toBe(Boolean(declared?.optional));
      }
      expect(entry.result).toEqual({ type: "any", dimensionality: "matrix" });
      expect(entry.options.allowErrorForDataTypeAny).toBe(true);
    });
  });
});

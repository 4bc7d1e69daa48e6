/** Shared by the tests that run every catalog example through a host bundle. */
import { expect } from "vitest";
import { exampleArguments, type FunctionSpec, type TableAnswer } from "../core/index";

export function expectAnswer(actual: unknown, expected: number | string | TableAnswer): void {
  if (typeof expected === "string") expect(actual).toBe(expected);
  else if (typeof expected === "number") expect(actual).toBeCloseTo(expected, 10);
  else {
    // A table answer: the same shape, each cell as above.
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[][];
    expect(rows.map((row) => row.length)).toEqual(expected.map((row) => row.length));
    expected.forEach((row, index) => {
      row.forEach((cell, column) => {
        expectAnswer(rows[index]?.[column], cell);
      });
    });
  }
}

/** A host's answer grid to the example: one cell, or for a table function the whole table. */
export function expectExample(grid: readonly (readonly unknown[])[], spec: FunctionSpec): void {
  if (spec.result.format === "table") {
    expectAnswer(grid, spec.example.value);
    return;
  }
  expect(grid).toHaveLength(1);
  expectAnswer(grid[0]?.[0], spec.example.value);
}

/**
 * The example's arguments with the first lifted-per-cell parameter turned into three rows: the
 * example value, a blank (`blank`, as the host passes one) and the value again. `undefined` for a
 * function that lifts nothing, and for a table function, which takes single cells.
 */
export function liftedExampleArguments(spec: FunctionSpec, blank: null | ""): unknown[][][] | undefined {
  const first = spec.parameters.findIndex((parameter) => parameter.kind === "scalar");
  if (first < 0 || spec.result.format === "table") return undefined;
  const args = exampleArguments(spec);
  const value = args[first]?.[0]?.[0];
  args[first] = [[value], [blank], [value]];
  return args;
}

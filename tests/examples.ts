/** Shared by the tests that run every catalog example through a host bundle. */
import { expect } from "vitest";
import { exampleArguments, type FunctionSpec } from "../core/index";

export function expectAnswer(actual: unknown, expected: number | string): void {
  if (typeof expected === "string") expect(actual).toBe(expected);
  else expect(actual).toBeCloseTo(expected, 10);
}

/**
 * The example's arguments with the first lifted-per-cell parameter turned into three rows: the
 * example value, a blank (`blank`, as the host passes one) and the value again.
 */
export function liftedExampleArguments(spec: FunctionSpec, blank: null | ""): unknown[][][] | undefined {
  const first = spec.parameters.findIndex((parameter) => parameter.kind === "scalar");
  if (first < 0) return undefined;
  const args = exampleArguments(spec);
  const value = args[first]?.[0]?.[0];
  args[first] = [[value], [blank], [value]];
  return args;
}

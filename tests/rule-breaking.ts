/**
 * Arguments that break a catalog parameter's input rule, derived from its zod schema and value
 * type, for the catalog-wide tests (core and host bundles) that check every such input is refused
 * with `#VALUE!` and a message naming the function and the parameter.
 */
import fc from "fast-check";
import { toJSONSchema } from "zod/v4/core";
import { exampleArguments, type FunctionSpec, type ParameterSpec } from "../core/index";

export interface RuleBreakingCall {
  /** The parameter whose rule the call breaks. */
  readonly parameter: ParameterSpec;
  /** The example's arguments as Excel passes them (each a grid), one replaced by a rule breaker. */
  readonly args: unknown[][][];
}

/** Text no coercion reads as a number, a level name or a quadrant name: it begins with "x". */
const junkText = fc.string({ maxLength: 12 }).map((text) => `x${text}`);

/** Cells a number parameter of any rule refuses: text, booleans, objects, signed accounting text. */
const junkCell: fc.Arbitrary<unknown> = fc.oneof(
  junkText,
  fc.boolean(),
  fc.constant({}),
  fc.integer({ min: 1, max: 1000 }).map((amount) => `(-${amount})`),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

function accepts(parameter: ParameterSpec, value: unknown): boolean {
  return parameter.schema.safeParse(value).success;
}

/** Probes at and just past each bound the schema states, so edges are tried every run. */
function boundaryProbes(parameter: ParameterSpec): number[] {
  const whole = toJSONSchema(parameter.schema as never) as Record<string, unknown>;
  // A sample's bounds are its items'.
  const schema = (whole.items as Record<string, unknown> | undefined) ?? whole;
  const bounds = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum].filter(
    (bound): bound is number => typeof bound === "number",
  );
  return [0, -0, ...bounds.flatMap((bound) => [bound, bound - 1e-9, bound + 1e-9, bound - 1, bound + 1])];
}

/** Numbers the parameter's schema rejects: past its bounds, off its enum, non-integers, non-finite. */
function numbersOutside(parameter: ParameterSpec): fc.Arbitrary<number> {
  return fc
    .oneof(
      fc.constantFrom(...boundaryProbes(parameter)),
      fc.integer({ min: -20, max: 20 }),
      fc.double({ min: -20, max: 20, noNaN: true }),
      fc.double(),
    )
    .filter((value) => !accepts(parameter, value));
}

/** One cell that breaks a scalar parameter's rule. */
function badScalarCell(parameter: ParameterSpec): fc.Arbitrary<unknown> {
  const cells: fc.Arbitrary<unknown>[] = [numbersOutside(parameter), junkCell];
  // A score or a level is no percentage: "300%" must not pass as 3.
  if (parameter.type === "score" || parameter.type === "engagement")
    cells.push(fc.integer({ min: 1, max: 10 }).map((level) => `${level * 100}%`));
  if (parameter.type === "quadrant") cells.push(fc.integer({ min: 1, max: 4 }));
  return fc.oneof(...cells);
}

/** A range that breaks a series or row parameter's rule, as rows (a column for a series). */
function badRange(parameter: ParameterSpec, example: readonly number[]): fc.Arbitrary<unknown[][]> {
  const shape = (cells: unknown[]) => (parameter.kind === "row" ? [cells] : cells.map((cell) => [cell]));
  const withCell = (cell: fc.Arbitrary<unknown>) =>
    fc.tuple(fc.nat({ max: example.length - 1 }), cell).map(([at, bad]) => {
      const cells: unknown[] = [...example];
      cells[at] = bad;
      return shape(cells);
    });
  const ranges: fc.Arbitrary<unknown[][]>[] = [withCell(junkCell)];
  if (parameter.kind === "sample") {
    // Blanks in a sample are skipped, so a blank is no rule break; a value off the scale is, and
    // in a paired sample a learner with one score but not the other.
    const offScale = [...boundaryProbes(parameter), 0.5, 7.5, 11, -1, 101].filter(
      (value) =>
        !accepts(
          parameter,
          example.map((cell, index) => (index === 0 ? value : cell)),
        ),
    );
    if (offScale.length > 0) ranges.push(withCell(fc.constantFrom(...offScale)));
    if (parameter.pairedWith) ranges.push(withCell(fc.constant(null)));
  }
  // A blank between values would shift every later period; in a row, every score is needed.
  else if (example.length >= 3)
    ranges.push(
      fc
        .integer({ min: 1, max: example.length - 2 })
        .map((at) => shape(example.map((value, index) => (index === at ? null : value)))),
    );
  const { minItems = 1 } = toJSONSchema(parameter.schema as never) as { minItems?: number };
  if (minItems > 1) ranges.push(fc.constant(shape(example.slice(0, minItems - 1))));
  if (!parameter.optional && (parameter.kind === "series" || parameter.kind === "sample"))
    ranges.push(fc.constant(shape(example.map(() => null))));
  return fc.oneof(...ranges);
}

/** Calls of `spec` with its example's arguments, one argument replaced by one that breaks its rule. */
export function ruleBreakingCalls(spec: FunctionSpec): fc.Arbitrary<RuleBreakingCall> {
  const calls = spec.parameters.map((parameter, index) => {
    const bad =
      parameter.kind === "scalar"
        ? badScalarCell(parameter).map((cell) => [[cell]])
        : badRange(parameter, (spec.example.args[index] as readonly number[] | undefined) ?? [1, 2, 3]);
    return bad.map((grid) => {
      const args = exampleArguments(spec);
      args[index] = grid;
      return { parameter, args };
    });
  });
  return fc.oneof(...calls);
}

/** Whether a refusal's message names the parameter ("cash_flows" may read "cash flows"). */
export function namesParameter(message: string, parameter: ParameterSpec): boolean {
  return message.replaceAll("_", " ").includes(parameter.name.replaceAll("_", " "));
}

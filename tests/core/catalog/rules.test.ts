/**
 * Input rules, catalog-wide: every input a parameter's rule excludes is refused with `#VALUE!`
 * (the kind whose message Excel shows), naming the function and the parameter; a 0 where a rule
 * excludes 0 says a blank cell may have reached the function as 0 (OfficeDev/office-js issues
 * 4702 and 5262: some Excel builds pass a blank cell to a custom function as 0).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  catalog,
  exampleArguments,
  FormulaError,
  type FunctionSpec,
  findFunction,
  invoke,
  type ParameterSpec,
} from "../../../core/index";
import { namesParameter, ruleBreakingCalls } from "../../rule-breaking";

const BLANK_HINT = "a blank cell may reach the function as 0 in some Excel versions";

function only(spec: FunctionSpec, args: readonly unknown[]): unknown {
  const { cells } = invoke(spec, args as never);
  expect(cells).toHaveLength(1);
  expect(cells[0]).toHaveLength(1);
  return cells[0]?.[0];
}

function expectRefusal(spec: FunctionSpec, parameter: ParameterSpec, answer: unknown): FormulaError {
  expect(answer).toBeInstanceOf(FormulaError);
  const error = answer as FormulaError;
  expect(error.kind).toBe("VALUE");
  expect(error.message.startsWith(`${spec.id}: `)).toBe(true);
  expect(namesParameter(error.message, parameter)).toBe(true);
  return error;
}

describe.each(catalog.map((spec) => [spec.id, spec] as const))("%s", (_id, spec) => {
  it("refuses every input its parameters' rules exclude with #VALUE!, naming itself and the parameter", () => {
    fc.assert(
      fc.property(ruleBreakingCalls(spec), ({ parameter, args }) => {
        expectRefusal(spec, parameter, only(spec, args));
      }),
      { numRuns: 400 },
    );
  });

  it("says a 0 may be a blank cell wherever a parameter's rule excludes 0", () => {
    const zeroless = spec.parameters
      .map((parameter, index) => ({ parameter, index }))
      .filter(({ parameter }) => parameter.kind === "scalar" && !parameter.schema.safeParse(0).success);
    for (const { parameter, index } of zeroless) {
      const args = exampleArguments(spec);
      args[index] = [[0]];
      const error = expectRefusal(spec, parameter, only(spec, args));
      expect(error.message).toMatch(
        /got (the number )?0; a blank cell may reach the function as 0 in some Excel versions$/,
      );
    }
  });

  it("refuses more arguments than it has parameters, as Excel does", () => {
    const args = [...exampleArguments(spec)];
    while (args.length <= spec.parameters.length) args.push([[1]]);
    const answer = only(spec, args) as FormulaError;
    expect(answer.kind).toBe("VALUE");
    expect(answer.message).toBe(
      `${spec.id}: takes at most ${spec.parameters.length} argument${spec.parameters.length === 1 ? "" : "s"} (${spec.parameters.map((parameter) => parameter.name).join(", ")}), got ${args.length}`,
    );
  });
});

describe("the parameters where 0 is impossible", () => {
  // The walk above finds them from the schemas; this list says which they are, so a schema that
  // starts accepting 0 by mistake is noticed.
  it("are the costs that divide, the runs and seed, the scores, the levels, the scales, the threshold, the counts that divide and the choices", () => {
    const zeroless = catalog.flatMap((spec) =>
      spec.parameters
        .filter((parameter) => parameter.kind === "scalar" && !parameter.schema.safeParse(0).success)
        .map((parameter) => `${spec.id} ${parameter.name}`),
    );
    expect(zeroless).toEqual([
      "BUYIN.ROI costs",
      "BUYIN.BCR costs",
      "BUYIN.BREAKEVEN net_benefit_per_unit",
      "BUYIN.ROISIM cost_low",
      "BUYIN.ROISIM cost_likely",
      "BUYIN.ROISIM cost_high",
      "BUYIN.ROISIM iterations",
      "BUYIN.ROISIM seed",
      "BUYIN.QUADRANT power",
      "BUYIN.QUADRANT interest",
      "BUYIN.QUADRANT scale_max",
      "BUYIN.QUADRANT threshold",
      "BUYIN.SALIENCE power",
      "BUYIN.SALIENCE legitimacy",
      "BUYIN.SALIENCE urgency",
      "BUYIN.SALIENCE scale_max",
      "BUYIN.SALIENCE threshold",
      "BUYIN.ENGAGEGAP current",
      "BUYIN.ENGAGEGAP desired",
      "BUYIN.CHAMPION interest",
      "BUYIN.CHAMPION influence",
      "BUYIN.CHAMPION engagement",
      "BUYIN.CHAMPION scale_max",
      "BUYIN.CADENCE quadrant",
      "BUYIN.COMPLETION assigned",
      "BUYIN.TOPBOX scale_max",
      "BUYIN.TOPBOX boxes",
      "BUYIN.NGAIN max_score",
      "BUYIN.EFFECTSIZE method",
      "BUYIN.PAIREDT output",
      "BUYIN.KPISTATUS direction",
      "BUYIN.QUICKWIN impact",
      "BUYIN.QUICKWIN visibility",
      "BUYIN.QUICKWIN effort",
    ]);
  });

  it("include PRIORITY's weights taken together: all 0 may be blank cells", () => {
    const priority = findFunction("BUYIN.PRIORITY") as FunctionSpec;
    const answer = only(priority, [[[5, 3, 4]], [[0], [0], [0]]]) as FormulaError;
    expect(answer.kind).toBe("VALUE");
    expect(answer.message).toBe(
      `BUYIN.PRIORITY: weights must not all be 0 (give one a positive weight, or leave weights out for equal weights); ${BLANK_HINT}`,
    );
  });
});

/**
 * Hostile input through the built Excel bundle, dist/addin/functions.js: every input rule a
 * catalog parameter states is refused with `#VALUE!` (the kind whose message Excel shows) and a
 * message naming the function, and the rough edges of issue 7 item 10 stay fixed.
 *
 * The bundle is loaded as office.js loads it. While functions.js runs, `CustomFunctions` holds only
 * `associate`, `delayInitialization` and `_association`
 * (node_modules/@microsoft/office-js/dist/office.debug.js 1404-1420); `Error` and `ErrorCode` are
 * added later by Excel's host script (excel-win32-16.01.debug.js 59740-59741), before Excel calls
 * any function.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { catalog, excelName } from "../../core/index";
import { ruleBreakingCalls } from "../rule-breaking";
import { HostCustomFunctionsError, loadFunctionsBundle } from "./custom-functions-host";

const BLANK_HINT = "a blank cell may reach the function as 0 in some Excel versions";

let associated: Record<string, (...args: unknown[]) => unknown> = {};

beforeAll(() => {
  ({ associated } = loadFunctionsBundle());
});

/** Calls a function as Excel calls matrix parameters; an error thrown or in the single cell is returned. */
function call(name: string, ...args: unknown[]): unknown {
  const handler = associated[name];
  if (!handler) throw new Error(`${name} is not associated`);
  try {
    const result = handler(...args) as unknown[][];
    return result.length === 1 && result[0]?.length === 1 ? result[0][0] : result;
  } catch (error) {
    return error;
  }
}

function refusal(name: string, ...args: unknown[]): string {
  const error = call(name, ...args) as HostCustomFunctionsError;
  expect(error).toBeInstanceOf(HostCustomFunctionsError);
  expect(error.code).toBe("#VALUE!");
  return error.message;
}

describe.each(catalog.map((spec) => [spec.id, spec] as const))("%s in Excel", (_id, spec) => {
  it("answers #VALUE! naming itself for every input its parameters' rules exclude", () => {
    fc.assert(
      fc.property(ruleBreakingCalls(spec), ({ args }) => {
        const error = call(excelName(spec), ...args) as HostCustomFunctionsError;
        expect(error).toBeInstanceOf(HostCustomFunctionsError);
        expect(error.code).toBe("#VALUE!");
        expect(error.message.startsWith(`${spec.id}: `)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("hostile cells in Excel", () => {
  it('reads "(5)" as -5 and refuses "(-5)"', () => {
    expect(call("NETBENEFIT", [["(5)"]], [[0]])).toBe(-5);
    expect(refusal("NETBENEFIT", [["(-5)"]], [[0]])).toBe(
      'BUYIN.NETBENEFIT: benefits must be a number, got the text "(-5)"',
    );
  });

  it('refuses "300%" as an engagement level', () => {
    expect(refusal("ENGAGEGAP", [["300%"]], [["Leading"]])).toMatch(
      /^BUYIN\.ENGAGEGAP: current must be an engagement level \(.*\), got the text "300%"$/,
    );
  });

  it("gives PRIORITY over blank weight cells equal weights", () => {
    expect(call("PRIORITY", [[5, 3, 4]], [[null], [null], [null]])).toBe(4);
  });

  it("says CADENCE(3) wants a quadrant name", () => {
    expect(refusal("CADENCE", [[3]])).toBe(
      "BUYIN.CADENCE: quadrant must be a quadrant name (Manage closely, Keep satisfied, Keep informed, Monitor), got the number 3",
    );
  });

  it("quotes at most 40 characters of a 50,000-character text", () => {
    const message = refusal("CADENCE", [["x".repeat(50_000)]]);
    expect(message).toBe(
      `BUYIN.CADENCE: quadrant must be one of Manage closely, Keep satisfied, Keep informed, Monitor, got "${"x".repeat(40)}"`,
    );
  });
});

describe("a blank cell passed as 0 (office-js issues 4702 and 5262)", () => {
  it.each([
    ["ROI", [[[250000]], [[0]]], `BUYIN.ROI: costs must be greater than 0, got 0; ${BLANK_HINT}`],
    ["BCR", [[[250000]], [[0]]], `BUYIN.BCR: costs must be greater than 0, got 0; ${BLANK_HINT}`],
    [
      "BREAKEVEN",
      [[[50000]], [[0]]],
      `BUYIN.BREAKEVEN: net benefit per unit must be greater than 0 (at 0 no volume breaks even), got 0; ${BLANK_HINT}`,
    ],
    [
      "QUADRANT",
      [[[4]], [[2]], [[0]]],
      `BUYIN.QUADRANT: scale_max must be 5 (a 1–5 scale) or 10 (a 1–10 scale), got 0; ${BLANK_HINT}`,
    ],
    [
      "QUADRANT",
      [[[4]], [[2]], [[5]], [[0]]],
      `BUYIN.QUADRANT: threshold must lie on the 1–5 scale, got 0; ${BLANK_HINT}`,
    ],
    [
      "SALIENCE",
      [[[0]], [[4]], [[1]]],
      `BUYIN.SALIENCE: power must be a score from 1 to 5, got 0; ${BLANK_HINT}`,
    ],
    [
      "ENGAGEGAP",
      [[[0]], [["Leading"]]],
      `BUYIN.ENGAGEGAP: current must be a level from 1 (Unaware) to 5 (Leading), got 0; ${BLANK_HINT}`,
    ],
    [
      "CHAMPION",
      [[[5]], [[4]], [["Supportive"]], [[0]]],
      `BUYIN.CHAMPION: scale_max must be 5 (a 1–5 scale) or 10 (a 1–10 scale), got 0; ${BLANK_HINT}`,
    ],
    [
      "PRIORITY",
      [[[5, 3, 4]], [[0], [0], [0]]],
      `BUYIN.PRIORITY: weights must not all be 0 (give one a positive weight, or leave weights out for equal weights); ${BLANK_HINT}`,
    ],
    [
      "CADENCE",
      [[[0]]],
      `BUYIN.CADENCE: quadrant must be a quadrant name (Manage closely, Keep satisfied, Keep informed, Monitor), got the number 0; ${BLANK_HINT}`,
    ],
  ] as const)("%s(%j) explains itself with #VALUE!", (name, args, message) => {
    expect(refusal(name, ...args)).toBe(message);
  });
});

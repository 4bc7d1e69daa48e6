/** Sample parameters (ratings, pre and post scores) and word choices, through the catalog's invoke. */
import { describe, expect, it } from "vitest";
import { FormulaError, type FunctionSpec, findFunction, invoke } from "../../../core/index";

const spec = (id: string) => findFunction(id) as FunctionSpec;
const column = (values: unknown[]) => values.map((value) => [value]);
const answer = (id: string, ...args: unknown[]) => invoke(spec(id), args as never).cells[0]?.[0];

describe("sample parameters", () => {
  it("skip blank ratings wherever they are, as AVERAGE does", () => {
    expect(answer("BUYIN.NPS", column([10, null, 9, "", 3, " ", 6]))).toBe(0);
  });

  it("pair pre with post cell by cell: a learner blank on both sides is left out", () => {
    const withGap = answer("BUYIN.PAIREDT", column([3, 4, null, 5, 8]), column([6, 19, null, 3, 2]), "t");
    expect(withGap).toBe(answer("BUYIN.PAIREDT", column([3, 4, 5, 8]), column([6, 19, 3, 2]), "t"));
  });

  it("refuse a learner with one score but not the other, naming the position", () => {
    const error = answer("BUYIN.EFFECTSIZE", column([3, 4, 5, 8]), column([6, null, 3, 2])) as FormulaError;
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe(
      "BUYIN.EFFECTSIZE: post value 2 is blank but pre value 2 is not: give each learner both scores, or neither",
    );
  });

  it("refuse ranges of different sizes, as Excel's T.TEST type 1 does (there #N/A)", () => {
    const error = answer("BUYIN.PAIREDT", column([1, 2, 3]), column([1, 2])) as FormulaError;
    expect(error.kind).toBe("VALUE");
    expect(error.message).toBe(
      "BUYIN.PAIREDT: pre and post must be ranges of the same size, one cell per learner each: 3 cells and 2",
    );
  });
});

describe("word choices", () => {
  it("match ignoring case and spaces, and default when omitted or blank", () => {
    const pre = column([3, 4, 5, 8, 9, 1, 2, 4, 5]);
    const post = column([6, 19, 3, 2, 14, 4, 5, 17, 1]);
    expect(answer("BUYIN.PAIREDT", pre, post, " DF ")).toBe(8);
    expect(answer("BUYIN.PAIREDT", pre, post)).toBe(answer("BUYIN.PAIREDT", pre, post, "p"));
    expect(answer("BUYIN.PAIREDT", pre, post, [[null]])).toBe(answer("BUYIN.PAIREDT", pre, post, "p"));
    expect(answer("BUYIN.KPISTATUS", 12, 10, "Down")).toBe("Off track");
  });

  it("refuse another word, listing the ones they take", () => {
    const error = answer("BUYIN.EFFECTSIZE", column([1, 2, 3]), column([2, 4, 5]), "cohen") as FormulaError;
    expect(error.message).toBe('BUYIN.EFFECTSIZE: method must be "dz", "dav" or "g", got the text "cohen"');
  });
});

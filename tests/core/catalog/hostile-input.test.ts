/**
 * The catalog's rough edges that hostile input found (issue 7, item 10), each pinned at the
 * catalog's entry point; tests/addin/functions-hostile.test.ts and tests/apps-script/bundle.test.ts
 * try the same through the built bundles.
 */
import { describe, expect, it } from "vitest";
import {
  type CellResult,
  dateToSerial,
  FormulaError,
  type FunctionSpec,
  findFunction,
  invoke,
  isoDateToSerial,
  serialToIsoDate,
  zonedDateToSerial,
} from "../../../core/index";

function spec(id: string): FunctionSpec {
  return findFunction(id) as FunctionSpec;
}

function answer(id: string, ...args: unknown[]): CellResult {
  const { cells } = invoke(spec(id), args as never);
  expect(cells).toHaveLength(1);
  return cells[0]?.[0] as CellResult;
}

function refusal(id: string, ...args: unknown[]): string {
  const result = answer(id, ...args);
  expect(result).toBeInstanceOf(FormulaError);
  expect((result as FormulaError).kind).toBe("VALUE");
  return (result as FormulaError).message;
}

/** A Date whose own calendar fields (local time) are the given day, any year: no 0–99 remapping. */
function localDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  return date;
}

describe("accounting parentheses", () => {
  it('read "(5)" as -5 and refuse "(-5)" rather than read it as +5', () => {
    expect(answer("BUYIN.NETBENEFIT", "(5)", 0)).toBe(-5);
    expect(refusal("BUYIN.NETBENEFIT", "(-5)", 0)).toBe(
      'BUYIN.NETBENEFIT: benefits must be a number, got the text "(-5)"',
    );
  });
});

describe("percentages where a score or a level is wanted", () => {
  it('refuse "300%" as an engagement level, and "400%" as a score, while "3" still reads as 3', () => {
    expect(refusal("BUYIN.ENGAGEGAP", "300%", "Leading")).toBe(
      'BUYIN.ENGAGEGAP: current must be an engagement level (Unaware, Resistant, Neutral, Supportive, Leading, or 1–5), got the text "300%"',
    );
    expect(refusal("BUYIN.QUADRANT", "400%", 2)).toBe(
      'BUYIN.QUADRANT: power must be a score on the scale (a number such as 4, not a percentage), got the text "400%"',
    );
    expect(answer("BUYIN.ENGAGEGAP", "3", "Leading")).toBe(2);
    // A share is a percentage, so there "60%" still reads as 0.6.
    expect(answer("BUYIN.ADJBENEFIT", 1000, "60%", 1)).toBeCloseTo(600, 9);
  });
});

describe("PRIORITY's weights", () => {
  it("over blank cells are the documented default, equal weights", () => {
    expect(answer("BUYIN.PRIORITY", [[5, 3, 4]], [[null], [null], [null]])).toBe(4);
    expect(answer("BUYIN.PRIORITY", [[5, 3, 4]], [[""], [" "], [""]])).toBe(4);
    expect(answer("BUYIN.PRIORITY", [[5, 3, 4]])).toBe(4);
  });
});

describe("CADENCE given a number", () => {
  it("says a quadrant name is expected", () => {
    expect(refusal("BUYIN.CADENCE", 3)).toBe(
      "BUYIN.CADENCE: quadrant must be a quadrant name (Manage closely, Keep satisfied, Keep informed, Monitor), got the number 3",
    );
  });
});

describe("extra arguments", () => {
  it("are refused, as Excel refuses them, rather than ignored", () => {
    expect(refusal("BUYIN.ROI", 250000, 100000, 7)).toBe(
      "BUYIN.ROI: takes at most 2 arguments (benefits, costs), got 3",
    );
  });
});

describe("dates", () => {
  it("that are invalid answer #VALUE! with a message, never throw", () => {
    expect(refusal("BUYIN.NETBENEFIT", new Date(Number.NaN), 0)).toBe(
      "BUYIN.NETBENEFIT: benefits is an invalid date; enter a date the calendar has",
    );
  });

  it("keep years 0–99 as they are, where Date.UTC and new Date(y, …) would read 19xx", () => {
    // Day counts from 1899-12-30 in the proleptic Gregorian calendar, by Python's datetime:
    // (date(50, 1, 1) - date(1899, 12, 30)).days == -675696; (date(99, 12, 31) - …).days == -657435.
    expect(dateToSerial(localDay(50, 0, 1))).toBe(-675696);
    expect(dateToSerial(localDay(99, 11, 31))).toBe(-657435);
    expect(isoDateToSerial("0050-01-01")).toBe(-675696);
    expect(serialToIsoDate(-675696)).toBe("0050-01-01");
    expect(answer("BUYIN.NETBENEFIT", localDay(50, 0, 1), 0)).toBe(-675696);
  });

  it("read in a time zone keep the day the cell shows, for years 0–99 too", () => {
    // Sheets hands a Tokyo cell showing 2008-01-01 as 2007-12-31 15:00 UTC.
    expect(zonedDateToSerial(new Date(Date.UTC(2007, 11, 31, 15)), "Asia/Tokyo")).toBe(39448);
    const yearFifty = new Date(0);
    yearFifty.setUTCFullYear(50, 0, 1);
    expect(zonedDateToSerial(yearFifty, "UTC")).toBe(-675696);
    expect(zonedDateToSerial(new Date(Number.NaN), "UTC")).toBeNaN();
  });
});

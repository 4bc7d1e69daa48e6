import { describe, expect, it } from "vitest";
import {
  BLANK,
  coerceNumber,
  dateToSerial,
  FormulaError,
  isoDateToSerial,
  serialToIsoDate,
} from "../../../core/index";

const coerce = (cell: unknown) => coerceNumber("BUYIN.ROI", "costs", cell as never);

describe("cell coercion, defined once for every function", () => {
  it.each([
    [12, 12],
    [-0.5, -0.5],
    ["12", 12],
    [" 1,200.50 ", 1200.5],
    ["1e3", 1000],
    ["15%", 0.15],
    ["(500)", -500],
    ["(5)", -5],
    ["(12.5%)", -0.125],
    ["-.25", -0.25],
  ])("%j reads as %d", (cell, expected) => {
    expect(coerce(cell)).toBeCloseTo(expected, 12);
  });

  it.each([null, undefined, "", "   "])("%j is blank", (cell) => {
    expect(coerce(cell)).toBe(BLANK);
  });

  it.each([
    ["abc", "VALUE", /BUYIN\.ROI: costs must be a number, got the text "abc"/],
    ["1,2", "VALUE", /got the text "1,2"/],
    ["12 apples", "VALUE", /text/],
    [true, "VALUE", /got TRUE/],
    [false, "VALUE", /got FALSE/],
    [Number.NaN, "VALUE", /costs must be a finite number, got NaN/],
    [Number.POSITIVE_INFINITY, "VALUE", /costs must be a finite number, got Infinity/],
    ["(-5)", "VALUE", /costs must be a number, got the text "\(-5\)"/],
    ["(+5)", "VALUE", /got the text "\(\+5\)"/],
    ["#DIV/0!", "DIV0", /costs is an error value \(#DIV\/0!\)/],
    ["#N/A", "NA", /#N\/A/],
    ["#REF!", "VALUE", /#REF!/],
    [{ code: "#NUM!", message: "from Excel" }, "NUM", /#NUM!/],
    [new FormulaError("NA", "upstream"), "NA", /costs is an error value \(#N\/A\)/],
    [{}, "VALUE", /costs must be a number, got a value that is neither a number nor text/],
    [new Date(Number.NaN), "VALUE", /^BUYIN\.ROI: costs is an invalid date; enter a date the calendar has$/],
  ])("%j is an error of kind %s", (cell, kind, message) => {
    const result = coerce(cell);
    expect(result).toBeInstanceOf(FormulaError);
    expect((result as FormulaError).kind).toBe(kind);
    expect((result as FormulaError).message).toMatch(message);
  });

  it("reads dates as 1900-system serials of the day the cell shows (Excel: 2008-01-01 is 39448)", () => {
    expect(coerce(new Date(2008, 0, 1))).toBe(39448);
    expect(dateToSerial(new Date(1900, 0, 1))).toBe(2);
    expect(dateToSerial(new Date(2026, 10, 29, 12))).toBe(46355.5);
  });
});

describe("date serials and yyyy-mm-dd days", () => {
  it("go both ways, and refuse days no calendar has", () => {
    expect(serialToIsoDate(39448)).toBe("2008-01-01");
    expect(isoDateToSerial("2008-01-01")).toBe(39448);
    expect(isoDateToSerial(" 2024-02-29 ")).toBe(45351);
    expect(isoDateToSerial("2026-02-29")).toBeUndefined();
    expect(isoDateToSerial("01/02/2026")).toBeUndefined();
  });
});

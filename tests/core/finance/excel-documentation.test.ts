/**
 * The worked examples in Microsoft's Excel documentation, pinned at the precision the pages print.
 * Sources: support.microsoft.com, "NPV function", "IRR function", "XNPV function", "XIRR function".
 */
import { describe, expect, it } from "vitest";
import { irr, npv, xirr, xnpv } from "../../../core/index";

/** 2008-01-01 … 2009-04-01 as 1900-system serials, the dates of the XNPV/XIRR examples. */
const DOC_DATES = [39448, 39508, 39751, 39859, 39904];
const DOC_FLOWS = [-10000, 2750, 4250, 3250, 2750];

describe("NPV function (Excel documentation)", () => {
  it("example 1: NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44", () => {
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(1188.44, 2);
  });
  it("example 2: NPV(8%, B3:B7) + B2 = $1,922.06", () => {
    expect(npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000).toBeCloseTo(1922.06, 2);
  });
  it("example 2: NPV(8%, B3:B7, -9000) + B2 = -$3,749.47", () => {
    expect(npv(0.08, [8000, 9200, 10000, 12000, 14500, -9000]) - 40000).toBeCloseTo(-3749.47, 2);
  });
});

describe("IRR function (Excel documentation)", () => {
  const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
  it("after four years: IRR(A2:A6) = -2.1%", () => {
    expect(irr(flows.slice(0, 5))).toBeCloseTo(-0.021, 3);
  });
  it("after five years: IRR(A2:A7) = 8.7%", () => {
    expect(irr(flows)).toBeCloseTo(0.087, 3);
  });
  it("after two years with a guess: IRR(A2:A4, -10%) = -44.4%", () => {
    expect(irr(flows.slice(0, 3), -0.1)).toBeCloseTo(-0.444, 3);
  });
});

describe("XNPV and XIRR functions (Excel documentation)", () => {
  it("XNPV(.09, A2:A6, B2:B6) = 2,086.65", () => {
    expect(xnpv(0.09, DOC_FLOWS, DOC_DATES)).toBeCloseTo(2086.65, 2);
  });
  it("XIRR(A3:A7, B3:B7, 0.1) = 0.373362535 (37.34%)", () => {
    // The page prints 0.373362535; the converged root is 0.37336253352, 1.5e-9 away. Excel stops
    // at a 0.000001% tolerance, BuyIn iterates to the root: its XNPV there is zero to 1e-12.
    const rate = xirr(DOC_FLOWS, DOC_DATES, 0.1);
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(Math.abs(xnpv(rate, DOC_FLOWS, DOC_DATES))).toBeLessThan(1e-12 * 10000);
  });
});

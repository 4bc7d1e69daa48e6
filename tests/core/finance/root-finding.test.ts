/**
 * IRR and XIRR on random and adversarial cash flows: every rate returned is a root of the NPV
 * equation, and every `#NUM!` is a case where an independent dense scan finds no root either.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormulaError, irr, npv, xirr } from "../../../core/index";
import { expectRoot, periods, scanFindsRoot } from "./oracle";

const amount = fc.double({ min: 1, max: 1e7, noNaN: true });
/** Amounts from -1e6 to 1e6; below a thousandth they are 0, so no subnormal dust makes the oracle guess. */
const signedAmount = fc
  .double({ min: -1e6, max: 1e6, noNaN: true })
  .map((value) => (Math.abs(value) < 1e-3 ? 0 : value));

describe("IRR", () => {
  it("finds the root of every conventional investment (one outflow, then inflows)", () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(
          fc.double({ min: 0, max: 1e7, noNaN: true }).map((value) => (value < 1e-3 ? 0 : value)),
          { minLength: 1, maxLength: 119 },
        ),
        (outflow, inflows) => {
          // A root needs 1 + r representable: inflows of at least a millionth of the outflow.
          fc.pre(inflows.reduce((sum, inflow) => sum + inflow, 0) >= 1e-6 * outflow);
          const values = [-outflow, ...inflows];
          const rate = irr(values);
          expectRoot(rate, values, periods(values.length));
          // Excel's identity: NPV(IRR(values), values) = 0 with the first flow undiscounted.
          const check = npv(rate, values.slice(1)) + (values[0] as number);
          expect(Math.abs(check)).toBeLessThanOrEqual(
            1e-8 * values.reduce((sum, value) => sum + Math.abs(value), 0) + 1e-12,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("on arbitrary sign patterns returns a root, or #NUM! only when none exists", () => {
    const flow = fc.oneof(signedAmount, fc.integer({ min: -50, max: 50 }));
    fc.assert(
      fc.property(
        fc.array(flow, { minLength: 2, maxLength: 40 }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        (values, guess) => {
          fc.pre(values.some((value) => value < 0) && values.some((value) => value > 0));
          const years = periods(values.length);
          try {
            expectRoot(irr(values, guess), values, years);
          } catch (error) {
            if (!(error instanceof FormulaError)) throw error;
            expect(error.kind).toBe("NUM");
            expect(scanFindsRoot(values, years)).toBe(false);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it.each([
    ["a 10,000% return", [-1, 101], 100],
    ["a -99% return", [-100, 1], -0.99],
    ["a 360-month mortgage-like series", [-100000, ...new Array(360).fill(599.55)], undefined],
    ["flows of 1e12 and 1e-3 in one series", [-1e12, 1e-3, 1e12 * 1.2], undefined],
    ["a root Newton overshoots from the default guess", [-1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e9], undefined],
    ["two roots, 10% and 20% (guess picks)", [-100, 230, -132], undefined],
  ])("%s", (_label, values, expected) => {
    const rate = irr(values);
    expectRoot(rate, values, periods(values.length));
    if (expected !== undefined) expect(rate).toBeCloseTo(expected, 9);
  });

  it("picks the root nearest the guess when there are two", () => {
    expect(irr([-100, 230, -132], 0.05)).toBeCloseTo(0.1, 12);
    expect(irr([-100, 230, -132], 0.3)).toBeCloseTo(0.2, 12);
  });

  it("finds a double root, where NPV touches zero without crossing", () => {
    // -1 + 2x - x² = -(1 - x)²: zero only at x = 1, that is r = 0.
    const rate = irr([-1, 2, -1]);
    expect(Math.abs(rate)).toBeLessThan(1e-6);
  });

  it("answers #NUM! where no rate above -100% is a root", () => {
    // PV = -1 + 1/(1+r) - 1/(1+r)²: negative for every r > -1.
    expect(() => irr([-1, 1, -1])).toThrow(/BUYIN\.IRR: no rate above -100%/);
  });
});

describe("XIRR", () => {
  const start = 44927; // 2023-01-01
  it("on random dated flows returns a root, or #NUM! only when none exists", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(signedAmount, fc.integer({ min: 0, max: 3650 })), {
          minLength: 2,
          maxLength: 50,
        }),
        (pairs) => {
          const values = pairs.map(([value]) => value);
          const dates = pairs.map(([, offset], index) => (index === 0 ? start : start + offset));
          fc.pre(values.some((value) => value < 0) && values.some((value) => value > 0));
          const years = dates.map((date) => (date - start) / 365);
          try {
            const rate = xirr(values, dates);
            expectRoot(rate, values, years);
          } catch (error) {
            if (!(error instanceof FormulaError)) throw error;
            expect(error.kind).toBe("NUM");
            expect(scanFindsRoot(values, years)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("handles flows on the same day and a 30-year span", () => {
    const values = [-5000, -5000, 800, 800, 30000];
    const dates = [start, start, start + 365, start + 730, start + 30 * 365];
    expectRoot(xirr(values, dates), values, [0, 0, 1, 2, 30]);
  });
});

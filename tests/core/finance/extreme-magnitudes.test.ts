/**
 * Roots that exist are found, whatever the flows' sizes: the README promises `#NUM!` only when no
 * rate above -100% is a root. Flows of 1e308 overflow a plain sum and flows of 5e-324 underflow
 * it; these tests hold IRR, XIRR and payback to the promise on such flows, checked by the
 * independent oracle in ./oracle.ts, which sums in a common scale.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountedPayback, irr, payback, xirr } from "../../../core/index";
import { expectRoot, expectRootOrNone, failure, periods, presentValue, scanFindsRoot } from "./oracle";

describe("IRR on flows a plain sum cannot hold", () => {
  it("-1e308 then three of 1e308: 1 + r is the tribonacci constant, r = 0.839286755214161", () => {
    // PV = 1e308 · (−1 + x + x² + x³) with x = 1/(1 + r); the real root of x³ + x² + x = 1 is
    // 1 / 1.839286755214161…, the tribonacci constant (OEIS A058265).
    const rate = irr([-1e308, 1e308, 1e308, 1e308]);
    expect(Math.abs(rate - 0.839286755214161) / 0.839286755214161).toBeLessThanOrEqual(1e-9);
    expectRoot(rate, [-1e308, 1e308, 1e308, 1e308], periods(4));
  });

  it("-1 then 1e300: r = 1e300 - 1, a rate of 1e302 %", () => {
    // −1 + 1e300 / (1 + r) = 0 at 1 + r = 1e300.
    const rate = irr([-1, 1e300]);
    expect(Math.abs(rate - 1e300) / 1e300).toBeLessThanOrEqual(1e-9);
  });

  it("-1e308 twice then 1e308 three times: a root near r = 0.18", () => {
    // 1e308 · (x⁴ + x³ + x² − x − 1) with x = 1/(1 + r): −0.238 at x = 0.8, +0.295 at x = 0.9.
    const values = [-1e308, -1e308, 1e308, 1e308, 1e308];
    const rate = irr(values);
    expect(rate).toBeGreaterThan(1 / 0.9 - 1);
    expect(rate).toBeLessThan(1 / 0.8 - 1);
    expectRoot(rate, values, periods(5));
  });

  it("alternating ±5e-324, an even count: r = 0, not the guess", () => {
    // 5e-324 · (1 − x + x² − x³) = 5e-324 · (1 − x)(1 + x²): zero only at x = 1, r = 0.
    for (const guess of [0.1, -0.5, 3]) {
      expect(Math.abs(irr([5e-324, -5e-324, 5e-324, -5e-324], guess))).toBeLessThan(1e-9);
    }
  });

  it("alternating ±5e-324, an odd count: #NUM!, as no rate is a root", () => {
    // −5e-324 · (1 − x + x² − x³ + x⁴) = −5e-324 · (1 + x⁵)/(1 + x) < 0 for every x > 0.
    const values = [-5e-324, 5e-324, -5e-324, 5e-324, -5e-324];
    expect(failure(() => irr(values)).kind).toBe("NUM");
    expect(scanFindsRoot(values, periods(5))).toBe(false);
  });

  it("flows from 5e-324 to 1e308 in one series: the root at 1 + r = (1e308 / 5e-324)^(1/100) ≈ 2.06e6", () => {
    // −5e-324 + 1e308 · x¹⁰⁰ = 0 at x¹⁰⁰ = 5e-324 / 1e308: no plain double holds the ratio 5e-632.
    const values = [-5e-324, ...new Array(99).fill(0), 1e308];
    const rate = irr(values);
    const expected = 10 ** ((308 - Math.log10(5e-324)) / 100) - 1;
    expect(Math.abs(rate - expected) / expected).toBeLessThanOrEqual(1e-9);
  });

  it("a root at r = -0.5 that only a scaled sum shows: 10,000 periods of -1, 0.5", () => {
    // Each pair (−1 + 0.5x) x^2k is zero at x = 2, r = -0.5, where x^9999 overflows a plain sum.
    const values = Array.from({ length: 10000 }, (_, period) => (period % 2 === 0 ? -1 : 0.5));
    const rate = irr(values);
    expect(rate).toBeCloseTo(-0.5, 12);
  });
});

describe("XIRR on flows a plain sum cannot hold", () => {
  const start = 44927; // 2023-01-01
  it("-1e308 then three of 1e308 a year apart: the same tribonacci root as IRR", () => {
    const values = [-1e308, 1e308, 1e308, 1e308];
    const rate = xirr(values, [start, start + 365, start + 730, start + 1095]);
    expect(Math.abs(rate - 0.839286755214161) / 0.839286755214161).toBeLessThanOrEqual(1e-9);
  });

  it("a root at 1 + r ≈ 1.2e42 where every outflow term underflows a plain sum at 1 + r = 1e30 (fast-check seed 20261129)", () => {
    // Found by the property test below. Inflows of 0.00835 in all, 3006 and 3007 days out,
    // meet the outflow of 3.9e-262 at 757 days where the terms are ~1e-349; the outflow of
    // 7.09e-180 is 7e-34 of it there. A plain sum at 1e30 holds the inflows (~1e-249) but rounds
    // both outflows (~1e-324) to 0, which once read as "PV > 0 from 1e30 to 1e50".
    const values = [
      0, 0.007088216965226425, 0.0012617979594539272, -3.907854304318861e-262, -7.091458700989095e-180,
    ];
    const offsets = [0, 3006, 3007, 757, 1758];
    const years = offsets.map((offset) => offset / 365);
    const rate = xirr(
      values,
      offsets.map((offset) => start + offset),
    );
    expectRoot(rate, values, years);
    // The inflows lie between 0.00835 · (1 + r)^(−3007/365) and 0.00835 · (1 + r)^(−3006/365),
    // so ln(1 + r) lies between ln(0.00835 / 3.9e-262) / (2250/365) and the same over 2249/365.
    const inflows = (values[1] as number) + (values[2] as number);
    const logRatio = Math.log(inflows / -(values[3] as number));
    expect(Math.log1p(rate)).toBeGreaterThan(logRatio / (2250 / 365) - 1e-9);
    expect(Math.log1p(rate)).toBeLessThan(logRatio / (2249 / 365) + 1e-9);
  });

  it("flows near 1e308 whose inflows and outflows are each below 1.8e308 but not together: #NUM!, not -60% (fast-check seed 1)", () => {
    // At r = -0.6 the plain sums are 2e307 in and 1.6e308 out: PV is -78% of their total, no
    // root, yet the total overflows, and a tolerance of a share of ∞ once passed it as one.
    const values = [
      -8.694424938416833e307, -8.115096222547901e301, 1.325011288531471e301, 5.989827392351329e304,
      -3.0790577563809975e307, 0, -6.380508468220263e305, -8.061925090151272e302, -3.8533219978497926e302,
      4.009952013122971e303,
    ];
    const offsets = [0, 0, 0, 1915, 275, 0, 735, 3635, 2038, 3207];
    expect(
      failure(() =>
        xirr(
          values,
          offsets.map((offset) => start + offset),
        ),
      ).kind,
    ).toBe("NUM");
    expect(
      scanFindsRoot(
        values,
        offsets.map((offset) => offset / 365),
      ),
    ).toBe(false);
  });

  it("10,000 daily flows with no root answer #NUM! (time per call: npm run bench)", () => {
    // All outflows but one inflow on day 5000. With y = (1 + r)^(−1/365) the inflow's term y⁵⁰⁰⁰
    // is outweighed by its neighbours alone: y⁴⁹⁹⁹ + y⁵⁰⁰¹ ≥ 2y⁵⁰⁰⁰ (AM–GM), so PV < 0 at every rate.
    const values = Array.from({ length: 10000 }, (_, day) => (day === 5000 ? 1 : -1));
    const dates = values.map((_, day) => start + day);
    expect(failure(() => xirr(values, dates)).kind).toBe("NUM");
  });
});

describe("payback on flows a plain running sum cannot hold", () => {
  it("PAYBACK(-1e308, -1e308, 1e308, 1e308, 1e308) is 3", () => {
    // Cumulative: −1e308, −2e308, −1e308, 0: zero at the end of period 3, exactly.
    expect(payback([-1e308, -1e308, 1e308, 1e308, 1e308])).toBe(3);
  });

  it("PAYBACK of subnormal flows: -5e-324, 5e-324, 5e-324 pays back at 1", () => {
    expect(payback([-5e-324, 5e-324, 5e-324])).toBe(1);
  });

  it("DPAYBACK(10%, -1e308, -1e308, 1e308 …) is the payback of the same flows scaled down", () => {
    // Scaling every flow by one factor leaves payback as it is: the same flows in units of 1e300.
    const large = [-1e308, -1e308, 1e308, 1e308, 1e308];
    const small = large.map((flow) => flow / 1e300);
    expect(discountedPayback(0.1, large)).toBeCloseTo(discountedPayback(0.1, small), 12);
  });

  it("DPAYBACK at -90% on flows that pass 1e308 once discounted: -1e308, 1e308, 1e308 → 0.1", () => {
    // Discounted: −1e308, then 1e308 / 0.1 = 1e309, which covers the 1e308 outstanding in 0.1 of period 1.
    expect(discountedPayback(-0.9, [-1e308, 1e308, 1e308])).toBeCloseTo(0.1, 12);
  });

  it("DPAYBACK at 1e300 % on flows whose discount factor passes 1e308: -1e-300, 0, 1e300 → 1.01", () => {
    // Discounted: −1e-300, 0, 1e300 / (1e298 + 1)² ≈ 1e-296: the third flow covers the first in 1e-4 of period 2.
    expect(discountedPayback(1e298, [-1e-300, 0, 1e300])).toBeCloseTo(1 + 1e-4, 12);
  });
});

/** A size from 5e-324 to 1.8e308, log-uniform: m · 2^k with the exponent k in [low, high]. */
const size = (low: number, high: number) =>
  fc
    .tuple(fc.double({ min: 1, max: 2, maxExcluded: true, noNaN: true }), fc.integer({ min: low, max: high }))
    .map(([mantissa, exponent]) => mantissa * 2 ** exponent);

/** Flows whose sizes are all huge, all tiny (subnormal), mixed across the whole range, or near one size. */
const flowSizes = fc.oneof(
  fc.constant(size(1000, 1023)),
  fc.constant(size(-1074, -1022)),
  fc.constant(size(-1074, 1023)),
  fc.integer({ min: -1050, max: 1000 }).map((centre) => size(centre, centre + 20)),
);

const signedFlows = (maxLength: number) =>
  flowSizes.chain((sizes) =>
    fc.array(fc.tuple(sizes, fc.boolean(), fc.integer({ min: 0, max: 9 })), { minLength: 2, maxLength }).map(
      // One flow in ten is 0, as in a period without a flow.
      (flows) =>
        flows.map(([magnitude, negative, zero]) => (zero === 0 ? 0 : negative ? -magnitude : magnitude)),
    ),
  );

describe("a root the dense scan brackets is always found (fast-check)", () => {
  it("IRR: a rate whose NPV is within tolerance of 0, or #NUM! only where the scan sees no sign change", () => {
    fc.assert(
      fc.property(signedFlows(30), fc.double({ min: -0.9, max: 2, noNaN: true }), (values, guess) => {
        fc.pre(values.some((value) => value < 0) && values.some((value) => value > 0));
        expectRootOrNone(() => irr(values, guess), values, periods(values.length));
      }),
      { numRuns: 400 },
    );
  });

  it("XIRR: the same on dated flows", () => {
    const start = 44927;
    fc.assert(
      fc.property(
        signedFlows(30).chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.array(fc.integer({ min: 0, max: 3650 }), {
              minLength: values.length,
              maxLength: values.length,
            }),
          ),
        ),
        ([values, offsets]) => {
          fc.pre(values.some((value) => value < 0) && values.some((value) => value > 0));
          const dates = offsets.map((offset, index) => (index === 0 ? start : start + offset));
          const years = dates.map((date) => (date - start) / 365);
          expectRootOrNone(() => xirr(values, dates), values, years);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("the oracle's scaled sum agrees with a plain sum where the plain one is exact enough", () => {
    // A guard on the oracle itself: on ordinary flows, sign and residual share match Σ vᵢ (1 + r)^−tᵢ.
    const values = [-70000, 12000, 15000, 18000, 21000, 26000];
    for (const rate of [-0.5, 0, 0.0866, 0.3]) {
      const plain = values.reduce((sum, flow, period) => sum + flow * (1 + rate) ** -period, 0);
      const total = values.reduce((sum, flow, period) => sum + Math.abs(flow) * (1 + rate) ** -period, 0);
      const { value, magnitude } = presentValue(rate, values, periods(values.length));
      expect(value / magnitude).toBeCloseTo(plain / total, 12);
    }
  });
});

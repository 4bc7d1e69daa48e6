/**
 * The business-case kernels on worked examples. Where no published example gives the exact
 * figure, the expected value is the definition evaluated by hand, shown in the test.
 */
import { describe, expect, it } from "vitest";
import {
  adjustedBenefit,
  bcr,
  breakEven,
  discountedPayback,
  netBenefit,
  payback,
  roi,
  utility,
} from "../../../core/index";

describe("ROI, BCR and net benefit (Phillips ROI Methodology)", () => {
  it("P. P. Phillips, 'Show Me the Money' (ROI Institute): $750,000 on $425,000 → BCR 1.76:1, ROI 76%", () => {
    expect(bcr(750000, 425000)).toBeCloseTo(1.76, 2);
    expect(roi(750000, 425000)).toBeCloseTo(0.76, 2);
  });
  it("Phillips & Phillips (2005), 'ROI Basics', ASTD Press: $60,000 on $20,000 → 3:1 and 200%", () => {
    expect(bcr(60000, 20000)).toBe(3);
    expect(roi(60000, 20000)).toBe(2);
  });
  it("ATD/Phillips learning text (ebrary 'ROI Calculation'): $350,000 on $200,000 → $1.75 back, 75% net", () => {
    expect(bcr(350000, 200000)).toBe(1.75);
    expect(roi(350000, 200000)).toBe(0.75);
  });
  it("ROI = net benefits / costs: 250,000 of benefits on 100,000 of costs is 150%", () => {
    expect(roi(250000, 100000)).toBe(1.5);
    expect(bcr(250000, 100000)).toBe(2.5);
    expect(netBenefit(250000, 100000)).toBe(150000);
  });
  it("ROI = BCR − 1 and ROI × costs = net benefit", () => {
    for (const [benefits, costs] of [
      [120, 80],
      [0, 10],
      [-50, 25],
      [3.3, 7.7],
    ] as const) {
      expect(roi(benefits, costs)).toBeCloseTo(bcr(benefits, costs) - 1, 14);
      expect(roi(benefits, costs) * costs).toBeCloseTo(netBenefit(benefits, costs), 10);
    }
  });
});

describe("adjusted benefit", () => {
  it("gross × attribution × confidence: 100,000 × 60% × 80% = 48,000", () => {
    expect(adjustedBenefit(100000, 0.6, 0.8)).toBeCloseTo(48000, 9);
  });
  it("accepts the ends of the share range", () => {
    expect(adjustedBenefit(5000, 0, 1)).toBe(0);
    expect(adjustedBenefit(5000, 1, 1)).toBe(5000);
  });
});

describe("payback", () => {
  it("Van Horne & Wachowicz, 'Fundamentals of Financial Management', ch. 13 (Basket Wonders): 3.3 years", () => {
    expect(payback([-40000, 10000, 12000, 15000, 10000, 7000])).toBeCloseTo(3.3, 12);
  });
  it("Ross, Westerfield & Jordan, chapter review 9.1: -200, 50, 60, 70, 200 → 3.10 years", () => {
    expect(payback([-200, 50, 60, 70, 200])).toBeCloseTo(3.1, 12);
  });
  it("interpolates within the year: -1000, 500, 400, 300, 100 → 2 + 100/300", () => {
    expect(payback([-1000, 500, 400, 300, 100])).toBeCloseTo(2 + 100 / 300, 14);
  });
  it("is exact when the cumulative flow lands on zero at a period end", () => {
    expect(payback([-600, 200, 200, 200, 200])).toBe(3);
  });
  it("counts from the first time the cumulative flow reaches zero after the investment", () => {
    // cumulative: -100, 20, -80, 40: first reached zero in period 1 at 100/120
    expect(payback([-100, 120, -100, 120])).toBeCloseTo(100 / 120, 14);
  });
  it("handles an investment that comes after time 0", () => {
    // cumulative: 0, -500, -200, 100 → 2 + 200/300
    expect(payback([0, -500, 300, 300])).toBeCloseTo(2 + 200 / 300, 14);
  });
});

describe("discounted payback", () => {
  it("easycalculation.com worked example: 50,000, then 10,000 a year for 8 years at 11% → 7 + 2878.04/4339.26 = 7.66", () => {
    const periods = discountedPayback(0.11, [-50000, ...new Array(8).fill(10000)]);
    expect(periods).toBeCloseTo(7 + 2878.04 / 4339.26, 5);
  });
  it("discounts each period then interpolates: 10% on -1000, 500, 400, 300, 100", () => {
    const [investment, year1, year2, year3] = [-1000, 500 / 1.1, 400 / 1.1 ** 2, 300 / 1.1 ** 3];
    const outstanding = -(investment + year1 + year2);
    expect(discountedPayback(0.1, [-1000, 500, 400, 300, 100])).toBeCloseTo(2 + outstanding / year3, 12);
  });
  it("equals simple payback at a zero rate", () => {
    expect(discountedPayback(0, [-1000, 500, 400, 300, 100])).toBe(payback([-1000, 500, 400, 300, 100]));
  });
  it("is never shorter than simple payback for a positive rate", () => {
    expect(discountedPayback(0.05, [-900, 300, 300, 300, 300])).toBeGreaterThan(
      payback([-900, 300, 300, 300, 300]),
    );
  });
});

describe("break-even", () => {
  it("UVA Darden, Managerial Accounting (Coursera), Company A: 1,000,000 / (1,000 − 600) = 2,500 units", () => {
    expect(breakEven(1000000, 1000 - 600)).toBe(2500);
  });
  it("fixed cost / net benefit per unit: 50,000 / 400 = 125 participants", () => {
    expect(breakEven(50000, 400)).toBe(125);
  });
});

describe("utility (Brogden–Cronbach–Gleser)", () => {
  it("R package personnelSelectionUtility, shp_utility(d = .5, sdy = 50000, n = 100, tenure = 3, cost = 25000): net 7,475,000", () => {
    expect(utility(100, 3, 0.5, 50000, 25000)).toBe(7475000);
  });
  it("ΔU = N × T × d × SDy − C", () => {
    expect(utility(100, 2, 0.5, 10000, 50000)).toBe(100 * 2 * 0.5 * 10000 - 50000);
  });
  it("is minus the cost when training has no effect", () => {
    expect(utility(250, 3, 0, 12000, 80000)).toBe(-80000);
  });
});

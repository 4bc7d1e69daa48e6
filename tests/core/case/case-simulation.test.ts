/**
 * The whole-model Monte Carlo: determinism by seed, the documented draw order (re-run here from
 * the generator and the triangular quantile), a case with zero-width ranges against `businessCase`,
 * and the percentiles of a one-stream case against the triangular distribution's own quantiles.
 */
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  businessCase,
  caseSimulation,
  FormulaError,
  minstdRandom,
  percentileInc,
  SAMPLE_BUSINESS_CASE,
  type SimulationScenarios,
  triangularQuantile,
} from "../../../core/index";

const FLAT = { improvement: 1, costLines: 1, learnerHours: 1 };
const ZERO_WIDTH: SimulationScenarios = { conservative: FLAT, expected: FLAT, optimistic: FLAT };

/**
 * One benefit stream of 15,000 a year for one year (100 units × 150, fully attributed), one cost
 * line of 10,000 and no learner time: ROI = 1.5 m − 1 for an improvement multiplier m.
 */
const ONE_STREAM: BusinessCaseInputs = {
  programme: {
    name: "One stream",
    learners: 0,
    hoursPerLearner: 0,
    hourlyCost: 0,
    horizonYears: 1,
    discountRate: 0,
    shortTerm: false,
  },
  costs: [{ id: "C-001", category: "Delivery and facilitation", timing: "One-off", amount: 10000, year: 0 }],
  benefits: [
    {
      id: "B-001",
      name: "Output",
      measure: "Units",
      improvement: 100,
      valuePerUnit: 150,
      attribution: 1,
      confidence: 1,
      firstYear: 1,
      rampUpYears: 0,
      durationYears: 1,
    },
  ],
  intangibles: [],
};
/** Only the improvement varies, from half to one and a half times, most likely as entered. */
const IMPROVEMENT_ONLY: SimulationScenarios = {
  conservative: { ...FLAT, improvement: 0.5 },
  expected: FLAT,
  optimistic: { ...FLAT, improvement: 1.5 },
};

describe("caseSimulation", () => {
  it("gives the same result for the same seed, and another for another seed", () => {
    const first = caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 2000, seed: 42 });
    expect(caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 2000, seed: 42 })).toEqual(first);
    expect(caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 2000, seed: 43 }).p50).not.toBe(first.p50);
    expect(first.histogram.reduce((total, bin) => total + bin.count, 0)).toBe(2000);
  });

  it("draws one number a driver each run: streams, then cost lines, then the hours (as documented)", () => {
    const runs = 500;
    const random = minstdRandom(9);
    const { benefits, costs, programme } = SAMPLE_BUSINESS_CASE;
    const base = businessCase(SAMPLE_BUSINESS_CASE);
    // Each driver's share of the base case's counted benefit and cost, from businessCase itself.
    const streamBenefit = benefits.map(
      (stream) => businessCase({ ...SAMPLE_BUSINESS_CASE, benefits: [stream] }).adjustedBenefit,
    );
    const noLines = businessCase({ ...SAMPLE_BUSINESS_CASE, costs: [] }).fullyLoadedCost;
    const lineCost = costs.map(
      (line) => businessCase({ ...SAMPLE_BUSINESS_CASE, costs: [line] }).fullyLoadedCost - noLines,
    );
    expect(noLines).toBeCloseTo(base.learnerTimeCost, 6);
    const rois: number[] = [];
    for (let run = 0; run < runs; run++) {
      let benefit = 0;
      for (const value of streamBenefit) benefit += value * triangularQuantile(random(), 0.75, 1, 1.2);
      let cost = 0;
      for (const value of lineCost) cost += value * triangularQuantile(random(), 0.95, 1, 1.15);
      cost +=
        programme.learners *
        programme.hoursPerLearner *
        programme.hourlyCost *
        triangularQuantile(random(), 1, 1, 1.1);
      rois.push((benefit - cost) / cost);
    }
    rois.sort((a, b) => a - b);
    const simulated = caseSimulation(SAMPLE_BUSINESS_CASE, { runs, seed: 9 });
    expect(simulated.p10).toBeCloseTo(percentileInc(rois, 0.1), 9);
    expect(simulated.p50).toBeCloseTo(percentileInc(rois, 0.5), 9);
    expect(simulated.p90).toBeCloseTo(percentileInc(rois, 0.9), 9);
    expect(simulated.mean).toBeCloseTo(rois.reduce((a, b) => a + b) / runs, 9);
  });

  it("with zero-width ranges, every run is businessCase's ROI", () => {
    const { roi } = businessCase(SAMPLE_BUSINESS_CASE);
    const flat = caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 100, scenarios: ZERO_WIDTH });
    for (const figure of [flat.p10, flat.p50, flat.p90, flat.mean])
      expect(Math.abs(figure - roi) / Math.abs(roi)).toBeLessThan(1e-12);
    expect(flat.probabilityPositive).toBe(roi > 0 ? 1 : 0);
    expect(flat.histogram).toHaveLength(1);
  });

  it("counts only the first year's benefit for a short-term programme, as businessCase does", () => {
    const short = {
      ...SAMPLE_BUSINESS_CASE,
      programme: { ...SAMPLE_BUSINESS_CASE.programme, shortTerm: true },
    };
    const flat = caseSimulation(short, { runs: 100, scenarios: ZERO_WIDTH });
    expect(flat.p50).toBeCloseTo(businessCase(short).roi, 12);
  });

  it("matches the triangular distribution's quantiles on a case linear in one driver", () => {
    // m ~ triangular(0.5, 1, 1.5); ROI = 1.5 m − 1. Quantiles from Kotz & van Dorp (2004), "Beyond
    // Beta", ch. 1: Q(0.1) = 0.5 + √(0.1 · 1 · 0.5) = 0.7236; Q(0.9) = 1.5 − √(0.1 · 1 · 0.5).
    // P(ROI ≤ 0) = P(m ≤ 2/3) = (2/3 − 0.5)² / (1 · 0.5) = 1/18. Mean of m: (0.5 + 1 + 1.5) / 3 = 1.
    const result = caseSimulation(ONE_STREAM, { runs: 200000, seed: 3, scenarios: IMPROVEMENT_ONLY });
    const q10 = 0.5 + Math.sqrt(0.05);
    const q90 = 1.5 - Math.sqrt(0.05);
    expect(result.p10).toBeCloseTo(1.5 * q10 - 1, 2);
    expect(result.p50).toBeCloseTo(0.5, 2);
    expect(result.p90).toBeCloseTo(1.5 * q90 - 1, 2);
    expect(result.mean).toBeCloseTo(0.5, 2);
    expect(result.probabilityPositive).toBeCloseTo(17 / 18, 2);
  });

  it("refuses bad runs, seeds, multipliers and inputs with #VALUE!", () => {
    for (const options of [{ runs: 99 }, { runs: 1.5 }, { seed: 0 }, { seed: 2147483647 }])
      expect(() => caseSimulation(SAMPLE_BUSINESS_CASE, options)).toThrow(/runs|seed/);
    expect(() =>
      caseSimulation(SAMPLE_BUSINESS_CASE, {
        scenarios: { ...ZERO_WIDTH, conservative: { ...FLAT, costLines: 0 } },
      }),
    ).toThrow(FormulaError);
    const negative = { ...ONE_STREAM, programme: { ...ONE_STREAM.programme, learners: -3 } };
    expect(() => caseSimulation(negative)).toThrow(/Learners/);
    expect(() => caseSimulation({ ...ONE_STREAM, costs: [] })).toThrow(/greater than 0/);
  });
});

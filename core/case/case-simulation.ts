import { FormulaError } from "../errors";
import { got } from "../validate";
import { benefitByYear } from "./benefit-by-year";
import { businessCase } from "./business-case";
import { CASE_SCENARIOS, type DriverMultipliers } from "./case-scenarios";
import { costByYear } from "./cost-by-year";
import type { BusinessCaseInputs } from "./inputs";
import { MINSTD_MODULUS, minstdRandom } from "./minstd-random";
import type { RoiSimulation } from "./roi-simulation";
import { MAX_RUNS, MIN_RUNS } from "./roi-simulation";
import { roiSummary } from "./roi-summary";
import { triangularQuantile } from "./triangular-quantile";

const FN = "BuyIn case simulation";
/** Bars of the histogram: enough to show the shape in the 300 px panel, few enough to read. */
export const SIMULATION_BINS = 20;

/** One bar of the histogram: ROIs from `from` (inclusive) to `to` (exclusive; the last bar includes it). */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** A simulation of the whole model: ROISIM's figures and the histogram of the runs' ROIs. */
export interface CaseSimulation extends RoiSimulation {
  readonly histogram: readonly HistogramBin[];
}

/** The three scenarios' multipliers a driver's range is built from. */
export interface SimulationScenarios {
  readonly conservative: DriverMultipliers;
  readonly expected: DriverMultipliers;
  readonly optimistic: DriverMultipliers;
}

const [CONSERVATIVE, EXPECTED, OPTIMISTIC] = CASE_SCENARIOS;
/** The model's own scenarios (CASE_SCENARIOS), as the Case Assumptions sheet writes them. */
export const DEFAULT_SIMULATION_SCENARIOS: SimulationScenarios = {
  conservative: CONSERVATIVE.multipliers,
  expected: EXPECTED.multipliers,
  optimistic: OPTIMISTIC.multipliers,
};

/** A driver's triangle as multipliers of its value: the lowest, the expected scenario's, the highest. */
function triangle(scenarios: SimulationScenarios, driver: keyof DriverMultipliers) {
  const values = [scenarios.conservative[driver], scenarios.expected[driver], scenarios.optimistic[driver]];
  for (const value of values)
    if (!(Number.isFinite(value) && value >= 0))
      throw new FormulaError("VALUE", `${FN}: every scenario multiplier must be 0 or more, ${got(value)}`);
  return { low: Math.min(...values), likely: scenarios.expected[driver], high: Math.max(...values) };
}

/** The histogram of sorted ROIs in `bins` equal bars from the lowest to the highest; one bar when all are equal. */
function histogramOf(sorted: Float64Array, bins: number): HistogramBin[] {
  const low = sorted[0] as number;
  const high = sorted[sorted.length - 1] as number;
  if (high === low) return [{ from: low, to: high, count: sorted.length }];
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const roi of sorted) {
    const bin = Math.min(bins - 1, Math.floor((roi - low) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts.map((count, index) => ({
    from: low + index * width,
    to: index === bins - 1 ? high : low + (index + 1) * width,
    count,
  }));
}

/**
 * A Monte Carlo of the whole business case's ROI. Each driver the scenarios move is drawn from a
 * triangular distribution over the scenarios' own multipliers (CASE_SCENARIOS: lowest to highest
 * of conservative, expected and optimistic, the expected one most likely): every benefit stream's
 * expected improvement on its own, every cost line's amount on its own, and the hours per learner.
 * Drivers no scenario moves (value per unit, attribution, confidence, learners, the hourly cost)
 * stay as entered: the simulation adds no range the reviewer cannot see on the Case Assumptions
 * sheet. ROI is linear in each driver, so a run is ROI = (Σ improvementₛ · kₛ − C) / C with C =
 * learner time · hours factor + Σ amountₗ · nₗ, kₛ the stream's adjusted benefit a unit of
 * improvement over the years ROI counts and nₗ the counted years a line falls in (as
 * `businessCase` counts them). Each run draws one uniform number a driver from the seeded
 * minimal standard generator, streams first, then cost lines, then the hours, each by the
 * triangular inverse CDF, as BUYIN.ROISIM does; percentiles are PERCENTILE.INC of the runs' ROIs.
 *
 * Source: three-point (triangular) estimates for Monte Carlo risk analysis, D. Vose (2008), "Risk
 * Analysis: A Quantitative Guide", Wiley, ch. 9; ROI as in the Phillips ROI Methodology.
 *
 * @param inputs the business case (core/case/inputs.ts), as `businessCase` takes it
 * @param options runs, a whole number from 100 to 1,000,000 (default 10,000); seed, a whole number
 *   from 1 to 2147483646 (default 1): the same seed gives the same answer in every host; the
 *   scenarios' multipliers (default the model's own)
 * @returns P10, P50 and P90 of ROI, its mean, the share of runs with ROI > 0, and a histogram of
 *   SIMULATION_BINS bars
 * @throws FormulaError `#VALUE!` when the inputs break a rule or cost nothing (as `businessCase`),
 *   when runs or seed break theirs, or a multiplier is below 0
 * @example Number(caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 1000, seed: 7 }).runs) // 1000
 */
export function caseSimulation(
  inputs: BusinessCaseInputs,
  options: { runs?: number; seed?: number; scenarios?: SimulationScenarios } = {},
): CaseSimulation {
  const { runs = 10000, seed = 1, scenarios = DEFAULT_SIMULATION_SCENARIOS } = options;
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS)
    throw new FormulaError(
      "VALUE",
      `${FN}: runs must be a whole number from ${MIN_RUNS} to ${MAX_RUNS}, ${got(runs)}`,
    );
  if (!Number.isInteger(seed) || seed < 1 || seed > MINSTD_MODULUS - 1)
    throw new FormulaError(
      "VALUE",
      `${FN}: seed must be a whole number from 1 to ${MINSTD_MODULUS - 1}, ${got(seed)}`,
    );
  // Checks the inputs and that the case costs something, with businessCase's own messages.
  const base = businessCase(inputs);
  const counted = base.countedYears;
  const { programme } = inputs;
  const improvement = triangle(scenarios, "improvement");
  const costLines = triangle(scenarios, "costLines");
  const hours = triangle(scenarios, "learnerHours");
  if (costLines.low <= 0 || hours.low <= 0)
    throw new FormulaError(
      "VALUE",
      `${FN}: the cost lines' and hours' multipliers must be greater than 0, so every run costs something`,
    );
  const streams = inputs.benefits.map((stream) => {
    const perUnit = benefitByYear({ ...stream, improvement: 1 }, programme.horizonYears).adjusted;
    let coefficient = 0;
    for (let year = 1; year <= counted; year++) coefficient += perUnit[year] as number;
    return { value: stream.improvement, coefficient };
  });
  const lines = inputs.costs.map((line) => {
    const perUnit = costByYear({ ...line, amount: 1 }, programme.horizonYears);
    let years = 0;
    for (let year = 0; year <= counted; year++) years += perUnit[year] as number;
    return { value: line.amount, years };
  });
  const learnerTime = base.learnerTimeCost;

  const random = minstdRandom(seed);
  const rois = new Float64Array(runs);
  let total = 0;
  let positive = 0;
  for (let run = 0; run < runs; run++) {
    let benefit = 0;
    for (const { value, coefficient } of streams)
      benefit +=
        value *
        triangularQuantile(random(), improvement.low, improvement.likely, improvement.high) *
        coefficient;
    let cost = 0;
    for (const { value, years } of lines)
      cost += value * triangularQuantile(random(), costLines.low, costLines.likely, costLines.high) * years;
    cost += learnerTime * triangularQuantile(random(), hours.low, hours.likely, hours.high);
    const roi = (benefit - cost) / cost;
    rois[run] = roi;
    total += roi;
    if (roi > 0) positive++;
  }
  const summary = roiSummary(FN, rois, total, positive, seed);
  return { ...summary, histogram: histogramOf(rois, SIMULATION_BINS) };
}

import { FormulaError } from "../errors";
import { got, requireFinite, requirePositive, show } from "../validate";
import { minstdRandom } from "./minstd-random";
import { roiSummary } from "./roi-summary";
import { triangularQuantile } from "./triangular-quantile";

const FN = "BUYIN.ROISIM";
/** The most runs a call may ask for: 1,000,000 take about a second, well inside Apps Script's 30 s. */
export const MAX_RUNS = 1_000_000;
/** The fewest runs that give a P10 and a P90 worth reading. */
export const MIN_RUNS = 100;

/** What a simulation of ROI reports: its percentiles, mean and chance of a positive return. */
export interface RoiSimulation {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
  /** Share of runs with ROI > 0, from 0 to 1. */
  readonly probabilityPositive: number;
  readonly runs: number;
  readonly seed: number;
}

function requireRange(name: string, low: number, likely: number, high: number): void {
  if (!(low <= likely && likely <= high)) {
    throw new FormulaError(
      "VALUE",
      `${FN}: ${name} must run low ≤ likely ≤ high, got ${show(low)}, ${show(likely)}, ${show(high)}`,
    );
  }
}

/**
 * A Monte Carlo of Phillips ROI = (benefit − cost) / cost, with benefit and cost drawn
 * independently from triangular distributions (low, likely, high), each by the inverse CDF of one
 * uniform number from a seeded minimal standard generator (benefit first, then cost, each run).
 * Percentiles are Excel's PERCENTILE.INC of the runs' ROIs.
 *
 * Source: three-point (triangular) estimates for Monte Carlo risk analysis, as in D. Vose (2008),
 * "Risk Analysis: A Quantitative Guide", Wiley, ch. 9; ROI as in the Phillips ROI Methodology.
 *
 * @param benefitLow lowest credible adjusted benefit
 * @param benefitLikely most likely adjusted benefit, from low to high
 * @param benefitHigh highest credible adjusted benefit
 * @param costLow lowest credible fully loaded cost, greater than 0
 * @param costLikely most likely cost, from low to high
 * @param costHigh highest credible cost
 * @param runs iterations, a whole number from 100 to 1,000,000 (default 10,000)
 * @param seed the generator's seed, a whole number from 1 to 2147483646 (default 1): the same seed gives the same answer in every host
 * @throws FormulaError `#VALUE!` when a range is not low ≤ likely ≤ high, a cost is 0 or less, or runs or seed break their rule
 * @example Number(roiSimulation(60000, 60000, 60000, 20000, 20000, 20000).p50) // 2
 */
export function roiSimulation(
  benefitLow: number,
  benefitLikely: number,
  benefitHigh: number,
  costLow: number,
  costLikely: number,
  costHigh: number,
  runs = 10000,
  seed = 1,
): RoiSimulation {
  requireFinite(FN, "benefit low", benefitLow);
  requireFinite(FN, "benefit likely", benefitLikely);
  requireFinite(FN, "benefit high", benefitHigh);
  requirePositive(FN, "cost low", costLow);
  requirePositive(FN, "cost likely", costLikely);
  requirePositive(FN, "cost high", costHigh);
  if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS) {
    throw new FormulaError(
      "VALUE",
      `${FN}: iterations must be a whole number from ${MIN_RUNS} to ${MAX_RUNS}, ${got(runs)}`,
    );
  }
  requireRange("the benefit range", benefitLow, benefitLikely, benefitHigh);
  requireRange("the cost range", costLow, costLikely, costHigh);
  const random = minstdRandom(seed);
  const rois = new Float64Array(runs);
  let total = 0;
  let positive = 0;
  for (let run = 0; run < runs; run++) {
    const benefit = triangularQuantile(random(), benefitLow, benefitLikely, benefitHigh);
    const cost = triangularQuantile(random(), costLow, costLikely, costHigh);
    const roi = (benefit - cost) / cost;
    rois[run] = roi;
    total += roi;
    if (roi > 0) positive++;
  }
  return roiSummary(FN, rois, total, positive, seed);
}

import { finiteResult } from "../validate";
import { percentileInc } from "./percentile-inc";
import type { RoiSimulation } from "./roi-simulation";

/**
 * What a simulation of ROI reports from its runs: P10, P50 and P90 (Excel's PERCENTILE.INC), the
 * mean and the share of runs with ROI > 0. `rois` is sorted in place; `total` and `positive` are
 * the sum of the ROIs and the count above 0, taken in run order as the simulation drew them, so
 * the mean does not depend on the sort.
 *
 * @example roiSummary("BUYIN.ROISIM", Float64Array.from([0.5, -0.1, 1]), 1.4, 2, 1).probabilityPositive // 0.6666666666666666
 */
export function roiSummary(
  fn: string,
  rois: Float64Array,
  total: number,
  positive: number,
  seed: number,
): RoiSimulation {
  rois.sort();
  return {
    p10: finiteResult(fn, percentileInc(rois, 0.1)),
    p50: finiteResult(fn, percentileInc(rois, 0.5)),
    p90: finiteResult(fn, percentileInc(rois, 0.9)),
    mean: finiteResult(fn, total / rois.length),
    probabilityPositive: positive / rois.length,
    runs: rois.length,
    seed,
  };
}

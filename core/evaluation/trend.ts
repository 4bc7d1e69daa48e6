import { linearRegression } from "simple-statistics";
import { finiteResult, requireFlows } from "../validate";

const FN = "BUYIN.TREND";

/**
 * The trend of a series: the least-squares slope of the values against their periods 1, 2, 3 …,
 * in the values' unit per period (positive when the series rises). Equal to Excel's
 * SLOPE(values, {1;2;3;…}).
 *
 * Source: ordinary least squares, slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², as in Excel's SLOPE
 * (support.microsoft.com, "SLOPE function").
 *
 * @param values one value per period, in order; at least 2
 * @example trend([0.62, 0.66, 0.71, 0.73]) // 0.038
 */
export function trend(values: readonly number[]): number {
  requireFlows(FN, "values", values, 2);
  return finiteResult(FN, linearRegression(values.map((value, index) => [index + 1, value])).m);
}

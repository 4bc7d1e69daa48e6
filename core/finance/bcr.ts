import { finiteResult, requireFinite, requirePositive } from "../validate";

const FN = "BUYIN.BCR";

/**
 * Benefit–cost ratio, Phillips ROI Methodology: BCR = benefits / costs (a BCR of 2.5 returns
 * $2.50 for each $1 spent; ROI = BCR − 1).
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute, "BCR = program benefits / program costs".
 *
 * @param benefits monetary benefits, after adjustment for attribution and confidence
 * @param costs fully loaded costs, greater than 0
 * @throws FormulaError `#VALUE!` when costs are 0 or less
 * @example bcr(250000, 100000) // 2.5
 */
export function bcr(benefits: number, costs: number): number {
  requireFinite(FN, "benefits", benefits);
  requirePositive(FN, "costs", costs);
  return finiteResult(FN, benefits / costs);
}

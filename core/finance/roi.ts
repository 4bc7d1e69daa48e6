import { finiteResult, requireFinite, requirePositive } from "../validate";

const FN = "BUYIN.ROI";

/**
 * Return on investment, Phillips ROI Methodology: ROI = (benefits − costs) / costs, a ratio
 * (format the cell as % to read 1.5 as 150%).
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute: "ROI (%) = net program benefits /
 * program costs × 100". Costs must be fully loaded: delivery, materials, facilities, evaluation
 * and the participants' time.
 *
 * @param benefits monetary benefits, after adjustment for attribution and confidence
 * @param costs fully loaded costs, greater than 0
 * @throws FormulaError `#VALUE!` when costs are 0 or less
 * @example roi(250000, 100000) // 1.5
 */
export function roi(benefits: number, costs: number): number {
  requireFinite(FN, "benefits", benefits);
  requirePositive(FN, "costs", costs);
  return finiteResult(FN, (benefits - costs) / costs);
}

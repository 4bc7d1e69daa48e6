import { finiteResult, requireFinite, requireNonNegative } from "../validate";

const FN = "BUYIN.NETBENEFIT";

/**
 * Net programme benefit: benefits − costs, the numerator of the Phillips ROI.
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute: "net program benefits = program
 * benefits − program costs".
 *
 * @param benefits monetary benefits, after adjustment for attribution and confidence
 * @param costs fully loaded costs, 0 or more
 * @throws FormulaError `#VALUE!` when costs are negative
 * @example netBenefit(250000, 100000) // 150000
 */
export function netBenefit(benefits: number, costs: number): number {
  requireFinite(FN, "benefits", benefits);
  requireNonNegative(FN, "costs", costs);
  return finiteResult(FN, benefits - costs);
}

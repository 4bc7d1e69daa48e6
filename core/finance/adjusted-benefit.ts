import { finiteResult, requireFinite, requireShare } from "../validate";

const FN = "BUYIN.ADJBENEFIT";

/**
 * Adjusted (conservative) benefit, Phillips ROI Methodology: the gross monetary benefit times the
 * share of the improvement isolated to the programme (attribution) times the estimator's
 * confidence in that share: gross × attribution × confidence.
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute, the isolation step with participant
 * estimates adjusted for confidence (guiding principles 5 and 7: "isolate the effects",
 * "adjust estimates for potential error").
 *
 * @param gross gross monetary benefit for the period
 * @param attribution share of the improvement caused by the programme, from 0 to 1
 * @param confidence confidence in the attribution estimate, from 0 to 1
 * @throws FormulaError `#VALUE!` when a share is outside 0 to 1 (write 60% as 0.6)
 * @example adjustedBenefit(100000, 0.6, 0.8) // 48000
 */
export function adjustedBenefit(gross: number, attribution: number, confidence: number): number {
  requireFinite(FN, "gross", gross);
  requireShare(FN, "attribution", attribution);
  requireShare(FN, "confidence", confidence);
  return finiteResult(FN, gross * attribution * confidence);
}

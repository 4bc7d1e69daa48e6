import { FormulaError } from "../errors";
import { BLANK_AS_ZERO, finiteResult, requireFlows, show } from "../validate";

const FN = "BUYIN.PRIORITY";

/**
 * Stakeholder priority: the weighted mean of a stakeholder's scores, Σ wᵢ·sᵢ / Σ wᵢ, on the
 * scores' own scale (equal weights by default), so stakeholders can be ranked by one number.
 *
 * Source: weighted scoring model (multi-attribute rating), e.g. PMI, "PMBOK Guide" (6th ed.)
 * §13.1.2.4 stakeholder prioritization; BuyIn's register weighs power, interest and influence.
 *
 * @param scores one stakeholder's scores, at least one
 * @param weights one non-negative weight per score, not all 0; default equal
 * @throws FormulaError `#VALUE!` for mismatched counts, negative or all-zero weights
 * @example priority([5, 3, 4], [2, 1, 1]) // 4.25
 */
export function priority(scores: readonly number[], weights?: readonly number[]): number {
  requireFlows(FN, "scores", scores, 1);
  if (weights === undefined)
    return finiteResult(FN, scores.reduce((sum, score) => sum + score, 0) / scores.length);
  requireFlows(FN, "weights", weights, 1);
  if (weights.length !== scores.length) {
    throw new FormulaError(
      "VALUE",
      `${FN}: give one weight per score: ${scores.length} scores, ${weights.length} weights`,
    );
  }
  let weighted = 0;
  let total = 0;
  for (let index = 0; index < scores.length; index++) {
    const weight = weights[index] as number;
    if (weight < 0)
      throw new FormulaError(
        "VALUE",
        `${FN}: weights value ${index + 1} must be 0 or more, got ${show(weight)}`,
      );
    weighted += weight * (scores[index] as number);
    total += weight;
  }
  if (total === 0) {
    throw new FormulaError(
      "VALUE",
      `${FN}: weights must not all be 0 (give one a positive weight, or leave weights out for equal weights); ${BLANK_AS_ZERO}`,
    );
  }
  return finiteResult(FN, weighted / total);
}

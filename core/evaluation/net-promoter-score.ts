import { FormulaError } from "../errors";
import { requireFlows, show } from "../validate";

const FN = "BUYIN.NPS";

/**
 * Net Promoter Score of 0–10 "would you recommend" ratings: the percentage of promoters (9–10)
 * minus the percentage of detractors (0–6), from −100 to 100. Passives (7–8) count in the total only.
 *
 * Source: F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review 81(12),
 * December 2003, pp. 46–54; the scale and bands as Bain & Company publish them.
 *
 * @param scores ratings, each a whole number from 0 to 10; at least one
 * @throws FormulaError `#VALUE!` for a rating that is not a whole number from 0 to 10
 * @example netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10]) // 25
 */
export function netPromoterScore(scores: readonly number[]): number {
  requireFlows(FN, "scores", scores, 1);
  let promoters = 0;
  let detractors = 0;
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] as number;
    if (!Number.isInteger(score) || score < 0 || score > 10)
      throw new FormulaError(
        "VALUE",
        `${FN}: scores value ${index + 1} must be a whole number from 0 to 10, got ${show(score)}`,
      );
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return (100 * (promoters - detractors)) / scores.length;
}

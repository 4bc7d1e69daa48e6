import { FormulaError } from "../errors";
import { got, requireFlows, show } from "../validate";

const FN = "BUYIN.TOPBOX";

/**
 * Top-box share: the share of ratings in the top `boxes` points of a 1..`scaleMax` scale
 * (top-2-box satisfaction is `boxes` = 2: 4s and 5s on a 1–5 scale).
 *
 * Source: top-box and top-two-box scoring as defined in survey research practice, e.g. J. Sauro &
 * J. R. Lewis, "Quantifying the User Experience" (2nd ed., 2016), §5 "top-box scoring".
 *
 * @param scores ratings, each a whole number from 1 to `scaleMax`; at least one
 * @param scaleMax the top of the scale, a whole number from 2 to 100
 * @param boxes how many top points count, a whole number from 1 to scaleMax − 1; default 1
 * @throws FormulaError `#VALUE!` for a rating off the scale or a box count outside it
 * @example topBox([5, 4, 4, 3, 5, 2, 1, 5], 5, 2) // 0.625
 */
export function topBox(scores: readonly number[], scaleMax: number, boxes = 1): number {
  if (!Number.isInteger(scaleMax) || scaleMax < 2 || scaleMax > 100)
    throw new FormulaError(
      "VALUE",
      `${FN}: scale_max must be a whole number from 2 to 100, ${got(scaleMax)}`,
    );
  if (!Number.isInteger(boxes) || boxes < 1 || boxes >= scaleMax)
    throw new FormulaError(
      "VALUE",
      `${FN}: boxes must be a whole number from 1 to ${scaleMax - 1} (scale_max − 1), ${got(boxes)}`,
    );
  requireFlows(FN, "scores", scores, 1);
  const lowestTop = scaleMax - boxes + 1;
  let top = 0;
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] as number;
    if (!Number.isInteger(score) || score < 1 || score > scaleMax)
      throw new FormulaError(
        "VALUE",
        `${FN}: scores value ${index + 1} must be a whole number from 1 to ${scaleMax} (scale_max), got ${show(score)}`,
      );
    if (score >= lowestTop) top++;
  }
  return top / scores.length;
}

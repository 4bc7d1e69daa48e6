import { mean } from "simple-statistics";
import { FormulaError } from "../errors";
import { requirePositive, show } from "../validate";
import { requirePairs } from "./paired";

const FN = "BUYIN.NGAIN";

/**
 * Hake's average normalized gain of a class: the gain it made as a share of the gain it could
 * have made, ⟨g⟩ = (mean post − mean pre) ÷ (max − mean pre). Negative when scores fell.
 *
 * Source: R. R. Hake, "Interactive-engagement versus traditional methods: A six-thousand-student
 * survey of mechanics test data for introductory physics courses", American Journal of Physics
 * 66(1), 1998, pp. 64–74, eq. 1 (there in percent, max = 100): low ⟨g⟩ < 0.3, medium 0.3–0.7, high > 0.7.
 *
 * @param pre scores before, one per learner, each from 0 to `maxScore`; at least one
 * @param post scores after, the same learners in the same order
 * @param maxScore the highest score the assessment allows, greater than 0
 * @throws FormulaError `#VALUE!` for a score outside 0..max or unpaired scores; `#DIV/0!` when
 *   the class's pre mean is already the maximum (no gain was possible)
 * @example normalizedGain([40, 50, 60], [70, 75, 80], 100) // 0.5
 */
export function normalizedGain(pre: readonly number[], post: readonly number[], maxScore: number): number {
  requirePositive(FN, "max_score", maxScore);
  requirePairs(FN, pre, post, 1);
  for (const [name, scores] of [
    ["pre", pre],
    ["post", post],
  ] as const)
    scores.forEach((score, index) => {
      if (score < 0 || score > maxScore)
        throw new FormulaError(
          "VALUE",
          `${FN}: ${name} value ${index + 1} must be from 0 to max_score (${show(maxScore)}), got ${show(score)}`,
        );
    });
  const preMean = mean(pre as number[]);
  const room = maxScore - preMean;
  if (room <= 0)
    throw new FormulaError(
      "DIV0",
      `${FN}: the pre scores' mean is already max_score (${show(maxScore)}), so no gain was possible`,
    );
  return (mean(post as number[]) - preMean) / room;
}

import { FormulaError } from "../errors";
import { requireNonNegative, requirePositive, show } from "../validate";

const FN = "BUYIN.COMPLETION";

/**
 * Completion rate: the share of assigned learners who completed, completed ÷ assigned (0–1).
 *
 * Source: Kirkpatrick's level-0/"inputs" measures as the Phillips ROI Methodology lists them
 * (J. J. Phillips & P. P. Phillips, "Handbook of Training Evaluation and Measurement Methods",
 * 4th ed., 2016, ch. 1: participation and completion as input measures).
 *
 * @param completed learners who completed, 0 or more and no more than `assigned`
 * @param assigned learners assigned, greater than 0
 * @throws FormulaError `#VALUE!` for a negative count, no one assigned, or more completed than assigned
 * @example completion(45, 60) // 0.75
 */
export function completion(completed: number, assigned: number): number {
  requireNonNegative(FN, "completed", completed);
  requirePositive(FN, "assigned", assigned);
  if (completed > assigned)
    throw new FormulaError(
      "VALUE",
      `${FN}: completed (${show(completed)}) cannot be more than assigned (${show(assigned)})`,
    );
  return completed / assigned;
}

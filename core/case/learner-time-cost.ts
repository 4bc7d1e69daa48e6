import { finiteResult, requireNonNegative } from "../validate";

const FN = "BuyIn business case";

/**
 * Learner time, the cost most often left out of a training business case: learners × hours per
 * learner × loaded hourly cost (pay plus on-costs). Counted in full in the fully loaded cost.
 *
 * Source: Phillips ROI Methodology, guiding principle 10 ("project or program costs should be
 * fully loaded for ROI analysis"), participants' salaries and benefits for the time in the
 * programme (J. J. Phillips & P. P. Phillips, "ROI Basics", ATD Press, ch. on costs).
 *
 * @param learners people trained, 0 or more
 * @param hoursPerLearner hours each spends in the programme, 0 or more
 * @param hourlyCost loaded cost of an hour of a learner's time, 0 or more
 * @throws FormulaError `#VALUE!` when an argument is negative or not a finite number
 * @example learnerTimeCost(120, 16, 38) // 72960
 */
export function learnerTimeCost(learners: number, hoursPerLearner: number, hourlyCost: number): number {
  requireNonNegative(FN, "learners", learners);
  requireNonNegative(FN, "hours per learner", hoursPerLearner);
  requireNonNegative(FN, "loaded hourly cost", hourlyCost);
  return finiteResult(FN, learners * hoursPerLearner * hourlyCost);
}

import { mean, sampleStandardDeviation } from "simple-statistics";
import { FormulaError } from "../errors";
import { differences, requirePairs } from "./paired";

const FN = "BUYIN.EFFECTSIZE";

/** The paired effect sizes BUYIN.EFFECTSIZE offers. */
export const EFFECT_SIZE_METHODS = ["dz", "dav", "g"] as const;
export type EffectSizeMethod = (typeof EFFECT_SIZE_METHODS)[number];

function divide(numerator: number, denominator: number, what: string): number {
  if (denominator === 0) throw new FormulaError("DIV0", `${FN}: ${what} is 0, so there is no effect size`);
  return numerator / denominator;
}

/**
 * A standardized effect size of paired scores (pre and post of the same learners), from the
 * mean difference post − pre:
 * - "dz" (Cohen's d_z): mean difference ÷ SD of the differences (J. Cohen, "Statistical Power
 *   Analysis for the Behavioral Sciences", 2nd ed., 1988, §2.3.5; D. Lakens, "Calculating and
 *   reporting effect sizes…", Frontiers in Psychology 4:863, 2013, eq. 6);
 * - "dav" (Cohen's d_av): mean difference ÷ the mean of the two SDs (G. Cumming, "Understanding
 *   the New Statistics", 2012, p. 291; Lakens 2013, eq. 10);
 * - "g" (Hedges' g_av): d_av × J, the small-sample correction J = 1 − 3 / (4·df − 1) with
 *   df = n − 1 for matched groups (M. Borenstein et al., "Introduction to Meta-Analysis", 2009,
 *   eqs. 4.22–4.24).
 * SDs are sample SDs (n − 1), as Excel's STDEV.S.
 *
 * @param pre scores before, one per learner; at least 2 (3 for "g")
 * @param post scores after, the same learners in the same order
 * @param method "dz" (default), "dav" or "g"
 * @throws FormulaError `#VALUE!` for unpaired scores or too few pairs; `#DIV/0!` when the SD it
 *   divides by is 0 (every learner changed by the same amount, or no score varies)
 * @example effectSize([3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1], "dz") // 0.47023041057239884
 */
export function effectSize(
  pre: readonly number[],
  post: readonly number[],
  method: EffectSizeMethod = "dz",
): number {
  requirePairs(FN, pre, post, method === "g" ? 3 : 2);
  const changes = differences(pre, post);
  const meanChange = mean(changes);
  if (method === "dz")
    return divide(meanChange, sampleStandardDeviation(changes), "the SD of the differences");
  const averageSpread =
    (sampleStandardDeviation(pre as number[]) + sampleStandardDeviation(post as number[])) / 2;
  const dav = divide(meanChange, averageSpread, "the mean of the pre and post SDs");
  if (method === "dav") return dav;
  const df = pre.length - 1;
  return dav * (1 - 3 / (4 * df - 1));
}

import { mean, sampleStandardDeviation } from "simple-statistics";
import { FormulaError } from "../errors";
import { differences, requirePairs } from "./paired";
import { studentTTwoTailed } from "./student-t";

const FN = "BUYIN.PAIREDT";

export interface PairedTTest {
  /** The statistic of post − pre: positive when scores rose. */
  readonly t: number;
  /** Degrees of freedom, pairs − 1. */
  readonly df: number;
  /** Two-sided p-value, as Excel's T.TEST(pre, post, 2, 1). */
  readonly p: number;
}

/**
 * Student's paired t-test of post against pre scores: with dᵢ = postᵢ − preᵢ over n learners,
 * t = mean(d) ÷ (SD(d) ÷ √n), df = n − 1, and the two-sided p = P(|T_df| ≥ |t|).
 *
 * Source: Student (W. S. Gosset), "The probable error of a mean", Biometrika 6(1), 1908; the
 * paired form as in Excel's T.TEST type 1 (support.microsoft.com, "T.TEST function"). p is read
 * from the regularized incomplete beta function (./student-t): within 1e-12 of R's pt for up to
 * 1,000 degrees of freedom, 1e-11 up to 100,000 (tests/core/evaluation).
 *
 * @param pre scores before, one per learner; at least 2
 * @param post scores after, the same learners in the same order
 * @throws FormulaError `#VALUE!` for unpaired scores or fewer than 2 pairs; `#DIV/0!` when every
 *   learner changed by the same amount (the differences have no spread)
 * Excel's T.TEST documentation example gives 0.196016; R's t.test gives 0.19601578492528:
 *
 * @example pairedTTest([3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1]).p // 0.19601578492528
 */
export function pairedTTest(pre: readonly number[], post: readonly number[]): PairedTTest {
  requirePairs(FN, pre, post, 2);
  const changes = differences(pre, post);
  const spread = sampleStandardDeviation(changes);
  if (spread === 0)
    throw new FormulaError(
      "DIV0",
      `${FN}: every learner's score changed by the same amount, so the differences have no spread and t is undefined`,
    );
  const n = changes.length;
  const t = mean(changes) / (spread / Math.sqrt(n));
  const df = n - 1;
  return { t, df, p: studentTTwoTailed(FN, t, df) };
}

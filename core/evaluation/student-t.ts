import { regularizedBeta } from "./incomplete-beta";

/**
 * The two-sided tail probability of Student's t distribution: P(|T| ≥ |t|) for T with `df`
 * degrees of freedom, the p-value of a two-sided t-test.
 *
 * Definition: P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1 with 26.5.27);
 * 1 − x = t²/(df + t²) is passed as computed, not by subtraction, so p near 1 keeps its digits,
 * and ln x = −ln(1 + t²/df) likewise, which with many degrees of freedom carries the answer.
 *
 * @param fn the calling function's name, for errors
 * @param t the statistic, finite
 * @param df degrees of freedom, greater than 0
 * 2.2621571627982 is the two-sided 5% critical value for 9 df (R: qt(0.975, 9)), so:
 *
 * @example studentTTwoTailed("BUYIN.PAIREDT", 2.2621571627982, 9) // 0.05
 */
export function studentTTwoTailed(fn: string, t: number, df: number): number {
  const square = t * t;
  return regularizedBeta(
    fn,
    df / (df + square),
    square / (df + square),
    df / 2,
    0.5,
    -Math.log1p(square / df),
  );
}

import { FormulaError } from "../errors";
import { logBeta } from "./log-beta";

/** The continued fraction stops when a step changes it by less than this, relative (double precision). */
const TOLERANCE = Number.EPSILON;
/** Near-zero guard of the modified Lentz method: keeps a denominator from vanishing. */
const TINY = 1e-300;
/**
 * Enough for any a, b the catalog can reach: the fraction needs about √max(a, b) steps (about
 * 2,300 for 10 million learners), so hitting the cap means the arguments are out of reach.
 */
const MAX_STEPS = 10_000;

/**
 * The continued fraction for I_x(a, b) of Numerical Recipes' `betacf`, by the modified Lentz
 * method; converges fast for x < (a + 1) / (a + b + 2).
 */
function betaContinuedFraction(fn: string, x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const twoM = 2 * m;
    // Even step: d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)).
    let coefficient = (m * (b - m) * x) / ((a + twoM - 1) * (a + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    coefficient = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + twoM + 1));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) <= TOLERANCE) return fraction;
  }
  throw new FormulaError(
    "NUM",
    `${fn}: the incomplete beta function did not converge for a = ${a}, b = ${b}`,
  );
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the distribution
 * function of the beta distribution; Student's t distribution is read from it.
 *
 * Source: W. H. Press et al., "Numerical Recipes" (3rd ed., 2007) §6.4, eq. 6.4.5 (the continued
 * fraction) and §5.2 (the modified Lentz method); Abramowitz & Stegun 26.5.8. The fraction is used
 * where it converges fast, x < (a + 1)/(a + b + 2), else I_x(a, b) = 1 − I_{1−x}(b, a).
 *
 * `x` and `y` = 1 − x are both taken, so a caller that knows 1 − x more accurately than
 * subtraction gives it (Student's t near t = 0 does), and so may ln x be: a·ln x with a large
 * `a` and x near 1 needs ln x to more digits than ln of the rounded x holds.
 *
 * @param fn the calling function's name, for errors
 * @param x from 0 to 1
 * @param y 1 − x
 * @param a greater than 0
 * @param b greater than 0
 * @param logX ln x, if the caller has it more accurately
 * @example regularizedBeta("BUYIN.PAIREDT", 0.5, 0.5, 2, 3) // 0.6875
 */
export function regularizedBeta(
  fn: string,
  x: number,
  y: number,
  a: number,
  b: number,
  logX = Math.log(x),
): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * Math.log(y) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(fn, x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(fn, y, b, a)) / b;
}

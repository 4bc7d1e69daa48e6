/**
 * The root finder behind IRR and XIRR: the rate r > -1 at which the present value
 * PV(r) = Σ valueᵢ · (1 + r)^(−timeᵢ) is zero.
 *
 * Newton's method starts from the guess, as Excel and LibreOffice do, so where they converge
 * BuyIn lands on the same root. Where Newton fails (a flat spot, a jump past -100%, a cycle), a
 * scan over rates from 1 + r = 10⁻¹² to 10¹² looks for a sign change, takes the bracket nearest the
 * guess and refines it with a Newton step kept inside the bracket (bisection when the step
 * leaves it). Every loop has a fixed cap, and an answer is returned only after its residual
 * checks out, so the result is a root or `NaN` for "none found", never a number that is not one.
 */

/** A present-value curve: `evaluate` returns PV(rate) and leaves dPV/drate in `slope`. */
export interface PresentValueCurve {
  slope: number;
  /** Σ |valueᵢ · (1 + rate)^(−timeᵢ)| at the last evaluated rate: the scale a residual is judged by. */
  magnitude: number;
  evaluate(rate: number): number;
}

const NEWTON_ITERATIONS = 60;
const BRACKET_ITERATIONS = 300;
/** Relative step at which Newton has converged; quadratic convergence makes the next error ~1e-26. */
const STEP_TOLERANCE = 1e-13;
/** An answer's |PV| must be below this share of the discounted flows' total size. */
const RESIDUAL_TOLERANCE = 1e-9;

/**
 * Rates scanned for a sign change when Newton fails: dense near the usual range, then widening
 * towards both ends of the domain.
 */
const SCAN_RATES: readonly number[] = [
  -1 + 1e-12,
  -1 + 1e-10,
  -1 + 1e-8,
  -0.9999999,
  -0.999999,
  -0.9999,
  -0.999,
  -0.995,
  -0.99,
  -0.98,
  -0.95,
  -0.9,
  -0.85,
  -0.8,
  -0.7,
  -0.6,
  -0.5,
  -0.4,
  -0.3,
  -0.25,
  -0.2,
  -0.15,
  -0.1,
  -0.075,
  -0.05,
  -0.025,
  0,
  0.025,
  0.05,
  0.075,
  0.1,
  0.125,
  0.15,
  0.2,
  0.25,
  0.3,
  0.4,
  0.5,
  0.6,
  0.8,
  1,
  1.25,
  1.5,
  2,
  2.5,
  3,
  4,
  5,
  7.5,
  10,
  15,
  20,
  30,
  50,
  75,
  100,
  200,
  500,
  1e3,
  1e4,
  1e5,
  1e6,
  1e8,
  1e10,
  1e12,
];

/**
 * A rate is a root when |PV| is below the tolerance, or, where 1 + r is so small that the double
 * holding r has few significant digits left for it, when PV changes sign within two units in the
 * last place of r: as exact a root as a double can hold.
 */
function isRoot(curve: PresentValueCurve, rate: number): boolean {
  if (!(rate > -1) || !Number.isFinite(rate)) return false;
  const value = curve.evaluate(rate);
  if (!Number.isFinite(value)) return false;
  if (Math.abs(value) <= RESIDUAL_TOLERANCE * curve.magnitude) return true;
  const delta = 2 * Number.EPSILON * Math.max(Math.abs(rate), Number.MIN_VALUE);
  if (!(rate - delta > -1)) return false;
  const below = curve.evaluate(rate - delta);
  const above = curve.evaluate(rate + delta);
  return Number.isFinite(below) && Number.isFinite(above) && Math.sign(below) !== Math.sign(above);
}

function newton(curve: PresentValueCurve, guess: number): number {
  let rate = guess;
  for (let iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
    const value = curve.evaluate(rate);
    if (value === 0) return rate;
    const slope = curve.slope;
    if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) return Number.NaN;
    const step = value / slope;
    const next = rate - step;
    if (!(next > -1) || !Number.isFinite(next)) return Number.NaN;
    rate = next;
    if (Math.abs(step) <= STEP_TOLERANCE * Math.max(1, Math.abs(rate))) return rate;
  }
  return Number.NaN;
}

/** Refines a root inside [low, high], where PV changes sign: Newton kept in the bracket, else bisection. */
function refineInBracket(curve: PresentValueCurve, low: number, high: number, valueAtLow: number): number {
  // `low` only ever moves to rates where PV has its sign, so that sign never changes.
  const lowValueSign = Math.sign(valueAtLow);
  let rate = 0.5 * (low + high);
  for (let iteration = 0; iteration < BRACKET_ITERATIONS; iteration++) {
    const value = curve.evaluate(rate);
    if (value === 0) return rate;
    if (Math.sign(value) === lowValueSign) low = rate;
    else high = rate;
    const slope = curve.slope;
    let next = slope !== 0 && Number.isFinite(slope) ? rate - value / slope : Number.NaN;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    const converged = Math.abs(next - rate) <= STEP_TOLERANCE * Math.max(1, Math.abs(next));
    if (converged || high - low <= Number.EPSILON * Math.max(1, Math.abs(low))) return next;
    rate = next;
  }
  return rate;
}

function bracketNearest(curve: PresentValueCurve, guess: number): number {
  let best = Number.NaN;
  let bestDistance = Number.POSITIVE_INFINITY;
  let previousRate = Number.NaN;
  let previousValue = Number.NaN;
  for (const rate of SCAN_RATES) {
    const value = curve.evaluate(rate);
    if (!Number.isFinite(value)) {
      previousValue = Number.NaN;
      continue;
    }
    let candidate = Number.NaN;
    if (value === 0) candidate = rate;
    else if (Number.isFinite(previousValue) && Math.sign(value) !== Math.sign(previousValue)) {
      candidate = refineInBracket(curve, previousRate, rate, previousValue);
    }
    if (
      Number.isFinite(candidate) &&
      Math.abs(candidate - guess) < bestDistance &&
      isRoot(curve, candidate)
    ) {
      best = candidate;
      bestDistance = Math.abs(candidate - guess);
    }
    previousRate = rate;
    previousValue = value;
  }
  return best;
}

/**
 * The rate of return nearest the guess that zeroes the curve, or `NaN` when none can be found.
 * Newton from each scan rate is the last resort, for roots where PV touches zero without
 * crossing it (a double root has no sign change to bracket).
 */
export function solveRate(curve: PresentValueCurve, guess: number): number {
  const fromGuess = newton(curve, guess);
  if (isRoot(curve, fromGuess)) return fromGuess;
  const bracketed = bracketNearest(curve, guess);
  if (!Number.isNaN(bracketed)) return bracketed;
  let best = Number.NaN;
  for (const start of SCAN_RATES) {
    const candidate = newton(curve, start);
    const closer = Number.isNaN(best) || Math.abs(candidate - guess) < Math.abs(best - guess);
    if (closer && isRoot(curve, candidate)) best = candidate;
  }
  return best;
}

/**
 * The root finder behind IRR and XIRR: the rate r > -1 at which the present value
 * PV(r) = Σ valueᵢ · (1 + r)^(−timeᵢ) is zero.
 *
 * Newton's method starts from the guess, as Excel and LibreOffice do, so where they converge
 * BuyIn lands on the same root. Where Newton fails (a flat spot, a jump past -100%, a cycle), the
 * whole domain of rates a double can hold, 1 + r from 2⁻⁵³ to 1.8e308, is searched. Write
 * PV = I − O, inflow terms minus outflow terms: as functions of ln(1 + r) both are positive and
 * decreasing, so on an interval [a, b] PV lies within [I(b) − O(a), I(a) − O(b)], and its slope
 * within like bounds from the time-weighted sums. An interval is dropped when PV provably keeps
 * one sign; it holds exactly one root when the slope provably keeps one sign and PV changes sign
 * across it (a Newton step kept inside the bracket, bisection when the step leaves it, finds the
 * root); otherwise it is halved. A root where PV touches zero without crossing shows as an
 * interval whose bounds on PV have shrunk below the tolerance. The search starts from a scan of
 * rates people use, takes intervals nearest the guess first, and has a fixed budget; when that
 * runs out, the sign changes it has seen are still refined. Every loop has a fixed cap, and an
 * answer is returned only after its residual checks out, so the result is a root or `NaN` for
 * "none found", never a number that is not one.
 */

/**
 * PV's terms at one rate, split into inflows and outflows and given in units of e^logScale, so
 * flows and rates of any size can be summed without overflow. The solver compares sums at
 * different rates through `logScale`, and within one rate uses only signs and ratios.
 */
export interface PresentValueTerms {
  /** Σ of the inflow terms cᵢ (1 + r)^(−tᵢ). */
  readonly inflows: number;
  /** Σ of the outflow terms' sizes. */
  readonly outflows: number;
  /** Σ tᵢ · term over inflows: their rate of decrease with ln(1 + r). */
  readonly inflowsWeighted: number;
  /** Σ tᵢ · |term| over outflows. */
  readonly outflowsWeighted: number;
  /** ln of the factor every sum above is to be multiplied by. */
  readonly logScale: number;
  /** The work of one evaluation, in Horner steps: the search's budget is counted in these. */
  readonly size: number;
  /** Fills the sums at `rate` (> -1). */
  evaluate(rate: number): void;
}

const NEWTON_ITERATIONS = 60;
const BRACKET_ITERATIONS = 300;
/** The search's budget in Horner steps (about 10 ms); each interval examined costs one evaluation. */
const SEARCH_WORK = 4e6;
/** Intervals examined whatever the flows' number. */
const SEARCH_INTERVALS_MINIMUM = 100;
/** Relative step at which Newton has converged; quadratic convergence makes the next error ~1e-26. */
const STEP_TOLERANCE = 1e-13;
/** An answer's |PV| must be below this share of the discounted flows' total size. */
const RESIDUAL_TOLERANCE = 1e-9;
/**
 * A bound proves a sign only with this relative margin, above the rounding of the sums (about
 * 1e-13; 1e-11 at worst over the longest grids), so rounding never drops an interval that holds
 * a root. Small beside the tolerance, so an interval kept only by the margin holds a root within it.
 */
const PROOF_MARGIN = 1e-10;
/** The rate nearest -100% a double can hold: -1 + 2⁻⁵³. */
const SMALLEST_RATE = -1 + Number.EPSILON / 2;
/**
 * Where the search starts: a scan dense over the rates people use, then widening to both ends
 * of the domain, so most sign changes show at once and most intervals drop on the first proof.
 */
const START_RATES: readonly number[] = [
  SMALLEST_RATE,
  -1 + 1e-15,
  -1 + 1e-14,
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
  1e15,
  1e20,
  1e30,
  1e50,
  1e75,
  1e100,
  1e150,
  1e200,
  1e250,
  1e300,
  Number.MAX_VALUE,
];

/** The scale a step in the rate is judged by: the rate itself, and near -100% the distance to it. */
function stepScale(rate: number): number {
  return Math.min(Math.max(1, Math.abs(rate)), 1 + rate);
}

/** PV at `rate` in the units of `terms.logScale`. */
function presentValue(terms: PresentValueTerms, rate: number): number {
  terms.evaluate(rate);
  return terms.inflows - terms.outflows;
}

/** The Newton step PV / (dPV/dr) from the sums `presentValue` has just filled. */
function newtonStep(terms: PresentValueTerms, rate: number): number {
  const value = terms.inflows - terms.outflows;
  return (-value * (1 + rate)) / (terms.inflowsWeighted - terms.outflowsWeighted);
}

/**
 * A rate is a root when |PV| is below the tolerance share of its terms' total size, or, where
 * the double holding r has few significant digits left for 1 + r, when PV changes sign within
 * two units in the last place of r: as exact a root as a double can hold.
 */
function isRoot(terms: PresentValueTerms, rate: number): boolean {
  if (!(rate > -1) || !Number.isFinite(rate)) return false;
  const value = presentValue(terms, rate);
  if (Math.abs(value) <= RESIDUAL_TOLERANCE * (terms.inflows + terms.outflows)) return true;
  const delta = 2 * Number.EPSILON * Math.abs(rate);
  const below = Math.max(rate - delta, SMALLEST_RATE);
  const above = Math.min(rate + delta, Number.MAX_VALUE);
  return Math.sign(presentValue(terms, below)) !== Math.sign(presentValue(terms, above));
}

function newton(terms: PresentValueTerms, guess: number): number {
  let rate = guess;
  for (let iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
    if (presentValue(terms, rate) === 0) return rate;
    const step = newtonStep(terms, rate);
    const next = rate - step;
    if (!(next > -1) || !Number.isFinite(next)) return Number.NaN;
    rate = next;
    if (Math.abs(step) <= STEP_TOLERANCE * stepScale(rate)) return rate;
  }
  return Number.NaN;
}

/**
 * A rate strictly between `low` and `high` when one exists: the midpoint of ln(1 + r) while the
 * interval spans more than a factor of two in 1 + r, the plain midpoint after.
 */
function splitPoint(low: number, high: number): number {
  if (1 + high > 2 * (1 + low)) return Math.expm1(0.5 * (Math.log1p(low) + Math.log1p(high)));
  return low + 0.5 * (high - low);
}

/**
 * Refines a root inside [low, high], where PV changes sign: Newton kept in the bracket,
 * bisection when the step leaves the bracket or is not at most half the step before it.
 */
function refineInBracket(terms: PresentValueTerms, low: number, high: number, lowSign: number): number {
  let rate = splitPoint(low, high);
  let step = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration < BRACKET_ITERATIONS; iteration++) {
    const value = presentValue(terms, rate);
    if (value === 0) return rate;
    if (Math.sign(value) === lowSign) low = rate;
    else high = rate;
    const newton = newtonStep(terms, rate);
    let next = rate - newton;
    if (!(next > low && next < high) || Math.abs(newton) > 0.5 * Math.abs(step)) next = splitPoint(low, high);
    if (!(next > low && next < high)) return rate;
    step = next - rate;
    if (Math.abs(step) <= STEP_TOLERANCE * stepScale(next)) return next;
    rate = next;
  }
  return rate;
}

/** The sums at one rate, an end of an interval of the search. */
interface Node {
  rate: number;
  /** PV's sign at the rate. */
  sign: number;
  inflows: number;
  outflows: number;
  inflowsWeighted: number;
  outflowsWeighted: number;
  logScale: number;
}

function node(terms: PresentValueTerms, rate: number): Node {
  terms.evaluate(rate);
  return {
    rate,
    sign: Math.sign(terms.inflows - terms.outflows),
    inflows: terms.inflows,
    outflows: terms.outflows,
    inflowsWeighted: terms.inflowsWeighted,
    outflowsWeighted: terms.outflowsWeighted,
    logScale: terms.logScale,
  };
}

/** Whether x · e^xScale exceeds y · e^yScale by more than the proof margin. */
function exceeds(x: number, xScale: number, y: number, yScale: number): boolean {
  if (!(x > 0)) return false;
  if (!(y > 0)) return true;
  return Math.log(x) + xScale > Math.log(y) + yScale + PROOF_MARGIN;
}

type Interval = readonly [Node, Node];

/**
 * The root nearest the guess among those the search described at the top finds, or `NaN` when
 * it finds none.
 */
function searchDomain(terms: PresentValueTerms, guess: number): number {
  let best = Number.NaN;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (rate: number) => {
    const distance = Math.abs(rate - guess);
    if (distance < bestDistance && isRoot(terms, rate)) {
      best = rate;
      bestDistance = distance;
    }
  };
  // No root in [low, high] is nearer the guess than this.
  const distanceTo = ([low, high]: Interval) => Math.max(0, low.rate - guess, guess - high.rate);
  const nearestLast = (a: Interval, b: Interval) => distanceTo(b) - distanceTo(a);

  const starts = START_RATES.map((rate) => node(terms, rate));
  for (const start of starts) if (start.sign === 0) consider(start.rate);
  // A stack, nearest the guess on top, so a root found early rules out the intervals beyond it.
  const pending: Interval[] = starts.slice(1).map((high, index) => [starts[index] as Node, high] as const);
  pending.sort(nearestLast);

  const budget = Math.max(SEARCH_INTERVALS_MINIMUM, SEARCH_WORK / terms.size);
  for (let examined = 0; examined < budget && pending.length > 0; ) {
    const interval = pending.pop() as Interval;
    if (distanceTo(interval) >= bestDistance) continue;
    const [low, high] = interval;
    // PV ∈ [I(high) − O(low), I(low) − O(high)]: positive, or negative, throughout?
    if (exceeds(high.inflows, high.logScale, low.outflows, low.logScale)) continue;
    if (exceeds(high.outflows, high.logScale, low.inflows, low.logScale)) continue;
    // −dPV/d ln(1 + r) lies likewise within bounds from the time-weighted sums.
    const monotone =
      exceeds(high.inflowsWeighted, high.logScale, low.outflowsWeighted, low.logScale) ||
      exceeds(high.outflowsWeighted, high.logScale, low.inflowsWeighted, low.logScale);
    if (monotone) {
      if (low.sign * high.sign < 0) consider(refineInBracket(terms, low.rate, high.rate, low.sign));
      continue;
    }
    const middle = splitPoint(low.rate, high.rate);
    // The bounds on PV, I(low) + O(low) − I(high) − O(high) apart, have shrunk below the
    // tolerance: PV touches zero in the interval or nowhere in it.
    const lowSize = (low.inflows + low.outflows) * Math.exp(low.logScale - high.logScale);
    const highSize = high.inflows + high.outflows;
    const narrow = lowSize - highSize <= 0.25 * RESIDUAL_TOLERANCE * highSize;
    if (narrow || !(middle > low.rate && middle < high.rate)) {
      // Also where low and high are neighbouring doubles: as near a root as a rate can be.
      consider(low.rate);
      consider(middle);
      consider(high.rate);
      continue;
    }
    examined++;
    const split = node(terms, middle);
    if (split.sign === 0) consider(middle);
    const halves: Interval[] = [
      [low, split],
      [split, high],
    ];
    pending.push(...halves.sort(nearestLast));
  }
  // Out of budget: the sign changes left still bracket roots.
  for (const [low, high] of pending.sort(nearestLast).reverse()) {
    if (low.sign * high.sign < 0 && distanceTo([low, high]) < bestDistance) {
      consider(refineInBracket(terms, low.rate, high.rate, low.sign));
    }
  }
  return best;
}

/**
 * The rate of return nearest the guess that zeroes PV, or `NaN` when none can be found:
 * Newton's root from the guess when it converges, else the nearest root the search finds.
 */
export function solveRate(terms: PresentValueTerms, guess: number): number {
  const fromGuess = newton(terms, guess);
  if (isRoot(terms, fromGuess)) return fromGuess;
  return searchDomain(terms, guess);
}

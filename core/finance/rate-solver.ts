/**
 * The root finder behind IRR and XIRR: the rate r > -1 at which the present value
 * PV(r) = Σ valueᵢ · (1 + r)^(−timeᵢ) is zero.
 *
 * Newton's method starts from the guess, as Excel and LibreOffice do, so where they converge
 * BuyIn lands on the same root. Where Newton fails (a flat spot, a jump past -100%, a cycle), the
 * whole domain of rates a double can hold, 1 + r from 2⁻⁵³ to 1.8e308, is searched. Write
 * PV = I − O, inflow terms minus outflow terms: as functions of ln(1 + r) both are positive and
 * decreasing, so on an interval [a, b] PV lies within [I(b) − O(a), I(a) − O(b)], and its slope
 * within like bounds from the time-weighted sums. These bounds compare one side at a with the
 * other at b, so each side is summed in its own unit and is exact to its own size, never lost to
 * underflow beside the other (see `PresentValueTerms`). An interval is dropped when PV provably keeps
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
 * PV's terms at one rate, split into inflows and outflows, each side given in its own unit
 * e^logScale, so flows and rates of any size can be summed without overflow. Each side's sum is
 * accurate relative to itself, not only to the total: the search compares one side's sum at one
 * rate with the other side's at another, so a side lost to underflow (read as 0) would prove a
 * sign PV does not keep. A side is 0 only when it has no flows; its logScale is then -Infinity.
 */
export interface PresentValueTerms {
  /** Σ of the inflow terms cᵢ (1 + r)^(−tᵢ), in units of e^inflowsLogScale. */
  readonly inflows: number;
  /** Σ tᵢ · term over inflows: their rate of decrease with ln(1 + r). */
  readonly inflowsWeighted: number;
  readonly inflowsLogScale: number;
  /** Σ of the outflow terms' sizes, in units of e^outflowsLogScale. */
  readonly outflows: number;
  /** Σ tᵢ · |term| over outflows. */
  readonly outflowsWeighted: number;
  readonly outflowsLogScale: number;
  /**
   * Whether the sides' sums can be compared as they are: both in one unit, or one side without
   * flows. Read first, so the common case needs no logScale.
   */
  readonly sameUnit: boolean;
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
/**
 * What underflow may take from a side's time-weighted sum, as a share of the side's sum: terms
 * lost are below 2⁻¹⁰⁷⁴ of the side's unit, in which the side is at least 2⁻⁹⁰⁰, so the loss is
 * below count · longest time · 2⁻¹⁷⁴, under 2⁻¹³⁴ for a million flows a million periods long.
 */
const WEIGHTED_UNDERFLOW = 2 ** -100;
/** The interval's bounds on PV are within a quarter of the tolerance when its total sizes at the ends are this close, in ln. */
const NARROW_LOG_SPAN = Math.log1p(0.25 * RESIDUAL_TOLERANCE);
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

const SAME_UNIT: readonly [number, number] = [1, 1];

/**
 * The factors that bring the inflows' and the outflows' sums at the rate last evaluated into one
 * unit: theirs when they share one, else the larger side's total, so neither factor overflows
 * and only a side below e^-745 of the other (negligible in PV) can vanish.
 */
function unitFactors(terms: PresentValueTerms): readonly [number, number] {
  if (terms.sameUnit) return SAME_UNIT;
  const inflowsScale = terms.inflowsLogScale;
  const outflowsScale = terms.outflowsLogScale;
  const unit = Math.max(inflowsScale + Math.log(terms.inflows), outflowsScale + Math.log(terms.outflows));
  return [Math.exp(inflowsScale - unit), Math.exp(outflowsScale - unit)];
}

/** PV at `rate`, in the unit `unitFactors` gives. */
function presentValue(terms: PresentValueTerms, rate: number): number {
  terms.evaluate(rate);
  if (terms.sameUnit) return terms.inflows - terms.outflows;
  const factors = unitFactors(terms);
  return terms.inflows * (factors[0] as number) - terms.outflows * (factors[1] as number);
}

/** The Newton step PV / (dPV/dr) from the sums `presentValue` has just filled. */
function newtonStep(terms: PresentValueTerms, rate: number): number {
  if (terms.sameUnit) {
    return (
      (-(terms.inflows - terms.outflows) * (1 + rate)) / (terms.inflowsWeighted - terms.outflowsWeighted)
    );
  }
  const [inflowsFactor, outflowsFactor] = unitFactors(terms);
  const value = terms.inflows * inflowsFactor - terms.outflows * outflowsFactor;
  const slope = terms.inflowsWeighted * inflowsFactor - terms.outflowsWeighted * outflowsFactor;
  return (-value * (1 + rate)) / slope;
}

/**
 * A rate is a root when |PV| is below the tolerance share of its terms' total size, or, where
 * the double holding r has few significant digits left for 1 + r, when PV changes sign within
 * two units in the last place of r: as exact a root as a double can hold.
 */
function isRoot(terms: PresentValueTerms, rate: number): boolean {
  if (!(rate > -1) || !Number.isFinite(rate)) return false;
  const value = presentValue(terms, rate);
  const factors = unitFactors(terms);
  const size = terms.inflows * (factors[0] as number) + terms.outflows * (factors[1] as number);
  if (!Number.isFinite(size)) return false;
  if (Math.abs(value) <= RESIDUAL_TOLERANCE * size) return true;
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

/** The sums at one rate, an end of an interval of the search, each side in its own unit. */
interface Node {
  rate: number;
  /** PV's sign at the rate. */
  sign: number;
  inflows: number;
  inflowsWeighted: number;
  inflowsLogScale: number;
  outflows: number;
  outflowsWeighted: number;
  outflowsLogScale: number;
  /** ln of the terms' total size, Σ |termᵢ|. */
  logSize: number;
}

function node(terms: PresentValueTerms, rate: number): Node {
  terms.evaluate(rate);
  const [inflowsFactor, outflowsFactor] = unitFactors(terms);
  const inflows = terms.inflows * inflowsFactor;
  const outflows = terms.outflows * outflowsFactor;
  // The unit's log, read from the larger side, whose factor is not 0.
  const logUnit =
    inflows >= outflows
      ? terms.inflowsLogScale - Math.log(inflowsFactor)
      : terms.outflowsLogScale - Math.log(outflowsFactor);
  return {
    rate,
    sign: Math.sign(inflows - outflows),
    inflows: terms.inflows,
    inflowsWeighted: terms.inflowsWeighted,
    inflowsLogScale: terms.inflowsLogScale,
    outflows: terms.outflows,
    outflowsWeighted: terms.outflowsWeighted,
    outflowsLogScale: terms.outflowsLogScale,
    logSize: logUnit + Math.log(inflows + outflows),
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
    if (exceeds(high.inflows, high.inflowsLogScale, low.outflows, low.outflowsLogScale)) continue;
    if (exceeds(high.outflows, high.outflowsLogScale, low.inflows, low.inflowsLogScale)) continue;
    // −dPV/d ln(1 + r) lies likewise within bounds from the time-weighted sums, the upper ones
    // raised by what underflow may have taken from them.
    const monotone =
      exceeds(
        high.inflowsWeighted,
        high.inflowsLogScale,
        low.outflowsWeighted + WEIGHTED_UNDERFLOW * low.outflows,
        low.outflowsLogScale,
      ) ||
      exceeds(
        high.outflowsWeighted,
        high.outflowsLogScale,
        low.inflowsWeighted + WEIGHTED_UNDERFLOW * low.inflows,
        low.inflowsLogScale,
      );
    if (monotone) {
      if (low.sign * high.sign < 0) consider(refineInBracket(terms, low.rate, high.rate, low.sign));
      continue;
    }
    const middle = splitPoint(low.rate, high.rate);
    // The bounds on PV, I(low) + O(low) − I(high) − O(high) apart, have shrunk below the
    // tolerance: PV touches zero in the interval or nowhere in it.
    const narrow = low.logSize - high.logSize <= NARROW_LOG_SPAN;
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

import type { PresentValueTerms } from "./rate-solver";

/** Below this size a scaled coefficient would make the sums' underflow matter (see `create`). */
const SMALLEST_COEFFICIENT = 2 ** -900;
/** A time-weighted sum that cancels below 1 / this of its terms is taken again without subtraction. */
const CANCELLATION_LIMIT = 2 ** 20;
/** A grid is used while its length is within this many steps a flow: a Horner step costs ~1/16 of an exp. */
const STEPS_PER_FLOW = 16;

/** One side of the grid: the coefficients of one sign, +1 for inflows, -1 for outflows. */
interface Side {
  readonly sign: number;
  /** The side's first and last steps with a flow; -1 for a side without flows. */
  readonly first: number;
  readonly last: number;
}

/**
 * The terms of PV(r) = Σ cᵢ · (1 + r)^(−kᵢ · stepLength) for whole numbers kᵢ (periods, or days
 * with stepLength 1/365), summed by Horner's rule over the grid of steps: no exp per flow.
 *
 * Flows beyond 2^±400 are scaled by a power of two (exact) so the largest is about 1, and no flow
 * may be below 2⁻⁹⁰⁰ (else `create` declines). Horner runs in the direction whose ratio is at most
 * 1: y = (1 + r)^(−stepLength) from the last step down when r ≥ 0, z = 1/y from the first step up
 * when r < 0, with y^pivot taken out into the logScales, the pivot being the grid's first (or last)
 * step. So no sum overflows, and underflow loses less than 2⁻¹⁰⁷⁴ a step. Where a side's sum is
 * below 2⁻⁹⁰⁰, so that loss could matter to it, the side is summed again from its own first (or
 * last) step, whose term is the side's coefficient there, at least 2⁻⁹⁰⁰.
 */
export class GridTerms implements PresentValueTerms {
  inflows = 0;
  inflowsWeighted = 0;
  outflows = 0;
  outflowsWeighted = 0;
  /** The last rate, for the logScales, which only the search reads. */
  private rate = 0;
  /** The steps whose powers were taken out of each side's sums at the last rate. */
  private inflowsPivot = 0;
  private outflowsPivot = 0;
  private inflowSideFound: Side | undefined;
  private outflowSideFound: Side | undefined;
  /** One side's sum and moment, as `sumSide` leaves them. */
  private sideSum = 0;
  private sideMoment = 0;

  private constructor(
    /** The scaled net flow at each step. */
    private readonly coefficients: readonly number[],
    private readonly first: number,
    private readonly last: number,
    private readonly stepLength: number,
    private readonly logUnit: number,
  ) {}

  get size(): number {
    return this.last - this.first + 1;
  }

  get sameUnit(): boolean {
    // A side without flows is never summed again, so it keeps the grid's pivot.
    return this.inflowsPivot === this.outflowsPivot;
  }

  /** The sides, found the first time a side must be summed from its own pivot. */
  private get inflowSide(): Side {
    this.inflowSideFound ??= side(this.coefficients, 1);
    return this.inflowSideFound;
  }

  private get outflowSide(): Side {
    this.outflowSideFound ??= side(this.coefficients, -1);
    return this.outflowSideFound;
  }

  get inflowsLogScale(): number {
    return this.logScaleOf(this.inflowSide, this.inflowsPivot);
  }

  get outflowsLogScale(): number {
    return this.logScaleOf(this.outflowSide, this.outflowsPivot);
  }

  /**
   * The grid for these flows, or `undefined` where it does not suit them: a grid much longer
   * than the flows are many, or flows spanning more than 2⁹⁰⁰ in size (after same-step flows
   * are added up), whose smallest would underflow.
   * @param times one per flow, each a whole number of steps ≥ 0; without them, flow i is at step i
   */
  static create(
    values: readonly number[],
    stepLength: number,
    times?: ArrayLike<number>,
  ): GridTerms | undefined {
    const stepOf = (index: number) => (times ? Math.round((times[index] as number) / stepLength) : index);
    let largest = 0;
    let span = values.length - 1;
    for (let index = 0; index < values.length; index++) {
      largest = Math.max(largest, Math.abs(values[index] as number));
      span = Math.max(span, stepOf(index));
    }
    if (largest === 0 || span > STEPS_PER_FLOW * values.length) return undefined;
    // Sizes within 2^±400 need no scaling; others are scaled by 2^-exponent, in two factors,
    // each a normal double, so the scaling is exact.
    const exponent = largest >= 2 ** -400 && largest <= 2 ** 400 ? 0 : Math.floor(Math.log2(largest));
    const half = Math.trunc(exponent / 2);
    const scaleA = 2 ** -half;
    const scaleB = 2 ** -(exponent - half);
    // Flows at their own periods, unscaled, are used as they are; others are added up by step.
    let coefficients = values;
    if (times !== undefined || exponent !== 0) {
      const merged: number[] = new Array(span + 1).fill(0);
      for (let index = 0; index < values.length; index++) {
        const value = values[index] as number;
        const scaled = value * scaleA * scaleB;
        // A flow that scaling would make this small (or 0) needs the exp terms' common scale.
        if (value !== 0 && Math.abs(scaled) < SMALLEST_COEFFICIENT) return undefined;
        const step = stepOf(index);
        merged[step] = (merged[step] as number) + scaled;
      }
      coefficients = merged;
    }
    let first = -1;
    let last = -1;
    for (let step = 0; step <= span; step++) {
      const coefficient = coefficients[step] as number;
      if (coefficient === 0) continue;
      if (Math.abs(coefficient) < SMALLEST_COEFFICIENT) return undefined;
      if (first < 0) first = step;
      last = step;
    }
    if (first < 0) return undefined;
    return new GridTerms(coefficients, first, last, stepLength, exponent * Math.LN2);
  }

  evaluate(rate: number): void {
    const stepLength = this.stepLength;
    // Σ c_k y^(k − pivot) from the last step down when r ≥ 0, Σ c_k z^(pivot − k) from the first up
    // when r < 0. For whole periods the ratios need no logarithm: 1 / (1 + r), or 1 + r itself.
    const descending = rate >= 0;
    const periodic = stepLength === 1;
    const ratio = descending
      ? periodic
        ? 1 / (1 + rate)
        : Math.exp(-stepLength * Math.log1p(rate))
      : periodic
        ? 1 + rate
        : Math.exp(stepLength * Math.log1p(rate));
    this.rate = rate;
    this.sumGrid(ratio, descending);
    // A side without flows sums to 0 and is left so.
    if (this.needsOwnPivot(this.inflows, this.inflowsWeighted, descending) && this.inflowSide.first >= 0) {
      this.sumSide(this.inflowSide, ratio, descending);
      this.inflows = this.sideSum;
      this.inflowsWeighted = stepLength * this.sideMoment;
      this.inflowsPivot = descending ? this.inflowSide.first : this.inflowSide.last;
    }
    if (this.needsOwnPivot(this.outflows, this.outflowsWeighted, descending) && this.outflowSide.first >= 0) {
      this.sumSide(this.outflowSide, ratio, descending);
      this.outflows = this.sideSum;
      this.outflowsWeighted = stepLength * this.sideMoment;
      this.outflowsPivot = descending ? this.outflowSide.first : this.outflowSide.last;
    }
  }

  /**
   * Whether a side's sums from the grid's pivot may be off by more than the search's proof margin:
   * a sum so small that underflow could matter, or, for r < 0, a time-weighted sum taken as
   * last · sum − ratio · slope that cancels to below 2⁻²⁰ of last · sum, where rounding matters.
   */
  private needsOwnPivot(sum: number, weighted: number, descending: boolean): boolean {
    if (sum < SMALLEST_COEFFICIENT) return true;
    return !descending && weighted * CANCELLATION_LIMIT < this.stepLength * this.last * sum;
  }

  /** Both sides by Horner's rule over the whole grid, from its pivot. */
  private sumGrid(ratio: number, descending: boolean): void {
    const coefficients = this.coefficients;
    const first = this.first;
    const last = this.last;
    const stepLength = this.stepLength;
    let inflows = 0;
    let outflows = 0;
    let inflowsSlope = 0;
    let outflowsSlope = 0;
    if (descending) {
      // Σ c_k y^(k − first); the slope chains hold Σ (k − first) c_k y^(k − first − 1).
      for (let step = last; step >= first; step--) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        const coefficient = coefficients[step] as number;
        inflows = inflows * ratio + Math.max(coefficient, 0);
        outflows = outflows * ratio + Math.max(-coefficient, 0);
      }
      this.inflowsWeighted = stepLength * (ratio * inflowsSlope + first * inflows);
      this.outflowsWeighted = stepLength * (ratio * outflowsSlope + first * outflows);
    } else {
      // Σ c_k z^(last − k); the slope chains hold Σ (last − k) c_k z^(last − k − 1).
      for (let step = first; step <= last; step++) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        const coefficient = coefficients[step] as number;
        inflows = inflows * ratio + Math.max(coefficient, 0);
        outflows = outflows * ratio + Math.max(-coefficient, 0);
      }
      this.inflowsWeighted = stepLength * (last * inflows - ratio * inflowsSlope);
      this.outflowsWeighted = stepLength * (last * outflows - ratio * outflowsSlope);
    }
    const pivot = descending ? first : last;
    this.inflows = inflows;
    this.inflowsPivot = pivot;
    this.outflows = outflows;
    this.outflowsPivot = pivot;
  }

  /**
   * One side summed again from its own pivot, its first (or last) step, where its term is at least
   * 2⁻⁹⁰⁰; the moment Σ k c_k ratio^… holds each term's step, for the time-weighted sum.
   */
  private sumSide(side: Side, ratio: number, descending: boolean): void {
    const coefficients = this.coefficients;
    const sign = side.sign;
    const from = side.first;
    const to = side.last;
    let sum = 0;
    let moment = 0;
    if (descending) {
      for (let step = to; step >= from; step--) {
        const size = Math.max(sign * (coefficients[step] as number), 0);
        sum = sum * ratio + size;
        moment = moment * ratio + step * size;
      }
    } else {
      for (let step = from; step <= to; step++) {
        const size = Math.max(sign * (coefficients[step] as number), 0);
        sum = sum * ratio + size;
        moment = moment * ratio + step * size;
      }
    }
    this.sideSum = sum;
    this.sideMoment = moment;
  }

  private logScaleOf(side: Side, pivot: number): number {
    if (side.first < 0) return Number.NEGATIVE_INFINITY;
    return this.logUnit - pivot * this.stepLength * Math.log1p(this.rate);
  }
}

/** The side of the grid whose coefficients have the sign `sign`. */
function side(coefficients: readonly number[], sign: number): Side {
  let first = -1;
  let last = -1;
  for (let step = 0; step < coefficients.length; step++) {
    if (!(sign * (coefficients[step] as number) > 0)) continue;
    if (first < 0) first = step;
    last = step;
  }
  return { sign, first, last };
}

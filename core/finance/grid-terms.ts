import type { PresentValueTerms } from "./rate-solver";

/** Below this size a scaled coefficient would make the sums' underflow matter (see `create`). */
const SMALLEST_COEFFICIENT = 2 ** -900;
/** A grid is used while its length is within this many steps a flow: a Horner step costs ~1/16 of an exp. */
const STEPS_PER_FLOW = 16;

/**
 * The terms of PV(r) = Σ cᵢ · (1 + r)^(−kᵢ · stepLength) for whole numbers kᵢ (periods, or days
 * with stepLength 1/365), summed by Horner's rule over the grid of steps: no exp per flow.
 *
 * Flows beyond 2^±400 are scaled by a power of two (exact) so the largest is about 1, and no flow
 * may be below 2⁻⁹⁰⁰ (else `create` declines). Horner runs in the direction whose ratio is at most
 * 1: y = (1 + r)^(−stepLength) from the last step down when r ≥ 0, z = 1/y from the first step up
 * when r < 0, with y^first (or y^last) taken out into `logScale`. So no sum overflows, and what
 * underflow loses is below 2⁻¹⁷⁴ of the sum.
 */
export class GridTerms implements PresentValueTerms {
  inflows = 0;
  outflows = 0;
  inflowsWeighted = 0;
  outflowsWeighted = 0;
  /** The last rate, for `logScale`, which only the search reads. */
  private rate = 0;
  /** The step whose power was taken out of the sums at the last rate. */
  private pivot = 0;

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

  get logScale(): number {
    return this.logUnit - this.pivot * this.stepLength * Math.log1p(this.rate);
  }

  evaluate(rate: number): void {
    const coefficients = this.coefficients;
    const first = this.first;
    const last = this.last;
    const stepLength = this.stepLength;
    // For whole periods the ratios need no logarithm: 1 / (1 + r), or 1 + r itself.
    const periodic = stepLength === 1;
    let inflows = 0;
    let outflows = 0;
    let inflowsSlope = 0;
    let outflowsSlope = 0;
    if (rate >= 0) {
      // Σ c_k y^(k − first), y = (1 + r)^(−stepLength); the slope chains hold Σ (k − first) c_k y^(k − first − 1).
      const ratio = periodic ? 1 / (1 + rate) : Math.exp(-stepLength * Math.log1p(rate));
      for (let step = last; step >= first; step--) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        const coefficient = coefficients[step] as number;
        inflows = inflows * ratio + Math.max(coefficient, 0);
        outflows = outflows * ratio + Math.max(-coefficient, 0);
      }
      this.inflowsWeighted = stepLength * (ratio * inflowsSlope + first * inflows);
      this.outflowsWeighted = stepLength * (ratio * outflowsSlope + first * outflows);
      this.pivot = first;
    } else {
      // Σ c_k z^(last − k), z = 1/y; the slope chains hold Σ (last − k) c_k z^(last − k − 1).
      const ratio = periodic ? 1 + rate : Math.exp(stepLength * Math.log1p(rate));
      for (let step = first; step <= last; step++) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        const coefficient = coefficients[step] as number;
        inflows = inflows * ratio + Math.max(coefficient, 0);
        outflows = outflows * ratio + Math.max(-coefficient, 0);
      }
      this.inflowsWeighted = stepLength * (last * inflows - ratio * inflowsSlope);
      this.outflowsWeighted = stepLength * (last * outflows - ratio * outflowsSlope);
      this.pivot = last;
    }
    this.rate = rate;
    this.inflows = inflows;
    this.outflows = outflows;
  }
}

import type { PresentValueTerms } from "./rate-solver";

/** Below this size a scaled coefficient would make the sums' underflow matter (see `create`). */
const SMALLEST_COEFFICIENT = 2 ** -900;
/** A grid is used while its length is within this many steps a flow (Horner steps are ~20× cheaper than exp). */
const STEPS_PER_FLOW = 32;
const EXTRA_STEPS = 1024;

/**
 * The terms of PV(r) = Σ cᵢ · (1 + r)^(−kᵢ · stepLength) for whole numbers kᵢ (periods, or days
 * with stepLength 1/365), summed by Horner's rule over the grid of steps: no exp per flow.
 *
 * Flows are scaled by a power of two (exact) so the largest is about 1. Horner runs in the
 * direction whose ratio is at most 1: y = (1 + r)^(−stepLength) from the last step down when
 * r ≥ 0, z = 1/y from the first step up when r < 0, with y^first (or y^last) taken out into
 * `logScale`. So no sum overflows, and one that underflows loses less than 2⁻¹⁷⁴ of its size.
 */
export class GridTerms implements PresentValueTerms {
  inflows = 0;
  outflows = 0;
  inflowsWeighted = 0;
  outflowsWeighted = 0;
  logScale = 0;

  private constructor(
    /** The inflows' scaled sizes by step, 0 where a step's flows add to 0 or less. */
    private readonly inflowSizes: Float64Array,
    /** The outflows' scaled sizes by step. */
    private readonly outflowSizes: Float64Array,
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
   * @param steps whole numbers ≥ 0, one per flow
   */
  static create(
    values: readonly number[],
    steps: ArrayLike<number>,
    stepLength: number,
  ): GridTerms | undefined {
    let largest = 0;
    let span = 0;
    for (let index = 0; index < values.length; index++) {
      largest = Math.max(largest, Math.abs(values[index] as number));
      span = Math.max(span, steps[index] as number);
    }
    if (largest === 0 || span > STEPS_PER_FLOW * values.length + EXTRA_STEPS) return undefined;
    // 2^-exponent in two factors, each a normal double, so the scaling is exact.
    const exponent = Math.floor(Math.log2(largest));
    const half = Math.trunc(exponent / 2);
    const scaleA = 2 ** -half;
    const scaleB = 2 ** -(exponent - half);
    const coefficients = new Float64Array(span + 1);
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      const scaled = value * scaleA * scaleB;
      // A flow that scaling would make this small (or 0) needs the exp terms' common scale.
      if (value !== 0 && Math.abs(scaled) < SMALLEST_COEFFICIENT) return undefined;
      const step = steps[index] as number;
      coefficients[step] = (coefficients[step] as number) + scaled;
    }
    const inflowSizes = new Float64Array(span + 1);
    const outflowSizes = new Float64Array(span + 1);
    let first = -1;
    let last = -1;
    for (let step = 0; step <= span; step++) {
      const coefficient = coefficients[step] as number;
      if (coefficient === 0) continue;
      if (Math.abs(coefficient) < SMALLEST_COEFFICIENT) return undefined;
      if (coefficient > 0) inflowSizes[step] = coefficient;
      else outflowSizes[step] = -coefficient;
      if (first < 0) first = step;
      last = step;
    }
    if (first < 0) return undefined;
    return new GridTerms(inflowSizes, outflowSizes, first, last, stepLength, exponent * Math.LN2);
  }

  evaluate(rate: number): void {
    const inflowSizes = this.inflowSizes;
    const outflowSizes = this.outflowSizes;
    const first = this.first;
    const last = this.last;
    const logGrowth = Math.log1p(rate);
    let inflows = 0;
    let outflows = 0;
    let inflowsSlope = 0;
    let outflowsSlope = 0;
    if (logGrowth >= 0) {
      // Σ c_k y^(k − first); the slope chains hold Σ (k − first) c_k y^(k − first − 1).
      const ratio = Math.exp(-logGrowth * this.stepLength);
      for (let step = last; step >= first; step--) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        inflows = inflows * ratio + (inflowSizes[step] as number);
        outflows = outflows * ratio + (outflowSizes[step] as number);
      }
      this.inflowsWeighted = this.stepLength * (ratio * inflowsSlope + first * inflows);
      this.outflowsWeighted = this.stepLength * (ratio * outflowsSlope + first * outflows);
      this.logScale = this.logUnit - first * this.stepLength * logGrowth;
    } else {
      // Σ c_k z^(last − k); the slope chains hold Σ (last − k) c_k z^(last − k − 1).
      const ratio = Math.exp(logGrowth * this.stepLength);
      for (let step = first; step <= last; step++) {
        inflowsSlope = inflowsSlope * ratio + inflows;
        outflowsSlope = outflowsSlope * ratio + outflows;
        inflows = inflows * ratio + (inflowSizes[step] as number);
        outflows = outflows * ratio + (outflowSizes[step] as number);
      }
      this.inflowsWeighted = this.stepLength * (last * inflows - ratio * inflowsSlope);
      this.outflowsWeighted = this.stepLength * (last * outflows - ratio * outflowsSlope);
      this.logScale = this.logUnit - last * this.stepLength * logGrowth;
    }
    this.inflows = inflows;
    this.outflows = outflows;
  }
}

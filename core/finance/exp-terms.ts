import type { PresentValueTerms } from "./rate-solver";

/** Below this size a double is subnormal and has lost digits. */
const SMALLEST_NORMAL = 2 ** -1022;
/**
 * A direct sum is trusted when its terms' total size is at least this share of the largest flow:
 * a term lost to underflow is then below 2⁻¹⁷⁴ of the sum.
 */
const DIRECT_FLOOR = 2 ** -900;
/** An exp costs about as much as this many Horner steps. */
const EXP_COST = 8;

/**
 * The terms of PV(r) = Σ cᵢ · (1 + r)^(−tᵢ) for any times, one exp per flow.
 *
 * First summed directly, in the flows' own units, as Excel does. Where that would overflow,
 * underflow, or start from subnormal flows, each term is summed as
 * sign(cᵢ) · exp(ln|cᵢ| − tᵢ · ln(1 + r) − logScale), with logScale the largest exponent, so the
 * largest term is 1 whatever the sizes (1e308, 5e-324) and the rate.
 */
export class ExpTerms implements PresentValueTerms {
  inflows = 0;
  outflows = 0;
  inflowsWeighted = 0;
  outflowsWeighted = 0;
  logScale = 0;
  readonly size: number;

  private readonly directAllowed: boolean;
  private readonly directFloor: number;
  private logSizes: Float64Array | undefined;

  constructor(
    private readonly values: readonly number[],
    private readonly times: ArrayLike<number>,
  ) {
    let largest = 0;
    let allNormal = true;
    for (const value of values) {
      const size = Math.abs(value);
      largest = Math.max(largest, size);
      if (size !== 0 && size < SMALLEST_NORMAL) allNormal = false;
    }
    this.directAllowed = allNormal;
    this.directFloor = DIRECT_FLOOR * Math.max(1, largest);
    this.size = EXP_COST * values.length;
  }

  evaluate(rate: number): void {
    const logGrowth = Math.log1p(rate);
    if (this.directAllowed && this.sumDirectly(logGrowth)) return;
    this.sumScaled(logGrowth);
  }

  /** Σ in the flows' own units; false when the sums cannot be trusted. */
  private sumDirectly(logGrowth: number): boolean {
    const values = this.values;
    const times = this.times;
    let inflows = 0;
    let outflows = 0;
    let inflowsWeighted = 0;
    let outflowsWeighted = 0;
    for (let index = 0; index < values.length; index++) {
      const time = times[index] as number;
      const term = (values[index] as number) * Math.exp(-time * logGrowth);
      if (term > 0) {
        inflows += term;
        inflowsWeighted += time * term;
      } else {
        outflows -= term;
        outflowsWeighted -= time * term;
      }
    }
    const size = inflows + outflows;
    if (!(size >= this.directFloor && size < Number.POSITIVE_INFINITY)) return false;
    if (!Number.isFinite(inflowsWeighted) || !Number.isFinite(outflowsWeighted)) return false;
    this.store(inflows, outflows, inflowsWeighted, outflowsWeighted, 0);
    return true;
  }

  private sumScaled(logGrowth: number): void {
    const values = this.values;
    const times = this.times;
    this.logSizes ??= Float64Array.from(values, (value) => Math.log(Math.abs(value)));
    const logSizes = this.logSizes;
    let logScale = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < values.length; index++) {
      // A flow of 0 has -Infinity here and adds nothing below.
      const exponent = (logSizes[index] as number) - (times[index] as number) * logGrowth;
      if (exponent > logScale) logScale = exponent;
    }
    let inflows = 0;
    let outflows = 0;
    let inflowsWeighted = 0;
    let outflowsWeighted = 0;
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      if (value === 0) continue;
      const time = times[index] as number;
      const term = Math.exp((logSizes[index] as number) - time * logGrowth - logScale);
      if (value > 0) {
        inflows += term;
        inflowsWeighted += time * term;
      } else {
        outflows += term;
        outflowsWeighted += time * term;
      }
    }
    this.store(inflows, outflows, inflowsWeighted, outflowsWeighted, logScale);
  }

  private store(
    inflows: number,
    outflows: number,
    inflowsWeighted: number,
    outflowsWeighted: number,
    logScale: number,
  ): void {
    this.inflows = inflows;
    this.outflows = outflows;
    this.inflowsWeighted = inflowsWeighted;
    this.outflowsWeighted = outflowsWeighted;
    this.logScale = logScale;
  }
}

import type { PresentValueTerms } from "./rate-solver";

/** Below this size a double is subnormal and has lost digits. */
const SMALLEST_NORMAL = 2 ** -1022;
/**
 * A direct sum is trusted when each side's sum is at least this share of the largest flow (or 1):
 * a term lost to underflow is then below 2⁻¹⁷⁴ of its side's sum.
 */
const DIRECT_FLOOR = 2 ** -900;
/** An exp costs about as much as this many Horner steps. */
const EXP_COST = 8;

/**
 * The terms of PV(r) = Σ cᵢ · (1 + r)^(−tᵢ) for any times, one exp per flow.
 *
 * First summed directly, in the flows' own units, as Excel does. Where that would overflow, lose
 * a side to underflow, or start from subnormal flows, each side is summed in its own unit: a term
 * is exp(ln|cᵢ| − tᵢ · ln(1 + r) − logScale), with logScale the side's largest exponent, so each
 * side's largest term is 1 whatever the sizes (1e308, 5e-324) and the rate.
 */
export class ExpTerms implements PresentValueTerms {
  inflows = 0;
  inflowsWeighted = 0;
  inflowsLogScale = 0;
  outflows = 0;
  outflowsWeighted = 0;
  outflowsLogScale = 0;
  sameUnit = true;
  readonly size: number;

  private readonly hasInflows: boolean;
  private readonly hasOutflows: boolean;
  private readonly directAllowed: boolean;
  private readonly directFloor: number;
  private logSizes: Float64Array | undefined;

  constructor(
    private readonly values: readonly number[],
    private readonly times: ArrayLike<number>,
  ) {
    let largest = 0;
    let allNormal = true;
    let hasInflows = false;
    let hasOutflows = false;
    for (const value of values) {
      const size = Math.abs(value);
      largest = Math.max(largest, size);
      if (size !== 0 && size < SMALLEST_NORMAL) allNormal = false;
      if (value > 0) hasInflows = true;
      if (value < 0) hasOutflows = true;
    }
    this.hasInflows = hasInflows;
    this.hasOutflows = hasOutflows;
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
    if (!this.trusted(inflows, inflowsWeighted, this.hasInflows)) return false;
    if (!this.trusted(outflows, outflowsWeighted, this.hasOutflows)) return false;
    // The solver adds the sides for PV's total size: two sums below 1.8e308 may pass it together.
    if (!(inflows + outflows < Number.POSITIVE_INFINITY)) return false;
    this.store(inflows, outflows, inflowsWeighted, outflowsWeighted, 0, 0);
    this.sameUnit = true;
    return true;
  }

  /** Whether a side's direct sums hold: finite, and not so small that underflow took a share of them. */
  private trusted(sum: number, weighted: number, hasFlows: boolean): boolean {
    if (!hasFlows) return true;
    return sum >= this.directFloor && sum < Number.POSITIVE_INFINITY && Number.isFinite(weighted);
  }

  private sumScaled(logGrowth: number): void {
    const values = this.values;
    const times = this.times;
    this.logSizes ??= Float64Array.from(values, (value) => Math.log(Math.abs(value)));
    const logSizes = this.logSizes;
    let inflowsLogScale = Number.NEGATIVE_INFINITY;
    let outflowsLogScale = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      const exponent = (logSizes[index] as number) - (times[index] as number) * logGrowth;
      if (value > 0) inflowsLogScale = Math.max(inflowsLogScale, exponent);
      else if (value < 0) outflowsLogScale = Math.max(outflowsLogScale, exponent);
    }
    let inflows = 0;
    let outflows = 0;
    let inflowsWeighted = 0;
    let outflowsWeighted = 0;
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      if (value === 0) continue;
      const time = times[index] as number;
      const exponent = (logSizes[index] as number) - time * logGrowth;
      if (value > 0) {
        const term = Math.exp(exponent - inflowsLogScale);
        inflows += term;
        inflowsWeighted += time * term;
      } else {
        const term = Math.exp(exponent - outflowsLogScale);
        outflows += term;
        outflowsWeighted += time * term;
      }
    }
    this.store(inflows, outflows, inflowsWeighted, outflowsWeighted, inflowsLogScale, outflowsLogScale);
    // A side without flows is 0 in any unit.
    this.sameUnit = !this.hasInflows || !this.hasOutflows;
  }

  private store(
    inflows: number,
    outflows: number,
    inflowsWeighted: number,
    outflowsWeighted: number,
    inflowsLogScale: number,
    outflowsLogScale: number,
  ): void {
    this.inflows = inflows;
    this.inflowsWeighted = inflowsWeighted;
    this.inflowsLogScale = this.hasInflows ? inflowsLogScale : Number.NEGATIVE_INFINITY;
    this.outflows = outflows;
    this.outflowsWeighted = outflowsWeighted;
    this.outflowsLogScale = this.hasOutflows ? outflowsLogScale : Number.NEGATIVE_INFINITY;
  }
}

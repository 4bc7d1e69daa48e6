import type { PresentValueCurve } from "./rate-solver";

/** PV(r) = Σ valuesᵢ · (1 + r)^(−yearsᵢ), each power as exp(−yearsᵢ · ln(1 + r)). */
export class DatedCurve implements PresentValueCurve {
  slope = 0;
  magnitude = 0;
  constructor(
    private readonly values: readonly number[],
    private readonly years: Float64Array,
  ) {}

  evaluate(rate: number): number {
    const values = this.values;
    const years = this.years;
    const logGrowth = Math.log1p(rate);
    let value = 0;
    let weighted = 0;
    let magnitude = 0;
    for (let index = 0; index < values.length; index++) {
      const term = (values[index] as number) * Math.exp(-(years[index] as number) * logGrowth);
      value += term;
      weighted += (years[index] as number) * term;
      magnitude += Math.abs(term);
    }
    this.slope = -weighted / (1 + rate);
    this.magnitude = magnitude;
    return value;
  }
}

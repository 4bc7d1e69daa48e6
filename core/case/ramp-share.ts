import { FormulaError } from "../errors";

/**
 * The share of a benefit's full effect realised in the k-th year of its stream (k = 1 is its
 * first year), rising in equal steps over the ramp-up: min(1, k / (rampUpYears + 1)). With no
 * ramp-up the full effect comes in the first year; with one year, half then all.
 *
 * Source: BuyIn's definition, a linear ramp: a new skill's effect on a measure builds up as it
 * is applied, so counting it in full from the first year would overstate early benefits.
 *
 * @param streamYear the year of the stream, 1 for its first
 * @param rampUpYears whole years before the full effect, 0 or more
 * @throws FormulaError `#VALUE!` for a stream year below 1 or a ramp-up that is not a whole number 0 or more
 * @example rampShare(1, 1) // 0.5
 */
export function rampShare(streamYear: number, rampUpYears: number): number {
  if (!Number.isInteger(streamYear) || streamYear < 1) {
    throw new FormulaError(
      "VALUE",
      `BuyIn business case: the stream year must be a whole number, 1 or more, got ${streamYear}`,
    );
  }
  if (!Number.isInteger(rampUpYears) || rampUpYears < 0) {
    throw new FormulaError(
      "VALUE",
      `BuyIn business case: Ramp-up (years) must be a whole number, 0 or more, got ${rampUpYears}`,
    );
  }
  return Math.min(1, streamYear / (rampUpYears + 1));
}

import type { BenefitStream } from "./inputs";
import { rampShare } from "./ramp-share";

/** A benefit stream's money by year 0…horizon, before and after the Phillips adjustments. */
export interface BenefitYears {
  /** improvement × value per unit × ramp share, by year. */
  readonly gross: number[];
  /** gross × attribution × confidence, by year: what the programme is credited with. */
  readonly adjusted: number[];
}

/**
 * One benefit stream over years 0…horizon. In year y of its life (firstYear ≤ y < firstYear +
 * durationYears, y ≤ horizon, the stream's k = y − firstYear + 1), gross = improvement × value
 * per unit × rampShare(k, rampUpYears); adjusted = gross × attribution × confidence, a blank
 * share counting as 1 (no adjustment, which the judgement aids flag). Year 0 holds no benefit.
 *
 * Source: Phillips ROI Methodology: convert the improvement to money (unit value × change),
 * isolate the programme's effect (attribution) and adjust the estimate for error (confidence),
 * guiding principles 5 and 7 (J. J. Phillips & P. P. Phillips, ROI Institute).
 *
 * @param stream a valid benefit stream (core/case/inputs.ts)
 * @param horizonYears the case's last year
 * @example benefitByYear({ improvement: 10, valuePerUnit: 1000, attribution: 0.5, confidence: 0.8, firstYear: 1, rampUpYears: 1, durationYears: 3 }, 3).adjusted.reduce((a, b) => a + b) // 10000
 */
export function benefitByYear(
  stream: Pick<
    BenefitStream,
    | "improvement"
    | "valuePerUnit"
    | "attribution"
    | "confidence"
    | "firstYear"
    | "rampUpYears"
    | "durationYears"
  >,
  horizonYears: number,
): BenefitYears {
  const gross = new Array<number>(horizonYears + 1).fill(0);
  const adjusted = new Array<number>(horizonYears + 1).fill(0);
  const full = stream.improvement * stream.valuePerUnit;
  const credit = (stream.attribution ?? 1) * (stream.confidence ?? 1);
  const last = Math.min(horizonYears, stream.firstYear + stream.durationYears - 1);
  for (let year = stream.firstYear; year <= last; year++) {
    const value = full * rampShare(year - stream.firstYear + 1, stream.rampUpYears);
    gross[year] = value;
    adjusted[year] = value * credit;
  }
  return { gross, adjusted };
}

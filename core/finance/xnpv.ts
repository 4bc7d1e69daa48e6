import { finiteResult, requireFlows, requireRate } from "../validate";
import { yearsFromStart } from "./dates";

const FN = "BUYIN.XNPV";

/**
 * Net present value of cash flows on given dates, with Excel's convention:
 * XNPV = Σᵢ valuesᵢ / (1 + rate)^((datesᵢ − dates₁) / 365). The first date is the start and is
 * not discounted; the others may come in any order but not before it. Dates are serial numbers
 * (1900 date system), truncated to whole days.
 *
 * Source: Microsoft, "XNPV function" (Excel documentation).
 *
 * @param rate annual discount rate, greater than -1
 * @param values cash flows, at least one
 * @param dates one date serial per cash flow
 * @throws FormulaError `#NUM!` for mismatched counts, a date before the first, or rate ≤ -1
 * @example xnpv(0.09, [-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 2086.6476020315416
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly number[]): number {
  requireRate(FN, "rate", rate);
  requireFlows(FN, "cash flows", values, 1);
  const years = yearsFromStart(FN, values, dates);
  const logGrowth = Math.log1p(rate);
  let presentValue = 0;
  for (let index = 0; index < values.length; index++) {
    presentValue += (values[index] as number) * Math.exp(-(years[index] as number) * logGrowth);
  }
  return finiteResult(FN, presentValue);
}

import { FormulaError } from "../errors";
import { finiteResult, requireFinite, requireFlows } from "../validate";

const FN = "BUYIN.NPV";

/**
 * Net present value of periodic cash flows, with Excel's convention: the first value is
 * discounted one full period, NPV = Σᵢ valuesᵢ / (1 + rate)^i for i = 1…n. Add a time-0 investment
 * outside the call, as in Excel's `=NPV(r, B2:B6) + B1`.
 *
 * Source: Microsoft, "NPV function" (Excel documentation). Like Excel, a rate below -1 is
 * computed as written; a rate of exactly -1 divides by zero.
 *
 * Evaluated in Horner form from the last flow back, one division per flow.
 *
 * @param rate discount rate per period (0.1 for 10%)
 * @param values cash flows at the end of periods 1…n; at least one
 * @returns the present value one period before the first flow
 * @throws FormulaError `#DIV/0!` at rate -1; `#VALUE!` for no flows or a non-finite one
 * @example npv(0.1, [-10000, 3000, 4200, 6800]) // 1188.4434123352207
 */
export function npv(rate: number, values: readonly number[]): number {
  requireFinite(FN, "rate", rate);
  requireFlows(FN, "cash flows", values, 1);
  if (rate === -1) throw new FormulaError("DIV0", `${FN}: a rate of -1 (-100%) divides by zero`);
  const growth = 1 + rate;
  let presentValue = 0;
  for (let index = values.length - 1; index >= 0; index--) {
    presentValue = (presentValue + (values[index] as number)) / growth;
  }
  return finiteResult(FN, presentValue);
}

import { FormulaError } from "../errors";
import { finiteResult, requireFlows, requireRate } from "../validate";
import { paybackCore } from "./payback-core";

const FN = "BUYIN.DPAYBACK";

/**
 * Discounted payback period: the payback rule applied to flows discounted to time 0, flowᵢ /
 * (1 + rate)^i, interpolated within the period in which their cumulative sum first reaches zero.
 *
 * Source: the textbook discounted payback rule, e.g. Brealey, Myers & Allen, "Principles of
 * Corporate Finance", ch. 5; BuyIn's definition in docs/ARCHITECTURE.md.
 *
 * @param rate discount rate per period, greater than -1
 * @param cashflows flows at periods 0…n, with at least one negative value
 * @throws FormulaError `#VALUE!` when no flow is negative or rate ≤ -1; `#N/A` when never paid back
 * @example discountedPayback(0.1, [-1000, 500, 400, 300, 100]) // 2.953333333333334
 */
export function discountedPayback(rate: number, cashflows: readonly number[]): number {
  requireRate(FN, "rate", rate, "VALUE");
  requireFlows(FN, "cash flows", cashflows, 2);
  if (!cashflows.some((flow) => flow < 0)) {
    throw new FormulaError("VALUE", `${FN}: cash flows need an investment (a negative value) to pay back`);
  }
  const discounted = new Float64Array(cashflows.length);
  let factor = 1;
  for (let period = 0; period < cashflows.length; period++) {
    discounted[period] = finiteResult(FN, (cashflows[period] as number) / factor);
    factor *= 1 + rate;
  }
  const periods = paybackCore(discounted);
  if (Number.isNaN(periods)) {
    throw new FormulaError(
      "NA",
      `${FN}: the cumulative discounted cash flow never reaches zero within the ${cashflows.length} periods given`,
    );
  }
  return periods;
}

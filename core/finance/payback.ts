import { FormulaError } from "../errors";
import { requireFlows } from "../validate";
import { paybackCore } from "./payback-core";

const FN = "BUYIN.PAYBACK";

/**
 * Payback period: the number of periods until the cumulative cash flow first reaches zero,
 * interpolated within the period in which it does (the share of that period's flow needed to
 * cover what was still outstanding). The first flow is at time 0, usually the investment.
 *
 * Source: the textbook payback rule, e.g. Brealey, Myers & Allen, "Principles of Corporate
 * Finance", ch. 5; BuyIn's definition in docs/ARCHITECTURE.md.
 *
 * @param cashflows flows at periods 0…n, with at least one negative value (the investment)
 * @returns periods, such as 2.3333 for two years and four months
 * @throws FormulaError `#VALUE!` when no flow is negative; `#N/A` when the cumulative flow never reaches zero
 * @example payback([-1000, 500, 400, 300, 100]) // 2.3333333333333335
 */
export function payback(cashflows: readonly number[]): number {
  requireFlows(FN, "cash flows", cashflows, 2);
  if (!cashflows.some((flow) => flow < 0)) {
    throw new FormulaError("VALUE", `${FN}: cash flows need an investment (a negative value) to pay back`);
  }
  const periods = paybackCore(cashflows);
  if (Number.isNaN(periods)) {
    throw new FormulaError(
      "NA",
      `${FN}: the cumulative cash flow never reaches zero within the ${cashflows.length} periods given`,
    );
  }
  return periods;
}

import { FormulaError } from "../errors";
import { requireFlows, requireRate } from "../validate";
import { paybackCore } from "./payback-core";

const FN = "BUYIN.DPAYBACK";
/** Below this size a double is subnormal and has lost digits. */
const SMALLEST_NORMAL = 2 ** -1022;

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
  const periods = paybackCore(discountedDirectly(rate, cashflows) ?? discountedScaled(rate, cashflows));
  if (Number.isNaN(periods)) {
    throw new FormulaError(
      "NA",
      `${FN}: the cumulative discounted cash flow never reaches zero within the ${cashflows.length} periods given`,
    );
  }
  return periods;
}

/**
 * flowᵢ / (1 + rate)^i, the factor built by multiplication; `undefined` where a factor or a
 * discounted flow leaves the range of normal doubles (1e308 at -90%, 1e-300 at 1e300%).
 */
function discountedDirectly(rate: number, cashflows: readonly number[]): Float64Array | undefined {
  const discounted = new Float64Array(cashflows.length);
  let factor = 1;
  for (let period = 0; period < cashflows.length; period++) {
    const flow = cashflows[period] as number;
    const value = flow / factor;
    if (!(factor >= SMALLEST_NORMAL && factor <= Number.MAX_VALUE)) return undefined;
    if (flow !== 0 && !(Math.abs(value) >= SMALLEST_NORMAL && Math.abs(value) <= Number.MAX_VALUE)) {
      return undefined;
    }
    discounted[period] = value;
    factor *= 1 + rate;
  }
  return discounted;
}

/**
 * The discounted flows times one common positive factor, which payback's ratios do not see:
 * sign(flowᵢ) · exp(ln|flowᵢ| − i · ln(1 + rate) − top), top the largest exponent, so the
 * largest is 1 whatever the sizes and the rate.
 */
function discountedScaled(rate: number, cashflows: readonly number[]): Float64Array {
  const logGrowth = Math.log1p(rate);
  const exponents = Float64Array.from(
    cashflows,
    (flow, period) => Math.log(Math.abs(flow)) - period * logGrowth,
  );
  const top = exponents.reduce((largest, exponent) => Math.max(largest, exponent), Number.NEGATIVE_INFINITY);
  return Float64Array.from(cashflows, (flow, period) =>
    flow === 0 ? 0 : Math.sign(flow) * Math.exp((exponents[period] as number) - top),
  );
}

import { FormulaError } from "../errors";
import { requireFinite, requireFlows, requireSignChange, show } from "../validate";
import { yearsFromStart } from "./dates";
import { ExpTerms } from "./exp-terms";
import { GridTerms } from "./grid-terms";
import { solveRate } from "./rate-solver";

const FN = "BUYIN.XIRR";

/**
 * Pure kernel: the XIRR of validated flows and their years from the start, or `NaN` when no
 * root can be found.
 */
export function xirrCore(values: readonly number[], years: readonly number[], guess: number): number {
  // Dates are whole days, so the years are days / 365 and a grid of days can carry the sum.
  return solveRate(GridTerms.create(values, 1 / 365, years) ?? new ExpTerms(values, years), guess);
}

/**
 * Internal rate of return of cash flows on given dates: the annual rate r > -1 at which
 * Σᵢ valuesᵢ / (1 + r)^((datesᵢ − dates₁) / 365) = 0, with Excel's date rules (serial numbers,
 * truncated to whole days, none before the first date).
 *
 * Source: Microsoft, "XIRR function" (Excel documentation). Newton's method from `guess`, then,
 * where Newton fails, a search of every rate above -100% a double can hold, so a root is found in
 * cases where Excel gives `#NUM!`, whatever the flows' sizes.
 *
 * @param values cash flows with at least one negative and one positive value
 * @param dates one date serial per cash flow
 * @param guess starting rate, default 0.1; must be greater than -1
 * @throws FormulaError `#NUM!` for mismatched counts, a date before the first, no sign change, or no root
 * @example xirr([-10000, 2750, 4250, 3250, 2750], [39448, 39508, 39751, 39859, 39904]) // 0.3733625335188315
 */
export function xirr(values: readonly number[], dates: readonly number[], guess = 0.1): number {
  requireFlows(FN, "cash flows", values, 2);
  requireFinite(FN, "guess", guess);
  if (guess <= -1)
    throw new FormulaError("NUM", `${FN}: guess must be greater than -1 (-100%), got ${show(guess)}`);
  const years = yearsFromStart(FN, values, dates);
  requireSignChange(FN, "cash flows", values);
  const rate = xirrCore(values, years, guess);
  if (Number.isNaN(rate)) {
    throw new FormulaError(
      "NUM",
      `${FN}: no rate above -100% makes the net present value of these cash flows zero`,
    );
  }
  return rate;
}

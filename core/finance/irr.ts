import { FormulaError } from "../errors";
import { requireFinite, requireFlows, requireSignChange, show } from "../validate";
import { ExpTerms } from "./exp-terms";
import { GridTerms } from "./grid-terms";
import { solveRate } from "./rate-solver";

const FN = "BUYIN.IRR";

/**
 * Pure kernel: the IRR of already-validated flows, or `NaN` when no root can be found.
 * @param values cash flows at periods 0…n−1, with at least one sign change
 * @param guess starting rate for Newton's method, > -1
 */
export function irrCore(values: readonly number[], guess: number): number {
  return solveRate(GridTerms.create(values, 1) ?? new ExpTerms(values, periodTimes(values.length)), guess);
}

function periodTimes(count: number): Float64Array {
  const times = new Float64Array(count);
  for (let period = 0; period < count; period++) times[period] = period;
  return times;
}

/**
 * Internal rate of return of periodic cash flows: the rate r > -1 at which
 * Σᵢ valuesᵢ / (1 + r)^i = 0 for i = 0…n−1 (the first flow is at time 0, as in Excel).
 *
 * Source: Microsoft, "IRR function" (Excel documentation). Newton's method from `guess` (as Excel),
 * then, when Newton fails, a search of every rate above -100% a double can hold, so BuyIn finds a
 * root in cases where Excel returns `#NUM!`. Sums are scaled, so flows of any size (1e308, 5e-324)
 * neither overflow nor vanish; `#NUM!` means no rate is a root. With several roots (flows that change sign more than once) the one Newton reaches from
 * the guess is returned, else the bracketed root nearest the guess.
 *
 * @param values cash flows, at least two, with at least one negative and one positive value
 * @param guess starting rate, default 0.1; must be greater than -1
 * @returns the rate per period (0.087 for 8.7%)
 * @throws FormulaError `#NUM!` when the flows have no sign change or no root can be found
 * @example irr([-70000, 12000, 15000, 18000, 21000, 26000]) // 0.08663094803653171
 */
export function irr(values: readonly number[], guess = 0.1): number {
  requireFlows(FN, "cash flows", values, 2);
  requireFinite(FN, "guess", guess);
  if (guess <= -1)
    throw new FormulaError("NUM", `${FN}: guess must be greater than -1 (-100%), got ${show(guess)}`);
  requireSignChange(FN, "cash flows", values);
  const rate = irrCore(values, guess);
  if (Number.isNaN(rate)) {
    throw new FormulaError(
      "NUM",
      `${FN}: no rate above -100% makes the net present value of these cash flows zero`,
    );
  }
  return rate;
}

/**
 * An independent check of rates of return, written plainly (a sum of powers, a dense scan), so
 * the tests do not trust the kernels' own evaluation.
 */
import { expect } from "vitest";
import { FormulaError } from "../../../core/index";

/** The rate nearest -100% a double can hold, -1 + 2⁻⁵³. */
export const SMALLEST_RATE = -1 + 2 ** -53;

/**
 * Σ vᵢ (1 + r)^(−tᵢ) and the total size of its terms, both in one unit: the plain sum where it
 * holds (every power a normal double, no overflow, and a sum large enough that terms lost to
 * underflow cannot matter). Elsewhere
 * (flows of 1e308 or 5e-324, rates near the ends of the domain) each term is taken as
 * sign(vᵢ) · exp(ln|vᵢ| − tᵢ ln(1 + r)) divided by the largest term: the sum's sign and its share
 * of the total size are those of the true sum.
 */
export function presentValue(rate: number, values: readonly number[], years: readonly number[]) {
  let value = 0;
  let magnitude = 0;
  let powersNormal = true;
  values.forEach((flow, index) => {
    const power = (1 + rate) ** -(years[index] as number);
    if (!(power >= 2 ** -1022 && power <= Number.MAX_VALUE)) powersNormal = false;
    const term = flow * power;
    value += term;
    magnitude += Math.abs(term);
  });
  if (
    powersNormal &&
    Number.isFinite(value) &&
    magnitude < Number.POSITIVE_INFINITY &&
    magnitude >= 2 ** -900
  ) {
    return { value, magnitude };
  }
  const logGrowth = Math.log1p(rate);
  const exponents = values.map(
    (flow, index) => Math.log(Math.abs(flow)) - (years[index] as number) * logGrowth,
  );
  const largest = Math.max(...exponents.filter((_, index) => values[index] !== 0));
  value = 0;
  magnitude = 0;
  values.forEach((flow, index) => {
    if (flow === 0) return;
    const size = Math.exp((exponents[index] as number) - largest);
    value += Math.sign(flow) * size;
    magnitude += size;
  });
  return { value, magnitude };
}

/**
 * Flows on one date are one flow: their sum, taken before any discounting. Two flows that nearly
 * cancel subtract exactly (Sterbenz's lemma), so a residual of 1e-10 on flows of 1e6 is the flows'
 * true net, which discounting each one apart would bury under rounding noise of 1e-10 that
 * changes sign from rate to rate.
 */
function netByDate(flows: readonly number[], times: readonly number[]) {
  const byDate = new Map<number, number>();
  flows.forEach((flow, index) => {
    const time = times[index] as number;
    byDate.set(time, (byDate.get(time) ?? 0) + flow);
  });
  return { values: [...byDate.values()], years: [...byDate.keys()] };
}

/**
 * Asserts a root: |PV| within 1e-8 of the terms' total size, or (near -100%, where a double has
 * few digits left for 1 + r) PV changing sign within two units in the last place of the rate.
 */
export function expectRoot(rate: number, flows: readonly number[], times: readonly number[]) {
  const { values, years } = netByDate(flows, times);
  expect(Number.isFinite(rate)).toBe(true);
  expect(rate).toBeGreaterThan(-1);
  const { value, magnitude } = presentValue(rate, values, years);
  if (Math.abs(value) <= 1e-8 * magnitude) return;
  const delta = 2 * Number.EPSILON * Math.abs(rate);
  const below = presentValue(Math.max(rate - delta, SMALLEST_RATE), values, years).value;
  const above = presentValue(rate + delta, values, years).value;
  expect(Math.sign(below)).not.toBe(Math.sign(above));
}

/**
 * The scan's rates: 20,000 log-spaced in 1 + r from 1e-9 to 1e9, then 2,000 more on each side
 * out to the ends of the domain a double can hold, 1 + r from 2⁻⁵³ to 1.8e308.
 */
const SCAN_RATES: readonly number[] = (() => {
  const logSpaced = (from: number, to: number, count: number) =>
    Array.from({ length: count }, (_, step) => Math.expm1(from + ((to - from) * step) / count));
  const lowest = Math.log1p(SMALLEST_RATE);
  const highest = Math.log(Number.MAX_VALUE);
  const low = Math.log(1e-9);
  const high = Math.log(1e9);
  return [
    ...logSpaced(lowest, low, 2000),
    ...logSpaced(low, high, 20000),
    ...logSpaced(high, highest, 2000),
    Number.MAX_VALUE,
  ].map((rate) => Math.max(rate, SMALLEST_RATE));
})();

/** Whether PV (flows on one date netted first) is zero or changes sign anywhere on the scan's rates. */
export function scanFindsRoot(flows: readonly number[], times: readonly number[]): boolean {
  const { values, years } = netByDate(flows, times);
  let previous = Number.NaN;
  for (const rate of SCAN_RATES) {
    const { value } = presentValue(rate, values, years);
    if (value === 0 || (Number.isFinite(previous) && Math.sign(value) !== Math.sign(previous))) return true;
    previous = value;
  }
  return false;
}

export function periods(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

/** The FormulaError a call throws; anything else thrown goes on up, and no throw fails the test. */
export function failure(call: () => unknown): FormulaError {
  try {
    call();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error("expected a FormulaError");
}

/**
 * A solver's answer is a root of the flows, or `#NUM!` only where the dense scan sees no sign
 * change either.
 */
export function expectRootOrNone(solve: () => number, values: readonly number[], years: readonly number[]) {
  let rate: number;
  try {
    rate = solve();
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    expect(error.kind).toBe("NUM");
    expect(scanFindsRoot(values, years)).toBe(false);
    return;
  }
  expectRoot(rate, values, years);
}

/**
 * An independent check of rates of return, written plainly (a sum of powers, a dense scan), so
 * the tests do not trust the kernels' own evaluation.
 */
import { expect } from "vitest";

/** Σ vᵢ (1 + r)^(−tᵢ) and the total size of its terms. */
export function presentValue(rate: number, values: readonly number[], years: readonly number[]) {
  let value = 0;
  let magnitude = 0;
  values.forEach((flow, index) => {
    const term = flow * (1 + rate) ** -(years[index] as number);
    value += term;
    magnitude += Math.abs(term);
  });
  return { value, magnitude };
}

/**
 * Asserts a root: |PV| within 1e-8 of the terms' total size, or (near -100%, where a double has
 * few digits left for 1 + r) PV changing sign within two units in the last place of the rate.
 */
export function expectRoot(rate: number, values: readonly number[], years: readonly number[]) {
  expect(Number.isFinite(rate)).toBe(true);
  expect(rate).toBeGreaterThan(-1);
  const { value, magnitude } = presentValue(rate, values, years);
  if (Math.abs(value) <= 1e-8 * magnitude) return;
  const delta = 2 * Number.EPSILON * Math.abs(rate);
  const below = presentValue(rate - delta, values, years).value;
  const above = presentValue(rate + delta, values, years).value;
  expect(Math.sign(below)).not.toBe(Math.sign(above));
}

/** Whether PV changes sign anywhere on 20,000 rates log-spaced in 1 + r from 1e-9 to 1e9. */
export function scanFindsRoot(values: readonly number[], years: readonly number[]): boolean {
  let previous = Number.NaN;
  for (let step = 0; step <= 20000; step++) {
    const growth = 10 ** (-9 + (18 * step) / 20000);
    const { value } = presentValue(growth - 1, values, years);
    if (!Number.isFinite(value)) continue;
    if (value === 0 || (Number.isFinite(previous) && Math.sign(value) !== Math.sign(previous))) return true;
    previous = value;
  }
  return false;
}

export function periods(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

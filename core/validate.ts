import { FormulaError, type FormulaErrorKind } from "./errors";

/*
 * Guards shared by the kernels. Each names the function and the argument, and says the rule in
 * words a spreadsheet user can act on, so every kernel reports bad input the same way. A broken
 * input rule is `#VALUE!`, the one kind (with `#N/A`) whose message Excel shows.
 */

/** Shows a number as a user typed it, without exponent noise for ordinary values. */
export function show(value: number): string {
  return Number.isInteger(value) || Math.abs(value) >= 1e-4 ? String(value) : value.toPrecision(6);
}

/**
 * Some Excel builds hand a custom function a blank cell as 0 (OfficeDev/office-js issues 4702 and
 * 5262), so a 0 where a rule excludes it is said to be possibly a blank.
 */
export const BLANK_AS_ZERO = "a blank cell may reach the function as 0 in some Excel versions";

/** "got 5", or for a 0 "got 0; a blank cell may reach …": the end of a refusal. */
export function got(value: number): string {
  return value === 0 ? `got 0; ${BLANK_AS_ZERO}` : `got ${show(value)}`;
}

export function requireFinite(fn: string, name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new FormulaError("VALUE", `${fn}: ${name} must be a finite number`);
  }
  return value;
}

export function requireNonNegative(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value < 0) throw new FormulaError("VALUE", `${fn}: ${name} must be 0 or more, got ${show(value)}`);
  return value;
}

/**
 * A value that must be greater than 0, such as fully loaded costs (which always include the
 * participants' time). A 0 is refused with the blank-cell hint rather than answered `#DIV/0!`.
 */
export function requirePositive(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value <= 0) throw new FormulaError("VALUE", `${fn}: ${name} must be greater than 0, ${got(value)}`);
  return value;
}

/** A share such as an attribution or confidence: a fraction from 0 to 1 (60% is 0.6). */
export function requireShare(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value < 0 || value > 1) {
    const hint = value > 1 && value <= 100 ? ` (${show(value)}% is ${show(value / 100)})` : "";
    throw new FormulaError("VALUE", `${fn}: ${name} must be a share from 0 to 1${hint}, got ${show(value)}`);
  }
  return value;
}

/**
 * A periodic rate: above -1 (-100%), where discounting is defined. BuyIn's functions refuse
 * another as a broken input rule (`#VALUE!`); the core's XNPV answers `#NUM!` there, as Excel and
 * LibreOffice do.
 */
export function requireRate(fn: string, name: string, value: number, kind: FormulaErrorKind = "NUM"): number {
  requireFinite(fn, name, value);
  if (value <= -1) {
    throw new FormulaError(kind, `${fn}: ${name} must be greater than -1 (-100%), got ${show(value)}`);
  }
  return value;
}

/** A list of cash flows: at least `minimum` finite numbers. */
export function requireFlows(
  fn: string,
  name: string,
  values: readonly number[],
  minimum: number,
): readonly number[] {
  if (!Array.isArray(values)) throw new FormulaError("VALUE", `${fn}: ${name} must be a list of numbers`);
  if (values.length < minimum) {
    throw new FormulaError(
      "VALUE",
      `${fn}: ${name} needs at least ${minimum} value${minimum === 1 ? "" : "s"}, got ${values.length}`,
    );
  }
  for (let index = 0; index < values.length; index++) {
    // Number.isFinite is false for non-numbers too, so text from a script caller is caught here.
    if (!Number.isFinite(values[index])) {
      throw new FormulaError("VALUE", `${fn}: ${name} value ${index + 1} must be a finite number`);
    }
  }
  return values;
}

/** Cash flows a rate of return can exist for: at least one negative and one positive value. */
export function requireSignChange(fn: string, name: string, values: readonly number[]): void {
  let hasNegative = false;
  let hasPositive = false;
  for (const value of values) {
    if (value < 0) hasNegative = true;
    else if (value > 0) hasPositive = true;
  }
  if (!hasNegative || !hasPositive) {
    throw new FormulaError("NUM", `${fn}: ${name} need at least one negative and one positive value`);
  }
}

/** A computed result that overflowed is reported, never returned as Infinity or NaN. */
export function finiteResult(fn: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new FormulaError("NUM", `${fn}: the result is too large to represent; check the magnitudes`);
  }
  return value;
}

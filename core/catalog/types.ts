import type * as z from "zod/mini";
import type { FormulaError, FormulaErrorKind } from "../errors";

/**
 * A value a host hands a custom function for one cell: a number, text, a boolean, a blank
 * (`null`, `undefined` or `""`), a date (Sheets), or a host error value.
 */
export type CellInput = number | string | boolean | null | undefined | Date | object;

/** What a host passes for one argument: one cell, or a range as rows of cells. */
export type ArgumentInput = CellInput | readonly (readonly CellInput[])[];

/** One answer cell: a number, `""` for a row whose inputs are all blank, or an error. */
export type CellResult = number | "" | FormulaError;

/**
 * `scalar`: one number per call; given a range, the function is lifted and answers per cell.
 * `series`: a whole range is one argument (cash flows), read row by row.
 */
export type ParameterKind = "scalar" | "series";

export interface ParameterSpec {
  /** Name shown in hosts' autocomplete: lowercase, words joined by underscores. */
  readonly name: string;
  readonly description: string;
  readonly kind: ParameterKind;
  /** The values the kernel accepts, after coercion: `z.number()` with checks, or `z.array(z.number())`. */
  readonly schema: z.ZodMiniType;
  /** An optional parameter takes `defaultValue` when omitted or blank. */
  readonly optional?: { readonly defaultValue: number };
}

/** How the answer should be formatted: a hint for docs and for the sheets BuyIn writes. */
export type ResultFormat = "currency" | "percent" | "ratio" | "periods" | "number";

export interface FunctionExample {
  /** Arguments as a user would type them: numbers, or arrays for series. */
  readonly args: readonly (number | readonly number[])[];
  /** The answer, checked by the tests against the implementation. */
  readonly value: number;
}

export interface FunctionSpec {
  /** Namespaced id, `BUYIN.ROI`: Excel's name; Sheets uses `BUYIN_ROI`. */
  readonly id: string;
  /** One line, imperative-free: what the answer is. */
  readonly summary: string;
  /** The definition and its source, for the reference. */
  readonly definition: string;
  readonly parameters: readonly ParameterSpec[];
  readonly result: { readonly format: ResultFormat; readonly description: string };
  /** Error kinds the function may answer for valid-looking input (besides `#VALUE!` for bad cells). */
  readonly errors: readonly FormulaErrorKind[];
  readonly example: FunctionExample;
  /** The pure kernel: coerced numbers (series as arrays) in, a number out, or a thrown FormulaError. */
  readonly implementation: (...args: never[]) => number;
}

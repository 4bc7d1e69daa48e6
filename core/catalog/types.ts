import type * as z from "zod/mini";
import type { FormulaError, FormulaErrorKind } from "../errors";

/**
 * A value a host hands a custom function for one cell: a number, text, a boolean, a blank
 * (`null`, `undefined` or `""`), a date (Sheets), or a host error value.
 */
export type CellInput = number | string | boolean | null | undefined | Date | object;

/** What a host passes for one argument: one cell, or a range as rows of cells. */
export type ArgumentInput = CellInput | readonly (readonly CellInput[])[];

/** One answer cell: a number, a text (a quadrant, a cadence), `""` for all-blank inputs, or an error. */
export type CellResult = number | string | FormulaError;

/**
 * `scalar`: one value per call; given a range, the function is lifted and answers per cell.
 * `series`: a whole range is one argument (cash flows), read row by row.
 * `row`: each row of a range is one argument (a stakeholder's scores); lifted over the rows.
 * `sample`: a whole range is one argument of observations (ratings, test scores); blank cells
 * are skipped, as AVERAGE skips them. Paired with another sample (`pairedWith`), the two ranges
 * are read cell by cell: a pair with both blank is skipped, a pair with one blank is refused.
 */
export type ParameterKind = "scalar" | "series" | "row" | "sample";

/**
 * What a cell must hold: a number; a score on a rating scale (a number, never percentage text:
 * "300%" is no score of 3); an engagement level (a PMBOK level name or 1–5); or a power/interest
 * quadrant name; or one of a fixed list of words (`choices`: "dz", "dav" or "g").
 */
export type ValueType = "number" | "score" | "engagement" | "quadrant" | "choice";

export interface ParameterSpec {
  /** Name shown in hosts' autocomplete: lowercase, words joined by underscores. */
  readonly name: string;
  readonly description: string;
  readonly kind: ParameterKind;
  /** What each cell must hold; default "number". */
  readonly type?: ValueType;
  /** The values the kernel accepts, after coercion: `z.number()` with checks, `z.array(z.number())`, an enum. */
  readonly schema: z.ZodMiniType;
  /** The words a "choice" parameter accepts, as the kernel takes them; matched ignoring case and spaces around. */
  readonly choices?: readonly string[];
  /** A sample read pair by pair with the earlier sample parameter of this name (post with pre). */
  readonly pairedWith?: string;
  /** An optional parameter takes `defaultValue` (or the kernel's own default) when omitted or blank. */
  readonly optional?: { readonly defaultValue?: number | string; readonly meaning: string };
}

/**
 * How the answer should be formatted: a hint for docs and for the sheets BuyIn writes. A `table`
 * answers one labelled table (rows of a label and a value) that spills; its parameters take
 * single cells, never ranges to lift over.
 */
export type ResultFormat = "currency" | "percent" | "ratio" | "periods" | "number" | "text" | "table";

/** A table answer: rows of cells, the first a header. */
export type TableAnswer = readonly (readonly (number | string)[])[];

export interface FunctionExample {
  /** Arguments as a user would type them: numbers or texts, or arrays for series and rows. */
  readonly args: readonly (number | string | readonly number[])[];
  /** The answer, checked by the tests against the implementation; a whole table for a `table` result. */
  readonly value: number | string | TableAnswer;
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
  /**
   * The pure kernel: coerced values (series and rows as arrays) in, a number or text out (a table
   * for a `table` result), or a thrown FormulaError.
   */
  readonly implementation: (...args: never[]) => number | string | TableAnswer;
}

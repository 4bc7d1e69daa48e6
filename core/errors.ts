/**
 * The four spreadsheet error kinds BuyIn raises. Each host maps them to its own error values:
 * Excel's `CustomFunctions.ErrorCode` and the `#VALUE!`/`#NUM!`/`#DIV/0!`/`#N/A` text of Sheets.
 */
export type FormulaErrorKind = "VALUE" | "NUM" | "DIV0" | "NA";

/** The text a spreadsheet shows for each error kind. */
export const ERROR_TEXT: Readonly<Record<FormulaErrorKind, string>> = {
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
  NA: "#N/A",
};

/**
 * An error a spreadsheet function reports in its cell. A fresh instance every time (no shared
 * singletons), so the message can name the function and the rule it broke.
 */
export class FormulaError extends Error {
  readonly kind: FormulaErrorKind;

  constructor(kind: FormulaErrorKind, message: string) {
    super(message);
    this.name = "FormulaError";
    this.kind = kind;
  }

  /** The cell text for this error, such as `#NUM!`. */
  get text(): string {
    return ERROR_TEXT[this.kind];
  }
}

/** Whether a value is a `FormulaError` (also across bundle copies, where `instanceof` fails). */
export function isFormulaError(value: unknown): value is FormulaError {
  return (
    value instanceof FormulaError ||
    (value instanceof Error &&
      value.name === "FormulaError" &&
      typeof (value as FormulaError).kind === "string")
  );
}

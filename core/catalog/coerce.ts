import { dateToSerial } from "../dates";
import { FormulaError, type FormulaErrorKind, isFormulaError } from "../errors";
import type { CellInput } from "./types";

/*
 * Cell coercion, defined once for every function and host:
 * - numbers pass if finite;
 * - blanks (null, undefined, "", text of spaces) are reported as BLANK, for the caller to decide;
 * - text that reads as a number passes as that number: "1,200.50", " 12 ", "1e3", "15%" (0.15),
 *   "(500)" (accounting negative, -500); any other text is #VALUE!, quoted in the message;
 * - booleans are #VALUE!: TRUE is no amount, and counting it as 1 would hide a wrong reference;
 * - dates (Sheets hands date cells as Date) become serial numbers of the 1900 system, in the
 *   script's time zone, as the cell shows them;
 * - host error values (a FormulaError, Excel's error object with a `code`, or error text such as
 *   "#DIV/0!") carry their kind into the answer for that cell.
 */

/** Marks a blank cell. */
export const BLANK: unique symbol = Symbol("blank");

const ERROR_KIND_BY_TEXT: Readonly<Record<string, FormulaErrorKind>> = {
  "#VALUE!": "VALUE",
  "#NUM!": "NUM",
  "#DIV/0!": "DIV0",
  "#N/A": "NA",
};

const HOST_ERROR_TEXT =
  /^#(?:VALUE!|NUM!|DIV\/0!|N\/A|REF!|NAME\?|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Plain, grouped or scientific decimal text; `%` and accounting parentheses are handled around it. */
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function errorFromHost(fn: string, name: string, text: string): FormulaError {
  return new FormulaError(ERROR_KIND_BY_TEXT[text] ?? "VALUE", `${fn}: ${name} is an error value (${text})`);
}

function parseNumberText(text: string): number | undefined {
  let body = text.trim();
  let sign = 1;
  let scale = 1;
  if (body.startsWith("(") && body.endsWith(")")) {
    sign = -1;
    body = body.slice(1, -1).trim();
  }
  if (body.endsWith("%")) {
    scale = 0.01;
    body = body.slice(0, -1).trim();
  }
  if (body === "" || body === "+" || body === "-" || body === "." || !NUMBER_TEXT.test(body))
    return undefined;
  const value = Number(body.replaceAll(",", "")) * scale * sign;
  return Number.isFinite(value) ? value : undefined;
}

function describe(cell: CellInput): string {
  if (typeof cell === "string") return `the text "${cell.length > 40 ? `${cell.slice(0, 40)}…` : cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return "a value that is not a number";
}

/**
 * One cell as a number, `BLANK`, or the FormulaError to answer with.
 * @param fn function id for messages, `BUYIN.ROI`
 * @param name what the cell is, `costs` or `cash flows value 3`
 */
export function coerceNumber(
  fn: string,
  name: string,
  cell: CellInput,
): number | typeof BLANK | FormulaError {
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? cell : new FormulaError("NUM", `${fn}: ${name} is not a finite number`);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === "string") {
    if (cell.trim() === "") return BLANK;
    const parsed = parseNumberText(cell);
    if (parsed !== undefined) return parsed;
    const trimmed = cell.trim();
    if (HOST_ERROR_TEXT.test(trimmed)) return errorFromHost(fn, name, trimmed);
    return new FormulaError("VALUE", `${fn}: ${name} must be a number, got ${describe(cell)}`);
  }
  // Tag check rather than instanceof: a date may come from another realm (a host frame, a vm).
  if (Object.prototype.toString.call(cell) === "[object Date]") {
    const date = cell as Date;
    return Number.isFinite(date.getTime())
      ? dateToSerial(date)
      : new FormulaError("VALUE", `${fn}: ${name} is an invalid date`);
  }
  if (isFormulaError(cell))
    return new FormulaError(cell.kind, `${fn}: ${name} is an error value (${cell.text})`);
  if (typeof cell === "object") {
    const code = (cell as { code?: unknown }).code;
    if (typeof code === "string" && HOST_ERROR_TEXT.test(code)) return errorFromHost(fn, name, code);
  }
  return new FormulaError("VALUE", `${fn}: ${name} must be a number, got ${describe(cell)}`);
}

/** A cell that may hold a number or a name (an engagement level): numbers as numbers, names trimmed. */
export function coerceNumberOrName(
  fn: string,
  name: string,
  cell: CellInput,
): number | string | typeof BLANK | FormulaError {
  if (
    typeof cell === "string" &&
    cell.trim() !== "" &&
    parseNumberText(cell) === undefined &&
    !HOST_ERROR_TEXT.test(cell.trim())
  ) {
    return cell.trim();
  }
  return coerceNumber(fn, name, cell);
}

/** A cell that must hold a name (a quadrant): text, trimmed. */
export function coerceName(fn: string, name: string, cell: CellInput): string | typeof BLANK | FormulaError {
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    if (trimmed === "") return BLANK;
    if (HOST_ERROR_TEXT.test(trimmed)) return errorFromHost(fn, name, trimmed);
    return trimmed;
  }
  const coerced = coerceNumber(fn, name, cell);
  if (coerced === BLANK || isFormulaError(coerced)) return coerced;
  return new FormulaError("VALUE", `${fn}: ${name} must be a name, got ${describe(cell)}`);
}

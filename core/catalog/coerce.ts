import { dateToSerial } from "../dates";
import { FormulaError, type FormulaErrorKind, isFormulaError } from "../errors";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import { QUADRANTS } from "../stakeholders/quadrant";
import { BLANK_AS_ZERO } from "../validate";
import type { CellInput, ValueType } from "./types";

/*
 * Cell coercion, defined once for every function and host:
 * - numbers pass if finite;
 * - blanks (null, undefined, "", text of spaces) are reported as BLANK, for the caller to decide;
 * - text that reads as a number passes as that number: "1,200.50", " 12 ", "1e3", "15%" (0.15),
 *   "(500)" (accounting negative, -500); any other text is #VALUE!, quoted in the message.
 *   Parentheses hold an unsigned amount: "(-5)" is refused, not read as +5. A score or an
 *   engagement level is no percentage, so "300%" is refused there rather than read as 3;
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
    // An accounting negative is the amount in parentheses; a sign inside makes "(-5)" ambiguous.
    if (body.startsWith("-") || body.startsWith("+")) return undefined;
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
  if (typeof cell === "number") return cell === 0 ? `the number 0; ${BLANK_AS_ZERO}` : `the number ${cell}`;
  if (isDate(cell)) return "a date";
  return "a value that is neither a number nor text";
}

// Tag check rather than instanceof: a date may come from another realm (a host frame, a vm).
function isDate(cell: CellInput): cell is Date {
  return Object.prototype.toString.call(cell) === "[object Date]";
}

/** What a cell of each value type must hold, for refusals. */
const EXPECTED: Readonly<Record<ValueType, string>> = {
  number: "a number",
  score: "a score on the scale (a number such as 4, not a percentage)",
  engagement: `an engagement level (${ENGAGEMENT_LEVELS.join(", ")}, or 1–5)`,
  quadrant: `a quadrant name (${QUADRANTS.join(", ")})`,
  choice: "one of the words the function lists",
};

function isPercentText(cell: CellInput): boolean {
  return typeof cell === "string" && /%\s*\)?\s*$/.test(cell);
}

/**
 * One cell as a number, `BLANK`, or the FormulaError to answer with.
 * @param fn function id for messages, `BUYIN.ROI`
 * @param name what the cell is, `costs` or `cash flows value 3`
 * @param type what the cell must hold: a score refuses percentage text
 */
export function coerceNumber(
  fn: string,
  name: string,
  cell: CellInput,
  type: ValueType = "number",
): number | typeof BLANK | FormulaError {
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? cell
      : new FormulaError("VALUE", `${fn}: ${name} must be a finite number, got ${cell}`);
  }
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === "string") {
    if (cell.trim() === "") return BLANK;
    const parsed = type === "number" || !isPercentText(cell) ? parseNumberText(cell) : undefined;
    if (parsed !== undefined) return parsed;
    const trimmed = cell.trim();
    if (HOST_ERROR_TEXT.test(trimmed)) return errorFromHost(fn, name, trimmed);
    return new FormulaError("VALUE", `${fn}: ${name} must be ${EXPECTED[type]}, got ${describe(cell)}`);
  }
  if (isDate(cell)) {
    return Number.isFinite(cell.getTime())
      ? dateToSerial(cell)
      : new FormulaError("VALUE", `${fn}: ${name} is an invalid date; enter a date the calendar has`);
  }
  return (
    hostError(fn, name, cell) ??
    new FormulaError("VALUE", `${fn}: ${name} must be ${EXPECTED[type]}, got ${describe(cell)}`)
  );
}

/** A host's error value (a FormulaError, or Excel's error object with a `code`), carried over. */
function hostError(fn: string, name: string, cell: CellInput): FormulaError | undefined {
  if (isFormulaError(cell))
    return new FormulaError(cell.kind, `${fn}: ${name} is an error value (${cell.text})`);
  if (typeof cell === "object" && cell !== null) {
    const code = (cell as { code?: unknown }).code;
    if (typeof code === "string" && HOST_ERROR_TEXT.test(code)) return errorFromHost(fn, name, code);
  }
  return undefined;
}

/**
 * A cell that may hold a number or a name (an engagement level): numbers as numbers, names
 * trimmed. Text that reads as a number is that number; percentage text is refused.
 */
export function coerceNumberOrName(
  fn: string,
  name: string,
  cell: CellInput,
): number | string | typeof BLANK | FormulaError {
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    const readsAsNumber = isPercentText(trimmed) || parseNumberText(trimmed) !== undefined;
    if (trimmed !== "" && !readsAsNumber && !HOST_ERROR_TEXT.test(trimmed)) return trimmed;
  }
  return coerceNumber(fn, name, cell, "engagement");
}

/** A cell that must hold one of `choices`: text matched ignoring case and surrounding spaces, answered as the choice is spelled. */
export function coerceChoice(
  fn: string,
  name: string,
  cell: CellInput,
  choices: readonly string[],
): string | typeof BLANK | FormulaError {
  const listed = choices.map((candidate) => `"${candidate}"`);
  const expected = `${listed.slice(0, -1).join(", ")} or ${listed.at(-1)}`;
  const word = coerceName(fn, name, cell, expected);
  if (typeof word !== "string") return word;
  const choice = choices.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (choice !== undefined) return choice;
  return new FormulaError("VALUE", `${fn}: ${name} must be ${expected}, got ${describe(word)}`);
}

/** A cell that must hold a name (a quadrant): text, trimmed; a number or TRUE is refused. */
export function coerceName(
  fn: string,
  name: string,
  cell: CellInput,
  expected: string = EXPECTED.quadrant,
): string | typeof BLANK | FormulaError {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    if (trimmed === "") return BLANK;
    if (HOST_ERROR_TEXT.test(trimmed)) return errorFromHost(fn, name, trimmed);
    return trimmed;
  }
  return (
    hostError(fn, name, cell) ??
    new FormulaError("VALUE", `${fn}: ${name} must be ${expected}, got ${describe(cell)}`)
  );
}

import type { Cell } from "./sheet-plan";

/**
 * What a port hands its host for one cell: a number, a boolean, "" to clear, a formula ("=…"),
 * or text. Text that a host would read as something else (a formula after =, +, - or @, a
 * number, a date, TRUE) is written with a leading apostrophe, which every host takes as "this is
 * text" and does not show: user text never becomes a formula.
 */
export type HostInput = string | number | boolean;

/**
 * Text a spreadsheet would not keep as typed: formula starts, error values (#N/A), numbers,
 * dates ("Mar 2024", "5 Jan"), booleans.
 */
const NEEDS_TEXT_PREFIX =
  /^(?:[=+\-@'#\t\r\n]|\s*(?:[\d.,$€£¥(%]|true\s*$|false\s*$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s,/-]+\d))/i;

export function textInput(text: string): string {
  return NEEDS_TEXT_PREFIX.test(text) ? `'${text}` : text;
}

export function cellInput(cell: Cell): HostInput {
  if (cell === null) return "";
  if (typeof cell === "string") return textInput(cell);
  return cell;
}

/** A formula as hosts take it: with its leading "=". */
export function formulaInput(formula: string): string {
  return formula.startsWith("=") ? formula : `=${formula}`;
}

import { columnLetter, columnNumber } from "./a1";

/**
 * A1 references of the formula's own sheet: not after a letter, digit, "_", "." or "!" (a name,
 * a function such as LOG10, or another sheet's reference), not followed by "(" or a name
 * character.
 */
const REFERENCE = /(?<![A-Za-z0-9_.!$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/**
 * Moves every same-sheet A1 reference of a plan's own formula by `rows` and `columns`, absolute
 * or not: a plan's blocks are laid out in plan coordinates, and when the user moved the whole
 * plan (a title row inserted above the settings), its formulas must follow. Text inside double
 * quotes is left as it is.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return formula
    .split('"')
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (_match, columnDollar: string, letters: string, rowDollar: string, row: string) =>
              `${columnDollar}${columnLetter(columnNumber(letters) + columns)}${rowDollar}${Number(row) + rows}`,
          ),
    )
    .join('"');
}

/**
 * What Excel does to formulas when rows are inserted or deleted, for an .xlsx file that has no
 * engine to do it: every reference to a cell that moves follows it, relative or absolute alike, in
 * every sheet; a range grows when rows are inserted inside it and shrinks when some of its rows
 * are deleted; a reference whose cells are all deleted becomes #REF! ("How to correct a #REF!
 * error", https://support.microsoft.com/office/822c8e46-e610-4d03-bfcc-8c3c5c4b1f6a: "cells that
 * were referenced by formulas get deleted"). Column ranges (C:C) do not move with rows. ExcelJS
 * moves cells and workbook names in `Worksheet.spliceRows` but leaves formula text as it was
 * (lib/doc/worksheet.js, spliceRows), so the port rewrites formulas with this.
 */

/** Rows inserted (`count` > 0) or deleted (`count` < 0) at row `at` of one sheet. */
export interface RowShift {
  readonly sheet: string;
  readonly at: number;
  readonly count: number;
}

/**
 * A reference: an optional sheet ('It''s'! or Name!), then a cell or a cell range. Not preceded
 * by a letter, digit, "_", "." or "$" (part of a name), nor followed by "(", "!" or a name
 * character (a function such as LOG10, a sheet called A1).
 */
const REFERENCE =
  /(?<![A-Za-z0-9_.$])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3})(\$?)(\d+)(?::(\$?[A-Za-z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!])/g;

function sheetOf(prefix: string | undefined, home: string): string {
  if (!prefix) return home;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replaceAll("''", "'") : name;
}

/** Where row `row` goes; undefined when it was deleted. */
function moveRow(row: number, shift: RowShift): number | undefined {
  if (shift.count >= 0) return row >= shift.at ? row + shift.count : row;
  const last = shift.at - shift.count - 1;
  if (row < shift.at) return row;
  return row > last ? row + shift.count : undefined;
}

/** A span's rows after the shift, clipped to what survives; undefined when every row was deleted. */
function moveSpan(first: number, last: number, shift: RowShift): [number, number] | undefined {
  if (shift.count >= 0) return [moveRow(first, shift) as number, moveRow(last, shift) as number];
  const deletedLast = shift.at - shift.count - 1;
  const top = first >= shift.at && first <= deletedLast ? deletedLast + 1 : first;
  const bottom = last >= shift.at && last <= deletedLast ? shift.at - 1 : last;
  if (top > bottom) return undefined;
  return [moveRow(top, shift) as number, moveRow(bottom, shift) as number];
}

/**
 * The formula (with or without its "=") with its references to `shift.sheet` moved; `home` is
 * the sheet the formula is on. Text in double quotes is left as it is.
 */
export function shiftRows(formula: string, home: string, shift: RowShift): string {
  const sameSheet = (prefix: string | undefined) =>
    sheetOf(prefix, home).toLowerCase() === shift.sheet.toLowerCase();
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (
              match,
              prefix: string | undefined,
              column: string,
              rowDollar: string,
              row: string,
              endColumn: string | undefined,
              endDollar: string | undefined,
              endRow: string | undefined,
            ) => {
              if (!sameSheet(prefix)) return match;
              const sheet = prefix ?? "";
              if (endColumn === undefined) {
                const moved = moveRow(Number(row), shift);
                return moved === undefined ? "#REF!" : `${sheet}${column}${rowDollar}${moved}`;
              }
              const span = moveSpan(Number(row), Number(endRow), shift);
              if (!span) return "#REF!";
              return `${sheet}${column}${rowDollar}${span[0]}:${endColumn}${endDollar}${span[1]}`;
            },
          ),
    )
    .join("");
}

/** A1 notation helpers. Rows and columns are 1-based. */

export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

export function parseCell(a1: string): CellAddress {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!match) throw new Error(`not an A1 cell address: ${a1}`);
  return { row: Number(match[2]), column: columnNumber(match[1] as string) };
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A1 range of a rectangle, such as "B2:D9" ("B2" for one cell). */
export function rangeA1(row: number, column: number, rows: number, columns: number): string {
  const start = cellA1(row, column);
  return rows === 1 && columns === 1 ? start : `${start}:${cellA1(row + rows - 1, column + columns - 1)}`;
}

/** Parses "B2" or "B2:D9" into its top-left corner and size. */
export function parseRange(a1: string): CellAddress & { rows: number; columns: number } {
  const [first, second] = a1.split(":");
  const start = parseCell(first as string);
  const end = second === undefined ? start : parseCell(second);
  return {
    row: Math.min(start.row, end.row),
    column: Math.min(start.column, end.column),
    rows: Math.abs(end.row - start.row) + 1,
    columns: Math.abs(end.column - start.column) + 1,
  };
}

/** A sheet name as formulas need it: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** Whether one of the ranges (as `parseRange` gives them) holds the cell. */
export function rangesHold(
  ranges: readonly ReturnType<typeof parseRange>[],
  row: number,
  column: number,
): boolean {
  return ranges.some(
    (range) =>
      row >= range.row &&
      row < range.row + range.rows &&
      column >= range.column &&
      column < range.column + range.columns,
  );
}

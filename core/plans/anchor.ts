import { columnNumber } from "./a1";

/**
 * The workbook name BuyIn puts on a plan's top-left cell (its first block's, or a table's A1).
 * Hosts move names with inserted and deleted rows and columns, so the name says where the plan
 * now stands (a title row inserted above the settings), and it names the sheet a lost marker
 * belonged to.
 */
export function anchorName(kind: string): string {
  return `BuyIn_Anchor_${kind.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** A one-cell reference as hosts hand names back ("='My sheet'!$B$6", "Settings!B6"), or undefined (#REF!, a range). */
export function parseCellReference(
  reference: string,
): { readonly sheet: string; readonly row: number; readonly column: number } | undefined {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replaceAll("''", "'") : (match[2] as string);
  return { sheet, row: Number(match[4]), column: columnNumber(match[3] as string) };
}

/**
 * A register's table as read back, as the panel's drafts: shared by the stakeholder screen
 * (draft.ts, in the panel's first bundle) and the kit-driven editor (loaded on use), so it imports
 * no register itself.
 */
import type { Cell, Draft } from "../../core/index";

/**
 * A table as read back, as drafts of `register`: rows that carry their key first, in one batch,
 * then rows without one, each given the next key no row holds (so a keyless row never takes a key
 * a later row of the sheet carries).
 */
export function draftsFromTable<F extends string>(
  register: { readonly keyColumn: { readonly header: string } } & {
    draftsFromCells(cells: readonly (readonly Cell[])[], existing: readonly Draft<F>[]): Draft<F>[];
  },
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Draft<F>[] {
  const keyHeader = register.keyColumn.header.toLowerCase();
  const at = header.findIndex((text) => text.trim().toLowerCase() === keyHeader);
  const keyedRows: (readonly Cell[])[] = [];
  const keyless: (readonly Cell[])[] = [];
  for (const row of rows) {
    const key = at < 0 ? undefined : row[at];
    (key === null || key === undefined || String(key).trim() === "" ? keyless : keyedRows).push(row);
  }
  const keyed = keyedRows.length === 0 ? [] : register.draftsFromCells([header, ...keyedRows], []);
  return keyless.length === 0 ? keyed : [...keyed, ...register.draftsFromCells([header, ...keyless], keyed)];
}

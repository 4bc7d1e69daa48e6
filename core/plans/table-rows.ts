import { contentFingerprint } from "./fingerprint";
import type { SheetState } from "./resolve";
import type { Cell, ColumnSpec, TablePlan } from "./sheet-plan";
import { printAt } from "./table-columns";

/** Where each row is, by key, and the rows BuyIn does not know (no key). */
export interface RowIndex {
  /** Data row of each key found in the key column (the first, when a key repeats). */
  readonly existing: ReadonlyMap<string, number>;
  /** Rows whose key repeats an earlier row's. */
  readonly repeated: readonly { readonly row: number; readonly key: string }[];
  /** Rows with input data and no key, each with the plan key that adopted it, if one did. */
  readonly keyless: readonly { readonly row: number; readonly adoptedBy?: string }[];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * Finds every data row by its key. A row with inputs and no key (a blank row inserted inside the
 * table, then typed into) is adopted by the new plan row whose inputs equal it: the panel read
 * that row and gave it a key, so writing the key into it keeps one row per person.
 */
export function indexRows(
  table: TablePlan,
  state: SheetState | undefined,
  columns: ReadonlyMap<string, number>,
  keyId: string,
): RowIndex {
  const existing = new Map<string, number>();
  const repeated: { row: number; key: string }[] = [];
  const keyless: { row: number; adoptedBy?: string }[] = [];
  if (!state) return { existing, repeated, keyless };
  const keyColumn = columns.get(keyId) as number;
  const inputs: ColumnSpec[] = table.columns.filter((column) => column.role === "input");
  const unplaced = new Map<string, string[]>();
  const rowsWithInputs: number[] = [];
  for (let row = 2; row <= state.values.length; row++) {
    const key = text(state.values[row - 1]?.[keyColumn - 1]);
    if (key) {
      if (existing.has(key)) repeated.push({ row, key });
      else existing.set(key, row);
    } else if (inputs.some((column) => printAt(state, row, columns.get(column.id) as number) !== ""))
      rowsWithInputs.push(row);
  }
  if (rowsWithInputs.length === 0) return { existing, repeated, keyless };
  const signature = (prints: readonly string[]) => prints.join("|");
  for (const planRow of table.rows) {
    if (existing.has(planRow.key)) continue;
    const prints = inputs.map((column) => contentFingerprint(planRow.values[column.id] ?? null, null));
    const queue = unplaced.get(signature(prints)) ?? [];
    queue.push(planRow.key);
    unplaced.set(signature(prints), queue);
  }
  for (const row of rowsWithInputs) {
    const queue = unplaced.get(
      signature(inputs.map((column) => printAt(state, row, columns.get(column.id) as number))),
    );
    const adoptedBy = queue?.shift();
    if (adoptedBy !== undefined) {
      existing.set(adoptedBy, row);
      keyless.push({ row, adoptedBy });
    } else keyless.push({ row });
  }
  return { existing, repeated, keyless };
}

/** Runs of rows to delete, bottom-most first, from rows in any order. */
export function deletionRuns(rows: readonly number[]): { start: number; count: number }[] {
  const runs: { start: number; count: number }[] = [];
  for (const row of [...rows].sort((a, b) => b - a)) {
    const last = runs[runs.length - 1];
    if (last && last.start === row + 1) {
      last.start = row;
      last.count++;
    } else runs.push({ start: row, count: 1 });
  }
  return runs;
}

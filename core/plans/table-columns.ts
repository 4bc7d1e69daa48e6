import { columnLetter, columnNumber } from "./a1";
import { contentFingerprint } from "./fingerprint";
import type { SheetState } from "./resolve";
import type { Cell, TablePlan } from "./sheet-plan";
import type { RowMemory, TableMemory } from "./state-sheet";

/** The old hidden column of per-row state, before the state sheet: migrated, then cleared. */
export const LEGACY_STATE_HEADER = "BuyIn state";

export interface ColumnLayout {
  /** Column number of each plan column id. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns found by their contents because the user renamed their header: the header stays theirs. */
  readonly renamed: ReadonlyMap<string, string>;
  /** Columns BuyIn remembers writing that it could not find: added again. */
  readonly missing: readonly string[];
  /** The old "BuyIn state" column, when the register still has one. */
  readonly legacyStateColumn?: number;
  /** Columns holding the user's own data: never written. */
  readonly userColumns: readonly number[];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

export function printAt(state: SheetState, row: number, column: number): string {
  return contentFingerprint(state.values[row - 1]?.[column - 1], state.formulas[row - 1]?.[column - 1]);
}

/**
 * Where each plan column is, by its stable id: the header BuyIn wrote (or the plan's header),
 * else the column whose cells match the fingerprints BuyIn remembers for that id (a renamed
 * header), else a new column past the used ones that no block of BuyIn's covers.
 */
export function layoutColumns(
  table: TablePlan,
  keyId: string,
  state: SheetState | undefined,
  memory: TableMemory | undefined,
  reserved: ReadonlySet<number>,
): ColumnLayout {
  const header = state?.values[0] ?? [];
  const width = Math.max(0, ...(state?.values ?? []).map((row) => row.length));
  const claimed = new Set<number>(reserved);
  const byHeader = (label: string | undefined) => {
    if (!label) return undefined;
    const index = header.findIndex((cell, column) => text(cell) === label && !claimed.has(column + 1));
    return index < 0 ? undefined : index + 1;
  };
  const legacyStateColumn = byHeader(LEGACY_STATE_HEADER);
  if (legacyStateColumn !== undefined) claimed.add(legacyStateColumn);
  const columns = new Map<string, number>();
  for (const column of table.columns) {
    const at = byHeader(memory?.columns.get(column.id)?.header) ?? byHeader(column.header);
    if (at === undefined) continue;
    columns.set(column.id, at);
    claimed.add(at);
  }
  const renamed = new Map<string, string>();
  if (state && memory && memory.rows.size > 0) {
    // The key column first, by the keys it holds; then the others by their cells' fingerprints.
    const candidates = () =>
      Array.from({ length: width }, (_, index) => index + 1).filter((column) => !claimed.has(column));
    if (!columns.has(keyId)) {
      const best = bestColumn(candidates(), state, (value) => memory.rows.has(text(value)));
      if (best !== undefined) adopt(keyId, best);
    }
    const keyColumn = columns.get(keyId);
    if (keyColumn !== undefined) {
      const rows: [number, RowMemory][] = [];
      for (let row = 2; row <= state.values.length; row++) {
        const remembered = memory.rows.get(text(state.values[row - 1]?.[keyColumn - 1]));
        if (remembered) rows.push([row, remembered]);
      }
      for (const column of table.columns) {
        if (columns.has(column.id)) continue;
        let best: number | undefined;
        let bestScore = 0;
        for (const candidate of candidates()) {
          let score = 0;
          for (const [row, remembered] of rows) {
            const print = remembered.prints.get(column.id);
            if (print && print === printAt(state, row, candidate)) score++;
          }
          if (score > bestScore) [best, bestScore] = [candidate, score];
        }
        if (best !== undefined) adopt(column.id, best);
      }
    }
  }
  // Where BuyIn last wrote the column, if that column has no header of anyone's (the header row
  // was deleted): a column all blank, or of formulas that moved with their rows, has no print to match.
  for (const column of table.columns) {
    if (columns.has(column.id)) continue;
    const letter = memory?.columns.get(column.id)?.letter;
    const at = letter ? columnNumber(letter) : undefined;
    if (at !== undefined && at <= width && !claimed.has(at) && text(header[at - 1]) === "")
      adopt(column.id, at);
  }
  function adopt(id: string, at: number) {
    columns.set(id, at);
    claimed.add(at);
    renamed.set(id, text(header[at - 1]));
  }
  const missing = table.columns
    .filter((column) => !columns.has(column.id) && memory?.columns.has(column.id))
    .map((column) => column.id);
  let next = width + 1;
  for (const column of table.columns) {
    if (columns.has(column.id)) continue;
    while (claimed.has(next)) next++;
    columns.set(column.id, next);
    claimed.add(next);
  }
  const userColumns: number[] = [];
  for (let column = 1; column <= width; column++) if (!claimed.has(column)) userColumns.push(column);
  return {
    columns,
    renamed,
    missing,
    ...(legacyStateColumn !== undefined ? { legacyStateColumn } : {}),
    userColumns,
  };
}

/** The candidate column with the most cells passing `matches` in the data rows, if any pass. */
function bestColumn(
  candidates: readonly number[],
  state: SheetState,
  matches: (value: Cell | undefined) => boolean,
): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (const column of candidates) {
    let score = 0;
    for (let row = 2; row <= state.values.length; row++)
      if (matches(state.values[row - 1]?.[column - 1])) score++;
    if (score > bestScore) [best, bestScore] = [column, score];
  }
  return best;
}

/** A column's letter, for the state sheet's column records. */
export function letterOf(layout: ColumnLayout, id: string): string {
  return columnLetter(layout.columns.get(id) as number);
}

import { formatFingerprints, parseFingerprints } from "./fingerprint";
import type { SheetState } from "./resolve";
import type { Cell } from "./sheet-plan";

/**
 * The state sheet: one hidden sheet ("BuyIn state") where BuyIn remembers what it wrote, keyed by
 * identity, not position: per table row, by (plan kind, row key), the fingerprints of the cells
 * it wrote and the kernels' values of its outputs; per table column, by (plan kind, column id),
 * the header it wrote and where. A sort range that leaves it out, or a column deleted in the
 * register, cannot misalign it. `resolveAll` writes it as a sheet of its own, last.
 *
 * Layout: a header row, then one record a row: record ("row" or "column"), kind, key (row key or
 * column id), prints (fingerprints, or the header written), expected (JSON of the outputs'
 * kernel values, or the column letter written).
 */
export const STATE_KIND = "buyin-state";
export const STATE_TITLE = "BuyIn state";
export const STATE_SHEET_HEADER = ["record", "kind", "key", "prints", "expected"] as const;

export interface RowMemory {
  /** Fingerprint of each cell BuyIn wrote in the row last time, by column id. */
  readonly prints: ReadonlyMap<string, string>;
  /** The kernels' value of each output cell last time, by column id. */
  readonly expected: Readonly<Record<string, Cell>>;
}

export interface ColumnMemory {
  /** The header BuyIn wrote. */
  readonly header: string;
  /** The column's letter when BuyIn wrote it. */
  readonly letter: string;
}

/** What BuyIn remembers of one plan kind's table. */
export interface TableMemory {
  readonly rows: ReadonlyMap<string, RowMemory>;
  readonly columns: ReadonlyMap<string, ColumnMemory>;
}

/** Every kind's table memory, by kind. */
export type StateMemory = ReadonlyMap<string, TableMemory>;

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

function parseExpected(cell: Cell | undefined): Record<string, Cell> {
  if (typeof cell !== "string" || !cell.startsWith("{")) return {};
  try {
    const parsed: unknown = JSON.parse(cell);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        ([, value]) => value === null || ["string", "number", "boolean"].includes(typeof value),
      ),
    ) as Record<string, Cell>;
  } catch {
    return {};
  }
}

/**
 * The memory in a state sheet as read, or undefined when the sheet is missing or is not one
 * (its header is not the state sheet's): then nothing is known of BuyIn's last writes.
 */
export function readStateSheet(state: SheetState | undefined): StateMemory | undefined {
  const header = state?.values[0];
  if (!state || !header || STATE_SHEET_HEADER.some((label, index) => text(header[index]) !== label))
    return undefined;
  const memory = new Map<string, { rows: Map<string, RowMemory>; columns: Map<string, ColumnMemory> }>();
  for (let index = 1; index < state.values.length; index++) {
    const [record, kind, key, prints, expected] = state.values[index] ?? [];
    const kindText = text(kind);
    const keyText = text(key);
    if (!kindText || !keyText) continue;
    let table = memory.get(kindText);
    if (!table) {
      table = { rows: new Map(), columns: new Map() };
      memory.set(kindText, table);
    }
    if (record === "row")
      table.rows.set(keyText, { prints: parseFingerprints(prints), expected: parseExpected(expected) });
    else if (record === "column")
      table.columns.set(keyText, { header: text(prints), letter: text(expected) });
  }
  return memory;
}

/** The state sheet's cells for a memory, header first: every value text, written as text. */
export function stateSheetCells(memory: StateMemory): string[][] {
  const cells: string[][] = [[...STATE_SHEET_HEADER]];
  for (const [kind, table] of memory) {
    for (const [id, column] of table.columns) cells.push(["column", kind, id, column.header, column.letter]);
    for (const [key, row] of table.rows) {
      const expected = Object.keys(row.expected).length > 0 ? JSON.stringify(row.expected) : "";
      cells.push(["row", kind, key, formatFingerprints(row.prints), expected]);
    }
  }
  return cells;
}

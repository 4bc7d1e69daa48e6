import { cellA1, columnLetter, quoteSheet, rangeA1 } from "./a1";
import { parseFingerprints } from "./fingerprint";
import { cellInput, type HostInput } from "./host-input";
import type {
  Conflict,
  Format,
  ResolvedName,
  ResolvedSheet,
  ResolveOptions,
  SheetState,
  Write,
} from "./resolve";
import type { Cell, SheetPlan, TablePlan } from "./sheet-plan";
import type { RowMemory, TableMemory } from "./state-sheet";
import { compileFormula, expandFormula, inputDecision, outputIsBuyIns, plannedValue } from "./table-cells";
import { LEGACY_STATE_HEADER, layoutColumns, printAt } from "./table-columns";
import { deletionRuns, indexRows } from "./table-rows";

/** Scattered retired rows beyond this many runs are compacted, where that takes nothing of the user's. */
export const COMPACT_AFTER_RUNS = 3;

/** A table's share of its sheet's ResolvedSheet, with the counts its report takes. */
export interface TableResolution
  extends Pick<ResolvedSheet, "clear" | "insertRows" | "deleteRows" | "writes" | "formats" | "names"> {
  readonly range: string;
  /** Where each column now is (1-based, by id) and each row (by key), for ranges named by identity. */
  readonly columnsAt: ReadonlyMap<string, number>;
  readonly rowsAt: ReadonlyMap<string, number>;
  /** The data rows, first to last, as the formats span them. */
  readonly dataRows: { readonly first: number; readonly count: number };
  /** What BuyIn wrote, to remember in the state sheet. */
  readonly memory: TableMemory;
  readonly rowsAdded: number;
  readonly rowsUpdated: number;
  readonly rowsRetired: number;
  readonly editsKept: number;
  readonly messages: readonly string[];
  readonly conflicts: readonly Conflict[];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** Prints from the old hidden "BuyIn state" column, by key: a v1 register's memory, migrated. */
function legacyMemory(table: TablePlan, keyId: string, state: SheetState): TableMemory | undefined {
  const header = state.values[0] ?? [];
  const stateColumn = header.findIndex((cell) => text(cell) === LEGACY_STATE_HEADER);
  const keyHeader = table.columns.find((column) => column.id === keyId)?.header;
  const keyColumn = header.findIndex((cell) => text(cell) === keyHeader);
  if (stateColumn < 0 || keyColumn < 0) return undefined;
  const rows = new Map<string, RowMemory>();
  for (const values of state.values.slice(1)) {
    const key = text(values[keyColumn]);
    if (key) rows.set(key, { prints: parseFingerprints(values[stateColumn]), expected: {} });
  }
  return { rows, columns: new Map() };
}

/**
 * A header row the user deleted: row 1 holds none of the table's headers but does hold a known
 * key. The table is then read as if an empty row stood above it, and that row is inserted.
 */
function headerDeleted(table: TablePlan, state: SheetState, memory: TableMemory | undefined): boolean {
  const first = state.values[0];
  if (!first) return false;
  const headers = new Set([
    LEGACY_STATE_HEADER,
    ...table.columns.map((column) => column.header),
    ...[...(memory?.columns.values() ?? [])].map((column) => column.header),
  ]);
  if (first.some((cell) => headers.has(text(cell)))) return false;
  const keys = new Set([...table.rows.map((row) => row.key), ...(memory?.rows.keys() ?? [])]);
  return first.some((cell) => keys.has(text(cell)));
}

/**
 * Resolves a plan's keyed table against its sheet as read: rows by key, columns by id, state from
 * the state sheet. Cells BuyIn keeps are holes in the writes, so the host's own adjustment of
 * them (a formula whose rows moved) stands.
 */
export function resolveTable(
  plan: SheetPlan,
  table: TablePlan,
  sheetName: string,
  read: SheetState | undefined,
  remembered: TableMemory | undefined,
  reserved: ReadonlySet<number>,
  options: ResolveOptions = {},
): TableResolution {
  const keySpec = table.columns.find((column) => column.role === "key");
  if (!keySpec) throw new Error(`table of ${plan.kind} has no key column`);
  const messages: string[] = [];
  const conflicts: Conflict[] = [];
  const conflict = (entry: Omit<Conflict, "sheet">) => conflicts.push({ sheet: sheetName, ...entry });
  const memory =
    remembered && remembered.rows.size > 0
      ? remembered
      : ((read && legacyMemory(table, keySpec.id, read)) ?? remembered);
  const inserted = read && headerDeleted(table, read, memory) ? 1 : 0;
  const state: SheetState | undefined =
    read && inserted ? { values: [[], ...read.values], formulas: [[], ...read.formulas] } : read;
  if (inserted) messages.push("The header row was missing; BuyIn inserted it again above your rows.");
  const layout = layoutColumns(table, keySpec.id, state, memory, reserved);
  const columnAt = (id: string) => layout.columns.get(id) as number;
  const headerOf = new Map(table.columns.map((column) => [column.id, column.header]));
  for (const [id, header] of layout.renamed)
    if (header)
      messages.push(
        `Found the ${headerOf.get(id)} column under your header "${header}", and kept your header.`,
      );
  for (const id of layout.missing)
    messages.push(
      `The ${headerOf.get(id)} column was missing; BuyIn added it again in column ${columnLetter(columnAt(id))}.`,
    );

  const lastUsedRow = state ? state.values.length : 1;
  const { existing, repeated, keyless } = indexRows(table, state, layout.columns, keySpec.id);
  for (const { row, key } of repeated)
    conflict({
      cell: cellA1(row, columnAt(keySpec.id)),
      key,
      message: `Row ${row} repeats the id ${key}; BuyIn left it as it is.`,
    });
  for (const { row, adoptedBy } of keyless) {
    if (adoptedBy !== undefined) messages.push(`Row ${row} had no id; BuyIn gave it ${adoptedBy}.`);
    else
      conflict({
        cell: cellA1(row, columnAt(keySpec.id)),
        message: `Row ${row} has no id, so BuyIn left it as it is: add the person in the panel to bring the row into the register.`,
      });
  }
  const planKeys = new Set(table.rows.map((row) => row.key));
  const first = 2;
  /** The row's number when it was read: the table was read before the header row is put back. */
  const readRow = (row: number) => row - inserted;
  const templates = new Map(table.columns.map((column) => [column.id, column.formula ?? ""]));
  /** An output's template at a row as read, expanded only when a formula there needs comparing. */
  const templateAt = (id: string, row: number) => () =>
    expandFormula(templates.get(id) as string, readRow(row), first, lastUsedRow, layout.columns);
  const currentAt = (row: number, at: number) => ({
    print: printAt(state as SheetState, row, at),
    value: state?.values[row - 1]?.[at - 1],
    formula: state?.formulas[row - 1]?.[at - 1],
  });

  // Retired rows go, unless they hold the user's data: their own columns, or BuyIn's cells edited.
  const retired: number[] = [];
  const keptRows: { key: string; row: number; userData: boolean }[] = [];
  for (const [key, row] of existing) {
    if (planKeys.has(key) || !state) continue;
    const userData = layout.userColumns.some((column) => printAt(state, row, column) !== "");
    const record = memory?.rows.get(key);
    const edited = table.columns.some((column) => {
      if (column.role === "key") return false;
      const at = columnAt(column.id);
      const base = record?.prints.get(column.id);
      if (column.role === "output")
        return !outputIsBuyIns(
          currentAt(row, at),
          templateAt(column.id, row),
          [base],
          [record?.expected[column.id]],
        );
      // With no record of the row, BuyIn cannot tell its cells from the user's.
      return printAt(state, row, at) !== (base ?? "");
    });
    if (userData || edited) keptRows.push({ key, row, userData });
    else retired.push(row);
  }
  let deleteRows = deletionRuns(retired);

  // Where each row that stays will stand once the retired rows are gone, and back.
  const retiredSet = new Set(retired);
  const rowAfter = new Map<number, number>();
  const rowBefore = new Map<number, number>();
  for (let row = 2, after = 2; row <= lastUsedRow; row++) {
    if (retiredSet.has(row)) continue;
    rowAfter.set(row, after);
    rowBefore.set(after, row);
    after++;
  }
  for (const { key, row, userData } of keptRows)
    conflict({
      cell: cellA1(rowAfter.get(row) as number, columnAt(keySpec.id)),
      key,
      message: `Kept row ${row} (${key}): it is no longer in the register, but holds ${userData ? "your own data" : "cells you edited"}.`,
    });
  const finalRow = new Map<string, number>();
  let nextRow = Math.max(2, lastUsedRow - retired.length + 1);
  for (const row of table.rows) {
    const before = existing.get(row.key);
    const after = before === undefined ? undefined : rowAfter.get(before);
    finalRow.set(row.key, after ?? nextRow++);
  }
  const last = Math.max(2, nextRow - 1, lastUsedRow - retired.length);
  const rowCount = last - first + 1;

  // Column by column; null is a hole: rows BuyIn does not write, and cells it keeps.
  const columnCells = new Map<string, (HostInput | null)[]>();
  for (const column of table.columns)
    columnCells.set(column.id, new Array<HostInput | null>(rowCount).fill(null));
  const rowsMemory = new Map<string, RowMemory>();
  // Rows kept though retired keep what BuyIn remembers of them.
  for (const [key, row] of existing)
    if (!planKeys.has(key) && !retiredSet.has(row) && memory?.rows.has(key))
      rowsMemory.set(key, memory.rows.get(key) as RowMemory);
  // Rows do not move under compaction, so what a row held is not what its new row will hold.
  const skipUnchanged = options.skipUnchanged === true && !options.compactRetiredRows;
  let editsKept = 0;
  let rowsAdded = 0;
  let rowsUpdated = 0;
  let highestHole = 0;
  const outputAt = new Map(
    table.columns.flatMap((column) =>
      column.role === "output"
        ? [[column.id, compileFormula(column.formula ?? "", first, last, layout.columns)] as const]
        : [],
    ),
  );
  for (const planRow of table.rows) {
    const row = finalRow.get(planRow.key) as number;
    const source = existing.has(planRow.key) ? rowBefore.get(row) : undefined;
    const record = memory?.rows.get(planRow.key);
    if (source) rowsUpdated++;
    else rowsAdded++;
    const prints = new Map<string, string>();
    for (const column of table.columns) {
      const at = columnAt(column.id);
      const planned = outputAt.get(column.id)?.(row) ?? plannedValue(column, planRow);
      const cells = columnCells.get(column.id) as (HostInput | null)[];
      prints.set(column.id, planned.print);
      if (source === undefined || !state) {
        cells[row - first] = planned.input;
        continue;
      }
      const base = record?.prints.get(column.id);
      if (column.role === "output") {
        // The formula as planned, as the host reads it back: BuyIn's, unchanged (no print needed).
        if (state.formulas[source - 1]?.[at - 1] === planned.input) {
          if (!skipUnchanged) cells[row - first] = planned.input;
          continue;
        }
        const expected = [planRow.expected?.[column.id], record?.expected[column.id]];
        const current = currentAt(source, at);
        if (outputIsBuyIns(current, templateAt(column.id, source), [base, planned.print], expected)) {
          if (!(skipUnchanged && current.print === planned.print)) cells[row - first] = planned.input;
        } else {
          editsKept++;
          highestHole = Math.max(highestHole, row);
          conflict({
            cell: cellA1(row, at),
            key: planRow.key,
            column: column.header,
            message: `Kept your value in ${column.header} for ${planRow.key}; clear it to get BuyIn's formula back.`,
          });
        }
        continue;
      }
      const current = printAt(state, source, at);
      const decision = inputDecision(planned, current, base);
      if (decision === "write") {
        if (!(skipUnchanged && current === planned.print)) cells[row - first] = planned.input;
        continue;
      }
      editsKept++;
      highestHole = Math.max(highestHole, row);
      if (decision === "conflict")
        conflict({
          cell: cellA1(row, at),
          key: planRow.key,
          column: column.header,
          message:
            base === undefined
              ? `Kept ${column.header} for ${planRow.key} as it is in the sheet: BuyIn has no record of writing it.`
              : `${column.header} for ${planRow.key} was changed both in the sheet and in the panel; BuyIn kept the sheet's value.`,
        });
    }
    rowsMemory.set(planRow.key, { prints, expected: planRow.expected ?? {} });
  }
  if (editsKept > 0)
    messages.push(`Kept ${editsKept} cell${editsKept === 1 ? "" : "s"} you edited in the sheet.`);

  // Scattered retirements: one deletion per run is one host call per run on some hosts. Rewrite
  // BuyIn's rows packed and delete the tail once, when no row from the first retired one down
  // holds anything of the user's (their columns, a kept cell, a row BuyIn does not write).
  if (options.compactRetiredRows && deleteRows.length > COMPACT_AFTER_RUNS && state) {
    const firstRetired = Math.min(...retired);
    const plannedRows = new Set(finalRow.values());
    let safe = highestHole < firstRetired;
    for (let row = firstRetired; row <= lastUsedRow && safe; row++) {
      if (layout.userColumns.some((column) => printAt(state, row, column) !== "")) safe = false;
    }
    for (let row = firstRetired; row <= lastUsedRow - retired.length && safe; row++)
      if (!plannedRows.has(row)) safe = false;
    if (safe) deleteRows = [{ start: lastUsedRow - retired.length + 1, count: retired.length }];
    else
      messages.push(
        `Deleted ${deleteRows.length} runs of retired rows one by one: rows below them hold your data.`,
      );
  }

  const writes: Write[] = [];
  const formats: Format[] = [];
  const header = state?.values[0] ?? [];
  for (const column of table.columns) {
    const at = columnAt(column.id);
    const userHeader = layout.renamed.get(column.id) && text(header[at - 1]);
    const unchanged = skipUnchanged && text(header[at - 1]) === column.header;
    writes.push({ row: 1, column: at, cells: [[userHeader || unchanged ? null : cellInput(column.header)]] });
    writes.push({
      row: first,
      column: at,
      cells: (columnCells.get(column.id) as (HostInput | null)[]).map((cell) => [cell]),
    });
    formats.push({ range: cellA1(1, at), role: "header", ...(column.width ? { width: column.width } : {}) });
    formats.push({
      range: rangeA1(first, at, rowCount, 1),
      role: column.role === "output" ? "output" : "input",
      ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
      ...(column.validation ? { validation: column.validation } : {}),
    });
  }
  const clear: string[] = [];
  if (layout.legacyStateColumn !== undefined && read) {
    const letter = columnLetter(layout.legacyStateColumn);
    clear.push(`${letter}1:${letter}${read.values.length}`);
    formats.push({ range: `${letter}1`, hidden: false });
    messages.push("Moved BuyIn's record of this sheet to the hidden BuyIn state sheet.");
  }

  const names: ResolvedName[] = [];
  for (const name of plan.names ?? []) {
    if (!name.column) continue;
    const at = layout.columns.get(name.column);
    if (at === undefined) throw new Error(`name ${name.name} refers to unknown column ${name.column}`);
    const letter = columnLetter(at);
    if (name.key === undefined)
      names.push({
        name: name.name,
        reference: `${quoteSheet(sheetName)}!$${letter}$${first}:$${letter}$${last}`,
      });
    else {
      const row = finalRow.get(name.key);
      if (row === undefined)
        messages.push(`The name ${name.name} was not set: its row ${name.key} is no longer in the table.`);
      else names.push({ name: name.name, reference: `${quoteSheet(sheetName)}!$${letter}$${row}` });
    }
  }
  const columnsMemory = new Map(
    table.columns.map((column) => [
      column.id,
      { header: column.header, letter: columnLetter(columnAt(column.id)) },
    ]),
  );
  return {
    range: rangeA1(1, 1, last, Math.max(...layout.columns.values())),
    columnsAt: layout.columns,
    rowsAt: finalRow,
    dataRows: { first, count: rowCount },
    clear,
    insertRows: inserted ? [{ at: 1, count: inserted }] : [],
    deleteRows,
    writes,
    formats,
    names,
    memory: { rows: rowsMemory, columns: columnsMemory },
    rowsAdded,
    rowsUpdated,
    rowsRetired: retired.length,
    editsKept,
    messages,
    conflicts,
  };
}

import { cellA1, columnLetter, parseCell, parseRange, quoteSheet, rangeA1 } from "./a1";
import { contentFingerprint, formatFingerprints, parseFingerprints } from "./fingerprint";
import { cellInput, formulaInput, type HostInput } from "./host-input";
import type {
  ApplyReport,
  Format,
  ResolvedName,
  ResolvedSheet,
  SheetMarker,
  SheetState,
  Target,
  Write,
} from "./resolve";
import type { Cell, ColumnSpec, SheetPlan, TablePlan } from "./sheet-plan";

/**
 * The resolver before the state sheet (issue 8), kept only while the Excel and Sheets ports still
 * resolve plan by plan; new code calls `resolveAll` (./port). Per-row state lives in a hidden
 * "BuyIn state" column of the register.
 */
export const STATE_HEADER = "BuyIn state";

interface Layout {
  /** Column number of each plan column id, and of the state column. */
  readonly columns: Map<string, number>;
  readonly stateColumn: number;
  /** Columns holding the user's own data: never written. */
  readonly userColumns: readonly number[];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function isEmpty(state: SheetState, row: number, column: number): boolean {
  const value = state.values[row - 1]?.[column - 1];
  return (value === null || value === undefined || value === "") && !state.formulas[row - 1]?.[column - 1];
}

/** Columns BuyIn's blocks cover, now or last time: BuyIn's, so never taken for the user's own. */
function blockColumns(plan: SheetPlan, marker: SheetMarker | undefined): Set<number> {
  const columns = new Set<number>();
  const spans = [
    ...(marker?.blocks ?? []).map((range) => parseRange(range)),
    // A planned block's width comes from its values.
    ...(plan.blocks ?? []).map((block) => ({
      column: parseCell(block.at).column,
      columns: Math.max(0, ...block.values.map((row) => row.length)),
    })),
  ];
  for (const { column, columns: width } of spans) {
    for (let offset = 0; offset < width; offset++) columns.add(column + offset);
  }
  return columns;
}

function layoutColumns(
  table: TablePlan,
  state: SheetState | undefined,
  reserved: ReadonlySet<number>,
): Layout {
  const columns = new Map<string, number>();
  const header = state?.values[0] ?? [];
  const byHeader = new Map<string, number>();
  header.forEach((cell, index) => {
    const label = text(cell);
    if (label && !byHeader.has(label)) byHeader.set(label, index + 1);
  });
  const width = Math.max(0, ...(state?.values ?? []).map((row) => row.length));
  let next = width + 1;
  /** The next column past the used ones that no block of BuyIn's covers. */
  const free = () => {
    while (reserved.has(next)) next++;
    return next++;
  };
  for (const column of table.columns) columns.set(column.id, byHeader.get(column.header) ?? free());
  const stateColumn = byHeader.get(STATE_HEADER) ?? free();
  const owned = new Set([...columns.values(), stateColumn, ...reserved]);
  const userColumns: number[] = [];
  for (let column = 1; column <= width; column++) if (!owned.has(column)) userColumns.push(column);
  return { columns, stateColumn, userColumns };
}

/** Expands `{row}`, `{first}`, `{last}` and `{col:id}` in a formula template. */
function expandFormula(
  template: string,
  row: number,
  first: number,
  last: number,
  columns: Map<string, number>,
): string {
  return formulaInput(
    template.replace(/\{(row|first|last|col:([a-z0-9_]+))\}/gi, (_match, token: string, id?: string) => {
      if (token === "row") return String(row);
      if (token === "first") return String(first);
      if (token === "last") return String(last);
      const column = columns.get(id as string);
      if (column === undefined) throw new Error(`formula refers to unknown column ${id}`);
      return columnLetter(column);
    }),
  );
}

interface TableResolution {
  range: string;
  deleteRows: { start: number; count: number }[];
  writes: Write[];
  formats: Format[];
  names: Map<string, string>;
  report: Pick<ApplyReport, "rowsAdded" | "rowsUpdated" | "rowsRetired" | "editsKept"> & {
    messages: string[];
  };
}

function resolveTable(
  plan: SheetPlan,
  table: TablePlan,
  target: Target,
  state: SheetState | undefined,
): TableResolution {
  const sheetName = target.name;
  const layout = layoutColumns(table, state, blockColumns(plan, target.marker));
  const keyColumnSpec = table.columns.find((column) => column.role === "key");
  if (!keyColumnSpec) throw new Error(`table of ${plan.kind} has no key column`);
  const keyColumn = layout.columns.get(keyColumnSpec.id) as number;
  const messages: string[] = [];

  // Existing data rows by key.
  const existing = new Map<string, number>();
  const lastUsedRow = state ? state.values.length : 1;
  for (let row = 2; row <= lastUsedRow; row++) {
    const key = text(state?.values[row - 1]?.[keyColumn - 1]);
    if (!key) continue;
    if (existing.has(key)) messages.push(`Row ${row} repeats the id ${key}; BuyIn left it as it is.`);
    else existing.set(key, row);
  }
  const planKeys = new Set(table.rows.map((row) => row.key));

  // Retired rows go, unless the user keeps data of their own in them.
  const retired: number[] = [];
  for (const [key, row] of existing) {
    if (planKeys.has(key)) continue;
    if (state && layout.userColumns.some((column) => !isEmpty(state, row, column))) {
      messages.push(`Kept row ${row} (${key}): it is no longer in the register, but holds your own data.`);
      continue;
    }
    retired.push(row);
  }
  retired.sort((a, b) => b - a);
  const deleteRows: { start: number; count: number }[] = [];
  for (const row of retired) {
    const last = deleteRows[deleteRows.length - 1];
    if (last && last.start === row + 1) {
      last.start = row;
      last.count++;
    } else deleteRows.push({ start: row, count: 1 });
  }
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

  // Final row of every plan row: in place, or appended after the last row left.
  const finalRow = new Map<string, number>();
  let nextRow = Math.max(2, lastUsedRow - retired.length + 1);
  for (const row of table.rows) {
    const before = existing.get(row.key);
    const after = before === undefined ? undefined : rowAfter.get(before);
    finalRow.set(row.key, after ?? nextRow++);
  }
  const last = Math.max(2, nextRow - 1, ...finalRow.values());
  const first = 2;

  // Cell contents column by column: the plan's, unless the user edited the cell since BuyIn wrote it.
  const rowCount = last - first + 1;
  const columnCells = new Map<string, HostInput[]>();
  const stateCells: HostInput[] = new Array(rowCount).fill("");
  for (const column of table.columns) columnCells.set(column.id, new Array<HostInput>(rowCount).fill(""));
  // Rows BuyIn does not write (the user's own, repeated ids) keep their content in BuyIn's columns.
  const plannedRows = new Set(finalRow.values());
  if (state) {
    for (let row = first; row <= last; row++) {
      const source = rowBefore.get(row);
      if (plannedRows.has(row) || source === undefined) continue;
      for (const column of table.columns) {
        const index = (layout.columns.get(column.id) as number) - 1;
        (columnCells.get(column.id) as HostInput[])[row - first] = currentInput(state, source, index);
      }
      stateCells[row - first] = currentInput(state, source, layout.stateColumn - 1);
    }
  }
  let editsKept = 0;
  let rowsAdded = 0;
  let rowsUpdated = 0;
  for (const planRow of table.rows) {
    const row = finalRow.get(planRow.key) as number;
    const source = existing.has(planRow.key) ? rowBefore.get(row) : undefined;
    const base =
      source && state ? parseFingerprints(state.values[source - 1]?.[layout.stateColumn - 1]) : new Map();
    if (source) rowsUpdated++;
    else rowsAdded++;
    const prints = new Map<string, string>();
    for (const column of table.columns) {
      const planned = plannedContent(column, planRow, row, first, last, layout.columns);
      let content = planned;
      if (source && state && base.has(column.id)) {
        const index = (layout.columns.get(column.id) as number) - 1;
        const current = contentFingerprint(
          state.values[source - 1]?.[index],
          state.formulas[source - 1]?.[index],
        );
        if (current !== base.get(column.id) && current !== planned.print) {
          // The fingerprint stays that of BuyIn's last write, so the cell keeps counting as edited.
          content = { input: currentInput(state, source, index), print: base.get(column.id) as string };
          editsKept++;
        }
      }
      (columnCells.get(column.id) as HostInput[])[row - first] = content.input;
      prints.set(column.id, content.print);
    }
    stateCells[row - first] = formatFingerprints(prints);
  }

  const writes: Write[] = [];
  const formats: Format[] = [];
  for (const column of table.columns) {
    const at = layout.columns.get(column.id) as number;
    writes.push({ row: 1, column: at, cells: [[cellInput(column.header)]] });
    writes.push({
      row: first,
      column: at,
      cells: (columnCells.get(column.id) as HostInput[]).map((cell) => [cell]),
    });
    formats.push({ range: cellA1(1, at), role: "header", ...(column.width ? { width: column.width } : {}) });
    formats.push({
      range: rangeA1(first, at, rowCount, 1),
      role: column.role === "output" ? "output" : "input",
      ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
      ...(column.validation ? { validation: column.validation } : {}),
    });
  }
  writes.push({ row: 1, column: layout.stateColumn, cells: [[STATE_HEADER]] });
  writes.push({ row: first, column: layout.stateColumn, cells: stateCells.map((cell) => [cell]) });
  formats.push({ range: rangeA1(1, layout.stateColumn, rowCount + 1, 1), hidden: true });

  const names = new Map<string, string>();
  for (const name of plan.names ?? []) {
    if (!name.column) continue;
    const at = layout.columns.get(name.column);
    if (at === undefined) throw new Error(`name ${name.name} refers to unknown column ${name.column}`);
    if (name.key !== undefined) {
      const row = finalRow.get(name.key);
      if (row === undefined)
        messages.push(`The name ${name.name} was not set: its row ${name.key} is no longer in the table.`);
      else names.set(name.name, `${quoteSheet(sheetName)}!$${columnLetter(at)}$${row}`);
    } else
      names.set(
        name.name,
        `${quoteSheet(sheetName)}!$${columnLetter(at)}$${first}:$${columnLetter(at)}$${last}`,
      );
  }
  if (editsKept > 0)
    messages.push(`Kept ${editsKept} cell${editsKept === 1 ? "" : "s"} you edited in the sheet.`);
  const lastColumn = Math.max(layout.stateColumn, ...layout.columns.values());
  return {
    range: rangeA1(1, 1, last, lastColumn),
    deleteRows,
    writes,
    formats,
    names,
    report: { rowsAdded, rowsUpdated, rowsRetired: retired.length, editsKept, messages },
  };
}

function currentInput(state: SheetState, row: number, index: number): HostInput {
  const formula = state.formulas[row - 1]?.[index];
  if (formula) return formula;
  return cellInput(state.values[row - 1]?.[index] ?? null);
}

function plannedContent(
  column: ColumnSpec,
  planRow: { key: string; values: Readonly<Record<string, Cell>> },
  row: number,
  first: number,
  last: number,
  columns: Map<string, number>,
): { input: HostInput; print: string } {
  if (column.role === "output") {
    const formula = expandFormula(column.formula ?? "", row, first, last, columns);
    return { input: formula, print: contentFingerprint(null, formula) };
  }
  const value = column.role === "key" ? planRow.key : (planRow.values[column.id] ?? null);
  return { input: cellInput(value), print: contentFingerprint(value, null) };
}

/**
 * Resolves a plan against its target sheet's current contents: what to delete, write, format and
 * name, in a form every port writes in bulk.
 */
export function resolveSheet(plan: SheetPlan, target: Target, state: SheetState | undefined): ResolvedSheet {
  for (const column of plan.table?.columns ?? []) {
    // Hosts take a drop-down list as one comma-separated string; "=" would make it a reference.
    if (column.validation?.list?.some((item) => item.includes(",") || item.startsWith("="))) {
      throw new Error(`list of column ${column.id} has an item with a comma or a leading "="`);
    }
  }
  const messages: string[] = [];
  if (target.redirectedFrom) {
    messages.push(
      `A sheet named "${target.redirectedFrom}" already holds data BuyIn did not write, so BuyIn wrote to "${target.name}" instead.`,
    );
  }
  const table = plan.table ? resolveTable(plan, plan.table, target, state) : undefined;
  const writes: Write[] = [...(table?.writes ?? [])];
  const formats: Format[] = [...(table?.formats ?? [])];
  const blockRanges: string[] = [];
  const inputPrints: Record<string, string> = {};
  let inputEditsKept = 0;
  for (const block of plan.blocks ?? []) {
    const { row, column } = parseCell(block.at);
    const rows = block.values.length;
    const columns = Math.max(0, ...block.values.map((values) => values.length));
    if (rows === 0 || columns === 0) continue;
    writes.push({
      row,
      column,
      cells: block.values.map((values, r) =>
        Array.from({ length: columns }, (_, c) => {
          const formula = block.formulas?.[r]?.[c];
          const planned: HostInput = formula ? formulaInput(formula) : cellInput(values[c] ?? null);
          if (block.role !== "input") return planned;
          // Assumptions the user changed stay changed: BuyIn rewrites an input cell only while
          // it still holds what BuyIn wrote there last time.
          const address = cellA1(row + r, column + c);
          const plannedPrint = contentFingerprint(
            formula ? null : (values[c] ?? null),
            formula ? formulaInput(formula) : null,
          );
          const base = target.marker?.inputs?.[address];
          const currentValue = state?.values[row + r - 1]?.[column + c - 1] ?? null;
          const currentFormula = state?.formulas[row + r - 1]?.[column + c - 1] ?? null;
          const current = contentFingerprint(currentValue, currentFormula);
          if (state && base !== undefined && current !== base && current !== "" && current !== plannedPrint) {
            inputPrints[address] = base;
            inputEditsKept++;
            return currentInput(state, row + r, column + c - 1);
          }
          inputPrints[address] = plannedPrint;
          return planned;
        }),
      ),
    });
    const range = rangeA1(row, column, rows, columns);
    blockRanges.push(range);
    if (block.role) formats.push({ range, role: block.role });
    for (const [r, formatsRow] of (block.numberFormats ?? []).entries()) {
      for (const [c, numberFormat] of formatsRow.entries()) {
        if (numberFormat) formats.push({ range: cellA1(row + r, column + c), numberFormat });
      }
    }
  }
  if (inputEditsKept > 0) {
    messages.push(
      `Kept ${inputEditsKept} setting${inputEditsKept === 1 ? "" : "s"} you changed in the sheet.`,
    );
  }
  const names: ResolvedName[] = [...(table?.names ?? new Map())].map(([name, reference]) => ({
    name,
    reference,
  }));
  for (const name of plan.names ?? []) {
    if (name.at) {
      const range = parseRange(name.at);
      const absolute = rangeA1(range.row, range.column, range.rows, range.columns).replace(
        /([A-Z]+)(\d+)/g,
        "$$$1$$$2",
      );
      names.push({ name: name.name, reference: `${quoteSheet(target.name)}!${absolute}` });
    }
  }
  const clear = (target.marker?.blocks ?? []).filter((range) => !blockRanges.includes(range));
  return {
    target,
    deleteRows: table?.deleteRows ?? [],
    clear,
    writes,
    formats,
    names,
    insertRows: [],
    removeCharts: [],
    charts: (plan.charts ?? []).map((chart) => ({ ...chart })),
    // Blocks beside a table would fall inside its range: such a sheet gets no host table.
    ...(table && (plan.blocks ?? []).length === 0 ? { tableRange: table.range } : {}),
    ...(plan.freeze ? { freeze: plan.freeze } : {}),
    marker: {
      kind: plan.kind,
      ...(blockRanges.length > 0 ? { blocks: blockRanges } : {}),
      ...(Object.keys(inputPrints).length > 0 ? { inputs: inputPrints } : {}),
    },
    report: {
      sheet: target.name,
      created: target.create,
      ...(target.redirectedFrom ? { redirectedFrom: target.redirectedFrom } : {}),
      rowsAdded: table?.report.rowsAdded ?? 0,
      rowsUpdated: table?.report.rowsUpdated ?? 0,
      rowsRetired: table?.report.rowsRetired ?? 0,
      editsKept: (table?.report.editsKept ?? 0) + inputEditsKept,
      messages: [...messages, ...(table?.report.messages ?? [])],
      conflicts: [],
    },
  };
}

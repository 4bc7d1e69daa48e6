/**
 * MemoryWorkbook: a WorkbookPort over an in-page HyperFormula engine, for the browser preview and
 * for tests. Native formulas really compute, so changing an input moves every output, as it does
 * for a finance reviewer in Excel or Sheets.
 *
 * HyperFormula is GPL-3.0: this file is for the dev preview and tests only; no shipped bundle
 * (addin/, apps-script/) may import it.
 *
 * Values read back (SheetState, readTable, value, displayGrid) are numbers, text and booleans as
 * the engine holds them, dates as serial numbers, blanks as null, and errors as their text
 * ("#DIV/0!", "#N/A", "#NAME?"), which is how Excel's `range.values` and Sheets' `getValues()`
 * report them: a reader sees the error rather than a blank.
 *
 * Engine settings: `useArrayArithmetic`, because HyperFormula's default mode answers #VALUE! for
 * SUMPRODUCT((A2:A9>=3)*B2:B9), which Excel, Sheets and LibreOffice compute. It also lets bare
 * array arithmetic such as SUM(A2:A9*B2:B9) compute, which Sheets (without ARRAYFORMULA) and
 * pre-365 Excel do not: plans keep array arithmetic inside SUMPRODUCT. `precisionRounding: 14`,
 * so values read back carry Excel's 15 significant digits (the default keeps 11: 10/3 would read
 * 3.3333333333). No undo history: the preview offers no undo, and a 10,000-row plan would
 * otherwise be kept twice.
 */
import { type CellValue, DetailedCellError, HyperFormula, type SimpleCellAddress } from "hyperformula";
import {
  type ApplyReport,
  type Cell,
  cellInput,
  contentFingerprint,
  type Format,
  type HostInput,
  isBuyInsRule,
  type PrintSetup,
  parseCell,
  parseRange,
  planTargets,
  type ResolvedChart,
  type ResolvedConditionalFormat,
  type ResolvedSheet,
  resolveAll,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_KIND,
  type TableSnapshot,
  type Tone,
  tableColumnIds,
  type WorkbookPort,
  type WorkbookSnapshot,
} from "../../core/index";
import type { WorkbookContents } from "../workbook-contents";
import { toneAt } from "./conditional-tone";

/** What a user types into a cell: "=…" is a formula, "'…" text, "12" a number, "" clears. */
export type TypedContent = string | number | boolean | null;

export interface Freeze {
  readonly rows: number;
  readonly columns: number;
}

/** What BuyIn keeps beside a sheet's cells: the preview renders it, tests inspect it. */
interface SheetMeta {
  readonly marker: SheetMarker;
  readonly formats: readonly Format[];
  readonly charts: readonly ResolvedChart[];
  /** Conditional-format rules, BuyIn's and the user's, in priority order (the first that holds wins). */
  readonly conditionalFormats?: readonly ResolvedConditionalFormat[];
  readonly freeze?: Freeze;
  /** The page setup last written; a host keeps it until it is set again. */
  readonly print?: PrintSetup;
  readonly hidden?: boolean;
}

/** The runs of cells that are not holes in one line of a write: [offset, cells]. */
function runs(line: readonly (HostInput | null)[]): [number, (HostInput | null)[]][] {
  const found: [number, (HostInput | null)[]][] = [];
  let start = -1;
  for (let index = 0; index <= line.length; index++) {
    const hole = index === line.length || line[index] === null;
    if (!hole && start < 0) start = index;
    if (hole && start >= 0) {
      found.push([start, line.slice(start, index)]);
      start = -1;
    }
  }
  return found;
}

function cellValue(value: CellValue): Cell {
  return value instanceof DetailedCellError ? value.value : value;
}

/**
 * HostInput goes to the engine as it is: HyperFormula reads "=…" as a formula and a leading
 * apostrophe as "this is text", as Excel and Sheets do. Only "" differs: hosts clear the cell,
 * HyperFormula would keep an empty text.
 */
function engineContent(input: HostInput | null): HostInput | null {
  return input === "" ? null : input;
}

function filled(cell: Cell): boolean {
  return cell !== null && cell !== "";
}

export class MemoryWorkbook implements WorkbookPort {
  /**
   * Engine writes made by `apply` (sheets added, row deletions, rectangles written or cleared,
   * names set): fixed for a plan's shape, whatever its number of rows.
   */
  operations = 0;
  /**
   * The workbook's locale (BCP 47), as a host reports its own: the preview's sample workbook is
   * British, so its sheet view and the panel show dates day first.
   */
  locale = "en-GB";
  private readonly engine = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    precisionRounding: 14,
    undoLimit: 0,
  });
  /** By the engine's sheet id, which a rename keeps: a renamed BuyIn sheet stays BuyIn's. */
  private readonly meta = new Map<number, SheetMeta>();

  /** Reads the target sheets, resolves every plan in core, and writes them in one engine batch. */
  async applyAll(plans: readonly SheetPlan[]): Promise<ApplyReport[]> {
    const workbook = this.snapshot();
    const states = new Map<string, SheetState>();
    for (const target of planTargets(plans, workbook))
      if (!target.create) states.set(target.name, this.sheetState(this.sheetId(target.name)));
    // A hole costs the engine nothing; a write of what a cell already holds costs recalculation.
    const resolved = resolveAll(plans, workbook, states, { skipUnchanged: true });
    // One evaluation for every plan, as one Excel.run.
    this.engine.batch(() => {
      for (const sheet of resolved.sheets) this.write(sheet);
      for (const name of resolved.removeNames) {
        if (this.engine.getNamedExpression(name)) this.engine.removeNamedExpression(name);
        this.operations++;
      }
    });
    return [...resolved.reports];
  }

  /** One plan: `applyAll([plan])`. */
  async apply(plan: SheetPlan): Promise<ApplyReport> {
    const [report] = await this.applyAll([plan]);
    return report as ApplyReport;
  }

  async readTable(kind: string): Promise<TableSnapshot | undefined> {
    const owned = [...this.meta].find(([, meta]) => meta.marker.kind === kind);
    if (!owned) return undefined;
    const [sheet] = owned;
    const [header = [], ...rows] = this.sheetState(sheet).values;
    const state = [...this.meta].find(([, meta]) => meta.marker.kind === STATE_KIND)?.[0];
    return {
      sheet: this.engine.getSheetName(sheet) as string,
      header: header.map((cell) => (cell === null ? "" : String(cell))),
      rows: rows.flatMap((values, index) => (values.some(filled) ? [{ row: index + 2, values }] : [])),
      ids: tableColumnIds(kind, header.length, state === undefined ? undefined : this.sheetState(state)),
      locale: this.locale,
    };
  }

  sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  /** Whether BuyIn hid the sheet (its state sheet). */
  hidden(sheet: string): boolean {
    return this.meta.get(this.sheetId(sheet))?.hidden === true;
  }

  /** Adds a sheet BuyIn did not write (a user's own, or one from a sample), typed from A1. */
  addForeignSheet(name: string, cells: readonly (readonly TypedContent[])[]): void {
    const sheet = this.engine.getSheetId(this.engine.addSheet(name)) as number;
    this.engine.setCellContents(
      { sheet, row: 0, col: 0 },
      cells.map((row) => row.map(engineContent)),
    );
  }

  /** The whole workbook as plain data (WorkbookContents), for the preview's "Download .xlsx". */
  toContents(): WorkbookContents {
    return {
      sheets: this.sheetNames().map((name) => {
        const id = this.sheetId(name);
        const { values, formulas } = this.sheetState(id);
        const meta = this.meta.get(id);
        return {
          name,
          cells: values.map((row, r) => row.map((value, c) => formulas[r]?.[c] ?? value)),
          textCells: values.map((row, r) =>
            row.map((value, c) => typeof value === "string" && !formulas[r]?.[c]),
          ),
          ...(meta ? { marker: meta.marker } : {}),
          ...(meta?.hidden ? { hidden: true } : {}),
        };
      }),
      names: Object.fromEntries(
        this.engine
          .listNamedExpressions()
          .map((name) => [name, this.engine.getNamedExpressionFormula(name) ?? ""] as const)
          .filter(([, reference]) => reference !== ""),
      ),
    };
  }

  /**
   * A workbook loaded from plain data (an .xlsx file the user opened): its sheets with their
   * contents, hidden flags and BuyIn markers, and its names. Text stays text: a text cell that
   * reads like a formula is given the apostrophe that makes it text.
   */
  static fromContents(contents: WorkbookContents): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    const engine = workbook.engine;
    engine.batch(() => {
      for (const sheet of contents.sheets) {
        const id = engine.getSheetId(engine.addSheet(sheet.name)) as number;
        engine.setCellContents(
          { sheet: id, row: 0, col: 0 },
          sheet.cells.map((row, r) =>
            row.map((cell, c) => engineContent(sheet.textCells[r]?.[c] ? cellInput(cell) : (cell ?? ""))),
          ),
        );
        // BuyIn's sheets carry their marker; the user's own sheets have none.
        if (sheet.marker)
          workbook.meta.set(id, {
            marker: sheet.marker,
            formats: [],
            charts: [],
            ...(sheet.hidden ? { hidden: true } : {}),
          });
      }
      for (const [name, reference] of Object.entries(contents.names))
        engine.addNamedExpression(name, reference.startsWith("=") ? reference : `=${reference}`);
    });
    return workbook;
  }

  renameSheet(name: string, newName: string): void {
    this.engine.renameSheet(this.sheetId(name), newName);
  }

  /*
   * What users do between two writes, for tests. Inserting and deleting rows and columns are the
   * engine's own operations, which move references and names as Excel and Sheets do.
   */

  /** A user inserting `count` empty rows before row `at`. */
  insertRows(sheet: string, at: number, count = 1): void {
    this.engine.addRows(this.sheetId(sheet), [at - 1, count]);
  }

  deleteRows(sheet: string, at: number, count = 1): void {
    this.engine.removeRows(this.sheetId(sheet), [at - 1, count]);
  }

  /** A user inserting `count` empty columns before the column `letter`. */
  insertColumns(sheet: string, letter: string, count = 1): void {
    this.engine.addColumns(this.sheetId(sheet), [parseCell(`${letter}1`).column - 1, count]);
  }

  deleteColumns(sheet: string, letter: string, count = 1): void {
    this.engine.removeColumns(this.sheetId(sheet), [parseCell(`${letter}1`).column - 1, count]);
  }

  /**
   * A user sorting rows `first`–`last` by one column, ascending (numbers before text, blanks
   * last, ties in their order), over all used columns or only `columns` (Sheets' "Sort range"
   * over a selection). HyperFormula has no sort, so this does what Excel and Sheets do: each row's
   * contents move to their new row as if copied there, so a relative reference in a moved formula
   * shifts with its row (=E7*2 moved from row 7 to row 3 reads =E3*2) and an absolute one stays;
   * references from anywhere else into the sorted rows, names included, keep their cells and so
   * now read whatever was sorted into them. (Excel: "Sort data in a range or table", whose note
   * warns that formulas with relative references may return other values after a sort.)
   */
  sortRows(
    sheet: string,
    first: number,
    last: number,
    by: string,
    columns?: readonly [from: string, to: string],
  ): void {
    const id = this.sheetId(sheet);
    const width = Math.max(1, this.sheetState(id).values[0]?.length ?? 1);
    const from = columns ? parseCell(`${columns[0]}1`).column - 1 : 0;
    const to = columns ? parseCell(`${columns[1]}1`).column - 1 : width - 1;
    const key = parseCell(`${by}1`).column - 1;
    const rank = (value: Cell) => (value === null || value === "" ? 2 : typeof value === "number" ? 0 : 1);
    const order = Array.from({ length: last - first + 1 }, (_, index) => first - 1 + index).sort((a, b) => {
      const x = cellValue(this.engine.getCellValue({ sheet: id, row: a, col: key }));
      const y = cellValue(this.engine.getCellValue({ sheet: id, row: b, col: key }));
      if (rank(x) !== rank(y)) return rank(x) - rank(y);
      if (typeof x === "number" && typeof y === "number") return x - y;
      return String(x ?? "").localeCompare(String(y ?? ""));
    });
    // Through a scratch sheet, so no row is overwritten before it is copied.
    const scratch = this.engine.getSheetId(this.engine.addSheet()) as number;
    const rowRange = (sheetId: number, row: number) => ({
      start: { sheet: sheetId, row, col: from },
      end: { sheet: sheetId, row, col: to },
    });
    order.forEach((source) => {
      this.engine.copy(rowRange(id, source));
      this.engine.paste({ sheet: scratch, row: source, col: from });
    });
    order.forEach((source, index) => {
      this.engine.copy(rowRange(scratch, source));
      this.engine.paste({ sheet: id, row: first - 1 + index, col: from });
    });
    this.engine.removeSheet(scratch);
  }

  /** A user duplicating a sheet ("Duplicate" in Sheets, "Move or Copy…" in Excel); the copy may carry BuyIn's marker. */
  duplicateSheet(name: string, copyName: string, carryMarker = true): void {
    const source = this.sheetId(name);
    const copy = this.engine.getSheetId(this.engine.addSheet(copyName)) as number;
    this.engine.setSheetContent(copy, this.engine.getSheetSerialized(source));
    const meta = this.meta.get(source);
    if (meta && carryMarker) this.meta.set(copy, meta);
  }

  /** A user pasting values over formulas ("Paste values only"), for an A1 range. */
  convertToValues(sheet: string, range: string): void {
    const { row, column, rows, columns } = parseRange(range);
    const id = this.sheetId(sheet);
    const start = { sheet: id, row: row - 1, col: column - 1 };
    const values = this.engine.getRangeValues({
      start,
      end: { sheet: id, row: row + rows - 2, col: column + columns - 2 },
    });
    this.engine.setCellContents(
      start,
      values.map((line) => line.map((value) => engineContent(cellInput(cellValue(value))))),
    );
  }

  /** A user deleting a sheet (the state sheet, too: Excel's VeryHidden sheets only through code). */
  deleteSheet(name: string): void {
    const id = this.sheetId(name);
    this.engine.removeSheet(id);
    this.meta.delete(id);
  }

  /** The markers lost (a workbook saved by a tool that drops settings or metadata): only cells and names remain. */
  forgetMarkers(): void {
    this.meta.clear();
  }

  /** A user typing into a cell. */
  setCell(sheet: string, a1: string, content: TypedContent): void {
    this.engine.setCellContents(this.address(sheet, a1), [[engineContent(content)]]);
  }

  /** The cell's computed value. */
  value(sheet: string, a1: string): Cell {
    return cellValue(this.engine.getCellValue(this.address(sheet, a1)));
  }

  /** The cell's formula ("=…"), or undefined for a constant or a blank. */
  formula(sheet: string, a1: string): string | undefined {
    return this.engine.getCellFormula(this.address(sheet, a1));
  }

  /** Computed values from A1 to the last used cell, for a spreadsheet view. */
  displayGrid(sheet: string): Cell[][] {
    return this.sheetState(this.sheetId(sheet)).values.map((row) => [...row]);
  }

  /** What a formula bar shows, from A1 to the last used cell: a formula's text, else the value. */
  contents(sheet: string): Cell[][] {
    const { values, formulas } = this.sheetState(this.sheetId(sheet));
    return values.map((row, r) => row.map((value, c) => formulas[r]?.[c] ?? value));
  }

  /** A workbook name's reference, such as "='Stakeholders'!$C$2:$C$40", or undefined. */
  namedRange(name: string): string | undefined {
    return this.engine.getNamedExpressionFormula(name);
  }

  formats(sheet: string): readonly Format[] {
    return this.meta.get(this.sheetId(sheet))?.formats ?? [];
  }

  charts(sheet: string): readonly ResolvedChart[] {
    return this.meta.get(this.sheetId(sheet))?.charts ?? [];
  }

  conditionalFormats(sheet: string): readonly ResolvedConditionalFormat[] {
    return this.meta.get(this.sheetId(sheet))?.conditionalFormats ?? [];
  }

  /** A user adding a conditional-format rule of their own, ahead of the others (as both hosts add one). */
  addConditionalFormat(sheet: string, format: ResolvedConditionalFormat): void {
    const id = this.sheetId(sheet);
    const meta = this.meta.get(id);
    if (!meta) throw new Error(`${sheet} is not a sheet BuyIn wrote`);
    this.meta.set(id, { ...meta, conditionalFormats: [format, ...(meta.conditionalFormats ?? [])] });
  }

  /** The tone a cell shows: the first rule over it whose condition its value meets. */
  tone(sheet: string, a1: string): Tone | undefined {
    const { row, column } = parseCell(a1);
    return toneAt(this.conditionalFormats(sheet), row, column, this.value(sheet, a1));
  }

  frozen(sheet: string): Freeze | undefined {
    return this.meta.get(this.sheetId(sheet))?.freeze;
  }

  printSetup(sheet: string): PrintSetup | undefined {
    return this.meta.get(this.sheetId(sheet))?.print;
  }

  private write(resolved: ResolvedSheet): void {
    const { target } = resolved;
    if (target.create) {
      this.engine.addSheet(target.name);
      this.operations++;
    }
    const sheet = this.sheetId(target.name);
    // Clear first: the marker's ranges, like the insertions and deletions, are in the sheet's
    // current coordinates.
    for (const range of resolved.clear) {
      const { row, column, rows, columns } = parseRange(range);
      this.engine.setCellContents(
        { sheet, row: row - 1, col: column - 1 },
        Array.from({ length: rows }, () => new Array<null>(columns).fill(null)),
      );
      this.operations++;
    }
    for (const { at, count } of resolved.insertRows) {
      this.engine.addRows(sheet, [at - 1, count]);
      this.operations++;
    }
    if (resolved.deleteRows.length > 0) {
      // One call: the engine takes every run in the sheet's current coordinates.
      this.engine.removeRows(
        sheet,
        ...resolved.deleteRows.map(({ start, count }): [number, number] => [start - 1, count]),
      );
      this.operations++;
    }
    for (const write of resolved.writes) this.writeCells(sheet, write.row - 1, write.column - 1, write.cells);
    for (const { name, reference } of resolved.names) {
      const current = this.engine.getNamedExpressionFormula(name);
      // The engine hands a name back tidied ('Stakeholders'!… as Stakeholders!…): the same reference.
      if (
        current !== undefined &&
        contentFingerprint(null, current) === contentFingerprint(null, `=${reference}`)
      )
        continue;
      if (current !== undefined) this.engine.changeNamedExpression(name, `=${reference}`);
      else this.engine.addNamedExpression(name, `=${reference}`);
      this.operations++;
    }
    // Charts are kept as data: BuyIn's earlier ones (by title) go, the plan's come.
    const removed = new Set(resolved.removeCharts);
    const before = this.meta.get(sheet);
    const charts = (before?.charts ?? []).filter((chart) => !removed.has(chart.title));
    // Rules likewise: BuyIn's earlier ones go (as a host's are known again), the user's stay first.
    const mine = resolved.removeConditionalFormats ?? [];
    const kept = (before?.conditionalFormats ?? []).filter((format) => !isBuyInsRule(format, mine));
    const conditionalFormats = [...kept, ...(resolved.conditionalFormats ?? [])];
    const print = resolved.print ?? before?.print;
    this.meta.set(sheet, {
      marker: { ...resolved.marker, sheetId: String(sheet) },
      formats: resolved.formats,
      charts: [...charts, ...resolved.charts],
      ...(conditionalFormats.length > 0 ? { conditionalFormats } : {}),
      ...(resolved.freeze ? { freeze: resolved.freeze } : {}),
      ...(print ? { print } : {}),
      ...(resolved.hidden ? { hidden: true } : {}),
    });
  }

  /**
   * A rectangle, holes left as they are: nothing when it is all holes, one engine write when it has
   * none, else one per run. A hole over a cell that is empty now (a blank BuyIn skipped writing) is
   * written as the blank it is, so such holes do not split the rectangle.
   */
  private writeCells(
    sheet: number,
    row: number,
    col: number,
    written: readonly (HostInput | null)[][],
  ): void {
    if (written.every((line) => line.every((cell) => cell === null))) return;
    const cells = written.map((line, r) =>
      line.map((cell, c) =>
        cell === null && this.engine.isCellEmpty({ sheet, row: row + r, col: col + c }) ? "" : cell,
      ),
    );
    if (!cells.some((line) => line.includes(null))) {
      this.engine.setCellContents(
        { sheet, row, col },
        cells.map((line) => line.map(engineContent)),
      );
      this.operations++;
      return;
    }
    if (cells.every((line) => line.length === 1)) {
      for (const [offset, run] of runs(cells.map((line) => line[0] as HostInput | null))) {
        this.engine.setCellContents(
          { sheet, row: row + offset, col },
          run.map((cell) => [engineContent(cell)]),
        );
        this.operations++;
      }
      return;
    }
    for (const [r, line] of cells.entries())
      for (const [offset, run] of runs(line)) {
        this.engine.setCellContents({ sheet, row: row + r, col: col + offset }, [run.map(engineContent)]);
        this.operations++;
      }
  }

  private snapshot(): WorkbookSnapshot {
    const names = Object.fromEntries(
      this.engine
        .listNamedExpressions()
        .map((name) => [name, (this.engine.getNamedExpressionFormula(name) ?? "").replace(/^=/, "")]),
    );
    return {
      sheets: this.engine.getSheetNames().map((name) => {
        const id = this.sheetId(name);
        const meta = this.meta.get(id);
        return {
          name,
          id: String(id),
          ...(meta ? { marker: meta.marker } : {}),
          ...(meta?.hidden ? { hidden: true } : {}),
        };
      }),
      names,
    };
  }

  /** The sheet from A1 to its last used cell, as rectangles of equal size. */
  private sheetState(sheet: number): SheetState {
    const values = this.engine.getSheetValues(sheet);
    const formulas = this.engine.getSheetFormulas(sheet);
    let height = 0;
    let width = 0;
    for (let r = 0; r < Math.max(values.length, formulas.length); r++) {
      const columns = Math.max(values[r]?.length ?? 0, formulas[r]?.length ?? 0);
      for (let c = 0; c < columns; c++) {
        const value = values[r]?.[c] ?? null;
        if (value === null && formulas[r]?.[c] === undefined) continue;
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }
    const grid = <T>(cell: (r: number, c: number) => T): T[][] =>
      Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cell(r, c)));
    return {
      values: grid((r, c) => cellValue(values[r]?.[c] ?? null)),
      formulas: grid((r, c) => formulas[r]?.[c] ?? null),
    };
  }

  private sheetId(name: string): number {
    const sheet = this.engine.getSheetId(name);
    if (sheet === undefined) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  private address(sheet: string, a1: string): SimpleCellAddress {
    const { row, column } = parseCell(a1);
    return { sheet: this.sheetId(sheet), row: row - 1, col: column - 1 };
  }
}

/**
 * An Excel object model made of office-addin-mock objects, for testing ExcelWorkbook: the request
 * context, load() and sync() (a property reads as an error until it is loaded and synced) are the
 * mock's, and sync() calls are counted on the mock's context. A small model holds what the mock
 * cannot: the sheets' cells, formats, charts, names and settings, read into fresh mock objects at
 * the start of each Excel.run, and written by commands that, as in Office.js, are queued and
 * carried out when context.sync() is called.
 *
 * Each sync's payload is measured as office.js serialises it, and refused over Excel on the web's
 * limit: see PAYLOAD_LIMIT.
 */
import { OfficeMockObject } from "office-addin-mock";
import { expect, vi } from "vitest";
import { type ExcelRun, MARKERS_SETTING } from "../../addin/excel-workbook";
import { parseRange, rangeA1 } from "../../core/index";
import { formulaWithoutSheet, mover, type Shift, shiftFormula, sortedFormula } from "./excel-references";

/** What Excel holds in a cell: a constant ("" when blank), or a formula and its value. */
interface CellModel {
  readonly value: string | number | boolean;
  readonly formula?: string;
}

/**
 * A chart: its id (Chart.id, ExcelApi 1.7: "The unique ID of chart", kept for the chart's life and
 * never reused by another), its name (the user may rename it), type, first series and titles.
 */
export interface ChartModel {
  readonly id: string;
  name: string;
  type: string;
  x?: string | undefined;
  y?: string | undefined;
  title?: string;
  xTitle?: string;
  yTitle?: string;
  legend?: boolean;
  anchor?: string;
  /** The first series' name, when set (ChartSeries.name). */
  seriesName?: string | undefined;
  /** Series after the first (ChartSeriesCollection.add, ExcelApi 1.7): name, x and values. */
  more?: { name?: string; x?: string; y?: string }[] | undefined;
  /** The first series' point data labels by point index: shown, position and formula. */
  pointLabels?: { shown?: boolean; position?: string; formula?: string }[];
}

/**
 * A conditional format of the "CellValue" type, the one BuyIn writes (ConditionalFormat,
 * CellValueConditionalFormat and ConditionalCellValueRule, ExcelApi 1.6, in
 * node_modules/@types/office-js/index.d.ts): an id Excel gives it, the range it applies to, its
 * rule and the fill and font colours it sets. Others a test adds hold their type only.
 */
export interface RuleModel {
  readonly id: string;
  range: string;
  type: string;
  operator?: string;
  formula1?: string;
  fill?: string;
  fontColor?: string;
}

interface Bounds {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i;

/**
 * What Excel makes of an entry in `range.formulas`, as if typed: "'" keeps the rest as text; "=",
 * and "+", "-" or "@" before anything but a number, start a formula; numbers and TRUE/FALSE are
 * converted. The model computes nothing: a formula's value is 0.
 */
function typed(input: unknown): CellModel {
  if (input === undefined) throw new Error("InvalidArgument: undefined is not a cell input");
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new Error(`Excel takes no ${typeof input} in formulas`);
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (NUMBER.test(input)) return { value: Number(input) };
  if (/^(?:true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  if (/^[=+\-@]/.test(input)) return { value: 0, formula: input.startsWith("=") ? input : `=${input}` };
  return { value: input };
}

/** "B2", "B2:D9", or whole rows such as "5:7". */
function bounds(address: string): Bounds {
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (!rows) return parseRange(address);
  return { row: Number(rows[1]), column: 1, rows: Number(rows[2]) - Number(rows[1]) + 1, columns: 16_384 };
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

export class SheetModel {
  cells: (CellModel | undefined)[][] = [];
  readonly numberFormats = new Map<string, string[][]>();
  readonly styles = new Map<string, { fill?: string; fontColor?: string; bold?: boolean }>();
  readonly widths = new Map<number, number>();
  readonly hidden = new Set<number>();
  readonly validations = new Map<string, Excel.DataValidationRule>();
  charts: ChartModel[] = [];
  /** Conditional formats in priority order, the first highest (ConditionalFormat.priority). */
  conditionalFormats: RuleModel[] = [];
  /** Excel tables on the sheet: name, range and style. */
  tables: { name: string; address: string; style: string }[] = [];
  freeze = { rows: 0, columns: 0 };
  /**
   * Worksheet.pageLayout (ExcelApi 1.9): orientation, paper size, zoom and print area, as Excel
   * starts a sheet (portrait, 100%, no print area; Letter, the en-US default paper).
   */
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Excel.PageLayoutZoomOptions;
    printArea?: string;
  } = { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 } };
  /** Excel.SheetVisibility: "Visible", "Hidden" (Unhide shows it) or "VeryHidden" (only code does). */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** A user typing into a cell. */
  type(a1: string, input: string | number | boolean): void {
    const { row, column } = parseRange(a1);
    this.put(row, column, input === "" ? undefined : typed(input));
  }

  /** A formula's text, else the value; "" when blank. */
  get(a1: string): string | number | boolean {
    const { row, column } = parseRange(a1);
    const cell = this.cells[row - 1]?.[column - 1];
    return cell?.formula ?? cell?.value ?? "";
  }

  write(address: string, inputs: unknown): void {
    const { row, column, rows, columns } = bounds(address);
    if (!Array.isArray(inputs) || inputs.length !== rows || inputs.some((r) => r.length !== columns)) {
      throw new Error(`InvalidArgument: the input array does not match the size of ${address}`);
    }
    inputs.forEach((values: unknown[], r) => {
      values.forEach((input, c) => {
        // "null input in 2-D Array": a null leaves that cell as it is, while the others are set
        // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
        if (input === null) return;
        this.put(row + r, column + c, input === "" ? undefined : typed(input));
      });
    });
  }

  clearContents(address: string): void {
    const { row, column, rows, columns } = bounds(address);
    for (let r = row; r < row + rows; r++) {
      for (let c = column; c < column + columns; c++)
        if (this.cells[r - 1]?.[c - 1]) this.put(r, c, undefined);
    }
  }

  /**
   * Excel's used range with valuesOnly: the smallest rectangle holding every non-blank cell, of
   * the whole sheet or of the rows `from` to `to` (1-based, as Range.getUsedRangeOrNullObject on
   * whole rows).
   */
  usedRange(
    from = 1,
    to = Number.MAX_SAFE_INTEGER,
  ): { values: unknown[][]; formulas: unknown[][]; rowIndex: number; columnIndex: number } | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let r = from - 1; r < Math.min(to, this.cells.length); r++) {
      (this.cells[r] ?? []).forEach((cell, c) => {
        if (!cell) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    }
    if (bottom < 0) return undefined;
    const grid = (read: (cell: CellModel | undefined) => unknown) =>
      Array.from({ length: bottom - top + 1 }, (_, r) =>
        Array.from({ length: right - left + 1 }, (_, c) => read(this.cells[top + r]?.[left + c])),
      );
    return {
      values: grid((cell) => cell?.value ?? ""),
      formulas: grid((cell) => cell?.formula ?? cell?.value ?? ""),
      rowIndex: top,
      columnIndex: left,
    };
  }

  /** Everything the sheet holds, for byte-for-byte comparison. */
  snapshot(): string {
    return JSON.stringify({
      name: this.name,
      cells: this.cells,
      numberFormats: [...this.numberFormats],
      styles: [...this.styles],
      widths: [...this.widths],
      hidden: [...this.hidden],
      validations: [...this.validations],
      charts: this.charts,
      freeze: this.freeze,
      pageLayout: this.pageLayout,
    });
  }

  put(row: number, column: number, cell: CellModel | undefined): void {
    for (let r = this.cells.length; r < row; r++) this.cells.push([]);
    (this.cells[row - 1] as (CellModel | undefined)[])[column - 1] = cell;
  }
}

/** Calls made on a range proxy, carried out with its assigned properties at the next sync. */
interface RangeCalls {
  cleared?: string;
  inserted?: string;
  deleted?: string;
  fillCleared?: boolean;
  validationCleared?: boolean;
}

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will
 * be thrown if that limit is exceeded." (Resource limits and performance optimization for Office
 * Add-ins, section "Excel add-ins":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * 5 MB read as 5,000,000 bytes, the stricter reading.
 */
export const PAYLOAD_LIMIT = 5_000_000;

/** New sheets one Excel.run of the model can add: the whole toolkit is about 35 (its state sheet included). */
const RESERVED_SHEETS = 48;

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"] as const;

/** A queued command: what it does, and the bytes office.js sends for it, known once it is complete. */
interface Command {
  readonly label: string;
  readonly run: () => void;
  readonly bytes: () => number;
  /** Whole rows this command deletes and nothing else, known once it is complete. */
  readonly deletion?: () => { sheet: SheetModel; row: number; rows: number } | undefined;
}

/** a − b for versions such as "1.9" and "1.10", part by part. */
function compareVersions(a: string, b: string): number {
  const [left, right] = [a, b].map((version) => version.split(".").map(Number));
  for (let index = 0; index < Math.max(left?.length ?? 0, right?.length ?? 0); index++) {
    const difference = (left?.[index] ?? 0) - (right?.[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** An error as context.sync() rejects with it: office.js's RichApi.Error carries a `code`. */
function richApiError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "");
}

/**
 * One action as office.js sends it: {"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}
 * (node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js lines 13982-13990), the
 * request body being JSON.stringify'd whole (line 13445). The object path the action acts on is
 * a record of the same shape.
 */
function actionBytes(name: string, args: readonly unknown[]): number {
  return jsonBytes({
    Id: 1000,
    ActionType: 4,
    Name: name,
    ObjectPathId: 1000,
    ArgumentInfo: { Arguments: args },
  });
}

/** The loaded properties as a response carries them: a JSON object of each field's value. */
function responseBytes(data: Record<string, unknown>, properties: string): number {
  const fields = properties.split(",").map((field) => field.trim());
  return jsonBytes({
    ActionId: 1000,
    Value: Object.fromEntries(fields.map((field) => [field, data[field]])),
  });
}

/** A mock collection: members as in-tree mock objects, and the load Office.js offers. */
function collection(
  members: readonly Record<string, unknown>[],
  rest: Record<string, unknown>,
): Record<string, unknown> {
  const items: OfficeMockObject[] = [];
  const data: Record<string, unknown> = { ...rest, items };
  members.forEach((member, index) => {
    data[`item${index}`] = member;
  });
  // Office.js loads members through paths ("items/name,items/id"); office-addin-mock loads only
  // the properties an object holds. So: the mock's load of "items", then of each member's fields.
  data.load = function load(this: OfficeMockObject, properties: string): OfficeMockObject {
    const fields = properties.split(",").map((path) => {
      if (!path.startsWith("items/")) throw new Error(`load ${path}: only items/… is modelled`);
      return path.slice("items/".length);
    });
    items.splice(0, items.length, ...members.map((_, index) => this[`item${index}`] as OfficeMockObject));
    OfficeMockObject.prototype.load.call(this, "items");
    for (const item of items) item.load(fields);
    return this;
  };
  return data;
}

export class ExcelModel {
  /**
   * The ExcelApi version this Excel supports, as Office.context.requirements answers for it
   * (`requirements` below). Below 1.9 there is no Worksheet.pageLayout: a batch that uses it fails
   * with ApiNotFound (OfficeExtension.ErrorCodes, office.d.ts).
   */
  excelApi = "1.9";
  /**
   * Office.context.requirements: "isSetSupported(name: string, minVersion?: string): boolean",
   * node_modules/@microsoft/office-js/dist/office.d.ts lines 1346-1352 (RequirementSetSupport);
   * versions compare part by part as numbers ("1.10" is after "1.9").
   */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === "ExcelApi" && compareVersions(this.excelApi, minVersion ?? "1.1") >= 0,
  };
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, string>();
  /** Workbook names by lower-case name, as Excel compares them. */
  readonly names = new Map<string, { name: string; formula: string; comment: string }>();
  /** The context.sync() calls of each Excel.run, in order. */
  readonly syncs: number[] = [];
  /** The bytes each context.sync() sent and received, refused ones included, in order. */
  readonly payloads: { request: number; response: number }[] = [];
  /**
   * The cells the user has selected, as Excel hands them over ("" for a blank); or several areas,
   * selected with Ctrl, which getSelectedRange refuses.
   */
  selection: unknown[][] | { readonly areas: readonly unknown[][][] } = [[""]];
  private interrupt: ((label: string) => boolean) | undefined;
  private pending: Command[] = [];
  /** Responses of the loads queued since the last sync, measured when it runs. */
  private loads: (() => number)[] = [];
  /** Loadable objects outside the context's tree (ranges of a range), synced with it. */
  private loose: OfficeMockObject[] = [];
  private readonly addresses = new WeakMap<object, string>();
  /** The worksheet proxies of the current run and their sheets, to carry out what is set on them. */
  private proxies: (readonly [OfficeMockObject, SheetModel])[] = [];
  /** Whether the mock is loading what a sync brought back: no assignment of the batch's (trackChart). */
  private syncing = false;
  private reserved: SheetModel[] = [];
  private ids = 0;

  /** The system culture Excel reports (Application.cultureInfo.name). */
  culture = "en-gb";

  /** ExcelWorkbook's feature test: Office.context.requirements.isSetSupported("ExcelApi", version). */
  readonly supports = (version: string): boolean => this.requirements.isSetSupported("ExcelApi", version);

  readonly run: ExcelRun = async (batch) => {
    const context = this.context();
    const worksheets = context.workbook.worksheets;
    this.proxies = [
      ...this.sheets.map((sheet, index) => [worksheets[`item${index}`], sheet] as const),
      ...this.reserved.map((sheet, index) => [worksheets[`added${index}`], sheet] as const),
    ];
    this.sheets.forEach((sheet, index) => {
      sheet.charts.forEach((chart, at) => {
        this.trackChart(worksheets[`item${index}`].charts[`item${at}`], sheet, chart);
      });
    });
    const mockSync = context.sync.bind(context);
    const sync = vi.spyOn(context, "sync").mockImplementation(async () => {
      await this.sync();
      // What the mock sets on a load is no assignment of the batch's (trackChart).
      this.syncing = true;
      try {
        await mockSync();
        for (const object of this.loose) await object.sync();
      } finally {
        this.syncing = false;
      }
    });
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (this.pending.length > 0) throw new Error("commands queued after the last context.sync()");
      return result;
    } finally {
      this.syncs.push(sync.mock.calls.length);
      this.pending = [];
      this.loads = [];
      this.loose = [];
      this.proxies = [];
    }
  };

  /** The largest request and the largest response of any sync so far. */
  largestPayload(): { request: number; response: number } {
    return {
      request: Math.max(0, ...this.payloads.map((payload) => payload.request)),
      response: Math.max(0, ...this.payloads.map((payload) => payload.response)),
    };
  }

  /**
   * Makes the sync that carries the first command `matches` fails fail there, as a connection
   * lost mid-batch would: Excel runs a batch's commands in order and does not undo those before a
   * failing one (the traceMessages example of OfficeExtension.Error:
   * https://learn.microsoft.com/javascript/api/office/officeextension.error).
   */
  interruptBefore(matches: (label: string) => boolean): void {
    this.interrupt = matches;
  }

  addSheet(name: string): SheetModel {
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
    }
    const sheet = new SheetModel(this.newId(), name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  /**
   * Excel's "Move or Copy" with "Create a copy": the same contents under a new id. Workbook
   * settings are not the sheet's, so BuyIn's marker (keyed by the original's id) is not copied.
   * The copy's tables get new names, a table name being unique in a workbook.
   */
  copySheet(name: string, copyName: string): SheetModel {
    const original = this.sheet(name);
    const copy = this.addSheet(copyName);
    copy.cells = original.cells.map((row) => [...row]);
    copy.tables = original.tables.map((table) => ({ ...table, name: this.freeTableName(table.name) }));
    return copy;
  }

  /**
   * The user deleting a sheet (Delete on its tab). Excel refuses a very hidden sheet, which no
   * user can reach: it must be made visible first (Worksheet.delete: "if the worksheet's
   * visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation
   * exception", node_modules/@types/office-js/index.d.ts, Worksheet.delete). References to its
   * cells, in other sheets' formulas and in names, become #REF! (excel-references.ts); its tables
   * go with it; workbook settings are the workbook's and stay.
   */
  deleteSheet(name: string): void {
    const deleted = this.sheet(name);
    if (deleted.visibility === "VeryHidden")
      throw richApiError("InvalidOperation", `${name} is very hidden: make it visible before deleting it`);
    this.sheets.splice(this.sheets.indexOf(deleted), 1);
    for (const sheet of this.sheets)
      for (const row of sheet.cells)
        row.forEach((cell, c) => {
          if (cell?.formula)
            row[c] = { ...cell, formula: formulaWithoutSheet(cell.formula, sheet.name, name) };
        });
    for (const item of this.names.values()) item.formula = formulaWithoutSheet(item.formula, "", name);
  }

  /**
   * The user inserting `count` empty rows before row `at` of a sheet (Insert > Sheet Rows, or
   * Range.insert("Down") on whole rows: "shifts the other cells to make space",
   * @types/office-js Range.insert). References and names follow the cells (excel-references.ts);
   * a table the rows fall inside grows.
   */
  insertRows(sheet: string, at: number, count = 1): void {
    this.shift({ sheet, axis: "row", at, count }, (model) => {
      if (model.cells.length >= at) model.cells.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    });
  }

  /** The user deleting rows `at` to `at + count - 1` of a sheet. */
  deleteRows(sheet: string, at: number, count = 1): void {
    this.shift({ sheet, axis: "row", at, count: -count }, (model) => {
      model.cells.splice(at - 1, count);
    });
  }

  /** The user inserting `count` empty columns before column `at` (1-based) of a sheet. */
  insertColumns(sheet: string, at: number, count = 1): void {
    this.shift({ sheet, axis: "column", at, count }, (model) => {
      for (const row of model.cells)
        if (row.length >= at) row.splice(at - 1, 0, ...new Array(count).fill(undefined));
    });
  }

  /** The user deleting columns `at` to `at + count - 1` of a sheet. */
  deleteColumns(sheet: string, at: number, count = 1): void {
    this.shift({ sheet, axis: "column", at, count: -count }, (model) => {
      for (const row of model.cells) row.splice(at - 1, count);
    });
  }

  /**
   * The user sorting the rows of `range` (such as "A2:F11") by one of its columns (1-based on the
   * sheet), ascending: cells outside the range stay; numbers before text, blanks last (Excel's
   * sort order, https://support.microsoft.com/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654).
   * Moved formulas keep their relative offsets (see excel-references.ts); nothing else changes.
   * As `range.sort.apply([{ key, ascending }])` (Range.sort, RangeSort.apply, ExcelApi 1.2, in
   * node_modules/@types/office-js/index.d.ts) or Data > Sort on a selection: only the range's
   * cells move, so a range that leaves out some of a table's columns leaves those cells in place.
   */
  sortRows(sheet: string, range: string, byColumn: number, descending = false): void {
    const model = this.sheet(sheet);
    const { row, column, rows, columns } = parseRange(range);
    const order = Array.from({ length: rows }, (_, index) => row + index);
    const rank = (cell: CellModel | undefined) => {
      const value = cell?.value ?? "";
      if (value === "") return [2, ""] as const;
      return typeof value === "number" ? ([0, value] as const) : ([1, String(value).toLowerCase()] as const);
    };
    order.sort((a, b) => {
      const [kindA, valueA] = rank(model.cells[a - 1]?.[byColumn - 1]);
      const [kindB, valueB] = rank(model.cells[b - 1]?.[byColumn - 1]);
      if (kindA !== kindB) return kindA - kindB;
      if (kindA === 2) return a - b;
      const compared = valueA < valueB ? -1 : valueA > valueB ? 1 : a - b;
      return descending ? -compared : compared;
    });
    const moved = order.map((from) =>
      Array.from({ length: columns }, (_, c) => model.cells[from - 1]?.[column - 1 + c]),
    );
    moved.forEach((cells, index) => {
      const to = row + index;
      const from = order[index] as number;
      cells.forEach((cell, c) => {
        const formula = cell?.formula ? sortedFormula(cell.formula, from, to) : undefined;
        model.put(to, column + c, cell && formula ? { ...cell, formula } : cell);
      });
    });
  }

  /** The user renaming an Excel table (Table Design > Table Name). */
  renameTable(name: string, newName: string): void {
    const table = this.sheets.flatMap((sheet) => sheet.tables).find((each) => each.name === name);
    if (!table) throw new Error(`no table ${name}`);
    table.name = newName;
  }

  /**
   * The user copying cells and pasting them as values over themselves (Paste Values): each formula
   * becomes the value it shows. The model computes nothing, so the test says what each shows.
   */
  convertToValues(
    sheet: string,
    range: string,
    shown: (formula: string, a1: string) => string | number | boolean,
  ): void {
    const model = this.sheet(sheet);
    const { row, column, rows, columns } = parseRange(range);
    for (let r = row; r < row + rows; r++) {
      for (let c = column; c < column + columns; c++) {
        const formula = model.cells[r - 1]?.[c - 1]?.formula;
        if (formula) model.put(r, c, { value: shown(formula, rangeA1(r, c, 1, 1)) });
      }
    }
  }

  /** The markers lost: BuyIn's setting gone, as in a file saved by a tool that drops add-in settings. */
  loseMarkers(): void {
    this.settings.delete(MARKERS_SETTING);
  }

  /**
   * Rows or columns inserted or deleted: every formula in the workbook and every name is rewritten
   * first (they refer to the cells as they were), tables are moved or shrunk, then `move` changes
   * the sheet's cells.
   */
  private shift(shift: Shift, move: (sheet: SheetModel) => void): void {
    const target = this.sheet(shift.sheet);
    const moves = mover(shift);
    for (const sheet of this.sheets) {
      for (const row of sheet.cells) {
        row.forEach((cell, c) => {
          if (cell?.formula)
            row[c] = { ...cell, formula: shiftFormula(cell.formula, sheet.name, shift, moves) };
        });
      }
    }
    for (const item of this.names.values()) item.formula = shiftFormula(item.formula, "", shift, moves);
    // A series' ranges are references (its =SERIES(…) formula) and move as formulas do; a chart
    // placed "TwoCell", Excel's default, "is moved and sized with the cells" (Excel.Placement,
    // @types/office-js): its top-left cell moves with them.
    for (const chart of target.charts) {
      if (chart.x !== undefined) chart.x = shiftFormula(chart.x, target.name, shift, moves);
      if (chart.y !== undefined) chart.y = shiftFormula(chart.y, target.name, shift, moves);
      if (chart.anchor !== undefined) chart.anchor = shiftFormula(chart.anchor, target.name, shift, moves);
    }
    // A rule's range grows, shrinks and moves with the cells it applies to, as a reference does
    // ("Applies to" in Excel's rules manager); a rule whose cells are all deleted goes.
    target.conditionalFormats = target.conditionalFormats.flatMap((rule) => {
      const range = shiftFormula(rule.range, target.name, shift, moves);
      return range.includes("#REF!") ? [] : [Object.assign(rule, { range })];
    });
    for (const chart of target.charts)
      for (const series of chart.more ?? []) {
        if (series.x !== undefined) series.x = shiftFormula(series.x, target.name, shift, moves);
        if (series.y !== undefined) series.y = shiftFormula(series.y, target.name, shift, moves);
      }
    target.tables = target.tables.flatMap((table) => {
      const address = shiftFormula(table.address, target.name, shift, moves);
      return address.includes("#REF!") ? [] : [{ ...table, address }];
    });
    move(target);
  }

  private freeTableName(name: string): string {
    const taken = new Set(
      this.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name.toLowerCase())),
    );
    for (let suffix = 2; ; suffix++)
      if (!taken.has(`${name}${suffix}`.toLowerCase())) return `${name}${suffix}`;
  }

  private newId(): string {
    this.ids++;
    return `{00000000-0000-0000-0000-${String(this.ids).padStart(12, "0")}}`;
  }

  private queue(label: string, run: () => void, bytes: () => number = () => actionBytes(label, [])): void {
    this.pending.push({ label, run, bytes });
  }

  /** What a load of `properties` on `data` will bring back, counted in the next sync's response. */
  private measured(data: Record<string, unknown>): Record<string, unknown> {
    const model = this;
    return {
      ...data,
      load(this: OfficeMockObject, properties: string): OfficeMockObject {
        model.loads.push(() => responseBytes(data, properties));
        OfficeMockObject.prototype.load.call(this, properties);
        return this;
      },
    };
  }

  /** One context.sync(): measured, refused over the limit, else carried out in order. */
  private async sync(): Promise<void> {
    const commands = this.pending;
    const loads = this.loads;
    this.pending = [];
    this.loads = [];
    const request = commands.reduce((sum, command) => sum + command.bytes(), 0);
    const response = loads.reduce((sum, load) => sum + load(), 0);
    this.payloads.push({ request, response });
    // office.js's messages for the two codes (dist/en-us/office_strings.debug.js lines 170, 173).
    if (request > PAYLOAD_LIMIT) {
      throw richApiError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    // Row deletions one after another are carried out together, bottom-most first as queued:
    // the same cells and references as one at a time, without rewriting every formula per row.
    let deletions: { sheet: SheetModel; row: number; rows: number }[] = [];
    const flush = () => {
      const [first, ...rest] = deletions;
      if (first) {
        this.shift(
          {
            sheet: first.sheet.name,
            axis: "row",
            at: first.row,
            count: -first.rows,
            also: rest.map((each) => ({ at: each.row, count: each.rows })),
          },
          (model) => {
            for (const each of deletions) model.cells.splice(each.row - 1, each.rows);
          },
        );
      }
      deletions = [];
    };
    for (const command of commands) {
      if (this.interrupt?.(command.label)) {
        flush();
        this.interrupt = undefined;
        throw richApiError("GeneralException", `the connection was lost before ${command.label}`);
      }
      const deletion = command.deletion?.();
      const previous = deletions[deletions.length - 1];
      if (
        deletion &&
        (!previous || (previous.sheet === deletion.sheet && deletion.row + deletion.rows <= previous.row))
      ) {
        deletions.push(deletion);
        continue;
      }
      flush();
      if (deletion) {
        deletions.push(deletion);
        continue;
      }
      command.run();
    }
    flush();
    this.applyVisibility();
    this.applyPageLayout();
    // The batch ran; only its answer is refused.
    if (response > PAYLOAD_LIMIT) {
      throw richApiError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
  }

  /**
   * Worksheet.visibility as set on a proxy since the last sync. Excel keeps one sheet visible:
   * hiding the last one fails ("A workbook must contain at least one visible worksheet", Excel's
   * message on hiding the last sheet; Worksheet.visibility, ExcelApi 1.1).
   */
  private applyVisibility(): void {
    for (const [proxy, sheet] of this.proxies) {
      const set = proxy.visibility as unknown;
      if (!VISIBILITIES.includes(set as never) || set === sheet.visibility || !this.sheets.includes(sheet))
        continue;
      const visible = this.sheets.filter((each) => each !== sheet && each.visibility === "Visible");
      if (set !== "Visible" && visible.length === 0) {
        throw richApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      sheet.visibility = set as SheetModel["visibility"];
    }
  }

  /**
   * Worksheet.pageLayout's orientation, paper size and zoom as set on a proxy since the last sync
   * (ExcelApi 1.9, office.d.ts class PageLayout). The zoom "must be set as a JSON object (use
   * x.zoom = {...} instead of x.zoom.scale = ...)" (office.d.ts, PageLayout.zoom): a field set on
   * the zoom the proxy starts with is refused. Before 1.9 any of it fails with ApiNotFound.
   */
  private applyPageLayout(): void {
    for (const [proxy, sheet] of this.proxies) {
      const layout = proxy.pageLayout as OfficeMockObject & Record<string, unknown>;
      const set = (value: unknown) => typeof value === "string" && !value.startsWith("Error");
      const zoom = layout.zoom as unknown;
      const zoomFieldSet =
        zoom instanceof OfficeMockObject &&
        ["scale", "horizontalFitToPages", "verticalFitToPages"].some(
          (field) => typeof (zoom as unknown as Record<string, unknown>)[field] === "number",
        );
      const zoomSet = !(zoom instanceof OfficeMockObject);
      if (!set(layout.orientation) && !set(layout.paperSize) && !zoomSet && !zoomFieldSet) continue;
      if (!this.requirements.isSetSupported("ExcelApi", "1.9"))
        throw richApiError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9");
      if (zoomFieldSet)
        throw richApiError("InvalidArgument", "PageLayout.zoom must be set as a whole object");
      if (set(layout.orientation)) sheet.pageLayout.orientation = layout.orientation as string;
      if (set(layout.paperSize)) sheet.pageLayout.paperSize = layout.paperSize as string;
      if (zoomSet) sheet.pageLayout.zoom = { ...(zoom as Excel.PageLayoutZoomOptions) };
    }
  }

  private address(range: unknown): string {
    const address = typeof range === "object" && range !== null ? this.addresses.get(range) : undefined;
    if (address === undefined) throw new Error("not a range of this context");
    return address;
  }

  /** A fresh context over the model as it is now: what sync() loads is read here. */
  private context(): OfficeMockObject {
    // Proxies worksheets.add hands out, in the tree so that sync() loads their ids.
    const reserved = Array.from({ length: RESERVED_SHEETS }, () => new SheetModel(this.newId(), ""));
    this.reserved = reserved;
    let adds = 0;
    const atStart = [...this.sheets];
    const model = this;
    const names = [...this.names].map(([key, item]) => ({
      name: item.name,
      comment: item.comment,
      formula: item.formula,
      delete: () => this.queue(`delete name ${item.name}`, () => this.names.delete(key)),
    }));
    const selection = this.selection;
    const tables = this.sheets.flatMap((sheet) =>
      sheet.tables.map((table) => ({
        name: table.name,
        style: table.style,
        worksheet: { id: sheet.id },
        getRange: () => this.loadable(this.tableArea(table.address)),
        convertToRange: () =>
          this.queue(`convertToRange ${table.name}`, () =>
            sheet.tables.splice(sheet.tables.indexOf(table), 1),
          ),
      })),
    );
    return new OfficeMockObject({
      workbook: {
        worksheets: collection(
          this.sheets.map((sheet) => this.worksheet(sheet)),
          {
            ...Object.fromEntries(reserved.map((sheet, index) => [`added${index}`, this.worksheet(sheet)])),
            add(this: OfficeMockObject, name: string): OfficeMockObject {
              const index = adds++;
              const sheet = reserved[index];
              if (!sheet) throw new Error(`the model adds at most ${RESERVED_SHEETS} sheets a run`);
              model.queue(`add sheet ${name}`, () => {
                if (model.sheets.some((each) => each.name.toLowerCase() === name.toLowerCase())) {
                  throw richApiError("ItemAlreadyExists", `a sheet named ${name}`);
                }
                sheet.name = name;
                model.sheets.push(sheet);
              });
              return this[`added${index}`];
            },
            // Worksheets of this run's context by name, those added in it included; a name not
            // there answers ItemNotFound at the sync (WorksheetCollection.getItem).
            getItem(this: OfficeMockObject, name: string): OfficeMockObject {
              const index = model.sheets.findIndex(
                (sheet) => sheet.name.toLowerCase() === name.toLowerCase(),
              );
              const sheet = model.sheets[index];
              const addedAt = sheet ? reserved.indexOf(sheet) : -1;
              if (addedAt >= 0) return this[`added${addedAt}`];
              const itemAt = sheet ? atStart.indexOf(sheet) : -1;
              if (itemAt >= 0) return this[`item${itemAt}`];
              model.queue(`getItem ${name}`, () => {
                throw richApiError("ItemNotFound", `no sheet named ${name}`);
              });
              return this.added0;
            },
          },
        ),
        // Several areas: getSelectedRange "will throw an error" (Workbook.getSelectedRange,
        // @types/office-js), the code InvalidSelection (OfficeDev/office-js-docs-pr#2477).
        selected: this.measured({ values: "areas" in selection ? [] : selection }),
        getSelectedRange(this: OfficeMockObject): OfficeMockObject {
          if ("areas" in selection && selection.areas.length > 1) {
            model.queue("getSelectedRange", () => {
              throw richApiError("InvalidSelection", "The current selection is invalid for this operation.");
            });
          }
          return this.selected;
        },
        // Application.cultureInfo.name (ExcelApi 1.11): the system culture as "languagecode2-region",
        // lower case ("en-gb"; @types/office-js index.d.ts, class CultureInfo).
        application: { cultureInfo: { name: this.culture } },
        settings: {
          markers: { value: this.settings.get(MARKERS_SETTING) },
          getItemOrNullObject(this: OfficeMockObject, key: string): OfficeMockObject {
            if (key !== MARKERS_SETTING) throw new Error(`setting ${key} is not modelled`);
            this.markers.isNullObject = !model.settings.has(key);
            return this.markers;
          },
          add: (key: string, value: unknown) => {
            // Office keeps a setting as JSON; BuyIn's is a JSON text.
            if (typeof value !== "string") throw new Error("BuyIn's setting is a string");
            this.queue(
              `settings.add ${key}`,
              () => this.settings.set(key, value),
              () => actionBytes("Add", [key, value]),
            );
          },
        },
        names: collection(names, {
          add: (name: string, reference: string, comment: string) =>
            this.queue(
              `add name ${name}`,
              () => {
                if (this.names.has(name.toLowerCase())) throw new Error(`ItemAlreadyExists: a name ${name}`);
                this.names.set(name.toLowerCase(), { name, formula: reference, comment });
              },
              () => actionBytes("Add", [name, reference, comment]),
            ),
        }),
        tables: collection(tables, {}),
      },
    });
  }

  /** A table's range as Excel reports a range's place: 0-based row and column, and its size. */
  private tableArea(address: string): Record<string, unknown> {
    const { row, column, rows, columns } = bounds(address);
    return { rowIndex: row - 1, columnIndex: column - 1, rowCount: rows, columnCount: columns };
  }

  /** A range that can be loaded, outside the context's tree: synced with it, its response measured. */
  private loadable(data: Record<string, unknown> | undefined): OfficeMockObject {
    // A null object loads like any other, with nothing in it (ExcelApi 1.4's *OrNullObject).
    const empty = { values: [], formulas: [], rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
    const object = new OfficeMockObject(this.measured(data ?? empty));
    object.isNullObject = data === undefined;
    this.loose.push(object);
    return object;
  }

  private worksheet(sheet: SheetModel): Record<string, unknown> {
    const charts = sheet.charts.map((chart) => this.chartData(sheet, chart));
    return {
      id: sheet.id,
      name: sheet.name,
      visibility: sheet.visibility,
      getUsedRangeOrNullObject: (valuesOnly?: boolean): OfficeMockObject => {
        if (valuesOnly !== true) throw new Error("formatting alone would make cells count as used");
        const used = sheet.usedRange();
        return this.loadable(
          used && { ...used, rowCount: used.values.length, columnCount: used.values[0]?.length },
        );
      },
      charts: collection(charts, {
        add: (type: string, source: unknown, seriesBy: string) =>
          this.addChart(sheet, type, source, seriesBy),
      }),
      tables: collection([], {
        add: (source: unknown, hasHeaders: boolean) => {
          expect(hasHeaders).toBe(true);
          const address = this.address(source);
          // Name and style are assigned on the proxy after add(); read them when the batch runs.
          const proxy = { name: "", style: "" };
          this.queue(`add table ${address}`, () => {
            const taken = this.sheets.some((each) =>
              each.tables.some((table) => table.name.toLowerCase() === proxy.name.toLowerCase()),
            );
            if (taken) throw richApiError("ItemAlreadyExists", `a table ${proxy.name}`);
            // Excel refuses a table over another (OfficeDev/office-js#1199, code InvalidArgument).
            const overlapping = sheet.tables.some((table) =>
              overlaps(bounds(table.address), bounds(address)),
            );
            if (overlapping) throw richApiError("InvalidArgument", "A table can't overlap another table.");
            sheet.tables.push({ name: proxy.name, address, style: proxy.style });
          });
          return proxy;
        },
      }),
      freezePanes: {
        freezeAt: (range: unknown) => {
          const { row, column, rows, columns } = bounds(this.address(range));
          if (row !== 1 || column !== 1) throw new Error("frozen panes start at A1");
          this.queue("freezeAt", () => {
            sheet.freeze = { rows, columns };
          });
        },
        freezeRows: (rows: number) =>
          this.queue("freezeRows", () => {
            sheet.freeze = { rows, columns: 0 };
          }),
        freezeColumns: (columns: number) =>
          this.queue("freezeColumns", () => {
            sheet.freeze = { rows: 0, columns };
          }),
        unfreeze: () =>
          this.queue("unfreeze", () => {
            sheet.freeze = { rows: 0, columns: 0 };
          }),
      },
      pageLayout: {
        zoom: { ...sheet.pageLayout.zoom },
        setPrintArea: (area: unknown) => {
          const address = typeof area === "string" ? area : this.address(area);
          this.queue(
            `setPrintArea ${address}`,
            () => {
              if (!this.requirements.isSetSupported("ExcelApi", "1.9"))
                throw richApiError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9");
              sheet.pageLayout.printArea = address;
            },
            () => actionBytes("SetPrintArea", [address]),
          );
        },
      },
      // Worksheet.getRange(address?): "If not specified, the entire worksheet range is returned."
      getRange: (address?: string) => this.range(sheet, address ?? "A1:XFD1048576"),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        this.range(sheet, rangeA1(row + 1, column + 1, rows, columns)),
    };
  }

  /**
   * A new proxy per call, as Office.js hands out: written to, not loaded, so it is not in the
   * tree; its used range (of whole rows) is read when asked for, before the batch's writes run, as
   * ExcelWorkbook reads before it writes.
   */
  private range(sheet: SheetModel, address: string): OfficeMockObject {
    const calls: RangeCalls = {};
    const model = this;
    const range = new OfficeMockObject({
      format: {
        fill: {
          clear: () => {
            calls.fillCleared = true;
          },
        },
        font: {},
      },
      dataValidation: {
        clear: () => {
          calls.validationCleared = true;
        },
      },
      clear: (applyTo: string) => {
        calls.cleared = applyTo;
      },
      insert: (shift: string) => {
        calls.inserted = shift;
      },
      delete: (shift: string) => {
        calls.deleted = shift;
      },
      getUsedRangeOrNullObject(valuesOnly?: boolean): OfficeMockObject {
        if (valuesOnly !== true) throw new Error("formatting alone would make cells count as used");
        const area = bounds(address);
        if (area.columns !== 16_384) throw new Error(`only whole rows are read: ${address}`);
        const used = sheet.usedRange(area.row, area.row + area.rows - 1);
        return model.loadable(used && { ...used, rowCount: used.values.length });
      },
    });
    this.addresses.set(range, address);
    // Range.conditionalFormats (ExcelApi 1.6): "The collection of ConditionalFormats that
    // intersect the range"; made when first asked for, as it is loaded with the context.
    let rules: OfficeMockObject | undefined;
    Object.defineProperty(range, "conditionalFormats", {
      get: () => {
        rules ??= this.ruleCollection(sheet, address);
        return rules;
      },
    });
    this.pending.push({
      label: `range ${address}`,
      run: () => this.applyRange(sheet, address, range, calls),
      bytes: () => this.rangeBytes(address, range, calls),
      deletion: () => {
        const onlyDeleted =
          calls.deleted === "Up" &&
          range.formulas === undefined &&
          calls.cleared === undefined &&
          calls.inserted === undefined;
        const area = bounds(address);
        return onlyDeleted && area.columns === 16_384 ? { sheet, row: area.row, rows: area.rows } : undefined;
      },
    });
    return range;
  }

  /** The object path of the range and an action for each property set or method called. */
  private rangeBytes(address: string, range: OfficeMockObject, calls: RangeCalls): number {
    const { fill, font } = range.format;
    const set: [string, unknown][] = [
      ["formulas", range.formulas],
      ["numberFormat", range.numberFormat],
      ["color", fill.color],
      ["color", font.color],
      ["bold", font.bold],
      ["columnWidth", range.format.columnWidth],
      ["columnHidden", range.columnHidden],
      ["rule", range.dataValidation.rule],
      ["Clear", calls.cleared],
      ["Insert", calls.inserted],
      ["Delete", calls.deleted],
      ["Clear", calls.fillCleared],
      ["Clear", calls.validationCleared],
    ];
    return (
      actionBytes("GetRange", [address]) +
      set.reduce((sum, [name, value]) => sum + (value === undefined ? 0 : actionBytes(name, [value])), 0)
    );
  }

  private applyRange(sheet: SheetModel, address: string, range: OfficeMockObject, calls: RangeCalls): void {
    const area = bounds(address);
    if (calls.cleared !== undefined) {
      expect(calls.cleared).toBe("Contents");
      sheet.clearContents(address);
    }
    if (calls.inserted !== undefined) {
      expect(calls.inserted).toBe("Down");
      if (area.columns !== 16_384) throw new Error(`not whole rows: ${address}`);
      // Excel moves every reference to the rows below, as when a user inserts rows (Range.insert).
      this.insertRows(sheet.name, area.row, area.rows);
    }
    if (calls.deleted !== undefined) {
      expect(calls.deleted).toBe("Up");
      if (area.columns !== 16_384) throw new Error(`not whole rows: ${address}`);
      // Excel adjusts every reference to the rows below, as when a user deletes them.
      this.deleteRows(sheet.name, area.row, area.rows);
    }
    if (range.formulas !== undefined) sheet.write(address, range.formulas);
    if (range.numberFormat !== undefined) {
      const formats: string[][] = range.numberFormat;
      if (formats.length !== area.rows || formats.some((row) => row.length !== area.columns)) {
        throw new Error(`InvalidArgument: number formats do not match the size of ${address}`);
      }
      sheet.numberFormats.set(address, formats);
    }
    const { fill, font } = range.format;
    if (
      calls.fillCleared ||
      fill.color !== undefined ||
      font.color !== undefined ||
      font.bold !== undefined
    ) {
      sheet.styles.set(address, {
        fill: calls.fillCleared ? "" : fill.color,
        fontColor: font.color,
        bold: font.bold,
      });
    }
    for (let column = area.column; column < area.column + area.columns; column++) {
      if (range.format.columnWidth !== undefined) sheet.widths.set(column, range.format.columnWidth);
      if (range.columnHidden === true) sheet.hidden.add(column);
      if (range.columnHidden === false) sheet.hidden.delete(column);
    }
    if (calls.validationCleared) {
      for (const key of [...sheet.validations.keys()]) {
        if (overlaps(bounds(key), area)) sheet.validations.delete(key);
      }
    }
    if (range.dataValidation.rule !== undefined) sheet.validations.set(address, range.dataValidation.rule);
  }

  /** A range's conditional formats: a collection synced with the context, and add(). */
  private ruleCollection(sheet: SheetModel, address: string): OfficeMockObject {
    const area = bounds(address);
    const members = sheet.conditionalFormats
      .filter((rule) => overlaps(bounds(rule.range), area))
      .map((rule) => this.ruleData(sheet, rule));
    const object = new OfficeMockObject(
      collection(members, { add: (type: string) => this.addRule(sheet, address, type) }),
    );
    this.loose.push(object);
    return object;
  }

  /**
   * What a rule offers: id and type to load with its collection; getRange() (its address with
   * the sheet, as Range.address gives it), its cell-value rule and colours to load; delete().
   */
  private ruleData(sheet: SheetModel, rule: RuleModel): Record<string, unknown> {
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name)
      ? sheet.name
      : `'${sheet.name.replace(/'/g, "''")}'`;
    const ofCellValue = (data: Record<string, unknown>) => (properties: string) => {
      // ConditionalFormat.cellValue: "Returns the cell value conditional format properties if the
      // current conditional format is a CellValue type" (an error otherwise: cellValueOrNullObject).
      if (rule.type !== "CellValue")
        throw richApiError("GeneralException", `rule ${rule.id} is ${rule.type}`);
      return this.loadable(data).load(properties);
    };
    return {
      id: rule.id,
      type: rule.type,
      getRange: () => this.loadable({ address: `${quoted}!${rule.range}` }),
      cellValue: {
        load: ofCellValue({ rule: { operator: rule.operator, formula1: rule.formula1 } }),
        format: {
          fill: { load: ofCellValue({ color: rule.fill ?? null }) },
          font: { load: ofCellValue({ color: rule.fontColor ?? null }) },
        },
      },
      delete: () =>
        this.queue(`delete conditional format ${rule.id}`, () => {
          const at = sheet.conditionalFormats.indexOf(rule);
          if (at < 0) throw richApiError("ItemNotFound", `no conditional format ${rule.id}`);
          sheet.conditionalFormats.splice(at, 1);
        }),
    };
  }

  /**
   * ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the
   * first/top priority". Its rule and colours are set on the proxy after add(), and read when the
   * batch runs; a cell-value rule needs its operator and formula1 (ConditionalCellValueRule).
   * priority: "Use a negative priority to begin from the back. Priorities greater than the
   * bounds will get and set to the maximum (or minimum if negative) priority."
   */
  private addRule(sheet: SheetModel, address: string, type: string): Record<string, unknown> {
    if (type !== "CellValue") throw new Error(`only CellValue rules are modelled, not ${type}`);
    const proxy = {
      cellValue: { format: { fill: {} as { color?: string }, font: {} as { color?: string } } } as {
        format: { fill: { color?: string }; font: { color?: string } };
        rule?: { operator?: string; formula1?: string };
      },
      priority: undefined as number | undefined,
    };
    this.queue(`add conditional format ${address}`, () => {
      const rule = proxy.cellValue.rule;
      if (!rule?.operator || rule.formula1 === undefined)
        throw richApiError("InvalidArgument", "a cell value rule needs an operator and formula1");
      const added: RuleModel = {
        id: this.newId(),
        range: address,
        type,
        operator: rule.operator,
        formula1: rule.formula1,
        ...(proxy.cellValue.format.fill.color ? { fill: proxy.cellValue.format.fill.color } : {}),
        ...(proxy.cellValue.format.font.color ? { fontColor: proxy.cellValue.format.font.color } : {}),
      };
      sheet.conditionalFormats.unshift(added);
      if (proxy.priority !== undefined) {
        const last = sheet.conditionalFormats.length - 1;
        const at =
          proxy.priority < 0 ? Math.max(0, last + 1 + proxy.priority) : Math.min(proxy.priority, last);
        sheet.conditionalFormats.splice(0, 1);
        sheet.conditionalFormats.splice(at, 0, added);
      }
    });
    return proxy;
  }

  /** A rule a user adds (Home > Conditional Formatting), first in priority as Excel adds one. */
  addUserRule(sheet: string, rule: Omit<RuleModel, "id">): RuleModel {
    const added = { ...rule, id: this.newId() };
    this.sheet(sheet).conditionalFormats.unshift(added);
    return added;
  }

  /**
   * Charts.add: a new chart, with a new id, over `source` (Excel names it "Chart n" until it is
   * renamed); its id can be loaded from the proxy and comes back with the sync that adds it.
   */
  private addChart(sheet: SheetModel, type: string, source: unknown, seriesBy: string): OfficeMockObject {
    const area = bounds(this.address(source));
    // BuyIn's sources are one series: a column by columns, or a row by rows.
    expect(seriesBy === "Rows" ? area.rows : area.columns).toBe(1);
    const chart: ChartModel = {
      id: this.newId(),
      name: `Chart ${sheet.charts.length + 1}`,
      type,
      y: this.address(source),
    };
    this.queue(`add chart ${type}`, () => sheet.charts.push(chart));
    const proxy = new OfficeMockObject(this.chartData(sheet, chart, false));
    this.loose.push(proxy);
    this.trackChart(proxy, sheet, chart);
    return proxy;
  }

  /** A chart user's a test adds, as Insert > Chart would: its own id and name. */
  addUserChart(sheet: string, chart: Omit<ChartModel, "id">): ChartModel {
    const added = { ...chart, id: this.newId() };
    this.sheet(sheet).charts.push(added);
    return added;
  }

  /**
   * What a chart proxy offers: id and name to load, and the calls ExcelWorkbook makes, each
   * queued and carried out at the next sync on the chart as it then is (ItemNotFound once it is
   * deleted). Properties assigned on the proxy (name, chartType, titles, legend) are commands too
   * (trackChart).
   */
  private chartData(sheet: SheetModel, chart: ChartModel, member = true): Record<string, unknown> {
    const onChart = (label: string, change: () => void) =>
      this.queue(`${label} ${chart.id}`, () => {
        if (!sheet.charts.includes(chart)) throw richApiError("ItemNotFound", `no chart ${chart.id}`);
        change();
      });
    // Chart.series.getItemAt: a chart whose series were all removed has no item 0 (ItemNotFound).
    const series: Record<string, unknown> = {
      points: { getItemAt: (index: number) => this.chartPoint(sheet, chart, index) },
      setXAxisValues: (range: unknown) => {
        const x = this.address(range);
        onChart("setXAxisValues", () => {
          if (chart.y === undefined) throw richApiError("ItemNotFound", "the chart has no series");
          chart.x = x;
        });
      },
      setValues: (range: unknown) => {
        const y = this.address(range);
        onChart("setValues", () => {
          if (chart.y === undefined) throw richApiError("ItemNotFound", "the chart has no series");
          chart.y = y;
        });
      },
    };
    // ChartSeries.name, set on the first series: a command like the chart's own properties.
    let seriesName: string | undefined;
    Object.defineProperty(series, "name", {
      enumerable: true,
      get: () => seriesName,
      set: (value: string) => {
        seriesName = value;
        onChart("set series name", () => {
          chart.seriesName = value;
        });
      },
    });
    return {
      id: chart.id,
      ...(member ? { name: chart.name } : {}),
      title: {},
      legend: {},
      axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
      series: {
        getItemAt: (index: number) => {
          if (index !== 0) throw new Error("only a chart's first series is modelled by index");
          return series;
        },
        // ChartSeriesCollection.add(name?) (ExcelApi 1.7): a new series at the end, named.
        add: (name?: string) => {
          const added: { name?: string; x?: string; y?: string } = name === undefined ? {} : { name };
          onChart("add series", () => {
            chart.more = [...(chart.more ?? []), added];
          });
          return {
            setXAxisValues: (range: unknown) => {
              const x = this.address(range);
              onChart("setXAxisValues", () => {
                added.x = x;
              });
            },
            setValues: (range: unknown) => {
              const y = this.address(range);
              onChart("setValues", () => {
                added.y = y;
              });
            },
          };
        },
      },
      // Chart.setData (ExcelApi 1.1): "Resets the source data for the chart": its series are made
      // again from the range, one column's values a series.
      setData: (range: unknown, seriesBy: string) => {
        const y = this.address(range);
        const area = bounds(y);
        expect(seriesBy === "Rows" ? area.rows : area.columns).toBe(1);
        onChart("setData", () => {
          chart.y = y;
          chart.x = undefined;
          chart.seriesName = undefined;
          chart.more = undefined;
          chart.pointLabels = undefined;
        });
      },
      setPosition: (start: string) => onChart("setPosition", () => (chart.anchor = start)),
      delete: () => onChart("delete chart", () => sheet.charts.splice(sheet.charts.indexOf(chart), 1)),
    };
  }

  /**
   * ChartPointsCollection.getItemAt (ExcelApi 1.1) and the point's data label: hasDataLabel
   * (ExcelApi 1.7), dataLabel.position (1.7) and dataLabel.formula (1.8), as @types/office-js
   * declares them (index.d.ts, class ChartPoint, class ChartDataLabel). Each assignment is a
   * command carried out at the next sync, refused for a point past the series' values (the
   * collection has one point per value) or on a deleted chart.
   */
  private chartPoint(sheet: SheetModel, chart: ChartModel, index: number): Record<string, unknown> {
    const onPoint = (
      label: string,
      change: (point: NonNullable<ChartModel["pointLabels"]>[number]) => void,
    ) =>
      this.queue(`${label} ${chart.id}`, () => {
        if (!sheet.charts.includes(chart)) throw richApiError("ItemNotFound", `no chart ${chart.id}`);
        const points =
          chart.y === undefined ? 0 : parseRange(chart.y.replace(/^.*!/, "").replaceAll("$", "")).rows;
        if (index < 0 || index >= points)
          throw richApiError("InvalidArgument", `the series has ${points} points, not a point ${index}`);
        chart.pointLabels ??= [];
        chart.pointLabels[index] ??= {};
        change(chart.pointLabels[index] as NonNullable<ChartModel["pointLabels"]>[number]);
      });
    const property = (owner: Record<string, unknown>, name: string, apply: (value: never) => void) => {
      let current: unknown;
      Object.defineProperty(owner, name, {
        enumerable: true,
        get: () => current,
        set: (value: unknown) => {
          current = value;
          apply(value as never);
        },
      });
    };
    const dataLabel: Record<string, unknown> = {};
    const point: Record<string, unknown> = { dataLabel };
    property(point, "hasDataLabel", (value: boolean) =>
      onPoint("set hasDataLabel", (label) => (label.shown = value)),
    );
    property(dataLabel, "position", (value: string) =>
      onPoint("set dataLabel.position", (label) => (label.position = value)),
    );
    property(dataLabel, "formula", (value: string) =>
      onPoint("set dataLabel.formula", (label) => (label.formula = value)),
    );
    return point;
  }

  /**
   * Assignments to a chart proxy's properties, each a command queued where it is made, as
   * office.js queues a property set: carried out in order with the calls around it, on the chart
   * as it then is. Values the mock itself puts there on a load are not assignments.
   */
  private trackChart(proxy: OfficeMockObject, sheet: SheetModel, chart: ChartModel): void {
    const set = (owner: Record<string, unknown>, property: string, apply: (value: never) => void) => {
      let current = owner[property];
      Object.defineProperty(owner, property, {
        configurable: true,
        enumerable: true,
        get: () => current,
        set: (value: unknown) => {
          current = value;
          // office-addin-mock's own markers of a property not loaded or not synced
          // (node_modules/office-addin-mock/lib/possibleErrors.js): a load, not an assignment.
          const mockMarker = typeof value === "string" && value.startsWith("Error, ");
          if (this.syncing || mockMarker) return;
          this.queue(`set ${property} ${chart.id}`, () => {
            if (!sheet.charts.includes(chart)) throw richApiError("ItemNotFound", `no chart ${chart.id}`);
            apply(value as never);
          });
        },
      });
    };
    set(proxy, "name", (value: string) => (chart.name = value));
    set(proxy, "chartType", (value: string) => (chart.type = value));
    set(proxy.title, "text", (value: string) => (chart.title = value));
    set(proxy.axes.categoryAxis.title, "text", (value: string) => (chart.xTitle = value));
    set(proxy.axes.valueAxis.title, "text", (value: string) => (chart.yTitle = value));
    set(proxy.legend, "visible", (value: boolean) => (chart.legend = value));
  }
}

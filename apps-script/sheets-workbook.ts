/**
 * SheetsWorkbook: the WorkbookPort's Google Sheets side, run on the Apps Script server (V8, so
 * synchronous; the sidebar reaches it through google.script.run). It reads the workbook, lets core
 * resolve the plan (`resolveTarget`, `resolveSheet`) and writes the result in bulk under the
 * document lock: how many service calls it makes depends on the plan's columns, formats, names
 * and charts, never on its rows.
 *
 * The services come in as an object so tests can pass a fake; the interfaces below are exactly
 * the part of SpreadsheetApp, LockService and Charts this port uses (`activeSheetsWorkbook`
 * checks that the real services fit them).
 */
import {
  type ApplyReport,
  type Cell,
  type CellRole,
  type ChartPlan,
  cellA1,
  type Format,
  type HostInput,
  parseCell,
  parseRange,
  type ResolvedChart,
  type ResolvedName,
  type ResolvedSheet,
  resolveSheet,
  resolveTarget,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  type Validation,
  zonedDateToSerial,
} from "../core/index";
import { ROLE_STYLE, type TableSnapshot } from "../ui/workbook-port";

/*
 * The objects the port hands back to the services (a range to a chart or a name, a built rule to
 * a range, a chart to its sheet) are type parameters: the real Range, DataValidation and
 * EmbeddedChart in Apps Script, the fake's own classes in tests.
 */

export interface SheetsRange<Rule> {
  getValues(): unknown[][];
  getFormulas(): string[][];
  setValues(values: HostInput[][]): unknown;
  setDataValidation(rule: Rule): unknown;
  getSheet(): { getName(): string };
}

export interface SheetsRangeList {
  clearContent(): unknown;
  setBackground(color: string | null): unknown;
  setFontColor(color: string | null): unknown;
  setFontWeight(fontWeight: "bold" | "normal" | null): unknown;
  setNumberFormat(numberFormat: string): unknown;
}

export interface SheetsMetadata {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): unknown;
}

export interface SheetsChart {
  getOptions(): { get(option: string): unknown };
}

export interface SheetsChartBuilder<Range, Chart> {
  setChartType(type: GoogleAppsScript.Charts.ChartType): SheetsChartBuilder<Range, Chart>;
  addRange(range: Range): SheetsChartBuilder<Range, Chart>;
  setNumHeaders(headers: number): SheetsChartBuilder<Range, Chart>;
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): SheetsChartBuilder<Range, Chart>;
  setOption(option: string, value: unknown): SheetsChartBuilder<Range, Chart>;
  build(): Chart;
}

export interface SheetsSheet<Range, Chart> {
  getName(): string;
  getDeveloperMetadata(): SheetsMetadata[];
  addDeveloperMetadata(key: string, value: string): unknown;
  getDataRange(): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRangeList(a1Notations: string[]): SheetsRangeList;
  getMaxRows(): number;
  getMaxColumns(): number;
  getFrozenRows(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  deleteRows(rowPosition: number, howMany: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): unknown;
  hideColumns(columnIndex: number, numColumns: number): void;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  getCharts(): Chart[];
  removeChart(chart: Chart): void;
  newChart(): SheetsChartBuilder<Range, Chart>;
  insertChart(chart: Chart): void;
}

export interface SheetsNamedRange<Range> {
  getName(): string;
  getRange(): Range;
  setRange(range: Range): unknown;
}

export interface SheetsSpreadsheet<Range, Chart> {
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetsSheet<Range, Chart>[];
  insertSheet(sheetName: string): SheetsSheet<Range, Chart>;
  getNamedRanges(): SheetsNamedRange<Range>[];
  setNamedRange(name: string, range: Range): void;
}

export interface SheetsValidationBuilder<Rule> {
  requireValueInList(values: string[], showDropdown: boolean): SheetsValidationBuilder<Rule>;
  requireNumberBetween(start: number, end: number): SheetsValidationBuilder<Rule>;
  requireNumberGreaterThanOrEqualTo(number: number): SheetsValidationBuilder<Rule>;
  requireNumberLessThanOrEqualTo(number: number): SheetsValidationBuilder<Rule>;
  requireFormulaSatisfied(formula: string): SheetsValidationBuilder<Rule>;
  setAllowInvalid(allowInvalidData: boolean): SheetsValidationBuilder<Rule>;
  setHelpText(helpText: string): SheetsValidationBuilder<Rule>;
  build(): Rule;
}

export interface SheetsLock {
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
}

export interface SheetsServices<Range extends SheetsRange<Rule>, Rule, Chart extends SheetsChart> {
  /** SpreadsheetApp.getActiveSpreadsheet() */
  readonly spreadsheet: SheetsSpreadsheet<Range, Chart>;
  /** LockService; null from getDocumentLock means the script is not bound to a document. */
  readonly lockService: { getDocumentLock(): SheetsLock | null };
  /** () => SpreadsheetApp.newDataValidation() */
  readonly newDataValidation: () => SheetsValidationBuilder<Rule>;
  /** Charts.ChartType members for each chart type a plan may ask for. */
  readonly chartTypes: Readonly<Record<ChartPlan["type"], GoogleAppsScript.Charts.ChartType>>;
  /** () => SpreadsheetApp.flush(): commits pending writes before the lock is released. */
  readonly flush: () => void;
}

/** Key of the sheet-level developer metadata that marks a BuyIn sheet; its value is a SheetMarker. */
export const MARKER_KEY = "buyin.marker";
/** How long a run waits for another one on the same spreadsheet to finish. */
const LOCK_TIMEOUT_MS = 30_000;
/** Sheets column widths are pixels; plans give characters of the default font. */
const PIXELS_PER_CHARACTER = 7;

interface SheetEntry<Range, Chart> {
  readonly sheet: SheetsSheet<Range, Chart>;
  readonly name: string;
  readonly metadata?: SheetsMetadata;
  readonly marker?: SheetMarker;
}

export class SheetsWorkbook<Range extends SheetsRange<Rule>, Rule, Chart extends SheetsChart> {
  constructor(private readonly services: SheetsServices<Range, Rule, Chart>) {}

  /** Interim: the plans one after the other, each under the lock (to become one lock for all). */
  applyAll(plans: readonly SheetPlan[]): ApplyReport[] {
    return plans.map((plan) => this.apply(plan));
  }

  /** Writes one plan under the document lock; never touches a sheet BuyIn does not own. */
  apply(plan: SheetPlan): ApplyReport {
    const lock = this.services.lockService.getDocumentLock();
    if (!lock) throw new Error("BuyIn can only write to the spreadsheet it is installed in.");
    try {
      lock.waitLock(LOCK_TIMEOUT_MS);
    } catch (error) {
      throw new Error("Another BuyIn update is still running on this spreadsheet; try again in a moment.", {
        cause: error,
      });
    }
    try {
      const report = this.write(plan);
      // Pending writes are committed while the lock is still held, so the next run reads them.
      this.services.flush();
      return report;
    } finally {
      lock.releaseLock();
    }
  }

  /** The table of the BuyIn sheet of this kind, found by its marker whatever its name. */
  readTable(kind: string): TableSnapshot | undefined {
    const entry = this.readSheets().find((candidate) => candidate.marker?.kind === kind);
    if (!entry) return undefined;
    const [header = [], ...body] = entry.sheet.getDataRange().getValues().map(this.cellReader());
    return {
      sheet: entry.name,
      header: header.map((cell) => (cell === null ? "" : String(cell))),
      rows: body.flatMap((values, index) =>
        values.some((cell) => cell !== null) ? [{ row: index + 2, values }] : [],
      ),
    };
  }

  private write(plan: SheetPlan): ApplyReport {
    const entries = this.readSheets();
    const target = resolveTarget(plan, {
      sheets: entries.map(({ name, marker }) => (marker ? { name, marker } : { name })),
    });
    const entry = target.create ? undefined : entries.find((candidate) => candidate.name === target.name);
    const resolved = resolveSheet(
      plan,
      target,
      entry ? readState(entry.sheet, this.cellReader()) : undefined,
    );
    const sheet = entry?.sheet ?? this.services.spreadsheet.insertSheet(target.name);

    prepareGrid(sheet, resolved);
    for (const write of resolved.writes) {
      const columns = write.cells[0]?.length ?? 0;
      if (columns === 0) continue;
      const cells = write.cells.map((row) =>
        row.map((cell) => {
          if (cell === null) throw new Error("SheetsWorkbook cannot yet leave holes in a write (issue 8)");
          return cell;
        }),
      );
      sheet.getRange(write.row, write.column, cells.length, columns).setValues(cells);
    }
    this.applyFormats(sheet, resolved.formats);
    if (resolved.freeze) {
      sheet.setFrozenRows(resolved.freeze.rows);
      sheet.setFrozenColumns(resolved.freeze.columns);
    }
    const messages = this.applyNames(sheet, target.name, resolved.names);
    this.applyCharts(sheet, resolved.charts);

    const marker = JSON.stringify(resolved.marker);
    if (entry?.metadata) entry.metadata.setValue(marker);
    else sheet.addDeveloperMetadata(MARKER_KEY, marker);
    return { ...resolved.report, messages: [...resolved.report.messages, ...messages] };
  }

  private cellReader(): (row: readonly unknown[]) => Cell[] {
    return cellReader(this.services.spreadsheet.getSpreadsheetTimeZone());
  }

  /** Every sheet with its name and BuyIn marker, if it carries one. */
  private readSheets(): SheetEntry<Range, Chart>[] {
    return this.services.spreadsheet.getSheets().map((sheet) => {
      const metadata = sheet.getDeveloperMetadata().find((candidate) => candidate.getKey() === MARKER_KEY);
      const marker = metadata ? parseMarker(metadata.getValue()) : undefined;
      return {
        sheet,
        name: sheet.getName(),
        ...(metadata ? { metadata } : {}),
        ...(marker ? { marker } : {}),
      };
    });
  }

  /** Formats grouped so that styling costs a few calls per role and number format, not per range. */
  private applyFormats(sheet: SheetsSheet<Range, Chart>, formats: readonly Format[]): void {
    const byRole = new Map<CellRole, string[]>();
    const byNumberFormat = new Map<string, string[]>();
    for (const format of formats) {
      const range = parseRange(format.range);
      if (format.role) group(byRole, format.role, format.range);
      if (format.numberFormat) group(byNumberFormat, format.numberFormat, format.range);
      const rule =
        format.validation && this.validationRule(format.validation, cellA1(range.row, range.column));
      if (rule) sheet.getRange(range.row, range.column, range.rows, range.columns).setDataValidation(rule);
      if (format.width)
        sheet.setColumnWidths(range.column, range.columns, Math.round(format.width * PIXELS_PER_CHARACTER));
      if (format.hidden) sheet.hideColumns(range.column, range.columns);
    }
    for (const [role, ranges] of byRole) {
      const style = ROLE_STYLE[role];
      const list = sheet.getRangeList(ranges);
      list.setBackground(style.fill || null);
      list.setFontColor(style.fontColor);
      list.setFontWeight(style.bold ? "bold" : "normal");
    }
    for (const [numberFormat, ranges] of byNumberFormat)
      sheet.getRangeList(ranges).setNumberFormat(numberFormat);
  }

  /** A rule that rejects invalid entries; `topLeft` anchors the relative references of a formula rule. */
  private validationRule(validation: Validation, topLeft: string): Rule | undefined {
    const { list, min, max, whole } = validation;
    const hasList = list !== undefined && list.length > 0;
    if (!hasList && !whole && min === undefined && max === undefined) return undefined;
    const builder = this.services.newDataValidation();
    if (hasList) builder.requireValueInList([...list], true);
    // Sheets has no whole-number criterion: a custom formula checks it, with the bounds.
    else if (whole) builder.requireFormulaSatisfied(wholeNumberFormula(topLeft, min, max));
    else if (min !== undefined && max !== undefined) builder.requireNumberBetween(min, max);
    else if (min !== undefined) builder.requireNumberGreaterThanOrEqualTo(min);
    else if (max !== undefined) builder.requireNumberLessThanOrEqualTo(max);
    return builder.setAllowInvalid(false).setHelpText(validationHelp(validation)).build();
  }

  /**
   * Points each name at its range. A name that already refers to another sheet belongs to the
   * user and is left alone; the returned messages say so.
   */
  private applyNames(
    sheet: SheetsSheet<Range, Chart>,
    sheetName: string,
    names: readonly ResolvedName[],
  ): string[] {
    if (names.length === 0) return [];
    const { spreadsheet } = this.services;
    const existing = new Map<string, SheetsNamedRange<Range>>();
    for (const named of spreadsheet.getNamedRanges()) existing.set(named.getName().toLowerCase(), named);
    const messages: string[] = [];
    for (const { name, reference } of names) {
      const range = rangeOn(sheet, reference.slice(reference.lastIndexOf("!") + 1).replaceAll("$", ""));
      const current = existing.get(name.toLowerCase());
      if (!current) spreadsheet.setNamedRange(name, range);
      else if (refersElsewhere(current, sheetName))
        messages.push(
          `The name ${name} already refers to data BuyIn did not write, so BuyIn left it as it is.`,
        );
      // Re-pointing keeps the name defined throughout, so formulas using it never see #NAME?.
      else current.setRange(range);
    }
    return messages;
  }

  /** Replaces the charts BuyIn inserted before (known by their titles) with the plan's. */
  private applyCharts(sheet: SheetsSheet<Range, Chart>, charts: readonly ResolvedChart[]): void {
    if (charts.length === 0) return;
    const titles = new Set(charts.map((chart) => chart.title));
    for (const chart of sheet.getCharts()) {
      const title = chart.getOptions().get("title");
      if (typeof title === "string" && titles.has(title)) sheet.removeChart(chart);
    }
    for (const chart of charts) {
      const anchor = parseCell(chart.anchor);
      // A Sheets bar chart is horizontal: its categories (x) run down the vertical axis.
      const [horizontal, vertical] =
        chart.type === "bar" ? [chart.yTitle, chart.xTitle] : [chart.xTitle, chart.yTitle];
      const built = sheet
        .newChart()
        .setChartType(this.services.chartTypes[chart.type])
        .addRange(rangeOn(sheet, chart.x))
        .addRange(rangeOn(sheet, chart.y))
        .setNumHeaders(0)
        .setPosition(anchor.row, anchor.column, 0, 0)
        .setOption("title", chart.title)
        .setOption("hAxis.title", horizontal)
        .setOption("vAxis.title", vertical)
        .setOption("legend", { position: "none" })
        .build();
      sheet.insertChart(built);
    }
  }
}

/** The port over the spreadsheet the script is bound to: what the server entry hands the sidebar. */
export function activeSheetsWorkbook(): SheetsWorkbook<
  GoogleAppsScript.Spreadsheet.Range,
  GoogleAppsScript.Spreadsheet.DataValidation,
  GoogleAppsScript.Spreadsheet.EmbeddedChart
> {
  return new SheetsWorkbook({
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    lockService: LockService,
    newDataValidation: () => SpreadsheetApp.newDataValidation(),
    chartTypes: { scatter: Charts.ChartType.SCATTER, bar: Charts.ChartType.BAR, line: Charts.ChartType.LINE },
    flush: () => SpreadsheetApp.flush(),
  });
}

/**
 * The marker stored on a sheet, whole: it is core's to define, and every field must come back to
 * the resolver (the input fingerprints keep the user's changed settings). A marker BuyIn cannot
 * read does not make the sheet BuyIn's.
 */
function parseMarker(text: string | null): SheetMarker | undefined {
  let marker: unknown;
  try {
    marker = JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
  if (typeof marker !== "object" || marker === null) return undefined;
  const { kind, blocks, inputs } = marker as Record<string, unknown>;
  const isText = (value: unknown) => typeof value === "string";
  if (typeof kind !== "string") return undefined;
  if (blocks !== undefined && !(Array.isArray(blocks) && blocks.every(isText))) return undefined;
  if (
    inputs !== undefined &&
    (typeof inputs !== "object" || inputs === null || !Object.values(inputs).every(isText))
  )
    return undefined;
  return marker as SheetMarker;
}

/**
 * Reads rows of cells as Sheets hands them over (getValues) into what core takes: "" is blank,
 * a date is its serial number. Sheets' Date is the instant the cell's date and time name in the
 * spreadsheet's time zone, not the script's (Etc/UTC): so a date is read as the wall-clock time
 * it shows in the spreadsheet's zone. Read in the script's zone, 2024-01-01 in a Tokyo
 * spreadsheet would come back as 2023-12-31 15:00, and a kept cell would drift by the offset on
 * every run. An invalid Date reads as its text, for the parser to refuse.
 */
export function cellReader(timeZone: string): (row: readonly unknown[]) => Cell[] {
  const toCell = (value: unknown): Cell => {
    if (value === "" || value === null || value === undefined) return null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    // Tag check rather than instanceof: Apps Script's Date may not be this realm's.
    if (Object.prototype.toString.call(value) === "[object Date]") {
      const serial = zonedDateToSerial(value as Date, timeZone);
      return Number.isNaN(serial) ? String(value) : serial;
    }
    return String(value);
  };
  return (row) => row.map(toCell);
}

function readState(
  sheet: { getDataRange(): SheetsRange<unknown> },
  read: (row: readonly unknown[]) => Cell[],
): SheetState {
  const range = sheet.getDataRange();
  return {
    values: range.getValues().map(read),
    formulas: range.getFormulas().map((row) => row.map((formula) => formula || null)),
  };
}

/**
 * Clears what BuyIn no longer writes, sizes the grid and deletes retired rows. Clearing comes
 * first because the marker's ranges are where the blocks are now, before rows move up; rows are
 * added at the bottom before deleting, because Sheets refuses to delete every unfrozen row and
 * to address cells beyond the grid.
 */
/** Rows a new sheet gets beyond what its plan fills, for the user to add to. */
const SPARE_ROWS = 100;

function prepareGrid(
  sheet: Pick<
    SheetsSheet<unknown, unknown>,
    | "getMaxRows"
    | "getMaxColumns"
    | "getFrozenRows"
    | "getRangeList"
    | "insertRowsAfter"
    | "deleteRows"
    | "insertColumnsAfter"
  >,
  resolved: ResolvedSheet,
): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const frozenRows = sheet.getFrozenRows();
  const stale = resolved.clear.flatMap((range) => clip(range, maxRows, maxColumns) ?? []);
  if (stale.length > 0) sheet.getRangeList(stale).clearContent();

  const deleted = resolved.deleteRows.reduce((sum, run) => sum + run.count, 0);
  const needed = extent(resolved);
  const rowsShort = Math.max(needed.rows, frozenRows + 1) - (maxRows - deleted);
  // A new sheet is sized once, to the plan and some spare rows, whatever the plan's size: the
  // call count stays the same for 10 rows or 10,000 (a new sheet has only 1000).
  if (resolved.target.create) sheet.insertRowsAfter(maxRows, Math.max(0, rowsShort) + SPARE_ROWS);
  else if (rowsShort > 0) sheet.insertRowsAfter(maxRows, rowsShort);
  for (const { start, count } of resolved.deleteRows) sheet.deleteRows(start, count);
  if (needed.columns > maxColumns) sheet.insertColumnsAfter(maxColumns, needed.columns - maxColumns);
}

/** The rows and columns the grid needs after deletions for everything the resolved sheet writes. */
function extent(resolved: ResolvedSheet): { rows: number; columns: number } {
  let rows = 1 + (resolved.freeze?.rows ?? 0);
  let columns = 1 + (resolved.freeze?.columns ?? 0);
  const cover = (row: number, column: number) => {
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
  };
  for (const write of resolved.writes)
    cover(write.row + write.cells.length - 1, write.column + (write.cells[0]?.length ?? 1) - 1);
  const ranges = [
    ...resolved.formats.map((format) => format.range),
    ...resolved.charts.flatMap((chart) => [chart.x, chart.y, chart.anchor]),
  ];
  for (const a1 of ranges) {
    const range = parseRange(a1);
    cover(range.row + range.rows - 1, range.column + range.columns - 1);
  }
  return { rows, columns };
}

/** The part of an A1 range inside the grid, or undefined when none is. */
function clip(a1: string, maxRows: number, maxColumns: number): string | undefined {
  const range = parseRange(a1);
  if (range.row > maxRows || range.column > maxColumns) return undefined;
  const last = cellA1(
    Math.min(range.row + range.rows - 1, maxRows),
    Math.min(range.column + range.columns - 1, maxColumns),
  );
  return `${cellA1(range.row, range.column)}:${last}`;
}

function rangeOn<Range>(
  sheet: { getRange(row: number, column: number, rows: number, columns: number): Range },
  a1: string,
): Range {
  const range = parseRange(a1);
  return sheet.getRange(range.row, range.column, range.rows, range.columns);
}

/** Whether a name points into a sheet other than this one (a name whose sheet is gone points nowhere). */
function refersElsewhere(named: { getRange(): SheetsRange<unknown> }, sheetName: string): boolean {
  let owner: string;
  try {
    owner = named.getRange().getSheet().getName();
  } catch {
    return false;
  }
  return owner !== sheetName;
}

function group<K>(groups: Map<K, string[]>, key: K, range: string): void {
  const ranges = groups.get(key);
  if (ranges) ranges.push(range);
  else groups.set(key, [range]);
}

function wholeNumberFormula(cell: string, min: number | undefined, max: number | undefined): string {
  const checks = [`ISNUMBER(${cell})`, `${cell}=INT(${cell})`];
  if (min !== undefined) checks.push(`${cell}>=${min}`);
  if (max !== undefined) checks.push(`${cell}<=${max}`);
  return `=AND(${checks.join(",")})`;
}

function validationHelp({ list, min, max, whole }: Validation): string {
  if (list && list.length > 0) return `Choose one of: ${list.join(", ")}.`;
  const kind = whole ? "A whole number" : "A number";
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}.`;
  if (min !== undefined) return `${kind} of at least ${min}.`;
  if (max !== undefined) return `${kind} of at most ${max}.`;
  return `${kind}.`;
}

/**
 * SheetsWorkbook: the WorkbookPort's Google Sheets side, run on the Apps Script server (V8, so
 * synchronous; the sidebar reaches it through one google.script.run call). `applyAll` takes the
 * document lock once, reads the workbook (a fixed number of calls a sheet), lets core decide
 * everything (`planTargets`, `resolveAll`) and writes the result in bulk: one setValues per
 * rectangle BuyIn writes, styles and number formats as 2-D arrays or range lists (whichever
 * takes fewer calls), one validation rule per run of columns, every Range a sheet needs from
 * one RangeList. How many service calls it makes depends on the plans' columns, blocks, names
 * and charts and on how many runs of rows are retired, never on the number of rows.
 *
 * The services come in as an object so tests can pass a fake; the interfaces below are exactly
 * the part of SpreadsheetApp, LockService and Charts this port uses (`activeSheetsWorkbook`
 * checks that the real services fit them).
 */
import {
  type ApplyReport,
  anchorName,
  type Cell,
  type CellRole,
  type ChartPlan,
  cellA1,
  type Format,
  type HostInput,
  parseCell,
  parseRange,
  planTargets,
  quoteSheet,
  type ResolvedSheet,
  rangeA1,
  resolveAll,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_KIND,
  tableColumnIds,
  textInput,
  type Validation,
  type WorkbookSnapshot,
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
  setValues(values: unknown[][]): unknown;
  setDataValidation(rule: Rule): unknown;
  setBackgrounds(colors: (string | null)[][]): unknown;
  setFontColors(colors: (string | null)[][]): unknown;
  setFontWeights(fontWeights: ("bold" | "normal" | null)[][]): unknown;
  setNumberFormats(numberFormats: string[][]): unknown;
  getSheet(): { getName(): string };
  getA1Notation(): string;
  getGridId(): number;
}

export interface SheetsRangeList<Range> {
  getRanges(): Range[];
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
  getSheetId(): number;
  isSheetHidden(): boolean;
  getDeveloperMetadata(): SheetsMetadata[];
  addDeveloperMetadata(key: string, value: string): unknown;
  getDataRange(): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRangeList(a1Notations: string[]): SheetsRangeList<Range>;
  getNamedRanges(): SheetsNamedRange<Range>[];
  getMaxRows(): number;
  getMaxColumns(): number;
  getFrozenRows(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertRowsBefore(beforePosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  deleteRows(rowPosition: number, howMany: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): unknown;
  hideColumns(columnIndex: number, numColumns: number): void;
  showColumns(columnIndex: number, numColumns: number): void;
  hideSheet(): unknown;
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
  remove(): void;
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
/** How the anchor names core reads begin (anchorName), lower case. */
const ANCHOR_PREFIX = anchorName("").toLowerCase();
/** How long a run waits for another one on the same spreadsheet to finish. */
const LOCK_TIMEOUT_MS = 30_000;
/** Sheets column widths are pixels; plans give characters of the default font. */
const PIXELS_PER_CHARACTER = 7;
/** Rows a new sheet gets beyond what its plan fills, for the user to add to. */
const SPARE_ROWS = 100;

interface SheetEntry<Range, Chart> {
  readonly sheet: SheetsSheet<Range, Chart>;
  readonly name: string;
  readonly id: string;
  readonly metadata?: SheetsMetadata;
  readonly marker?: SheetMarker;
  readonly hidden: boolean;
}

/** A rectangle of the grid, 1-based. */
interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A workbook name as read before writing: where it pointed ('Sheet'!A1, #REF!, or "" when not read). */
interface NameEntry<Range> {
  readonly named: SheetsNamedRange<Range>;
  readonly name: string;
  readonly reference: string;
}

/** What every sheet's write shares in one applyAll: the names and sheet contents as read. */
interface WriteContext<Range> {
  readonly names: ReadonlyMap<string, NameEntry<Range>>;
  readonly states: ReadonlyMap<string, SheetState>;
}

export class SheetsWorkbook<Range extends SheetsRange<Rule>, Rule, Chart extends SheetsChart> {
  constructor(private readonly services: SheetsServices<Range, Rule, Chart>) {}

  /** Writes one plan: `applyAll` of that plan alone. */
  apply(plan: SheetPlan): ApplyReport {
    return this.applyAll([plan])[0] as ApplyReport;
  }

  /**
   * Writes every plan under one document lock: read the workbook, resolve in core, write.
   * Never touches a sheet BuyIn does not own. One report per plan, in the plans' order.
   */
  applyAll(plans: readonly SheetPlan[]): ApplyReport[] {
    if (plans.length === 0) return [];
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
      const reports = this.writeAll(plans);
      // Pending writes are committed while the lock is still held, so the next run reads them.
      this.services.flush();
      return reports;
    } finally {
      lock.releaseLock();
    }
  }

  /** The table of the BuyIn sheet of this kind, found by its marker whatever its name. */
  readTable(kind: string): TableSnapshot | undefined {
    const entries = this.readSheets();
    const entry = entries.find((candidate) => candidate.marker?.kind === kind);
    if (!entry) return undefined;
    const read = this.cellReader();
    const [header = [], ...body] = entry.sheet.getDataRange().getValues().map(read);
    // The state sheet knows each column's id, so a header the user renamed still reads.
    const stateEntry = entries.find((candidate) => candidate.marker?.kind === STATE_KIND);
    const state = stateEntry ? readState(stateEntry.sheet, read) : undefined;
    return {
      sheet: entry.name,
      header: header.map((cell) => (cell === null ? "" : String(cell))),
      rows: body.flatMap((values, index) =>
        values.some((cell) => cell !== null) ? [{ row: index + 2, values }] : [],
      ),
      ids: tableColumnIds(kind, header.length, state),
    };
  }

  private writeAll(plans: readonly SheetPlan[]): ApplyReport[] {
    const entries = this.readSheets();
    const names = this.readNames(entries);
    const snapshot: WorkbookSnapshot = {
      sheets: entries.map(({ name, id, marker, hidden }) => ({
        name,
        id,
        ...(marker ? { marker } : {}),
        ...(hidden ? { hidden } : {}),
      })),
      names: Object.fromEntries([...names.values()].map(({ name, reference }) => [name, reference])),
    };
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const states = new Map<string, SheetState>();
    let read: ((row: readonly unknown[]) => Cell[]) | undefined;
    for (const target of planTargets(plans, snapshot)) {
      const entry = byName.get(target.name);
      if (target.create || !entry || states.has(target.name)) continue;
      read ??= this.cellReader();
      states.set(target.name, readState(entry.sheet, read));
    }
    // Sheets pays a call per run of deleted rows: scattered retirements are compacted into one.
    const resolved = resolveAll(plans, snapshot, states, { compactRetiredRows: true });
    const context: WriteContext<Range> = { names, states };
    for (const sheet of resolved.sheets)
      this.writeSheet(sheet, sheet.target.create ? undefined : byName.get(sheet.target.name), context);
    for (const name of resolved.removeNames) names.get(name.toLowerCase())?.named.remove();
    return [...resolved.reports];
  }

  /** Writes one resolved sheet in the order every port follows (ResolvedSheet). */
  private writeSheet(
    resolved: ResolvedSheet,
    entry: SheetEntry<Range, Chart> | undefined,
    context: WriteContext<Range>,
  ): void {
    const sheet = entry?.sheet ?? this.services.spreadsheet.insertSheet(resolved.target.name);
    prepareGrid(sheet, resolved);

    const values = valueLayer(resolved);
    const styles = styleLayer(resolved.formats);
    const numberFormats = numberFormatLayer(resolved.formats);
    const validations = validationRuns(resolved.formats);
    const valueRects = values.rects();
    const styleRects = styles.rects();
    const roles = new Set(styles.values());
    // 2-D arrays cost three calls a rectangle; a RangeList per role one plus three setters.
    const stylesByRect = styleRects.length * 3 <= roles.size * 4;
    const formatRects = numberFormats.rects();
    const formatValues = new Set(numberFormats.values());
    const numberFormatsByRect = formatRects.length <= formatValues.size * 2;
    const nameRanges = resolved.names.map((name) => a1Of(name.reference));
    const chartRanges = resolved.charts.flatMap((chart) => [chart.x, chart.y]);

    // Every Range this sheet needs, from one RangeList, after the rows have moved.
    const wanted = [
      ...valueRects.map(rectA1),
      ...(stylesByRect ? styleRects.map(rectA1) : []),
      ...(numberFormatsByRect ? formatRects.map(rectA1) : []),
      ...validations.map((run) => run.range),
      ...nameRanges,
      ...chartRanges,
    ];
    const ranges = rangesOf(sheet, wanted);

    for (const rect of valueRects) {
      const range = ranges.get(rectA1(rect)) as Range;
      range.setValues(values.grid(rect, values.hasHoles(rect) ? currentInputs(range) : undefined));
    }
    if (stylesByRect) {
      for (const rect of styleRects) {
        const range = ranges.get(rectA1(rect)) as Range;
        const role = (r: number, c: number) =>
          ROLE_STYLE[styles.at(rect.row + r, rect.column + c) as CellRole];
        range.setBackgrounds(fill(rect, (r, c) => role(r, c).fill || null));
        range.setFontColors(fill(rect, (r, c) => role(r, c).fontColor));
        range.setFontWeights(fill(rect, (r, c) => (role(r, c).bold ? "bold" : "normal")));
      }
    } else {
      for (const role of roles) {
        const style = ROLE_STYLE[role];
        const list = sheet.getRangeList(styles.rectsOf(role).map(rectA1));
        list.setBackground(style.fill || null);
        list.setFontColor(style.fontColor);
        list.setFontWeight(style.bold ? "bold" : "normal");
      }
    }
    if (numberFormatsByRect) {
      for (const rect of formatRects)
        (ranges.get(rectA1(rect)) as Range).setNumberFormats(
          fill(rect, (r, c) => numberFormats.at(rect.row + r, rect.column + c) as string),
        );
    } else {
      for (const numberFormat of formatValues)
        sheet.getRangeList(numberFormats.rectsOf(numberFormat).map(rectA1)).setNumberFormat(numberFormat);
    }
    for (const run of validations) {
      const rule = this.validationRule(run.validation, run.range.split(":")[0] as string);
      if (rule) (ranges.get(run.range) as Range).setDataValidation(rule);
    }
    const state = context.states.get(resolved.target.name);
    for (const run of widthRuns(resolved, state)) sheet.setColumnWidths(run.start, run.count, run.width);
    for (const run of columnRuns(resolved.formats.filter((format) => format.hidden)))
      sheet.hideColumns(run.start, run.count);
    for (const run of columnRuns(resolved.formats.filter((format) => format.hidden === false)))
      sheet.showColumns(run.start, run.count);
    if (resolved.freeze) {
      sheet.setFrozenRows(resolved.freeze.rows);
      sheet.setFrozenColumns(resolved.freeze.columns);
    }
    this.applyNames(resolved, ranges, context.names);
    this.applyCharts(sheet, resolved, ranges);

    const marker = JSON.stringify({
      ...resolved.marker,
      sheetId: resolved.marker.sheetId ?? entry?.id ?? String(sheet.getSheetId()),
    });
    if (entry?.metadata) entry.metadata.setValue(marker);
    else sheet.addDeveloperMetadata(MARKER_KEY, marker);
    if (resolved.hidden && !entry?.hidden) sheet.hideSheet();
  }

  private cellReader(): (row: readonly unknown[]) => Cell[] {
    return cellReader(this.services.spreadsheet.getSpreadsheetTimeZone());
  }

  /** Every sheet with its name, id and BuyIn marker, if it carries one. */
  private readSheets(): SheetEntry<Range, Chart>[] {
    return this.services.spreadsheet.getSheets().map((sheet) => {
      const metadata = sheet.getDeveloperMetadata().find((candidate) => candidate.getKey() === MARKER_KEY);
      const marker = metadata ? parseMarker(metadata.getValue()) : undefined;
      return {
        sheet,
        name: sheet.getName(),
        id: String(sheet.getSheetId()),
        ...(metadata ? { metadata } : {}),
        ...(marker ? { marker } : {}),
        // Only BuyIn hides sheets (its state sheet): other sheets' visibility is not asked.
        hidden: marker ? sheet.isSheetHidden() : false,
      };
    });
  }

  /**
   * The workbook's named ranges by lower-case name: core decides which are BuyIn's from their
   * names alone. Where a name points costs three calls, so it is read only for the anchor names
   * (`BuyIn_Anchor_<kind>`), the only references core reads ('Sheet'!A1; #REF! once its cell was
   * deleted); other names carry "" (unknown), and are re-pointed without comparing.
   */
  private readNames(entries: readonly SheetEntry<Range, Chart>[]): Map<string, NameEntry<Range>> {
    const sheetNames = new Map(entries.map((entry) => [entry.id, entry.name]));
    const names = new Map<string, NameEntry<Range>>();
    for (const named of this.services.spreadsheet.getNamedRanges()) {
      const name = named.getName();
      let reference = "";
      if (name.toLowerCase().startsWith(ANCHOR_PREFIX)) {
        reference = "#REF!";
        try {
          const range = named.getRange();
          const sheet = sheetNames.get(String(range.getGridId()));
          if (sheet !== undefined) reference = `${quoteSheet(sheet)}!${range.getA1Notation()}`;
        } catch {
          // A name whose cell was deleted: Sheets keeps it, pointing nowhere.
        }
      }
      names.set(name.toLowerCase(), { named, name, reference });
    }
    return names;
  }

  /** A rule that rejects invalid entries; `topLeft` anchors the relative references of a formula rule. */
  private validationRule(validation: Validation, topLeft: string): Rule | undefined {
    const { list, min, max, whole } = validation;
    const hasList = list !== undefined && list.length > 0;
    if (!hasList && !whole && min === undefined && max === undefined) return undefined;
    const builder = this.services.newDataValidation();
    if (hasList) builder.requireValueInList([...list], true);
    // Sheets has no whole-number criterion: a custom formula checks it, with the bounds. Its
    // references are relative to the range's top-left cell, so one rule serves many columns.
    else if (whole) builder.requireFormulaSatisfied(wholeNumberFormula(topLeft, min, max));
    else if (min !== undefined && max !== undefined) builder.requireNumberBetween(min, max);
    else if (min !== undefined) builder.requireNumberGreaterThanOrEqualTo(min);
    else if (max !== undefined) builder.requireNumberLessThanOrEqualTo(max);
    return builder.setAllowInvalid(false).setHelpText(validationHelp(validation)).build();
  }

  /**
   * Sets the names core resolved (core decides which are BuyIn's to change): an existing one is
   * re-pointed, so formulas using it never see #NAME?, and left alone when it already points
   * there and no row of its sheet moved; a new one is created.
   */
  private applyNames(
    resolved: ResolvedSheet,
    ranges: ReadonlyMap<string, Range>,
    names: ReadonlyMap<string, NameEntry<Range>>,
  ): void {
    const rowsMoved = resolved.insertRows.length > 0 || resolved.deleteRows.length > 0;
    for (const { name, reference } of resolved.names) {
      const range = ranges.get(a1Of(reference)) as Range;
      const current = names.get(name.toLowerCase());
      if (current?.reference && !rowsMoved && sameReference(current.reference, reference)) continue;
      if (current) current.named.setRange(range);
      else this.services.spreadsheet.setNamedRange(name, range);
    }
  }

  /**
   * Deletes exactly the charts core names (BuyIn's earlier ones, by the titles its marker
   * records), then inserts the plan's. Charts are read only when one is to go.
   */
  private applyCharts(
    sheet: SheetsSheet<Range, Chart>,
    resolved: ResolvedSheet,
    ranges: ReadonlyMap<string, Range>,
  ): void {
    if (resolved.removeCharts.length > 0) {
      const remove = new Set(resolved.removeCharts);
      for (const chart of sheet.getCharts()) {
        const title = chart.getOptions().get("title");
        if (typeof title === "string" && remove.has(title)) sheet.removeChart(chart);
      }
    }
    for (const chart of resolved.charts) {
      const anchor = parseCell(chart.anchor);
      // A Sheets bar chart is horizontal: its categories (x) run down the vertical axis.
      const [horizontal, vertical] =
        chart.type === "bar" ? [chart.yTitle, chart.xTitle] : [chart.xTitle, chart.yTitle];
      const built = sheet
        .newChart()
        .setChartType(this.services.chartTypes[chart.type])
        .addRange(ranges.get(chart.x) as Range)
        .addRange(ranges.get(chart.y) as Range)
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
 * Clears what BuyIn no longer writes, inserts the rows core puts back (a deleted header row),
 * sizes the grid and deletes retired rows. Clearing comes first because the marker's ranges are
 * where the blocks are now, before rows move; rows are
 * added at the bottom before deleting, because Sheets refuses to delete every unfrozen row and
 * to address cells beyond the grid. Retired runs go bottom-most first (core orders them), so
 * each run's row numbers still hold when it is deleted: one deleteRows a run.
 */
function prepareGrid(
  sheet: Pick<
    SheetsSheet<unknown, unknown>,
    | "getMaxRows"
    | "getMaxColumns"
    | "getFrozenRows"
    | "getRangeList"
    | "insertRowsAfter"
    | "insertRowsBefore"
    | "deleteRows"
    | "insertColumnsAfter"
  >,
  resolved: ResolvedSheet,
): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const stale = resolved.clear.flatMap((range) => clip(range, maxRows, maxColumns) ?? []);
  if (stale.length > 0) sheet.getRangeList(stale).clearContent();
  // Sheets moves references and names with inserted rows, as a user's insertion would.
  for (const { at, count } of resolved.insertRows) sheet.insertRowsBefore(at, count);
  const inserted = resolved.insertRows.reduce((sum, run) => sum + run.count, 0);

  const deleted = resolved.deleteRows.reduce((sum, run) => sum + run.count, 0);
  // Frozen rows matter only to a deletion (Sheets keeps one unfrozen row): read them only then.
  const frozenRows = deleted > 0 ? sheet.getFrozenRows() : 0;
  const needed = extent(resolved);
  const rows = maxRows + inserted;
  const rowsShort = Math.max(needed.rows, frozenRows + 1) - (rows - deleted);
  // A new sheet is sized once, to the plan and some spare rows, whatever the plan's size: the
  // call count stays the same for 10 rows or 10,000 (a new sheet has only 1000).
  if (resolved.target.create) sheet.insertRowsAfter(rows, Math.max(0, rowsShort) + SPARE_ROWS);
  else if (rowsShort > 0) sheet.insertRowsAfter(rows, rowsShort);
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
    ...resolved.names.map((name) => a1Of(name.reference)),
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

/**
 * Cells of one sheet carrying something (a value to write, a role, a number format), column by
 * column, and the fewest rectangles that cover them without covering anything else: runs of
 * rows in a column, joined across neighbouring columns with the same run. BuyIn's writes are
 * columns of equal height and blocks, so this is one rectangle for a table, a few for blocks.
 */
class Layer<T> {
  private readonly columns = new Map<number, (T | undefined)[]>();

  paint(rect: Rect, at: (r: number, c: number) => T | undefined): void {
    for (let c = 0; c < rect.columns; c++) {
      const column = rect.column + c;
      let cells = this.columns.get(column);
      if (!cells) {
        cells = [];
        this.columns.set(column, cells);
      }
      for (let r = 0; r < rect.rows; r++) {
        const value = at(r, c);
        if (value !== undefined) cells[rect.row + r] = value;
      }
    }
  }

  at(row: number, column: number): T | undefined {
    return this.columns.get(column)?.[row];
  }

  /** The distinct values painted. */
  values(): T[] {
    const seen = new Set<T>();
    for (const cells of this.columns.values())
      for (const value of cells) if (value !== undefined) seen.add(value);
    return [...seen];
  }

  rects(): Rect[] {
    return this.cover(() => true);
  }

  /** The rectangles covering exactly the cells holding `value`. */
  rectsOf(value: T): Rect[] {
    return this.cover((candidate) => candidate === value);
  }

  private cover(include: (value: T) => boolean): Rect[] {
    const done: Rect[] = [];
    let open: Rect[] = [];
    for (const column of [...this.columns.keys()].sort((a, b) => a - b)) {
      const cells = this.columns.get(column) as (T | undefined)[];
      const runs: { row: number; rows: number }[] = [];
      for (let row = 1; row < cells.length; row++) {
        const value = cells[row];
        if (value === undefined || !include(value)) continue;
        const last = runs[runs.length - 1];
        if (last && last.row + last.rows === row) last.rows++;
        else runs.push({ row, rows: 1 });
      }
      const next: Rect[] = [];
      for (const run of runs) {
        const joined = open.find(
          (rect) => rect.column + rect.columns === column && rect.row === run.row && rect.rows === run.rows,
        );
        next.push(joined ? { ...joined, columns: joined.columns + 1 } : { ...run, column, columns: 1 });
      }
      for (const rect of open)
        if (!next.some((candidate) => candidate.column === rect.column && candidate.row === rect.row))
          done.push(rect);
      open = next;
    }
    return [...done, ...open];
  }
}

/** What BuyIn writes where; null is a hole, a cell to leave as it is. */
class ValueLayer extends Layer<HostInput | null> {
  hasHoles(rect: Rect): boolean {
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.columns; c++) if (this.at(rect.row + r, rect.column + c) === null) return true;
    return false;
  }

  /** The rectangle's cells as setValues takes them, each hole filled with the cell's content now. */
  grid(rect: Rect, current: readonly (readonly unknown[])[] | undefined): unknown[][] {
    return fill(rect, (r, c) => {
      const cell = this.at(rect.row + r, rect.column + c);
      return cell === null || cell === undefined ? current?.[r]?.[c] : cell;
    });
  }
}

function valueLayer(resolved: ResolvedSheet): ValueLayer {
  const layer = new ValueLayer();
  for (const write of resolved.writes) {
    const columns = write.cells[0]?.length ?? 0;
    if (columns === 0) continue;
    layer.paint(
      { row: write.row, column: write.column, rows: write.cells.length, columns },
      (r, c) => write.cells[r]?.[c],
    );
  }
  return layer;
}

function styleLayer(formats: readonly Format[]): Layer<CellRole> {
  const layer = new Layer<CellRole>();
  for (const { range, role } of formats) if (role) layer.paint(parseRange(range), () => role);
  return layer;
}

function numberFormatLayer(formats: readonly Format[]): Layer<string> {
  const layer = new Layer<string>();
  for (const { range, numberFormat } of formats)
    if (numberFormat) layer.paint(parseRange(range), () => numberFormat);
  return layer;
}

/**
 * What a range holds now, as setValues takes it back unchanged (Apps Script reference, Range:
 * getFormulas "returns the formulas (A1 notation) for the cells in the range. Entries in the 2D
 * array are empty strings for cells with no formula"; setValues takes a value starting with "="
 * as a formula, https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas,
 * #setvaluesvalues). A formula comes back as its text, as the host has adjusted it; text is
 * escaped the way BuyIn writes all text, so "0012" or "=x" typed as text stay text; numbers,
 * booleans and dates (a Date, in the spreadsheet's zone both ways) are written as read.
 */
function currentInputs(range: SheetsRange<unknown>): unknown[][] {
  const formulas = range.getFormulas();
  return range
    .getValues()
    .map((row, r) =>
      row.map((value, c) => formulas[r]?.[c] || (typeof value === "string" ? textInput(value) : value)),
    );
}

/** One validation per run of neighbouring columns with the same rule and rows. */
function validationRuns(formats: readonly Format[]): { range: string; validation: Validation }[] {
  const runs: (Rect & { validation: Validation; key: string })[] = [];
  const sorted = formats
    .filter((format) => format.validation)
    .map((format) => ({ ...parseRange(format.range), validation: format.validation as Validation }))
    .sort((a, b) => a.column - b.column);
  for (const rect of sorted) {
    const key = JSON.stringify(rect.validation);
    const joined = runs.find(
      (run) =>
        run.key === key &&
        run.row === rect.row &&
        run.rows === rect.rows &&
        run.column + run.columns === rect.column,
    );
    if (joined) Object.assign(joined, { columns: joined.columns + rect.columns });
    else runs.push({ ...rect, key });
  }
  return runs.map((run) => ({ range: rectA1(run), validation: run.validation }));
}

/**
 * Column widths for the columns BuyIn writes for the first time (a new sheet, or a header cell
 * that was blank): after that a width is the user's to change. Neighbouring columns of the same
 * width take one call.
 */
function widthRuns(
  resolved: ResolvedSheet,
  state: SheetState | undefined,
): { start: number; count: number; width: number }[] {
  const widths = new Map<number, number>();
  for (const { range, width } of resolved.formats) {
    if (!width) continue;
    const rect = parseRange(range);
    const fresh = resolved.target.create || isBlank(state, rect.row, rect.column);
    if (!fresh) continue;
    for (let column = rect.column; column < rect.column + rect.columns; column++)
      widths.set(column, Math.round(width * PIXELS_PER_CHARACTER));
  }
  const runs: { start: number; count: number; width: number }[] = [];
  for (const column of [...widths.keys()].sort((a, b) => a - b)) {
    const width = widths.get(column) as number;
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === column && last.width === width) last.count++;
    else runs.push({ start: column, count: 1, width });
  }
  return runs;
}

/** Runs of neighbouring columns the formats cover. */
function columnRuns(formats: readonly Format[]): { start: number; count: number }[] {
  const columns = new Set<number>();
  for (const { range } of formats) {
    const rect = parseRange(range);
    for (let column = rect.column; column < rect.column + rect.columns; column++) columns.add(column);
  }
  const runs: { start: number; count: number }[] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === column) last.count++;
    else runs.push({ start: column, count: 1 });
  }
  return runs;
}

function isBlank(state: SheetState | undefined, row: number, column: number): boolean {
  const value = state?.values[row - 1]?.[column - 1];
  return (value === null || value === undefined || value === "") && !state?.formulas[row - 1]?.[column - 1];
}

/** Every range a sheet needs, by its A1 notation, from one RangeList (two calls whatever the count). */
function rangesOf<Range>(
  sheet: { getRangeList(a1Notations: string[]): { getRanges(): Range[] } },
  a1Notations: readonly string[],
): Map<string, Range> {
  const unique = [...new Set(a1Notations)];
  const ranges = new Map<string, Range>();
  if (unique.length === 0) return ranges;
  const found = sheet.getRangeList(unique).getRanges();
  for (const [index, a1] of unique.entries()) ranges.set(a1, found[index] as Range);
  return ranges;
}

/** A name's reference ('Sheet'!$B$2:$B$9) as an A1 range on its sheet (B2:B9). */
function a1Of(reference: string): string {
  return reference.slice(reference.lastIndexOf("!") + 1).replaceAll("$", "");
}

/** Whether two references name the same cells: sheet names compare unquoted and in any case, "$" and a leading "=" aside. */
function sameReference(a: string, b: string): boolean {
  const normal = (reference: string) => {
    const bang = reference.lastIndexOf("!");
    const sheet = reference
      .slice(0, Math.max(bang, 0))
      .replace(/^=/, "")
      .replace(/^'(.*)'$/, "$1")
      .replaceAll("''", "'");
    return `${sheet.toLowerCase()}!${a1Of(reference)}`;
  };
  return normal(a) === normal(b);
}

function rectA1({ row, column, rows, columns }: Rect): string {
  return rangeA1(row, column, rows, columns);
}

function fill<T>(rect: Rect, at: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.columns }, (_, c) => at(r, c)),
  );
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

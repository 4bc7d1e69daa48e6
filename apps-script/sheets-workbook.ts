/**
 * SheetsWorkbook: the WorkbookPort's Google Sheets side, run on the Apps Script server (V8, so
 * synchronous; the sidebar reaches it through one google.script.run call). `applyAll` takes the
 * document lock once, reads the workbook (a fixed number of calls a sheet: its name, id and
 * contents; BuyIn's markers found together by key), lets core decide everything (`planTargets`,
 * `resolveAll`) and writes the result in bulk: one setValues per rectangle BuyIn writes, styles
 * and number formats as 2-D arrays or range lists (whichever takes fewer calls), one validation
 * rule per run of columns, every Range a sheet needs from one getRange or one RangeList.
 *
 * Every method called on a service object is a call, and calls are what an execution's time
 * goes on (Apps Script best practices: "minimize calls to other services",
 * https://developers.google.com/apps-script/guides/support/best-practices; an execution stops
 * after 6 minutes, https://developers.google.com/apps-script/guides/services/quotas), so the
 * port calls only for what changed: each sheet's marker also records what the port wrote there
 * (`Written`: names, formats, charts), and a re-run sets no cell that already holds the plan's
 * content, no format, name or chart already in place (moved as Sheets moves them with this
 * run's rows), and no unchanged marker. How many calls it makes depends on the plans' columns,
 * blocks, names and charts and on how many runs of rows are retired, never on the number of rows.
 *
 * The first write has a floor SpreadsheetApp sets: one call a name (setNamedRange), a run of
 * equal column widths (setColumnWidths), a validation builder step and a chart builder step. Only
 * the Sheets API's batchUpdate (the advanced Sheets service) sets those in one call, and it needs
 * the spreadsheets scope for every file of the user, where this add-on asks for the current
 * spreadsheet only (spreadsheets.currentonly, which the API does not accept:
 * https://developers.google.com/sheets/api/scopes).
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
  type ConditionalRule,
  cellA1,
  type Format,
  type HostInput,
  isBuyInsRule,
  parseCell,
  parseRange,
  planTargets,
  quoteSheet,
  type ResolvedConditionalFormat,
  type ResolvedSheet,
  rangeA1,
  resolveAll,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_KIND,
  type Tone,
  tableColumnIds,
  textInput,
  type Validation,
  type WorkbookSnapshot,
  zonedDateToSerial,
} from "../core/index";
import { ROLE_STYLE, type TableSnapshot, TONE_STYLE } from "../ui/workbook-port";

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
  getValue(): string | null;
  setValue(value: string): unknown;
  getLocation(): { getSheet(): { getSheetId(): number } | null };
}

export interface SheetsMetadataFinder {
  withKey(key: string): SheetsMetadataFinder;
  find(): SheetsMetadata[];
}

export interface SheetsChart<Range, Chart> {
  getOptions(): { get(option: string): unknown };
  modify(): SheetsChartBuilder<Range, Chart>;
}

export interface SheetsChartBuilder<Range, Chart> {
  setChartType(type: GoogleAppsScript.Charts.ChartType): SheetsChartBuilder<Range, Chart>;
  clearRanges(): SheetsChartBuilder<Range, Chart>;
  addRange(range: Range): SheetsChartBuilder<Range, Chart>;
  setNumHeaders(headers: number): SheetsChartBuilder<Range, Chart>;
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): SheetsChartBuilder<Range, Chart>;
  setOption(option: string, value: unknown): SheetsChartBuilder<Range, Chart>;
  setTransposeRowsAndColumns(transpose: boolean): SheetsChartBuilder<Range, Chart>;
  build(): Chart;
}

/** A conditional format rule's condition, as read back (BooleanCondition). */
export interface SheetsBooleanCondition {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getBackground(): string | null;
}

/** A sheet's conditional format rule (ConditionalFormatRule): the user's or BuyIn's. */
export interface SheetsConditionalRule<Range> {
  getRanges(): Range[];
  getBooleanCondition(): SheetsBooleanCondition | null;
}

export interface SheetsConditionalRuleBuilder<Range> {
  whenTextEqualTo(text: string): SheetsConditionalRuleBuilder<Range>;
  whenNumberLessThan(number: number): SheetsConditionalRuleBuilder<Range>;
  setBackground(color: string | null): SheetsConditionalRuleBuilder<Range>;
  setFontColor(color: string | null): SheetsConditionalRuleBuilder<Range>;
  setRanges(ranges: Range[]): SheetsConditionalRuleBuilder<Range>;
  build(): SheetsConditionalRule<Range>;
}

export interface SheetsSheet<Range, Chart> {
  getName(): string;
  getSheetId(): number;
  isSheetHidden(): boolean;
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
  getConditionalFormatRules(): SheetsConditionalRule<Range>[];
  setConditionalFormatRules(rules: SheetsConditionalRule<Range>[]): void;
  removeChart(chart: Chart): void;
  newChart(): SheetsChartBuilder<Range, Chart>;
  insertChart(chart: Chart): void;
  updateChart(chart: Chart): void;
}

export interface SheetsNamedRange<Range> {
  getName(): string;
  getRange(): Range;
  setRange(range: Range): unknown;
  remove(): void;
}

export interface SheetsSpreadsheet<Range, Chart> {
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
  getSheets(): SheetsSheet<Range, Chart>[];
  createDeveloperMetadataFinder(): SheetsMetadataFinder;
  insertSheet(sheetName: string): SheetsSheet<Range, Chart>;
  getNamedRanges(): SheetsNamedRange<Range>[];
  getRangeByName(name: string): Range | null;
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

export interface SheetsServices<
  Range extends SheetsRange<Rule>,
  Rule,
  Chart extends SheetsChart<Range, Chart>,
> {
  /** SpreadsheetApp.getActiveSpreadsheet() */
  readonly spreadsheet: SheetsSpreadsheet<Range, Chart>;
  /** LockService; null from getDocumentLock means the script is not bound to a document. */
  readonly lockService: { getDocumentLock(): SheetsLock | null };
  /** () => SpreadsheetApp.newDataValidation() */
  readonly newDataValidation: () => SheetsValidationBuilder<Rule>;
  /** Charts.ChartType members for each chart type a plan may ask for. */
  readonly chartTypes: Readonly<Record<ChartPlan["type"], GoogleAppsScript.Charts.ChartType>>;
  /** () => SpreadsheetApp.newConditionalFormatRule() */
  readonly newConditionalFormatRule: () => SheetsConditionalRuleBuilder<Range>;
  /** SpreadsheetApp.BooleanCriteria members of the rules BuyIn writes, to know them when read back. */
  readonly booleanCriteria: { readonly textEqualTo: unknown; readonly numberLessThan: unknown };
  /** () => SpreadsheetApp.flush(): commits pending writes before the lock is released. */
  readonly flush: () => void;
}

/** Key of the sheet-level developer metadata that marks a BuyIn sheet; its value is a SheetMarker. */
export const MARKER_KEY = "buyin.marker";
/** The marker's field holding what the port wrote (Written): the port's, not core's. */
const WRITTEN_FIELD = "written";
/** How the anchor names core reads begin (anchorName), lower case. */
const ANCHOR_PREFIX = anchorName("").toLowerCase();
/** How long a run waits for another one on the same spreadsheet to finish. */
const LOCK_TIMEOUT_MS = 30_000;
/** Sheets column widths are pixels; plans give characters of the default font. */
const PIXELS_PER_CHARACTER = 7;
/** Rows a new sheet gets beyond what its plan fills, for the user to add to. */
const SPARE_ROWS = 100;
/** The grid of a sheet insertSheet adds (Sheets' default for a new sheet: 1000 rows, columns A to Z). */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

interface SheetEntry<Range, Chart> {
  readonly sheet: SheetsSheet<Range, Chart>;
  readonly name: string;
  readonly id: string;
  readonly metadata?: SheetsMetadata;
  /** The marker's text as stored, to leave it alone when the new one is the same. */
  readonly stored?: string;
  readonly marker?: SheetMarker;
  /** What the port wrote on this sheet last time (kept beside core's marker). */
  readonly written?: Written;
  readonly hidden: boolean;
}

/**
 * What the port wrote on a sheet last time, in the sheet's coordinates after that write, kept in
 * the marker's `written` field (the port's, stripped before core reads the marker). A re-run
 * that would write the same names, formats and charts, once the rows this run inserts and
 * deletes have moved them as Sheets moves them, skips those calls.
 */
interface Written {
  /** Each name set on this sheet and its A1 range there. */
  readonly names: Readonly<Record<string, string>>;
  readonly formats: readonly Format[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly charts: readonly ChartPlan[];
  /** The conditional format rules BuyIn set on this sheet. */
  readonly rules?: readonly ResolvedConditionalFormat[];
  /**
   * On the state sheet's record: how many named ranges the workbook had after the write. Another
   * count on the next run means a name was added or deleted since (by the user): the record no
   * longer tells which exist, so every name is listed.
   */
  readonly nameCount?: number;
}

/** The rows one sheet's write inserts and deletes, in the order the port makes them. */
interface RowMoves {
  readonly insertRows: ResolvedSheet["insertRows"];
  readonly deleteRows: ResolvedSheet["deleteRows"];
}

/** A rectangle of the grid, 1-based. */
interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * The workbook's named ranges: how many there are (one getNamedRanges, every run), and by
 * lower-case name, listed only when the port needs a NamedRange (to re-point or remove one) or
 * to know every name: one getName a name, at most once a run.
 */
class NameIndex<Range> {
  private listed: SheetsNamedRange<Range>[] | undefined;
  private byName: Map<string, { name: string; named: SheetsNamedRange<Range> }> | undefined;

  constructor(private readonly spreadsheet: Pick<SheetsSpreadsheet<Range, unknown>, "getNamedRanges">) {}

  count(): number {
    this.listed ??= this.spreadsheet.getNamedRanges();
    return this.listed.length;
  }

  all(): ReadonlyMap<string, { name: string; named: SheetsNamedRange<Range> }> {
    if (!this.byName) {
      this.listed ??= this.spreadsheet.getNamedRanges();
      this.byName = new Map();
      for (const named of this.listed) {
        const name = named.getName();
        this.byName.set(name.toLowerCase(), { name, named });
      }
    }
    return this.byName;
  }

  get(name: string): SheetsNamedRange<Range> | undefined {
    return this.all().get(name.toLowerCase())?.named;
  }

  /** Whether the names were listed and this one is not among them (without listing them). */
  missing(name: string): boolean {
    return this.byName !== undefined && !this.byName.has(name.toLowerCase());
  }
}

/** A sheet's charts with their titles, read once, when first asked: one call and two a chart. */
class ChartList<Chart extends { getOptions(): { get(option: string): unknown } }> {
  private read: { chart: Chart; title: unknown }[] | undefined;

  constructor(private readonly sheet: { getCharts(): Chart[] }) {}

  titled(title: string): Chart[] {
    this.read ??= this.sheet.getCharts().map((chart) => ({ chart, title: chart.getOptions().get("title") }));
    return this.read.filter((entry) => entry.title === title).map((entry) => entry.chart);
  }
}

/** What every sheet's write shares in one applyAll. */
interface WriteContext<Range> {
  readonly names: NameIndex<Range>;
  readonly states: ReadonlyMap<string, SheetState>;
  /** Sheets whose rows were inserted or deleted earlier in this run: what refers to them has moved since it was read. */
  readonly moved: Set<string>;
  /** How many named ranges the workbook will have once this run's names are set and removed. */
  nameCount: number;
}

export class SheetsWorkbook<Range extends SheetsRange<Rule>, Rule, Chart extends SheetsChart<Range, Chart>> {
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
    const state = stateEntry ? readState(stateEntry.sheet, read, false) : undefined;
    return {
      sheet: entry.name,
      header: header.map((cell) => (cell === null ? "" : String(cell))),
      rows: body.flatMap((values, index) =>
        values.some((cell) => cell !== null) ? [{ row: index + 2, values }] : [],
      ),
      ids: tableColumnIds(kind, header.length, state),
      // Sheets says "en_GB"; the panel's Intl takes BCP 47's "en-GB".
      locale: this.services.spreadsheet.getSpreadsheetLocale().replace("_", "-"),
    };
  }

  private writeAll(plans: readonly SheetPlan[]): ApplyReport[] {
    const entries = this.readSheets();
    const index = new NameIndex(this.services.spreadsheet);
    const snapshot: WorkbookSnapshot = {
      sheets: entries.map(({ name, id, marker, hidden }) => ({
        name,
        id,
        ...(marker ? { marker } : {}),
        ...(hidden ? { hidden } : {}),
      })),
      names: this.readNames(plans, entries, index),
    };
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const states = new Map<string, SheetState>();
    let read: ((row: readonly unknown[]) => Cell[]) | undefined;
    for (const target of planTargets(plans, snapshot)) {
      const entry = byName.get(target.name);
      if (target.create || !entry || states.has(target.name)) continue;
      read ??= this.cellReader();
      states.set(target.name, readState(entry.sheet, read, target.marker?.kind !== STATE_KIND));
    }
    // Sheets pays a call per run of deleted rows: scattered retirements are compacted into one.
    const resolved = resolveAll(plans, snapshot, states, { compactRetiredRows: true });
    const removed = resolved.removeNames.flatMap((name) => index.get(name) ?? []);
    const context: WriteContext<Range> = {
      names: index,
      states,
      moved: new Set(),
      nameCount: index.count() - removed.length,
    };
    for (const sheet of resolved.sheets)
      this.writeSheet(sheet, sheet.target.create ? undefined : byName.get(sheet.target.name), context);
    for (const named of removed) named.remove();
    return [...resolved.reports];
  }

  /** Writes one resolved sheet in the order every port follows (ResolvedSheet). */
  private writeSheet(
    resolved: ResolvedSheet,
    entry: SheetEntry<Range, Chart> | undefined,
    context: WriteContext<Range>,
  ): void {
    const create = resolved.target.create;
    const sheet = entry?.sheet ?? this.services.spreadsheet.insertSheet(resolved.target.name);
    const state = create ? undefined : context.states.get(resolved.target.name);
    prepareGrid(sheet, resolved, state);
    if (resolved.insertRows.length > 0 || resolved.deleteRows.length > 0)
      context.moved.add(resolved.target.name);
    // What this sheet held last time, moved by this run's insertions and deletions as Sheets
    // moves names, formats and charts: what is the same is not set again.
    const written = create ? undefined : entry?.written;
    const moved = (a1: string) => movedRange(a1, resolved);
    const formats = written ? changedFormats(written, resolved, moved) : resolved.formats;
    const freezeSame =
      written !== undefined &&
      JSON.stringify(written.freeze ?? null) === JSON.stringify(resolved.freeze ?? null);
    // Charts are compared as recorded (BuyIn moves no rows of a sheet that holds its charts),
    // and looked for by title: one the user deleted is made again.
    const rowsMoved = resolved.insertRows.length > 0 || resolved.deleteRows.length > 0;
    const charts = new ChartList(sheet);
    const chartsSame =
      written !== undefined &&
      !rowsMoved &&
      JSON.stringify(written.charts) === JSON.stringify(resolved.charts) &&
      resolved.charts.every((chart) => charts.titled(chart.title).length > 0);
    // Rules likewise: the same rules as recorded, on rows that did not move, are left alone.
    const planned = resolved.conditionalFormats ?? [];
    const rulesSame =
      (written !== undefined &&
        !rowsMoved &&
        JSON.stringify(written.rules ?? []) === JSON.stringify(planned)) ||
      (planned.length === 0 && (resolved.removeConditionalFormats ?? []).length === 0);
    const namesToSet = resolved.names.filter(({ name, reference }) => {
      const recorded = written?.names[name];
      return recorded === undefined || moved(recorded) !== a1Of(reference) || context.names.missing(name);
    });

    const values = valueLayer(resolved);
    // While no rows of this sheet moved in this run, and none of a sheet its formulas name, its
    // cells are as they were read: what already holds the plan's content is left alone, and
    // holes take what was read.
    const asRead = state && !movedSince(state, resolved.target.name, context.moved) ? state : undefined;
    const valueRects = create ? values.bounds() : values.rectsToWrite(asRead);
    const styles = styleLayer(formats);
    const numberFormats = numberFormatLayer(formats);
    const validations = validationRuns(formats);
    // A new sheet's cells are all blank: one rectangle around the styled cells resets the rest.
    const styleRects = create ? styles.bounds() : styles.rects();
    const styleKeys = new Set(styles.values());
    // 2-D arrays cost three calls a rectangle; a RangeList per style (role and fill) one plus three setters.
    const stylesByRect = styleRects.length * 3 <= styleKeys.size * 4;
    const formatRects = numberFormats.rects();
    const formatValues = new Set(numberFormats.values());
    const numberFormatsByRect = formatRects.length <= formatValues.size * 2;
    const chartRanges = chartsSame
      ? []
      : resolved.charts.flatMap((chart) =>
          chart.series ? [chart.x, ...chart.series.map((each) => each.values)] : [chart.x, chart.y],
        );
    const ruleRanges = rulesSame ? [] : planned.map((format) => format.range);

    // Every Range this sheet needs, after the rows have moved: one getRange, or one RangeList.
    const wanted = [
      ...valueRects.map(rectA1),
      ...(stylesByRect ? styleRects.map(rectA1) : []),
      ...(numberFormatsByRect ? formatRects.map(rectA1) : []),
      ...validations.map((run) => run.range),
      ...namesToSet.map((name) => a1Of(name.reference)),
      ...chartRanges,
      ...ruleRanges,
    ];
    const ranges = rangesOf(sheet, wanted);

    for (const rect of valueRects) {
      const range = ranges.get(rectA1(rect)) as Range;
      const holes = values.hasHoles(rect);
      range.setValues(
        values.grid(rect, holes ? (asRead ? inputsAsRead(asRead, rect) : currentInputs(range)) : undefined),
      );
    }
    if (stylesByRect) {
      for (const rect of styleRects) {
        const range = ranges.get(rectA1(rect)) as Range;
        const style = (r: number, c: number) => {
          const at = styles.at(rect.row + r, rect.column + c);
          return at === undefined ? undefined : cellStyle(at);
        };
        range.setBackgrounds(fill(rect, (r, c) => style(r, c)?.fill ?? null));
        range.setFontColors(fill(rect, (r, c) => style(r, c)?.fontColor ?? null));
        range.setFontWeights(fill(rect, (r, c) => style(r, c)?.fontWeight ?? null));
      }
    } else {
      for (const key of styleKeys) {
        const style = cellStyle(key);
        const list = sheet.getRangeList(styles.rectsOf(key).map(rectA1));
        list.setBackground(style.fill);
        if (style.fontColor !== null) list.setFontColor(style.fontColor);
        if (style.fontWeight !== null) list.setFontWeight(style.fontWeight);
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
    for (const run of widthRuns(resolved, formats, state))
      sheet.setColumnWidths(run.start, run.count, run.width);
    for (const run of columnRuns(formats.filter((format) => format.hidden)))
      sheet.hideColumns(run.start, run.count);
    for (const run of columnRuns(formats.filter((format) => format.hidden === false)))
      sheet.showColumns(run.start, run.count);
    if (resolved.freeze && !freezeSame) {
      sheet.setFrozenRows(resolved.freeze.rows);
      // A new sheet has no frozen columns.
      if (resolved.freeze.columns > 0 || !create) sheet.setFrozenColumns(resolved.freeze.columns);
    }
    // resolved.print is not written: SpreadsheetApp has no page setup (Class Sheet has no print,
    // paper or fit-to-page method: https://developers.google.com/apps-script/reference/spreadsheet/sheet,
    // nor has @types/google-apps-script's Sheet). A Sheets user sets it in File ▸ Print.
    for (const { name, reference } of namesToSet) {
      const range = ranges.get(a1Of(reference)) as Range;
      const current = context.names.get(name);
      if (current) current.setRange(range);
      else {
        this.services.spreadsheet.setNamedRange(name, range);
        context.nameCount++;
      }
    }
    if (!chartsSame) this.applyCharts(sheet, charts, resolved, ranges, written?.charts);
    if (!rulesSame) this.applyRules(sheet, resolved, ranges, create);

    const record: Written = {
      names: Object.fromEntries(resolved.names.map(({ name, reference }) => [name, a1Of(reference)])),
      formats: resolved.formats,
      ...(resolved.freeze ? { freeze: resolved.freeze } : {}),
      charts: resolved.charts,
      ...(planned.length > 0 ? { rules: planned } : {}),
      // The state sheet is written last: every name of this run is set by then.
      ...(resolved.marker.kind === STATE_KIND ? { nameCount: context.nameCount } : {}),
    };
    // Fields in one order every run, so an unchanged marker is text-equal and not written again.
    const { sheetId, ...fields } = resolved.marker;
    const marker = JSON.stringify({
      ...fields,
      sheetId: sheetId ?? entry?.id ?? String(sheet.getSheetId()),
      [WRITTEN_FIELD]: record,
    });
    if (entry?.metadata) {
      if (marker !== entry.stored) entry.metadata.setValue(marker);
    } else sheet.addDeveloperMetadata(MARKER_KEY, marker);
    if (resolved.hidden && !entry?.hidden) sheet.hideSheet();
  }

  private cellReader(): (row: readonly unknown[]) => Cell[] {
    // The zone matters only to date cells: asked for once, when the first one is read.
    const withoutDates = cellReader("UTC");
    let reader: ((row: readonly unknown[]) => Cell[]) | undefined;
    return (row) => {
      if (!reader && row.some(isDate))
        reader = cellReader(this.services.spreadsheet.getSpreadsheetTimeZone());
      return (reader ?? withoutDates)(row);
    };
  }

  /**
   * Every sheet with its name, id and BuyIn marker, if it carries one. The markers are found
   * together, by key, whatever the number of sheets (Spreadsheet.createDeveloperMetadataFinder
   * "considers all metadata associated with the spreadsheet, sheets, rows, and columns":
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#createdevelopermetadatafinder),
   * three calls and one a marker; each marker records its sheet's id, so where it is costs
   * nothing unless two record the same id (a sheet copied with its marker) or the id is of no
   * sheet (the original deleted) or missing (an old marker): then its location is asked. Only
   * BuyIn hides sheets (its state sheet), so only that sheet's visibility is asked.
   */
  private readSheets(): SheetEntry<Range, Chart>[] {
    const spreadsheet = this.services.spreadsheet;
    const sheets = spreadsheet.getSheets().map((sheet) => ({ sheet, id: String(sheet.getSheetId()) }));
    const ids = new Set(sheets.map(({ id }) => id));
    const found = spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(MARKER_KEY)
      .find()
      .map((metadata) => {
        const stored = metadata.getValue() ?? "";
        return { metadata, stored, parsed: parseMarker(stored) };
      });
    const recorded = new Map<string, number>();
    for (const { parsed } of found) {
      const id = parsed?.marker.sheetId;
      if (id !== undefined) recorded.set(id, (recorded.get(id) ?? 0) + 1);
    }
    const bySheet = new Map<string, (typeof found)[number]>();
    for (const marker of found) {
      const id = marker.parsed?.marker.sheetId;
      const where =
        id !== undefined && ids.has(id) && recorded.get(id) === 1
          ? id
          : marker.metadata.getLocation().getSheet()?.getSheetId();
      if (where !== undefined && !bySheet.has(String(where))) bySheet.set(String(where), marker);
    }
    return sheets.map(({ sheet, id }) => {
      const marker = bySheet.get(id);
      const parsed = marker?.parsed;
      return {
        sheet,
        name: sheet.getName(),
        id,
        ...(marker ? { metadata: marker.metadata, stored: marker.stored } : {}),
        ...(parsed ? { marker: parsed.marker } : {}),
        ...(parsed?.written ? { written: parsed.written } : {}),
        hidden: parsed?.marker.kind === STATE_KIND ? sheet.isSheetHidden() : false,
      };
    });
  }

  /**
   * The workbook's names as core reads them: which exist, and where the anchor names point
   * ('Sheet'!A1, #REF! once its cell was deleted). Listing the names costs a call a name and
   * where one points three more, so when every plan's sheet records the names the port set
   * there last time (all the plan's names among them), and the workbook has as many names as
   * after the last write (none added or deleted since), the record says which exist and only
   * the anchors core reads for offsets (plans of blocks) are looked up, by name. Otherwise every
   * name is listed (which core needs to leave a user's name of BuyIn's spelling alone) and the
   * anchors' cells read.
   */
  private readNames(
    plans: readonly SheetPlan[],
    entries: readonly SheetEntry<Range, Chart>[],
    index: NameIndex<Range>,
  ): Record<string, string> {
    const sheetNames = new Map(entries.map((entry) => [entry.id, entry.name]));
    const where = (range: Range | null): string => {
      const sheet = range ? sheetNames.get(String(range.getGridId())) : undefined;
      return range && sheet !== undefined ? `${quoteSheet(sheet)}!${range.getA1Notation()}` : "#REF!";
    };
    const owners = entries.filter((entry) => entry.written && entry.marker?.sheetId === entry.id);
    const wanted = [
      ...plans.map((plan) => ({
        kind: plan.kind,
        names: [...(plan.names ?? []).map((name) => name.name), anchorName(plan.kind)],
        blocks: !plan.table,
      })),
      { kind: STATE_KIND, names: [anchorName(STATE_KIND)], blocks: false },
    ];
    const state = owners.find((entry) => entry.marker?.kind === STATE_KIND);
    const recorded =
      state?.written?.nameCount === index.count() &&
      wanted.every(({ kind, names }) => {
        const owner = owners.find((entry) => entry.marker?.kind === kind);
        return owner !== undefined && names.every((name) => owner.written?.names[name] !== undefined);
      });
    const names: Record<string, string> = {};
    if (recorded) {
      for (const owner of owners)
        for (const [name, a1] of Object.entries(owner.written?.names ?? {}))
          names[name] = `${quoteSheet(owner.name)}!${a1}`;
      for (const { kind } of wanted.filter((plan) => plan.blocks)) {
        const anchor = anchorName(kind);
        let range: Range | null = null;
        try {
          range = this.services.spreadsheet.getRangeByName(anchor);
        } catch {
          // A name whose cell was deleted: it points nowhere.
        }
        names[anchor] = where(range);
      }
      return names;
    }
    for (const { name, named } of index.all().values()) {
      let reference = "";
      if (name.toLowerCase().startsWith(ANCHOR_PREFIX)) {
        let range: Range | null = null;
        try {
          range = named.getRange();
        } catch {
          // A name whose cell was deleted: Sheets keeps it, pointing nowhere.
        }
        reference = where(range);
      }
      names[name] = reference;
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
   * Replaces exactly the charts core names (BuyIn's earlier ones, by the titles its marker
   * records) with the plan's: a chart of the same title and type is changed in place
   * (EmbeddedChart.modify, then Sheet.updateChart: fewer calls than removing and building it
   * again, and it keeps the chart's id), the others removed, new ones inserted. Charts are read
   * only when one is to go.
   *
   * A plan's `labels` (the map's names beside each point) are not drawn here: EmbeddedChartBuilder
   * takes ranges and Google Charts options (addRange, setOption;
   * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder), and
   * no option labels each point from a column. Only the Sheets API can (DataLabel type CUSTOM
   * with customLabelData, https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/charts#DataLabel),
   * and it needs a scope this add-on does not ask for (see the top of this file). In Sheets the
   * map sheet's 2×2 lists carry the names.
   */
  private applyCharts(
    sheet: SheetsSheet<Range, Chart>,
    charts: ChartList<Chart>,
    resolved: ResolvedSheet,
    ranges: ReadonlyMap<string, Range>,
    recorded: readonly ChartPlan[] | undefined,
  ): void {
    const existing = new Map<string, Chart>();
    const remove: Chart[] = [];
    for (const title of new Set(resolved.removeCharts)) {
      const [first, ...more] = charts.titled(title);
      if (first) existing.set(title, first);
      remove.push(...more);
    }
    // A chart changed in place keeps what it had: only what differs from its record is set.
    const reuse = new Map<ChartPlan, { chart: Chart; last: ChartPlan }>();
    for (const chart of resolved.charts) {
      const current = existing.get(chart.title);
      const last = recorded?.find((candidate) => candidate.title === chart.title);
      if (current && last?.type === chart.type) {
        reuse.set(chart, { chart: current, last });
        existing.delete(chart.title);
      }
    }
    for (const chart of [...remove, ...existing.values()]) sheet.removeChart(chart);
    for (const chart of resolved.charts) {
      const anchor = parseCell(chart.anchor);
      // A Sheets bar chart is horizontal: its categories (x) run down the vertical axis.
      const [horizontal, vertical] =
        chart.type === "bar" ? [chart.yTitle, chart.xTitle] : [chart.xTitle, chart.yTitle];
      const reused = reuse.get(chart);
      const last = reused?.last;
      const builder = reused
        ? reused.chart.modify().clearRanges()
        : sheet.newChart().setChartType(this.services.chartTypes[chart.type]).setNumHeaders(0);
      builder.addRange(ranges.get(chart.x) as Range);
      for (const values of chart.series ? chart.series.map((each) => each.values) : [chart.y])
        builder.addRange(ranges.get(values) as Range);
      // Series along rows (a KPI's periods): "If set to true, the rows and columns are switched"
      // (EmbeddedChartBuilder.setTransposeRowsAndColumns), so each range is a series.
      const alongRows = (a1: string) => parseRange(a1).rows === 1 && parseRange(a1).columns > 1;
      if (alongRows(chart.x) || (last !== undefined && alongRows(last.x)))
        builder.setTransposeRowsAndColumns(alongRows(chart.x));
      if (last?.anchor !== chart.anchor) builder.setPosition(anchor.row, anchor.column, 0, 0);
      if (last?.xTitle !== chart.xTitle || last?.yTitle !== chart.yTitle)
        builder.setOption("hAxis.title", horizontal).setOption("vAxis.title", vertical);
      if (!reused) builder.setOption("title", chart.title);
      const legend = chart.series ? { position: "bottom" } : { position: "none" };
      if (!reused || (last?.series === undefined) !== (chart.series === undefined))
        builder.setOption("legend", legend);
      // Each series' name in the legend (a chart option: series.N.labelInLegend), where it changed.
      if (
        chart.series &&
        JSON.stringify(last?.series?.map((each) => each.name)) !==
          JSON.stringify(chart.series.map((each) => each.name))
      )
        builder.setOption(
          "series",
          Object.fromEntries(chart.series.map((each, index) => [index, { labelInLegend: each.name }])),
        );
      const built = builder.build();
      if (reused) sheet.updateChart(built);
      else sheet.insertChart(built);
    }
  }

  /**
   * Replaces BuyIn's conditional format rules with the plan's, in one setConditionalFormatRules
   * ("Replaces all currently existing conditional format rules in the sheet with the input
   * rules. Rules are evaluated in their input order.",
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setconditionalformatrulesrules):
   * the rules read back are kept but BuyIn's (isBuyInsRule against the marker's record), and the
   * plan's go after them, so a rule of the user's on the same cells takes precedence.
   */
  private applyRules(
    sheet: SheetsSheet<Range, Chart>,
    resolved: ResolvedSheet,
    ranges: ReadonlyMap<string, Range>,
    create: boolean,
  ): void {
    const mine = resolved.removeConditionalFormats ?? [];
    const current = create ? [] : sheet.getConditionalFormatRules();
    const kept = mine.length === 0 ? current : current.filter((rule) => !this.isBuyIns(rule, mine));
    const added = (resolved.conditionalFormats ?? []).map(({ range, rule }) => {
      const style = TONE_STYLE[rule.tone];
      const builder = this.services.newConditionalFormatRule();
      const condition =
        rule.when === "equals"
          ? builder.whenTextEqualTo(String(rule.value))
          : builder.whenNumberLessThan(Number(rule.value));
      return condition
        .setBackground(style.fill)
        .setFontColor(style.fontColor)
        .setRanges([ranges.get(range) as Range])
        .build();
    });
    sheet.setConditionalFormatRules([...kept, ...added]);
  }

  /** Whether a rule read back is one of BuyIn's: its one range, condition and fill as recorded. */
  private isBuyIns(rule: SheetsConditionalRule<Range>, mine: readonly ResolvedConditionalFormat[]): boolean {
    const condition = rule.getBooleanCondition();
    if (!condition) return false;
    const type = condition.getCriteriaType();
    const { textEqualTo, numberLessThan } = this.services.booleanCriteria;
    if (type !== textEqualTo && type !== numberLessThan) return false;
    const fill = condition.getBackground()?.toLowerCase();
    const tone = (Object.keys(TONE_STYLE) as Tone[]).find(
      (each) => TONE_STYLE[each].fill.toLowerCase() === fill,
    );
    if (!tone) return false;
    const [value] = condition.getCriteriaValues();
    const ranges = rule.getRanges();
    const [only] = ranges;
    if (!only || ranges.length > 1) return false;
    const read: ConditionalRule =
      type === textEqualTo
        ? { when: "equals", value: String(value), tone }
        : { when: "below", value: Number(value), tone };
    return isBuyInsRule({ range: only.getA1Notation(), rule: read }, mine);
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
    newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
    booleanCriteria: {
      textEqualTo: SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO,
      numberLessThan: SpreadsheetApp.BooleanCriteria.NUMBER_LESS_THAN,
    },
    flush: () => SpreadsheetApp.flush(),
  });
}

/**
 * The marker stored on a sheet, whole: it is core's to define, and every field must come back to
 * the resolver (the input fingerprints keep the user's changed settings); the port's own record
 * (`written`) is taken out. A marker BuyIn cannot read does not make the sheet BuyIn's.
 */
function parseMarker(text: string | null): { marker: SheetMarker; written?: Written } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { [WRITTEN_FIELD]: written, ...marker } = parsed as Record<string, unknown>;
  const { kind, blocks, inputs } = marker;
  const isText = (value: unknown) => typeof value === "string";
  if (typeof kind !== "string") return undefined;
  if (blocks !== undefined && !(Array.isArray(blocks) && blocks.every(isText))) return undefined;
  if (
    inputs !== undefined &&
    (typeof inputs !== "object" || inputs === null || !Object.values(inputs).every(isText))
  )
    return undefined;
  return { marker: marker as unknown as SheetMarker, ...(isWritten(written) ? { written } : {}) };
}

/** A record the port can use; anything else is ignored (everything is then written again). */
function isWritten(value: unknown): value is Written {
  if (typeof value !== "object" || value === null) return false;
  const { names, formats, charts } = value as Record<string, unknown>;
  return (
    typeof names === "object" &&
    names !== null &&
    Object.values(names).every((a1) => typeof a1 === "string") &&
    Array.isArray(formats) &&
    Array.isArray(charts)
  );
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
  withFormulas: boolean,
): SheetState {
  const range = sheet.getDataRange();
  const values = range.getValues().map(read);
  return {
    values,
    // BuyIn's state sheet holds only the text BuyIn wrote there: its formulas are not asked.
    formulas: withFormulas
      ? range.getFormulas().map((row) => row.map((formula) => formula || null))
      : values.map((row) => row.map(() => null)),
  };
}

function isDate(value: unknown): boolean {
  // Tag check rather than instanceof: Apps Script's Date may not be this realm's.
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Clears what BuyIn no longer writes, inserts the rows core puts back (a deleted header row),
 * sizes the grid and deletes retired rows. Clearing comes first because the marker's ranges are
 * where the blocks are now, before rows move; it is clipped to the cells read (beyond them
 * every cell is blank already). Rows are added at the bottom before deleting, because Sheets
 * refuses to delete every unfrozen row and to address cells beyond the grid. The grid's size is
 * asked only when what was read does not show it is large enough; a new sheet has Sheets'
 * 1000 × 26. Retired runs go bottom-most first (core orders them), so each run's row numbers
 * still hold when it is deleted: one deleteRows a run.
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
  state: SheetState | undefined,
): void {
  const needed = extent(resolved);
  if (resolved.target.create) {
    // Sized once, to the plan and some spare rows, whatever its size: the same calls for 10 rows or 10,000.
    sheet.insertRowsAfter(NEW_SHEET_ROWS, Math.max(0, needed.rows - NEW_SHEET_ROWS) + SPARE_ROWS);
    if (needed.columns > NEW_SHEET_COLUMNS)
      sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, needed.columns - NEW_SHEET_COLUMNS);
    return;
  }
  const readRows = state?.values.length ?? 0;
  const readColumns = Math.max(0, ...(state?.values.map((row) => row.length) ?? []));
  const stale = resolved.clear.flatMap((range) => clip(range, readRows, readColumns) ?? []);
  if (stale.length > 0) sheet.getRangeList(stale).clearContent();
  // Sheets moves references and names with inserted rows, as a user's insertion would.
  for (const { at, count } of resolved.insertRows) sheet.insertRowsBefore(at, count);
  const inserted = resolved.insertRows.reduce((sum, run) => sum + run.count, 0);
  const deleted = resolved.deleteRows.reduce((sum, run) => sum + run.count, 0);
  // Frozen rows matter only to a deletion (Sheets keeps one unfrozen row): read them only then.
  const frozenRows = deleted > 0 ? sheet.getFrozenRows() : 0;
  const rowsNeeded = Math.max(needed.rows, frozenRows + 1);
  if (rowsNeeded > readRows + inserted - deleted) {
    const rows = sheet.getMaxRows();
    if (rowsNeeded > rows - deleted) sheet.insertRowsAfter(rows, rowsNeeded - (rows - deleted));
  }
  for (const { start, count } of resolved.deleteRows) sheet.deleteRows(start, count);
  if (needed.columns > readColumns) {
    const columns = sheet.getMaxColumns();
    if (needed.columns > columns) sheet.insertColumnsAfter(columns, needed.columns - columns);
  }
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
  protected readonly columns = new Map<number, (T | undefined)[]>();

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

  set(row: number, column: number, value: T): void {
    let cells = this.columns.get(column);
    if (!cells) {
      cells = [];
      this.columns.set(column, cells);
    }
    cells[row] = value;
  }

  at(row: number, column: number): T | undefined {
    return this.columns.get(column)?.[row];
  }

  /** The one rectangle around every cell painted (none when nothing is). */
  bounds(): Rect[] {
    let [top, left, bottom, right] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, 0];
    for (const [column, cells] of this.columns)
      for (let row = 1; row < cells.length; row++)
        if (cells[row] !== undefined) {
          top = Math.min(top, row);
          bottom = Math.max(bottom, row);
          left = Math.min(left, column);
          right = Math.max(right, column);
        }
    return bottom === 0
      ? []
      : [{ row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 }];
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

  /**
   * The rectangles to write, never one of holes only; none when, given the cells as read, every
   * cell already holds the plan's content. Writing only the cells that changed would cost calls
   * by how they fall, which the data decides; all or nothing keeps the count to the plan's shape.
   */
  rectsToWrite(asRead: SheetState | undefined): Rect[] {
    const all = this.rects().filter((rect) => this.writesAny(rect));
    if (!asRead) return all;
    for (const [column, cells] of this.columns)
      for (let row = 1; row < cells.length; row++) {
        const cell = cells[row];
        if (cell !== null && cell !== undefined && cell !== inputAsRead(asRead, row, column)) return all;
      }
    return [];
  }

  /**
   * The rectangle's cells as setValues takes them: each hole filled with the cell's content now,
   * and a cell the plan does not cover (inside a new sheet's one rectangle) left blank.
   */
  grid(rect: Rect, current: readonly (readonly unknown[])[] | undefined): unknown[][] {
    return fill(rect, (r, c) => {
      const cell = this.at(rect.row + r, rect.column + c);
      return cell === null || cell === undefined ? (current?.[r]?.[c] ?? "") : cell;
    });
  }

  private writesAny(rect: Rect): boolean {
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.columns; c++) if (this.at(rect.row + r, rect.column + c) !== null) return true;
    return false;
  }
}

/** Whether rows moved in this sheet, or in a sheet one of its formulas names, since it was read. */
function movedSince(state: SheetState, name: string, moved: ReadonlySet<string>): boolean {
  if (moved.size === 0) return false;
  if (moved.has(name)) return true;
  const names = [...moved].map((sheet) => sheet.toLowerCase());
  return state.formulas.some((row) =>
    row.some((formula) => formula !== null && names.some((sheet) => formula.toLowerCase().includes(sheet))),
  );
}

/** A cell as read, in the form BuyIn writes it (a formula, text escaped as BuyIn escapes it, a value, "" for a blank). */
function inputAsRead(state: SheetState, row: number, column: number): HostInput {
  const formula = state.formulas[row - 1]?.[column - 1];
  if (formula) return formula;
  const value = state.values[row - 1]?.[column - 1] ?? null;
  if (value === null) return "";
  return typeof value === "string" ? textInput(value) : value;
}

/** A rectangle's cells as read, as setValues takes them back unchanged. */
function inputsAsRead(state: SheetState, rect: Rect): HostInput[][] {
  return fill(rect, (r, c) => inputAsRead(state, rect.row + r, rect.column + c));
}

/**
 * Where Sheets moves a range of this sheet when the sheet's `insertRows` and then `deleteRows`
 * are made, as a user's insertion or deletion moves it (a range grows by rows inserted inside
 * it and loses deleted ones); undefined once every row of it is deleted.
 */
function movedRange(a1: string, moves: RowMoves): string | undefined {
  const range = parseRange(a1);
  let first = range.row;
  let last = range.row + range.rows - 1;
  for (const { at, count } of moves.insertRows) {
    if (first >= at) first += count;
    if (last >= at) last += count;
  }
  for (const { start, count } of moves.deleteRows) {
    const end = start + count - 1;
    const top = first < start ? first : first > end ? first - count : start;
    const bottom = last < start ? last : last > end ? last - count : start - 1;
    if (bottom < top) return undefined;
    [first, last] = [top, bottom];
  }
  return rangeA1(first, range.column, last - first + 1, range.columns);
}

/**
 * The formats to set: none when every one was recorded last time where it now is (moved by this
 * run's rows), else all of them. Setting only the changed ones would cost calls by how many
 * changed, which a sheet's size decides (a short map's lists move, a long one's are capped).
 */
function changedFormats(
  written: Written,
  resolved: ResolvedSheet,
  moved: (a1: string) => string | undefined,
): readonly Format[] {
  const before = new Set(
    written.formats.map((format) => {
      const range = moved(format.range);
      return range === undefined ? "" : JSON.stringify({ ...format, range });
    }),
  );
  const same =
    written.formats.length === resolved.formats.length &&
    resolved.formats.every((format) => before.has(JSON.stringify(format)));
  return same ? [] : resolved.formats;
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

/** A cell's style as a key, its role and its own fill ("output|#FDE7E9"), so equal styles share a RangeList. */
function styleLayer(formats: readonly Format[]): Layer<string> {
  const layer = new Layer<string>();
  for (const { range, role, fill } of formats)
    if (role || fill) layer.paint(parseRange(range), () => `${role ?? ""}|${fill ?? ""}`);
  return layer;
}

/**
 * What a style key sets: the block's fill, else its role's (null clears it); the role's font
 * colour and weight, none without a role.
 */
function cellStyle(key: string): {
  fill: string | null;
  fontColor: string | null;
  fontWeight: "bold" | "normal" | null;
} {
  const [role, ownFill] = key.split("|") as [CellRole | "", string];
  const style = role ? ROLE_STYLE[role] : undefined;
  return {
    fill: ownFill || style?.fill || null,
    fontColor: style?.fontColor ?? null,
    fontWeight: style ? (style.bold ? "bold" : "normal") : null,
  };
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
  formats: readonly Format[],
  state: SheetState | undefined,
): { start: number; count: number; width: number }[] {
  const widths = new Map<number, number>();
  for (const { range, width } of formats) {
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

/**
 * Every range a sheet needs, by its A1 notation: one getRange for one, else one RangeList (two
 * calls whatever the count).
 */
function rangesOf<Range>(
  sheet: {
    getRange(row: number, column: number, numRows: number, numColumns: number): Range;
    getRangeList(a1Notations: string[]): { getRanges(): Range[] };
  },
  a1Notations: readonly string[],
): Map<string, Range> {
  const unique = [...new Set(a1Notations)];
  const ranges = new Map<string, Range>();
  if (unique.length === 1) {
    const a1 = unique[0] as string;
    const { row, column, rows, columns } = parseRange(a1);
    ranges.set(a1, sheet.getRange(row, column, rows, columns));
  } else if (unique.length > 1) {
    const found = sheet.getRangeList(unique).getRanges();
    for (const [index, a1] of unique.entries()) ranges.set(a1, found[index] as Range);
  }
  return ranges;
}

/** A name's reference ('Sheet'!$B$2:$B$9) as an A1 range on its sheet (B2:B9). */
function a1Of(reference: string): string {
  return reference.slice(reference.lastIndexOf("!") + 1).replaceAll("$", "");
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

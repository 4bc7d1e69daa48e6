/**
 * An in-memory fake of the SpreadsheetApp, LockService and Charts surface SheetsWorkbook uses,
 * faithful where the port depends on it:
 * - setValues parses strings as Sheets does when a user types them: "=…" is a formula (stored
 *   uncomputed: getValues shows "" for it), a leading "'" keeps the rest as text, numeric text
 *   becomes a number, TRUE/FALSE booleans, a leading "+" or "-" before non-numeric text a
 *   formula, yyyy-mm-dd a date; "" clears;
 * - getValues returns "" for blanks and a Date for a date cell (one holding a Date, or a number
 *   under a date number format); getFormulas returns "" for cells without a formula;
 * - the grid has a size (1000 × 26 for a new sheet): ranges beyond it throw, deleteRows shifts
 *   rows up and refuses to delete every unfrozen row, getDataRange spans A1 to the last used cell;
 * - sheet names are unique regardless of case; every sheet has a numeric id that a rename keeps;
 * - inserting and deleting rows or columns (by the port or by a user) shifts every formula's
 *   references to the moved cells, in every sheet, and every named range: a reference into a
 *   deleted row becomes #REF!, a range loses the deleted rows, a range grows by rows inserted
 *   inside it (Sheets help, "Add & delete rows, columns & cells": references adjust;
 *   https://support.google.com/docs/answer/54813). Charts do not move (the port re-points them);
 * - developer metadata sits on its sheet (a duplicated sheet's copy on the copy), found by key
 *   across the spreadsheet by a DeveloperMetadataFinder; a chart is changed in place through
 *   modify() and updateChart; getRangeByName gives null for a name that is missing or #REF!.
 * What users do between two writes is here as test helpers (`insertRowsBefore`, `deleteRows`,
 * `insertColumnsBefore`, `deleteColumns`, `sortRange`, `duplicateSheet`, `deleteSheet`,
 * `pasteValues`, `type` …), uncounted.
 *
 * Every method called through the services object is counted, builders and the objects they
 * return included (a DataValidationBuilder step, a NamedRange's getName): the port gets proxies
 * that record `Type.method` in a CallLog; tests inspect the raw objects, which count nothing.
 */

import type {
  SheetsChart,
  SheetsChartBuilder,
  SheetsLock,
  SheetsMetadata,
  SheetsNamedRange,
  SheetsRange,
  SheetsRangeList,
  SheetsServices,
  SheetsSheet,
  SheetsSpreadsheet,
  SheetsValidationBuilder,
} from "../../apps-script/sheets-workbook";
import { columnLetter, columnNumber, parseRange, rangeA1 } from "../../core/index";

export class CallLog {
  calls = 0;
  readonly byMethod = new Map<string, number>();
  /** Every call in order, as "Type.method". */
  readonly sequence: string[] = [];
  private readonly failures = new Map<string, Error>();

  record(method: string): void {
    this.calls++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    this.sequence.push(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  /** Makes the next call of `method` ("Range.setValues") throw `error`. */
  failNext(method: string, error: Error): void {
    this.failures.set(method, error);
  }

  reset(): void {
    this.calls = 0;
    this.byMethod.clear();
    this.sequence.length = 0;
  }
}

/** Base of every fake service object: what its calls are counted as, and where. */
abstract class Service {
  constructor(
    readonly log: CallLog,
    readonly serviceName: string,
  ) {}
}

export type FakeServices = SheetsServices<FakeRange, FakeValidation, FakeChart>;

const unwrapped = new WeakMap<object, object>();

function unwrap(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (unwrapped.get(value) ?? value) : value;
}

/** Wraps a service object so every method called on it is counted; fake objects it returns are wrapped too. */
function expose<T extends Service>(target: T): T {
  const proxy = new Proxy(target, {
    get(object, property) {
      const member: unknown = Reflect.get(object, property, object);
      if (typeof member !== "function" || typeof property === "symbol") return member;
      return (...args: unknown[]) => {
        object.log.record(`${object.serviceName}.${property}`);
        const result: unknown = member.apply(object, args.map(unwrap));
        return result === object ? proxy : exposeResult(result);
      };
    },
  });
  unwrapped.set(proxy, target);
  return proxy;
}

function exposeResult(value: unknown): unknown {
  if (value instanceof Service) return expose(value);
  if (Array.isArray(value)) return value.map(exposeResult);
  return value;
}

/** What a cell holds. A formula cell holds its formula and no computed value. */
export type Stored = string | number | boolean | Date | null;

export interface FakeCell {
  value: Stored;
  formula: string | null;
  numberFormat?: string;
  background?: string | null;
  fontColor?: string | null;
  fontWeight?: "bold" | "normal" | null;
  validation?: FakeValidation;
}

// A number needs digits before its exponent: "E-002" (an evaluation chain's key) stays text in Sheets.
const NUMERIC = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?%?$/i;

/** A value handed to setValues, stored as Sheets stores what a user types. */
export function parseInput(input: unknown): Pick<FakeCell, "value" | "formula"> {
  if (input instanceof Date) return { value: new Date(input.getTime()), formula: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  if (input === null || input === undefined) return { value: null, formula: null };
  const text = String(input);
  if (text === "") return { value: null, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith("=")) return { value: null, formula: text };
  if (/\d/.test(text) && NUMERIC.test(text.trim())) {
    const body = text.trim().replaceAll(",", "");
    const percent = body.endsWith("%");
    return { value: Number(percent ? body.slice(0, -1) : body) / (percent ? 100 : 1), formula: null };
  }
  if (/^(?:true|false)$/i.test(text.trim()))
    return { value: text.trim().toLowerCase() === "true", formula: null };
  if (text.startsWith("+") || text.startsWith("-")) return { value: null, formula: `=${text}` };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (date) return { value: new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])), formula: null };
  return { value: text, formula: null };
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Milliseconds by which a zone's wall clock is ahead of UTC at an instant (whole seconds). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The Date Sheets hands a script for a date cell: the instant at which the spreadsheet's zone
 * shows the serial's date and time.
 */
function serialToDate(serial: number, timeZone: string): Date {
  const wall = SERIAL_EPOCH_UTC + Math.round(serial * 86_400_000);
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

/** Whether a number format shows a date or time (quoted text and [..] sections aside). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ydhs]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
}

function outsideGrid(): Error {
  return new Error("The coordinates of the range are outside the dimensions of the sheet.");
}

export class FakeRange extends Service implements SheetsRange<FakeValidation> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    super(sheet.log, "Range");
    if (row < 1 || column < 1 || rows < 1 || columns < 1) throw outsideGrid();
    if (row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) throw outsideGrid();
  }

  getValues(): (string | number | boolean | Date)[][] {
    return this.map((cell) => {
      if (!cell || cell.formula !== null || cell.value === null) return "";
      if (cell.value instanceof Date) return new Date(cell.value.getTime());
      if (typeof cell.value === "number" && isDateFormat(cell.numberFormat))
        return serialToDate(cell.value, this.sheet.book.timeZone);
      return cell.value;
    });
  }

  getFormulas(): string[][] {
    return this.map((cell) => cell?.formula ?? "");
  }

  setValues(values: readonly (readonly unknown[])[]): this {
    if (values.length !== this.rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.rows}.`,
      );
    for (const [r, row] of values.entries()) {
      if (row.length !== this.columns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.columns}.`,
        );
      for (const [c, input] of row.entries())
        Object.assign(this.sheet.cellAt(this.row + r, this.column + c), parseInput(input));
    }
    return this;
  }

  clearContent(): this {
    this.update({ value: null, formula: null });
    return this;
  }

  setDataValidation(rule: FakeValidation | null): this {
    this.update({ validation: rule ?? undefined });
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    this.update({ numberFormat });
    return this;
  }

  setNumberFormats(numberFormats: readonly (readonly string[])[]): this {
    return this.updateEach(numberFormats, (numberFormat) => ({ numberFormat }));
  }

  setBackground(color: string | null): this {
    this.update({ background: color });
    return this;
  }

  setBackgrounds(colors: readonly (readonly (string | null)[])[]): this {
    return this.updateEach(colors, (background) => ({ background }));
  }

  setFontColors(colors: readonly (readonly (string | null)[])[]): this {
    return this.updateEach(colors, (fontColor) => ({ fontColor }));
  }

  setFontWeights(fontWeights: readonly (readonly ("bold" | "normal" | null)[])[]): this {
    return this.updateEach(fontWeights, (fontWeight) => ({ fontWeight }));
  }

  setFontColor(color: string | null): this {
    this.update({ fontColor: color });
    return this;
  }

  setFontWeight(fontWeight: "bold" | "normal" | null): this {
    this.update({ fontWeight });
    return this;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  getA1Notation(): string {
    return rangeA1(this.row, this.column, this.rows, this.columns);
  }

  /** The id of the range's sheet (Range.getGridId: "the grid ID of the range's parent sheet"). */
  getGridId(): number {
    return this.sheet.id;
  }

  private map<T>(read: (cell: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => read(this.sheet.peek(this.row + r, this.column + c))),
    );
  }

  /** A 2-D setter: the grid must match the range, as setValues requires. */
  private updateEach<T>(grid: readonly (readonly T[])[], change: (value: T) => Partial<FakeCell>): this {
    if (grid.length !== this.rows || grid.some((row) => row.length !== this.columns))
      throw new Error("The number of rows or columns in the data does not match the range.");
    for (const [r, row] of grid.entries())
      for (const [c, value] of row.entries())
        Object.assign(this.sheet.cellAt(this.row + r, this.column + c), change(value));
    return this;
  }

  private update(change: Partial<FakeCell>): void {
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.columns; c++)
        Object.assign(this.sheet.cellAt(this.row + r, this.column + c), change);
  }
}

export class FakeRangeList extends Service implements SheetsRangeList<FakeRange> {
  constructor(
    log: CallLog,
    readonly ranges: readonly FakeRange[],
  ) {
    super(log, "RangeList");
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  clearContent(): this {
    for (const range of this.ranges) range.clearContent();
    return this;
  }

  setBackground(color: string | null): this {
    for (const range of this.ranges) range.setBackground(color);
    return this;
  }

  setFontColor(color: string | null): this {
    for (const range of this.ranges) range.setFontColor(color);
    return this;
  }

  setFontWeight(fontWeight: "bold" | "normal" | null): this {
    for (const range of this.ranges) range.setFontWeight(fontWeight);
    return this;
  }

  setNumberFormat(numberFormat: string): this {
    for (const range of this.ranges) range.setNumberFormat(numberFormat);
    return this;
  }
}

export class FakeMetadata extends Service implements SheetsMetadata {
  constructor(
    log: CallLog,
    readonly key: string,
    public value: string | null,
    /** The sheet it is on (sheet-level metadata, the only kind the port writes). */
    readonly sheet: FakeSheet,
  ) {
    super(log, "DeveloperMetadata");
  }

  getLocation(): FakeMetadataLocation {
    return new FakeMetadataLocation(this.log, this.sheet);
  }

  getValue(): string | null {
    return this.value;
  }

  setValue(value: string): this {
    this.value = value;
    return this;
  }
}

export class FakeMetadataLocation extends Service {
  constructor(
    log: CallLog,
    private readonly sheet: FakeSheet,
  ) {
    super(log, "DeveloperMetadataLocation");
  }

  /** DeveloperMetadataLocation.getSheet: the sheet of a SHEET location. */
  getSheet(): FakeSheet {
    return this.sheet;
  }
}

/**
 * Spreadsheet.createDeveloperMetadataFinder(): every developer metadata of the spreadsheet's
 * sheets, narrowed by key, in sheet order
 * (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder).
 */
export class FakeMetadataFinder extends Service {
  private key: string | undefined;

  constructor(
    log: CallLog,
    private readonly book: FakeSpreadsheet,
  ) {
    super(log, "DeveloperMetadataFinder");
  }

  withKey(key: string): this {
    this.key = key;
    return this;
  }

  find(): FakeMetadata[] {
    return this.book.sheets.flatMap((sheet) =>
      sheet.metadata.filter((metadata) => this.key === undefined || metadata.key === this.key),
    );
  }
}

export class FakeValidation extends Service {
  constructor(
    log: CallLog,
    readonly criteria: string,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    super(log, "DataValidation");
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
}

export class FakeValidationBuilder extends Service implements SheetsValidationBuilder<FakeValidation> {
  private criteria = "";
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = "";

  constructor(log: CallLog) {
    super(log, "DataValidationBuilder");
  }

  requireValueInList(values: string[], showDropdown: boolean): this {
    return this.require("VALUE_IN_LIST", [[...values], showDropdown]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.require("NUMBER_BETWEEN", [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.require("CUSTOM_FORMULA", [formula]);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }

  build(): FakeValidation {
    if (!this.criteria) throw new Error("You must specify a criteria for the data validation rule.");
    return new FakeValidation(this.log, this.criteria, this.values, this.allowInvalid, this.helpText);
  }

  private require(criteria: string, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
}

export class FakeChartOptions extends Service {
  constructor(
    log: CallLog,
    private readonly options: ReadonlyMap<string, unknown>,
  ) {
    super(log, "ChartOptions");
  }

  get(option: string): unknown {
    return this.options.get(option) ?? null;
  }
}

export class FakeChart extends Service implements SheetsChart<FakeRange, FakeChart> {
  constructor(
    log: CallLog,
    readonly chartType: GoogleAppsScript.Charts.ChartType,
    readonly ranges: readonly string[],
    readonly numHeaders: number,
    readonly position: readonly [row: number, column: number],
    readonly options: ReadonlyMap<string, unknown>,
    /** The chart this one was built from by modify(): updateChart puts it in that chart's place. */
    readonly modifies?: FakeChart,
    /** Whether its rows and columns are switched: each range a series along its row. */
    readonly transposed = false,
  ) {
    super(log, "EmbeddedChart");
  }

  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.log, this.options);
  }

  /**
   * EmbeddedChart.modify: "Returns an EmbeddedChartBuilder that can be used to modify this chart.
   * Invoke sheet.updateChart(chart) to save changes." The builder starts from the chart as it is
   * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#modify).
   */
  modify(): FakeChartBuilder {
    return new FakeChartBuilder(this.log, this);
  }
}

export class FakeChartBuilder extends Service implements SheetsChartBuilder<FakeRange, FakeChart> {
  private chartType?: GoogleAppsScript.Charts.ChartType;
  private readonly ranges: string[] = [];
  private numHeaders = -1;
  private position: [number, number] = [1, 1];
  private readonly options = new Map<string, unknown>();
  private transposed = false;

  constructor(
    log: CallLog,
    private readonly source?: FakeChart,
  ) {
    super(log, "EmbeddedChartBuilder");
    if (source) {
      this.transposed = source.transposed;
      this.chartType = source.chartType;
      this.ranges.push(...source.ranges);
      this.numHeaders = source.numHeaders;
      this.position = [...source.position];
      for (const [option, value] of source.options) this.options.set(option, value);
    }
  }

  clearRanges(): this {
    this.ranges.length = 0;
    return this;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.chartType = type;
    return this;
  }

  addRange(range: FakeRange): this {
    this.ranges.push(range.getA1Notation());
    return this;
  }

  setNumHeaders(headers: number): this {
    this.numHeaders = headers;
    return this;
  }

  setPosition(anchorRow: number, anchorColumn: number, _offsetX: number, _offsetY: number): this {
    this.position = [anchorRow, anchorColumn];
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.options.set(option, value);
    return this;
  }

  /** "Sets whether the chart's rows and columns are transposed. If set to true, the rows and columns are switched." */
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.transposed = transpose;
    return this;
  }

  build(): FakeChart {
    if (this.chartType === undefined) throw new Error("Chart type is not set.");
    return new FakeChart(
      this.log,
      this.chartType,
      [...this.ranges],
      this.numHeaders,
      this.position,
      new Map(this.options),
      this.source,
      this.transposed,
    );
  }
}

/**
 * BooleanCondition as read back from a rule
 * (https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition): its
 * criteria type (a SpreadsheetApp.BooleanCriteria member; here the member's name), its values,
 * and the colours it sets, or null.
 */
export class FakeBooleanCondition extends Service {
  constructor(
    log: CallLog,
    readonly criteriaType: string,
    readonly values: readonly unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
  ) {
    super(log, "BooleanCondition");
  }

  getCriteriaType(): string {
    return this.criteriaType;
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getBackground(): string | null {
    return this.background;
  }

  getFontColor(): string | null {
    return this.fontColor;
  }
}

/** SpreadsheetApp.BooleanCriteria members the port compares against, as the fake names them. */
export const BOOLEAN_CRITERIA = { textEqualTo: "TEXT_EQUAL_TO", numberLessThan: "NUMBER_LESS_THAN" } as const;

/**
 * A ConditionalFormatRule (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule):
 * its ranges (kept on the sheet, they move with rows and columns as named ranges do: Sheets
 * adjusts a rule's "Apply to range" when rows are inserted or deleted inside it) and its boolean
 * condition, or null for a colour-scale rule. getRanges hands out copies.
 */
export class FakeConditionalRule extends Service {
  constructor(
    log: CallLog,
    public ranges: FakeRange[],
    readonly condition: FakeBooleanCondition | null,
  ) {
    super(log, "ConditionalFormatRule");
  }

  getRanges(): FakeRange[] {
    return this.ranges.map(
      (range) => new FakeRange(range.sheet, range.row, range.column, range.rows, range.columns),
    );
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    return this.condition;
  }
}

/**
 * SpreadsheetApp.newConditionalFormatRule()
 * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder):
 * the steps the port takes; build() needs a condition and at least one range, as Sheets refuses
 * a rule without ranges when it is set on a sheet.
 */
export class FakeConditionalRuleBuilder extends Service {
  private criteria?: { type: string; values: unknown[] };
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  constructor(log: CallLog) {
    super(log, "ConditionalFormatRuleBuilder");
  }

  whenTextEqualTo(text: string): this {
    this.criteria = { type: BOOLEAN_CRITERIA.textEqualTo, values: [text] };
    return this;
  }

  whenNumberLessThan(number: number): this {
    this.criteria = { type: BOOLEAN_CRITERIA.numberLessThan, values: [number] };
    return this;
  }

  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }

  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }

  setRanges(ranges: FakeRange[]): this {
    this.ranges = [...ranges];
    return this;
  }

  build(): FakeConditionalRule {
    if (!this.criteria) throw new Error("Conditional format rule needs a condition.");
    if (this.ranges.length === 0) throw new Error("Conditional format rule must have at least one range.");
    const { type, values } = this.criteria;
    return new FakeConditionalRule(
      this.log,
      this.ranges,
      new FakeBooleanCondition(this.log, type, values, this.background, this.fontColor),
    );
  }
}

export class FakeSheet extends Service implements SheetsSheet<FakeRange, FakeChart> {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  /** Rows of cells, sparse: a missing row or cell is blank. */
  readonly grid: (FakeCell | undefined)[][] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly metadata: FakeMetadata[] = [];
  readonly charts: FakeChart[] = [];
  /** Conditional format rules in the order they are evaluated, the first taking precedence. */
  conditionalRules: FakeConditionalRule[] = [];
  hidden = false;

  constructor(
    log: CallLog,
    public name: string,
    readonly book: FakeSpreadsheet,
    readonly id: number,
  ) {
    super(log, "Sheet");
  }

  getName(): string {
    return this.name;
  }

  getSheetId(): number {
    return this.id;
  }

  hideSheet(): this {
    this.hidden = true;
    return this;
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  /** The named ranges whose range is on this sheet (Sheet.getNamedRanges). */
  getNamedRanges(): FakeNamedRange[] {
    this.book.settle();
    return this.book.namedRanges.filter((named) => named.range?.sheet === this);
  }

  addDeveloperMetadata(key: string, value: string): this {
    this.metadata.push(new FakeMetadata(this.log, key, value, this));
    return this;
  }

  getDataRange(): FakeRange {
    let rows = 0;
    let columns = 0;
    for (const [r, row] of this.grid.entries()) {
      for (const [c, cell] of row.entries()) {
        if (cell && (cell.value !== null || cell.formula !== null)) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      }
    }
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }

  getRange(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this, row, column, rows, columns);
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(
      this.log,
      a1Notations.map((a1) => {
        const range = parseRange(a1);
        return new FakeRange(this, range.row, range.column, range.rows, range.columns);
      }),
    );
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insertRowsBefore(afterPosition + 1, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this.maxRows + 1 || howMany < 1)
      throw new Error("Those rows are out of bounds.");
    if (beforePosition <= this.grid.length)
      this.grid.splice(beforePosition - 1, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    this.book.shiftReferences(this, "rows", beforePosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insertColumnsBefore(afterPosition + 1, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    if (beforePosition < 1 || beforePosition > this.maxColumns + 1 || howMany < 1)
      throw new Error("Those columns are out of bounds.");
    for (const row of this.grid)
      if (beforePosition <= row.length) row.splice(beforePosition - 1, 0, ...new Array<undefined>(howMany));
    this.moveColumnProperties((column) => (column >= beforePosition ? column + howMany : column));
    this.maxColumns += howMany;
    this.book.shiftReferences(this, "columns", beforePosition, howMany);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows)
      throw new Error("Those rows are out of bounds.");
    if (this.maxRows - howMany <= this.frozenRows)
      throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    this.grid.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.book.shiftReferences(this, "rows", rowPosition, -howMany);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns)
      throw new Error("Those columns are out of bounds.");
    if (this.maxColumns - howMany <= this.frozenColumns)
      throw new Error("Sorry, it is not possible to delete all non-frozen columns.");
    for (const row of this.grid) row.splice(columnPosition - 1, howMany);
    const last = columnPosition + howMany - 1;
    for (const column of [...this.columnWidths.keys(), ...this.hiddenColumns])
      if (column >= columnPosition && column <= last) {
        this.columnWidths.delete(column);
        this.hiddenColumns.delete(column);
      }
    this.moveColumnProperties((column) => (column > last ? column - howMany : column));
    this.maxColumns -= howMany;
    this.book.shiftReferences(this, "columns", columnPosition, -howMany);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.checkColumns(startColumn, numColumns);
    for (let column = startColumn; column < startColumn + numColumns; column++)
      this.columnWidths.set(column, width);
    return this;
  }

  hideColumns(columnIndex: number, numColumns: number): void {
    this.checkColumns(columnIndex, numColumns);
    for (let column = columnIndex; column < columnIndex + numColumns; column++)
      this.hiddenColumns.add(column);
  }

  showColumns(columnIndex: number, numColumns: number): void {
    this.checkColumns(columnIndex, numColumns);
    for (let column = columnIndex; column < columnIndex + numColumns; column++)
      this.hiddenColumns.delete(column);
  }

  setFrozenRows(rows: number): void {
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (columns >= this.maxColumns) throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenColumns = columns;
  }

  getCharts(): FakeChart[] {
    return [...this.charts];
  }

  /** Sheet.getConditionalFormatRules: "Get all conditional format rules in this sheet." */
  getConditionalFormatRules(): FakeConditionalRule[] {
    this.book.settle();
    return [...this.conditionalRules];
  }

  /**
   * Sheet.setConditionalFormatRules: "Replaces all currently existing conditional format rules in
   * the sheet with the input rules. Rules are evaluated in their input order."
   */
  setConditionalFormatRules(rules: FakeConditionalRule[]): void {
    this.book.settle();
    for (const rule of rules)
      if (rule.ranges.some((range) => range.sheet !== this))
        throw new Error("A conditional format rule cannot reference a different sheet.");
    this.conditionalRules = [...rules];
  }

  removeChart(chart: FakeChart): void {
    const index = this.charts.indexOf(chart);
    if (index < 0) throw new Error("The chart is not on this sheet.");
    this.charts.splice(index, 1);
  }

  newChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.log);
  }

  insertChart(chart: FakeChart): void {
    this.charts.push(chart);
  }

  /** Sheet.updateChart: saves a chart built by modify() in place of the chart it came from. */
  updateChart(chart: FakeChart): void {
    const index = chart.modifies ? this.charts.indexOf(chart.modifies) : -1;
    if (index < 0) throw new Error("The chart is not on this sheet.");
    this.charts[index] = chart;
  }

  /** The cell at a position, created blank if need be (test and fake use: not counted). */
  cellAt(row: number, column: number): FakeCell {
    this.book.settle();
    while (this.grid.length < row) this.grid.push([]);
    const cells = this.grid[row - 1] as (FakeCell | undefined)[];
    const cell = cells[column - 1] ?? { value: null, formula: null };
    cells[column - 1] = cell;
    return cell;
  }

  peek(row: number, column: number): FakeCell | undefined {
    this.book.settle();
    return this.grid[row - 1]?.[column - 1];
  }

  /** What a cell shows to a reader of the sheet: its formula, else its value. */
  show(row: number, column: number): Stored {
    const cell = this.peek(row, column);
    return cell?.formula ?? cell?.value ?? null;
  }

  /** Types into a cell as a user does (test use). */
  type(row: number, column: number, input: Stored): void {
    Object.assign(this.cellAt(row, column), parseInput(input));
  }

  private moveColumnProperties(move: (column: number) => number): void {
    const widths = [...this.columnWidths];
    this.columnWidths.clear();
    for (const [column, width] of widths) this.columnWidths.set(move(column), width);
    const hidden = [...this.hiddenColumns].map(move);
    this.hiddenColumns.clear();
    for (const column of hidden) this.hiddenColumns.add(column);
  }

  private checkColumns(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.maxColumns) throw outsideGrid();
  }
}

export class FakeNamedRange extends Service implements SheetsNamedRange<FakeRange> {
  constructor(
    log: CallLog,
    readonly book: FakeSpreadsheet,
    readonly name: string,
    /** Undefined once every cell it named was deleted: Sheets shows the name as #REF!. */
    public range: FakeRange | undefined,
  ) {
    super(log, "NamedRange");
  }

  getName(): string {
    return this.name;
  }

  getRange(): FakeRange {
    this.book.settle();
    if (!this.range) throw new Error(`Range not found: the named range ${this.name} refers to #REF!.`);
    return this.range;
  }

  setRange(range: FakeRange): this {
    this.range = range;
    return this;
  }

  remove(): void {
    const index = this.book.namedRanges.indexOf(this);
    if (index >= 0) this.book.namedRanges.splice(index, 1);
  }
}

export class FakeSpreadsheet extends Service implements SheetsSpreadsheet<FakeRange, FakeChart> {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges: FakeNamedRange[] = [];
  private nextSheetId = 0;
  /** The zone whose wall clock date cells show; the test process's own by default. */
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  constructor(log = new CallLog()) {
    super(log, "Spreadsheet");
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  /**
   * The spreadsheet's locale, as Sheets gives it: language and region joined by "_" ("en_GB";
   * Spreadsheet.getSpreadsheetLocale, https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getspreadsheetlocale).
   */
  locale = "en_GB";

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  createDeveloperMetadataFinder(): FakeMetadataFinder {
    return new FakeMetadataFinder(this.log, this);
  }

  insertSheet(sheetName: string): FakeSheet {
    if (this.sheet(sheetName))
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.log, sheetName, this, this.nextSheetId);
    // Sheets gives the first sheet id 0 and later ones large numbers; only uniqueness matters here.
    this.nextSheetId += 1_000_003;
    this.sheets.push(sheet);
    return sheet;
  }

  getNamedRanges(): FakeNamedRange[] {
    this.settle();
    return [...this.namedRanges];
  }

  /**
   * Spreadsheet.getRangeByName: "Returns a named range, or null if no range with the given name
   * is found" (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getrangebynamename).
   * A name whose cells were all deleted (#REF!) has no range: null too.
   */
  getRangeByName(name: string): FakeRange | null {
    return this.namedRange(name)?.range ?? null;
  }

  setNamedRange(name: string, range: FakeRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Invalid named range name: ${name}`);
    if (this.namedRange(name)) throw new Error(`A named range called ${name} already exists.`);
    this.namedRanges.push(new FakeNamedRange(this.log, this, name, range));
  }

  /**
   * After rows or columns of `sheet` were inserted (`delta` > 0, before `at`) or deleted
   * (`delta` < 0, from `at`): every formula in the book that refers to that sheet, and every
   * named range on it, follows its cells. Deletions made bottom-up (as the port retires rows)
   * are gathered and applied at once when anything next looks at a cell or a name, so
   * thousands of deleteRows stay quick; the outcome is the same as applying them one by one.
   */
  shiftReferences(sheet: FakeSheet, axis: Axis, at: number, delta: number): void {
    const pending = this.pendingDeletions;
    const below = pending?.deleted[0];
    if (
      delta < 0 &&
      (!pending ||
        (pending.sheet === sheet && pending.axis === axis && below !== undefined && at - delta - 1 < below))
    ) {
      const deleted = Array.from({ length: -delta }, (_, index) => at + index);
      this.pendingDeletions = { sheet, axis, deleted: [...deleted, ...(pending?.deleted ?? [])] };
      return;
    }
    this.settle();
    const span = (first: number, last: number) => shiftSpan(first, last, at, delta);
    this.moveReferences(sheet, axis, span);
  }

  /** Applies the gathered deletions (test and fake use: call before looking at formulas or names). */
  settle(): void {
    const pending = this.pendingDeletions;
    if (!pending) return;
    this.pendingDeletions = undefined;
    const { deleted } = pending;
    // How many deleted positions lie below `position`, by bisection over the sorted list.
    const countBelow = (position: number) => {
      let low = 0;
      let high = deleted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((deleted[middle] as number) < position) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    this.moveReferences(pending.sheet, pending.axis, (first, last) => {
      const start = first - countBelow(first);
      const stop = last - countBelow(last + 1);
      return stop < start ? undefined : [start, stop];
    });
  }

  private pendingDeletions: { sheet: FakeSheet; axis: Axis; deleted: number[] } | undefined;

  private moveReferences(
    sheet: FakeSheet,
    axis: Axis,
    span: (first: number, last: number) => [number, number] | undefined,
  ): void {
    const key = axis === "rows" ? "row" : "column";
    const move = (reference: Reference): Reference | "#REF!" => {
      const first = reference.start[key];
      const last = (reference.end ?? reference.start)[key];
      if (first === undefined || last === undefined) return reference;
      const moved = span(first, last);
      if (!moved) return "#REF!";
      return {
        ...reference,
        start: { ...reference.start, [key]: moved[0] },
        ...(reference.end ? { end: { ...reference.end, [key]: moved[1] } } : {}),
      };
    };
    for (const host of this.sheets)
      for (const row of host.grid)
        for (const cell of row)
          if (cell?.formula)
            cell.formula = mapReferences(cell.formula, (reference) =>
              (reference.sheet === undefined ? host : this.sheet(reference.sheet)) === sheet
                ? move(reference)
                : reference,
            );
    for (const rule of sheet.conditionalRules) {
      rule.ranges = rule.ranges.flatMap((range) => {
        const moved =
          axis === "rows"
            ? span(range.row, range.row + range.rows - 1)
            : span(range.column, range.column + range.columns - 1);
        if (!moved) return [];
        return [
          axis === "rows"
            ? new FakeRange(sheet, moved[0], range.column, moved[1] - moved[0] + 1, range.columns)
            : new FakeRange(sheet, range.row, moved[0], range.rows, moved[1] - moved[0] + 1),
        ];
      });
    }
    sheet.conditionalRules = sheet.conditionalRules.filter((rule) => rule.ranges.length > 0);
    for (const named of this.namedRanges) {
      const range = named.range;
      if (range?.sheet !== sheet) continue;
      const full = { row: range.row, column: range.column, rows: range.rows, columns: range.columns };
      const moved =
        axis === "rows"
          ? span(full.row, full.row + full.rows - 1)
          : span(full.column, full.column + full.columns - 1);
      named.range = !moved
        ? undefined
        : axis === "rows"
          ? new FakeRange(sheet, moved[0], full.column, moved[1] - moved[0] + 1, full.columns)
          : new FakeRange(sheet, full.row, moved[0], full.rows, moved[1] - moved[0] + 1);
    }
  }

  /** A sheet by name, any case (test use). */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  namedRange(name: string): FakeNamedRange | undefined {
    this.settle();
    return this.namedRanges.find((named) => named.name.toLowerCase() === name.toLowerCase());
  }
}

export class FakeLock extends Service implements SheetsLock {
  held = false;
  /** Another execution holds the document lock: waitLock times out. */
  heldElsewhere = false;

  constructor(log: CallLog) {
    super(log, "Lock");
  }

  waitLock(_timeoutInMillis: number): void {
    if (this.heldElsewhere)
      throw new Error("Lock timeout: another process was holding the lock for too long.");
    this.held = true;
  }

  releaseLock(): void {
    this.held = false;
  }
}

export class FakeLockService extends Service {
  readonly lock: FakeLock;

  constructor(log: CallLog) {
    super(log, "LockService");
    this.lock = new FakeLock(log);
  }

  getDocumentLock(): FakeLock {
    return this.lock;
  }
}

/** Charts.ChartType members, as numbers of the ambient enum (its values are opaque to the port). */
export const CHART_TYPES: FakeServices["chartTypes"] = { scatter: 14, bar: 2, line: 11 };

/** A spreadsheet, its lock, and the counted services a SheetsWorkbook takes. */
export function fakeAppsScript(): {
  book: FakeSpreadsheet;
  lock: FakeLock;
  log: CallLog;
  services: FakeServices;
} {
  const log = new CallLog();
  const book = new FakeSpreadsheet(log);
  const lockService = new FakeLockService(log);
  return {
    book,
    lock: lockService.lock,
    log,
    services: {
      spreadsheet: expose(book),
      lockService: expose(lockService),
      newDataValidation: () => {
        log.record("SpreadsheetApp.newDataValidation");
        return expose(new FakeValidationBuilder(log));
      },
      chartTypes: CHART_TYPES,
      newConditionalFormatRule: () => {
        log.record("SpreadsheetApp.newConditionalFormatRule");
        return expose(new FakeConditionalRuleBuilder(log));
      },
      booleanCriteria: BOOLEAN_CRITERIA,
      flush: () => log.record("SpreadsheetApp.flush"),
    },
  };
}

export type Axis = "rows" | "columns";

/** One end of a reference: a cell (both), a whole column (no row) or a whole row (no column). */
interface ReferencePart {
  readonly row?: number;
  readonly column?: number;
  readonly rowAbsolute: boolean;
  readonly columnAbsolute: boolean;
}

/** An A1 reference in a formula, with the sheet it names, if any. */
export interface Reference {
  readonly sheet?: string;
  /** The sheet prefix as written ("'BuyIn Settings'!"), or "". */
  readonly prefix: string;
  readonly start: ReferencePart;
  readonly end?: ReferencePart;
}

/**
 * A1 references outside string literals: a cell or cell range (B2, $B$2:$C9), whole columns
 * (A:C) or whole rows (2:5), with an optional sheet. Not preceded by a name character (so
 * S1_Power or LOG10( are not references) and not followed by one or by "(".
 */
const REFERENCE =
  /(?<![\w.$'])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d+):(\$?\d+))(?![\w(!.])/g;

function parsePart(text: string): ReferencePart {
  const match = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(text) as RegExpExecArray;
  const [, columnDollar = "", letters = "", rowDollar = "", digits = ""] = match;
  return {
    ...(letters ? { column: columnNumber(letters) } : {}),
    ...(digits ? { row: Number(digits) } : {}),
    // "$5" in a whole-row range marks the row, not a column.
    columnAbsolute: letters !== "" && columnDollar === "$",
    rowAbsolute: letters === "" ? columnDollar === "$" : rowDollar === "$",
  };
}

function formatPart(part: ReferencePart): string {
  const column =
    part.column === undefined ? "" : `${part.columnAbsolute ? "$" : ""}${columnLetter(part.column)}`;
  const row = part.row === undefined ? "" : `${part.rowAbsolute ? "$" : ""}${part.row}`;
  return column + row;
}

/** Rewrites each reference of a formula outside its string literals; "#REF!" replaces a lost one. */
export function mapReferences(formula: string, map: (reference: Reference) => Reference | "#REF!"): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(REFERENCE, (...groups: (string | undefined)[]) => {
            const [, prefix = "", cell, cellEnd, columnStart, columnEnd, rowStart, rowEnd] = groups;
            const first = cell ?? columnStart ?? rowStart ?? "";
            const second = cell ? cellEnd : (columnEnd ?? rowEnd);
            const sheet = prefix
              ? prefix
                  .slice(0, -1)
                  .replace(/^'(.*)'$/, "$1")
                  .replaceAll("''", "'")
              : undefined;
            const mapped = map({
              ...(sheet === undefined ? {} : { sheet }),
              prefix,
              start: parsePart(first),
              ...(second ? { end: parsePart(second) } : {}),
            });
            if (mapped === "#REF!") return "#REF!";
            return `${mapped.prefix}${formatPart(mapped.start)}${mapped.end ? `:${formatPart(mapped.end)}` : ""}`;
          }),
    )
    .join("");
}

/**
 * Where the span first..last of rows (or columns) goes when `delta` of them are inserted before
 * `at` (delta > 0) or deleted from `at` (delta < 0); undefined when all of it is deleted.
 */
function shiftSpan(first: number, last: number, at: number, delta: number): [number, number] | undefined {
  if (delta > 0) return [first >= at ? first + delta : first, last >= at ? last + delta : last];
  const end = at - delta - 1;
  const start = first < at ? first : first > end ? first + delta : at;
  const stop = last < at ? last : last > end ? last + delta : at - 1;
  return stop < start ? undefined : [start, stop];
}

/** A formula moved `rows` rows down, as a copy moves it: relative rows follow, absolute ones stay. */
function moveFormula(formula: string, rows: number): string {
  const move = (part: ReferencePart): ReferencePart =>
    part.row === undefined || part.rowAbsolute ? part : { ...part, row: part.row + rows };
  return mapReferences(formula, (reference) => ({
    ...reference,
    start: move(reference.start),
    ...(reference.end ? { end: move(reference.end) } : {}),
  }));
}

/**
 * A user's "Sort range" (Data › Sort range) on `a1`, by the values of `byColumn`, ascending:
 * only the range's columns move, whole cells with their formats, so a column left out of the
 * range stays where it was. Numbers sort before text, blanks last. A moved formula's relative
 * references keep pointing into its own row (as when rows are moved); references to the sorted
 * cells from elsewhere, and named ranges, do not follow them (Sheets help, "Sort & filter your
 * data": Data › Sort range sorts the selected cells only, https://support.google.com/docs/answer/3540681).
 */
export function sortRange(sheet: FakeSheet, a1: string, byColumn: number): void {
  const range = parseRange(a1);
  const rows = Array.from({ length: range.rows }, (_, r) => ({
    from: range.row + r,
    // Copies: the sorted rows are written over the cells they were read from.
    cells: Array.from({ length: range.columns }, (_, c) => {
      const cell = sheet.peek(range.row + r, range.column + c);
      return cell ? { ...cell } : undefined;
    }),
  }));
  const key = (cells: (FakeCell | undefined)[]) => cells[byColumn - range.column]?.value ?? null;
  const rank = (value: Stored) => (value === null ? 2 : typeof value === "number" ? 0 : 1);
  rows.sort((a, b) => {
    const [x, y] = [key(a.cells), key(b.cells)];
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (x === null || y === null) return 0;
    return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
  });
  for (const [r, { from, cells }] of rows.entries()) {
    const to = range.row + r;
    for (const [c, cell] of cells.entries()) {
      const target = sheet.cellAt(to, range.column + c);
      for (const property of Object.keys(target)) delete target[property as keyof FakeCell];
      Object.assign(target, { value: null, formula: null }, cell ?? {});
      if (target.formula) target.formula = moveFormula(target.formula, to - from);
    }
  }
}

/**
 * A user's "Duplicate" of a sheet: cells, formats, sizes, charts and the sheet's developer
 * metadata are copied to "Copy of <name>" with a new id. Whether Sheets copies sheet-level
 * developer metadata is not documented (the Sheets API's DuplicateSheetRequest "Duplicates the
 * contents of a sheet"); the fake copies it, the case BuyIn must survive (a copy carrying the
 * marker). Named ranges are not copied: they stay on the original.
 */
export function duplicateSheet(book: FakeSpreadsheet, sheet: FakeSheet): FakeSheet {
  book.settle();
  const copy = book.insertSheet(`Copy of ${sheet.name}`);
  copy.maxRows = sheet.maxRows;
  copy.maxColumns = sheet.maxColumns;
  copy.frozenRows = sheet.frozenRows;
  copy.frozenColumns = sheet.frozenColumns;
  for (const [r, row] of sheet.grid.entries())
    copy.grid[r] = row.map((cell) =>
      cell ? { ...cell, value: cell.value instanceof Date ? new Date(cell.value) : cell.value } : undefined,
    );
  for (const [column, width] of sheet.columnWidths) copy.columnWidths.set(column, width);
  for (const column of sheet.hiddenColumns) copy.hiddenColumns.add(column);
  for (const entry of sheet.metadata)
    copy.metadata.push(new FakeMetadata(entry.log, entry.key, entry.value, copy));
  copy.charts.push(...sheet.charts);
  // Duplicating a sheet copies its conditional formatting, on the copy's cells.
  copy.conditionalRules = sheet.conditionalRules.map(
    (rule) =>
      new FakeConditionalRule(
        rule.log,
        rule.ranges.map((range) => new FakeRange(copy, range.row, range.column, range.rows, range.columns)),
        rule.condition,
      ),
  );
  return copy;
}

/** A user's "Paste special › Values only" over formulas: each cell keeps the value it showed. */
export function pasteValues(
  sheet: FakeSheet,
  row: number,
  column: number,
  values: readonly (readonly Stored[])[],
): void {
  for (const [r, cells] of values.entries())
    for (const [c, value] of cells.entries()) {
      const cell = sheet.cellAt(row + r, column + c);
      cell.formula = null;
      cell.value = value;
    }
}

/**
 * A user's "Delete" of a sheet: its cells go, and what pointed at them points nowhere, as in
 * Sheets: formulas elsewhere that referred to it show #REF! and its named ranges stay, naming
 * #REF! (Data › Named ranges lists them so).
 */
export function deleteSheet(book: FakeSpreadsheet, sheet: FakeSheet): void {
  book.settle();
  book.sheets.splice(book.sheets.indexOf(sheet), 1);
  for (const named of book.namedRanges) if (named.range?.sheet === sheet) named.range = undefined;
  for (const host of book.sheets)
    for (const row of host.grid)
      for (const cell of row)
        if (cell?.formula)
          cell.formula = mapReferences(cell.formula, (reference) =>
            reference.sheet !== undefined && reference.sheet.toLowerCase() === sheet.name.toLowerCase()
              ? "#REF!"
              : reference,
          );
}

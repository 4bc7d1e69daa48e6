/**
 * ExcelWorkbook: the WorkbookPort over Office.js. One plan is one Excel.run with three
 * context.sync() calls whatever its number of rows (DESIGN rule 3):
 *   1. the worksheets (name, id), BuyIn's marker setting and the workbook's names;
 *   2. the target sheet's used range and charts, or, for a new sheet, its id;
 *   3. every write, then the updated markers.
 *
 * Markers live in one workbook setting ("buyin.markers", ExcelApi 1.4): a JSON text mapping
 * worksheet id → SheetMarker. A setting loads in sync 1 before any sheet is known; a worksheet id
 * survives a rename, and a copied sheet gets a new one, so a copy is never taken for BuyIn's.
 *
 * A keyed plan's rows become an Excel table (filter buttons, structured references), laid anew
 * over the rows on every run.
 *
 * Requirement sets: ExcelApi 1.8 overall (data validation); 1.7 for getRangeByIndexes,
 * freezePanes and chart series ranges; 1.4 for settings, names and *OrNullObject.
 */
import {
  type ApplyReport,
  type Cell,
  type Format,
  parseRange,
  type ResolvedSheet,
  resolveSheet,
  resolveTarget,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  type Validation,
} from "../core/index";
import { ROLE_STYLE, type TableSnapshot, type WorkbookPort } from "../ui/workbook-port";

export const MARKERS_SETTING = "buyin.markers";
/** BuyIn's charts carry this name prefix, so a re-run replaces them and leaves the user's alone. */
export const CHART_PREFIX = "BuyIn ";
/** The comment of every name BuyIn adds: a name without it is the user's and is never replaced. */
export const NAME_COMMENT = "Written by BuyIn";
/** Excel column widths are in points; a character of the default font is about 7. */
const POINTS_PER_CHARACTER = 7;

const CHART_TYPES = { scatter: "XYScatter", bar: "BarClustered", line: "Line" } as const;

/** The Excel table over a plan's keyed rows: filter buttons and structured references for users. */
export function tableName(kind: string): string {
  return `BuyIn_${kind.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** Excel.run, or a stand-in that hands the batch another context (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A marker with the sheet's name when last seen, to find the sheet again if Excel renumbers ids. */
type StoredMarker = SheetMarker & { readonly sheet?: string };
type MarkerMap = Readonly<Record<string, StoredMarker>>;

/**
 * Markers by the worksheets' current ids. Worksheet ids have been reported to change between
 * sessions (OfficeDev/office-js#1390): an entry whose id is gone is matched by the name it was
 * last seen under, when that sheet has no marker of its own.
 */
function markersBySheet(stored: MarkerMap, sheets: readonly { id: string; name: string }[]): MarkerMap {
  const present = new Map(sheets.map((sheet) => [sheet.id, sheet.name]));
  const current: Record<string, StoredMarker> = {};
  for (const [id, marker] of Object.entries(stored))
    if (present.has(id)) current[id] = { ...marker, sheet: present.get(id) };
  for (const marker of Object.values(stored)) {
    if (Object.values(current).some((known) => known.kind === marker.kind)) continue;
    const sheet = sheets.find((candidate) => candidate.name === marker.sheet && !current[candidate.id]);
    if (sheet) current[sheet.id] = marker;
  }
  return current;
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;

  constructor(run: ExcelRun = (batch) => Excel.run(batch)) {
    this.run = run;
  }

  apply(plan: SheetPlan): Promise<ApplyReport> {
    return this.run(async (context) => {
      const { workbook } = context;
      const worksheets = workbook.worksheets.load("items/name,items/id");
      const setting = workbook.settings.getItemOrNullObject(MARKERS_SETTING).load("value");
      const names = workbook.names.load("items/name,items/comment");
      await context.sync();

      const markers = markersBySheet(readMarkers(setting), worksheets.items);
      const target = resolveTarget(plan, {
        sheets: worksheets.items.map((sheet) => ({ name: sheet.name, marker: markers[sheet.id] })),
      });
      let sheet: Excel.Worksheet;
      let resolved: ResolvedSheet | undefined;
      let used: Excel.Range | undefined;
      let charts: Excel.ChartCollection | undefined;
      let tables: Excel.TableCollection | undefined;
      if (target.create) {
        // Resolved before the sheet is added, so a plan that does not resolve leaves no empty sheet.
        resolved = resolveSheet(plan, target, undefined);
        sheet = workbook.worksheets.add(target.name);
        // The marker is keyed by the new sheet's id, known only after a sync.
        sheet.load("id");
      } else {
        sheet = worksheets.items.find((item) => item.name === target.name) as Excel.Worksheet;
        // Values only: cells BuyIn merely formatted must not count as rows or columns in use.
        used = sheet.getUsedRangeOrNullObject(true).load("values,formulas,rowIndex,columnIndex");
        charts = sheet.charts.load("items/name");
        tables = sheet.tables.load("items/name");
      }
      await context.sync();

      resolved ??= resolveSheet(plan, target, used && sheetState(used));
      // The table goes back to a plain range while rows are deleted and written, and is laid
      // again over the new extent: Excel shifts no cells inside a table for an API write.
      const name = tableName(plan.kind);
      for (const table of tables?.items ?? []) if (table.name === name) table.convertToRange();
      writeSheet(sheet, resolved);
      if (resolved.tableRange) {
        const table = sheet.tables.add(sheet.getRange(resolved.tableRange), true);
        table.name = name;
        table.style = "TableStyleLight1";
      }
      for (const chart of charts?.items ?? []) if (chart.name.startsWith(CHART_PREFIX)) chart.delete();
      addCharts(sheet, resolved);
      const messages = writeNames(workbook.names, names.items, resolved);
      const next: Record<string, StoredMarker> = {};
      // Entries of deleted sheets are already gone; so goes an older entry of this kind.
      for (const [id, marker] of Object.entries(markers)) if (marker.kind !== plan.kind) next[id] = marker;
      next[sheet.id] = { ...resolved.marker, sheet: target.name };
      workbook.settings.add(MARKERS_SETTING, JSON.stringify(next));
      await context.sync();
      return { ...resolved.report, messages: [...resolved.report.messages, ...messages] };
    });
  }

  /** The cells the user has selected, for importing rows into the panel. */
  readSelection(): Promise<Cell[][]> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("values");
      await context.sync();
      return range.values.map((row: unknown[]) => row.map(toCell));
    });
  }

  readTable(kind: string): Promise<TableSnapshot | undefined> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name,items/id");
      const setting = context.workbook.settings.getItemOrNullObject(MARKERS_SETTING).load("value");
      await context.sync();

      const markers = markersBySheet(readMarkers(setting), worksheets.items);
      const sheet = worksheets.items.find((item) => markers[item.id]?.kind === kind);
      if (!sheet) return undefined;
      const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
      await context.sync();

      const [header = [], ...rows] = used.isNullObject ? [] : cellsFromA1(used);
      return {
        sheet: sheet.name,
        header: header.map((cell) => (cell === null ? "" : String(cell))),
        rows: rows.flatMap((values, index) =>
          values.some((cell) => cell !== null) ? [{ row: index + 2, values }] : [],
        ),
      };
    });
  }
}

/** The marker map, or none when the setting is missing or not BuyIn's format. */
function readMarkers(setting: Excel.Setting): MarkerMap {
  if (setting.isNullObject || typeof setting.value !== "string") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(setting.value);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter(([, marker]) => isMarker(marker)));
}

function isMarker(value: unknown): value is SheetMarker {
  if (typeof value !== "object" || value === null) return false;
  const { kind, blocks } = value as { kind?: unknown; blocks?: unknown };
  return (
    typeof kind === "string" &&
    (blocks === undefined || (Array.isArray(blocks) && blocks.every((block) => typeof block === "string")))
  );
}

/** Excel reports a blank as ""; core calls it null. */
function toCell(value: unknown): Cell {
  return value === "" || value === undefined ? null : (value as Cell);
}

/** A used range's rows as they stand from A1: Excel's used range starts at its first used cell. */
function fromA1<T>(range: Excel.Range, rows: readonly (readonly T[])[]): (T | null)[][] {
  const width = range.columnIndex + (rows[0]?.length ?? 0);
  const above = Array.from({ length: range.rowIndex }, () => new Array<null>(width).fill(null));
  const left = new Array<null>(range.columnIndex).fill(null);
  return [...above, ...rows.map((row) => [...left, ...row])];
}

function cellsFromA1(range: Excel.Range): Cell[][] {
  return fromA1(
    range,
    range.values.map((row: unknown[]) => row.map(toCell)),
  );
}

function sheetState(range: Excel.Range): SheetState {
  if (range.isNullObject) return { values: [], formulas: [] };
  const values: unknown[][] = range.values;
  // Excel repeats constants in `formulas`; a formula is "=…" and differs from the cell's value
  // (text written with an apostrophe, such as "=HYPERLINK(…)", reads the same in both).
  const formulas = range.formulas.map((row: unknown[], r) =>
    row.map((formula, c) =>
      typeof formula === "string" && formula.startsWith("=") && formula !== values[r]?.[c] ? formula : null,
    ),
  );
  return { values: cellsFromA1(range), formulas: fromA1(range, formulas) };
}

/** Queues a resolved plan's cell writes and formats, in the order the resolver's coordinates need. */
function writeSheet(sheet: Excel.Worksheet, resolved: ResolvedSheet): void {
  // The previous blocks, like the deletions, are in the sheet's current coordinates.
  for (const range of resolved.clear) sheet.getRange(range).clear("Contents");
  for (const { start, count } of resolved.deleteRows) {
    sheet.getRange(`${start}:${start + count - 1}`).delete("Up");
  }
  for (const write of resolved.writes) {
    const columns = write.cells[0]?.length ?? 0;
    if (columns === 0) continue;
    // `formulas` takes "=…" as a formula and "'…" as text, so escaped user text stays text.
    sheet.getRangeByIndexes(write.row - 1, write.column - 1, write.cells.length, columns).formulas =
      write.cells;
  }
  for (const format of resolved.formats) applyFormat(sheet.getRange(format.range), format);
  if (resolved.freeze) {
    const { rows, columns } = resolved.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.unfreeze();
  }
}

function applyFormat(range: Excel.Range, format: Format): void {
  const { numberFormat } = format;
  if (numberFormat) {
    const { rows, columns } = parseRange(format.range);
    range.numberFormat = Array.from({ length: rows }, () => new Array<string>(columns).fill(numberFormat));
  }
  if (format.role) {
    const style = ROLE_STYLE[format.role];
    if (style.fill) range.format.fill.color = style.fill;
    else range.format.fill.clear();
    range.format.font.color = style.fontColor;
    range.format.font.bold = style.bold;
  }
  if (format.width) range.format.columnWidth = format.width * POINTS_PER_CHARACTER;
  if (format.hidden) range.columnHidden = true;
  if (format.validation) {
    const rule = validationRule(format.validation);
    // A rule is replaced as a whole; clearing first drops a different kind of rule left before.
    range.dataValidation.clear();
    if (rule) range.dataValidation.rule = rule;
  }
}

function validationRule(validation: Validation): Excel.DataValidationRule | undefined {
  if (validation.list) return { list: { inCellDropDown: true, source: validation.list.join(",") } };
  const { min, max } = validation;
  let basic: Excel.BasicDataValidation;
  if (min !== undefined && max !== undefined) basic = { formula1: min, formula2: max, operator: "Between" };
  else if (min !== undefined) basic = { formula1: min, operator: "GreaterThanOrEqualTo" };
  else if (max !== undefined) basic = { formula1: max, operator: "LessThanOrEqualTo" };
  else return undefined;
  return validation.whole ? { wholeNumber: basic } : { decimal: basic };
}

function addCharts(sheet: Excel.Worksheet, resolved: ResolvedSheet): void {
  for (const plan of resolved.charts) {
    const y = sheet.getRange(plan.y);
    const chart = sheet.charts.add(CHART_TYPES[plan.type], y, "Columns");
    chart.name = `${CHART_PREFIX}${plan.title}`;
    // Both ranges set on the series: Excel's guess from the source would take a text cell as a name.
    const series = chart.series.getItemAt(0);
    series.setXAxisValues(sheet.getRange(plan.x));
    series.setValues(y);
    chart.title.text = plan.title;
    chart.axes.categoryAxis.title.text = plan.xTitle;
    chart.axes.valueAxis.title.text = plan.yTitle;
    chart.legend.visible = false;
    chart.setPosition(plan.anchor);
  }
}

/**
 * Replaces the names BuyIn added before and adds new ones; a name the user defined stays as it is.
 * Returns a message for each name left alone.
 */
function writeNames(
  collection: Excel.NamedItemCollection,
  existing: readonly Excel.NamedItem[],
  resolved: ResolvedSheet,
): string[] {
  const byName = new Map(existing.map((item) => [item.name.toLowerCase(), item]));
  const messages: string[] = [];
  for (const { name, reference } of resolved.names) {
    const current = byName.get(name.toLowerCase());
    if (current && current.comment !== NAME_COMMENT) {
      messages.push(`The workbook already has a name ${current.name} of its own; BuyIn left it as it is.`);
      continue;
    }
    current?.delete();
    collection.add(name, `=${reference}`, NAME_COMMENT);
  }
  return messages;
}

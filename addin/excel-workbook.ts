/**
 * ExcelWorkbook: the WorkbookPort over Office.js. All plans are one Excel.run with three
 * context.sync() calls whatever their number of rows (DESIGN rule 3):
 *   1. the worksheets (name, id, visibility), BuyIn's marker setting, the workbook's names and tables;
 *   2. every target sheet's used range (the state sheet's included, values only), charts and
 *      tables' ranges, and the new sheets (their markers first) with their charts;
 *   3. every write, sheet by sheet in the resolver's order (core/plans/resolve.ts, ResolvedSheet:
 *      clear, insert rows, delete rows, writes with holes left alone, formats, names, charts,
 *      conditional formats, marker and visibility), then the names BuyIn no longer uses, then
 *      the updated markers.
 * One more sync, before the writes, when a sheet BuyIn writes again has conditional-format rules
 * (recorded in its marker, or in its plan): each rule's range, condition and fill, to know BuyIn's from the user's (a rule has no
 * range to load with its collection: ConditionalFormat.getRange is a method; see buyInsRules).
 * Cells that already hold what BuyIn writes are holes (resolveAll's skipUnchanged), so a re-run
 * sends only what changed.
 * Excel on the web refuses a request or a response over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", section "Excel add-ins":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * So a sheet longer than one read's worth is read in further syncs of PAYLOAD_BUDGET each, and
 * writes are cut into syncs of at most PAYLOAD_BUDGET: the only extra syncs, and only for large
 * sheets.
 *
 * Markers live in one workbook setting ("buyin.markers", ExcelApi 1.4): a JSON text mapping
 * worksheet id → SheetMarker. A setting loads in sync 1 before any sheet is known; a worksheet id
 * survives a rename, and a copied sheet gets a new one, so a copy is never taken for BuyIn's.
 *
 * A keyed plan's rows become an Excel table (filter buttons, structured references), laid anew
 * over the rows on every run. BuyIn finds its table by where it stands, not by its name, which
 * the user may change: a renamed table is laid again under the user's name.
 *
 * BuyIn's charts are recorded in the marker by Chart.id, so no chart of the user's is ever taken
 * for BuyIn's, whatever its title (see writeCharts).
 *
 * Requirement sets: ExcelApi 1.8 overall (data validation; the task pane checks it, taskpane.tsx);
 * 1.7 for getRangeByIndexes, freezePanes, Chart.id, Chart.chartType, chart series ranges and
 * ChartSeriesCollection.add; 1.6 for conditional formats; 1.4 for settings, names and *OrNullObject.
 * A plan's print setup needs 1.9 (Worksheet.pageLayout): feature-detected with
 * Office.context.requirements.isSetSupported, and left out where Excel lacks it, within the same
 * syncs either way.
 */
import {
  type ApplyReport,
  type Cell,
  type ConditionalRule,
  columnLetter,
  contentFingerprint,
  type Format,
  isBuyInsRule,
  parseRange,
  planTargets,
  quoteSheet,
  type ResolvedChart,
  type ResolvedConditionalFormat,
  type ResolvedSheet,
  resolveAll,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_KIND,
  type Target,
  type Tone,
  tableColumnIds,
  type Validation,
  type WorkbookSnapshot,
} from "../core/index";
import { ROLE_STYLE, type TableSnapshot, TONE_STYLE, type WorkbookPort } from "../ui/workbook-port";

export const MARKERS_SETTING = "buyin.markers";
/**
 * BuyIn names its charts with this prefix and the title: for users, and to know a chart again
 * when its id is not recorded (an earlier version's marker, a marker lost; see recordedCharts).
 */
export const CHART_PREFIX = "BuyIn ";
/** The comment of every name BuyIn adds: a name without it is the user's and is never replaced. */
export const NAME_COMMENT = "Written by BuyIn";
/**
 * Column widths: a plan gives characters, Range.format.columnWidth takes points. ECMA-376 Part 1,
 * 18.3.1.13 (col, width) and MS-OI29500 2.1.598: a column of n characters is n maximum digit
 * widths plus 5 pixels of padding, and Calibri 11 (Excel's default font) has a maximum digit
 * width of 7 pixels at 96 dpi, where a point is 0.75 pixel. So Excel's default 8.43 characters is
 * 64 px = 48 pt: about 5.6 points a character, not 7.
 */
const DIGIT_PIXELS = 7;
const PADDING_PIXELS = 5;
const POINTS_PER_PIXEL = 0.75;

export function columnWidthPoints(characters: number): number {
  return (characters * DIGIT_PIXELS + PADDING_PIXELS) * POINTS_PER_PIXEL;
}

/**
 * The most one context.sync() may send or receive: Excel on the web refuses over 5 MB (see the
 * top of this file); 4 MB leaves room for what the estimates below do not count exactly.
 */
export const PAYLOAD_BUDGET = 4_000_000;
/**
 * A generous estimate of what office.js sends for one command besides its data: the action and
 * the object path it acts on, as JSON ({"Id":…,"ActionType":4,"Name":…,"ObjectPathId":…,
 * "ArgumentInfo":{…}}, node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js lines
 * 13982-13990; the request body is JSON.stringify'd, line 13445).
 */
const COMMAND_BYTES = 400;
/**
 * The share of a response a read is sized to fill, by the size of rows already seen: rows further
 * down run longer, their row numbers in formulas having more digits.
 */
const READ_FILL = 0.9;
/** Rows read in the first read of a sheet whose marker does not tell the size of its rows. */
const FIRST_READ_ROWS = 1_000;
/** office.js's error code when a response would pass Excel on the web's limit (line 13406). */
const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";
/** Excel's error code for a selection that is not one range (OfficeDev/office-js-docs-pr#2477). */
const INVALID_SELECTION = "InvalidSelection";

const CHART_TYPES = { scatter: "XYScatter", bar: "BarClustered", line: "Line" } as const;

/** The Excel table over a plan's keyed rows: filter buttons and structured references for users. */
export function tableName(kind: string): string {
  return `BuyIn_${kind.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** Excel.run, or a stand-in that hands the batch another context (tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Worksheet.pageLayout and its zoom, orientation, paper size and print area (office.d.ts, PageLayout). */
const PAGE_LAYOUT_API = "1.9";

/**
 * A marker with the sheet's name when last seen, to find the sheet again if Excel renumbers ids,
 * and the bytes a row of it takes to read back (values and formulas), to size the first read.
 */
type StoredMarker = SheetMarker & {
  readonly sheet?: string;
  readonly rowBytes?: number;
  readonly rows?: number;
};
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
    // The sheet's own marker under its new id: not taken for a copy's (SheetMarker.sheetId).
    if (sheet) current[sheet.id] = marker.sheetId === undefined ? marker : { ...marker, sheetId: sheet.id };
  }
  return current;
}

/** UTF-8 bytes of a text, as it travels in a request or a response. */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A surrogate pair is 4 bytes for 2 UTF-16 units; other units up to 3 bytes for one.
    if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
    else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

/**
 * Commands queued on a context, with an estimate of the request they make: `room` syncs first
 * when a command would take the request past PAYLOAD_BUDGET, so a large write goes in several
 * requests and a small one in one.
 */
class Batch {
  private queued = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  async room(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > PAYLOAD_BUDGET) await this.flush();
    this.queued += bytes;
  }

  /**
   * Queues rows in slices that fill the current request, each slice handed to `queue` with the
   * index of its first row; a single row larger than a request goes alone.
   */
  async rows<T>(rows: T[][], queue: (first: number, slice: T[][]) => void): Promise<void> {
    const sizes = rows.map((row) => jsonBytes(row) + 1);
    let first = 0;
    while (first < rows.length) {
      let bytes = COMMAND_BYTES + 2;
      let end = first;
      while (end < rows.length && this.queued + bytes + (sizes[end] as number) <= PAYLOAD_BUDGET) {
        bytes += sizes[end] as number;
        end++;
      }
      if (end === first) {
        if (this.queued > 0) {
          await this.flush();
          continue;
        }
        bytes += sizes[end] as number;
        end++;
      }
      queue(first, rows.slice(first, end));
      this.queued += bytes;
      first = end;
    }
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}

/** A table on the target sheet: its name, style and where it stands (0-based, as Excel reports). */
interface TableFound {
  readonly table: Excel.Table;
  readonly name: string;
  readonly style: string;
  readonly area: Excel.Range;
}

/**
 * Whether the Excel running BuyIn has an API set (Office.context.requirements.isSetSupported,
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime); no
 * when there is no Office to ask.
 */
export function excelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supports: (version: string) => boolean;

  constructor(
    run: ExcelRun = (batch) => Excel.run(batch),
    supports: (version: string) => boolean = excelApiSupported,
  ) {
    this.run = run;
    this.supports = supports;
  }

  /**
   * Every plan in one Excel.run: read the workbook (sync 1), read every target sheet and add the
   * new ones (sync 2), resolve all plans at once in core, write everything (sync 3). Further syncs
   * only where a read or a write would pass PAYLOAD_BUDGET.
   */
  applyAll(plans: readonly SheetPlan[]): Promise<ApplyReport[]> {
    return this.run(async (context) => {
      const { workbook } = context;
      const worksheets = workbook.worksheets.load("items/name,items/id,items/visibility");
      const setting = workbook.settings.getItemOrNullObject(MARKERS_SETTING).load("value");
      const names = workbook.names.load("items/name,items/comment,items/formula");
      const tables = workbook.tables.load("items/name,items/style,items/worksheet/id");
      await context.sync();

      const markers = markersBySheet(readMarkers(setting), worksheets.items);
      const snapshot: WorkbookSnapshot = {
        sheets: worksheets.items.map((sheet) => ({
          name: sheet.name,
          id: sheet.id,
          ...(markers[sheet.id] ? { marker: markers[sheet.id] } : {}),
          ...(sheet.visibility !== "Visible" ? { hidden: true } : {}),
        })),
        // A name's formula is "=reference" (NamedItem.formula, ExcelApi 1.7).
        names: Object.fromEntries(
          names.items.map((item) => [item.name, String(item.formula).replace(/^=/, "")]),
        ),
      };
      const targets = targetKinds(plans, planTargets(plans, snapshot));
      const existing = targets.filter((target) => !target.create);
      const added = targets.filter((target) => target.create);
      // Resolved before any sheet is added, so plans that do not resolve leave no empty sheet.
      // With nothing to read this is the resolution itself; otherwise a check, done again below.
      // A sheet about to be created resolves the same with or without what the others hold: its
      // charts are added with it in sync 2, so their ids are known when the marker is written.
      const beforeAdding = added.length > 0 ? resolveAll(plans, snapshot, new Map()) : undefined;
      let resolved = existing.length > 0 ? undefined : beforeAdding;

      const sheets = new Map<string, Excel.Worksheet>();
      for (const target of existing)
        sheets.set(
          target.name,
          worksheets.items.find((item) => item.name === target.name) as Excel.Worksheet,
        );
      const found = new Map<string, TableFound[]>();
      const charts = new Map<string, Excel.ChartCollection>();
      /** The conditional formats of each sheet whose marker records rules of BuyIn's. */
      const rulesRead = new Map<string, Excel.ConditionalFormatCollection>();
      /** The charts added with a new sheet in sync 2, by sheet: their ids, once loaded. */
      const chartsAdded = new Map<string, Excel.Chart[]>();
      let addsSent = false;
      /** Sync 2's other work: the new sheets, their markers first, and what else the targets hold. */
      const alongside = () => {
        if (added.length > 0 && !addsSent) {
          // The markers go in before the sheets: a run cut off anywhere after leaves sheets the
          // next run knows as BuyIn's and completes, not foreign ones it writes around. A new
          // sheet's id is known only after this sync, so until the last sync its marker is filed
          // under the sheet's name, which markersBySheet matches when no id does.
          const pending: Record<string, StoredMarker> = { ...markers };
          for (const target of added)
            pending[`new ${target.name}`] = { kind: target.kind, sheet: target.name };
          workbook.settings.add(MARKERS_SETTING, JSON.stringify(pending));
          for (const target of added) {
            const sheet = workbook.worksheets.add(target.name).load("id");
            sheets.set(target.name, sheet);
            const plan = beforeAdding?.sheets.find((each) => each.target.name === target.name);
            chartsAdded.set(
              target.name,
              (plan?.charts ?? []).map((chart) => writeChart(sheet, chart).load("id")),
            );
          }
        } else if (added.length > 0) {
          // A refused response: the adds ran, only the ids did not come back. The charts are
          // there, their ids unknown: recorded by title this time (see writeCharts).
          for (const target of added) {
            sheets.set(target.name, workbook.worksheets.getItem(target.name).load("id"));
            if (chartsAdded.has(target.name)) chartsAdded.set(target.name, []);
          }
        }
        addsSent = true;
        for (const target of existing) {
          const sheet = sheets.get(target.name) as Excel.Worksheet;
          charts.set(target.name, sheet.charts.load("items/name,items/id"));
          // The whole sheet's rules (Worksheet.getRange() without an address is the sheet), where
          // the marker records rules of BuyIn's or the plan has some (see resolvePlan).
          const planned = plans.some((plan) => plan.kind === target.kind && plan.conditionalFormats?.length);
          if ((target.marker?.conditionalFormats ?? []).length > 0 || planned)
            rulesRead.set(target.name, sheet.getRange().conditionalFormats.load("items/id,items/type"));
          found.set(
            target.name,
            tables.items
              .filter((table) => table.worksheet.id === sheet.id)
              .map((table) => ({
                table,
                name: table.name,
                style: table.style,
                area: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
              })),
          );
        }
      };
      const reads = await readSheets(
        context,
        existing.map((target) => ({
          sheet: sheets.get(target.name) as Excel.Worksheet,
          marker: target.marker,
          // BuyIn writes only constants on its state sheet: its formulas would repeat its values.
          formulas: target.kind !== STATE_KIND,
        })),
        alongside,
      );
      if (existing.length === 0 && added.length > 0) {
        alongside();
        await context.sync();
      }
      const states = new Map<string, SheetState>();
      /** The bytes a row took to read, by sheet: holes make the writes a poor measure of it. */
      const readRowBytes = new Map<string, number>();
      existing.forEach((target, index) => {
        const read = reads[index];
        states.set(target.name, read ? sheetState(read) : { values: [], formulas: [] });
        if (read) readRowBytes.set(target.name, read.rowBytes);
      });
      // A cell that already holds what BuyIn writes becomes a hole: a re-run sends only what changed.
      resolved ??= resolveAll(plans, snapshot, states, { skipUnchanged: true });
      const ownRules = await buyInsRules(context, resolved.sheets, rulesRead);

      const batch = new Batch(context);
      const pageLayout = this.supports(PAGE_LAYOUT_API);
      const messages = new Map<string, string[]>();
      const written: Record<string, StoredMarker> = {};
      const namesNow = new Map(names.items.map((item) => [item.name.toLowerCase(), item]));
      const namesSet = new Set<string>();
      // Per sheet, in the contract's order (core/plans/resolve.ts, ResolvedSheet): clear, insert,
      // delete, write, format, names, charts, marker and visibility; the table around them.
      for (const sheetPlan of resolved.sheets) {
        const name = sheetPlan.target.name;
        const sheet = sheets.get(name) as Excel.Worksheet;
        const said: string[] = [];
        const table = buyInTable(sheetPlan, found.get(name) ?? []);
        if (table.ours) {
          await batch.room(COMMAND_BYTES);
          table.ours.table.convertToRange();
        }
        await writeSheet(batch, sheet, sheetPlan, pageLayout);
        if (sheetPlan.tableRange && table.inTheWay.length === 0) {
          await batch.room(COMMAND_BYTES * 3);
          const laid = sheet.tables.add(sheet.getRange(sheetPlan.tableRange), true);
          laid.name = table.ours?.name ?? tableName(sheetPlan.marker.kind);
          laid.style = table.ours?.style || "TableStyleLight1";
        } else if (sheetPlan.tableRange) {
          const inTheWay = table.inTheWay.map((each) => each.name).join(", ");
          said.push(
            `The table ${inTheWay} stands where BuyIn lays its table on "${name}"; BuyIn left it as it is and laid no table.`,
          );
        }
        const named = await writeNames(batch, workbook.names, namesNow, sheetPlan);
        for (const each of named.set) namesSet.add(each.toLowerCase());
        said.push(...named.messages);
        const chartIds = await writeCharts(
          batch,
          sheet,
          sheetPlan,
          charts.get(name)?.items ?? [],
          chartsAdded.get(name),
          this.supports(POINT_LABELS_API),
        );
        for (const rule of ownRules.get(name) ?? []) {
          await batch.room(COMMAND_BYTES);
          rule.delete();
        }
        for (const format of sheetPlan.conditionalFormats ?? []) {
          await batch.room(COMMAND_BYTES * 6);
          writeRule(sheet, format);
        }
        if (sheetPlan.hidden) {
          await batch.room(COMMAND_BYTES);
          // Hidden from users, and from Unhide: only code shows it again (Excel.SheetVisibility).
          sheet.visibility = "VeryHidden";
        }
        const { names: owned, ...marker } = sheetPlan.marker;
        // A name left to the user is not BuyIn's: the marker must not claim it.
        const kept = owned?.filter((each) => !named.left.has(each.toLowerCase()));
        written[sheet.id] = {
          ...marker,
          // Charts by id (see writeCharts) where the resolver records them by title.
          ...(marker.charts ? { charts: chartIds } : {}),
          ...(kept ? { names: kept } : {}),
          sheetId: sheet.id,
          sheet: name,
          ...readSize(sheetPlan, readRowBytes.get(name) ?? 0),
        };
        messages.set(name, said);
      }
      // After every sheet's names, as the contract orders: a name set again this run stays.
      for (const name of resolved.removeNames) {
        const item = namesNow.get(name.toLowerCase());
        if (!item || namesSet.has(name.toLowerCase())) continue;
        await batch.room(COMMAND_BYTES);
        item.delete();
      }
      const kinds = new Set(Object.values(written).map((marker) => marker.kind));
      const kept = Object.entries(markers).filter(([id, marker]) => !written[id] && !kinds.has(marker.kind));
      const last = JSON.stringify({ ...Object.fromEntries(kept), ...written });
      await batch.room(COMMAND_BYTES + jsonBytes(last));
      workbook.settings.add(MARKERS_SETTING, last);
      await batch.flush();
      return resolved.reports.map((report) => {
        const said = messages.get(report.sheet) ?? [];
        return said.length > 0 ? { ...report, messages: [...report.messages, ...said] } : report;
      });
    });
  }

  /** One plan: `applyAll([plan])`. */
  async apply(plan: SheetPlan): Promise<ApplyReport> {
    const [report] = await this.applyAll([plan]);
    return report as ApplyReport;
  }

  /** The cells the user has selected, for importing rows into the panel. */
  readSelection(): Promise<Cell[][]> {
    return this.run(async (context) => {
      // getSelectedRange throws when the selection is not one range: several areas, or a chart
      // (Workbook.getSelectedRange in @types/office-js; OfficeDev/office-js#2268).
      const range = context.workbook.getSelectedRange().load("values");
      try {
        await context.sync();
      } catch (error) {
        // The panel shows it after "Import failed: ".
        if (errorCode(error) !== INVALID_SELECTION) throw error;
        throw new Error(
          "the selection has several areas or is not cells; select one rectangle of cells and import again.",
        );
      }
      return range.values.map((row: unknown[]) => row.map(toCell));
    });
  }

  readTable(kind: string): Promise<TableSnapshot | undefined> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name,items/id");
      const setting = context.workbook.settings.getItemOrNullObject(MARKERS_SETTING).load("value");
      // The workbook's culture (Application.cultureInfo, ExcelApi 1.11) in the same sync; before
      // 1.11, Office's display language (Office.context.displayLanguage) is the nearest there is.
      const culture = this.supports(CULTURE_API)
        ? context.workbook.application.cultureInfo.load("name")
        : undefined;
      await context.sync();

      const markers = markersBySheet(readMarkers(setting), worksheets.items);
      const sheet = worksheets.items.find((item) => markers[item.id]?.kind === kind);
      if (!sheet) return undefined;
      const locale =
        culture?.name || (globalThis as { Office?: typeof Office }).Office?.context?.displayLanguage;
      // The state sheet in the same sync: which plan column each header position holds.
      const state = worksheets.items.find((item) => markers[item.id]?.kind === STATE_KIND);
      const [read, stateRead] = await readSheets(
        context,
        [sheet, ...(state ? [state] : [])].map((each) => ({
          sheet: each,
          marker: markers[each.id],
          formulas: false,
        })),
        () => undefined,
      );
      const [header = [], ...rows] = read?.values ?? [];
      return {
        sheet: sheet.name,
        header: header.map((cell) => (cell === null ? "" : String(cell))),
        rows: rows.flatMap((values, index) =>
          values.some((cell) => cell !== null) ? [{ row: index + 2, values }] : [],
        ),
        ids: tableColumnIds(kind, header.length, stateRead ? sheetState(stateRead) : undefined),
        ...(locale ? { locale } : {}),
      };
    });
  }
}

/**
 * Each sheet the write touches once, with its kind: a plan's target the plan's, the last target
 * (the state sheet, see planTargets) STATE_KIND.
 */
function targetKinds(plans: readonly SheetPlan[], targets: readonly Target[]): (Target & { kind: string })[] {
  const seen = new Map<string, Target & { kind: string }>();
  targets.forEach((target, index) => {
    // The last target is the state sheet (planTargets).
    const kind = plans[index]?.kind ?? STATE_KIND;
    if (!seen.has(target.name)) seen.set(target.name, { ...target, kind });
  });
  return [...seen.values()];
}

function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * BuyIn's table on the sheet, known by where it stands rather than by its name, which the user
 * may change: the table with BuyIn's name, else the one whose top row holds a header BuyIn
 * writes. Tables that are not BuyIn's but stand where its table goes are left alone: Excel
 * refuses a table over another ("A table can't overlap another table", OfficeDev/office-js#1199).
 */
function buyInTable(
  resolved: ResolvedSheet,
  found: readonly TableFound[],
): { ours?: TableFound; inTheWay: TableFound[] } {
  const headerColumns = new Set<number>();
  for (const write of resolved.writes) {
    if (write.row !== 1) continue;
    for (let offset = 0; offset < (write.cells[0]?.length ?? 0); offset++)
      headerColumns.add(write.column + offset);
  }
  const holdsHeader = ({ area }: TableFound) =>
    area.rowIndex === 0 &&
    [...headerColumns].some(
      (column) => column > area.columnIndex && column <= area.columnIndex + area.columnCount,
    );
  const ours =
    found.find((table) => table.name === tableName(resolved.marker.kind)) ?? found.find(holdsHeader);
  if (!resolved.tableRange) return { ...(ours ? { ours } : {}), inTheWay: [] };
  const area = parseRange(resolved.tableRange);
  const inTheWay = found.filter(
    (table) =>
      table !== ours &&
      table.area.rowIndex < area.row - 1 + area.rows &&
      area.row - 1 < table.area.rowIndex + table.area.rowCount &&
      table.area.columnIndex < area.column - 1 + area.columns &&
      area.column - 1 < table.area.columnIndex + table.area.columnCount,
  );
  return { ...(ours ? { ours } : {}), inTheWay };
}

/**
 * What a sheet takes to read back, for its marker: the bytes of a row (values and formulas), the
 * larger of what this run read and what it writes, and its rows when BuyIn last wrote it.
 */
function readSize(resolved: ResolvedSheet, readRowBytes: number): { rowBytes: number; rows: number } {
  let bytes = 0;
  let rows = 1;
  for (const write of resolved.writes) {
    bytes += jsonBytes(write.cells);
    rows = Math.max(rows, write.row + write.cells.length - 1);
  }
  return { rowBytes: Math.ceil(Math.max(readRowBytes, (2 * bytes) / rows)), rows };
}

/**
 * The rows each sheet's first read takes, all in one response: sheets known to be small are read
 * whole, the rest share what is left of the budget. A sheet whose marker does not tell its size
 * gets FIRST_READ_ROWS at most. A marker's row bytes count values and formulas: half of them
 * for a read of values only.
 */
function firstReads(targets: readonly { marker: StoredMarker | undefined; formulas: boolean }[]): number[] {
  const sizes = targets.map(({ marker, formulas }) => {
    const rowBytes =
      typeof marker?.rowBytes === "number" && marker.rowBytes > 0
        ? marker.rowBytes / (formulas ? 1 : 2)
        : undefined;
    const rows = typeof marker?.rows === "number" && marker.rows > 0 ? marker.rows : undefined;
    return { rowBytes, rows };
  });
  const order = sizes
    .map((size, index) => ({ index, bytes: (size.rows ?? FIRST_READ_ROWS) * (size.rowBytes ?? Infinity) }))
    .sort((a, b) => a.bytes - b.bytes);
  let left = READ_FILL * PAYLOAD_BUDGET;
  const rows = new Array<number>(targets.length).fill(1);
  order.forEach(({ index }, place) => {
    const { rowBytes, rows: known } = sizes[index] as (typeof sizes)[number];
    if (rowBytes === undefined) {
      rows[index] = FIRST_READ_ROWS;
      return;
    }
    const share = left / (order.length - place);
    // Rows past the last one written may be the user's: read one more than BuyIn wrote.
    const take = Math.max(1, Math.min((known ?? Infinity) + 1, Math.floor(share / rowBytes)));
    rows[index] = take;
    left -= take * rowBytes;
  });
  return rows;
}

/** Rows of a read, 0-based from A1 as Excel reports a range's position. */
interface Slice {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: unknown[][];
  readonly formulas?: unknown[][];
}

/**
 * One sheet being read: whether with formulas, the slices so far, the next row, its last used
 * row, its widest row.
 */
interface SheetRead {
  readonly sheet: Excel.Worksheet;
  readonly formulas: boolean;
  readonly slices: Slice[];
  next: number;
  last: number;
  rowBytes: number;
}

/**
 * Sheets' used cells from A1, all sheets in the same syncs: each sheet's first rows (see
 * firstReads) with `alongside` (what else that sync does), then further slices of the longer
 * sheets, each sync's response kept within PAYLOAD_BUDGET by the largest rows read so far. A sync
 * Excel refuses as too large is made again with every slice halved. Undefined for an empty sheet.
 */
async function readSheets(
  context: Excel.RequestContext,
  targets: readonly { sheet: Excel.Worksheet; marker: StoredMarker | undefined; formulas: boolean }[],
  alongside: () => void,
): Promise<({ values: Cell[][]; formulas: unknown[][]; rowBytes: number } | undefined)[]> {
  if (targets.length === 0) return [];
  const reads: SheetRead[] = targets.map(({ sheet, formulas }) => ({
    sheet,
    formulas,
    slices: [],
    next: 1,
    last: 0,
    rowBytes: 0,
  }));
  /** Loads the given rows of each read in one sync, halving all on refusal. */
  const sync = async (wanted: Map<SheetRead, number>, also: () => void) => {
    for (let halving = 1; ; halving *= 2) {
      also();
      const ranges = [...wanted].map(([read, rows]) => {
        const count = Math.max(1, Math.ceil(rows / halving));
        const range = read.sheet
          .getRange(`${read.next}:${read.next + count - 1}`)
          .getUsedRangeOrNullObject(true)
          .load(read.formulas ? "values,formulas,rowIndex,columnIndex" : "values,rowIndex,columnIndex");
        return { read, count, range };
      });
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === RESPONSE_TOO_LARGE && ranges.some(({ count }) => count > 1)) continue;
        throw error;
      }
      for (const { read, count, range } of ranges) {
        read.next += count;
        if (range.isNullObject) continue;
        const slice: Slice = {
          rowIndex: range.rowIndex,
          columnIndex: range.columnIndex,
          values: range.values,
          ...(read.formulas ? { formulas: range.formulas } : {}),
        };
        read.slices.push(slice);
        const bytes = jsonBytes(slice.values) + jsonBytes(slice.formulas ?? []);
        read.rowBytes = Math.max(read.rowBytes, bytes / Math.max(1, slice.values.length));
      }
      return;
    }
  };

  const first = firstReads(targets);
  const used: Excel.Range[] = [];
  await sync(new Map(reads.map((read, index) => [read, first[index] as number])), () => {
    alongside();
    used.splice(
      0,
      used.length,
      ...reads.map(({ sheet }) => sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount")),
    );
  });
  reads.forEach((read, index) => {
    const range = used[index] as Excel.Range;
    read.last = range.isNullObject ? 0 : range.rowIndex + range.rowCount;
    read.next = Math.max(read.next, range.isNullObject ? 1 : range.rowIndex + 1);
  });
  for (;;) {
    const wanted = new Map<SheetRead, number>();
    let left = READ_FILL * PAYLOAD_BUDGET;
    for (const read of reads) {
      if (read.next > read.last) continue;
      const rowBytes = read.rowBytes > 0 ? read.rowBytes : (READ_FILL * PAYLOAD_BUDGET) / FIRST_READ_ROWS;
      const rows = Math.min(read.last - read.next + 1, Math.floor(left / rowBytes));
      if (rows < 1 && wanted.size > 0) break;
      wanted.set(read, Math.max(1, rows));
      left -= Math.max(1, rows) * rowBytes;
    }
    if (wanted.size === 0) break;
    await sync(wanted, () => undefined);
  }
  // A row's bytes as markers count them, values and formulas: twice a read of values only.
  return reads.map((read) =>
    read.slices.length > 0
      ? { ...fromSlices(read.slices), rowBytes: read.rowBytes * (read.formulas ? 1 : 2) }
      : undefined,
  );
}

/** The slices laid out from A1 (Excel's used range starts at its first used cell); blanks as null. */
function fromSlices(slices: readonly Slice[]): { values: Cell[][]; formulas: unknown[][] } {
  const height = Math.max(0, ...slices.map((slice) => slice.rowIndex + slice.values.length));
  const width = Math.max(0, ...slices.map((slice) => slice.columnIndex + (slice.values[0]?.length ?? 0)));
  const grid = <T>() => Array.from({ length: height }, () => new Array<T | null>(width).fill(null));
  const values = grid<Cell>();
  const formulas = grid<unknown>();
  for (const slice of slices) {
    slice.values.forEach((row, r) => {
      const target = values[slice.rowIndex + r] as Cell[];
      row.forEach((value, c) => {
        target[slice.columnIndex + c] = toCell(value);
      });
    });
    slice.formulas?.forEach((row, r) => {
      const target = formulas[slice.rowIndex + r] as unknown[];
      row.forEach((formula, c) => {
        target[slice.columnIndex + c] = formula;
      });
    });
  }
  return { values, formulas };
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

function sheetState(read: { values: Cell[][]; formulas: unknown[][] }): SheetState {
  // Excel repeats constants in `formulas`; a formula is "=…" and differs from the cell's value
  // (text written with an apostrophe, such as "=HYPERLINK(…)", reads the same in both).
  const formulas = read.formulas.map((row, r) =>
    row.map((formula, c) =>
      typeof formula === "string" && formula.startsWith("=") && formula !== read.values[r]?.[c]
        ? formula
        : null,
    ),
  );
  return { values: read.values, formulas };
}

/**
 * Queues a resolved plan's cell writes and formats, in the order the resolver's coordinates need;
 * the batch syncs between them when a request would pass PAYLOAD_BUDGET.
 */
async function writeSheet(
  batch: Batch,
  sheet: Excel.Worksheet,
  resolved: ResolvedSheet,
  pageLayout: boolean,
): Promise<void> {
  // The previous blocks are in the sheet's current coordinates; insertions then deletions each in
  // the coordinates the step before left; writes in the final ones.
  for (const range of resolved.clear) {
    await batch.room(COMMAND_BYTES);
    sheet.getRange(range).clear("Contents");
  }
  for (const { at, count } of resolved.insertRows) {
    await batch.room(COMMAND_BYTES);
    // Whole rows shifted down: Excel moves every reference and name below, as a user's insertion.
    sheet.getRange(`${at}:${at + count - 1}`).insert("Down");
  }
  for (const { start, count } of resolved.deleteRows) {
    await batch.room(COMMAND_BYTES);
    sheet.getRange(`${start}:${start + count - 1}`).delete("Up");
  }
  for (const write of resolved.writes) {
    const columns = write.cells[0]?.length ?? 0;
    if (columns === 0) continue;
    // A row of holes only is not sent; in other rows a null leaves its cell as it is ("null input
    // in 2-D Array": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
    for (const [offset, rows] of rowRuns(write.cells)) {
      await batch.rows(rows, (first, slice) => {
        // `formulas` takes "=…" as a formula and "'…" as text, so escaped user text stays text.
        sheet.getRangeByIndexes(
          write.row - 1 + offset + first,
          write.column - 1,
          slice.length,
          columns,
        ).formulas = slice;
      });
    }
  }
  for (const format of resolved.formats) await applyFormat(batch, sheet, format);
  if (resolved.freeze) {
    await batch.room(COMMAND_BYTES);
    const { rows, columns } = resolved.freeze;
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
    else sheet.freezePanes.unfreeze();
  }
  if (resolved.print && pageLayout) {
    await batch.room(COMMAND_BYTES * 4);
    const { orientation, paper, fitTo, area } = resolved.print;
    const layout = sheet.pageLayout;
    layout.orientation = orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = paper;
    // "The PageLayoutZoomOptions object must be set as a JSON object (use x.zoom = {...} instead
    // of x.zoom.scale = ...)" (node_modules/@microsoft/office-js/dist/office.d.ts, PageLayout.zoom).
    layout.zoom = { horizontalFitToPages: fitTo.wide, verticalFitToPages: fitTo.tall };
    if (area) layout.setPrintArea(area);
  }
}

/** Runs of consecutive rows that hold anything but holes: [offset of the first row, rows]. */
function rowRuns<T>(rows: (T | null)[][]): [number, (T | null)[][]][] {
  const found: [number, (T | null)[][]][] = [];
  let start = -1;
  for (let index = 0; index <= rows.length; index++) {
    const holes = index === rows.length || (rows[index] as (T | null)[]).every((cell) => cell === null);
    if (!holes && start < 0) start = index;
    if (holes && start >= 0) {
      found.push([start, rows.slice(start, index)]);
      start = -1;
    }
  }
  return found;
}

async function applyFormat(batch: Batch, sheet: Excel.Worksheet, format: Format): Promise<void> {
  const { numberFormat } = format;
  const { row, column, rows, columns } = parseRange(format.range);
  if (numberFormat) {
    const formats = Array.from({ length: rows }, () => new Array<string>(columns).fill(numberFormat));
    await batch.rows(formats, (first, slice) => {
      sheet.getRangeByIndexes(row - 1 + first, column - 1, slice.length, columns).numberFormat = slice;
    });
  }
  if (!format.role && !format.fill && !format.width && format.hidden === undefined && !format.validation)
    return;
  // Fill, font colour and weight, width, hidden, validation: a command each at most.
  await batch.room(COMMAND_BYTES * 7);
  const range = sheet.getRange(format.range);
  // A block's own fill (the map's quadrants) takes the place of its role's: the same command.
  const fill = format.fill ?? (format.role ? ROLE_STYLE[format.role].fill : undefined);
  if (fill) range.format.fill.color = fill;
  else if (format.role) range.format.fill.clear();
  if (format.role) {
    const style = ROLE_STYLE[format.role];
    range.format.font.color = style.fontColor;
    range.format.font.bold = style.bold;
  }
  if (format.width) range.format.columnWidth = columnWidthPoints(format.width);
  // false shows the columns again (the old state column, once migrated).
  if (format.hidden !== undefined) range.columnHidden = format.hidden;
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

/**
 * BuyIn's charts on the sheet, as the marker records them: by Chart.id (ExcelApi 1.7), so that a
 * user's chart is never taken for BuyIn's, whatever its title or name. An entry that is no id on
 * the sheet is a title, recorded by an earlier version or for a chart whose id did not come back:
 * that chart is the one of BuyIn's name for it (CHART_PREFIX and the title, which a user's chart
 * does not have unless renamed so).
 */
function recordedCharts(entries: readonly string[], present: readonly Excel.Chart[]): Excel.Chart[] {
  const found: Excel.Chart[] = [];
  for (const entry of entries) {
    const chart =
      present.find((each) => each.id === entry) ??
      present.find((each) => each.name === `${CHART_PREFIX}${entry}`);
    if (chart && !found.includes(chart)) found.push(chart);
  }
  return found;
}

/**
 * The resolved charts: BuyIn's recorded charts are written again in place, keeping their ids
 * (the user's chart formatting stays too), extra ones deleted, missing ones added; no other chart
 * is touched. Returns what the marker records, in the plan's order: each chart's id, or its title
 * for a chart added in this last sync, whose id comes back too late for the marker (the next run
 * finds it by BuyIn's name for it and records its id). `added`: the charts added with the sheet in
 * sync 2 (written there).
 */
async function writeCharts(
  batch: Batch,
  sheet: Excel.Worksheet,
  resolved: ResolvedSheet,
  present: readonly Excel.Chart[],
  added: readonly Excel.Chart[] | undefined,
  pointLabels: boolean,
): Promise<string[]> {
  if (added) {
    for (const [index, plan] of resolved.charts.entries()) {
      const chart = added[index];
      if (chart && pointLabels) await labelPoints(batch, chart, plan, resolved.target.name);
    }
    return resolved.charts.map((chart, index) => added[index]?.id ?? chart.title);
  }
  // A sheet found again by its anchor name lost its marker and the chart ids with it: BuyIn's
  // name for each chart is all that is left to know them by.
  const recovered = resolved.target.recovered ? resolved.charts.map((chart) => chart.title) : [];
  const ours = recordedCharts([...resolved.removeCharts, ...recovered], present);
  const ids: string[] = [];
  for (const [index, plan] of resolved.charts.entries()) {
    // The chart or its data, its name, type, series ranges, three titles, legend and position;
    // four more a further series (add, x, values, its range).
    await batch.room(COMMAND_BYTES * (11 + 4 * Math.max(0, (plan.series?.length ?? 1) - 1)));
    const chart = ours[index];
    const written = writeChart(sheet, plan, chart);
    if (pointLabels) await labelPoints(batch, written, plan, resolved.target.name);
    ids.push(chart ? chart.id : plan.title);
  }
  for (const chart of ours.slice(resolved.charts.length)) {
    await batch.room(COMMAND_BYTES);
    chart.delete();
  }
  return ids;
}

/**
 * Application.cultureInfo and CultureInfo.name ("en-us", "languagecode2-country/regioncode2"):
 * ExcelApi 1.11 (@types/office-js index.d.ts, class Application and class CultureInfo).
 */
export const CULTURE_API = "1.11";

/** ChartPoint.dataLabel.formula and .position: ExcelApi 1.8 (hasDataLabel 1.7). */
export const POINT_LABELS_API = "1.8";

/**
 * Labels each point of the chart's first series with its cell of `plan.labels` (the map's names):
 * a data label whose formula refers to the cell, so a renamed person's label follows
 * (ChartPoint.hasDataLabel, ExcelApi 1.7; ChartDataLabel.formula "the formula of chart data
 * label using A1-style notation", ExcelApi 1.8: @types/office-js index.d.ts, class ChartPoint and
 * class ChartDataLabel). Excel has no range-wide "value from cells" in office.js, so it is one
 * point at a time, three commands each, in as many syncs as the payload needs.
 */
async function labelPoints(batch: Batch, chart: Excel.Chart, plan: ResolvedChart, sheetName: string) {
  if (!plan.labels) return;
  const { row, column, rows } = parseRange(plan.labels);
  const points = chart.series.getItemAt(0).points;
  for (let index = 0; index < rows; index++) {
    await batch.room(COMMAND_BYTES * 3);
    const point = points.getItemAt(index);
    point.hasDataLabel = true;
    point.dataLabel.position = "Right";
    point.dataLabel.formula = `=${quoteSheet(sheetName)}!$${columnLetter(column)}$${row + index}`;
  }
}

function writeChart(sheet: Excel.Worksheet, plan: ResolvedChart, chart?: Excel.Chart): Excel.Chart {
  const y = sheet.getRange(plan.y);
  // One series from the source, whichever way the data runs: a row of values (a KPI's periods)
  // is one series by rows, a column by columns.
  const seriesBy = parseRange(plan.y).rows === 1 && parseRange(plan.y).columns > 1 ? "Rows" : "Columns";
  let written: Excel.Chart;
  if (chart) {
    written = chart;
    written.chartType = CHART_TYPES[plan.type];
    // "Resets the source data for the chart" (Chart.setData): series a user added go, and the
    // first series is there to set whatever the user did to it.
    written.setData(y, seriesBy);
  } else written = sheet.charts.add(CHART_TYPES[plan.type], y, seriesBy);
  written.name = `${CHART_PREFIX}${plan.title}`;
  // Both ranges set on the series: Excel's guess from the source would take a text cell as a name.
  const x = sheet.getRange(plan.x);
  const first = written.series.getItemAt(0);
  first.setXAxisValues(x);
  first.setValues(y);
  // Further series added after the first (ChartSeriesCollection.add, ExcelApi 1.7), each named.
  const [head, ...rest] = plan.series ?? [];
  if (head) first.name = head.name;
  for (const each of rest) {
    const added = written.series.add(each.name);
    added.setXAxisValues(x);
    added.setValues(sheet.getRange(each.values));
  }
  written.title.text = plan.title;
  written.axes.categoryAxis.title.text = plan.xTitle;
  written.axes.valueAxis.title.text = plan.yTitle;
  written.legend.visible = plan.series !== undefined;
  written.setPosition(plan.anchor);
  return written;
}

/** Excel's cell-value rule for a plan's rule: equal to a text (as ="text"), or less than a number. */
function hostRule(rule: ConditionalRule): Excel.ConditionalCellValueRule {
  return rule.when === "equals"
    ? { operator: "EqualTo", formula1: `="${String(rule.value).replace(/"/g, '""')}"` }
    : { operator: "LessThan", formula1: String(rule.value) };
}

/** A cell-value rule read back as a plan's rule, when it is one BuyIn could have written. */
function planRule(
  rule: Excel.ConditionalCellValueRule,
  fill: string | undefined,
): ConditionalRule | undefined {
  const tone = (Object.keys(TONE_STYLE) as Tone[]).find(
    (each) => TONE_STYLE[each].fill.toLowerCase() === fill?.toLowerCase(),
  );
  if (!tone) return undefined;
  const text = /^="((?:[^"]|"")*)"$/.exec(rule.formula1 ?? "");
  if (rule.operator === "EqualTo" && text)
    return { when: "equals", value: (text[1] as string).replace(/""/g, '"'), tone };
  const number = Number(String(rule.formula1 ?? "").replace(/^=/, ""));
  if (rule.operator === "LessThan" && rule.formula1 !== "" && Number.isFinite(number))
    return { when: "below", value: number, tone };
  return undefined;
}

/**
 * The rules of BuyIn's among those read (isBuyInsRule against the marker's record): each
 * cell-value rule's range, rule and fill, loaded in one sync for all sheets, the only sync added
 * for conditional formats, and only when a sheet's marker records rules. A rule of the user's,
 * whatever its range or look, is never among them.
 */
async function buyInsRules(
  context: Excel.RequestContext,
  sheets: readonly ResolvedSheet[],
  read: ReadonlyMap<string, Excel.ConditionalFormatCollection>,
): Promise<Map<string, Excel.ConditionalFormat[]>> {
  const candidates = sheets.flatMap((sheet) => {
    const recorded = sheet.removeConditionalFormats ?? [];
    const rules = read.get(sheet.target.name);
    if (!rules || recorded.length === 0) return [];
    return rules.items
      .filter((item) => item.type === "CellValue")
      .map((item) => ({
        sheet: sheet.target.name,
        recorded,
        item,
        range: item.getRange().load("address"),
        value: item.cellValue.load("rule"),
        fill: item.cellValue.format.fill.load("color"),
      }));
  });
  const found = new Map<string, Excel.ConditionalFormat[]>();
  if (candidates.length === 0) return found;
  await context.sync();
  for (const candidate of candidates) {
    const rule = planRule(candidate.value.rule, candidate.fill.color);
    // Range.address carries its sheet ("KPIs!N2:N9", "'My KPIs'!N2:N9").
    const range = candidate.range.address
      .slice(candidate.range.address.lastIndexOf("!") + 1)
      .replace(/\$/g, "");
    if (rule && isBuyInsRule({ range, rule }, candidate.recorded))
      found.set(candidate.sheet, [...(found.get(candidate.sheet) ?? []), candidate.item]);
  }
  return found;
}

/**
 * Adds one of BuyIn's rules. ConditionalFormatCollection.add puts a rule first; BuyIn's then go
 * last (priority -1: "Use a negative priority to begin from the back", ConditionalFormat.priority,
 * ExcelApi 1.6), in the plan's order, so a rule of the user's on the same cells takes precedence.
 */
function writeRule(sheet: Excel.Worksheet, format: ResolvedConditionalFormat): void {
  const added = sheet.getRange(format.range).conditionalFormats.add("CellValue");
  const style = TONE_STYLE[format.rule.tone];
  added.cellValue.format.fill.color = style.fill;
  added.cellValue.format.font.color = style.fontColor;
  added.cellValue.rule = hostRule(format.rule);
  added.priority = -1;
}

/**
 * Sets the resolved names: a name BuyIn added before is replaced when its reference changed, a
 * new one is added; a name the user defined (without BuyIn's comment) stays as it is and is
 * reported. Returns the names set and the names left to the user.
 */
async function writeNames(
  batch: Batch,
  collection: Excel.NamedItemCollection,
  existing: ReadonlyMap<string, Excel.NamedItem>,
  resolved: ResolvedSheet,
): Promise<{ set: string[]; left: Set<string>; messages: string[] }> {
  const set: string[] = [];
  const left = new Set<string>();
  const messages: string[] = [];
  for (const { name, reference } of resolved.names) {
    const current = existing.get(name.toLowerCase());
    if (current && current.comment !== NAME_COMMENT) {
      messages.push(`The workbook already has a name ${current.name} of its own; BuyIn left it as it is.`);
      left.add(name.toLowerCase());
      continue;
    }
    set.push(name);
    // Excel hands a reference back as it tidies it ('Sheet'!… or Sheet!…): the same cells.
    if (
      current &&
      contentFingerprint(null, String(current.formula)) === contentFingerprint(null, `=${reference}`)
    )
      continue;
    await batch.room(COMMAND_BYTES * 2);
    current?.delete();
    collection.add(name, `=${reference}`, NAME_COMMENT);
  }
  return { set, left, messages };
}

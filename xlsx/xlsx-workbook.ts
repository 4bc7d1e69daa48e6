/**
 * XlsxWorkbook: a WorkbookPort over an .xlsx file held in memory (ExcelJS), for a toolkit anyone
 * can open with nothing installed: Excel, LibreOffice, an import into Google Sheets. The same
 * three steps as every port: read the snapshot (sheets, markers, names, visibility) and the target
 * sheets, `resolveAll` in core, write. Never part of a host bundle: the preview loads it on demand
 * and the build uses it to write dist/*.xlsx.
 *
 * Where the file keeps what other hosts keep beside cells:
 * - Markers: a sheet of BuyIn's in state "veryHidden", one row per marked sheet (its sheetId, its
 *   name, the marker as JSON). ECMA-376 Part 1, 18.18.68 ST_SheetState: veryHidden "indicates the
 *   sheet is hidden and cannot be shown in the user interface (UI). This state is only available
 *   programmatically"; ExcelJS writes it from `worksheet.state` (README, "Worksheet State"). A
 *   sheet is known by its sheetId (18.2.19 sheet: "sheetId (Sheet Tab Id)"), which ExcelJS reads
 *   and writes as `worksheet.id` and Excel keeps through renames; a tool that renumbers sheets
 *   (LibreOffice writes them 1…n in tab order) cannot move a marker onto another sheet, because a
 *   marker is taken only by the sheet of its recorded name or the one its kind's anchor name
 *   points at. Otherwise the resolver finds the sheet again by its anchor name.
 * - The state sheet ("BuyIn state") is an ordinary sheet, veryHidden like Excel's.
 * - Formulas get no cached values (ExcelJS computes nothing), so the file asks to be recalculated
 *   when opened: 18.2.2 calcPr, fullCalcOnLoad "indicates whether the application shall perform
 *   a full calculation when the workbook is opened" (ExcelJS `workbook.calcProperties`).
 * - Charts: ExcelJS cannot write them (its README lists none among its features; issue
 *   exceljs/exceljs#141). Where a plan has a chart, a note in the chart's anchor cell says so and
 *   names the data to chart (each series of a chart with several); the marker records that cell,
 *   so only that note is ever cleared.
 * - Conditional formats: cellIs rules (ExcelJS `addConditionalFormatting`), BuyIn's known again by
 *   range and rule as every port knows them (writeRules).
 *
 * User text is written as a string cell (ExcelJS writes a JavaScript string as a shared string,
 * t="s"), never as a formula: only a HostInput formula ("=…", made by core from a plan's
 * template) becomes `{ formula }`.
 */
import ExcelJS from "exceljs";
import {
  type ApplyReport,
  anchorName,
  type Cell,
  type ChartPlan,
  type ConditionalRule,
  columnLetter,
  type Format,
  type HostInput,
  isBuyInsRule,
  type PrintSetup,
  parseCell,
  parseRange,
  planTargets,
  type ResolvedSheet,
  resolveAll,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_KIND,
  type TableSnapshot,
  type Tone,
  tableColumnIds,
  type Validation,
  type WorkbookPort,
  type WorkbookSnapshot,
} from "../core/index";
import type { WorkbookContents } from "../ui/workbook-contents";
import { ROLE_STYLE, TONE_STYLE } from "../ui/workbook-port";
import { checkDefinedNames } from "./defined-names";
import { checkXlsxFile, XlsxFileError } from "./file-checks";
import { fromFileFormula, toFileFormula } from "./future-functions";
import { shiftRows } from "./row-references";

/** The first cell of BuyIn's marker sheet: a sheet without it is not BuyIn's. */
const MARKERS_HEADER = "buyin-markers";
const MARKERS_TITLE = "BuyIn markers";
/** Excel's limit of characters in one cell (Excel specifications and limits); longer JSON spans cells. */
const CELL_CHARACTERS = 32_767;
/** Prefix of the chart notes' ids in a marker: the cell holding the note. */
const CHART_NOTE = "note:";
/** Excel's 1900 date system: serial 25569 is 1970-01-01 (ECMA-376 Part 1, 18.17.4.1). */
const UNIX_EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;
/** ECMA-376 Part 1, 18.3.1.63 pageSetup paperSize: 9 is A4 (ExcelJS's PaperSize.A4, a const enum). */
const A4_PAPER = 9;

/** A JavaScript date as ExcelJS reads a date cell (UTC midnight of the day), as a serial. */
function serial(date: Date): number {
  return date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** A cell's value as a Cell: formula results and constants alike; errors as their text ("#N/A"). */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serial(value);
  if ("formula" in value || "sharedFormula" in value) return cellValue(value.result ?? null);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  return null;
}

/**
 * A cell's value, formula results included. A formula's result is read from `cell.result`: the
 * copy `cell.value` hands out drops a result that is falsy (0, FALSE, ""), as
 * FormulaValue._copyModel in ExcelJS 4.4.0 (lib/doc/cell.js) copies only truthy fields.
 */
function readCell(cell: ExcelJS.Cell): Cell {
  return cell.formula ? cellValue((cell.result as ExcelJS.CellValue) ?? null) : cellValue(cell.value);
}

function chartNote(chart: ChartPlan): string {
  const data = chart.series
    ? `with a series for each of ${chart.series.map((each) => `${each.name} (${each.values})`).join(", ")}`
    : `of ${chart.y}`;
  return (
    `Chart "${chart.title}": this file has no chart, because the library that writes it cannot make ` +
    `charts. To draw it, insert a ${chart.type} chart ${data} against ${chart.x}.`
  );
}

/** A rule of BuyIn's as the file holds it: a cellIs rule over its range, in its tone's colours. */
function fileRule(rule: ConditionalRule, priority: number): ExcelJS.CellIsRuleType {
  const style = TONE_STYLE[rule.tone];
  return {
    type: "cellIs",
    operator: rule.when === "equals" ? "equal" : "lessThan",
    formulae: [rule.when === "equals" ? `"${String(rule.value).replace(/"/g, '""')}"` : rule.value],
    priority,
    // A rule's fill is a differential format, whose solid fill colour is its bgColor (18.8.20 fill).
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } },
      font: { color: { argb: argb(style.fontColor) } },
    },
  };
}

/** A rule read from the file as a plan's rule, when it is one BuyIn could have written. */
function planRule(rule: ExcelJS.ConditionalFormattingRule): ConditionalRule | undefined {
  if (rule.type !== "cellIs") return undefined;
  const fill = rule.style?.fill;
  const colour = fill?.type === "pattern" ? (fill.bgColor?.argb ?? fill.fgColor?.argb) : undefined;
  const tone = (Object.keys(TONE_STYLE) as Tone[]).find(
    (each) => argb(TONE_STYLE[each].fill) === colour?.toUpperCase(),
  );
  const [formula] = rule.formulae ?? [];
  if (!tone || formula === undefined) return undefined;
  const text = /^"((?:[^"]|"")*)"$/.exec(String(formula));
  if (rule.operator === "equal" && text)
    return { when: "equals", value: (text[1] as string).replace(/""/g, '"'), tone };
  const number = Number(formula);
  if (rule.operator === "lessThan" && String(formula) !== "" && Number.isFinite(number))
    return { when: "below", value: number, tone };
  return undefined;
}

/** OOXML widths are characters plus 5 pixels of padding over Calibri 11's 7-pixel digit (18.3.1.13). */
function columnWidth(characters: number): number {
  return characters + 5 / 7;
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function dataValidation(validation: Validation): ExcelJS.DataValidation | undefined {
  if (validation.list)
    // A list is a quoted, comma-separated formula of at most 255 characters (18.3.1.32).
    return {
      type: "list",
      allowBlank: true,
      formulae: [`"${validation.list.join(",").replaceAll('"', '""')}"`],
    };
  const { min, max } = validation;
  const type = validation.whole ? "whole" : "decimal";
  if (min !== undefined && max !== undefined)
    return { type, operator: "between", allowBlank: true, formulae: [min, max] };
  if (min !== undefined) return { type, operator: "greaterThanOrEqual", allowBlank: true, formulae: [min] };
  if (max !== undefined) return { type, operator: "lessThanOrEqual", allowBlank: true, formulae: [max] };
  return undefined;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly book: ExcelJS.Workbook) {}

  /** A new, empty file. */
  static empty(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = "BuyIn";
    return new XlsxWorkbook(book);
  }

  /**
   * A file as saved by BuyIn, Excel or LibreOffice, checked first (./file-checks: size, a zip
   * holding a workbook, no macros, external links or parts the library would drop): a refused or
   * damaged file throws an XlsxFileError whose message says why. Shared formulas become ordinary
   * ones, so that each cell reads and moves on its own.
   */
  static async fromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    checkXlsxFile(bytes);
    const book = new ExcelJS.Workbook();
    try {
      await checkDefinedNames(bytes);
    } catch (error) {
      if (error instanceof XlsxFileError) throw error;
      throw new XlsxFileError(
        `BuyIn cannot open this file: it is damaged or not an .xlsx workbook (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
      );
    }
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new XlsxFileError(
        `BuyIn cannot open this file: it is damaged or not an .xlsx workbook (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
      );
    }
    if (book.worksheets.length === 0)
      throw new XlsxFileError("BuyIn cannot open this file: it holds no sheets. Nothing was changed.");
    for (const sheet of book.worksheets) {
      // Read as A1:F52, it would be written back as $A1:$F52 (see absoluteRows).
      if (sheet.pageSetup.printArea) sheet.pageSetup.printArea = absoluteRows(sheet.pageSetup.printArea);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formulaType === 2) cell.value = { formula: cell.formula, result: cell.result } as never;
        }),
      );
    }
    return new XlsxWorkbook(book);
  }

  /** The .xlsx file's bytes. */
  async toBuffer(): Promise<Uint8Array> {
    this.book.calcProperties.fullCalcOnLoad = true;
    return new Uint8Array(await this.book.xlsx.writeBuffer());
  }

  /** Reads the target sheets, resolves every plan in core, and writes them into the file. */
  async applyAll(plans: readonly SheetPlan[]): Promise<ApplyReport[]> {
    const workbook = this.snapshot();
    const states = new Map<string, SheetState>();
    for (const target of planTargets(plans, workbook))
      if (!target.create) states.set(target.name, this.sheetState(this.sheet(target.name)));
    const resolved = resolveAll(plans, workbook, states);
    const markers = this.readMarkers();
    for (const sheet of resolved.sheets) {
      const written = this.write(sheet);
      markers.set(written.id, { sheet: written.name, marker: written.marker });
    }
    for (const name of resolved.removeNames) this.removeName(name);
    this.writeMarkers(markers);
    return [...resolved.reports];
  }

  async readTable(kind: string): Promise<TableSnapshot | undefined> {
    const { sheets } = this.snapshot();
    const owned = sheets.find((sheet) => sheet.marker?.kind === kind);
    if (!owned) return undefined;
    const [header = [], ...rows] = this.sheetState(this.sheet(owned.name)).values;
    const state = sheets.find((sheet) => sheet.marker?.kind === STATE_KIND);
    return {
      sheet: owned.name,
      header: header.map((cell) => (cell === null ? "" : String(cell))),
      rows: rows.flatMap((values, index) =>
        values.some((cell) => cell !== null && cell !== "") ? [{ row: index + 2, values }] : [],
      ),
      ids: tableColumnIds(
        kind,
        header.length,
        state === undefined ? undefined : this.sheetState(this.sheet(state.name)),
      ),
    };
  }

  /**
   * The whole workbook as plain data, for a host that loads it (the preview's "Open a workbook…"):
   * each sheet's contents (a formula as "=…", text as text, values), whether it is hidden, its
   * BuyIn marker, and the workbook's names.
   */
  contents(): WorkbookContents {
    const snapshot = this.snapshot();
    return {
      sheets: snapshot.sheets.map(({ name, marker, hidden }) => {
        const { values, formulas } = this.sheetState(this.sheet(name));
        return {
          name,
          cells: values.map((row, r) => row.map((value, c) => formulas[r]?.[c] ?? value)),
          textCells: values.map((row, r) =>
            row.map((value, c) => typeof value === "string" && !formulas[r]?.[c]),
          ),
          ...(marker ? { marker } : {}),
          ...(hidden ? { hidden } : {}),
        };
      }),
      names: snapshot.names ?? {},
    };
  }

  /** The sheets a user sees in the tab bar and BuyIn's hidden ones, in order; the marker sheet left out. */
  sheetNames(): string[] {
    return this.book.worksheets.filter((sheet) => !this.isMarkerSheet(sheet)).map((sheet) => sheet.name);
  }

  /** The sheet's state: "visible", "hidden" or "veryHidden". */
  visibility(sheet: string): string {
    return this.sheet(sheet).state;
  }

  /** The cell's value: a constant, or a formula's cached result (none in a file BuyIn wrote). */
  value(sheet: string, a1: string): Cell {
    return readCell(this.sheet(sheet).getCell(a1));
  }

  /** The cell's formula ("=…"), or undefined for a constant or a blank. */
  formula(sheet: string, a1: string): string | undefined {
    const formula = this.sheet(sheet).getCell(a1).formula;
    return formula ? `=${fromFileFormula(formula)}` : undefined;
  }

  /** Every cell's value from A1 to the sheet's last used cell (formula results as cached). */
  grid(sheet: string): Cell[][] {
    return this.sheetState(this.sheet(sheet)).values.map((row) => [...row]);
  }

  /** How a cell looks: its fill and weight, number format, validation and its column's width. */
  look(
    sheet: string,
    a1: string,
  ): {
    fill?: string;
    bold?: boolean;
    numFmt?: string;
    validation?: ExcelJS.DataValidation;
    width?: number;
  } {
    const cell = this.sheet(sheet).getCell(a1);
    const fill = cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined;
    return {
      ...(fill ? { fill } : {}),
      ...(cell.font?.bold !== undefined ? { bold: cell.font.bold } : {}),
      ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
      ...(cell.dataValidation ? { validation: cell.dataValidation } : {}),
      ...(this.sheet(sheet).getColumn(parseCell(a1).column).width !== undefined
        ? { width: this.sheet(sheet).getColumn(parseCell(a1).column).width as number }
        : {}),
    };
  }

  /** The sheet's frozen rows and columns, if any. */
  /** A sheet's conditional formats as the file holds them, in order (tests add a user's here too). */
  conditionalFormats(sheet: string): ExcelJS.ConditionalFormattingOptions[] {
    return (
      this.sheet(sheet) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
  }

  frozen(sheet: string): { rows: number; columns: number } | undefined {
    const view = this.sheet(sheet).views.find((each) => each.state === "frozen") as
      | ExcelJS.WorksheetViewFrozen
      | undefined;
    return view ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined;
  }

  /** A workbook name's ranges, as ExcelJS holds them ("'Stakeholders'!$C$2:$C$16"). */
  namedRanges(name: string): string[] {
    return this.book.definedNames.getRanges(name).ranges;
  }

  /**
   * A user renaming a sheet in Excel: the sheetId stays, and every formula and workbook name that
   * referred to the sheet now names it so ("Rename a worksheet": references follow; ExcelJS's own
   * rename changes the tab only).
   */
  renameSheet(name: string, newName: string): void {
    const quoted = (sheet: string) => `'${sheet.replaceAll("'", "''")}'!`;
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const bare = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `|${literal(`${name}!`)}` : "";
    const prefix = new RegExp(`(?<![A-Za-z0-9_.])(?:${literal(quoted(name))}${bare})`, "gi");
    const rename = (formula: string) =>
      formula
        .split(/("(?:[^"]|"")*")/)
        .map((part, index) => (index % 2 === 1 ? part : part.replace(prefix, quoted(newName))))
        .join("");
    for (const sheet of this.book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = cell.formula;
          if (formula && rename(formula) !== formula)
            cell.value = { formula: rename(formula), result: cell.result } as never;
        }),
      );
    this.book.definedNames.model = this.book.definedNames.model.map(({ name: each, ranges }) => ({
      name: each,
      ranges: ranges.map(rename),
    }));
    this.sheet(name).name = newName;
  }

  /** A sheet of the user's own, values from A1 (text stays text). */
  addSheet(name: string, cells: readonly (readonly Cell[])[]): void {
    const sheet = this.book.addWorksheet(name);
    for (const [r, line] of cells.entries())
      for (const [c, content] of line.entries()) sheet.getCell(r + 1, c + 1).value = content;
  }

  /** A user typing into a cell, for tests: "=…" a formula, other text as text, "" clears. */
  setCell(sheet: string, a1: string, content: Cell, kind: "typed" | "text" = "typed"): void {
    const cell = this.sheet(sheet).getCell(a1);
    cell.value =
      kind === "typed" && typeof content === "string" && content.startsWith("=")
        ? { formula: toFileFormula(content.slice(1)) }
        : content === ""
          ? null
          : content;
  }

  private snapshot(): WorkbookSnapshot {
    const names: Record<string, string> = {};
    for (const { name, ranges } of this.book.definedNames.model)
      if (ranges.length === 1) names[name] = ranges[0] as string;
    const markers = this.readMarkers();
    const anchored = (kind: string) => {
      const reference = names[anchorName(kind)];
      return reference
        ? reference.slice(0, reference.lastIndexOf("!")).replace(/^'|'$/g, "").replaceAll("''", "'")
        : "";
    };
    return {
      sheets: this.book.worksheets
        .filter((sheet) => !this.isMarkerSheet(sheet))
        .map((sheet) => {
          const stored = markers.get(String(sheet.id));
          const marker =
            stored && (stored.sheet === sheet.name || anchored(stored.marker.kind) === sheet.name)
              ? stored.marker
              : undefined;
          return {
            name: sheet.name,
            id: String(sheet.id),
            ...(marker ? { marker } : {}),
            ...(sheet.state !== "visible" ? { hidden: true } : {}),
          };
        }),
      names,
    };
  }

  /** The sheet from A1 to its last used cell, as rectangles of equal size. */
  private sheetState(sheet: ExcelJS.Worksheet): SheetState {
    let height = 0;
    let width = 0;
    sheet.eachRow((row, rowNumber) =>
      row.eachCell((cell, column) => {
        if (cell.value === null || cell.value === undefined) return;
        height = Math.max(height, rowNumber);
        width = Math.max(width, column);
      }),
    );
    const values = Array.from({ length: height }, () => new Array<Cell>(width).fill(null));
    const formulas = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
    sheet.eachRow((row, rowNumber) =>
      row.eachCell((cell, column) => {
        if (rowNumber > height || column > width) return;
        (values[rowNumber - 1] as Cell[])[column - 1] = readCell(cell);
        const formula = cell.formula;
        if (formula)
          (formulas[rowNumber - 1] as (string | null)[])[column - 1] = `=${fromFileFormula(formula)}`;
      }),
    );
    return { values, formulas };
  }

  private write(resolved: ResolvedSheet): { id: string; name: string; marker: SheetMarker } {
    const { target } = resolved;
    const sheet = target.create
      ? // Printed for a reviewer: landscape, one page wide (18.3.1.63 pageSetup, fitToHeight 0:
        // as many pages down as it takes). Set once, when BuyIn makes the sheet: later the
        // print settings are the user's.
        this.book.addWorksheet(target.name, {
          pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
        })
      : this.sheet(target.name);
    for (const range of resolved.clear) this.clearRange(sheet, range);
    for (const { at, count } of resolved.insertRows) {
      sheet.spliceRows(at, 0, ...Array.from({ length: count }, () => []));
      this.shiftFormulas(sheet.name, at, count);
    }
    for (const { start, count } of resolved.deleteRows) {
      sheet.spliceRows(start, count);
      this.shiftFormulas(sheet.name, start, -count);
    }
    for (const write of resolved.writes)
      for (const [r, line] of write.cells.entries())
        for (const [c, input] of line.entries())
          if (input !== null) this.writeCell(sheet.getCell(write.row + r, write.column + c), input);
    for (const format of resolved.formats) this.format(sheet, format);
    for (const { name, reference } of resolved.names) {
      this.removeName(name);
      this.book.definedNames.add(reference, name);
    }
    this.writeRules(sheet, resolved);
    const charts = this.writeChartNotes(sheet, resolved);
    if (resolved.freeze)
      sheet.views = [{ state: "frozen", xSplit: resolved.freeze.columns, ySplit: resolved.freeze.rows }];
    if (resolved.print) sheet.pageSetup = { ...sheet.pageSetup, ...pageSetup(resolved.print) };
    if (resolved.hidden) sheet.state = "veryHidden";
    const id = String(sheet.id);
    return { id, name: sheet.name, marker: { ...resolved.marker, sheetId: id, charts } };
  }

  /**
   * HostInput into a cell: a formula as `{ formula }`, text as a string (a leading apostrophe,
   * which says "text" to a host that parses what it is given, dropped: a file cell's type says it).
   */
  private writeCell(cell: ExcelJS.Cell, input: HostInput): void {
    if (input === "") cell.value = null;
    else if (typeof input !== "string") cell.value = input;
    else if (input.startsWith("=")) cell.value = { formula: toFileFormula(input.slice(1)) };
    else cell.value = input.startsWith("'") ? input.slice(1) : input;
  }

  private clearRange(sheet: ExcelJS.Worksheet, range: string): void {
    const { row, column, rows, columns } = parseRange(range);
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++) sheet.getCell(r, c).value = null;
  }

  /** Every formula of the file, and each workbook name (ExcelJS moves those), after rows moved. */
  private shiftFormulas(sheetName: string, at: number, count: number): void {
    const shift = { sheet: sheetName, at, count };
    for (const sheet of this.book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = cell.formula;
          if (!formula) return;
          const moved = shiftRows(formula, sheet.name, shift);
          if (moved !== formula)
            cell.value = {
              ...(cell.value as ExcelJS.CellFormulaValue),
              formula: moved,
              result: cell.result,
            } as never;
        }),
      );
  }

  private format(sheet: ExcelJS.Worksheet, format: Format): void {
    const { row, column, rows, columns } = parseRange(format.range);
    const validation = format.validation ? dataValidation(format.validation) : undefined;
    const style = format.role ? ROLE_STYLE[format.role] : undefined;
    // A block's own fill (the map's quadrants) takes the place of its role's.
    const fill = format.fill ?? style?.fill;
    for (let c = column; c < column + columns; c++) {
      const sheetColumn = sheet.getColumn(c);
      if (format.width) sheetColumn.width = columnWidth(format.width);
      if (format.hidden !== undefined) sheetColumn.hidden = format.hidden;
      for (let r = row; r < row + rows; r++) {
        const cell = sheet.getCell(r, c);
        if (format.numberFormat) cell.numFmt = format.numberFormat;
        if (style) cell.font = { color: { argb: argb(style.fontColor) }, bold: style.bold };
        if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
        if (validation) cell.dataValidation = validation;
      }
    }
  }

  /**
   * BuyIn's conditional format rules replaced by the plan's: a rule is BuyIn's when its one range
   * and its rule are as recorded (isBuyInsRule); the user's stay, and keep precedence (BuyIn's get
   * the priorities after theirs: 18.3.1.10 cfRule, priority, "the lower the number, the higher
   * the priority").
   */
  private writeRules(file: ExcelJS.Worksheet, resolved: ResolvedSheet): void {
    // The rules as read and as written: Worksheet.conditionalFormattings (an array of { ref,
    // rules }, node_modules/exceljs/lib/doc/worksheet.js), which index.d.ts leaves out.
    const sheet = file as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    const mine = resolved.removeConditionalFormats ?? [];
    if (mine.length > 0)
      sheet.conditionalFormattings = sheet.conditionalFormattings.flatMap((format) => {
        const range = format.ref.replace(/\$/g, "");
        const rules = format.rules.filter((rule) => {
          const read = planRule(rule);
          return !(read && !range.includes(" ") && isBuyInsRule({ range, rule: read }, mine));
        });
        return rules.length > 0 ? [{ ...format, rules }] : [];
      });
    let priority = Math.max(
      0,
      ...sheet.conditionalFormattings.flatMap((format) => format.rules.map((rule) => rule.priority ?? 0)),
    );
    for (const { range, rule } of resolved.conditionalFormats ?? [])
      file.addConditionalFormatting({ ref: range, rules: [fileRule(rule, ++priority)] });
  }

  /**
   * Where the plan has a chart, a note in its anchor cell instead, written only into an empty
   * cell or over BuyIn's own earlier note; returns the ids the marker records ("note:N4"). Beside
   * a table the notes go in the header row of their anchor's column, one cell for the charts
   * that share it: a note in a data row would read as the user's data in that row of the table
   * and stretch the table down to it.
   */
  private writeChartNotes(sheet: ExcelJS.Worksheet, resolved: ResolvedSheet): string[] {
    const ours = new Set(
      resolved.removeCharts
        .filter((id) => id.startsWith(CHART_NOTE))
        .map((id) => id.slice(CHART_NOTE.length)),
    );
    for (const address of ours) {
      const cell = sheet.getCell(address);
      if (typeof cell.value === "string" && cell.value.startsWith("Chart ")) cell.value = null;
    }
    const notes = new Map<string, string[]>();
    for (const chart of resolved.charts) {
      const { row, column } = parseCell(chart.anchor);
      const address = `${columnLetter(column)}${resolved.tableRange ? 1 : row}`;
      notes.set(address, [...(notes.get(address) ?? []), chartNote(chart)]);
    }
    const ids: string[] = [];
    for (const [address, texts] of notes) {
      const cell = sheet.getCell(address);
      if (cell.value !== null && cell.value !== undefined) continue;
      cell.value = texts.join(" ");
      cell.font = { italic: true, color: { argb: argb(ROLE_STYLE.note.fontColor) } };
      ids.push(`${CHART_NOTE}${address}`);
    }
    return ids;
  }

  /** Workbook names are case-insensitive (ECMA-376 Part 1, 18.2.5 definedName). */
  private removeName(name: string): void {
    const names = this.book.definedNames;
    const kept = names.model.filter((each) => each.name.toLowerCase() !== name.toLowerCase());
    if (kept.length !== names.model.length) names.model = kept;
  }

  /** Hidden or very hidden: LibreOffice Calc 7.4 saves a veryHidden sheet as "hidden". */
  private isMarkerSheet(sheet: ExcelJS.Worksheet): boolean {
    return sheet.state !== "visible" && sheet.getCell("A1").value === MARKERS_HEADER;
  }

  /** The stored markers by sheetId, each with the name of the sheet it was written for. */
  private readMarkers(): Map<string, { sheet: string; marker: SheetMarker }> {
    const markers = new Map<string, { sheet: string; marker: SheetMarker }>();
    const store = this.book.worksheets.find((sheet) => this.isMarkerSheet(sheet));
    store?.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const [id, name, ...json] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      try {
        const marker: unknown = JSON.parse(json.map((part) => (part === null ? "" : String(part))).join(""));
        if (marker && typeof marker === "object" && typeof (marker as SheetMarker).kind === "string")
          markers.set(String(id), { sheet: String(name), marker: marker as SheetMarker });
      } catch {
        // A marker the user damaged is no marker: the anchor names find the sheet again.
      }
    });
    return markers;
  }

  /** The marker sheet rewritten whole, for the sheets that still exist. */
  private writeMarkers(markers: Map<string, { sheet: string; marker: SheetMarker }>): void {
    let store = this.book.worksheets.find((sheet) => this.isMarkerSheet(sheet));
    if (store) this.book.removeWorksheet(store.id);
    let title = MARKERS_TITLE;
    for (let suffix = 2; this.book.getWorksheet(title); suffix++) title = `${MARKERS_TITLE} (${suffix})`;
    store = this.book.addWorksheet(title, { state: "veryHidden" });
    store.addRow([MARKERS_HEADER, "sheet", "marker"]);
    const ids = new Set(this.book.worksheets.map((sheet) => String(sheet.id)));
    for (const [id, { sheet, marker }] of markers) {
      if (!ids.has(id)) continue;
      const json = JSON.stringify(marker);
      const parts: string[] = [];
      for (let at = 0; at < json.length; at += CELL_CHARACTERS)
        parts.push(json.slice(at, at + CELL_CHARACTERS));
      store.addRow([id, sheet, ...parts]);
    }
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.book.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }
}

/**
 * A plan's print setup as the file's page setup (ECMA-376 Part 1, 18.3.1.63 pageSetup: fitToWidth,
 * fitToHeight and orientation, with 18.3.1.65 sheetPr/pageSetUpPr fitToPage; paperSize 9 is A4,
 * 1, the default, Letter, which ExcelJS writes by leaving it out). The print area becomes the
 * sheet's _xlnm.Print_Area name (18.2.6 definedName), which ExcelJS writes.
 */
function pageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  return {
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitTo.wide,
    fitToHeight: print.fitTo.tall,
    paperSize: (print.paper === "A4" ? A4_PAPER : undefined) as ExcelJS.PageSetup["paperSize"],
    ...(print.area ? { printArea: absoluteRows(print.area) } : {}),
  };
}

/**
 * A print area with its rows made absolute (A$1:F$52; "&&" joins several): ExcelJS writes each
 * as '<sheet>'!$<start>:$<end> (lib/xlsx/xform/book/workbook-xform.js, lines 44-49) and reads the
 * name back without its dollars (lines 196-199), so given A1:F52 it would write the mixed
 * $A1:$F52; given A$1:F$52 it writes $A$1:$F$52.
 */
function absoluteRows(area: string): string {
  return area.replace(/([A-Z]+)\$?(\d+)/g, "$1$$$2");
}

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
 *   names the data to chart; the marker records that cell, so only that note is ever cleared.
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
  columnLetter,
  type Format,
  type HostInput,
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
  tableColumnIds,
  type Validation,
  type WorkbookPort,
  type WorkbookSnapshot,
} from "../core/index";
import type { WorkbookContents } from "../ui/workbook-contents";
import { ROLE_STYLE } from "../ui/workbook-port";
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

function chartNote(chart: { title: string; type: string; x: string; y: string }): string {
  return (
    `Chart "${chart.title}": this file has no chart, because the library that writes it cannot make ` +
    `charts. To draw it, insert a ${chart.type} chart of ${chart.y} against ${chart.x}.`
  );
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
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formulaType === 2) cell.value = { formula: cell.formula, result: cell.result } as never;
        }),
      );
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
    const charts = this.writeChartNotes(sheet, resolved);
    if (resolved.freeze)
      sheet.views = [{ state: "frozen", xSplit: resolved.freeze.columns, ySplit: resolved.freeze.rows }];
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
   * Where the plan has a chart, a note in its anchor cell instead, written only into an empty
   * cell or over BuyIn's own earlier note; returns the ids the marker records ("note:N4").
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
    const ids: string[] = [];
    for (const chart of resolved.charts) {
      const { row, column } = parseCell(chart.anchor);
      const cell = sheet.getCell(row, column);
      if (cell.value !== null && cell.value !== undefined) continue;
      cell.value = chartNote(chart);
      cell.font = { italic: true, color: { argb: argb(ROLE_STYLE.note.fontColor) } };
      ids.push(`${CHART_NOTE}${columnLetter(column)}${row}`);
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

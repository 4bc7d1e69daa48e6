/**
 * An Excel object model made of office-addin-mock objects, for testing ExcelWorkbook: the request
 * context, load() and sync() (a property reads as an error until it is loaded and synced) are the
 * mock's, and sync() calls are counted on the mock's context. A small model holds what the mock
 * cannot: the sheets' cells, formats, charts, names and settings, read into fresh mock objects at
 * the start of each Excel.run, and written by commands that, as in Office.js, are queued and
 * carried out when context.sync() is called.
 */
import { OfficeMockObject } from "office-addin-mock";
import { expect, vi } from "vitest";
import { type ExcelRun, MARKERS_SETTING } from "../../addin/excel-workbook";
import { parseRange, rangeA1 } from "../../core/index";

/** What Excel holds in a cell: a constant ("" when blank), or a formula and its value. */
interface CellModel {
  readonly value: string | number | boolean;
  readonly formula?: string;
}

interface ChartModel {
  readonly name: string;
  readonly type: string;
  readonly x?: string;
  readonly y?: string;
  readonly title?: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly legend?: boolean;
  readonly anchor?: string;
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
  /** Excel tables on the sheet: name, range and style. */
  tables: { name: string; address: string; style: string }[] = [];
  freeze = { rows: 0, columns: 0 };

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

  deleteRows(address: string): void {
    const { row, rows, columns } = bounds(address);
    if (columns !== 16_384) throw new Error(`not whole rows: ${address}`);
    this.cells.splice(row - 1, rows);
  }

  /** The user inserting an empty column before `column`. */
  insertColumn(column: number): void {
    for (const row of this.cells) if (row.length >= column) row.splice(column - 1, 0, undefined);
  }

  /** Excel's used range with valuesOnly: the smallest rectangle holding every non-blank cell. */
  usedRange():
    | { values: unknown[][]; formulas: unknown[][]; rowIndex: number; columnIndex: number }
    | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
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
    });
  }

  private put(row: number, column: number, cell: CellModel | undefined): void {
    for (let r = this.cells.length; r < row; r++) this.cells.push([]);
    (this.cells[row - 1] as (CellModel | undefined)[])[column - 1] = cell;
  }
}

/** Calls made on a range proxy, carried out with its assigned properties at the next sync. */
interface RangeCalls {
  cleared?: string;
  deleted?: string;
  fillCleared?: boolean;
  validationCleared?: boolean;
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
  readonly sheets: SheetModel[] = [];
  readonly settings = new Map<string, string>();
  /** Workbook names by lower-case name, as Excel compares them. */
  readonly names = new Map<string, { name: string; formula: string; comment: string }>();
  /** The context.sync() calls of each Excel.run, in order. */
  readonly syncs: number[] = [];
  private pending: (() => void)[] = [];
  private readonly addresses = new WeakMap<object, string>();
  private ids = 0;
  /** The cells the user has selected, as Excel hands them over ("" for a blank). */
  selection: unknown[][] = [[""]];

  readonly run: ExcelRun = async (batch) => {
    const context = this.context();
    const mockSync = context.sync.bind(context);
    const sync = vi.spyOn(context, "sync").mockImplementation(async () => {
      this.commit();
      await mockSync();
    });
    const result = await batch(context as unknown as Excel.RequestContext);
    if (this.pending.length > 0) throw new Error("commands queued after the last context.sync()");
    this.syncs.push(sync.mock.calls.length);
    return result;
  };

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

  /** Excel's "Move or Copy": the same contents under a new id. */
  copySheet(name: string, copyName: string): SheetModel {
    const copy = this.addSheet(copyName);
    copy.cells = this.sheet(name).cells.map((row) => [...row]);
    return copy;
  }

  private newId(): string {
    this.ids++;
    return `{00000000-0000-0000-0000-${String(this.ids).padStart(12, "0")}}`;
  }

  private queue(command: () => void): void {
    this.pending.push(command);
  }

  private commit(): void {
    const commands = this.pending;
    this.pending = [];
    for (const command of commands) command();
  }

  private address(range: unknown): string {
    const address = typeof range === "object" && range !== null ? this.addresses.get(range) : undefined;
    if (address === undefined) throw new Error("not a range of this context");
    return address;
  }

  /** A fresh context over the model as it is now: what sync() loads is read here. */
  private context(): OfficeMockObject {
    const reserved = new SheetModel(this.newId(), "");
    const model = this;
    const names = [...this.names].map(([key, item]) => ({
      name: item.name,
      comment: item.comment,
      delete: () => this.queue(() => this.names.delete(key)),
    }));
    return new OfficeMockObject({
      workbook: {
        worksheets: collection(
          this.sheets.map((sheet) => this.worksheet(sheet)),
          {
            // The proxy worksheets.add returns, in the tree so that sync() loads its id.
            added: this.worksheet(reserved),
            add(this: OfficeMockObject, name: string): OfficeMockObject {
              model.queue(() => {
                if (model.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
                  throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
                }
                reserved.name = name;
                model.sheets.push(reserved);
              });
              return this.added;
            },
          },
        ),
        selected: { values: this.selection },
        getSelectedRange(this: OfficeMockObject): OfficeMockObject {
          return this.selected;
        },
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
            this.queue(() => this.settings.set(key, value));
          },
        },
        names: collection(names, {
          add: (name: string, reference: string, comment: string) =>
            this.queue(() => {
              if (this.names.has(name.toLowerCase())) throw new Error(`ItemAlreadyExists: a name ${name}`);
              this.names.set(name.toLowerCase(), { name, formula: reference, comment });
            }),
        }),
      },
    });
  }

  private worksheet(sheet: SheetModel): Record<string, unknown> {
    const used = sheet.usedRange();
    const charts = sheet.charts.map((chart) => ({
      name: chart.name,
      delete: () => this.queue(() => sheet.charts.splice(sheet.charts.indexOf(chart), 1)),
    }));
    return {
      id: sheet.id,
      name: sheet.name,
      usedRange: {
        values: used?.values ?? [],
        formulas: used?.formulas ?? [],
        rowIndex: used?.rowIndex ?? 0,
        columnIndex: used?.columnIndex ?? 0,
      },
      getUsedRangeOrNullObject(this: OfficeMockObject, valuesOnly?: boolean): OfficeMockObject {
        if (valuesOnly !== true) throw new Error("formatting alone would make cells count as used");
        this.usedRange.isNullObject = used === undefined;
        return this.usedRange;
      },
      charts: collection(charts, {
        add: (type: string, source: unknown, seriesBy: string) =>
          this.addChart(sheet, type, source, seriesBy),
      }),
      tables: collection(
        sheet.tables.map((table) => ({
          name: table.name,
          convertToRange: () => this.queue(() => sheet.tables.splice(sheet.tables.indexOf(table), 1)),
        })),
        {
          add: (source: unknown, hasHeaders: boolean) => {
            expect(hasHeaders).toBe(true);
            const address = this.address(source);
            // Name and style are assigned on the proxy after add(); read them when the batch runs.
            const proxy = { name: "", style: "" };
            this.queue(() => {
              const taken = this.sheets.some((each) =>
                each.tables.some((table) => table.name.toLowerCase() === proxy.name.toLowerCase()),
              );
              if (taken) throw new Error(`ItemAlreadyExists: a table ${proxy.name}`);
              const overlapping = sheet.tables.some((table) =>
                overlaps(bounds(table.address), bounds(address)),
              );
              if (overlapping) throw new Error("A table can't overlap another table.");
              sheet.tables.push({ name: proxy.name, address, style: proxy.style });
            });
            return proxy;
          },
        },
      ),
      freezePanes: {
        freezeAt: (range: unknown) => {
          const { row, column, rows, columns } = bounds(this.address(range));
          if (row !== 1 || column !== 1) throw new Error("frozen panes start at A1");
          this.queue(() => {
            sheet.freeze = { rows, columns };
          });
        },
        freezeRows: (rows: number) =>
          this.queue(() => {
            sheet.freeze = { rows, columns: 0 };
          }),
        freezeColumns: (columns: number) =>
          this.queue(() => {
            sheet.freeze = { rows: 0, columns };
          }),
        unfreeze: () =>
          this.queue(() => {
            sheet.freeze = { rows: 0, columns: 0 };
          }),
      },
      getRange: (address: string) => this.range(sheet, address),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        this.range(sheet, rangeA1(row + 1, column + 1, rows, columns)),
    };
  }

  /** A new proxy per call, as Office.js hands out: write-only here, so it is not in the tree. */
  private range(sheet: SheetModel, address: string): OfficeMockObject {
    const calls: RangeCalls = {};
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
      delete: (shift: string) => {
        calls.deleted = shift;
      },
    });
    this.addresses.set(range, address);
    this.queue(() => this.applyRange(sheet, address, range, calls));
    return range;
  }

  private applyRange(sheet: SheetModel, address: string, range: OfficeMockObject, calls: RangeCalls): void {
    const area = bounds(address);
    if (calls.cleared !== undefined) {
      expect(calls.cleared).toBe("Contents");
      sheet.clearContents(address);
    }
    if (calls.deleted !== undefined) {
      expect(calls.deleted).toBe("Up");
      sheet.deleteRows(address);
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
    }
    if (calls.validationCleared) {
      for (const key of [...sheet.validations.keys()]) {
        if (overlaps(bounds(key), area)) sheet.validations.delete(key);
      }
    }
    if (range.dataValidation.rule !== undefined) sheet.validations.set(address, range.dataValidation.rule);
  }

  private addChart(sheet: SheetModel, type: string, source: unknown, seriesBy: string): OfficeMockObject {
    expect(seriesBy).toBe("Columns");
    const ranges: { x?: string; y?: string } = { y: this.address(source) };
    let anchor: string | undefined;
    const series = new OfficeMockObject({
      setXAxisValues: (range: unknown) => {
        ranges.x = this.address(range);
      },
      setValues: (range: unknown) => {
        ranges.y = this.address(range);
      },
    });
    const chart = new OfficeMockObject({
      title: {},
      legend: {},
      axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
      series: { getItemAt: (index: number) => (index === 0 ? series : undefined) },
      setPosition: (start: string) => {
        anchor = start;
      },
    });
    this.queue(() =>
      sheet.charts.push({
        name: chart.name,
        type,
        ...ranges,
        title: chart.title.text,
        xTitle: chart.axes.categoryAxis.title.text,
        yTitle: chart.axes.valueAxis.title.text,
        legend: chart.legend.visible,
        ...(anchor ? { anchor } : {}),
      }),
    );
    return chart;
  }
}

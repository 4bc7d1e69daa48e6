/**
 * The stakeholder map's plans through all three ports (Excel over office-addin-mock, Sheets over
 * the Apps Script fake, MemoryWorkbook over HyperFormula): the same safety promises hold in each.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  cellA1,
  changeSettings,
  type Format,
  parseCell,
  parseRange,
  QUADRANT_COLOURS,
  REGISTER_KIND,
  type SheetPlan,
  STAKEHOLDER_INPUTS,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { ROLE_STYLE, type WorkbookPort } from "../../ui/workbook-port";
import { ExcelModel } from "../addin/excel-model";
import { fakeAppsScript } from "../apps-script/fake-apps-script";
import { generateStakeholders } from "../stakeholder-fixtures";

/** What a test does to a workbook the way a person would, and how it looks inside. */
interface Host {
  readonly port: WorkbookPort;
  /** A sheet of the user's own, typed in from A1. */
  addUserSheet(name: string, rows: (string | number)[][]): void;
  /** Typing into a cell. */
  type(sheet: string, a1: string, input: string | number): void;
  /** What the cell holds: its formula, else its value ("" or null when blank). */
  shown(sheet: string, a1: string): unknown;
  /** Whether the cell holds a formula. */
  isFormula(sheet: string, a1: string): boolean;
  /** Everything a sheet holds, for byte-for-byte comparison. */
  snapshot(sheet: string): string;
  /** Every formula in the workbook. */
  formulas(): string[];
  /** The cell's background colour as "#RRGGBB" (upper case), or "" when none. */
  background(sheet: string, a1: string): string;
}

/** The last of a list of styled ranges that covers the cell. */
function lastCovering<T>(ranges: Iterable<[string, T]>, a1: string): T | undefined {
  const { row, column } = parseCell(a1);
  let found: T | undefined;
  for (const [range, value] of ranges) {
    const area = parseRange(range);
    if (
      row >= area.row &&
      row < area.row + area.rows &&
      column >= area.column &&
      column < area.column + area.columns
    )
      found = value;
  }
  return found;
}

function excelHost(): Host {
  const model = new ExcelModel();
  const port = new ExcelWorkbook(model.run);
  return {
    port,
    addUserSheet(name, rows) {
      const sheet = model.addSheet(name);
      for (const [r, row] of rows.entries()) {
        for (const [c, input] of row.entries()) sheet.type(`${String.fromCharCode(65 + c)}${r + 1}`, input);
      }
    },
    type: (sheet, a1, input) => model.sheet(sheet).type(a1, input),
    shown: (sheet, a1) => model.sheet(sheet).get(a1),
    isFormula(sheet, a1) {
      const { row, column } = parseCell(a1);
      return Boolean(model.sheet(sheet).cells[row - 1]?.[column - 1]?.formula);
    },
    snapshot: (sheet) => model.sheet(sheet).snapshot(),
    background: (sheet, a1) => (lastCovering(model.sheet(sheet).styles, a1)?.fill ?? "").toUpperCase(),
    formulas: () =>
      model.sheets.flatMap((sheet) =>
        sheet.cells.flat().flatMap((cell) => (cell?.formula ? [cell.formula] : [])),
      ),
  };
}

function sheetsHost(): Host {
  const fake = fakeAppsScript();
  const workbook = new SheetsWorkbook(fake.services);
  const sheet = (name: string) => {
    const found = fake.book.sheets.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return {
    port: {
      applyAll: async (plans) => workbook.applyAll(plans),
      readTable: async (kind) => workbook.readTable(kind),
    },
    addUserSheet(name, rows) {
      const added = fake.book.insertSheet(name);
      for (const [r, row] of rows.entries())
        for (const [c, input] of row.entries()) added.type(r + 1, c + 1, input);
    },
    type(name, a1, input) {
      const { row, column } = parseCell(a1);
      sheet(name).type(row, column, input);
    },
    shown(name, a1) {
      const { row, column } = parseCell(a1);
      const cell = sheet(name).peek(row, column);
      return cell?.formula ?? cell?.value ?? null;
    },
    isFormula(name, a1) {
      const { row, column } = parseCell(a1);
      return Boolean(sheet(name).peek(row, column)?.formula);
    },
    snapshot: (name) => JSON.stringify({ grid: sheet(name).grid, metadata: sheet(name).metadata.length }),
    background(name, a1) {
      const { row, column } = parseCell(a1);
      return (sheet(name).peek(row, column)?.background ?? "").toUpperCase();
    },
    formulas: () =>
      fake.book.sheets.flatMap((each) =>
        each.grid.flat().flatMap((cell) => (cell?.formula ? [cell.formula] : [])),
      ),
  };
}

function memoryHost(): Host {
  const workbook = new MemoryWorkbook();
  return {
    port: workbook,
    addUserSheet: (name, rows) => workbook.addForeignSheet(name, rows),
    type: (sheet, a1, input) => workbook.setCell(sheet, a1, input),
    shown: (sheet, a1) => workbook.formula(sheet, a1) ?? workbook.value(sheet, a1),
    isFormula: (sheet, a1) => workbook.formula(sheet, a1) !== undefined,
    snapshot: (sheet) => JSON.stringify(workbook.contents(sheet)),
    background(sheet, a1) {
      const styled = workbook.formats(sheet).filter((format) => format.role || format.fill);
      const format = lastCovering(
        styled.map((each) => [each.range, each] as [string, Format]),
        a1,
      );
      return (format?.fill ?? (format?.role ? ROLE_STYLE[format.role].fill : "")).toUpperCase();
    },
    formulas: () =>
      workbook
        .sheetNames()
        .flatMap((sheet) => workbook.contents(sheet).flat())
        .filter((cell): cell is string => typeof cell === "string" && cell.startsWith("=")),
  };
}

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1-555", "-5", "@user", "=1+1", "#N/A", "March 2024"];

function people(): Stakeholder[] {
  return generateStakeholders(12).map((person, index) =>
    index < HOSTILE.length ? { ...person, name: HOSTILE[index] as string } : person,
  );
}

async function writeAll(host: Host, records: readonly Stakeholder[]) {
  return host.port.applyAll(stakeholderMap(records));
}

const POWER = `E`;
const NAME_COLUMN = "B";

describe.each([
  ["Excel (office-addin-mock)", excelHost],
  ["Sheets (Apps Script fake)", sheetsHost],
  ["MemoryWorkbook (HyperFormula)", memoryHost],
] as const)("the stakeholder map through %s", (_host, makeHost) => {
  it("writes a setting the panel changes only over the value it read (compare-and-set), and reports one changed since", async () => {
    const host = makeHost();
    const records = people();
    const [settings] = stakeholderMap(records, { threshold: 4 });
    await host.port.applyAll(stakeholderMap(records, { threshold: 4 }));
    const name = STAKEHOLDER_REGISTER.name("Threshold");
    const cell = settings?.names?.find((each) => each.name === name)?.at as string;
    const sheet = settings?.title as string;
    expect(host.shown(sheet, cell)).toBe(4);
    // The panel read 4 and wants 2: the cell still holds 4, so 2 is written.
    const change = (from: number, to: number) =>
      host.port.applyAll([changeSettings(settings as SheetPlan, [{ name, from, to }])]);
    const [changed] = await change(4, 2);
    expect(host.shown(sheet, cell)).toBe(2);
    expect(changed?.conflicts).toEqual([]);
    // The next write of the whole map with the settings read back (2) keeps it, and counts no kept edit.
    const [again] = await host.port.applyAll(stakeholderMap(records, { threshold: 2 }));
    expect(host.shown(sheet, cell)).toBe(2);
    expect(again?.editsKept).toBe(0);
    // Someone typed 5 in the sheet after the panel read 2: the panel's change to 3 is not written.
    host.type(sheet, cell, 5);
    const [refused] = await change(2, 3);
    expect(host.shown(sheet, cell)).toBe(5);
    expect(refused?.conflicts).toEqual([
      expect.objectContaining({
        sheet,
        cell,
        message: expect.stringMatching(/holds 5, not the 2 the panel read/),
      }),
    ]);
    // The sheet's 5 is the user's from now on: a plain write keeps it.
    const [kept] = await host.port.applyAll(stakeholderMap(records, { threshold: 2 }));
    expect(host.shown(sheet, cell)).toBe(5);
    expect(kept?.editsKept).toBe(1);
  });

  it("colours the map's 2×2 as the panel's grid: each heading in its quadrant's colour, its list in the tint", async () => {
    const host = makeHost();
    const records = people();
    await writeAll(host, records);
    const blocks = stakeholderMap(records)[2]?.blocks ?? [];
    for (const [name, colours] of Object.entries(QUADRANT_COLOURS)) {
      const heading = blocks.find((block) => block.values[0]?.[0] === name)?.at as string;
      const { row, column } = parseCell(heading);
      expect(host.background("Stakeholder Map", heading), name).toBe(colours.strong);
      expect(host.background("Stakeholder Map", cellA1(row + 1, column)), name).toBe(colours.tint);
      expect(host.shown("Stakeholder Map", heading)).toBe(name);
    }
    // The per-person data beside it keeps the output role's fill.
    expect(host.background("Stakeholder Map", "E5")).toBe(ROLE_STYLE.output.fill.toUpperCase());
  });

  it("leaves a foreign 'Stakeholders' sheet byte for byte and writes beside it, saying so", async () => {
    const host = makeHost();
    host.addUserSheet("Stakeholders", [
      ["My own list", "Notes"],
      ["Alice", 3],
      ["=not a formula?", "x"],
    ]);
    const before = host.snapshot("Stakeholders");
    const [, register] = await writeAll(host, people());
    expect(host.snapshot("Stakeholders")).toBe(before);
    expect(register).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: true,
      redirectedFrom: "Stakeholders",
    });
    expect(register?.messages[0]).toMatch(
      /A sheet named "Stakeholders" already holds data BuyIn did not write/,
    );
  });

  it("writes names that look like formulas, numbers, errors or dates as text, and reads them back", async () => {
    const host = makeHost();
    await writeAll(host, people());
    for (let index = 0; index < HOSTILE.length; index++) {
      expect(host.isFormula("Stakeholders", `${NAME_COLUMN}${index + 2}`)).toBe(false);
    }
    const table = await host.port.readTable(REGISTER_KIND);
    const nameIndex = table?.header.indexOf("Name") ?? -1;
    expect(table?.rows.slice(0, HOSTILE.length).map((row) => row.values[nameIndex])).toEqual(HOSTILE);
  });

  it("keeps a user's edited cell and added column on a second run, and adds the new row", async () => {
    const host = makeHost();
    const records = people();
    await writeAll(host, records);
    expect(host.shown("Stakeholders", `${POWER}2`)).toBe(1);
    host.type("Stakeholders", `${POWER}2`, 4);
    const notes = `${String.fromCharCode(65 + STAKEHOLDER_INPUTS.length + 9)}`;
    host.type("Stakeholders", `${notes}1`, "My notes");
    host.type("Stakeholders", `${notes}3`, "Met in March");
    const extra = { ...(generateStakeholders(13)[12] as Stakeholder), name: "Newcomer" };
    const [, register] = await writeAll(host, [...records, extra]);
    expect(register).toMatchObject({ rowsAdded: 1, rowsUpdated: 12, editsKept: 1 });
    expect(host.shown("Stakeholders", `${POWER}2`)).toBe(4);
    expect(host.shown("Stakeholders", `${notes}1`)).toBe("My notes");
    expect(host.shown("Stakeholders", `${notes}3`)).toBe("Met in March");
    expect(host.shown("Stakeholders", `${NAME_COLUMN}14`)).toBe("Newcomer");
  });

  it("writes only native formulas: no BUYIN. call for a reviewer without the add-in", async () => {
    const host = makeHost();
    await writeAll(host, people());
    const formulas = host.formulas();
    expect(formulas.length).toBeGreaterThan(100);
    for (const formula of formulas) expect(formula).not.toMatch(/BUYIN[._][A-Z]+\s*\(/i);
  });
});

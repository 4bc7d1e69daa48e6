/**
 * Issue 8's cases 1–12 on the Apps Script fake, through SheetsWorkbook.applyAll: what users do
 * in Sheets between two writes (insert and delete rows, Data › Sort range over some columns,
 * rename or delete the header, duplicate a sheet, paste values over formulas, clear a computed
 * cell, delete the state sheet, lose the markers, type a note where the map grows), then BuyIn
 * writes again. The fake moves formulas and named ranges as Sheets does and computes nothing, so
 * each case asserts that nothing typed was lost or repeated, and that every computed cell holds
 * BuyIn's formula for its own row and every name its cells (the same formulas are held to the
 * kernels through HyperFormula in tests/integration).
 */
import { describe, expect, it } from "vitest";
import { cellReader, SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  type ApplyReport,
  type Cell,
  parseCell,
  priority,
  REGISTER_KIND,
  type SheetPlan,
  STAKEHOLDER_INPUTS,
  STATE_TITLE,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { cellTheMapGrowsInto, generateStakeholders } from "../stakeholder-fixtures";
import {
  deleteSheet,
  duplicateSheet,
  type FakeSheet,
  type FakeSpreadsheet,
  fakeAppsScript,
  mapReferences,
  pasteValues,
  sortRange,
} from "./fake-apps-script";

const REGISTER = "Stakeholders";
const SETTINGS = "BuyIn Settings";
const MAP = "Stakeholder Map";

function setup(people: readonly Stakeholder[] = generateStakeholders(8)) {
  const fake = fakeAppsScript();
  const workbook = new SheetsWorkbook(fake.services);
  workbook.applyAll(stakeholderMap(people));
  return { ...fake, workbook, people, register: sheetNamed(fake.book, REGISTER) };
}

function sheetNamed(book: FakeSpreadsheet, name: string): FakeSheet {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function conflictsOf(reports: readonly ApplyReport[]) {
  return reports.flatMap((report) => report.conflicts);
}

/** A formula with each relative reference to `row` written "#": the same text for every row, or undefined when one points elsewhere. */
function rowTemplate(formula: string, row: number): string | undefined {
  const marked = 9_999_999;
  let ownRow = true;
  const template = mapReferences(formula, (reference) => {
    const mark = (part: typeof reference.start) => {
      if (part.row === undefined || part.rowAbsolute) return part;
      if (part.row !== row) ownRow = false;
      return { ...part, row: marked };
    };
    return {
      ...reference,
      start: mark(reference.start),
      ...(reference.end ? { end: mark(reference.end) } : {}),
    };
  }).replaceAll(String(marked), "#");
  return ownRow ? template : undefined;
}

/** BuyIn's formula of each computed column, as a template of its row (from a fresh write). */
const TEMPLATES: ReadonlyMap<number, string> = (() => {
  const { register } = setup(generateStakeholders(1));
  const templates = new Map<number, string>();
  for (let column = 1; column <= register.getDataRange().columns; column++) {
    const formula = register.peek(2, column)?.formula;
    if (formula) templates.set(column, rowTemplate(formula, 2) as string);
  }
  return templates;
})();

/** What a cell shows, dates as serial numbers (as BuyIn reads them). */
function shown(book: FakeSpreadsheet, sheet: FakeSheet, row: number, column: number): Cell {
  const formula = sheet.peek(row, column)?.formula;
  if (formula) return formula;
  const [value] = cellReader(book.timeZone)(sheet.getRange(row, column, 1, 1).getValues()[0] as unknown[]);
  return value ?? null;
}

/** The column under a header BuyIn wrote, or under the user's renaming of it ("Power (1-5)"). */
function columnOf(header: readonly string[], text: string): number {
  return header.findIndex((candidate) => candidate === text || candidate.startsWith(`${text} (`)) + 1;
}

function headerOf(register: FakeSheet): string[] {
  const width = register.getDataRange().columns;
  return Array.from({ length: width }, (_, index) => String(register.show(1, index + 1) ?? ""));
}

/**
 * The register as it now stands: one row per person (no key lost or repeated), every input as
 * typed (the person's, or `edits` by key and header), every computed cell BuyIn's formula for its
 * own row, but for the cells in `kept` ("key|header"), which hold the user's own; and the names
 * the map reads span exactly the register's rows.
 */
function expectRegister(
  book: FakeSpreadsheet,
  people: readonly Stakeholder[],
  edits: Record<string, Record<string, Cell>> = {},
  kept: readonly string[] = [],
): void {
  const register = sheetNamed(book, REGISTER);
  const header = headerOf(register);
  const rows = register.getDataRange().rows;
  const keys: string[] = [];
  for (let row = 2; row <= rows; row++) {
    const key = register.show(row, 1);
    if (key === null) continue;
    keys.push(String(key));
    const person = people.find((candidate) => candidate.id === key);
    expect(person, `row ${row}: ${String(key)} is one of the people`).toBeDefined();
    for (const input of STAKEHOLDER_INPUTS) {
      const column = columnOf(header, input.header);
      expect(column, `column ${input.header}`).toBeGreaterThan(0);
      const typed = edits[key as string]?.[input.header] ?? person?.[input.id as keyof Stakeholder] ?? null;
      expect(shown(book, register, row, column) ?? "", `${String(key)} ${input.header}`).toBe(typed ?? "");
    }
    for (const [column, template] of TEMPLATES) {
      if (kept.includes(`${String(key)}|${header[column - 1]}`)) continue;
      const formula = register.peek(row, column)?.formula ?? "";
      expect(rowTemplate(formula, row), `${String(key)} ${header[column - 1]} (row ${row}): ${formula}`).toBe(
        template,
      );
    }
  }
  expect(new Set(keys).size, "no key repeated").toBe(keys.length);
  expect([...keys].sort()).toEqual(people.map((person) => person.id).sort());
  for (const [name, header] of [
    ["BuyIn_Map_Power", "Power"],
    ["BuyIn_Map_StakeholderNames", "Name"],
  ] as const) {
    const range = book.namedRange(name)?.getRange();
    const column = columnOf(headerOf(register), header);
    expect(range && [range.sheet.name, range.getA1Notation()], name).toEqual([
      REGISTER,
      `${columnLetterOf(column)}2:${columnLetterOf(column)}${rows}`,
    ]);
  }
}

function columnLetterOf(column: number): string {
  return String.fromCharCode(64 + column);
}

function rowOf(register: FakeSheet, key: string): number {
  for (let row = 2; row <= register.getDataRange().rows; row++) if (register.show(row, 1) === key) return row;
  throw new Error(`no row for ${key}`);
}

/** Plans whose register rows carry the kernels' Priority (TableRow.expected), as the panel's plans do. */
function withExpectedPriority(people: readonly Stakeholder[]): SheetPlan[] {
  const [settings, register, map] = stakeholderMap(people) as [SheetPlan, SheetPlan, SheetPlan];
  const table = register.table as NonNullable<SheetPlan["table"]>;
  const byKey = new Map(people.map((person) => [person.id, person]));
  const rows = table.rows.map((row) => {
    const person = byKey.get(row.key) as Stakeholder;
    return { ...row, expected: { priority: priority([person.power, person.interest, person.influence]) } };
  });
  return [settings, { ...register, table: { ...table, rows } }, map];
}

describe("issue 8: nothing lost under real use (Google Sheets, Apps Script fake)", () => {
  it("case 1: a formula typed in a computed cell stays the user's, moved by Sheets, when retired rows above it go", () => {
    const { book, workbook, people, register } = setup();
    const header = headerOf(register);
    const priorityColumn = header.indexOf("Priority") + 1;
    const notes = header.length + 2;
    // The register fills 25 of a new sheet's 26 columns: the user adds columns to type beyond them.
    register.insertColumnsAfter(register.getMaxColumns(), notes - register.getMaxColumns());
    register.type(7, priorityColumn, "=E7*10"); // S-0006's Priority, the user's own formula
    register.type(1, notes, "Notes");
    register.type(4, notes, "call back"); // S-0003 stays for its note
    const remaining = people.filter((person) => !["S-0002", "S-0003"].includes(person.id));
    const reports = workbook.applyAll(stakeholderMap(remaining));

    expect(reports[1]).toMatchObject({ rowsRetired: 1, editsKept: 1 });
    // S-0002's row went: S-0006 is on row 6, its formula moved up and adjusted by Sheets.
    expect(rowOf(register, "S-0006")).toBe(6);
    expect(register.show(6, priorityColumn)).toBe("=E6*10");
    expect(rowOf(register, "S-0003")).toBe(3);
    expect(register.show(3, notes)).toBe("call back");
    expect(conflictsOf(reports)).toContainEqual(
      expect.objectContaining({
        key: "S-0006",
        column: "Priority",
        cell: `${columnLetterOf(priorityColumn)}6`,
      }),
    );
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ key: "S-0003" }));
    expectRegister(book, [...remaining, people[2] as Stakeholder], {}, ["S-0006|Priority"]);
  });

  it("case 2: a title row inserted above the settings stays, and the named assumptions follow", () => {
    const { book, workbook, people } = setup();
    const settings = sheetNamed(book, SETTINGS);
    const before = book.namedRange("BuyIn_Map_Threshold")?.getRange().getA1Notation() as string;
    const row = Number(before.slice(1));
    settings.insertRowsBefore(1, 1);
    settings.type(1, 1, "Our programme's assumptions");
    settings.type(row + 1, 2, 4); // the threshold, changed by the user after the shift
    const reports = workbook.applyAll(stakeholderMap(people));
    expect(settings.show(1, 1)).toBe("Our programme's assumptions");
    expect(settings.show(2, 1)).toBe("BuyIn settings");
    expect(book.namedRange("BuyIn_Map_Threshold")?.getRange().getA1Notation()).toBe(`B${row + 1}`);
    expect(settings.show(row + 1, 2)).toBe(4);
    expect(reports[0]?.editsKept).toBe(1);
    // Every setting still sits beside its label, one row lower, and its name on it.
    for (const name of ["BuyIn_Map_ScaleMax", "BuyIn_Map_WeightPower", "BuyIn_Map_ChampionThreshold"]) {
      const range = book.namedRange(name)?.getRange();
      expect(range?.sheet.name).toBe(SETTINGS);
      expect(settings.show(range?.row as number, 1)).not.toBeNull();
    }
    expect(settings.getDataRange().rows).toBeGreaterThan(row);
    expectRegister(book, people);
  });

  it("case 3: a map list growing into a note of the user's leaves the note and says so", () => {
    const { book, workbook, people } = setup(generateStakeholders(3));
    const map = sheetNamed(book, MAP);
    const six = generateStakeholders(6);
    // Below the 3-person map, where 6 people's longer lists go.
    const note = cellTheMapGrowsInto(people, six);
    const { row, column } = parseCell(note);
    map.type(row, column, "ask Dana about the sponsor");
    const reports = workbook.applyAll(stakeholderMap(six));
    expect(map.show(row, column)).toBe("ask Dana about the sponsor");
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ sheet: MAP, cell: note }));
    const again = workbook.applyAll(stakeholderMap(six));
    expect(map.show(row, column)).toBe("ask Dana about the sponsor");
    expect(conflictsOf(again)).toContainEqual(expect.objectContaining({ sheet: MAP, cell: note }));
    expect(people).toHaveLength(3);
    expectRegister(book, six);
  });

  it("case 4: with the state sheet deleted, the user's edits in the sheet are kept and reported, not overwritten", () => {
    const { book, workbook, people, register } = setup();
    register.type(3, 5, 5); // S-0002's power
    deleteSheet(book, sheetNamed(book, STATE_TITLE));
    const reports = workbook.applyAll(stakeholderMap(people));
    expect(register.show(3, 5)).toBe(5);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ key: "S-0002", column: "Power" }));
    expect(sheetNamed(book, STATE_TITLE).hidden).toBe(true);
    expectRegister(book, people, { "S-0002": { Power: 5 } });
    // The state is written anew: the next run knows the edit as the user's.
    const next = workbook.applyAll(stakeholderMap(people));
    expect(next[1]?.editsKept).toBe(1);
    expect(register.show(3, 5)).toBe(5);
  });

  it("case 5: Data › Sort range over the inputs only keeps the user's edit and takes the panel's change", () => {
    const { book, workbook, people, register } = setup();
    register.type(4, 6, 1); // S-0003's interest, edited in the sheet
    const role = headerOf(register).indexOf("Role") + 1;
    // The range stops at the last input column: BuyIn's formulas stay where they are.
    sortRange(register, "A2:P9", role);
    expect(register.show(2, 1)).not.toBe("S-0001");
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Person 1 (renamed in the panel)" } : person,
    );
    const reports = workbook.applyAll(stakeholderMap(changed));
    expect(reports[1]?.editsKept).toBe(1);
    expect(reports[1]?.conflicts).toEqual([]);
    expectRegister(book, changed, { "S-0003": { Interest: 1 } });
  });

  it("case 6: a renamed header is found by its column's contents: no empty column added, names and formulas intact", () => {
    const { book, workbook, people, register } = setup();
    const width = register.getDataRange().columns;
    register.type(1, 5, "Power (1-5)");
    const reports = workbook.applyAll(stakeholderMap(people));
    expect(register.getDataRange().columns).toBe(width);
    expect(headerOf(register).filter((header) => header.startsWith("Power"))).toEqual(["Power (1-5)"]);
    expect(reports[1]?.messages.join(" ")).toMatch(/Power column under your header "Power \(1-5\)"/);
    const table = workbook.readTable(REGISTER_KIND);
    expect(table?.ids?.[4]).toBe("power");
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E9");
    expectRegister(book, people);
  });

  it("case 7: a deleted header row is inserted again, not the register written beside itself", () => {
    const { book, workbook, people, register } = setup();
    const width = register.getDataRange().columns;
    // The register fills 25 of a new sheet's 26 columns: the user adds columns to type beyond them.
    register.insertColumnsAfter(register.getMaxColumns(), width + 2 - register.getMaxColumns());
    register.type(3, width + 2, "call back"); // a note on S-0002's row, which must stay on that row
    register.deleteRows(1, 1);
    const reports = workbook.applyAll(stakeholderMap(people));
    expect(register.show(1, 1)).toBe("ID");
    expect([register.show(2, 1), register.show(3, 1), register.show(3, width + 2)]).toEqual([
      "S-0001",
      "S-0002",
      "call back",
    ]);
    expect(register.getDataRange().columns).toBe(width + 2);
    expect(register.show(1, width + 1)).toBeNull();
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 8 });
    expectRegister(book, people);
  });

  it("case 8: a blank row inserted at row 2 and typed into is adopted, not duplicated; the names span everyone", () => {
    const { book, workbook, people, register } = setup();
    register.insertRowsBefore(2, 1);
    const newcomer: Stakeholder = {
      ...(generateStakeholders(9)[8] as Stakeholder),
      caresAbout: "",
      concerns: "",
    };
    STAKEHOLDER_INPUTS.forEach((input, index) => {
      const value = newcomer[input.id as keyof Stakeholder];
      if (input.role !== "key" && value !== undefined && value !== "")
        register.type(2, index + 1, value as string | number);
    });
    // The panel read the row and gave the person an id.
    const reports = workbook.applyAll(stakeholderMap([...people, newcomer]));
    expect(register.show(2, 1)).toBe(newcomer.id);
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 9 });
    expectRegister(book, [...people, newcomer]);
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E10");
  });

  it("case 9: formulas pasted as values, or a computed cell cleared, come back as BuyIn's formulas", () => {
    const { book, workbook, people, register } = setup();
    const header = headerOf(register);
    const priorityColumn = header.indexOf("Priority") + 1;
    const quadrantColumn = header.indexOf("Quadrant") + 1;
    const gapColumn = header.indexOf("Engagement gap") + 1;
    // Paste special › Values only: each Priority keeps the value it showed (the kernel's).
    pasteValues(
      register,
      2,
      priorityColumn,
      people.map((person) => [priority([person.power, person.interest, person.influence])]),
    );
    register.type(5, quadrantColumn, "");
    register.type(6, gapColumn, "call first"); // the user's own value: kept, reported
    const reports = workbook.applyAll(withExpectedPriority(people));
    for (let row = 2; row <= 9; row++) expect(register.show(row, priorityColumn)).toMatch(/^=IF\(COUNT/);
    expect(register.show(5, quadrantColumn)).toMatch(/^=IF\(OR/);
    expect(register.show(6, gapColumn)).toBe("call first");
    expect(conflictsOf(reports)).toContainEqual(
      expect.objectContaining({
        key: "S-0005",
        column: "Engagement gap",
        cell: `${columnLetterOf(gapColumn)}6`,
      }),
    );
    expectRegister(book, people, {}, ["S-0005|Engagement gap"]);
  });

  it("case 10: lost markers are found again by the anchor names: no new sheets, the same cells", () => {
    const { book, workbook, people } = setup();
    const sheets = book.sheets.map((sheet) => sheet.name);
    for (const sheet of book.sheets) sheet.metadata.length = 0;
    const reports = workbook.applyAll(stakeholderMap(people));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(sheets);
    expect(reports.map((report) => report.created)).toEqual([false, false, false]);
    expect(reports[1]?.messages.join(" ")).toMatch(/marker was lost/);
    // Markers written again: later runs add nothing either.
    workbook.applyAll(stakeholderMap(people));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(sheets);
    expect(sheetNamed(book, STATE_TITLE).hidden).toBe(true);
    expectRegister(book, people);
  });

  it("case 11: a duplicated BuyIn sheet carrying the marker is a copy: writes go to the original", () => {
    const { book, workbook, people, register } = setup();
    const copy = duplicateSheet(book, register);
    copy.type(2, 2, "My scratch name");
    const contents = () =>
      JSON.stringify(copy.grid.map((row) => row.map((cell) => cell && [cell.value, cell.formula])));
    const before = contents();
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Renamed" } : person,
    );
    const reports = workbook.applyAll(stakeholderMap(changed));
    expect(reports[1]?.sheet).toBe(REGISTER);
    expect(register.show(2, 2)).toBe("Renamed");
    expect(contents()).toBe(before);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ sheet: copy.name }));
    expectRegister(book, changed);
  });

  it("case 12: retiring every other person costs one deleteRows, the rest packed in order", () => {
    const everyone = generateStakeholders(2_000);
    const { book, log, workbook, register } = setup(everyone);
    const kept = everyone.filter((_, index) => index % 2 === 0);
    log.reset();
    const [, report] = workbook.applyAll(stakeholderMap(kept));
    expect(log.byMethod.get("Sheet.deleteRows")).toBe(1);
    expect(report).toMatchObject({ rowsRetired: kept.length });
    expect(register.getDataRange().rows).toBe(1 + kept.length);
    expectRegister(book, kept);
  });
});

/**
 * The Excel model's user actions behave as Excel's (sources in excel-references.ts and
 * excel-model.ts), then the issue 8 cases that already run on Excel through ExcelWorkbook.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import {
  type ApplyReport,
  cellA1,
  parseCell,
  priority,
  type SheetPlan,
  STAKEHOLDER_INPUTS,
  STATE_TITLE,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { cellTheMapGrowsInto, generateStakeholders } from "../stakeholder-fixtures";
import { ExcelModel } from "./excel-model";
import { formulaWithoutSheet, shiftFormula, sortedFormula } from "./excel-references";

describe("Excel model: references after inserting and deleting rows and columns", () => {
  it("moves references below an inserted row, absolute or not, and grows a range around it", () => {
    const shift = { sheet: "Data", axis: "row", at: 3, count: 2 } as const;
    expect(shiftFormula("=A2+A3+$B$4+SUM(C1:C9)", "Data", shift)).toBe("=A2+A5+$B$6+SUM(C1:C11)");
    // Other sheets' references only when they name the sheet; text in quotes is never a reference.
    expect(shiftFormula("=Data!A3+'Data'!A3+A3&\"A3\"", "Other", shift)).toBe("=Data!A5+'Data'!A5+A3&\"A3\"");
    // Names such as BuyIn_Map1 and functions such as LOG10( are not references.
    expect(shiftFormula("=LOG10(A4)+BuyIn_Map1", "Data", shift)).toBe("=LOG10(A6)+BuyIn_Map1");
  });

  it("gives #REF! for a deleted cell, shrinks a range that loses rows, moves what is below", () => {
    const shift = { sheet: "Data", axis: "row", at: 3, count: -2 } as const;
    expect(shiftFormula("=A3+A4", "Data", shift)).toBe("=#REF!+#REF!");
    expect(shiftFormula("=A2+A5+SUM(A1:A9)+SUM(A3:A4)", "Data", shift)).toBe("=A2+A3+SUM(A1:A7)+SUM(#REF!)");
  });

  it("moves columns and column ranges the same way", () => {
    const inserted = { sheet: "Data", axis: "column", at: 2, count: 1 } as const;
    expect(shiftFormula("=A1+B1+SUM(B:C)", "Data", inserted)).toBe("=A1+C1+SUM(C:D)");
    const deleted = { sheet: "Data", axis: "column", at: 2, count: -1 } as const;
    expect(shiftFormula("=A1+B1+C1+SUM(B:B)", "Data", deleted)).toBe("=A1+#REF!+B1+SUM(#REF!)");
  });

  it("sorts formulas as KB 40401 shows: relative offsets kept, absolute references kept", () => {
    // KB 40401: B3 =A1 sorted to B1 is =#REF!, B1 =A3 sorted to B3 is =A5, =$A$3 stays.
    expect(sortedFormula("=A1", 3, 1)).toBe("=#REF!");
    expect(sortedFormula("=A3", 1, 3)).toBe("=A5");
    expect(sortedFormula("=$A$3", 1, 3)).toBe("=$A$3");
  });

  it("rewrites every sheet's formulas and the workbook's names when a user deletes rows", () => {
    const model = new ExcelModel();
    const data = model.addSheet("Data");
    const summary = model.addSheet("Summary");
    for (const [index, value] of [10, 20, 30, 40].entries()) data.type(`A${index + 1}`, value);
    data.type("B4", "=A4*2");
    summary.type("A1", "=Data!A4");
    model.names.set("last", { name: "Last", formula: "='Data'!$A$4", comment: "" });
    model.names.set("second", { name: "Second", formula: "='Data'!$A$2", comment: "" });
    model.deleteRows("Data", 2);
    expect(data.get("A3")).toBe(40);
    expect(data.get("B3")).toBe("=A3*2");
    expect(summary.get("A1")).toBe("=Data!A3");
    expect(model.names.get("last")?.formula).toBe("='Data'!$A$3");
    expect(model.names.get("second")?.formula).toBe("=#REF!");
  });

  it("turns references to a deleted sheet into #REF!, in formulas and names, and refuses a very hidden sheet", () => {
    expect(formulaWithoutSheet("=Data!A3+'Data'!$B$4+A3", "Other", "Data")).toBe("=#REF!A3+#REF!$B$4+A3");
    const model = new ExcelModel();
    const data = model.addSheet("Data");
    const summary = model.addSheet("Summary");
    data.type("A1", 10);
    summary.type("A1", "=Data!A1*2");
    model.names.set("first", { name: "First", formula: "='Data'!$A$1", comment: "" });
    data.visibility = "VeryHidden";
    expect(() => model.deleteSheet("Data")).toThrow(/very hidden/);
    data.visibility = "Visible";
    model.deleteSheet("Data");
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Summary"]);
    expect(summary.get("A1")).toBe("=#REF!A1*2");
    expect(model.names.get("first")?.formula).toBe("=#REF!$A$1");
  });

  it("sorts the rows of a range by a column, formulas moving with their rows", () => {
    const model = new ExcelModel();
    const data = model.addSheet("Data");
    for (const [index, name] of ["Cy", "Al", "Bo"].entries()) {
      data.type(`A${index + 2}`, name);
      data.type(`B${index + 2}`, `=LEN(A${index + 2})`);
    }
    data.type("D2", "outside");
    model.sortRows("Data", "A2:B4", 1);
    expect(["A2", "A3", "A4", "B2", "B3", "B4", "D2"].map((a1) => data.get(a1))).toEqual([
      "Al",
      "Bo",
      "Cy",
      "=LEN(A2)",
      "=LEN(A3)",
      "=LEN(A4)",
      "outside",
    ]);
  });

  it("turns formulas into the values they show, and renames a table", () => {
    const model = new ExcelModel();
    const data = model.addSheet("Data");
    data.type("A1", 4);
    data.type("B1", "=A1*2");
    data.tables.push({ name: "T", address: "A1:B1", style: "" });
    model.convertToValues("Data", "A1:B1", () => 8);
    expect([data.get("A1"), data.get("B1")]).toEqual([4, 8]);
    model.renameTable("T", "Mine");
    expect(data.tables[0]?.name).toBe("Mine");
  });
});

/** A formula's A1 cell references (not names, not functions such as LOG10), outside text in quotes. */
const CELL_REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;
const unquoted = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');
/** The rows a formula's relative references read. */
const relativeRows = (formula: string) =>
  [...unquoted(formula).matchAll(CELL_REFERENCE)]
    .filter((match) => match[3] !== "$")
    .map((match) => Number(match[4]));
/** A formula with its relative row numbers blanked: the same template on any row. */
const template = (formula: string) =>
  unquoted(formula).replace(CELL_REFERENCE, (_, column$, column, row$, row) =>
    row$ === "$" ? `${column$}${column}$${row}` : `${column$}${column}#`,
  );

const OUTPUT_HEADERS = [
  "Quadrant",
  "Priority",
  "Engagement gap",
  "Cadence",
  "Champion score",
  "Champion",
  "Salience",
];
const REGISTER_NAMES = {
  buyin_map_stakeholdernames: "B",
  buyin_map_power: "E",
  buyin_map_interest: "F",
  buyin_map_quadrants: "Q",
} as const;

/**
 * The register on the Excel model after a case: one row per person (no key lost or repeated),
 * every input as typed (the person's own, or `edits` by key and header), every computed cell
 * BuyIn's formula for its own row (the model computes nothing: the formula's text is checked,
 * against a fresh write's), but for `kept` ("key|header"); BuyIn's names over exactly the rows of
 * the register; and the map listing each person once (slot k reads the k-th name).
 */
async function expectRegister(
  model: ExcelModel,
  people: readonly Stakeholder[],
  edits: Record<string, Record<string, string | number>> = {},
  kept: readonly string[] = [],
): Promise<void> {
  const fresh = new ExcelModel();
  await new ExcelWorkbook(fresh.run).applyAll(stakeholderMap(people));
  const register = model.sheet("Stakeholders");
  const header = (register.cells[0] ?? []).map((cell) => cell?.value);
  const column = (name: string) => {
    const index = header.indexOf(name);
    expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
    return String.fromCharCode(65 + index);
  };
  const keys = register.cells.slice(1).map((row) => row[0]?.value ?? "");
  expect(keys.filter((key) => key !== "").length, "every register row keyed").toBe(keys.length);
  expect(new Set(keys).size, "no key repeated").toBe(keys.length);
  expect([...keys].sort()).toEqual(people.map((person) => person.id).sort());
  keys.forEach((key, index) => {
    const row = index + 2;
    const person = people.find((candidate) => candidate.id === key) as Stakeholder;
    for (const input of STAKEHOLDER_INPUTS) {
      const typed = edits[String(key)]?.[input.header] ?? person[input.id as keyof Stakeholder] ?? "";
      expect(register.get(`${column(input.header)}${row}`), `${key} ${input.header}`).toBe(typed);
    }
    for (const output of OUTPUT_HEADERS) {
      if (kept.includes(`${key}|${output}`)) continue;
      const formula = String(register.get(`${column(output)}${row}`));
      const expected = String(fresh.sheet("Stakeholders").get(`${column(output)}2`));
      expect(template(formula), `${key} ${output}`).toBe(template(expected));
      expect(new Set(relativeRows(formula)), `${key} ${output} reads row ${row}`).toEqual(new Set([row]));
    }
  });
  const last = people.length + 1;
  for (const [name, letter] of Object.entries(REGISTER_NAMES))
    expect(model.names.get(name)?.formula, name).toBe(`='Stakeholders'!$${letter}$2:$${letter}$${last}`);
  const map = model.sheet("Stakeholder Map");
  const slots = people.map((_, k) => String(map.get(`E${5 + k}`)));
  expect(slots, "map slot k lists the k-th person").toEqual(
    people.map((_, k) => `=IFERROR(INDEX(BuyIn_Map_StakeholderNames,${k + 1})&"","")`),
  );
  expect(map.get(`E${5 + people.length}`)).toBe("");
}

describe("issue 8 cases on Excel", () => {
  it("case 10: a renamed table adds no sheet; lost markers are found again by the anchor names, no sheet added", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    const plans = stakeholderMap(generateStakeholders(6));
    await workbook.applyAll(plans);
    const names = model.sheets.map((sheet) => sheet.name);
    for (const sheet of model.sheets)
      for (const table of sheet.tables) model.renameTable(table.name, `Mine_${table.name}`);
    const renamed = await workbook.applyAll(plans);
    expect(renamed.map((report) => report.created)).toEqual(plans.map(() => false));
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(names);
    // Markers lost: no new sheet on this run or later ones.
    model.loseMarkers();
    await workbook.applyAll(plans);
    const afterLoss = model.sheets.map((sheet) => sheet.name);
    await workbook.applyAll(plans);
    await workbook.applyAll(plans);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(afterLoss);
    // Found again by the anchor names: no new sheet at all, the state sheet still very hidden.
    expect(afterLoss).toEqual(names);
    expect(model.sheet(STATE_TITLE).visibility).toBe("VeryHidden");
    // BuyIn's chart, its id lost with the markers, is known again by BuyIn's name for it: one chart.
    expect(model.sheet("Stakeholder Map").charts).toHaveLength(1);
  });
  const REGISTER = "Stakeholders";
  const SETTINGS = "BuyIn Settings";
  const conflictsOf = (reports: readonly ApplyReport[]) => reports.flatMap((report) => report.conflicts);
  const setup = async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    const people = generateStakeholders(8);
    await workbook.applyAll(stakeholderMap(people));
    return { model, workbook, people };
  };

  it("case 1: a formula typed in a computed cell stays the user's, moved by Excel, when retired rows above it go", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    register.type("R7", "=E7*10"); // S-0006's Priority, the user's own formula
    register.type("Z1", "Notes");
    register.type("Z4", "call back"); // S-0003 keeps a note
    const remaining = people.filter((person) => !["S-0002", "S-0003"].includes(person.id));
    const reports = await workbook.applyAll(stakeholderMap(remaining));
    expect(reports[1]).toMatchObject({ rowsRetired: 1, editsKept: 1 });
    // S-0002's row went: S-0006 is on row 6, its formula moved with it by Excel, not rewritten.
    expect(register.get("A6")).toBe("S-0006");
    expect(register.get("R6")).toBe("=E6*10");
    expect(register.get("A3")).toBe("S-0003");
    expect(register.get("Z3")).toBe("call back");
    expect(String(register.get("Q3"))).toContain("E3");
    expect(conflictsOf(reports)).toContainEqual(
      expect.objectContaining({ key: "S-0006", column: "Priority", cell: "R6" }),
    );
    const keys = register.cells.slice(1).map((row) => row[0]?.value);
    expect(keys.filter(Boolean)).toEqual([
      "S-0001",
      "S-0003",
      "S-0004",
      "S-0005",
      "S-0006",
      "S-0007",
      "S-0008",
    ]);
  });

  it("case 2: a title row inserted above the settings stays, and the named assumptions follow", async () => {
    const { model, workbook, people } = await setup();
    const settings = model.sheet(SETTINGS);
    const before = new Map([...model.names].map(([key, item]) => [key, item.formula]));
    model.insertRows(SETTINGS, 1);
    settings.type("A1", "Our programme's assumptions");
    const reports = await workbook.applyAll(stakeholderMap(people));
    expect(settings.get("A1")).toBe("Our programme's assumptions");
    expect(settings.get("A2")).toBe("BuyIn settings");
    expect(reports[0]?.editsKept).toBe(0);
    // Every name on the settings sheet reads one row lower, as Excel moved it.
    const threshold = before.get("buyin_map_threshold") ?? "";
    expect(threshold).toMatch(/\$B\$\d+$/);
    const row = Number(/(\d+)$/.exec(threshold)?.[1]);
    expect(model.names.get("buyin_map_threshold")?.formula).toBe(threshold.replace(/\d+$/, String(row + 1)));
    expect(settings.get(`B${row + 1}`)).not.toBe("");
  });

  it("case 3: a map list growing into a note of the user's leaves the note and says so, run after run", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    const people = generateStakeholders(6);
    await workbook.applyAll(stakeholderMap(people.slice(0, 3)));
    const map = model.sheet("Stakeholder Map");
    // Below the 3-person map, where 6 people's longer lists go.
    const note = cellTheMapGrowsInto(people.slice(0, 3), people);
    map.type(note, "ask Dana about the sponsor");
    for (let run = 0; run < 2; run++) {
      const reports = await workbook.applyAll(stakeholderMap(people));
      expect(map.get(note)).toBe("ask Dana about the sponsor");
      expect(conflictsOf(reports)).toContainEqual(
        expect.objectContaining({ sheet: "Stakeholder Map", cell: note }),
      );
    }
    // The list's other cells are BuyIn's formulas, the note's cell only left out.
    const { row, column } = parseCell(note);
    expect(String(map.get(cellA1(row - 1, column)))).toMatch(/^=IF\(\$[IJKL]\$10</);
    await expectRegister(model, people);
  });

  it("case 4: the state sheet deleted (shown from the VBA editor, then deleted): the user's edits are kept and reported, not overwritten", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    register.type("E3", 5); // S-0002's power
    register.type("B4", "Person 3 (née Smith)"); // S-0003's name
    model.sheet(STATE_TITLE).visibility = "Visible";
    model.deleteSheet(STATE_TITLE);
    const reports = await workbook.applyAll(stakeholderMap(people));
    expect([register.get("E3"), register.get("B4")]).toEqual([5, "Person 3 (née Smith)"]);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ key: "S-0002", column: "Power" }));
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ key: "S-0003", column: "Name" }));
    // The state is written anew, very hidden, and its anchor name points at it again.
    expect(model.sheet(STATE_TITLE).visibility).toBe("VeryHidden");
    expect(model.names.get("buyin_anchor_buyin_state")?.formula).toBe("='BuyIn state'!$A$1");
    const edits = { "S-0002": { Power: 5 }, "S-0003": { Name: "Person 3 (née Smith)" } };
    await expectRegister(model, people, edits);
    // The next run knows both as the user's edits.
    const next = await workbook.applyAll(stakeholderMap(people));
    expect(next[1]?.editsKept).toBe(2);
    await expectRegister(model, people, edits);
  });

  it("case 5: rows sorted by Range.sort over the inputs only keep the user's edit and take the panel's change", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    register.type("F4", 1); // S-0003's interest, edited in the sheet
    // The inputs A:P sorted by Group, descending; the computed columns Q:W stay where they were.
    model.sortRows(REGISTER, "A2:P9", 4, true);
    expect(register.get("A2")).not.toBe("S-0001");
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Person 1 (renamed in the panel)" } : person,
    );
    const reports = await workbook.applyAll(stakeholderMap(changed));
    expect(reports[1]?.editsKept).toBe(1);
    expect(reports[1]?.conflicts).toEqual([]);
    await expectRegister(model, changed, { "S-0003": { Interest: 1 } });
  });

  it("case 8: a blank row inserted at row 2 and a person typed into it is adopted: no duplicate, one map slot each", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    model.insertRows(REGISTER, 2);
    const newcomer: Stakeholder = {
      ...(generateStakeholders(9)[8] as Stakeholder),
      caresAbout: "",
      concerns: "",
    };
    STAKEHOLDER_INPUTS.forEach((input, index) => {
      const value = newcomer[input.id as keyof Stakeholder];
      if (input.role !== "key" && value !== undefined && value !== "")
        register.type(`${String.fromCharCode(65 + index)}2`, value);
    });
    // The panel read the row and gave the person an id.
    const everyone = [...people, newcomer];
    const reports = await workbook.applyAll(stakeholderMap(everyone));
    expect(register.get("A2")).toBe(newcomer.id);
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 9 });
    // The people in their rows as they now stand: the newcomer first.
    await expectRegister(model, [newcomer, ...people]);
  });

  it("case 6: a renamed header is read by its column id, and no empty column is added", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    const width = register.cells[0]?.length;
    register.type("E1", "Power (1-5)");
    await workbook.applyAll(stakeholderMap(people));
    const table = await workbook.readTable("stakeholders");
    expect(table?.header.filter((header) => header.startsWith("Power"))).toEqual(["Power (1-5)"]);
    expect(register.cells[0]?.length).toBe(width);
    expect(table?.ids?.[table.header.indexOf("Power (1-5)")]).toBe("power");
    expect(String(register.get("Q2"))).toContain("E2");
  });

  it("case 7: a deleted header row is inserted again (Range.insert), not the register written beside itself", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    const width = register.cells[0]?.length;
    register.type("Z3", "call back"); // a note on S-0002's row, which must stay on that row
    model.deleteRows(REGISTER, 1);
    const reports = await workbook.applyAll(stakeholderMap(people));
    expect(register.get("A1")).toBe("ID");
    expect([register.get("A3"), register.get("Z3"), register.get("Z2")]).toEqual(["S-0002", "call back", ""]);
    expect(register.get("A2")).toBe("S-0001");
    expect(register.cells[0]?.length).toBe(width);
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 8 });
    expect(String(register.get("Q2"))).toContain("E2");
    await expectRegister(model, people);
  });

  it("case 11: a copied BuyIn sheet has no marker in Excel (settings are by sheet id): writes go to the original", async () => {
    const { model, workbook, people } = await setup();
    const copy = model.copySheet(REGISTER, "Stakeholders copy");
    copy.type("B2", "My scratch name");
    const before = copy.snapshot();
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Renamed" } : person,
    );
    const reports = await workbook.applyAll(stakeholderMap(changed));
    expect(reports[1]?.sheet).toBe(REGISTER);
    expect(model.sheet(REGISTER).get("B2")).toBe("Renamed");
    expect(copy.snapshot()).toBe(before);
    await expectRegister(model, changed);
  });
  it("case 9: formulas pasted as values, or a computed cell cleared, come back as BuyIn's formulas", async () => {
    const { model, workbook, people } = await setup();
    const register = model.sheet(REGISTER);
    const formulas = ["R2", "R9", "Q5"].map((a1) => register.get(a1));
    // The model computes nothing: each Priority pasted as the kernel's value for its row, and the
    // plan carries that value (TableRow.expected), as the panel's plans do.
    const shown = new Map(
      people.map((person) => [person.id, priority([person.power, person.interest, person.influence])]),
    );
    model.convertToValues(REGISTER, "R2:R9", (_, a1) => {
      const key = register.get(`A${a1.slice(1)}`) as string;
      return shown.get(key) as number;
    });
    register.type("Q5", "");
    register.type("S6", "call first"); // the user's own value: kept, reported
    const [settings, table, map] = stakeholderMap(people) as [SheetPlan, SheetPlan, SheetPlan];
    const rows = table.table?.rows.map((row) => ({
      ...row,
      expected: { priority: shown.get(row.key) ?? null },
    }));
    const withExpected = {
      ...table,
      table: { ...(table.table as NonNullable<SheetPlan["table"]>), rows: rows ?? [] },
    };
    const reports = await workbook.applyAll([settings, withExpected, map]);
    expect(["R2", "R9", "Q5"].map((a1) => register.get(a1))).toEqual(formulas);
    expect(register.get("S6")).toBe("call first");
    expect(conflictsOf(reports)).toContainEqual(
      expect.objectContaining({ key: "S-0005", column: "Engagement gap", cell: "S6" }),
    );
  });
});

/**
 * The Excel model's user actions behave as Excel's (sources in excel-references.ts and
 * excel-model.ts), then the issue 8 cases that already run on Excel through ExcelWorkbook.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { type ApplyReport, priority, type SheetPlan, STATE_TITLE, stakeholderMap } from "../../core/index";
import { generateStakeholders } from "../stakeholder-fixtures";
import { ExcelModel } from "./excel-model";
import { shiftFormula, sortedFormula } from "./excel-references";

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

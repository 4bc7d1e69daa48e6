/**
 * The Excel model's user actions behave as Excel's (sources in excel-references.ts and
 * excel-model.ts), then the issue 8 cases that already run on Excel through ExcelWorkbook.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { stakeholderMap } from "../../core/index";
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
  it("case 10: a renamed table adds no sheet; lost markers add one set at most, not one per run", async () => {
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
    // Markers lost: at most one new set of sheets, then none on later runs.
    model.loseMarkers();
    await workbook.applyAll(plans);
    const afterLoss = model.sheets.map((sheet) => sheet.name);
    await workbook.applyAll(plans);
    await workbook.applyAll(plans);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(afterLoss);
  });
});

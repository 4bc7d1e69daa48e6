/**
 * ExcelWorkbook.applyAll over the Excel model: every plan of the stakeholder set in one Excel.run
 * within three context.sync() calls (plus splits for Excel on the web's 5 MB limit), holes left as
 * they are, the state sheet very hidden, names BuyIn stopped using removed, and a run cut off
 * anywhere completed by the next.
 */
import { describe, expect, it, vi } from "vitest";
import { ExcelWorkbook, MARKERS_SETTING, NAME_COMMENT, PAYLOAD_BUDGET } from "../../addin/excel-workbook";
import * as core from "../../core/index";
import { type ResolvedWorkbook, STATE_TITLE, stakeholderMap } from "../../core/index";
import { generateStakeholders } from "../stakeholder-fixtures";
import { ExcelModel } from "./excel-model";

vi.mock("../../core/index", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../core/index")>();
  return { ...actual, resolveAll: vi.fn(actual.resolveAll) };
});

function setup() {
  const model = new ExcelModel();
  return { model, workbook: new ExcelWorkbook(model.run) };
}

describe("ExcelWorkbook.applyAll", () => {
  it("writes the whole stakeholder set in one Excel.run of at most 3 syncs, first run and re-run", async () => {
    const { model, workbook } = setup();
    const plans = stakeholderMap(generateStakeholders(10));
    const first = await workbook.applyAll(plans);
    const again = await workbook.applyAll(plans);
    expect(model.syncs).toHaveLength(2);
    for (const count of model.syncs) expect(count).toBeLessThanOrEqual(3);
    expect(first.map((report) => report.created)).toEqual(plans.map(() => true));
    expect(again.map((report) => report.created)).toEqual(plans.map(() => false));
    // One report per plan; the state sheet, written last, has none.
    expect([...first.map((report) => report.sheet), STATE_TITLE]).toEqual(
      model.sheets.map((sheet) => sheet.name),
    );
    expect(model.sheet(STATE_TITLE).visibility).toBe("VeryHidden");
    // One marker per sheet, keyed by its id, after one run: none left under a name.
    expect(Object.keys(JSON.parse(model.settings.get(MARKERS_SETTING) ?? "{}")).sort()).toEqual(
      model.sheets.map((sheet) => sheet.id).sort(),
    );
    expect(again.every((report) => report.editsKept === 0)).toBe(true);
  });

  it("resolves once for all plans, and reads every existing target in the same sync", async () => {
    const { model, workbook } = setup();
    const plans = stakeholderMap(generateStakeholders(10));
    await workbook.applyAll(plans);
    vi.mocked(core.resolveAll).mockClear();
    const before = model.payloads.length;
    await workbook.applyAll(plans);
    expect(core.resolveAll).toHaveBeenCalledTimes(1);
    const [, snapshot, states] = vi.mocked(core.resolveAll).mock.calls[0] ?? [];
    expect(snapshot?.sheets.map((sheet) => sheet.id)).toEqual(model.sheets.map((sheet) => sheet.id));
    expect([...(states?.keys() ?? [])].sort()).toEqual(model.sheets.map((sheet) => sheet.name).sort());
    expect(model.payloads.length - before).toBe(3);
  });

  it("leaves a hole (null) as it is, hides a sheet 'VeryHidden', and removes names BuyIn no longer uses", async () => {
    const { model, workbook } = setup();
    const plans = stakeholderMap(generateStakeholders(3));
    await workbook.applyAll(plans);
    const register = model.sheets[1];
    if (!register) throw new Error("no register sheet");
    register.type("B2", "=UPPER(A2)"); // the user's formula BuyIn keeps
    model.names.set("buyin_old", { name: "BuyIn_Old", formula: "=Sheet1!$A$1", comment: NAME_COMMENT });
    const actual = await vi.importActual<typeof import("../../core/index")>("../../core/index");
    vi.mocked(core.resolveAll).mockImplementationOnce((...args): ResolvedWorkbook => {
      const resolved = actual.resolveAll(...args);
      return {
        ...resolved,
        removeNames: ["BuyIn_Old", "BuyIn_Never_Made"],
        sheets: resolved.sheets.map((sheet, index) =>
          index !== 1
            ? sheet
            : {
                ...sheet,
                hidden: true,
                // Every write to B2 becomes a hole.
                writes: sheet.writes.map((write) => ({
                  ...write,
                  cells: write.cells.map((row, r) =>
                    row.map((cell, c) => (write.row + r === 2 && write.column + c === 2 ? null : cell)),
                  ),
                })),
              },
        ),
      };
    });
    await workbook.applyAll(plans);
    expect(register.get("B2")).toBe("=UPPER(A2)");
    expect(register.get("A2")).not.toBe("");
    expect(register.visibility).toBe("VeryHidden");
    const others = model.sheets.filter((sheet) => sheet !== register && sheet.name !== STATE_TITLE);
    expect(others.map((sheet) => sheet.visibility)).toEqual(others.map(() => "Visible"));
    expect(model.names.has("buyin_old")).toBe(false);
  });

  it("shows columns again for a format with hidden: false (the migrated old state column)", async () => {
    const { model, workbook } = setup();
    const plans = stakeholderMap(generateStakeholders(3));
    await workbook.applyAll(plans);
    const register = model.sheets[1];
    if (!register) throw new Error("no register sheet");
    register.hidden.add(24); // X: where a v1 register kept its hidden state column
    const actual = await vi.importActual<typeof import("../../core/index")>("../../core/index");
    vi.mocked(core.resolveAll).mockImplementationOnce((...args): ResolvedWorkbook => {
      const resolved = actual.resolveAll(...args);
      return {
        ...resolved,
        sheets: resolved.sheets.map((sheet, index) =>
          index !== 1 ? sheet : { ...sheet, formats: [...sheet.formats, { range: "X1:X4", hidden: false }] },
        ),
      };
    });
    await workbook.applyAll(plans);
    expect(register.hidden.has(24)).toBe(false);
  });

  it("the model leaves a cell under a null as it is and sets the others, as Excel does", async () => {
    // "null input in 2-D Array" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
    const model = new ExcelModel();
    const sheet = model.addSheet("Data");
    sheet.type("A1", "=B1*2");
    sheet.type("B1", 5);
    await model.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      (sheets.items[0] as Excel.Worksheet).getRange("A1:C1").formulas = [[null, 7, "x"]] as never;
      await context.sync();
    });
    expect([sheet.get("A1"), sheet.get("B1"), sheet.get("C1")]).toEqual(["=B1*2", 7, "x"]);
  });

  it("the model refuses to hide the last visible sheet, as Excel does", async () => {
    const model = new ExcelModel();
    model.addSheet("Only");
    const attempt = model.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      (sheets.items[0] as Excel.Worksheet).visibility = "VeryHidden";
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  for (const cut of ["add sheet", "range ", "add chart", "setPosition", "settings.add"]) {
    it(`completes a first run cut off at the first "${cut}" command: no duplicate sheet, everything written`, async () => {
      const { model, workbook } = setup();
      const plans = stakeholderMap(generateStakeholders(5));
      let seen = 0;
      // The second settings.add is the final marker, after every write.
      model.interruptBefore((label) => label.startsWith(cut) && (cut !== "settings.add" || ++seen === 2));
      await expect(workbook.applyAll(plans)).rejects.toMatchObject({ code: "GeneralException" });
      const reports = await workbook.applyAll(plans);
      const fresh = setup();
      const expected = await fresh.workbook.applyAll(plans);
      expect(reports.map((report) => report.sheet)).toEqual(expected.map((report) => report.sheet));
      expect(model.sheets.map((sheet) => sheet.name)).toEqual(fresh.model.sheets.map((sheet) => sheet.name));
      model.sheets.forEach((sheet, index) => {
        // As Excel shows them (a blank left as a hole and a blank written read the same).
        expect(sheet.usedRange()).toEqual(fresh.model.sheets[index]?.usedRange());
        // One chart of BuyIn's where a full run makes one, whether or not it was added before the cut.
        const { id: _, ...chart } = sheet.charts[0] ?? { id: "" };
        const { id: __, ...expectedChart } = fresh.model.sheets[index]?.charts[0] ?? { id: "" };
        expect(sheet.charts).toHaveLength(fresh.model.sheets[index]?.charts.length ?? 0);
        expect(chart).toEqual(expectedChart);
      });
    });
  }

  it("stays within 4 MB a request and a response at 10,000 people, adding syncs only for size", async () => {
    const { model, workbook } = setup();
    const plans = stakeholderMap(generateStakeholders(10_000));
    await workbook.applyAll(plans);
    await workbook.applyAll(plans);
    const largest = model.largestPayload();
    expect(largest.request).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(largest.response).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const sent = model.payloads.reduce((sum, payload) => sum + payload.request + payload.response, 0);
    const [first = 0, again = 0] = model.syncs;
    expect(first + again - 6).toBeLessThanOrEqual(Math.ceil(sent / (PAYLOAD_BUDGET / 2)));
  }, 60_000);
});

/**
 * The business-case plans through the two host ports (Excel over the office.js model, Sheets over
 * the Apps Script fake): every sheet is written, and the sensitivity table's bar chart is made as
 * each host's bar chart (Excel "BarClustered", Sheets Charts.ChartType.BAR) over the swings.
 * MemoryWorkbook, the third port, is held to the same plans in business-case-memory.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import { businessCasePlans, CASE_LAYOUT, SAMPLE_BUSINESS_CASE, SENSITIVITY_DRIVERS } from "../../core/index";
import { ExcelModel } from "../addin/excel-model";
import { CHART_TYPES, fakeAppsScript } from "../apps-script/fake-apps-script";

const plans = businessCasePlans(SAMPLE_BUSINESS_CASE);
const first = CASE_LAYOUT.sensitivity;
const last = first + SENSITIVITY_DRIVERS.length - 1;

describe("the business case through the host ports", () => {
  it("Excel writes every sheet and a clustered bar chart of the swings", async () => {
    const model = new ExcelModel();
    const reports = await new ExcelWorkbook(model.run).applyAll(plans);
    expect(reports).toHaveLength(plans.length);
    const sheet = model.sheets.find((candidate) => candidate.name === "Business Case");
    expect(sheet?.charts).toEqual([
      expect.objectContaining({ type: "BarClustered", x: `A${first}:A${last}`, y: `D${first}:D${last}` }),
    ]);
  });

  it("Sheets writes every sheet and a bar chart of the swings", async () => {
    const fake = fakeAppsScript();
    const reports = await new SheetsWorkbook(fake.services).applyAll(plans);
    expect(reports).toHaveLength(plans.length);
    const sheet = fake.book.sheets.find((candidate) => candidate.name === "Business Case");
    const charts = sheet?.getCharts() ?? [];
    expect(charts).toHaveLength(1);
    expect(charts[0]?.chartType).toBe(CHART_TYPES.bar);
    expect(charts[0]?.ranges).toEqual([`A${first}:A${last}`, `D${first}:D${last}`]);
  });
});

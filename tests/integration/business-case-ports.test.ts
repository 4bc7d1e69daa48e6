/**
 * The business-case plans through the host ports (Excel over the office.js model, Sheets over
 * the Apps Script fake, the .xlsx file): every sheet is written, and the sensitivity table's bar
 * chart is made as each host's bar chart (Excel "BarClustered", Sheets Charts.ChartType.BAR) over
 * the swings. The summary's print setup (one A4 page, portrait, its print area) is set where the
 * host has a page setup: Excel's Worksheet.pageLayout from ExcelApi 1.9, feature-detected and in
 * the same syncs; the file's pageSetup. MemoryWorkbook, the fourth port, is held to the same plans
 * in business-case-memory.test.ts and case-summary-memory.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  businessCasePlans,
  businessCaseWarnings,
  CASE_LAYOUT,
  SAMPLE_BUSINESS_CASE,
  SAMPLE_CASE_EVIDENCE,
  SENSITIVITY_DRIVERS,
  summaryLayout,
} from "../../core/index";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { ExcelModel } from "../addin/excel-model";
import { CHART_TYPES, fakeAppsScript } from "../apps-script/fake-apps-script";
import { zipPartText } from "../xlsx/zip";

const plans = businessCasePlans(SAMPLE_BUSINESS_CASE, { evidence: SAMPLE_CASE_EVIDENCE });
const first = CASE_LAYOUT.sensitivity;
const last = first + SENSITIVITY_DRIVERS.length - 1;
const SUMMARY = "Business Case Summary";
const printArea = `A1:F${
  summaryLayout(
    SAMPLE_BUSINESS_CASE.benefits.length,
    businessCaseWarnings(SAMPLE_BUSINESS_CASE).length,
    SAMPLE_BUSINESS_CASE.intangibles.length,
  ).last
}`;

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

  it("Excel with ExcelApi 1.9 sets the summary to print on one A4 page, portrait, in the same syncs", async () => {
    const withLayout = new ExcelModel();
    await new ExcelWorkbook(withLayout.run, withLayout.supports).applyAll(plans);
    expect(withLayout.sheet(SUMMARY).pageLayout).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printArea,
    });
    // Only the summary's page is set; other sheets keep Excel's.
    expect(withLayout.sheet("Business Case").pageLayout).toEqual({
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
    });
    // Without ExcelApi 1.9 nothing touches pageLayout (the fake would fail the batch: ApiNotFound).
    const older = new ExcelModel();
    older.excelApi = "1.8";
    const reports = await new ExcelWorkbook(older.run, older.supports).applyAll(plans);
    expect(reports).toHaveLength(plans.length);
    expect(older.sheet(SUMMARY).pageLayout.zoom).toEqual({ scale: 100 });
    // The same syncs with and without the page setup, first run and re-run.
    await new ExcelWorkbook(withLayout.run, withLayout.supports).applyAll(plans);
    await new ExcelWorkbook(older.run, older.supports).applyAll(plans);
    expect(withLayout.syncs).toEqual(older.syncs);
    expect(withLayout.syncs.every((count) => count <= 3)).toBe(true);
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

  it("the .xlsx file carries the summary's page setup: fit to 1 × 1 pages, A4, portrait, its print area", async () => {
    const book = XlsxWorkbook.empty();
    await book.applyAll(plans);
    const bytes = await book.toBuffer();
    const workbookXml = zipPartText(bytes, "xl/workbook.xml") ?? "";
    // ECMA-376 Part 1: 18.2.6 definedName _xlnm.Print_Area, localSheetId the sheet's place; the
    // sheet's quotes escaped as XML text.
    const printName =
      /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"[^>]*>([^<]+)<\/definedName>/.exec(
        workbookXml,
      );
    expect(printName?.[2]).toBe(`&apos;${SUMMARY}&apos;!$A$1:$F$${printArea.split("F")[1]}`);
    const sheetNames = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1]);
    expect(sheetNames[Number(printName?.[1])]).toBe(SUMMARY);
    const part = zipPartText(bytes, `xl/worksheets/sheet${Number(printName?.[1]) + 1}.xml`) ?? "";
    // 18.3.1.65 pageSetUpPr fitToPage; 18.3.1.63 pageSetup: paperSize 9 is A4.
    expect(part).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const setup = /<pageSetup [^>]*\/>/.exec(part)?.[0] ?? "";
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="portrait"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="1"/);
    // Opened and saved again with nothing written, the print area stays absolute.
    const resaved = await (await XlsxWorkbook.fromBuffer(bytes)).toBuffer();
    expect(zipPartText(resaved, "xl/workbook.xml")).toContain(printName?.[0]);
  });
});

/**
 * The .xlsx export as it ships: dist/preview/xlsx-export.js, an ES module no host bundle carries,
 * which works in Chromium (ExcelJS's browser build): it writes the sample toolkit, hands it to the
 * browser's download, and opens a file again. And the toolkit files the build writes into dist/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { businessCasePlans, SAMPLE_BUSINESS_CASE, STATE_TITLE, toolkitPlans } from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { EMPTY_FILE, SAMPLE_FILE } from "../../xlsx/toolkit-file";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { describeInBrowser } from "../e2e/harness";

const dist = join(import.meta.dirname, "../../dist");
/** Strings only the export carries: its marker sheet's header, and ExcelJS's own name. */
const EXPORT_CODE = /buyin-markers|exceljs/i;

describe("the export's bundle and the toolkit files in dist/", () => {
  it.each([
    "addin/functions.js",
    "addin/taskpane.js",
    "apps-script/Sidebar.html",
    "apps-script/ScreensOnUse.html",
    "apps-script/buyin.js",
    "preview/preview.js",
  ])("%s carries none of the export's code", (file) => {
    expect(readFileSync(join(dist, file), "utf8")).not.toMatch(EXPORT_CODE);
  });

  it("preview/xlsx-export.js carries it", () => {
    expect(readFileSync(join(dist, "preview/xlsx-export.js"), "utf8")).toMatch(EXPORT_CODE);
  });

  it("writes the sample toolkit and an empty one, which open as BuyIn toolkits", async () => {
    const sample = await XlsxWorkbook.fromBuffer(readFileSync(join(dist, SAMPLE_FILE)));
    // The whole toolkit: every plan's sheet, then BuyIn's state sheet.
    expect(sample.sheetNames()).toEqual([
      ...new Set(toolkitPlans(SAMPLE_STAKEHOLDERS, true).map((plan) => plan.title)),
      STATE_TITLE,
    ]);
    expect(sample.value("Stakeholders", "B2")).toBe("Priya Raman");
    expect((await sample.readTable("stakeholders"))?.rows).toHaveLength(15);
    const empty = await XlsxWorkbook.fromBuffer(readFileSync(join(dist, EMPTY_FILE)));
    // The same sheets, but the business case, which needs its inputs.
    const caseSheets = businessCasePlans(SAMPLE_BUSINESS_CASE).map((plan) => plan.title);
    expect(empty.sheetNames()).toEqual(sample.sheetNames().filter((name) => !caseSheets.includes(name)));
    expect((await empty.readTable("stakeholders"))?.rows).toHaveLength(0);
  });
});

describeInBrowser("the export in Chromium", ({ origin, browser }) => {
  it("downloads the sample as .xlsx and opens a file again", async () => {
    const page = await browser().newPage();
    await page.goto(`${origin()}/preview/index.html`);
    const [download, opened] = await Promise.all([
      page.waitForEvent("download"),
      // A string, so the test runner does not rewrite the page's own import().
      page.evaluate(`(async () => {
        const xlsx = await import("./xlsx-export.js");
        const files = await xlsx.toolkitFiles();
        const book = await xlsx.openWorkbook(new Blob([files["buyin-toolkit-sample.xlsx"]]));
        const table = await book.readTable("stakeholders");
        const refused = await xlsx.openWorkbook(new Blob(["not a workbook"])).catch((error) => error.message);
        const plans = [{ kind: "notes", title: "Notes", blocks: [{ at: "A1", values: [["hello"]] }] }];
        await xlsx.downloadWorkbook(plans, "notes.xlsx");
        return { rows: table.rows.length, refused };
      })()`) as Promise<{ rows: number; refused: string }>,
    ]);
    expect(opened.rows).toBe(15);
    expect(opened.refused).toMatch(/^BuyIn cannot open this file: it is not an \.xlsx workbook/);
    expect(download.suggestedFilename()).toBe("notes.xlsx");
    const file = await XlsxWorkbook.fromBuffer(readFileSync(await download.path()));
    expect(file.value("Notes", "A1")).toBe("hello");
  });
});

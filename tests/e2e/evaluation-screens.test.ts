/**
 * The KPIs and Evaluation screens in Chromium: in the preview a person enters an actual, writes the
 * tracker and finds the formula engine's Status column saying what the panel's chips said; creates
 * the next report, which leaves the issued ones as they were; analyses a selected pre/post range.
 * In the Sheets sidebar (300 and 350 px) nothing scrolls sideways; in the Excel task pane the
 * screens load as their own script; axe-core finds nothing serious in either theme.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { effectSize, normalizedGain, pairedTTest, SAMPLE_ASSESSMENT, stakeholderMap } from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { SAMPLE_STAKEHOLDERS, sampleEvaluationPlans } from "../../ui/preview/sample";
import { seriousViolations } from "./axe";
import { describeInBrowser } from "./harness";
import { go, openSidebar, openTaskPane, paste, sidewaysOverflow } from "./panel-pages";

const screenshots = join(import.meta.dirname, "../../docs/screenshots");

/** The preview's workbook view: the texts of the column headed `header` on sheet `sheet`, rows 2 on. */
async function sheetColumn(page: Page, sheet: string, header: string): Promise<string[]> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  return page.evaluate((wanted) => {
    const cells = [...document.querySelectorAll<HTMLElement>("table.cells td[data-cell]")];
    const head = cells.find(
      (cell) => /^[A-Z]+1$/.test(cell.dataset.cell ?? "") && cell.textContent === wanted,
    );
    const column = head?.dataset.cell?.replace(/\d+$/, "") ?? "?";
    return cells
      .filter(
        (cell) =>
          new RegExp(`^${column}\\d+$`).test(cell.dataset.cell ?? "") && cell.dataset.cell !== `${column}1`,
      )
      .map((cell) => cell.textContent ?? "")
      .filter((text) => text !== "");
  }, header);
}

/** Selects a range of the preview's current sheet by typing it into the name box, as in Excel. */
async function selectRange(page: Page, sheet: string, range: string) {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  const box = page.getByRole("textbox", { name: "Cell or range to select" });
  await box.fill(range);
  await box.press("Enter");
}

const chips = (page: Page) => page.locator(".kpi-row .chip").allTextContents();

/** The sample's learners with both scores: what the analysis of the Pre and Post columns must show. */
const pairs = SAMPLE_ASSESSMENT.filter((learner) => learner.post !== undefined);
const pre = pairs.map((learner) => learner.pre as number);
const post = pairs.map((learner) => learner.post as number);

describeInBrowser("the KPIs and Evaluation screens", ({ origin, browser }) => {
  const preview = async (query = "") => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    await previewReadyTime(page, `${origin()}/preview/index.html${query}`);
    return page;
  };

  it("preview: an actual entered in the panel is written, and the engine's Status column matches the panel's statuses", async () => {
    const page = await preview("?width=300");
    await go(page, "KPIs");
    await page.getByRole("status").getByText("Loaded 5 KPIs from “KPIs”.").waitFor();
    const before = await chips(page);
    expect(before).toEqual(await sheetColumn(page, "KPIs", "Status"));
    expect(before).toContain("At risk");

    // Q4's assessment score reaches its target of 75: the chip turns On track before any write.
    await page.getByRole("button", { name: /^Assessment score/ }).click();
    await page.locator("#kpi-field-actual4").fill("7x");
    await expect(page.locator("#kpi-field-actual4").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.locator("#kpi-field-actual4").fill("76");
    await expect(page.locator("#kpi-field-actual4").getAttribute("aria-invalid")).resolves.toBeNull();
    await page.getByRole("button", { name: "Back to KPIs" }).click();
    const after = await chips(page);
    expect(after[2]).toBe("On track");
    // Another screen and back: the unsaved actual is still there, not reloaded over.
    await go(page, "Evaluation");
    await go(page, "KPIs");
    await page.locator(".kpi-row").first().waitFor();
    expect(await chips(page)).toEqual(after);

    await page.getByRole("button", { name: "Write KPIs" }).click();
    await page.getByRole("status").getByText("Wrote 5 KPIs to the workbook.").waitFor();
    expect(await sheetColumn(page, "KPIs", "Status")).toEqual(after);
    expect(await sheetColumn(page, "KPIs", "Q4 2026")).toEqual(["76"]);
    await page.close();
  });

  it("preview: actuals pasted from a spreadsheet, then selected in the workbook, are previewed, entered and written", async () => {
    const page = await preview("?width=300");
    await go(page, "KPIs");
    await page.getByRole("status").getByText("Loaded 5 KPIs from “KPIs”.").waitFor();
    const changes = page.getByRole("list", { name: "Changes" }).locator("li");

    // Excel's clipboard text: a header of periods, a KPI the tracker lacks, text in a number cell.
    // Ctrl+V with the focus on the screen (the Paste button reads the clipboard only where the host allows).
    await page.getByRole("button", { name: "Paste actuals" }).focus();
    await paste(
      page,
      "KPI\tQ3 2026\tQ4 2026\r\nK-001\t0.88\t93%\r\nK-099\t5\t6\r\nAssessment score\t\tn/a\r\n",
    );
    await page.getByRole("heading", { name: "Actuals from the clipboard" }).waitFor();
    await expect(changes.allTextContents()).resolves.toEqual([
      "Academy completion rateQ3 2026: 86% → 88%Overwrites",
      "Academy completion rateQ4 2026: 93%New",
    ]);
    await expect(changes.first().getAttribute("class")).resolves.toBe("overwrite");
    await page.locator(".actuals-left-out li").getByText("K-099", { exact: true }).waitFor();
    await page.getByText("Assessment score, Q4 2026: “n/a” is not a number.").waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    mkdirSync(screenshots, { recursive: true });
    await page.locator(".actuals-preview").screenshot({ path: join(screenshots, "kpi-actuals-preview.png") });
    expect(await seriousViolations(page, "#panel")).toEqual([]);
    await page.getByRole("button", { name: "Enter 2 actuals" }).click();
    await page
      .getByRole("status")
      .getByText(/^Entered 2 actuals in the panel's KPIs/)
      .waitFor();

    // Two KPIs and their values typed into free cells of a sheet, selected: one column of values,
    // for the period chosen (the preview draws a sheet's used columns and at least eight).
    await page.getByRole("tab", { name: "BuyIn Settings", exact: true }).click();
    for (const [cell, text] of [
      ["E2", "K-002"],
      ["F2", "0.81"],
      ["E3", "K-005"],
      ["F3", "0.17"],
    ] as const) {
      await page.locator(`table.cells td[data-cell="${cell}"]`).click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    }
    await selectRange(page, "BuyIn Settings", "E2:F3");
    await page.getByRole("button", { name: "Import actuals from the selection" }).click();
    await page.getByRole("heading", { name: "Actuals from the selection" }).waitFor();
    await expect(page.getByLabel("Period of the values").inputValue()).resolves.toBe("3");
    await expect(changes.count()).resolves.toBe(2);
    await page.getByLabel("Period of the values").selectOption("Q3 2026");
    await expect(changes.allTextContents()).resolves.toEqual([
      "Participant satisfaction (top-2-box)Q3 2026: 83% → 81%Overwrites",
      "Team-leader attrition (annualized)Q3 2026: 18% → 17%Overwrites",
    ]);
    await page.getByRole("button", { name: "Enter 2 actuals" }).click();

    await page.getByRole("button", { name: "Write KPIs" }).click();
    await page.getByRole("status").getByText("Wrote 5 KPIs to the workbook.").waitFor();
    expect(await sheetColumn(page, "KPIs", "Q3 2026")).toEqual(["0.88", "0.81", "73", "10.9", "0.17"]);
    expect(await sheetColumn(page, "KPIs", "Q4 2026")).toEqual(["0.93"]);
    expect(await chips(page)).toEqual(await sheetColumn(page, "KPIs", "Status"));
    await page.close();
  });

  it("preview: creating the next report adds today's section below the two issued, which stay as they were", async () => {
    const page = await preview();
    await go(page, "KPIs");
    await page.getByRole("status").getByText("Loaded 5 KPIs from “KPIs”.").waitFor();
    const issued = await sheetColumn(page, "Report", "Line");
    expect(issued).toHaveLength(18);
    const issuedStatus = await sheetColumn(page, "Report", "Status");
    await page.getByRole("button", { name: "Create the next report" }).click();
    // The groups and measures of the latest report: Executive 2, Finance 3, Operations 2, Participants 2.
    await page
      .getByRole("status")
      .getByText("Added today's report: 9 lines for 4 groups, below 18 issued.")
      .waitFor();
    const lines = await sheetColumn(page, "Report", "Line");
    expect(lines.slice(0, 18)).toEqual(issued);
    expect(lines).toHaveLength(27);
    expect((await sheetColumn(page, "Report", "Status")).slice(0, 18)).toEqual(issuedStatus);
    await page.getByRole("button", { name: "Create the next report" }).click();
    await page
      .getByRole("status")
      .getByText("Today's report is already issued: nothing was added.")
      .waitFor();
    expect(await sheetColumn(page, "Report", "Line")).toEqual(lines);
    await page.close();
  });

  it("preview: analyses a selected pre/post range with the kernels' values, says what is wrong with a bad one, and writes the sheet", async () => {
    const page = await preview();
    await go(page, "Evaluation");
    await page.getByText("Missing: 5 ROI").waitFor();
    const analyse = page.getByRole("button", { name: "Analyse selection" });
    const problem = page.locator(".analysis-problem");

    await selectRange(page, "Pre-Post Assessment", "B1:B13");
    await analyse.click();
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toBe(
      "Select exactly two columns of scores, pre then post: the selection has no column of numbers.",
    );

    await selectRange(page, "Pre-Post Assessment", "D2:E2");
    await analyse.click();
    await expect(problem.textContent()).resolves.toBe(
      "Select at least two learners with both scores: the selection has one.",
    );

    // Learner, group, pre and post with their header row: the name column comes along.
    await selectRange(page, "Pre-Post Assessment", "B1:E13");
    await analyse.click();
    const table = page.getByRole("table", { name: "Pre/post analysis of the selection" });
    await table.waitFor();
    const value = (label: string) =>
      table
        .getByRole("row", { name: new RegExp(`^${label}`) })
        .locator(".analysis-value")
        .textContent();
    const test = pairedTTest(pre, post);
    await expect(value("Learners")).resolves.toBe(String(pre.length));
    await expect(value("Hake gain")).resolves.toBe(normalizedGain(pre, post, 100).toFixed(2));
    await expect(value("Effect size")).resolves.toBe(effectSize(pre, post, "dz").toFixed(2));
    await expect(value("t")).resolves.toBe(test.t.toFixed(2));
    await expect(value("p")).resolves.toBe(test.p < 0.001 ? "< 0.001" : test.p.toFixed(3));
    await table.getByText("1 left out: a score blank").waitFor();

    await page.getByRole("button", { name: "Write assessment sheet" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Write the sheet" }).click();
    await page
      .getByRole("status")
      .getByText(/^Wrote 11 learners to the Pre-Post Assessment sheet/)
      .waitFor();
    expect(await sheetColumn(page, "Pre-Post Assessment", "Learner")).toHaveLength(11);
    await page.close();
  });

  it("Sheets sidebar at 300 and 350 px: the KPI list, a KPI's form and the Evaluation screen never scroll sideways", async () => {
    mkdirSync(screenshots, { recursive: true });
    for (const width of [300, 350]) {
      const { page, errors, calls } = await openSidebar(browser(), origin(), { width, height: 720 }, [
        ...stakeholderMap(SAMPLE_STAKEHOLDERS),
        ...sampleEvaluationPlans(),
      ]);
      await go(page, "KPIs");
      await page.getByRole("status").getByText("Loaded 5 KPIs from “KPIs”.").waitFor();
      expect(await sidewaysOverflow(page), `${width}: KPI list`).toEqual([]);
      if (width === 300) await page.screenshot({ path: join(screenshots, "sheets-sidebar-kpis.png") });
      await page.getByRole("button", { name: /^Team-leader attrition/ }).click();
      await page.locator("#kpi-field-target").fill("fifteen");
      await page.locator("#kpi-field-target-problem").waitFor();
      expect(await sidewaysOverflow(page), `${width}: KPI form with a problem`).toEqual([]);
      await page.getByRole("button", { name: "Back to KPIs" }).click();
      await go(page, "Evaluation");
      await page.getByText("Missing: 5 ROI").waitFor();
      // The fake host's selection holds one learner's row: too few pairs, said in words.
      await page.getByRole("button", { name: "Analyse selection" }).click();
      await page.locator(".analysis-problem").waitFor();
      expect(await sidewaysOverflow(page), `${width}: Evaluation`).toEqual([]);
      if (width === 300) await page.screenshot({ path: join(screenshots, "sheets-sidebar-evaluation.png") });
      // Both screens came from one server call: Sidebar.html starts without them.
      expect(calls.filter((call) => call === "buyinScreensOnUse")).toHaveLength(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("Excel task pane at 350 px: the screens load as their own script, on the pane's Preact", async () => {
    const { page, errors } = await openTaskPane(browser(), origin(), { width: 350, height: 640 });
    const scripts: string[] = [];
    page.on("request", (request) => scripts.push(new URL(request.url()).pathname));
    await go(page, "KPIs");
    await page.getByRole("heading", { name: "KPIs" }).waitFor();
    await go(page, "Evaluation");
    await page.getByRole("heading", { name: "Evaluation" }).waitFor();
    expect(scripts.filter((path) => path.endsWith("/screens-on-use.js"))).toHaveLength(1);
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("axe-core finds no serious or critical violation on the new screens, in both themes; screenshots at 300 and 350 px", async () => {
    for (const [theme, width] of [
      ["google", 300],
      ["fluent", 350],
    ] as const) {
      const page = await preview(`?theme=${theme}&width=${width}`);
      await go(page, "KPIs");
      await page.getByRole("status").getByText("Loaded 5 KPIs from “KPIs”.").waitFor();
      expect(await seriousViolations(page, "#panel"), `${theme}: KPI list`).toEqual([]);
      await page.locator("#panel").screenshot({ path: join(screenshots, `preview-kpis-${width}.png`) });
      await page.getByRole("button", { name: /^Academy completion rate/ }).click();
      await page.locator("#kpi-field-target").fill("ninety");
      expect(await seriousViolations(page, "#panel"), `${theme}: KPI form with a problem`).toEqual([]);
      await page.getByRole("button", { name: "Back to KPIs" }).click();
      await go(page, "Evaluation");
      await selectRange(page, "Pre-Post Assessment", "B1:E13");
      await page.getByRole("button", { name: "Analyse selection" }).click();
      await page.getByRole("table", { name: "Pre/post analysis of the selection" }).waitFor();
      expect(await seriousViolations(page, "#panel"), `${theme}: Evaluation with an analysis`).toEqual([]);
      await page.locator(".app-main").evaluate((main) => {
        main.scrollTop = main.scrollHeight;
      });
      await page.locator("#panel").screenshot({ path: join(screenshots, `preview-evaluation-${width}.png`) });
      await selectRange(page, "Pre-Post Assessment", "B1:B4");
      await page.getByRole("button", { name: "Analyse selection" }).click();
      await page.locator(".analysis-problem").waitFor();
      expect(await seriousViolations(page, "#panel"), `${theme}: Evaluation with a problem`).toEqual([]);
      await page.close();
    }
  });
});

/**
 * The Business Case screen in Chromium. In the preview at 300 px a person edits an input and sees
 * ROI move, tries the bad inputs of issue 10 (each a field message, nothing written), runs the
 * whole-model simulation and writes: the formula engine's named outputs show the panel's figures
 * and the BuyIn_Case_Sim… cells hold the run's results. In the Sheets sidebar at 300 px nothing
 * scrolls sideways and axe-core finds nothing serious.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  businessCase,
  CASE_LAYOUT,
  CASE_OUTPUTS,
  caseSimulation,
  SAMPLE_BUSINESS_CASE,
  SIMULATION_ROWS,
  toolkitPlans,
} from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { seriousViolations } from "./axe";
import { describeInBrowser } from "./harness";
import { go, openSidebar, sidewaysOverflow } from "./panel-pages";

const screenshots = join(import.meta.dirname, "../../docs/screenshots");
const percent = (value: number) => `${Math.round(value * 100) || 0}%`;
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).textContent();

/** The preview's workbook view: the text a cell shows. */
async function cell(page: Page, sheet: string, address: string): Promise<{ text: string }> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  return { text: (await page.locator(`table.cells td[data-cell="${address}"]`).textContent()) ?? "" };
}

/** What the formula bar shows for a cell once it is selected: a value cell's whole number. */
async function barOf(page: Page, sheet: string, address: string): Promise<string> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator(`table.cells td[data-cell="${address}"]`).dispatchEvent("mousedown");
  return (await page.getByTestId("formula-bar").textContent()) ?? "";
}

const outputCell = (output: (typeof CASE_OUTPUTS)[number]) =>
  `B${CASE_LAYOUT.outputs + CASE_OUTPUTS.indexOf(output)}`;
/** The simulation's value cells: one column right of the labels, from the outputs' first row. */
const simulationCell = (index: number) =>
  `${String.fromCharCode(64 + CASE_LAYOUT.simulationColumn + 1)}${CASE_LAYOUT.outputs + index}`;

const withLearners = (learners: number): BusinessCaseInputs => ({
  ...SAMPLE_BUSINESS_CASE,
  programme: { ...SAMPLE_BUSINESS_CASE.programme, learners },
});

describeInBrowser("the Business Case screen", ({ origin, browser }) => {
  it("preview at 300 px: ROI moves as you type, bad inputs write nothing, and a run is written beside the engine's outputs", async () => {
    mkdirSync(screenshots, { recursive: true });
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await previewReadyTime(page, `${origin()}/preview/index.html?width=300`);
    await go(page, "Business case");
    await page
      .getByRole("status")
      .getByText(/^Loaded the business case/)
      .waitFor();
    expect(await figure(page, "roi")).toBe(percent(businessCase(SAMPLE_BUSINESS_CASE).roi));

    // 120 learners become 160: more learner time, a lower ROI, before any write.
    await page.locator("#case-programme-learners").fill("160");
    const edited = businessCase(withLearners(160));
    expect(await figure(page, "roi")).toBe(percent(edited.roi));
    expect(edited.roi).toBeLessThan(businessCase(SAMPLE_BUSINESS_CASE).roi);

    // Each bad input of the acceptance: a field message, and Write writes nothing.
    const learnersOnSheet = (await cell(page, "Case Assumptions", "B6")).text;
    const bad: [string, string, RegExp][] = [
      ["#case-programme-learners", "-3", /^Learners must be a whole number, 0 or more, got -3/],
      [
        "#case-programme-hourlyCost",
        "thirty-eight",
        /^Loaded hourly cost must be an amount, 0 or more, got the text/,
      ],
    ];
    for (const [selector, text, message] of bad) {
      const good = await page.locator(selector).inputValue();
      await page.locator(selector).fill(text);
      await expect(page.locator(`${selector}-problem`).textContent()).resolves.toMatch(message);
      await page.getByRole("button", { name: "Write", exact: true }).click();
      await page
        .getByRole("status")
        .getByText(/before writing: nothing was written\.$/)
        .waitFor();
      await page.locator(selector).fill(good);
    }
    // Attribution 150 %: the first benefit stream's field says so.
    const stream = page.locator("details.case-row", { hasText: "B-001" });
    await stream.locator("summary").click();
    const attribution = stream.locator('input[id$="-attribution"]');
    await attribution.fill("150%");
    await expect(stream.locator('[id$="-attribution-problem"]').textContent()).resolves.toMatch(
      /^Attribution must be a share from 0 to 1/,
    );
    await page.getByRole("button", { name: "Write", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/nothing was written\.$/)
      .waitFor();
    await attribution.fill("40%");
    // No cost at all: 0 learners and every cost line's amount 0.
    await page.locator("#case-programme-learners").fill("0");
    const closed = page.locator("details.case-row:not([open]) > summary");
    while ((await closed.count()) > 0) await closed.first().click();
    const amounts = page.locator('input[id$="-amount"]');
    const typed = await amounts.evaluateAll((inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    for (let index = 0; index < typed.length; index++) await amounts.nth(index).fill("0");
    await page
      .getByText(/^The fully loaded cost .* must be greater than 0/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Write", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/nothing was written\.$/)
      .waitFor();
    for (const [index, value] of typed.entries()) await amounts.nth(index).fill(value);
    await page.locator("#case-programme-learners").fill("160");
    expect((await cell(page, "Case Assumptions", "B6")).text).toBe(learnersOnSheet);

    // Run the simulation: the panel's figures are the kernel's for these inputs, runs and seed.
    await page.locator("#case-runs").fill("10000");
    await page.locator("#case-seed").fill("7");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page
      .getByRole("status")
      .getByText(/^Ran 10,000 runs/)
      .waitFor();
    const simulated = caseSimulation(withLearners(160), { runs: 10000, seed: 7 });
    expect(await figure(page, "sim-percentiles")).toBe(
      `${percent(simulated.p10)} · ${percent(simulated.p50)} · ${percent(simulated.p90)}`,
    );
    expect(await figure(page, "sim-positive")).toBe(percent(simulated.probabilityPositive));
    await page.locator(".case-histogram").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, "preview-business-case.png") });

    await page.getByRole("button", { name: "Write", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(/^Wrote the business case/)
      .waitFor();
    // The engine's named outputs show what the panel showed.
    const panel = {
      roi: await figure(page, "roi"),
      bcr: await figure(page, "bcr"),
      npv: await figure(page, "npv"),
      payback: await figure(page, "payback"),
    };
    expect((await cell(page, "Business Case", outputCell("ROI"))).text).toBe(panel.roi);
    expect((await cell(page, "Business Case", outputCell("BCR"))).text).toBe(panel.bcr);
    const npv = Number((await cell(page, "Business Case", outputCell("NPV"))).text);
    // The view shows six significant digits of a "#,##0" cell: the panel's whole number is within 1.
    expect(Math.abs(npv - Number(panel.npv?.replaceAll(",", "")))).toBeLessThanOrEqual(1);
    const payback = Number((await cell(page, "Business Case", outputCell("PaybackMonths"))).text);
    expect(`${payback.toFixed(1)} months`).toBe(panel.payback);
    // The Sim names' cells hold the run.
    const shown: string[] = [];
    for (const [index] of SIMULATION_ROWS.entries())
      shown.push(await barOf(page, "Business Case", simulationCell(index)));
    expect(Number(shown[0])).toBe(10000);
    expect(Number(shown[1])).toBe(7);
    for (const [index, field] of (["p10", "p50", "p90", "mean", "probabilityPositive"] as const).entries())
      expect(Number(shown[index + 3])).toBeCloseTo(simulated[field], 5);
    await page.screenshot({ path: join(screenshots, "preview-business-case-sheet.png") });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("Sheets sidebar at 300 px: the form, a benefit stream and the histogram never scroll sideways; axe finds nothing serious", async () => {
    mkdirSync(screenshots, { recursive: true });
    const { page, errors } = await openSidebar(
      browser(),
      origin(),
      { width: 300, height: 720 },
      toolkitPlans(SAMPLE_STAKEHOLDERS, true),
    );
    await go(page, "Business case");
    await page
      .getByRole("status")
      .getByText(/^Loaded the business case/)
      .waitFor();
    expect(await sidewaysOverflow(page), "the form").toEqual([]);
    await page.screenshot({ path: join(screenshots, "sheets-sidebar-business-case.png") });
    const stream = page.locator("details.case-row", { hasText: "B-002" });
    await stream.locator("summary").click();
    await stream.locator('input[id$="-confidence"]').fill("1.5");
    await stream.locator('[id$="-confidence-problem"]').waitFor();
    expect(await sidewaysOverflow(page), "a benefit stream with a problem").toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await stream.locator('input[id$="-confidence"]').fill("70%");
    await page.getByRole("button", { name: "Run simulation" }).click();
    await page
      .getByRole("status")
      .getByText(/^Ran 10,000 runs/)
      .waitFor();
    await page.locator(".case-histogram").scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page), "the histogram").toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "sheets-sidebar-business-case-simulation.png") });
    expect(errors).toEqual([]);
    await page.close();
  });
});

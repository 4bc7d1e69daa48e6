/**
 * The whole toolkit in Chromium (issue 12's browser acceptance): the preview starts from an empty
 * workbook, the toolkit is built in one applyAll, and a person goes through every sheet tab and
 * every screen of the panel at 300 px (the Sheets sidebar's width), each register of the Playbook
 * and the Evaluation screen's feedback and improvement logs in the kit-driven editor. Each view is
 * saved as a screenshot (docs/screenshots/toolkit/), scrolls nothing sideways, and axe-core finds
 * nothing serious or critical (WCAG 2.1 AA) in the panel. A quick win is then edited in the editor
 * (checked as typed, written, read back, an edit in the sheet kept), and the Sheets sidebar at
 * 300 × 500 px holds the menu and every playbook register.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { quickWin, SAMPLE_GOALS, toolkitPlans, type WorkbookPort } from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { todaySerial } from "../../ui/panel/kpi-model";
import { EVALUATION_ENTRIES, PLAYBOOK_ENTRIES } from "../../ui/panel/register-editor-entries";
import { SCREENS } from "../../ui/panel/screens";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { seriousViolations } from "./axe";
import { describeInBrowser } from "./harness";
import { go, inView, openSidebar, sidewaysOverflow } from "./panel-pages";

const screenshots = join(import.meta.dirname, "../../docs/screenshots/toolkit");
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * Elements of the panel that reach past its right or left edge, and the panel's own sideways
 * scroll (the preview's page is wider than the panel, so the page's width says nothing).
 */
function panelOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.getElementById("panel") as HTMLElement;
    const edge = panel.getBoundingClientRect();
    const found: string[] = [];
    for (const scroller of [panel, ...panel.querySelectorAll("*")])
      if (
        scroller.scrollWidth > scroller.clientWidth + 1 &&
        ["auto", "scroll"].includes(getComputedStyle(scroller).overflowX)
      )
        found.push(
          `${scroller.tagName.toLowerCase()}.${scroller.getAttribute("class") ?? ""} scrolls sideways`,
        );
    for (const element of panel.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > edge.right + 0.5 || box.left < edge.left - 0.5))
        found.push(
          `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""} ${Math.round(box.left - edge.left)}–${Math.round(box.right - edge.left)}`,
        );
    }
    return found;
  });
}

/** The panel as it stands: saved, nothing sideways, axe clean. */
async function check(page: Page, name: string) {
  await page.locator("#panel").screenshot({ path: join(screenshots, `panel-${slug(name)}.png`) });
  expect(await panelOverflow(page), name).toEqual([]);
  expect(await seriousViolations(page, "#panel"), name).toEqual([]);
}

/** The shown sheet's cells as text by A1 address, and the column letter under a header of row 1. */
async function sheetCells(page: Page, sheet: string) {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  const cells = new Map(
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("table.cells td[data-cell]")].map(
        (cell) => [cell.dataset.cell as string, cell.textContent ?? ""] as const,
      ),
    ),
  );
  const column = (header: string) =>
    [...cells]
      .find(([address, text]) => /^[A-Z]+1$/.test(address) && text === header)?.[0]
      .replace(/1$/, "") ?? "?";
  const rowOf = (key: string) =>
    [...cells].find(([address, text]) => /^A\d+$/.test(address) && text === key)?.[0].slice(1) ?? "?";
  return { cells, column, rowOf };
}

/** Types into a cell of the preview's shown sheet, as a person does: select it, type, Enter. */
async function typeInto(page: Page, address: string, text: string) {
  await page.locator(`table.cells td[data-cell="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(page.locator(`table.cells td[data-cell="${address}"]`).textContent()).resolves.toBe(text);
}

/** The editor's status once it has read this register's sheet ("Loaded 4 rows from “Quick Wins”."). */
const loadedFrom = (sheet: string) =>
  new RegExp(`^Loaded \\d+ rows? from “${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`);

describeInBrowser("the whole toolkit at 300 px", ({ origin, browser }) => {
  // One preview for the walk, in steps: the toolkit built first, then the sheets, screens and registers.
  let page: Page;
  const errors: string[] = [];
  afterAll(async () => {
    expect(errors).toEqual([]);
    await page?.close();
  });

  it("builds the toolkit in an empty preview in one write, and every sheet has its tab", async () => {
    mkdirSync(screenshots, { recursive: true });
    page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    page.on("pageerror", (error) => errors.push(error.message));
    await previewReadyTime(page, `${origin()}/preview/index.html?empty&width=300`);
    expect(await page.getByRole("tab").count()).toBe(0);

    // Building the toolkit is Home's "Build the toolkit" (issue 12, item 7): until that action is in
    // this branch, the test hands the preview's port the same plans, one applyAll.
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true, todaySerial());
    const reports = await page.evaluate(
      (all) => (window as unknown as { buyinPreviewPort: WorkbookPort }).buyinPreviewPort.applyAll(all),
      plans,
    );
    expect(reports.flatMap((report) => report.messages)).toEqual([]);
    // Written outside the panel, so the panel reads it as a person would: Refresh.
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    await page
      .getByRole("status")
      .getByText(`Loaded ${SAMPLE_STAKEHOLDERS.length} rows from “Stakeholders”.`)
      .waitFor();
    const tabs = await page.getByRole("tab").allTextContents();
    expect(tabs).toEqual(expect.arrayContaining([...new Set(plans.map((plan) => plan.title))]));
  });

  it("shows every sheet tab", { timeout: 180_000 }, async () => {
    const tabs = await page.getByRole("tab").allTextContents();
    for (const tab of tabs) {
      const button = page.getByRole("tab", { name: tab, exact: true });
      await button.click();
      await expect(button.getAttribute("aria-selected")).resolves.toBe("true");
      await page.locator("#workbook").screenshot({ path: join(screenshots, `sheet-${slug(tab)}.png`) });
    }
  });

  it("opens every screen from the menu at 300 px", { timeout: 120_000 }, async () => {
    await page.locator(".menu-button").click();
    await page.locator("#screen-menu").waitFor();
    await check(page, "menu");
    expect(await page.locator("#screen-menu button").count()).toBe(SCREENS.length);
    await page.keyboard.press("Escape");
    for (const screen of SCREENS) {
      await go(page, screen.title);
      await page.locator(".app-main .screen").first().waitFor();
      await page.locator(".status .progress").waitFor({ state: "detached" });
      await check(page, screen.id);
    }
  });

  it("opens each playbook register in the editor, its list and a row's form", {
    timeout: 120_000,
  }, async () => {
    await go(page, "Playbook");
    for (const entry of PLAYBOOK_ENTRIES) {
      await page
        .getByRole("list", { name: "Playbook registers" })
        .getByRole("button", { name: new RegExp(`^${entry.title}`) })
        .click();
      // This register's own status, not the one before it (a stale "Loaded" raced the list under load).
      await page.getByRole("status").getByText(loadedFrom(entry.register.declaration.title)).waitFor();
      const rows = page.getByRole("listbox", { name: entry.title }).getByRole("option");
      expect(await rows.count(), entry.title).toBeGreaterThan(0);
      await check(page, `playbook-${entry.id}`);
      await rows.first().click();
      await page.locator("#register-form-heading").waitFor();
      await check(page, `playbook-${entry.id}-form`);
      // A link's goal is offered from the goals the workbook holds.
      if (entry.id === "alignment")
        expect(await page.locator("#alignment-field-goal-suggestions option").count()).toBe(
          SAMPLE_GOALS.length,
        );
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "All registers" }).click();
    }
  });

  it("opens the survey feedback and the improvement log from the Evaluation screen", {
    timeout: 60_000,
  }, async () => {
    await go(page, "Evaluation");
    for (const entry of EVALUATION_ENTRIES) {
      await page
        .getByRole("list", { name: "Feedback and improvement registers" })
        .getByRole("button", { name: new RegExp(`^${entry.title}`) })
        .click();
      await page
        .getByRole("status")
        .getByText(/^Loaded \d+ rows? from/)
        .waitFor();
      expect(
        await page.getByRole("listbox", { name: entry.title }).getByRole("option").count(),
      ).toBeGreaterThan(0);
      await check(page, `evaluation-${entry.id}`);
      await page.getByRole("button", { name: "Back to Evaluation" }).click();
    }
  });
  it("edits a quick win: checked as typed, kept and marked with a problem, written in one applyAll; an edit in the sheet survives", {
    timeout: 120_000,
  }, async () => {
    await go(page, "Playbook");
    await page
      .getByRole("list", { name: "Playbook registers" })
      .getByRole("button", { name: /^Quick wins/ })
      .click();
    await page.getByRole("status").getByText("Loaded 4 rows from “Quick Wins”.").waitFor();
    const list = page.getByRole("listbox", { name: "Quick wins" });
    const toolbar = page.getByRole("toolbar", { name: "Quick wins" });

    // A new row: its first field has the focus; a score off the scale is refused beside the field.
    await toolbar.getByRole("button", { name: "Add" }).click();
    await page.locator("#register-form-heading").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("quick-wins-field-candidate");
    await page.keyboard.type("Finance lunch-and-learn");
    await page.locator("#quick-wins-field-impact").fill("9");
    await expect(page.locator("#quick-wins-field-impact").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#quick-wins-field-impact-problem").textContent()).resolves.toBe(
      'Impact must be a whole number from 1 to 5, not "9"',
    );
    await check(page, "editor-problem");
    await page.keyboard.press("Escape");
    const added = list.getByRole("option", { name: /^Finance lunch-and-learn/ });
    await expect(added.getAttribute("class")).resolves.toContain("has-problem");
    await toolbar.getByRole("button", { name: "Write" }).click();
    await page
      .getByRole("status")
      .getByText("Fix 1 problem in Quick wins before writing: nothing was written.")
      .waitFor();

    await added.click();
    for (const [field, value] of [
      ["impact", "4"],
      ["visibility", "5"],
      ["confidence", "0.8"],
      ["effort", "1"],
      ["days", "30"],
    ])
      await page.locator(`#quick-wins-field-${field}`).fill(value as string);
    await expect(page.locator("#quick-wins-field-impact").getAttribute("aria-invalid")).resolves.toBeNull();
    await page.keyboard.press("Escape");
    await expect(added.textContent()).resolves.toContain("Shortlist");
    await toolbar.getByRole("button", { name: "Write" }).click();
    await page.getByRole("status").getByText("Wrote 5 rows to “Quick Wins”.").waitFor();

    // The engine's Score and Shortlist for the new row are the kernel's.
    const written = await sheetCells(page, "Quick Wins");
    const row = written.rowOf("Q-005");
    expect(written.cells.get(`${written.column("Score")}${row}`)).toBe(quickWin(4, 5, 0.8, 1, 30).toFixed(2));
    expect(written.cells.get(`${written.column("Shortlist")}${row}`)).toBe("Shortlist");

    // The person's own edit in the sheet: Reload brings it to the panel, and the next write keeps it.
    const effort = `${written.column("Effort")}${written.rowOf("Q-001")}`;
    await typeInto(page, effort, "2");
    await toolbar.getByRole("button", { name: "Reload" }).click();
    await page.getByRole("status").getByText("Loaded 5 rows from “Quick Wins”.").waitFor();
    await list.getByRole("option", { name: /^Daily huddle card/ }).click();
    await expect(page.locator("#quick-wins-field-effort").inputValue()).resolves.toBe("2");
    await page.keyboard.press("Escape");

    // Delete with the keyboard, then Undo: the row is back, and a second write keeps both edits.
    await list.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Delete");
    await expect(list.getByRole("option").count()).resolves.toBe(4);
    await page.getByRole("button", { name: "Undo delete" }).click();
    await expect(list.getByRole("option").count()).resolves.toBe(5);
    await toolbar.getByRole("button", { name: "Write" }).click();
    await page.getByRole("status").getByText("Wrote 5 rows to “Quick Wins”.").waitFor();
    const again = await sheetCells(page, "Quick Wins");
    expect(again.cells.get(effort)).toBe("2");
    expect(again.cells.get(`${again.column("Candidate")}${again.rowOf("Q-005")}`)).toBe(
      "Finance lunch-and-learn",
    );
  });
  it("Sheets sidebar, 300 × 500 px: the menu scrolls to its last screen, and every register in the editor stays in the width, axe clean", {
    timeout: 180_000,
  }, async () => {
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true, todaySerial());
    const sidebar = await openSidebar(browser(), origin(), { width: 300, height: 500 }, plans);
    const menu = sidebar.page.locator("#screen-menu");
    await sidebar.page.locator(".menu-button").click();
    const last = menu.getByRole("button").last();
    await last.scrollIntoViewIfNeeded();
    expect(await inView(sidebar.page, "#screen-menu li:last-child button")).toBe(true);
    expect(await sidewaysOverflow(sidebar.page)).toEqual([]);
    await sidebar.page.keyboard.press("Escape");
    await go(sidebar.page, "Playbook");
    for (const entry of PLAYBOOK_ENTRIES) {
      await sidebar.page
        .getByRole("list", { name: "Playbook registers" })
        .getByRole("button", { name: new RegExp(`^${entry.title}`) })
        .click();
      await sidebar.page
        .getByRole("status")
        .getByText(loadedFrom(entry.register.declaration.title))
        .waitFor();
      expect(await sidewaysOverflow(sidebar.page), entry.title).toEqual([]);
      expect(await seriousViolations(sidebar.page), entry.title).toEqual([]);
      await sidebar.page.getByRole("button", { name: "All registers" }).click();
    }
    await sidebar.page.screenshot({ path: join(screenshots, "sidebar-playbook.png") });
    expect(sidebar.errors).toEqual([]);
    await sidebar.page.close();
  });
});

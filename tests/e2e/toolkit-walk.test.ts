/**
 * The whole toolkit in Chromium (issue 12's browser acceptance): the preview starts from an empty
 * workbook, the toolkit is built in one applyAll, and a person goes through every sheet tab and
 * every screen of the panel at 300 px (the Sheets sidebar's width), each register of the Playbook
 * and the Evaluation screen's feedback and improvement logs in the kit-driven editor. Each view is
 * saved as a screenshot (docs/screenshots/toolkit/), scrolls nothing sideways, and axe-core finds
 * nothing serious or critical (WCAG 2.1 AA) in the panel.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { toolkitPlans, type WorkbookPort } from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { todaySerial } from "../../ui/panel/kpi-model";
import { EVALUATION_ENTRIES, PLAYBOOK_ENTRIES } from "../../ui/panel/register-editor-entries";
import { SCREENS } from "../../ui/panel/screens";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { seriousViolations } from "./axe";
import { describeInBrowser } from "./harness";
import { go } from "./panel-pages";

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
      await page
        .getByRole("status")
        .getByText(/^Loaded \d+ rows? from/)
        .waitFor();
      const rows = page.getByRole("listbox", { name: entry.title }).getByRole("option");
      expect(await rows.count(), entry.title).toBeGreaterThan(0);
      await check(page, `playbook-${entry.id}`);
      await rows.first().click();
      await page.locator("#register-form-heading").waitFor();
      await check(page, `playbook-${entry.id}-form`);
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
});

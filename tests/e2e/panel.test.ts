/**
 * The panel at the hosts' real widths (issue 9's acceptance): the Sheets sidebar at 300 px over a
 * fake spreadsheet holding the preview's 15-person sample, and the Excel task pane at 350 px under
 * a mocked Office host. Nothing scrolls sideways, the confirm dialog is in view and focused, Write
 * stays on screen, fields are checked as you type, a delete can be undone, everything works from
 * the keyboard, Excel's clipboard text pastes, and the workbook's 1–10 scale is the panel's.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { serialToIsoDate, stakeholderMap } from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { describeInBrowser } from "./harness";
import {
  clipboardText,
  go,
  inView,
  list,
  openPerson,
  openSidebar,
  openTaskPane,
  paste,
  sidewaysOverflow,
} from "./panel-pages";

const SIDEBAR = { width: 300, height: 640 };
const screenshots = join(import.meta.dirname, "../../docs/screenshots");
const TASK_PANE = { width: 350, height: 640 };
const SCREENS = ["Home", "Stakeholders", "Power/interest map", "Settings", "Help"];
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function sampleSidebar(browser: Parameters<typeof openSidebar>[0], origin: string, viewport = SIDEBAR) {
  const opened = await openSidebar(browser, origin, viewport, stakeholderMap(SAMPLE_STAKEHOLDERS));
  await opened.page.getByRole("status").getByText("Loaded 15 rows from “Stakeholders”.").waitFor();
  return opened;
}

/** Whether focus is inside the open dialog. */
const focusInDialog = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest("[role=alertdialog]"));

/** WCAG 2.1 A and AA violations axe-core rates serious or critical, on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            passes: unknown[];
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return {
      passed: result.passes.length,
      found: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      })),
    };
  });
  // axe ran its rules on the page: some passed.
  expect(violations.passed).toBeGreaterThan(10);
  return violations.found
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(", ")}`);
}

describeInBrowser("the panel at the hosts' widths", ({ origin, browser }) => {
  it("Sheets sidebar, 300 px: nothing scrolls sideways with the 15-person sample, a row in error, the form or a dialog", async () => {
    const { page, errors } = await sampleSidebar(browser(), origin());
    for (const screen of SCREENS) {
      await go(page, screen);
      expect(await sidewaysOverflow(page), screen).toEqual([]);
    }
    await go(page, "Stakeholders");
    await expect(list(page).getByRole("option").first().getAttribute("aria-setsize")).resolves.toBe("15");
    await openPerson(page, "Elena Duarte");
    await page.locator("#field-power").fill("9");
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole("button", { name: "Back to list" }).click();
    // The row in error stays in the list, marked, and the count still says 15.
    const wrong = list(page).getByRole("option", { name: /^Elena Duarte/ });
    await expect(wrong.getAttribute("class")).resolves.toMatch(/has-problem/);
    await expect(wrong.textContent()).resolves.toMatch(/1 to fix/);
    await expect(page.locator(".screen-header .count").textContent()).resolves.toBe("15 people, 1 to fix");
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({
      path: join(screenshots, "sheets-sidebar-register.png"),
    });

    // Refresh with unsaved changes asks first: the question is in view, has focus, and keeps it.
    await page.getByRole("button", { name: "Refresh" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Discard your changes?" });
    await dialog.waitFor();
    expect(await inView(page, "[role=alertdialog]")).toBe(true);
    expect(await focusInDialog(page)).toBe(true);
    expect(await sidewaysOverflow(page)).toEqual([]);
    for (let press = 0; press < 3; press++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog(page)).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(dialog.count()).resolves.toBe(0);
    // Nothing was discarded.
    await expect(
      list(page)
        .getByRole("option", { name: /^Elena Duarte/ })
        .textContent(),
    ).resolves.toMatch(/1 to fix/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Sheets sidebar, 300 px: Write and Refresh stay in view while the register and the form scroll", async () => {
    const { page } = await sampleSidebar(browser(), origin(), { width: 300, height: 480 });
    await go(page, "Stakeholders");
    await list(page).evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const write = ".action-bar button.primary";
    expect(await inView(page, write)).toBe(true);
    await openPerson(page, "James O'Neill");
    await page.locator(".app-main").evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect(page.locator(".app-main").evaluate((element) => element.scrollTop)).resolves.toBeGreaterThan(
      0,
    );
    expect(await inView(page, write)).toBe(true);
    expect(await inView(page, ".action-bar button:not(.primary)")).toBe(true);
    // The page itself never scrolls: the screen does, under the bar.
    await expect(page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).resolves.toBe(
      true,
    );
    await page.close();
  });

  it("Sheets sidebar: the confirm dialog before a write that removes people is in view and focused", async () => {
    const { page, calls } = await sampleSidebar(browser(), origin());
    await go(page, "Stakeholders");
    await openPerson(page, "Priya Raman");
    await page.getByRole("button", { name: "Delete stakeholder" }).click();
    await page.getByRole("button", { name: "Write to workbook" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Remove 1 stakeholder?" });
    await dialog.waitFor();
    expect(await inView(page, "[role=alertdialog]")).toBe(true);
    expect(await focusInDialog(page)).toBe(true);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Keep editing" }).click();
    expect(calls.filter((call) => call === "buyinApplyAll")).toEqual([]);
    await page.close();
  });

  it("checks each field as you type, with the sheet's own messages, before any write", async () => {
    const { page, calls } = await sampleSidebar(browser(), origin());
    await go(page, "Stakeholders");
    await openPerson(page, "Marcus Webb");
    const power = page.locator("#field-power");
    await power.fill("9");
    const problem = page.locator("#field-power-problem");
    await expect(problem.textContent()).resolves.toBe('Power must be a whole number from 1 to 5, not "9"');
    await expect(power.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(power.getAttribute("aria-describedby")).resolves.toMatch(/field-power-problem/);
    await expect(page.locator("#write-hint").textContent()).resolves.toBe("1 problem to fix");
    await power.fill("4");
    await expect(problem.count()).resolves.toBe(0);
    await page.locator("#field-name").fill("");
    await expect(page.locator("#field-name-problem").textContent()).resolves.toBe("Name is required");
    // The glossary beside the field follows the level chosen (PMBOK's engagement levels).
    await page.locator("#field-currentEngagement").selectOption("Resistant");
    await expect(page.locator("#field-currentEngagement-hint").textContent()).resolves.toBe(
      "Aware of the programme and its impact, and resistant to the change. (PMBOK)",
    );
    await page.locator("#field-currentEngagement").selectOption("");
    await expect(page.locator("#field-currentEngagement-problem").textContent()).resolves.toBe(
      "Current engagement is required",
    );
    expect(calls.filter((call) => call === "buyinApplyAll")).toEqual([]);
    await page.close();
  });

  it("undoes a delete, from the form and from the list's Delete key, putting the person back in place", async () => {
    const { page } = await sampleSidebar(browser(), origin());
    await go(page, "Stakeholders");
    /** Where a person stands in the list, and how many the list holds. */
    const place = async (name: string) => {
      const option = list(page).getByRole("option", { name: new RegExp(`^${name}`) });
      if ((await option.count()) === 0) return "gone";
      return `${await option.getAttribute("aria-posinset")} of ${await option.getAttribute("aria-setsize")}`;
    };
    await expect(place("Elena Duarte")).resolves.toBe("3 of 15");
    await openPerson(page, "Elena Duarte");
    await page.getByRole("button", { name: "Delete stakeholder" }).click();
    await expect(place("Elena Duarte")).resolves.toBe("gone");
    await expect(place("Tom Okafor")).resolves.toBe("3 of 14");
    await page.getByRole("status").getByText("Deleted Elena Duarte.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Undo delete" }).click();
    await page.getByRole("status").getByText("Elena Duarte is back.").waitFor();
    await expect(place("Elena Duarte")).resolves.toBe("3 of 15");

    await list(page).focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Delete");
    await expect(place("Marcus Webb")).resolves.toBe("gone");
    await page.getByRole("button", { name: "Undo delete" }).click();
    await expect(place("Marcus Webb")).resolves.toBe("2 of 15");
    await page.getByRole("button", { name: "Dismiss message" }).click();
    await expect(page.getByRole("status").textContent()).resolves.toBe("");
    await page.close();
  });

  it("works from the keyboard alone: menu, list, form, back, write", async () => {
    const { page, fake } = await sampleSidebar(browser(), origin());
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.className || "");
    // Tab to the menu, open it, pick Stakeholders.
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.toBe("menu-button");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Stakeholders" }).waitFor();
    // Tab to the list, move to the third person and open them.
    for (let press = 0; press < 12 && (await focused()) !== "register-list"; press++)
      await page.keyboard.press("Tab");
    await expect(focused()).resolves.toBe("register-list");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.locator("#form-heading").textContent()).resolves.toBe("Elena Duarte");
    for (let press = 0; press < 10 && (await focused()) !== "field-interest"; press++)
      await page.keyboard.press("Tab");
    await expect(focused()).resolves.toBe("field-interest");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("2");
    await page.keyboard.press("Escape");
    // The list takes focus in the frame after the form closes.
    await page.waitForFunction(() => document.activeElement?.classList.contains("register-list"));
    await expect(focused()).resolves.toBe("register-list");
    await expect(list(page).locator("[aria-selected=true]").textContent()).resolves.toMatch(
      /^Elena Duarte.*Keep satisfied/,
    );
    // Shift+Tab back to Write, through the bar.
    for (let press = 0; press < 12 && !(await focused()).includes("primary"); press++)
      await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Wrote 15 stakeholders to the workbook.").waitFor();
    const sheet = fake.book.sheets.find((candidate) => candidate.name === "Stakeholders");
    const row = [...Array(20).keys()].find((index) => sheet?.peek(index + 1, 2)?.value === "Elena Duarte");
    expect(sheet?.peek((row ?? 0) + 1, 6)?.value).toBe(2);
    await page.close();
  });

  it("pastes Excel's clipboard text: quoted multi-line cells, doubled quotes, commas; a wrong row stays, marked", async () => {
    const { page } = await openTaskPane(browser(), origin(), TASK_PANE);
    await go(page, "Stakeholders");
    const people = SAMPLE_STAKEHOLDERS.map((person, index) =>
      index === 0
        ? { ...person, caresAbout: 'Fewer "missed" delivery slots\nand, above all, safety' }
        : index === 3
          ? { ...person, power: 9 as never }
          : person,
    );
    await page.getByRole("searchbox", { name: "Search stakeholders" }).focus();
    await paste(page, clipboardText(people));
    await page.getByRole("status").getByText("Added 15 rows from the clipboard; 1 need fixing.").waitFor();
    await expect(list(page).getByRole("option").first().getAttribute("aria-setsize")).resolves.toBe("15");
    await expect(
      list(page)
        .getByRole("option", { name: new RegExp(`^${people[3]?.name}`) })
        .textContent(),
    ).resolves.toMatch(/1 to fix/);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await openPerson(page, people[0]?.name ?? "");
    await expect(page.locator("#field-caresAbout").inputValue()).resolves.toBe(
      'Fewer "missed" delivery slots\nand, above all, safety',
    );
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole("button", { name: "Back to list" }).click();
    await page.screenshot({ path: join(screenshots, "excel-taskpane-register.png") });
    // The task pane at 350 px: a dialog open, in view, focused, nothing sideways.
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByRole("alertdialog").waitFor();
    expect(await inView(page, "[role=alertdialog]")).toBe(true);
    expect(await focusInDialog(page)).toBe(true);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.keyboard.press("Escape");
    for (const screen of SCREENS) {
      await go(page, screen);
      expect(await sidewaysOverflow(page), screen).toEqual([]);
    }
    // The labelled grid in the task pane at 350 px, for the README.
    await go(page, "Power/interest map");
    await page.locator(".grid-label").first().waitFor();
    await page.screenshot({ path: join(screenshots, "excel-taskpane-map.png") });
    await page.close();
  });

  it("uses the workbook's settings: the scale set to 1–10 on the sheet, the panel validates and plots on 1–10", async () => {
    const { page, fake } = await sampleSidebar(browser(), origin());
    const settings = fake.book.sheets.find((candidate) => candidate.name === "BuyIn Settings");
    expect(settings?.peek(5, 1)?.value).toBe("Score scale top");
    settings?.type(5, 2, 10);
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByRole("status").getByText("Loaded 15 rows from “Stakeholders”.").waitFor();
    await go(page, "Settings");
    await expect(page.locator("#setting-ScaleMax").inputValue()).resolves.toBe("10");
    await expect(page.locator("#setting-Threshold").inputValue()).resolves.toBe("5.5");
    // Help reads the glossary on the workbook's scale, the text the field hints show.
    await go(page, "Help");
    await expect(page.locator(".help").textContent()).resolves.toMatch(
      /Scores run from 1 to 10.*PowerTheir power over the programme: budget, people, decisions\. 1: no say in it; 10: can fund or stop it alone\..*Mitchell, Agle & Wood.*2 ResistantAware of the programme and its impact, and resistant to the change\./,
    );
    await go(page, "Stakeholders");
    await openPerson(page, "Marcus Webb");
    // Dates as the workbook shows them: the fake spreadsheet's locale is en_GB, so day first.
    const marcus = SAMPLE_STAKEHOLDERS.find((person) => person.name === "Marcus Webb");
    const [year, month, day] = serialToIsoDate(marcus?.lastContact as number).split("-");
    await expect(page.locator("#field-lastContact").inputValue()).resolves.toBe(`${day}/${month}/${year}`);
    await page.locator("#field-power").fill("8");
    await page.locator("#field-interest").fill("10");
    await expect(page.locator("#field-power-problem").count()).resolves.toBe(0);
    await expect(page.locator("#field-power-hint").textContent()).resolves.toMatch(
      /1: no say in it; 10: can fund or stop it alone\. A whole number\. \(Mendelow; Mitchell, Agle & Wood\)/,
    );
    await page.locator("#field-power").fill("11");
    await expect(page.locator("#field-power-problem").textContent()).resolves.toBe(
      'Power must be a whole number from 1 to 10, not "11"',
    );
    await page.locator("#field-power").fill("8");
    await page.getByRole("button", { name: "Back to list" }).click();
    await go(page, "Power/interest map");
    const grid = page.locator("svg.power-interest-grid");
    await expect(grid.getAttribute("data-scale-max")).resolves.toBe("10");
    // Marcus's dot sits on the 10 of the interest axis and the 8 of the power axis.
    const spots = await page.evaluate(() => {
      const marks = [...document.querySelectorAll<SVGTextElement>(".grid-mark")];
      const mark = (text: string, anchor: string) =>
        marks.find(
          (element) => element.textContent === text && element.getAttribute("text-anchor") === anchor,
        );
      const dot = document.querySelector<SVGCircleElement>('circle[data-name="Marcus Webb"]');
      return {
        dot: [Number(dot?.getAttribute("cx")), Number(dot?.getAttribute("cy"))],
        interest10: Number(mark("10", "middle")?.getAttribute("x")),
        power8: Number(mark("8", "end")?.getAttribute("y")) - 3,
      };
    });
    expect(spots.dot[0]).toBeCloseTo(spots.interest10, 6);
    expect(spots.dot[1]).toBeCloseTo(spots.power8, 6);
    await page.close();
  });

  it("labels the map's people and exports it as PNG and SVG for a slide", async () => {
    const { page } = await sampleSidebar(browser(), origin());
    await go(page, "Power/interest map");
    const labels = await page.locator(".grid-label").allTextContents();
    // Every one of the 15 is named, in full or shortened where names would collide.
    expect(labels).toHaveLength(15);
    expect(labels).toContain("Priya Raman");
    await expect(page.locator("svg.power-interest-grid").textContent()).resolves.toMatch(
      /On track.*1 level to go.*2\+ to go/,
    );
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "sheets-sidebar-map.png") });

    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG for a slide" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("stakeholder-map.png");
    const file = join(screenshots, "map-export.png");
    await png.saveAs(file);
    const bytes = readFileSync(file);
    // PNG signature, then the IHDR chunk's width and height: the chart's 280 × 256 at three times.
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([840, 768]);

    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "SVG" }).click(),
    ]);
    const text = readFileSync(await svg.path(), "utf8");
    expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain(">Priya Raman</text>");
    await page.close();
  });

  it("axe-core finds no serious or critical WCAG 2.1 AA violation on any screen at 300 px, in both themes", async () => {
    const sidebar = (await sampleSidebar(browser(), origin())).page;
    const taskPane = (await openTaskPane(browser(), origin(), SIDEBAR)).page;
    await go(taskPane, "Stakeholders");
    await taskPane.getByRole("searchbox", { name: "Search stakeholders" }).focus();
    await paste(taskPane, clipboardText(SAMPLE_STAKEHOLDERS));
    await taskPane.getByRole("status").getByText("Added 15 rows from the clipboard.").waitFor();
    for (const [theme, page] of [
      ["google", sidebar],
      ["fluent", taskPane],
    ] as const) {
      await expect(page.locator(`.theme-${theme}`).count()).resolves.toBe(1);
      for (const screen of SCREENS) {
        await go(page, screen);
        expect(await seriousViolations(page), `${theme}: ${screen}`).toEqual([]);
      }
      await go(page, "Stakeholders");
      await go(page, "Stakeholders");
      await openPerson(page, "Elena Duarte");
      await page.locator("#field-power").fill("9");
      expect(await seriousViolations(page), `${theme}: form with a problem`).toEqual([]);
      await page.locator(".menu-button").click();
      expect(await seriousViolations(page), `${theme}: menu open`).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Refresh" }).click();
      await page.getByRole("alertdialog").waitFor();
      expect(await seriousViolations(page), `${theme}: dialog`).toEqual([]);
      await page.close();
    }
  });
});

/**
 * The panel's host pages opened as a person meets them, for the browser tests: the Sheets sidebar
 * with google.script.run crossing to SheetsWorkbook over the Apps Script fake in this process, and
 * the Excel task pane under a mocked Office host; and what the tests ask of a page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import { type SheetPlan, STAKEHOLDER_INPUTS, type Stakeholder } from "../../core/index";
import { fakeAppsScript } from "../apps-script/fake-apps-script";
import { FAKE_OFFICE, FAKE_SCRIPT_RUN } from "./host-fakes";

const distDir = join(import.meta.dirname, "../../dist");

export type Viewport = { width: number; height: number };

/** The sidebar on a fake spreadsheet; `calls` lists the server functions called, in order. */
export async function openSidebar(
  browser: Browser,
  origin: string,
  viewport: Viewport,
  people?: readonly SheetPlan[],
) {
  const fake = fakeAppsScript();
  const workbook = new SheetsWorkbook(fake.services);
  if (people) workbook.applyAll(people);
  const page = await browser.newPage({ viewport });
  const calls: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.exposeFunction("__server", (name: string, args: unknown[]) => {
    calls.push(name);
    if (name === "buyinApplyAll") return workbook.applyAll(args[0] as SheetPlan[]);
    if (name === "buyinReadTable") return workbook.readTable(args[0] as string) ?? null;
    // The server's answer: ScreensOnUse.html as written (apps-script/server.ts, buyinScreensOnUse).
    if (name === "buyinScreensOnUse")
      return readFileSync(join(distDir, "apps-script", "ScreensOnUse.html"), "utf8");
    if (name === "buyinReadSelection")
      return [
        ["Name", "Power", "Interest"],
        ["Imported Person", 2, 5],
      ];
    throw new Error(`no server function ${name}`);
  });
  await page.addInitScript(FAKE_SCRIPT_RUN);
  await page.goto(`${origin}/apps-script/Sidebar.html`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, fake, calls, errors };
}

/** The task pane under a mocked Office host, which has no workbook: reads and writes fail. */
export async function openTaskPane(browser: Browser, origin: string, viewport: Viewport) {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE }),
  );
  await page.goto(`${origin}/addin/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, errors };
}

/** Opens a screen from the panel's menu. */
export async function go(page: Page, title: string): Promise<void> {
  await page.locator(".menu-button").click();
  await page
    .locator("#screen-menu")
    .getByRole("button", { name: new RegExp(`^${title}`) })
    .click();
}

/** The register's list. */
export const list = (page: Page) => page.getByRole("listbox", { name: "Stakeholders" });

/** Opens a person's form from the list. */
export async function openPerson(page: Page, name: string): Promise<void> {
  await list(page)
    .getByRole("option", { name: new RegExp(`^${name}`) })
    .click();
  await page.locator("#form-heading").waitFor();
}

/**
 * Elements of the page that reach past the viewport's right edge, and the page's own sideways
 * scroll: none means the page never scrolls sideways and nothing is cut off at the edge.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`page ${document.documentElement.scrollWidth}px`);
    for (const element of document.querySelectorAll("#panel *")) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
        found.push(
          `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""} ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    return found;
  });
}

/** Whether the element is wholly inside the viewport, and the topmost thing at its centre. */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const element = document.querySelector(wanted);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const inside =
      box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && box.height > 0;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && (top === element || element.contains(top));
  }, selector);
}

/**
 * People as Excel's clipboard text (header row, tab-separated, CRLF rows; a cell with a line break
 * quoted, its quotes doubled: see tests/ui/clipboard.test.ts for the samples).
 */
export function clipboardText(people: readonly Stakeholder[]): string {
  const columns = STAKEHOLDER_INPUTS.filter((column) => column.id !== "id" && column.type !== "date");
  const cell = (value: unknown) => {
    const text = value === undefined ? "" : String(value);
    return /[\n"]/.test(text) && text.includes("\n") ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[
    columns.map((column) => column.header).join("\t"),
    ...people.map((person) => columns.map((column) => cell(person[column.id])).join("\t")),
  ].join("\r\n")}\r\n`;
}

/** Pastes text into the focused element as the browser does on Ctrl+V. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

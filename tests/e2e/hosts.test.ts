/**
 * The two host pages in Chromium: the Sheets sidebar (one self-contained HTML file) with a fake
 * google.script.run that crosses to SheetsWorkbook over the Apps Script fake in this process, and
 * the Excel task pane with a mocked Office host.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { catalog, exampleArguments, excelName } from "../../core/index";
import { expectExample } from "../examples";
import { describeInBrowser } from "./harness";
import { FAKE_OFFICE } from "./host-fakes";
import { EXCEL_SHARED_RUNTIME_QUERY, serveRealOfficeJs } from "./office-js";
import { go, list, openPerson, openSidebar } from "./panel-pages";

const screenshots = join(import.meta.dirname, "../../docs/screenshots");

/** office.js's record of associated functions, by upper-cased id (office.debug.js 1348-1403). */
type Associated = { _association: { mappings: Record<string, (...args: unknown[]) => unknown[][]> } };

/** What a page's scripts registered with office.js's `associate` (office.debug.js 1412-1418). */
function registered(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(
      (CustomFunctions as unknown as { _association: { mappings: object } })._association.mappings,
    ).sort(),
  );
}

describeInBrowser("the host pages", ({ origin, browser }) => {
  it("Sheets sidebar: adds a stakeholder, writes through google.script.run, and reads it back", async () => {
    const { page, fake, calls } = await openSidebar(browser(), origin(), { width: 300, height: 900 });
    await go(page, "Stakeholders");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.locator("#field-name").fill("Ines Kowalski");
    await page.locator("#field-power").fill("5");
    await page.locator("#field-interest").fill("4");
    await page.locator("#field-influence").fill("4");
    await page.getByRole("button", { name: "Back to list" }).click();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("status").getByText("Added 1 row from the selection; 1 need fixing.").waitFor();
    await openPerson(page, "Imported Person");
    await page.locator("#field-influence").fill("3");
    await page.getByRole("button", { name: "Back to list" }).click();
    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page.getByRole("status").getByText("Wrote 2 stakeholders to the workbook.").waitFor();
    await page.screenshot({ path: join(screenshots, "sheets-sidebar.png") });

    const sheet = fake.book.sheets.find((candidate) => candidate.name === "Stakeholders");
    expect(sheet?.peek(2, 2)?.value).toBe("Ines Kowalski");
    expect(sheet?.peek(3, 2)?.value).toBe("Imported Person");
    expect(sheet?.peek(2, 17)?.formula).toMatch(/^=IF\(OR\(E2="",F2=""\)/);
    // The whole stakeholder set in one round trip (each costs 0.3–1.5 s in Sheets).
    expect(calls.filter((call) => call === "buyinApplyAll")).toHaveLength(1);

    await page.getByRole("button", { name: "Refresh" }).click();
    await page
      .getByRole("status")
      .getByText(/^Loaded 2 rows from “Stakeholders”/)
      .waitFor();
    await expect(list(page).getByRole("option").count()).resolves.toBe(2);

    // Opened again on this workbook, the sidebar starts from its register.
    await page.reload();
    await page
      .getByRole("status")
      .getByText(/^Loaded 2 rows from “Stakeholders”/)
      .waitFor();
    await go(page, "Stakeholders");
    await expect(
      list(page)
        .getByRole("option", { name: /^Ines Kowalski/ })
        .count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it("Excel task pane under the real office.js: every catalog function registers before Excel's host script arrives, and each runs once it has", async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const loaded = page.waitForEvent("domcontentloaded");
    const office = await serveRealOfficeJs(page, origin(), { hostScriptAfter: loaded });
    await page.goto(`${origin()}/addin/taskpane.html${EXCEL_SHARED_RUNTIME_QUERY}`);
    await page.waitForFunction(() => typeof CustomFunctions.ErrorCode === "object");
    expect(office.served).toEqual(expect.arrayContaining(["office.js", "excel-win32-16.01.js"]));
    expect(errors).toEqual([]);
    expect(await registered(page)).toEqual(catalog.map(excelName).sort());

    // Excel calls each function through what associate recorded, with CustomFunctions.Error now there.
    const answers = await page.evaluate(
      (calls) =>
        calls.map(([id, args]) => {
          const handler = (CustomFunctions as unknown as Associated)._association.mappings[id as string];
          return handler?.(...(args as unknown[]));
        }),
      catalog.map((spec) => [excelName(spec), exampleArguments(spec)] as const),
    );
    for (const [index, spec] of catalog.entries()) expectExample(answers[index] as unknown[][], spec);
    const failure = await page.evaluate(() => {
      try {
        (CustomFunctions as unknown as Associated)._association.mappings.ROI?.([["abc"]], [[1]]);
      } catch (error) {
        return { real: error instanceof CustomFunctions.Error, code: (error as CustomFunctions.Error).code };
      }
      return undefined;
    });
    expect(failure).toEqual({ real: true, code: "#VALUE!" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Excel task pane in a plain browser, under the real office.js: says BuyIn runs inside Excel and how to sideload it", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const office = await serveRealOfficeJs(page, origin());
    await page.goto(`${origin()}/addin/taskpane.html`);
    // With no _host_Info the loader takes the Office 2013 path, finds no host, and resolves
    // Office.onReady with host null (office.debug.js 1909-1934).
    await page.waitForSelector("body[data-ready=true]");
    expect(office.served[0]).toBe("office.js");
    await expect(page.getByRole("heading", { name: "BuyIn runs inside Excel" }).isVisible()).resolves.toBe(
      true,
    );
    const text = (await page.locator("#panel").textContent()) ?? "";
    expect(text).toMatch(/This page is open outside Excel\./);
    expect(text).toMatch(/Upload My Add-in, then upload BuyIn’s manifest\.xml/);
    await expect(
      page.getByRole("link", { name: "BuyIn’s function reference" }).getAttribute("href"),
    ).resolves.toBe("help.html");
    // The functions still register with office.js; only Excel would call them.
    expect(await registered(page)).toEqual(catalog.map(excelName).sort());
    await page.screenshot({ path: join(screenshots, "excel-taskpane-outside-excel.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Excel task pane with office.js unreachable: says so and where BuyIn runs, with no page error", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.abort("internetdisconnected"),
    );
    await page.goto(`${origin()}/addin/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]");
    await expect(page.locator("#panel").textContent()).resolves.toMatch(
      /^BuyIn runs inside ExcelOffice\.js, which connects this page to Excel, did not load\./,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Sheets sidebar outside Sheets: says BuyIn runs inside Google Sheets and how to open it", async () => {
    const page = await browser().newPage({ viewport: { width: 300, height: 600 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin()}/apps-script/Sidebar.html`);
    await page.waitForSelector("body[data-ready=true]");
    await expect(
      page.getByRole("heading", { name: "BuyIn runs inside Google Sheets" }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.locator("#panel").textContent()).resolves.toMatch(/Extensions > BuyIn > Open BuyIn/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Excel task pane: loads with a mocked Office host, registers every function, shows the panel", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE }),
    );
    await page.goto(`${origin()}/addin/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]");
    expect(await registered(page)).toEqual(catalog.map(excelName).sort());
    await expect(page.getByRole("heading", { name: "This workbook" }).isVisible()).resolves.toBe(true);
    // A host failure is reported in the panel, and the panel stays usable.
    await page.getByRole("button", { name: "Refresh" }).click();
    await page
      .getByRole("status")
      .getByText(/this mocked Office host has no workbook/)
      .waitFor();
    await expect(page.getByRole("button", { name: "Write to workbook" }).isEnabled()).resolves.toBe(true);
    await go(page, "Stakeholders");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.screenshot({ path: join(screenshots, "excel-taskpane.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Excel task pane: on an Excel without ExcelApi 1.8 it says so, and the functions still register", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 600 } });
    const oldExcel = `${FAKE_OFFICE}; window.Office.context = { requirements: { isSetSupported: () => false } };`;
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ contentType: "text/javascript", body: oldExcel }),
    );
    await page.goto(`${origin()}/addin/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]");
    await expect(page.locator("#panel").textContent()).resolves.toMatch(
      /needs a newer Excel \(ExcelApi 1\.8/,
    );
    expect(await registered(page)).toHaveLength(catalog.length);
    await page.close();
  });
});

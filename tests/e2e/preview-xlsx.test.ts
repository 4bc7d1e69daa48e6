/**
 * The preview's "Download .xlsx" and "Open a workbook…" in Chromium (issue 13): the export's
 * module is fetched only when Download is pressed; the file downloaded is edited as a user would
 * (a score changed, a column of their own, a note on the map), opened again in the preview, and
 * written from the panel: nothing typed is lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { describeInBrowser } from "./harness";
import { go } from "./panel-pages";

/** A cell of the preview's sheet view, as it shows. */
async function shown(page: Page, sheet: string, address: string): Promise<string> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  return (await page.locator(`table.cells td[data-cell="${address}"]`).textContent()) ?? "";
}

describeInBrowser("the preview's .xlsx file", ({ origin, browser }) => {
  it("fetches the export only on Download, and keeps what was typed in the file through Open and Write", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    await page.goto(`${origin()}/preview/index.html`);
    await page.locator("body[data-ready='true']").waitFor();
    expect(fetched.filter((url) => url.endsWith("/xlsx-export.js"))).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(fetched.filter((url) => url.endsWith("/xlsx-export.js"))).toHaveLength(1);
    expect(download.suggestedFilename()).toBe("buyin-toolkit.xlsx");

    // The user edits the file elsewhere: Marcus Webb's power 5 → 2, a column of their own, a note.
    const file = await XlsxWorkbook.fromBuffer(readFileSync(await download.path()));
    expect(file.sheetNames()).toEqual(
      expect.arrayContaining(["Stakeholders", "Stakeholder Map", "Notes", "KPIs"]),
    );
    expect(file.value("Stakeholders", "B3")).toBe("Marcus Webb");
    file.setCell("Stakeholders", "E3", 2);
    const free = String.fromCharCode(65 + (file.grid("Stakeholders")[0]?.length ?? 0));
    file.setCell("Stakeholders", `${free}1`, "My notes");
    file.setCell("Stakeholders", `${free}3`, "Prefers numbers to stories");
    file.setCell("Stakeholder Map", "A60", "Revisit after the Q1 board");
    const edited = join(mkdtempSync(join(tmpdir(), "buyin-xlsx-")), "edited.xlsx");
    writeFileSync(edited, await file.toBuffer());

    await page.locator("#open-xlsx").setInputFiles(edited);
    await page.getByRole("status").filter({ hasText: "Opened edited.xlsx." }).waitFor();
    expect(await shown(page, "Stakeholders", "E3")).toBe("2");

    await go(page, "Stakeholders");
    await page.getByRole("button", { name: "Refresh" }).click();
    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page
      .getByRole("status")
      .getByText(/^Wrote \d+ stakeholders? to the workbook\./)
      .waitFor();

    expect(await shown(page, "Stakeholders", "E3")).toBe("2");
    expect(await shown(page, "Stakeholders", `${free}1`)).toBe("My notes");
    expect(await shown(page, "Stakeholders", `${free}3`)).toBe("Prefers numbers to stories");
    expect(await shown(page, "Stakeholder Map", "A60")).toBe("Revisit after the Q1 board");
    // Marcus Webb's quadrant follows the power typed in the file: power 2 and interest 2 are low on 1–5.
    await page.getByRole("tab", { name: "Stakeholders", exact: true }).click();
    const quadrant = (await page
      .locator("table.cells td", { hasText: /^Quadrant$/ })
      .first()
      .getAttribute("data-cell")) as string;
    expect(await shown(page, "Stakeholders", quadrant.replace("1", "3"))).toBe("Monitor");
    await page.close();
  }, 120_000);
});

/**
 * The preview as a test bench (issue 9, item 7): a cell typed into in the preview's sheet view is
 * MemoryWorkbook.setCell, so the threshold changed on the settings sheet moves the register's
 * computed quadrants; and the map sheet's scatter chart is drawn as SVG, one point per person on
 * the map, where the engine's chart ranges put them. The KPIs sheet shows each status in its
 * tone (the conditional formats) and a line chart per programme, a line per KPI.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { quadrant, SAMPLE_KPIS } from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { nameForms } from "../../ui/panel/grid-labels";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { TONE_STYLE } from "../../ui/workbook-port";
import { describeInBrowser } from "./harness";
import { go } from "./panel-pages";

/** The shown sheet's cells as text, by A1 address. */
async function shownCells(page: Page, sheet: string): Promise<Map<string, string>> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("table.cells td[data-cell]")].map(
      (cell) => [cell.dataset.cell as string, cell.textContent ?? ""] as const,
    ),
  );
  return new Map(cells);
}

/** Each person's quadrant as the Stakeholders sheet computes it, by name. */
async function quadrantsOnSheet(page: Page): Promise<Map<string, string>> {
  const cells = await shownCells(page, "Stakeholders");
  const column = (header: string) =>
    [...cells].find(([address, text]) => /^[A-Z]+1$/.test(address) && text === header)?.[0].replace(/1$/, "");
  const name = column("Name");
  const quadrantColumn = column("Quadrant");
  expect(name && quadrantColumn).toBeTruthy();
  const found = new Map<string, string>();
  for (let row = 2; cells.has(`${name}${row}`); row++) {
    const person = cells.get(`${name}${row}`);
    if (person) found.set(person, cells.get(`${quadrantColumn}${row}`) ?? "");
  }
  return found;
}

/** The sample's quadrants by the kernel, at a threshold. */
const expectedQuadrants = (threshold: number) =>
  new Map(
    SAMPLE_STAKEHOLDERS.map((person) => [
      person.name,
      quadrant(person.power, person.interest, { scaleMax: 5, threshold }),
    ]),
  );

describeInBrowser("the preview as a test bench", ({ origin, browser }) => {
  it("a threshold typed into the settings sheet moves the computed quadrants", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await previewReadyTime(page, `${origin()}/preview/index.html`);
    const before = await quadrantsOnSheet(page);
    expect(before).toEqual(expectedQuadrants(3));

    const settings = await shownCells(page, "BuyIn Settings");
    const label = [...settings].find(([, text]) => text === "High-score threshold")?.[0] as string;
    const valueCell = `B${label.replace(/^[A-Z]+/, "")}`;
    expect(settings.get(valueCell)).toBe("3");
    await page.locator(`table.cells td[data-cell="${valueCell}"]`).click();
    await expect(page.getByTestId("formula-bar").textContent()).resolves.toMatch(
      /^=\(1\+.*ScaleMax.*\)\/2$/i,
    );
    await page.keyboard.type("5");
    await expect(
      page.getByRole("textbox", { name: new RegExp(`^${valueCell}:`) }).inputValue(),
    ).resolves.toBe("5");
    await page.keyboard.press("Enter");
    await expect(page.locator(`table.cells td[data-cell="${valueCell}"]`).textContent()).resolves.toBe("5");

    const after = await quadrantsOnSheet(page);
    expect(after).toEqual(expectedQuadrants(5));
    // The change moved people: a threshold of 5 is not the midpoint's grid.
    expect([...after].filter(([name, moved]) => before.get(name) !== moved).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an edit left unchanged changes nothing: text that looks like a number stays text", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    await previewReadyTime(page, `${origin()}/preview/index.html`);
    await page.getByRole("tab", { name: "BuyIn Settings", exact: true }).click();
    // An empty cell far right of the settings: "'007" is the text 007, as in Excel and Sheets.
    const cell = page.locator('table.cells td[data-cell="H2"]');
    await cell.click();
    await page.keyboard.type("'007");
    await page.keyboard.press("Enter");
    await expect(cell.textContent()).resolves.toBe("007");
    await cell.click();
    // F2 opens the edit on what the cell shows; Enter with nothing typed must not re-enter it.
    await page.keyboard.press("F2");
    await page.keyboard.press("Enter");
    await expect(cell.textContent()).resolves.toBe("007");
    expect((await cell.getAttribute("class")) ?? "").not.toMatch(/\bnumber\b/);
    await page.close();
  });

  it("a threshold changed on the panel's Settings screen is written to the sheet, and the computed quadrants move", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await previewReadyTime(page, `${origin()}/preview/index.html`);
    expect(await quadrantsOnSheet(page)).toEqual(expectedQuadrants(3));
    await go(page, "Settings");
    await expect(page.locator("#setting-Threshold").inputValue()).resolves.toBe("3");
    await page.locator("#setting-Threshold").fill("9");
    await page.getByRole("button", { name: "Write settings" }).click();
    await expect(page.locator("#setting-Threshold-problem").textContent()).resolves.toBe(
      "High-score threshold must be from 1 to 5, not 9.",
    );
    await page.locator("#setting-Threshold").fill("4");
    await page.getByRole("button", { name: "Write settings" }).click();
    await page
      .getByRole("status")
      .getByText(/^Wrote 1 setting to “BuyIn Settings”\./)
      .waitFor();
    await expect(page.locator("#setting-Threshold").inputValue()).resolves.toBe("4");
    const settings = await shownCells(page, "BuyIn Settings");
    const label = [...settings].find(([, text]) => text === "High-score threshold")?.[0] as string;
    expect(settings.get(`B${label.replace(/^[A-Z]+/, "")}`)).toBe("4");
    expect(await quadrantsOnSheet(page)).toEqual(expectedQuadrants(4));
    // The sheet changes behind the panel's back: the panel's next change is refused, the cell kept.
    await page.getByRole("tab", { name: "BuyIn Settings", exact: true }).click();
    await page.locator(`table.cells td[data-cell="B${label.replace(/^[A-Z]+/, "")}"]`).click();
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await page.locator("#setting-Threshold").fill("5");
    await page.getByRole("button", { name: "Write settings" }).click();
    await page
      .getByRole("status")
      .getByText(/^Wrote 0 of 1 setting: the sheet changed since the panel read it\./)
      .waitFor();
    expect(await quadrantsOnSheet(page)).toEqual(expectedQuadrants(2));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the map sheet's scatter chart as SVG: one point per person on the map, at their interest and power", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    await previewReadyTime(page, `${origin()}/preview/index.html`);
    await page.getByRole("tab", { name: "Stakeholder Map" }).click();
    const chart = page.locator(".sheet-chart svg");
    await expect(chart.getAttribute("aria-label")).resolves.toMatch(/^Power and interest: \d+ points/);
    const points = await page.evaluate(() =>
      [...document.querySelectorAll<SVGCircleElement>(".sheet-chart .chart-point")].map(
        (point) => `${point.dataset.x},${point.dataset.y}`,
      ),
    );
    const people = SAMPLE_STAKEHOLDERS.map((person) => `${person.interest},${person.power}`);
    expect(points.length).toBe(SAMPLE_STAKEHOLDERS.length);
    expect(points.sort()).toEqual(people.sort());
    await expect(chart.getAttribute("data-points")).resolves.toBe(String(SAMPLE_STAKEHOLDERS.length));
    // Points named from the chart's labels (the map's name column), as Excel labels them: each
    // label is a person's name or a shortened form of it, and most people keep one.
    const labels = await page.locator(".sheet-chart .chart-label").allTextContents();
    const forms = new Set(SAMPLE_STAKEHOLDERS.flatMap((person) => nameForms(person.name)));
    for (const label of labels) expect(forms).toContain(label);
    expect(labels.length).toBeGreaterThanOrEqual(SAMPLE_STAKEHOLDERS.length / 2);
    await page.close();
  });

  it("shows each KPI status in its tone, and a trend chart per programme with a line per KPI", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    await previewReadyTime(page, `${origin()}/preview/index.html`);
    const cells = await shownCells(page, "KPIs");
    const status = [...cells].find(([address, text]) => /^[A-Z]+1$/.test(address) && text === "Status")?.[0];
    const letter = status?.replace(/1$/, "");
    const tones = await page.evaluate(
      (column) =>
        [...document.querySelectorAll<HTMLElement>(`table.cells td[data-cell^="${column}"]`)]
          .filter((cell) => cell.dataset.cell !== `${column}1`)
          .map(
            (cell) => [cell.textContent ?? "", cell.dataset.tone ?? "", cell.style.backgroundColor] as const,
          ),
      letter,
    );
    const expected = { "On track": "good", "At risk": "warn", "Off track": "bad" } as const;
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(", ")})`;
    for (const [text, tone, background] of tones) {
      const wanted = expected[text as keyof typeof expected];
      expect(tone).toBe(wanted ?? "");
      expect(background).toBe(wanted ? rgb(TONE_STYLE[wanted].fill) : "");
    }
    // The sample shows every status.
    for (const text of Object.keys(expected)) expect(tones.map(([shown]) => shown)).toContain(text);
    const programmes = new Set(SAMPLE_KPIS.map((kpi) => kpi.programme?.trim() || "(no programme)"));
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<SVGElement>(".sheet-chart svg[data-series]")].map((chart) => ({
        label: chart.getAttribute("aria-label") ?? "",
        series: Number(chart.dataset.series),
      })),
    );
    expect(charts.map((chart) => chart.label.split(":")[1]?.trim())).toEqual(
      [...programmes].map((programme) => `${programme}`),
    );
    for (const [index, programme] of [...programmes].entries())
      expect(charts[index]?.series).toBe(
        SAMPLE_KPIS.filter((kpi) => (kpi.programme?.trim() || "(no programme)") === programme).length,
      );
    await page.close();
  });
});

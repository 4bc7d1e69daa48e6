/**
 * Home's "Build the whole toolkit" in the preview, in Chromium at the sidebar's 300 px: the panel
 * asks first (the preview opens with the sample's stakeholders), builds every sheet in one step,
 * and the Start here sheet is there with its counts computed by the preview's formula engine.
 */
import { expect, it } from "vitest";
import { toolkitPlans } from "../../core/index";
import { previewReadyTime } from "../../scripts/browser.mjs";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { describeInBrowser } from "./harness";

describeInBrowser("building the whole toolkit from Home", ({ origin, browser }) => {
  it("asks, then writes every sheet of the sample toolkit, Start here with it", async () => {
    const page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
    await previewReadyTime(page, `${origin()}/preview/index.html?width=300`);
    await page.getByRole("status").getByText("Loaded 15 rows from “Stakeholders”.").waitFor();
    await page.getByRole("radio", { name: "the sample programme" }).check();
    await page.getByRole("button", { name: "Build the whole toolkit" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByText("Build the sample toolkit here?").isVisible()).resolves.toBe(true);
    await dialog.getByRole("button", { name: "Build the toolkit" }).click();
    const sheets = toolkitPlans(SAMPLE_STAKEHOLDERS, true).length;
    await page
      .getByRole("status")
      .getByText(new RegExp(`^Built the sample toolkit: ${sheets} sheets`))
      .waitFor({ timeout: 60_000 });
    for (const tab of ["Start Here", "Budget", "Support Systems", "Milestones", "Training Offers"])
      await expect(page.getByRole("tab", { name: tab }).count(), tab).resolves.toBe(1);
    await page.getByRole("tab", { name: "Start Here" }).click();
    await expect(
      page.locator("table.cells").getByText("No business case yet", { exact: false }).count(),
    ).resolves.toBe(0);
    await expect(
      page.locator("table.cells td", { hasText: /^Over capacity|support system used/ }).count(),
    ).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

/**
 * Headless Chromium for the browser tests and the bench: Debian's /usr/bin/chromium driven by
 * playwright-core (never a downloaded browser), with the flags this closed network needs.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Milliseconds from navigation start until the preview says it is ready (panel mounted, sample loaded). */
export async function previewReadyTime(page, url) {
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return page.evaluate(() => performance.getEntriesByName("buyin-preview-ready")[0]?.startTime ?? Number.NaN);
}

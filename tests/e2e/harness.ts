/**
 * Shared set-up of the browser tests: dist/ served on a free port, one Chromium. Without
 * Chromium they skip, loudly; under CI a missing Chromium fails the run.
 */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { chromiumAvailable, launchChromium } from "../../scripts/browser.mjs";
import { createStaticServer } from "../../scripts/serve.mjs";

export const available = chromiumAvailable();
if (!available) {
  if (process.env.CI)
    throw new Error(
      "Chromium is missing at /usr/bin/chromium: CI must run the browser tests (apt-get install chromium).",
    );
  console.warn(
    "\n⚠ Browser tests SKIPPED: no Chromium at /usr/bin/chromium (apt-get install -y chromium).\n",
  );
}

/** A describe block that runs in Chromium against dist/, or is skipped (loudly) without it. */
export function describeInBrowser(
  name: string,
  body: (context: { origin: () => string; browser: () => Browser }) => void,
) {
  (available ? describe : describe.skip)(name, () => {
    let origin = "";
    let browser: Browser | undefined;
    const server = createStaticServer(join(import.meta.dirname, "../../dist"));
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server.close(resolve));
    });
    body({ origin: () => origin, browser: () => browser as Browser });
  });
}

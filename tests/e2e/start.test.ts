/**
 * `npm start` as a person runs it: scripts/start.mjs builds (into a temporary folder here), serves,
 * and prints where; its root URL opens a working preview in Chromium, over plain HTTP and over
 * HTTPS with an Office dev certificate, and every address it prints uses the scheme it serves.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/browser.mjs";
import { available } from "./harness";

const root = join(import.meta.dirname, "../..");

interface Started {
  child: ChildProcess;
  output: string;
  origin: string;
}

/** Runs start.mjs with HOME at `home` (where it looks for the dev certificate) until it says it is listening. */
function start(home: string): Promise<Started> {
  const child = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      HOME: home,
      PORT: "0",
      BUYIN_DIST: mkdtempSync(join(tmpdir(), "buyin-start-")),
      BUYIN_NO_OPEN: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /BuyIn is served from .+ at (https?:\/\/localhost:\d+)/.exec(output)?.[1];
      if (origin && output.includes("Press Ctrl+C to stop.")) resolve({ child, output, origin });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`start.mjs exited with ${code}:\n${output}`)));
  });
}

/** Opens the root URL and waits for the preview; returns the page's errors and failed requests. */
async function openRoot(browser: Browser, origin: string): Promise<{ url: string; problems: string[] }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  await page.getByRole("button", { name: "Write to workbook" }).waitFor();
  const url = page.url();
  await context.close();
  return { url, problems };
}

(available ? describe : describe.skip)("npm start", () => {
  let browser: Browser | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const child of children) child.kill();
    await browser?.close();
  });

  it("over plain HTTP: the root URL opens the preview, and every printed address is http", async () => {
    const started = await start(mkdtempSync(join(tmpdir(), "buyin-home-")));
    children.push(started.child);
    expect(started.origin).toMatch(/^http:\/\//);
    const addresses = started.output.match(/\bhttps?:\/\/\S+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(3);
    for (const address of addresses) expect(address).toMatch(/^http:\/\//);
    expect(started.output).toContain("this server is plain HTTP");
    expect(started.output).not.toContain("Upload My Add-in");
    const opened = await openRoot(browser as Browser, started.origin);
    expect(opened.url).toBe(`${started.origin}/preview/index.html`);
    expect(opened.problems).toEqual([]);
  });

  it("over HTTPS with an Office dev certificate: the root URL opens the preview, and every printed address is https", async () => {
    const home = mkdtempSync(join(tmpdir(), "buyin-home-"));
    const certificates = join(home, ".office-addin-dev-certs");
    mkdirSync(certificates);
    // A self-signed localhost certificate where office-addin-dev-certs puts its own.
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-keyout",
        join(certificates, "localhost.key"),
        "-out",
        join(certificates, "localhost.crt"),
      ],
      { stdio: "ignore" },
    );
    const started = await start(home);
    children.push(started.child);
    expect(started.origin).toMatch(/^https:\/\//);
    const addresses = started.output.match(/\bhttps?:\/\/\S+/g) ?? [];
    for (const address of addresses) expect(address).toMatch(/^https:\/\//);
    expect(started.output).toContain("Upload My Add-in");
    expect(started.output).toContain("Serving HTTPS with the Office dev certificate.");
    const opened = await openRoot(browser as Browser, started.origin);
    expect(opened.url).toBe(`${started.origin}/preview/index.html`);
    expect(opened.problems).toEqual([]);
  });
});

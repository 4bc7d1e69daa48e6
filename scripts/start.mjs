/**
 * `npm start`: builds, serves dist/ on localhost:3000 and prints how to use it in Excel on the
 * web and in Google Sheets. Serves HTTPS with the Office dev certificate when one is installed
 * (~/.office-addin-dev-certs), plain HTTP otherwise.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createStaticServer } from "./serve.mjs";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const port = Number(process.env.PORT ?? 3000);

const build = spawnSync(process.execPath, [join(root, "esbuild.config.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const certificates = join(homedir(), ".office-addin-dev-certs");
const certificate = join(certificates, "localhost.crt");
const key = join(certificates, "localhost.key");
const secure = existsSync(certificate) && existsSync(key);
const server = createStaticServer(
  dist,
  secure ? { cert: readFileSync(certificate), key: readFileSync(key) } : undefined,
);

server.listen(port, "127.0.0.1", () => {
  const origin = `${secure ? "https" : "http"}://localhost:${port}`;
  console.log(
    [
      "",
      `BuyIn is served from dist/ at ${origin}`,
      `  Preview (sample workbook + panel): ${origin}/preview/index.html`,
      `  Google Sheets look:                ${origin}/preview/index.html?theme=google`,
      `  Function reference:                ${origin}/addin/help.html`,
      "",
      "Excel on the web (sideload):",
      "  1. Excel needs HTTPS: run `npx office-addin-dev-certs install` once, then `npm start` again.",
      "  2. Open a workbook at office.com, Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.",
      `  3. Upload ${join(root, "dist", "manifest.xml")}; type =BUYIN. in a cell, or press Open BuyIn on the Home tab.`,
      "",
      "Google Sheets:",
      "  cp apps-script/.clasp.json.template .clasp.json (paste your Script ID), then `npm run push:sheets`.",
      "",
      secure
        ? "Serving HTTPS with the Office dev certificate."
        : "Serving plain HTTP (no Office dev certificate found).",
      "Press Ctrl+C to stop.",
    ].join("\n"),
  );
  // Open the preview where a desktop can (never in CI or over SSH without a display).
  if (
    !process.env.CI &&
    process.env.BUYIN_NO_OPEN === undefined &&
    (process.env.DISPLAY || process.platform !== "linux")
  ) {
    const opener =
      process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
    spawn(opener, [`${origin}/preview/index.html`], { stdio: "ignore", detached: true })
      .on("error", () => {})
      .unref();
  }
});

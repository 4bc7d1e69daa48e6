/**
 * `npm start`: builds, serves dist/ on localhost:3000 (PORT to change it) and prints how to use it
 * in Excel on the web and in Google Sheets. Serves HTTPS with the Office dev certificate when one
 * is installed (~/.office-addin-dev-certs), plain HTTP otherwise; every address it prints uses the
 * scheme it serves. BUYIN_DIST builds and serves another folder.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createStaticServer } from "./serve.mjs";

const root = join(import.meta.dirname, "..");
const dist = process.env.BUYIN_DIST ?? join(root, "dist");
/** The dev manifest's URLs are https://localhost:3000 (manifests/manifest.xml). */
const MANIFEST_PORT = 3000;
const port = Number(process.env.PORT ?? MANIFEST_PORT);

// The build's report names the manifest's base URL (https), whatever this server speaks: shown
// only when the build fails, so every address printed below is one this server answers.
const build = spawnSync(process.execPath, [join(root, "esbuild.config.mjs")], {
  stdio: ["ignore", "pipe", "inherit"],
  encoding: "utf8",
});
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? "");
  process.exit(build.status ?? 1);
}

const certificates = join(homedir(), ".office-addin-dev-certs");
const certificate = join(certificates, "localhost.crt");
const key = join(certificates, "localhost.key");
const secure = existsSync(certificate) && existsSync(key);
const server = createStaticServer(
  dist,
  secure ? { cert: readFileSync(certificate), key: readFileSync(key) } : undefined,
);

/** How to sideload in Excel on the web, which loads add-ins only over HTTPS from the manifest's URLs. */
function excelSteps(actualPort) {
  if (!secure)
    return [
      "Excel on the web (sideload) needs HTTPS, and this server is plain HTTP (no Office dev certificate):",
      "  run `npx office-addin-dev-certs install` once, then `npm start` again.",
    ];
  const steps = [
    "Excel on the web (sideload):",
    "  1. Open a workbook at office.com, Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.",
    `  2. Upload ${join(dist, "manifest.xml")}; type =BUYIN. in a cell, or press Open BuyIn on the Home tab.`,
  ];
  if (actualPort !== MANIFEST_PORT)
    steps.push(
      `  The dev manifest points at port ${MANIFEST_PORT}: start with PORT=${MANIFEST_PORT}, or build with BUYIN_BASE_URL set to this server.`,
    );
  return steps;
}

server.listen(port, "127.0.0.1", () => {
  const actualPort = server.address().port;
  const origin = `${secure ? "https" : "http"}://localhost:${actualPort}`;
  console.log(
    [
      "",
      `BuyIn is served from ${dist} at ${origin}`,
      `  Preview (sample workbook + panel): ${origin}/`,
      `  Google Sheets look:                ${origin}/preview/index.html?theme=google`,
      `  Function reference:                ${origin}/addin/help.html`,
      "",
      ...excelSteps(actualPort),
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
    spawn(opener, [`${origin}/`], { stdio: "ignore", detached: true })
      .on("error", () => {})
      .unref();
  }
});

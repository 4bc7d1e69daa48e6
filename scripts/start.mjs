/**
 * `npm start`: builds, serves dist/ on localhost:3000 and prints how to use it in Excel on the
 * web and in Google Sheets. Serves HTTPS with the Office dev certificate when one is installed
 * (~/.office-addin-dev-certs), plain HTTP otherwise.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { homedir } from "node:os";
import { extname, join, normalize, sep } from "node:path";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const port = Number(process.env.PORT ?? 3000);

const build = spawnSync(process.execPath, [join(root, "esbuild.config.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

function handle(request, response) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const relative = decodeURIComponent(url.pathname === "/" ? "/preview/index.html" : url.pathname);
  const path = normalize(join(dist, relative));
  if (!path.startsWith(dist + sep) || !existsSync(path) || !statSync(path).isFile()) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end(`Not found: ${url.pathname}`);
    return;
  }
  response.writeHead(200, {
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    "cache-control": "no-store",
    // Office loads the add-in's pages from this origin inside Excel on the web.
    "access-control-allow-origin": "*",
  });
  createReadStream(path).pipe(response);
}

const certificates = join(homedir(), ".office-addin-dev-certs");
const certificate = join(certificates, "localhost.crt");
const key = join(certificates, "localhost.key");
const secure = existsSync(certificate) && existsSync(key);
const server = secure
  ? createHttpsServer({ cert: readFileSync(certificate), key: readFileSync(key) }, handle)
  : createHttpServer(handle);

server.listen(port, "127.0.0.1", () => {
  const origin = `${secure ? "https" : "http"}://localhost:${port}`;
  console.log(
    [
      "",
      `BuyIn is served from dist/ at ${origin}`,
      `  Function reference: ${origin}/addin/help.html`,
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
});

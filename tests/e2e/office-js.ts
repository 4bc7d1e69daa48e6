/**
 * The real office.js loader from @microsoft/office-js, served in the browser tests in place of
 * Microsoft's CDN copy that taskpane.html names, with every further script the loader asks for
 * (the Excel host script, the locale strings) from the same package.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import type { Page } from "playwright-core";

export const OFFICE_JS_DIST = join(import.meta.dirname, "../../node_modules/@microsoft/office-js/dist");

/** The address taskpane.html loads office.js from; the loader fetches its other scripts beside it. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/**
 * `_host_Info`, as Excel's shared runtime on Windows passes it to the page: host, platform,
 * version, locale, correlation id, dialog flag, logging flag, flags. office.debug.js 1650-1755
 * (`_retrieveHostInfo`) reads it; flags 3 is SharedApp | CustomFunction (`OSF.HostInfoFlags`,
 * office.debug.js 1476-1479). With it the loader fetches excel-win32-16.01.js, the host script
 * that brings `CustomFunctions.Error` and `ErrorCode` (office.debug.js 1956-1975;
 * excel-win32-16.01.debug.js 59732-59745). Outside Excel that script stops at `getAppContext`,
 * which finds no `window.external.GetContext` (excel-win32-16.01.debug.js 4996-5011), so
 * `Office.onReady` never resolves: enough to watch registration, not to run the panel.
 */
export const EXCEL_SHARED_RUNTIME_QUERY = "?_host_Info=Excel$Win32$16.01$en-US$$$$3";

/** Excel's host scripts in the package: excel-win32-16.01.js, excel-web-16.00.js … */
const HOST_SCRIPT = /^excel-[a-z0-9.-]+\.js$/;

export interface RealOfficeJs {
  /** Package files the page fetched, in order (paths under dist/). */
  readonly served: string[];
  /** Requests to other hosts, refused (the loader's telemetry frame): there is no network here. */
  readonly refused: string[];
}

/**
 * Routes the CDN to the package. `hostScriptAfter`, when given, holds the Excel host script back
 * until it settles: the loader inserts that script as a dynamic `<script>` (office.debug.js
 * 424-524, `loadScriptInternal`), which runs whenever it arrives, so a page's next parser-inserted
 * script (functions.js) may run before it; holding it makes that order, the one Excel shows,
 * certain.
 */
export async function serveRealOfficeJs(
  page: Page,
  origin: string,
  options: { hostScriptAfter?: Promise<unknown> } = {},
): Promise<RealOfficeJs> {
  const served: string[] = [];
  const refused: string[] = [];
  await page.route(
    (url) => url.origin !== origin,
    async (route) => {
      const url = route.request().url();
      if (!url.startsWith(OFFICE_CDN)) {
        refused.push(url);
        return route.abort();
      }
      const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      const path = normalize(join(OFFICE_JS_DIST, relative));
      if (!path.startsWith(OFFICE_JS_DIST + sep) || !existsSync(path)) {
        refused.push(url);
        return route.fulfill({ status: 404, body: "" });
      }
      if (HOST_SCRIPT.test(relative)) await options.hostScriptAfter;
      served.push(relative);
      return route.fulfill({ contentType: "text/javascript; charset=utf-8", body: readFileSync(path) });
    },
  );
  return { served, refused };
}

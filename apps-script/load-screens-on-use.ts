/**
 * The Sheets sidebar's way to the screens loaded on use: HtmlService serves only the files it is
 * given, so the server hands over the bundle's text (`buyinScreensOnUse`, from ScreensOnUse.html)
 * on first use and the sidebar runs it. esbuild.config.mjs puts this module in place of
 * ui/panel/load-screens-on-use.ts in Sidebar.html, which so starts within its 150 KB budget.
 */
import type { ScreensOnUse } from "../ui/panel/load-screens-on-use";
import { runScreensScript } from "../ui/panel/screens-script";
import { callServer, scriptRunner } from "./script-run";

let loading: Promise<ScreensOnUse> | undefined;

export function loadScreensOnUse(): Promise<ScreensOnUse> {
  const run = scriptRunner();
  if (!run) return Promise.reject(new Error("screens-on-use.js needs google.script.run"));
  loading ??= callServer<string>(run, "buyinScreensOnUse")
    .then((code) => runScreensScript(Object.assign(document.createElement("script"), { text: code })))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

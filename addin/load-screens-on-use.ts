/**
 * The task pane's way to the screens loaded on use: addin/screens-on-use.js, loaded once on first
 * use beside taskpane.js (esbuild.config.mjs builds it and puts this module in place of
 * ui/panel/load-screens-on-use.ts).
 */
import type { ScreensOnUse } from "../ui/panel/load-screens-on-use";
import { runScreensScript } from "../ui/panel/screens-script";

let loading: Promise<ScreensOnUse> | undefined;

export function loadScreensOnUse(): Promise<ScreensOnUse> {
  loading ??= runScreensScript(
    Object.assign(document.createElement("script"), { src: "screens-on-use.js" }),
  ).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

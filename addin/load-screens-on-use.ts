/**
 * The task pane's way to the evaluation screens: addin/screens-on-use.js, loaded once on first
 * use beside taskpane.js (esbuild.config.mjs builds it and puts this module in place of
 * ui/panel/load-screens-on-use.ts). That bundle renders with the pane's own Preact, handed over
 * on `BuyInPreact`: hooks keep their state in the Preact instance that renders them.
 */
import * as preact from "preact";
import * as hooks from "preact/hooks";
import * as jsxRuntime from "preact/jsx-runtime";
import type { ScreensOnUse } from "../ui/panel/load-screens-on-use";

declare global {
  var BuyInPreact: Record<string, unknown> | undefined;
  var BuyInScreensOnUse: ScreensOnUse | undefined;
}

let loading: Promise<ScreensOnUse> | undefined;

export function loadScreensOnUse(): Promise<ScreensOnUse> {
  loading ??= new Promise<ScreensOnUse>((resolve, reject) => {
    globalThis.BuyInPreact = { preact, "preact/hooks": hooks, "preact/jsx-runtime": jsxRuntime };
    const script = document.createElement("script");
    script.src = "screens-on-use.js";
    script.onload = () =>
      globalThis.BuyInScreensOnUse
        ? resolve(globalThis.BuyInScreensOnUse)
        : reject(new Error("screens-on-use.js ran without its screens"));
    script.onerror = () => {
      loading = undefined;
      reject(new Error("screens-on-use.js did not load"));
    };
    document.head.append(script);
  });
  return loading;
}

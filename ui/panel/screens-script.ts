/**
 * Runs the screens-on-use bundle (ui/panel/screens-on-use.ts, built as a script of its own) in a
 * host whose panel starts without it: the Excel task pane loads it from its URL, the Sheets sidebar
 * from the server as text (HtmlService serves no other files). The bundle renders with the panel's
 * own Preact, handed over on `BuyInPreact`: hooks keep their state in the Preact instance that
 * renders them.
 */
import * as preact from "preact";
import * as hooks from "preact/hooks";
import * as jsxRuntime from "preact/jsx-runtime";
import type { ScreensOnUse } from "./load-screens-on-use";

declare global {
  var BuyInPreact: Record<string, unknown> | undefined;
  var BuyInScreensOnUse: ScreensOnUse | undefined;
}

/** Runs `script` (with a `src`, or its code as text) and resolves with the screens it defines. */
export function runScreensScript(script: HTMLScriptElement): Promise<ScreensOnUse> {
  globalThis.BuyInPreact = { preact, "preact/hooks": hooks, "preact/jsx-runtime": jsxRuntime };
  return new Promise<ScreensOnUse>((resolve, reject) => {
    const ran = () =>
      globalThis.BuyInScreensOnUse
        ? resolve(globalThis.BuyInScreensOnUse)
        : reject(new Error("screens-on-use.js ran without its screens"));
    if (!script.src) {
      // An inline script runs as it is inserted, before append returns.
      document.head.append(script);
      ran();
      return;
    }
    script.onload = ran;
    script.onerror = () => reject(new Error("screens-on-use.js did not load"));
    document.head.append(script);
  });
}

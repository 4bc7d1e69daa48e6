/**
 * The task pane's way to the evaluation screens: addin/evaluation-screens.js, loaded once on first
 * use beside taskpane.js (esbuild.config.mjs builds it and puts this module in place of
 * ui/panel/load-evaluation-screens.ts). That bundle renders with the pane's own Preact, handed over
 * on `BuyInPreact`: hooks keep their state in the Preact instance that renders them.
 */
import * as preact from "preact";
import * as hooks from "preact/hooks";
import * as jsxRuntime from "preact/jsx-runtime";
import type { EvaluationScreens } from "../ui/panel/load-evaluation-screens";

declare global {
  var BuyInPreact: Record<string, unknown> | undefined;
  var BuyInEvaluationScreens: EvaluationScreens | undefined;
}

let loading: Promise<EvaluationScreens> | undefined;

export function loadEvaluationScreens(): Promise<EvaluationScreens> {
  loading ??= new Promise<EvaluationScreens>((resolve, reject) => {
    globalThis.BuyInPreact = { preact, "preact/hooks": hooks, "preact/jsx-runtime": jsxRuntime };
    const script = document.createElement("script");
    script.src = "evaluation-screens.js";
    script.onload = () =>
      globalThis.BuyInEvaluationScreens
        ? resolve(globalThis.BuyInEvaluationScreens)
        : reject(new Error("evaluation-screens.js ran without its screens"));
    script.onerror = () => {
      loading = undefined;
      reject(new Error("evaluation-screens.js did not load"));
    };
    document.head.append(script);
  });
  return loading;
}

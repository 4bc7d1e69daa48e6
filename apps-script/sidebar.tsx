/**
 * The Sheets sidebar: the shared panel, in Google's add-on look, on a port whose calls cross to
 * the server through google.script.run. The build inlines this bundle into Sidebar.html.
 */
import type { ApplyReport, Cell, SheetPlan } from "../core/index";
import { mountPanel } from "../ui/mount";
import type { TableSnapshot, WorkbookPort } from "../ui/workbook-port";

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [server: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** Calls a server function and resolves with what it returns. */
function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler(reject);
    (runner[name] as (...values: unknown[]) => void)(...args);
  });
}

const port: WorkbookPort = {
  apply: (plan: SheetPlan) => callServer<ApplyReport>("buyinApply", plan),
  readTable: async (kind: string) =>
    (await callServer<TableSnapshot | null>("buyinReadTable", kind)) ?? undefined,
  readSelection: () => callServer<Cell[][]>("buyinReadSelection"),
};

mountPanel(document.getElementById("panel") as HTMLElement, { port, theme: "google" });
document.body.dataset.ready = "true";

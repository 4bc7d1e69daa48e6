/**
 * The Sheets sidebar: the shared panel, in Google's add-on look, on a port whose calls cross to
 * the server through google.script.run. The build inlines this bundle into Sidebar.html. Opened
 * anywhere but a Sheets sidebar (no google.script.run), it says where it belongs.
 */
import type { ApplyReport, Cell, SheetPlan } from "../core/index";
import { mountPanel } from "../ui/mount";
import type { TableSnapshot, WorkbookPort } from "../ui/workbook-port";

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [server: string]: unknown;
}

declare const google: { script?: { run?: ScriptRunner } } | undefined;

/** A port whose calls go to the server through `run` and resolve with what it returns. */
function serverPort(run: ScriptRunner): WorkbookPort {
  const callServer = <T,>(name: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = run.withSuccessHandler((value) => resolve(value as T)).withFailureHandler(reject);
      (runner[name] as (...values: unknown[]) => void)(...args);
    });
  return {
    applyAll: (plans: readonly SheetPlan[]) => callServer<ApplyReport[]>("buyinApplyAll", plans),
    readTable: async (kind: string) =>
      (await callServer<TableSnapshot | null>("buyinReadTable", kind)) ?? undefined,
    readSelection: () => callServer<Cell[][]>("buyinReadSelection"),
  };
}

/** Outside Sheets: the file opened from disk or a server, where Apps Script's client API is absent. */
function showOutsideSheets(root: HTMLElement): void {
  const heading = document.createElement("h1");
  heading.textContent = "BuyIn runs inside Google Sheets";
  const explanation = document.createElement("p");
  explanation.textContent =
    "This page is BuyIn's sidebar: Google Sheets opens it, and it reaches your spreadsheet through Apps Script, which is not here.";
  const steps = document.createElement("p");
  steps.textContent =
    "To use it, open a spreadsheet where BuyIn is installed and choose Extensions > BuyIn > Open BuyIn. To install it from this project, run npm run push:sheets (see the README).";
  root.replaceChildren(heading, explanation, steps);
  root.classList.add("outside-host");
}

const root = document.getElementById("panel") as HTMLElement;
const run = typeof google === "undefined" ? undefined : google.script?.run;
if (run) mountPanel(root, { port: serverPort(run), theme: "google" });
else showOutsideSheets(root);
document.body.dataset.ready = "true";

/**
 * The Sheets sidebar: the shared panel, in Google's add-on look, on a port whose calls cross to
 * the server through google.script.run. The build inlines this bundle into Sidebar.html. Opened
 * anywhere but a Sheets sidebar (no google.script.run), it says where it belongs.
 */
import type { ApplyReport, Cell, SheetPlan } from "../core/index";
import { mountPanel } from "../ui/mount";
import type { TableSnapshot, WorkbookPort } from "../ui/workbook-port";
import { callServer, type ScriptRunner, scriptRunner } from "./script-run";

/** A port whose calls go to the server through `run` and resolve with what it returns. */
function serverPort(run: ScriptRunner): WorkbookPort {
  return {
    applyAll: (plans: readonly SheetPlan[]) => callServer<ApplyReport[]>(run, "buyinApplyAll", plans),
    readTable: async (kind: string) =>
      (await callServer<TableSnapshot | null>(run, "buyinReadTable", kind)) ?? undefined,
    readSelection: () => callServer<Cell[][]>(run, "buyinReadSelection"),
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
const run = scriptRunner();
if (run) mountPanel(root, { port: serverPort(run), theme: "google" });
else showOutsideSheets(root);
document.body.dataset.ready = "true";

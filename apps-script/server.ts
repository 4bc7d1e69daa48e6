/**
 * Apps Script server bundle (global `BuyIn`). The build declares a top-level function for each
 * name in SERVER_FUNCTIONS (Apps Script calls only top-level functions: triggers, menu items,
 * google.script.run) and for each catalog function (`BUYIN_ROI` …), all forwarding here.
 * Only translates: the work is in core and in SheetsWorkbook.
 */

import { findFunction, invoke } from "../core/catalog/index";
import { zonedDateToSerial } from "../core/dates";
import type { ApplyReport, Cell, SheetPlan } from "../core/index";
import type { TableSnapshot } from "../ui/workbook-port";
import { activeSheetsWorkbook, cellReader } from "./sheets-workbook";

type SheetsAnswer = number | string | (number | string)[][];

/** Top-level functions the build declares for Apps Script, forwarding to this bundle. */
export const SERVER_FUNCTIONS = [
  "onOpen",
  "onInstall",
  "showSidebar",
  "buyinApplyAll",
  "buyinReadTable",
  "buyinReadSelection",
  "buyinScreensOnUse",
] as const;

/**
 * Runs a catalog function for a Sheets custom function. One answer: its value, or a thrown
 * `Error("#NUM! message")` so the cell shows the message. A spilled range: failed cells become
 * their error text (`#NUM!`), so one bad row never blanks the whole column.
 */
export function callFunction(id: string, args: unknown[]): SheetsAnswer {
  const spec = findFunction(id);
  if (!spec) throw new Error(`#NAME? ${id} is not a BuyIn function`);
  const { cells } = invoke(spec, withSerialDates(args) as Parameters<typeof invoke>[1]);
  const only = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
  if (only !== undefined) {
    if (typeof only === "object") throw new Error(`${only.text} ${only.message}`);
    return only;
  }
  return cells.map((row) => row.map((cell) => (typeof cell === "object" ? cell.text : cell)));
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * Date cells as serial numbers of the day the cell shows. Sheets hands a date as the instant it
 * names in the spreadsheet's time zone, which may not be the script's; only when an argument
 * holds a date is the zone looked up (a read-only call custom functions may make). An invalid
 * Date is left as it is, for the coercion to refuse with a message.
 */
function withSerialDates(args: readonly unknown[]): unknown[] {
  const hasDate = args.some(
    (arg) => isDate(arg) || (Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.some(isDate))),
  );
  if (!hasDate) return [...args];
  const timeZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const convert = (value: unknown) =>
    isDate(value) && Number.isFinite(value.getTime()) ? zonedDateToSerial(value, timeZone) : value;
  return args.map((arg) =>
    Array.isArray(arg)
      ? arg.map((row) => (Array.isArray(row) ? row.map(convert) : convert(row)))
      : convert(arg),
  );
}

/**
 * Adds the add-on menu. Runs in AuthMode.NONE before the user has authorised the add-on, where
 * only the menu may be built: nothing here reads the document.
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Open BuyIn", "showSidebar").addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("BuyIn"));
}

/**
 * google.script.run: the code of the screens the sidebar loads on first use (the business case,
 * KPI, evaluation and playbook screens), kept out of Sidebar.html so the sidebar opens within its
 * budget. ScreensOnUse.html holds it as text; HtmlService's getContent returns a file as written
 * (developers.google.com/apps-script/guides/html/best-practices, "Separate HTML, CSS, and JavaScript").
 */
export function buyinScreensOnUse(): string {
  return HtmlService.createHtmlOutputFromFile("ScreensOnUse").getContent();
}

/** google.script.run: writes every plan in one round trip. */
export function buyinApplyAll(plans: SheetPlan[]): ApplyReport[] {
  return activeSheetsWorkbook().applyAll(plans);
}

/** google.script.run: a BuyIn table, or null (google.script.run cannot return undefined). */
export function buyinReadTable(kind: string): TableSnapshot | null {
  return activeSheetsWorkbook().readTable(kind) ?? null;
}

/** google.script.run: the cells the user has selected, dates as serials. */
export function buyinReadSelection(): Cell[][] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const range = spreadsheet.getActiveRange();
  return range ? range.getValues().map(cellReader(spreadsheet.getSpreadsheetTimeZone())) : [];
}

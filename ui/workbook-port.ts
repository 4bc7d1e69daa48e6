/**
 * The one interface the panel talks to, whatever the host. A port writes a SheetPlan in bulk
 * (resolved against the sheet's current state by core's `resolveTarget`/`resolveSheet`, so every
 * port merges, protects foreign sheets and escapes text the same way) and reads a BuyIn table
 * back.
 *
 * Implementations: ExcelWorkbook (addin/, Office.js), SheetsWorkbook (apps-script/, SpreadsheetApp
 * on the server, reached from the sidebar through google.script.run), MemoryWorkbook
 * (ui/preview/, HyperFormula; dev and tests only).
 */
import type { ApplyReport, Cell, SheetPlan } from "../core/index";

export interface TableSnapshot {
  readonly sheet: string;
  /** Row 1 of the table. */
  readonly header: readonly string[];
  /** Data rows from row 2 that hold anything, with their sheet row numbers; dates as serials. */
  readonly rows: readonly { readonly row: number; readonly values: readonly Cell[] }[];
}

/** How each host styles a cell role: one look per role, the same meaning everywhere. */
export const ROLE_STYLE = {
  header: { fill: "#0F6CBD", fontColor: "#FFFFFF", bold: true },
  input: { fill: "#FFF8DB", fontColor: "#242424", bold: false },
  output: { fill: "#F3F2F1", fontColor: "#242424", bold: false },
  note: { fill: "", fontColor: "#616161", bold: false },
} as const;

export interface WorkbookPort {
  /** Writes one plan; never overwrites a sheet BuyIn does not own. */
  apply(plan: SheetPlan): Promise<ApplyReport>;
  /** The table of the BuyIn sheet of this kind, or undefined when there is none. */
  readTable(kind: string): Promise<TableSnapshot | undefined>;
  /** The cells the user has selected in the host, for importing rows; hosts without a selection omit it. */
  readSelection?(): Promise<Cell[][]>;
}

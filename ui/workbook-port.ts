/**
 * The port contract the panel talks to lives in core (`core/plans/port.ts`: `WorkbookPort`,
 * `TableSnapshot`, `resolveAll`); this module adds what only screens and hosts' looks need.
 *
 * Implementations: ExcelWorkbook (addin/, Office.js), SheetsWorkbook (apps-script/, SpreadsheetApp
 * on the server, reached from the sidebar through google.script.run), MemoryWorkbook
 * (ui/preview/, HyperFormula; dev and tests only).
 */
export type { TableSnapshot, WorkbookPort } from "../core/index";

/** How each host styles a cell role: one look per role, the same meaning everywhere. */
export const ROLE_STYLE = {
  header: { fill: "#0F6CBD", fontColor: "#FFFFFF", bold: true },
  input: { fill: "#FFF8DB", fontColor: "#242424", bold: false },
  output: { fill: "#F3F2F1", fontColor: "#242424", bold: false },
  note: { fill: "", fontColor: "#616161", bold: false },
} as const;

/**
 * How each host colours a conditional format's tone: Excel's own "Good", "Neutral" and "Bad"
 * cell styles, so a reader sees the colours Excel users know. A port knows its own rules again
 * by these colours (with their condition and range: isBuyInsRule).
 */
export const TONE_STYLE = {
  good: { fill: "#C6EFCE", fontColor: "#006100" },
  warn: { fill: "#FFEB9C", fontColor: "#9C5700" },
  bad: { fill: "#FFC7CE", fontColor: "#9C0006" },
} as const;

import type { Cell } from "./sheet-plan";

/**
 * Short fingerprints of what BuyIn wrote in each cell of a table row, kept in the hidden state
 * sheet (./state-sheet). On the next run a cell whose content no longer matches its fingerprint
 * was edited in the sheet, and BuyIn keeps the edit instead of writing over it.
 */

/** FNV-1a, 32 bits, in base 36: enough to tell an edit from the value BuyIn wrote. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
}

/**
 * A formula as hosts may hand it back: hosts tidy what they store (upper-case function names,
 * drop spaces and needless sheet-name quotes), so those differences are not edits. Text inside
 * double quotes is kept exactly.
 */
function canonicalFormula(formula: string): string {
  return formula
    .split('"')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/['\s]/g, "").toUpperCase()))
    .join('"');
}

/**
 * The fingerprints of one formula written at many rows: `formula` holds `marker` where the row
 * number goes. It is made canonical once; row numbers are digits, which canonicalizing leaves as
 * they are, so each row's print equals `contentFingerprint(null, formula at that row)`.
 */
export function rowFormulaPrints(formula: string, marker: string): (row: number) => string {
  const parts = canonicalFormula(formula).split(marker);
  return (row) => hash(`f${parts.join(String(row))}`);
}

/** A cell's content as one string, with its type, so text "=1" and formula "=1" differ. */
export function contentFingerprint(value: Cell | undefined, formula: string | null | undefined): string {
  if (formula) return hash(`f${canonicalFormula(formula)}`);
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return hash(`n${value}`);
  if (typeof value === "boolean") return hash(`b${value}`);
  return hash(`t${value}`);
}

export function formatFingerprints(entries: ReadonlyMap<string, string>): string {
  return [...entries].map(([column, print]) => `${column}=${print}`).join(";");
}

export function parseFingerprints(text: Cell | undefined): Map<string, string> {
  const entries = new Map<string, string>();
  if (typeof text !== "string") return entries;
  for (const part of text.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0) entries.set(part.slice(0, separator), part.slice(separator + 1));
  }
  return entries;
}

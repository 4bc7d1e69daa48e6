import { columnLetter } from "./a1";
import { contentFingerprint, rowFormulaPrints } from "./fingerprint";
import { cellInput, formulaInput, type HostInput } from "./host-input";
import type { Cell, ColumnSpec, TableRow } from "./sheet-plan";

/** What BuyIn plans for one cell: the input for the host and its fingerprint. */
export interface PlannedCell {
  readonly input: HostInput;
  readonly print: string;
}

/** Expands `{first}`, `{last}` and `{col:id}` in a formula template, and `{row}` into `row`. */
function expandColumns(
  template: string,
  row: string,
  first: number,
  last: number,
  columns: ReadonlyMap<string, number>,
): string {
  return formulaInput(
    template.replace(/\{(row|first|last|col:([a-z0-9_]+))\}/gi, (_match, token: string, id?: string) => {
      if (token === "row") return row;
      if (token === "first") return String(first);
      if (token === "last") return String(last);
      const column = columns.get(id as string);
      if (column === undefined) throw new Error(`formula refers to unknown column ${id}`);
      return columnLetter(column);
    }),
  );
}

/** Expands `{row}`, `{first}`, `{last}` and `{col:id}` in a formula template. */
export function expandFormula(
  template: string,
  row: number,
  first: number,
  last: number,
  columns: ReadonlyMap<string, number>,
): string {
  return expandColumns(template, String(row), first, last, columns);
}

/** Stands for the row number in a compiled template: a character no formula holds. */
const ROW_MARKER = "\u0000";

/**
 * A column's formula at any row, with its fingerprint: the template is expanded and made
 * canonical once, not once a row (a 10,000-row table has tens of thousands of output cells).
 */
export function compileFormula(
  template: string,
  first: number,
  last: number,
  columns: ReadonlyMap<string, number>,
): (row: number) => PlannedCell {
  const parts = expandColumns(template, ROW_MARKER, first, last, columns).split(ROW_MARKER);
  const printAtRow = rowFormulaPrints(parts.join(ROW_MARKER), ROW_MARKER);
  return (row) => ({ input: parts.join(String(row)), print: printAtRow(row) });
}

/** A key or input cell as planned. */
export function plannedValue(column: ColumnSpec, planRow: TableRow): PlannedCell {
  const value = column.role === "key" ? planRow.key : (planRow.values[column.id] ?? null);
  return { input: cellInput(value), print: contentFingerprint(value, null) };
}

/**
 * How a key or input cell that BuyIn wrote before is treated on a re-run:
 * - "write": the plan's value (the cell still holds what BuyIn wrote, or what it plans, or is new);
 * - "keep": the user edited it in the sheet and the plan did not change it: their edit stays;
 * - "conflict": the cell was changed in the sheet and the plan changed too, or BuyIn does not
 *   know what it wrote there (no state): the sheet's content stays, and the report says so.
 */
export function inputDecision(
  planned: PlannedCell,
  current: string | undefined,
  base: string | undefined,
): "write" | "keep" | "conflict" {
  if (current === undefined || current === planned.print) return "write";
  if (base === undefined) return current === "" ? "write" : "conflict";
  if (current === base) return "write";
  return planned.print === base ? "keep" : "conflict";
}

/** A constant equal to a kernel's value: to 1e-9 relative for numbers, the same text otherwise. */
export function sameValue(current: Cell | undefined, expected: Cell | undefined): boolean {
  if (expected === undefined || current === undefined || current === null) return false;
  if (typeof current === "number" && typeof expected === "number")
    return Math.abs(current - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return current === expected;
}

/**
 * Whether an output cell as read is still BuyIn's (so its formula is written again): blank (a
 * cleared computed cell comes back); BuyIn's formula, as written last time or as the template
 * reads at the cell's current row (or as it will be written: `known` prints); or a constant equal
 * to the kernel's value for the row (BuyIn's formula converted to values). Anything else is the
 * user's, and kept.
 */
export function outputIsBuyIns(
  current: {
    readonly print: string;
    readonly value: Cell | undefined;
    readonly formula: string | null | undefined;
  },
  atCurrentRow: () => string,
  known: readonly (string | undefined)[],
  expected: readonly (Cell | undefined)[],
): boolean {
  if (current.print === "" || known.includes(current.print)) return true;
  if (current.formula) return current.print === contentFingerprint(null, atCurrentRow());
  return expected.some((candidate) => sameValue(current.value, candidate));
}

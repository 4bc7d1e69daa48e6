import { columnLetter, parseCell } from "./a1";
import type { Block, Cell, NamePlan, SheetPlan } from "./sheet-plan";

/**
 * One named assumption: a row of the settings table. The value cell is the user's to change (an
 * input block); `formula` (native, `{name:X}` for the module's names) gives a live default.
 */
export interface Assumption {
  readonly label: string;
  /** The name's suffix: "Threshold" names the cell `BuyIn_<module>_Threshold`. */
  readonly name: string;
  readonly value?: Cell;
  readonly formula?: string;
  readonly format?: string;
  readonly meaning?: string;
}

/** A two-column lookup below the settings (quadrant → cadence); each column may be named. */
export interface AssumptionTable {
  readonly headers: readonly [string, string];
  readonly rows: readonly (readonly [Cell, Cell])[];
  readonly names?: readonly [string | undefined, string | undefined];
  /** The second column is the user's to change; otherwise both are notes. */
  readonly editable?: boolean;
}

/**
 * A labelled line of values across the sheet, named as one row range: a row of the register's
 * cells can be multiplied by it in SUMPRODUCT (the KPI tracker's period numbers), which a column
 * cannot be without TRANSPOSE, itself an array formula in Excel before 365.
 */
export interface AssumptionLine {
  readonly label: string;
  readonly name: string;
  readonly headers: readonly Cell[];
  readonly values: readonly Cell[];
  readonly meaning?: string;
}

export interface AssumptionsSheet {
  readonly kind: string;
  readonly title: string;
  readonly heading: string;
  readonly intro: string;
  readonly rows: readonly Assumption[];
  readonly tables?: readonly AssumptionTable[];
  readonly lines?: readonly AssumptionLine[];
}

/**
 * The settings sheet: a heading, an intro, the table of assumptions from row 4 (label, value,
 * meaning), then each lookup table after a blank row. Every value cell is named.
 */
export function assumptionsPlan(
  sheet: AssumptionsSheet,
  namePlan: (suffix: string, where: { at: string }) => NamePlan,
  withNames: (formula: string) => string,
): SheetPlan {
  const { rows } = sheet;
  const last = 4 + rows.length;
  const blocks: Block[] = [
    { at: "A1", values: [[sheet.heading]], role: "header" },
    { at: "A2", values: [[sheet.intro]], role: "note" },
    { at: "A4", values: [["Setting", "Value", "What it means"]], role: "header" },
    { at: "A5", values: rows.map((row) => [row.label]), role: "note" },
    {
      at: "B5",
      values: rows.map((row) => [row.value ?? null]),
      formulas: rows.map((row) => [row.formula ? withNames(row.formula) : null]),
      numberFormats: rows.map((row) => [row.format ?? "General"]),
      role: "input",
    },
    { at: "C5", values: rows.map((row) => [row.meaning ?? ""]), role: "note" },
  ];
  const names = rows.map((row, index) => namePlan(row.name, { at: `B${5 + index}` }));
  let top = last + 2;
  for (const table of sheet.tables ?? []) {
    const first = top + 1;
    const end = top + table.rows.length;
    blocks.push(
      { at: `A${top}`, values: [[...table.headers]], role: "header" },
      { at: `A${first}`, values: table.rows.map(([left]) => [left]), role: "note" },
      {
        at: `B${first}`,
        values: table.rows.map(([, right]) => [right]),
        role: table.editable ? "input" : "note",
      },
    );
    table.names?.forEach((suffix, column) => {
      const letter = column === 0 ? "A" : "B";
      if (suffix) names.push(namePlan(suffix, { at: `${letter}${first}:${letter}${end}` }));
    });
    top = end + 2;
  }
  for (const line of sheet.lines ?? []) {
    const width = line.values.length;
    blocks.push(
      { at: `A${top}`, values: [[line.label, ...line.headers]], role: "header" },
      { at: `B${top + 1}`, values: [[...line.values]], role: "note" },
      ...(line.meaning ? [{ at: `A${top + 2}`, values: [[line.meaning]], role: "note" as const }] : []),
    );
    names.push(namePlan(line.name, { at: `B${top + 1}:${columnLetter(1 + width)}${top + 1}` }));
    top += line.meaning ? 4 : 3;
  }
  return { kind: sheet.kind, title: sheet.title, blocks, names };
}

/** A setting the panel changes on purpose: the named value cell, the value the panel read there, and the one it wants. */
export interface SettingChange {
  /** The value cell's workbook name (`BuyIn_Map_Threshold`). */
  readonly name: string;
  readonly from: Cell;
  readonly to: Cell;
}

/**
 * The settings plan with the panel's changes in it: each named value cell planned with its new
 * value (a constant, where a formula gave the default) and the value the panel read as
 * `changedFrom`, so the port writes it only over that value (compare-and-set) and reports a cell
 * changed since. The rest of the plan is as it was: other settings keep the user's edits.
 *
 * @throws Error for a name the plan does not have on an input block (a caller's mistake)
 */
export function changeSettings(plan: SheetPlan, changes: readonly SettingChange[]): SheetPlan {
  let blocks = [...(plan.blocks ?? [])];
  for (const change of changes) {
    const at = plan.names?.find((name) => name.name === change.name)?.at;
    const cell = at && !at.includes(":") ? parseCell(at) : undefined;
    const index = blocks.findIndex((block) => {
      const start = parseCell(block.at);
      return (
        block.role === "input" &&
        cell !== undefined &&
        cell.row >= start.row &&
        cell.row < start.row + block.values.length &&
        cell.column >= start.column &&
        cell.column < start.column + (block.values[cell.row - start.row]?.length ?? 0)
      );
    });
    const block = blocks[index];
    if (!block || !cell) throw new Error(`${plan.title} has no setting named ${change.name}`);
    const start = parseCell(block.at);
    const [r, c] = [cell.row - start.row, cell.column - start.column];
    const replace = <T>(grid: readonly (readonly T[])[] | undefined, filler: T, value: T) =>
      block.values.map((row, ri) =>
        row.map((_, ci) => (ri === r && ci === c ? value : (grid?.[ri]?.[ci] ?? filler))),
      );
    blocks = blocks.map((each, i) =>
      i === index
        ? {
            ...block,
            values: replace(block.values, null as Cell, change.to),
            formulas: replace<string | null>(block.formulas, null, null),
            changedFrom: replace<Cell | undefined>(block.changedFrom, undefined, change.from),
          }
        : each,
    );
  }
  return { ...plan, blocks };
}

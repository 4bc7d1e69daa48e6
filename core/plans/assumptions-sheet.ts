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

export interface AssumptionsSheet {
  readonly kind: string;
  readonly title: string;
  readonly heading: string;
  readonly intro: string;
  readonly rows: readonly Assumption[];
  readonly tables?: readonly AssumptionTable[];
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
  return { kind: sheet.kind, title: sheet.title, blocks, names };
}

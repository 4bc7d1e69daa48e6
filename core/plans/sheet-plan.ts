/**
 * A SheetPlan says what BuyIn wants on one sheet, as plain data: a keyed table (merged with what
 * is already there on re-runs), fixed blocks BuyIn owns outright, named ranges, charts. Builders in
 * core/plans make plans; a WorkbookPort resolves them all against the workbook as read
 * (`resolveAll`) and writes the result in bulk.
 */

/** A cell value in a plan. A string is always literal text, never a formula. */
export type Cell = string | number | boolean | null;

/** Styling intent; each host maps it to its own look. */
export type CellRole = "header" | "input" | "output" | "note";

export interface Validation {
  /** Allowed texts, offered as a drop-down. */
  readonly list?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly whole?: boolean;
}

/**
 * One column of a keyed table. Output formulas are templates: `{row}` is the row's number,
 * `{col:power}` the letter of the column whose id is `power` (wherever it now is), `{first}` and
 * `{last}` the first and last data rows.
 */
export interface ColumnSpec {
  readonly id: string;
  readonly header: string;
  readonly role: "key" | "input" | "output";
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly validation?: Validation;
  /** Width hint in characters. */
  readonly width?: number;
}

export interface TableRow {
  readonly key: string;
  /** Values of the key and input columns, by column id. */
  readonly values: Readonly<Record<string, Cell>>;
  /**
   * The kernels' value of each output column for this row, by column id ("" where the kernel
   * gives a blank). A constant equal to it in an output cell is BuyIn's formula converted to
   * values, so BuyIn writes its formula back; any other constant is the user's and is kept.
   */
  readonly expected?: Readonly<Record<string, Cell>>;
}

/**
 * A table anchored at A1: the header in row 1, one row per key from row 2. BuyIn knows its rows
 * by key and its columns by id (header, else content), never by position.
 */
export interface TablePlan {
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly TableRow[];
}

/** A rectangle BuyIn owns outright, rewritten on every run. */
export interface Block {
  /** Top-left cell, such as "B3". */
  readonly at: string;
  readonly values: readonly (readonly Cell[])[];
  /** Portable native formulas, written as they are (no placeholders); null takes values[r][c]. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  readonly numberFormats?: readonly (readonly string[])[];
  readonly role?: CellRole;
  /** Width hints in characters for the block's columns, left to right (as a table column's `width`). */
  readonly widths?: readonly number[];
  /**
   * A background colour for the whole block, as "#RRGGBB", in place of its role's own fill (the
   * role's font colour and weight stay): the map's quadrants in the panel's colours. Each host
   * paints it.
   */
  readonly fill?: string;
  /**
   * For an input block, the panel's deliberate changes (a setting changed on the Settings screen):
   * where an entry is not undefined, values[r][c] replaces the value the panel read there, which
   * this entry holds. The port writes it only while the cell still holds that value
   * (compare-and-set); a cell changed since the panel read it is left as it is, and reported.
   */
  readonly changedFrom?: readonly (readonly (Cell | undefined)[])[];
}

/**
 * A workbook-level name. `column` names a whole data column of this plan's table; `key` with
 * `column` names one cell of it; `at` names a fixed cell or range on this sheet ("B2" or "B2:B9").
 */
export interface NamePlan {
  readonly name: string;
  /** Earlier names of the same range (`BuyIn_Threshold` for `BuyIn_Map_Threshold`), migrated on write. */
  readonly formerly?: readonly string[];
  readonly column?: string;
  readonly key?: string;
  readonly at?: string;
}

/**
 * One series of a chart: its name (the legend's text) and its values, an A1 range as long as the
 * chart's x. On a plan with a table, any range of a chart may name cells by identity:
 * `{col:id}` is the letter of the table's column `id` and `{row:KEY}` the row of the key `KEY`,
 * wherever they now are ("{col:actual1}{row:K-001}:{col:actual4}{row:K-001}").
 */
export interface ChartSeries {
  readonly name: string;
  readonly values: string;
}

export interface ChartPlan {
  readonly type: "scatter" | "bar" | "line";
  readonly title: string;
  /** Data on this sheet, as A1 ranges of equal length: x values and y values. */
  readonly x: string;
  /** The one series of a chart without `series`; with them, the first series' values. */
  readonly y: string;
  /** Several series over the same x, each with its name (a legend is shown); replaces `y`. */
  readonly series?: readonly ChartSeries[];
  readonly xTitle: string;
  readonly yTitle: string;
  /**
   * Text to label each point with, as an A1 range on this sheet of the same length as x and y
   * (the map's names), where the host can label points from cells: Excel (a point's data label
   * formula, ExcelApi 1.8) and the preview do; Sheets' EmbeddedChartBuilder cannot.
   */
  readonly labels?: string;
  /** Where the chart's top-left corner goes. */
  readonly anchor: string;
}

/** How a cell that meets a rule reads: each host maps a tone to its own fill and font colours. */
export type Tone = "good" | "warn" | "bad";

/**
 * One rule of a conditional format: `equals` a text (the whole cell, case-insensitive, as Excel's
 * and Sheets' "text is exactly" compare), or `below` a number (a number less than it).
 */
export interface ConditionalRule {
  readonly when: "equals" | "below";
  readonly value: string | number;
  readonly tone: Tone;
}

/**
 * Conditional formatting on a column of this plan's table (by id: the rules span its data rows,
 * however many there are) or on a fixed range of this sheet (A1, a block's cells). BuyIn's rules
 * are replaced on every run; the user's own rules on the same cells are never touched.
 */
export interface ConditionalFormatPlan {
  readonly column?: string;
  readonly range?: string;
  /** In priority order: the first that holds sets the cell's tone. */
  readonly rules: readonly ConditionalRule[];
}

/**
 * How the sheet prints: scaled to fit `fitTo` pages wide and tall, on this paper and orientation,
 * the `area` only (A1) when given. Hosts without a page setup API (Sheets) print as the user sets.
 */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paper: "A4" | "Letter";
  readonly fitTo: { readonly wide: number; readonly tall: number };
  readonly area?: string;
}

export interface SheetPlan {
  /** Which BuyIn sheet this is ("stakeholders", "stakeholder-map"): the ownership marker. */
  readonly kind: string;
  /** Preferred sheet name; another is chosen when a foreign sheet has it. */
  readonly title: string;
  /**
   * A sheet may hold a table and blocks together; the blocks' columns are BuyIn's, so they must
   * lie beside the table, never below it, and the user's own columns stay theirs.
   */
  readonly table?: TablePlan;
  readonly blocks?: readonly Block[];
  readonly names?: readonly NamePlan[];
  readonly charts?: readonly ChartPlan[];
  readonly conditionalFormats?: readonly ConditionalFormatPlan[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Page setup, set on every write as the plan's layout is (a sheet BuyIn owns outright). */
  readonly print?: PrintSetup;
}

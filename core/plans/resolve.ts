/**
 * What a port reads (WorkbookState, SheetState) and writes (ResolvedSheet) around the resolve
 * step (`resolveAll` in ./port), as plain data. Policy lives in core; ports only translate.
 */
import type { HostInput } from "./host-input";
import type { Cell, CellRole, ChartPlan, ConditionalRule, PrintSetup, Validation } from "./sheet-plan";

/** How a port wants its writes: each host pays for different things. */
export interface ResolveOptions {
  /**
   * For hosts where every run of deleted rows is a call of its own (Sheets): scattered retired
   * rows are replaced by a rewrite of BuyIn's rows and one deletion of the tail, where that moves
   * nothing of the user's. Takes precedence over `skipUnchanged`.
   */
  readonly compactRetiredRows?: boolean;
  /**
   * For hosts where a hole costs nothing and a write costs recalculation (the in-page engine;
   * Excel's payload): a cell that already holds exactly what BuyIn would write is a hole too.
   */
  readonly skipUnchanged?: boolean;
}

/** What a port keeps on a sheet BuyIn wrote (Excel: the buyin.markers setting; Sheets: developer metadata). */
export interface SheetMarker {
  readonly kind: string;
  /**
   * The id of the sheet the marker was written for. A copied sheet carries its original's
   * marker, so a marker whose id is not its sheet's own marks a copy: reported, never written.
   * The resolver sets it for sheets that exist; a port fills it in for a sheet it creates.
   */
  readonly sheetId?: string;
  /** A1 ranges, in plan coordinates, of the blocks written last time (cleared when a run writes fewer). */
  readonly blocks?: readonly string[];
  /** Fingerprints of the input-block cells BuyIn wrote last, by plan A1: an edited input is kept. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Cells (plan A1) a growing block found holding the user's data, and left to them. */
  readonly held?: readonly string[];
  /** Workbook names BuyIn created for this plan: the only names it ever changes or removes. */
  readonly names?: readonly string[];
  /**
   * Charts BuyIn created on this sheet, as the port identifies them (the resolver writes the
   * charts' titles; a port that has chart ids may store those instead). Only these are replaced.
   */
  readonly charts?: readonly string[];
  /**
   * The conditional-format rules BuyIn wrote on this sheet last time, each with its range: the
   * hosts give a rule no id, so these are how BuyIn knows its own (see isBuyInsRule).
   */
  readonly conditionalFormats?: readonly ResolvedConditionalFormat[];
}

/** One rule on one range, as BuyIn writes it and as a port reads a host's rule back. */
export interface ResolvedConditionalFormat {
  /** A1 on the target sheet, such as "N2:N40". */
  readonly range: string;
  readonly rule: ConditionalRule;
}

export interface WorkbookState {
  readonly sheets: readonly {
    readonly name: string;
    /** The host's stable sheet id (kept through renames); ports that have one give it. */
    readonly id?: string;
    readonly marker?: SheetMarker;
    readonly hidden?: boolean;
  }[];
}

/** A sheet's contents from A1 to its last used cell; dates as serial numbers. */
export interface SheetState {
  readonly values: readonly (readonly Cell[])[];
  /** Same shape as values: a cell's formula ("=…"), or null for a constant or a blank. */
  readonly formulas: readonly (readonly (string | null)[])[];
}

export interface Target {
  readonly name: string;
  /** The sheet does not exist yet. */
  readonly create: boolean;
  /** Set when the plan's title was taken by a sheet BuyIn must not touch. */
  readonly redirectedFrom?: string;
  readonly marker?: SheetMarker;
  /** The host's id of the sheet, when it exists and the port gave ids. */
  readonly id?: string;
  /** Sheets carrying a copy of this kind's marker: left alone, and reported. */
  readonly copies?: readonly string[];
  /** Found by its anchor name after its marker was lost. */
  readonly recovered?: boolean;
}

/**
 * One rectangle to write: cells as hosts take them (see HostInput). A `null` is a hole: the cell
 * BuyIn keeps as the user left it, which the port must not write at all (rewriting it from what
 * was read would undo the host's own adjustment of its references).
 */
export interface Write {
  readonly row: number;
  readonly column: number;
  readonly cells: (HostInput | null)[][];
}

/** Formatting for a column of a table or a block's rectangle. */
export interface Format {
  readonly range: string;
  readonly role?: CellRole;
  /** A background colour ("#RRGGBB") in place of the role's fill (Block.fill). */
  readonly fill?: string;
  readonly numberFormat?: string;
  readonly validation?: Validation;
  /** Width in characters, for the range's columns. */
  readonly width?: number;
  /** true hides the range's columns; false shows them again (the old state column, once migrated). */
  readonly hidden?: boolean;
}

export interface ResolvedName {
  readonly name: string;
  /** Reference with its sheet, such as 'Stakeholders'!$B$2:$B$40. */
  readonly reference: string;
}

/** A chart as planned: its ranges are already on the target sheet. */
export type ResolvedChart = ChartPlan;

/** Something BuyIn could not reconcile: it left the cell or row as it was and says so. */
export interface Conflict {
  readonly sheet: string;
  /** The cell, as A1 in the sheet after the write, when it is one cell. */
  readonly cell?: string;
  /** The row's key, for a table row. */
  readonly key?: string;
  /** The column's header, for a table column. */
  readonly column?: string;
  readonly message: string;
}

export interface ApplyReport {
  readonly sheet: string;
  readonly created: boolean;
  readonly redirectedFrom?: string;
  readonly rowsAdded: number;
  readonly rowsUpdated: number;
  readonly rowsRetired: number;
  /** Cells edited in the sheet since BuyIn wrote them, kept as the user left them. */
  readonly editsKept: number;
  readonly messages: readonly string[];
  /** Everything BuyIn could not reconcile; the panel shows them after a write. */
  readonly conflicts: readonly Conflict[];
}

/**
 * Everything a port writes for one sheet, in bulk, in this order: create the sheet → `clear` →
 * `insertRows` → `deleteRows` → `writes` (holes left as they are) → `formats` → `names` →
 * `removeCharts`, then `charts` → `removeConditionalFormats`, then `conditionalFormats` → `marker` (and `hidden`).
 */
export interface ResolvedSheet {
  readonly target: Target;
  /**
   * Ranges BuyIn wrote last time and no longer writes: to clear, in the sheet's current
   * coordinates, so first.
   */
  readonly clear: readonly string[];
  /**
   * Empty rows to insert, after `clear` and before `deleteRows`: `count` rows before row `at`
   * (the old row `at` becomes row `at + count`), each entry in the coordinates left by the ones
   * before it. The host shifts references and names, as a user's insertion would. Used to put
   * back a deleted header row.
   */
  readonly insertRows: readonly { readonly at: number; readonly count: number }[];
  /**
   * Rows to delete, 1-based in the sheet as it is after `insertRows`, bottom-most first; before
   * `writes`, which are in the sheet's final coordinates.
   */
  readonly deleteRows: readonly { readonly start: number; readonly count: number }[];
  readonly writes: readonly Write[];
  readonly formats: readonly Format[];
  readonly names: readonly ResolvedName[];
  /** Charts BuyIn created here earlier (ids or titles from the marker): delete these, and no other, before adding `charts`. */
  readonly removeCharts: readonly string[];
  readonly charts: readonly ResolvedChart[];
  /**
   * BuyIn's conditional-format rules from last time (the marker's): a port deletes the host's
   * rules that are these (isBuyInsRule), and no other, then adds `conditionalFormats`, after the
   * formats. Both are in the sheet's final coordinates.
   */
  readonly removeConditionalFormats?: readonly ResolvedConditionalFormat[];
  /** The plan's rules, one per range and rule, in priority order. */
  readonly conditionalFormats?: readonly ResolvedConditionalFormat[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print?: PrintSetup;
  /** The table's whole range, header row to last row (A1:…), for hosts that mark it as a table. */
  readonly tableRange?: string;
  /** BuyIn's hidden state sheet: Excel "VeryHidden", Sheets hideSheet(). */
  readonly hidden?: boolean;
  /** The marker to store on the sheet after writing (a port fills in `sheetId` for a sheet it created). */
  readonly marker: SheetMarker;
  readonly report: ApplyReport;
}

/**
 * The WorkbookPort contract: what every host port (Excel, Sheets, the in-page engine, .xlsx)
 * implements, and the one resolve step between its read and its write. A port reads the
 * workbook (`WorkbookSnapshot`, then the `SheetState` of each sheet `planTargets` names), core
 * decides everything (`resolveAll`: targets, markers, merging, kept edits), and the port writes
 * the `ResolvedWorkbook` in bulk. Policy lives here once; ports only translate.
 */

import { columnLetter, columnNumber, quoteSheet } from "./a1";
import { anchorName } from "./anchor";
import { textInput } from "./host-input";
import type {
  ApplyReport,
  ResolvedSheet,
  ResolveOptions,
  SheetState,
  Target,
  WorkbookState,
} from "./resolve";
import { resolvePlan } from "./resolve-plan";
import type { Cell, SheetPlan } from "./sheet-plan";
import {
  readStateSheet,
  STATE_KIND,
  STATE_SHEET_HEADER,
  STATE_TITLE,
  type StateMemory,
  stateSheetCells,
  type TableMemory,
} from "./state-sheet";
import { resolveTarget } from "./target";

/** A BuyIn table as read back: the header, and the data rows that hold anything. */
export interface TableSnapshot {
  readonly sheet: string;
  /** Row 1 of the table. */
  readonly header: readonly string[];
  /** Data rows from row 2 that hold anything, with their sheet row numbers; dates as serials. */
  readonly rows: readonly { readonly row: number; readonly values: readonly Cell[] }[];
  /**
   * The plan column id of each header position, as BuyIn last wrote or found it (state sheet),
   * undefined for the user's own columns: a parser reads by id, so a header the user renamed
   * ("Power" → "Power (1-5)") still reads. Ports that read the state sheet give it.
   */
  readonly ids?: readonly (string | undefined)[];
  /**
   * The workbook's locale as a BCP 47 tag ("en-GB"), when the host says: the panel shows dates
   * as the workbook does (Excel: Application.cultureInfo; Sheets: the spreadsheet's locale).
   */
  readonly locale?: string;
}

/** The column ids of a table's header positions (see TableSnapshot.ids), from the state sheet as read. */
export function tableColumnIds(
  kind: string,
  width: number,
  stateSheet: SheetState | undefined,
): (string | undefined)[] {
  const ids: (string | undefined)[] = new Array(width).fill(undefined);
  for (const [id, column] of readStateSheet(stateSheet)?.get(kind)?.columns ?? []) {
    const at = column.letter ? columnNumber(column.letter) : 0;
    if (at >= 1 && at <= width) ids[at - 1] = id;
  }
  return ids;
}

export interface WorkbookPort {
  /**
   * Writes every plan in one go (one Excel.run, one google.script.run round trip under one
   * lock): the workbook ends fully written, or in a state the next run completes. One report per
   * plan, in the plans' order. Never overwrites a sheet BuyIn does not own.
   */
  applyAll(plans: readonly SheetPlan[]): Promise<ApplyReport[]>;
  /** The table of the BuyIn sheet of this kind, or undefined when there is none. */
  readTable(kind: string): Promise<TableSnapshot | undefined>;
  /** The cells the user has selected in the host, for importing rows; hosts without a selection omit it. */
  readSelection?(): Promise<Cell[][]>;
}

/** What a port reads first: the sheets with their ids, markers and visibility, and the workbook's names. */
export interface WorkbookSnapshot extends WorkbookState {
  /** Workbook-level names and their references ("'Stakeholders'!$B$2:$B$40"), when the port reads them. */
  readonly names?: Readonly<Record<string, string>>;
}

/** Everything a port writes for a set of plans, in order. */
export interface ResolvedWorkbook {
  /** One per plan, in the plans' order, then BuyIn's hidden state sheet (`hidden`), last. */
  readonly sheets: readonly ResolvedSheet[];
  /** Workbook names BuyIn created earlier and no longer uses: to delete, after every sheet's names are set. */
  readonly removeNames: readonly string[];
  /** One per plan, in the plans' order (none for the state sheet). */
  readonly reports: readonly ApplyReport[];
}

/**
 * Where each plan goes, in order, as `resolveAll` will decide, then where the state sheet is: a
 * port reads the `SheetState` of each target that exists (`create` false) before resolving.
 */
export function planTargets(plans: readonly SheetPlan[], workbook: WorkbookSnapshot): Target[] {
  const sheets = [...workbook.sheets];
  return [...plans, { kind: STATE_KIND, title: STATE_TITLE }].map((plan) => {
    const target = resolveTarget(plan, { sheets, ...(workbook.names ? { names: workbook.names } : {}) });
    // A sheet an earlier plan creates is taken for later plans, and carries its kind.
    if (target.create) sheets.push({ name: target.name, marker: { kind: plan.kind } });
    return target;
  });
}

/**
 * Resolves every plan against the workbook as read: `states` holds the contents of each existing
 * target sheet, by sheet name, the state sheet's included. Pure: the same snapshot and states give
 * the same writes. The state sheet is resolved last, as a sheet of its own: what BuyIn wrote in
 * every table, by kind and key.
 */
export function resolveAll(
  plans: readonly SheetPlan[],
  workbook: WorkbookSnapshot,
  states: ReadonlyMap<string, SheetState>,
  options: ResolveOptions = {},
): ResolvedWorkbook {
  const targets = planTargets(plans, workbook);
  const stateTarget = targets[plans.length] as Target;
  const stateRead = stateTarget.create ? undefined : states.get(stateTarget.name);
  const remembered = readStateSheet(stateRead);
  const memory = new Map<string, TableMemory>(remembered ?? []);
  const removeNames = new Set<string>();
  const setNames = new Set<string>();
  const sheets = plans.map((plan, index) => {
    const target = targets[index] as Target;
    const resolution = resolvePlan(
      plan,
      target,
      target.create ? undefined : states.get(target.name),
      remembered?.get(plan.kind),
      workbook.names,
      options,
    );
    if (resolution.memory) memory.set(plan.kind, resolution.memory);
    for (const name of resolution.retiredNames) removeNames.add(name);
    for (const name of resolution.sheet.names) setNames.add(name.name.toLowerCase());
    return resolution.sheet;
  });
  return {
    sheets: [...sheets, stateSheet(stateTarget, stateRead, memory, options)],
    removeNames: [...removeNames].filter((name) => !setNames.has(name.toLowerCase())),
    reports: sheets.map((sheet) => sheet.report),
  };
}

/** The state sheet rewritten whole from the memory, rows left over from last time cleared. */
function stateSheet(
  target: Target,
  read: SheetState | undefined,
  memory: StateMemory,
  options: ResolveOptions,
): ResolvedSheet {
  const cells = stateSheetCells(memory);
  const unchanged = (row: number, column: number, cell: string) => {
    const now = read?.values[row]?.[column];
    return (
      options.skipUnchanged === true &&
      read !== undefined &&
      (now === null || now === undefined ? "" : String(now)) === cell
    );
  };
  const before = read?.values.length ?? 0;
  const last = columnLetter(STATE_SHEET_HEADER.length);
  return {
    target,
    clear: before > cells.length ? [`A${cells.length + 1}:${last}${before}`] : [],
    insertRows: [],
    deleteRows: [],
    writes: [
      {
        row: 1,
        column: 1,
        cells: cells.map((row, r) => row.map((cell, c) => (unchanged(r, c, cell) ? null : textInput(cell)))),
      },
    ],
    formats: [],
    // Its anchor name finds it again if its marker is lost.
    names: [{ name: anchorName(STATE_KIND), reference: `${quoteSheet(target.name)}!$A$1` }],
    removeCharts: [],
    charts: [],
    hidden: true,
    marker: { kind: STATE_KIND, ...(target.id !== undefined ? { sheetId: target.id } : {}) },
    report: {
      sheet: target.name,
      created: target.create,
      rowsAdded: 0,
      rowsUpdated: 0,
      rowsRetired: 0,
      editsKept: 0,
      messages: [],
      conflicts: [],
    },
  };
}

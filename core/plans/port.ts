/**
 * The WorkbookPort contract: what every host port (Excel, Sheets, the in-page engine, .xlsx)
 * implements, and the one resolve step between its read and its write. A port reads the
 * workbook (`WorkbookSnapshot`, then the `SheetState` of each sheet `planTargets` names), core
 * decides everything (`resolveAll`: targets, markers, merging, kept edits), and the port writes
 * the `ResolvedWorkbook` in bulk. Policy lives here once; ports only translate.
 */

import {
  type ApplyReport,
  type ResolvedSheet,
  resolveSheet,
  resolveTarget,
  type SheetState,
  type Target,
  type WorkbookState,
} from "./resolve";
import type { Cell, SheetPlan } from "./sheet-plan";

/** A BuyIn table as read back: the header, and the data rows that hold anything. */
export interface TableSnapshot {
  readonly sheet: string;
  /** Row 1 of the table. */
  readonly header: readonly string[];
  /** Data rows from row 2 that hold anything, with their sheet row numbers; dates as serials. */
  readonly rows: readonly { readonly row: number; readonly values: readonly Cell[] }[];
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

/** What a port reads first: the sheets with their markers, and the workbook's names. */
export interface WorkbookSnapshot extends WorkbookState {
  /** Workbook-level names and their references ("'Stakeholders'!$B$2:$B$40"), when the port reads them. */
  readonly names?: Readonly<Record<string, string>>;
}

/** Everything a port writes for a set of plans, in order. */
export interface ResolvedWorkbook {
  /** One per plan, in the plans' order, each on its own sheet. */
  readonly sheets: readonly ResolvedSheet[];
  /** Workbook names BuyIn created earlier and no longer uses: to delete. */
  readonly removeNames: readonly string[];
  readonly reports: readonly ApplyReport[];
}

/**
 * Where each plan goes, in order, as `resolveAll` will decide: a port reads the `SheetState` of
 * each target that exists (`create` false) before resolving.
 */
export function planTargets(plans: readonly SheetPlan[], workbook: WorkbookSnapshot): Target[] {
  const sheets = [...workbook.sheets];
  return plans.map((plan) => {
    const target = resolveTarget(plan, { sheets });
    // A sheet an earlier plan creates is taken for later plans, and carries its kind.
    if (target.create) sheets.push({ name: target.name, marker: { kind: plan.kind } });
    return target;
  });
}

/**
 * Resolves every plan against the workbook as read: `states` holds the contents of each existing
 * target sheet, by sheet name. Pure: the same snapshot and states give the same writes.
 */
export function resolveAll(
  plans: readonly SheetPlan[],
  workbook: WorkbookSnapshot,
  states: ReadonlyMap<string, SheetState>,
): ResolvedWorkbook {
  const targets = planTargets(plans, workbook);
  const sheets = plans.map((plan, index) => {
    const target = targets[index] as Target;
    return resolveSheet(plan, target, target.create ? undefined : states.get(target.name));
  });
  return { sheets, removeNames: [], reports: sheets.map((sheet) => sheet.report) };
}

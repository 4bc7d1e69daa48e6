import { columnLetter, parseCell, quoteSheet } from "./a1";
import { anchorName, parseCellReference } from "./anchor";
import { placeChart, resolveConditionalFormats } from "./conditional-formats";
import { resolveNames } from "./ownership";
import type { Conflict, ResolvedSheet, ResolveOptions, SheetState, Target } from "./resolve";
import { blockColumns, type Offset, resolveBlocks, shiftRange } from "./resolve-blocks";
import { resolveTable } from "./resolve-table";
import type { SheetPlan } from "./sheet-plan";
import type { TableMemory } from "./state-sheet";

/** Hosts take a drop-down list as one comma-separated string; "=" would make it a reference. */
function checkLists(plan: SheetPlan): void {
  for (const column of plan.table?.columns ?? [])
    if (column.validation?.list?.some((item) => item.includes(",") || item.startsWith("=")))
      throw new Error(`list of column ${column.id} has an item with a comma or a leading "="`);
}

/** Where the plan's anchor cell is in plan coordinates: its first block's top-left, else the table's A1. */
function anchorCell(plan: SheetPlan): { row: number; column: number } {
  const first = plan.blocks?.[0];
  return first ? parseCell(first.at) : { row: 1, column: 1 };
}

/**
 * How far the user moved the plan: its anchor name's cell as read, against where the plan puts
 * it. Tables stay at A1 (a deleted header row is put back instead).
 */
function planOffset(
  plan: SheetPlan,
  target: Target,
  names: Readonly<Record<string, string>> | undefined,
): Offset {
  if (target.create || plan.table || !names) return { rows: 0, columns: 0 };
  const reference = names[anchorName(plan.kind)];
  const now = reference === undefined ? undefined : parseCellReference(reference);
  if (!now || now.sheet !== target.name) return { rows: 0, columns: 0 };
  const planned = anchorCell(plan);
  return { rows: now.row - planned.row, columns: now.column - planned.column };
}

export interface PlanResolution {
  readonly sheet: ResolvedSheet;
  /** The table's memory to keep in the state sheet, when the plan has a table. */
  readonly memory?: TableMemory;
  /** Names BuyIn created for this plan before and no longer sets. */
  readonly retiredNames: readonly string[];
}

/**
 * Resolves one plan against its target sheet as read, in named steps: where the plan stands
 * (offset), its table (rows by key, columns by id, kept cells as holes), its blocks, the
 * ownership of its names and charts, and the report.
 */
export function resolvePlan(
  plan: SheetPlan,
  target: Target,
  state: SheetState | undefined,
  memory: TableMemory | undefined,
  workbookNames: Readonly<Record<string, string>> | undefined,
  options: ResolveOptions = {},
): PlanResolution {
  checkLists(plan);
  const messages: string[] = [];
  const conflicts: Conflict[] = [];
  if (target.redirectedFrom)
    messages.push(
      `A sheet named "${target.redirectedFrom}" already holds data BuyIn did not write, so BuyIn wrote to "${target.name}" instead.`,
    );
  if (target.recovered)
    messages.push(
      `Found "${target.name}" by its name ${anchorName(plan.kind)}: its BuyIn marker was lost, and BuyIn marked it again.`,
    );
  for (const copy of target.copies ?? [])
    conflicts.push({
      sheet: copy,
      message: `"${copy}" is a copy of BuyIn's sheet; BuyIn wrote to "${target.name}" and left the copy as it is.`,
    });
  const offset = planOffset(plan, target, workbookNames);
  const table = plan.table
    ? resolveTable(
        plan,
        plan.table,
        target.name,
        state,
        memory,
        blockColumns(plan, target.marker, offset),
        options,
      )
    : undefined;
  const blocks = resolveBlocks(plan, target.name, target.marker, state, offset, options);
  const anchor = anchorCell(plan);
  const names = resolveNames(
    plan.names ?? [],
    [
      ...(table?.names ?? []),
      ...blocks.names,
      {
        name: anchorName(plan.kind),
        reference: `${quoteSheet(target.name)}!$${columnLetter(anchor.column + offset.columns)}$${anchor.row + offset.rows}`,
      },
    ],
    target,
    workbookNames,
  );
  const charts = blocks.charts.flatMap((chart) => placeChart(chart, table) ?? []);
  const conditionalFormats = resolveConditionalFormats(plan, table, (range) => shiftRange(range, offset));
  // A sheet BuyIn is about to create holds no rule of BuyIn's. A marker without a record of
  // rules (written before rules were, or by a run cut off before its last marker): rules exactly
  // as the plan's, on the same cells, are BuyIn's, as charts with the plan's titles are.
  const removeConditionalFormats = target.create
    ? []
    : (target.marker?.conditionalFormats ?? (target.marker ? conditionalFormats : []));
  // A marker from before charts were recorded: its charts with the plan's titles are BuyIn's.
  const removeCharts = target.marker?.charts ?? (target.marker ? charts.map((chart) => chart.title) : []);
  return {
    sheet: {
      target,
      clear: [...(table?.clear ?? []), ...blocks.clear],
      insertRows: table?.insertRows ?? [],
      deleteRows: table?.deleteRows ?? [],
      writes: [...(table?.writes ?? []), ...blocks.writes],
      formats: [...(table?.formats ?? []), ...blocks.formats],
      names: names.names,
      removeCharts,
      charts,
      ...(removeConditionalFormats.length > 0 ? { removeConditionalFormats } : {}),
      ...(conditionalFormats.length > 0 ? { conditionalFormats } : {}),
      // Blocks beside a table would fall inside its range: such a sheet gets no host table.
      ...(table && (plan.blocks ?? []).length === 0 ? { tableRange: table.range } : {}),
      ...(plan.freeze ? { freeze: plan.freeze } : {}),
      ...(plan.print ? { print: plan.print } : {}),
      marker: {
        kind: plan.kind,
        ...(target.id !== undefined ? { sheetId: target.id } : {}),
        ...blocks.marker,
        names: names.owned,
        charts: charts.map((chart) => chart.title),
        ...(conditionalFormats.length > 0 ? { conditionalFormats } : {}),
      },
      report: {
        sheet: target.name,
        created: target.create,
        ...(target.redirectedFrom ? { redirectedFrom: target.redirectedFrom } : {}),
        rowsAdded: table?.rowsAdded ?? 0,
        rowsUpdated: table?.rowsUpdated ?? 0,
        rowsRetired: table?.rowsRetired ?? 0,
        editsKept: (table?.editsKept ?? 0) + blocks.editsKept,
        messages: [...messages, ...(table?.messages ?? []), ...blocks.messages, ...names.messages],
        conflicts: [...conflicts, ...(table?.conflicts ?? []), ...blocks.conflicts, ...names.conflicts],
      },
    },
    ...(table ? { memory: table.memory } : {}),
    retiredNames: names.retired,
  };
}

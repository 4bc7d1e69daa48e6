import { cellA1, parseCell, parseRange, quoteSheet, rangeA1, rangesHold } from "./a1";
import { contentFingerprint } from "./fingerprint";
import { cellInput, formulaInput, type HostInput } from "./host-input";
import type {
  Conflict,
  Format,
  ResolvedChart,
  ResolvedName,
  ResolveOptions,
  SheetMarker,
  SheetState,
  Write,
} from "./resolve";
import type { Block, Cell, SheetPlan } from "./sheet-plan";
import { shiftFormula } from "./shift-formula";

/** How far the user moved the whole plan (rows or columns inserted above or left of it). */
export interface Offset {
  readonly rows: number;
  readonly columns: number;
}

export interface BlocksResolution {
  readonly writes: readonly Write[];
  readonly formats: readonly Format[];
  /** Blocks of last time no longer written, in the sheet's coordinates. */
  readonly clear: readonly string[];
  readonly names: readonly ResolvedName[];
  readonly charts: readonly ResolvedChart[];
  /** The marker's block record: ranges and input prints in plan coordinates, cells left to the user. */
  readonly marker: Pick<SheetMarker, "blocks" | "inputs" | "held">;
  readonly editsKept: number;
  readonly messages: readonly string[];
  readonly conflicts: readonly Conflict[];
}

function blockSize(block: Block): { rows: number; columns: number } {
  return { rows: block.values.length, columns: Math.max(0, ...block.values.map((values) => values.length)) };
}

/** Whether a cell as read holds the value the panel read: blanks alike, numbers by value, text exactly. */
function sameValue(current: Cell, read: Cell): boolean {
  const blank = (cell: Cell) => cell === null || cell === "";
  return blank(current) ? blank(read) : current === read;
}

/** A cell's value in a message: text quoted, a blank said so. */
function shown(cell: Cell): string {
  if (cell === null || cell === "") return "a blank";
  return typeof cell === "string" ? `"${cell}"` : String(cell);
}

/** A plan range ("B2", "B2:D9") moved by an offset. */
export function shiftRange(range: string, offset: Offset): string {
  const { row, column, rows, columns } = parseRange(range);
  return rangeA1(row + offset.rows, column + offset.columns, rows, columns);
}

/** Columns BuyIn's blocks cover, now or last time, in the sheet: BuyIn's, so never taken for the user's own. */
export function blockColumns(plan: SheetPlan, marker: SheetMarker | undefined, offset: Offset): Set<number> {
  const columns = new Set<number>();
  const spans = [
    ...(marker?.blocks ?? []).map((range) => parseRange(range)),
    ...(plan.blocks ?? []).map((block) => ({
      column: parseCell(block.at).column,
      columns: blockSize(block).columns,
    })),
  ];
  for (const { column, columns: width } of spans)
    for (let index = 0; index < width; index++) columns.add(column + offset.columns + index);
  return columns;
}

/**
 * Resolves a plan's blocks: BuyIn's own rectangles, laid out in plan coordinates and written
 * where the plan now stands (`offset`, from its anchor name), formulas moved with them. Input
 * cells the user changed stay changed. A block that grows never takes a cell that holds data
 * BuyIn did not write: that cell is a hole, and the report names it.
 */
export function resolveBlocks(
  plan: SheetPlan,
  sheetName: string,
  marker: SheetMarker | undefined,
  state: SheetState | undefined,
  offset: Offset,
  options: ResolveOptions = {},
): BlocksResolution {
  const writes: Write[] = [];
  const formats: Format[] = [];
  const conflicts: Conflict[] = [];
  const blockRanges: string[] = [];
  const inputs: Record<string, string> = {};
  const previous = (marker?.blocks ?? []).map((range) => parseRange(range));
  const wasHeld = new Set(marker?.held ?? []);
  const held: string[] = [];
  const inPrevious = (row: number, column: number) => rangesHold(previous, row, column);
  // On a sheet BuyIn wrote before, a block cell outside last time's blocks was never BuyIn's.
  const guarded = Boolean(marker && state);
  const planned = new Set(
    (plan.blocks ?? []).map((block) =>
      rangeA1(
        parseCell(block.at).row,
        parseCell(block.at).column,
        blockSize(block).rows,
        blockSize(block).columns,
      ),
    ),
  );
  // Last time's blocks that are gone are cleared first, so their cells cannot be left as they are.
  const cleared = previous.filter((_, index) => !planned.has((marker?.blocks ?? [])[index] as string));
  const inCleared = (row: number, column: number) => rangesHold(cleared, row, column);
  const skipUnchanged = options.skipUnchanged === true && state !== undefined;
  let editsKept = 0;
  for (const block of plan.blocks ?? []) {
    const { row: planRow, column: planColumn } = parseCell(block.at);
    const { rows, columns } = blockSize(block);
    if (rows === 0 || columns === 0) continue;
    const row = planRow + offset.rows;
    const column = planColumn + offset.columns;
    const cells = block.values.map((values, r) =>
      Array.from({ length: columns }, (_, c): HostInput | null => {
        const formula = block.formulas?.[r]?.[c];
        const shifted = formula ? formulaInput(shiftFormula(formula, offset.rows, offset.columns)) : null;
        const planned: HostInput = shifted ?? cellInput(values[c] ?? null);
        const planAddress = cellA1(planRow + r, planColumn + c);
        const currentValue = state?.values[row + r - 1]?.[column + c - 1] ?? null;
        const currentFormula = state?.formulas[row + r - 1]?.[column + c - 1] ?? null;
        if (
          guarded &&
          (wasHeld.has(planAddress) || !inPrevious(planRow + r, planColumn + c)) &&
          contentFingerprint(currentValue, currentFormula) !== ""
        ) {
          held.push(planAddress);
          conflicts.push({
            sheet: sheetName,
            cell: cellA1(row + r, column + c),
            message: `BuyIn's block would grow into ${cellA1(row + r, column + c)}, which holds your data; it left the cell as it is. Move your data to let the block through.`,
          });
          return null;
        }
        const unchanged = () =>
          skipUnchanged &&
          // The same text first: hosts mostly hand BuyIn's formulas back as written.
          ((shifted !== null && currentFormula === shifted) ||
            contentFingerprint(currentValue, currentFormula) ===
              contentFingerprint(formula ? null : (values[c] ?? null), shifted)) &&
          !inCleared(planRow + r, planColumn + c);
        if (block.role !== "input") return unchanged() ? null : planned;
        const base = marker?.inputs?.[planAddress];
        const readAs = block.changedFrom?.[r]?.[c];
        if (readAs !== undefined && state) {
          // A deliberate change from the panel: written only over the value the panel read.
          // Already what the panel wants (a retry, or the user typed it): BuyIn's value from now on.
          const wanted = !formula && sameValue(currentValue, values[c] ?? null);
          if (wanted || sameValue(currentValue, readAs)) {
            inputs[planAddress] = contentFingerprint(formula ? null : (values[c] ?? null), shifted);
            return planned;
          }
          if (base !== undefined) inputs[planAddress] = base;
          conflicts.push({
            sheet: sheetName,
            cell: cellA1(row + r, column + c),
            message: `Left ${cellA1(row + r, column + c)} as it is: it holds ${shown(currentValue)}, not the ${shown(readAs)} the panel read, so the change to ${shown(values[c] ?? null)} was not written. Refresh and change it again if you still want to.`,
          });
          return null;
        }
        // Assumptions the user changed stay changed: BuyIn rewrites an input cell only while
        // it still holds what BuyIn wrote there last time.
        const plannedPrint = contentFingerprint(formula ? null : (values[c] ?? null), shifted);
        const current = contentFingerprint(currentValue, currentFormula);
        if (state && base !== undefined && current !== base && current !== "" && current !== plannedPrint) {
          inputs[planAddress] = base;
          editsKept++;
          return null;
        }
        // No marker on a sheet that exists (it was lost): BuyIn cannot tell what it wrote, so a
        // setting that differs from the plan is kept as the user's, and reported.
        if (state && !marker && current !== "" && current !== plannedPrint) {
          inputs[planAddress] = plannedPrint;
          editsKept++;
          conflicts.push({
            sheet: sheetName,
            cell: cellA1(row + r, column + c),
            message: `Kept ${cellA1(row + r, column + c)} as it is: BuyIn has no record of writing it (its marker was lost), and it differs from the panel's value.`,
          });
          return null;
        }
        inputs[planAddress] = plannedPrint;
        return unchanged() ? null : planned;
      }),
    );
    writes.push({ row, column, cells });
    blockRanges.push(rangeA1(planRow, planColumn, rows, columns));
    const range = rangeA1(row, column, rows, columns);
    if (block.role || block.fill)
      formats.push({
        range,
        ...(block.role ? { role: block.role } : {}),
        ...(block.fill ? { fill: block.fill } : {}),
      });
    for (const [c, width] of (block.widths ?? []).entries())
      formats.push({ range: rangeA1(row, column + c, rows, 1), width });
    for (const [r, formatsRow] of (block.numberFormats ?? []).entries())
      for (const [c, numberFormat] of formatsRow.entries())
        if (numberFormat) formats.push({ range: cellA1(row + r, column + c), numberFormat });
  }
  const messages: string[] = [];
  if (editsKept > 0)
    messages.push(`Kept ${editsKept} setting${editsKept === 1 ? "" : "s"} you changed in the sheet.`);
  // Last time's blocks that are gone are cleared, except cells the user holds.
  const clear: string[] = [];
  for (const range of marker?.blocks ?? []) {
    if (blockRanges.includes(range)) continue;
    const { row, column, rows, columns } = parseRange(range);
    const heldHere = [...wasHeld].filter((address) => {
      const cell = parseCell(address);
      return (
        cell.row >= row && cell.row < row + rows && cell.column >= column && cell.column < column + columns
      );
    });
    if (heldHere.length === 0) clear.push(shiftRange(range, offset));
    else
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++)
          if (!wasHeld.has(cellA1(row + r, column + c)))
            clear.push(cellA1(row + r + offset.rows, column + c + offset.columns));
  }
  const names: ResolvedName[] = [];
  for (const name of plan.names ?? []) {
    if (!name.at) continue;
    const absolute = shiftRange(name.at, offset).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    names.push({ name: name.name, reference: `${quoteSheet(sheetName)}!${absolute}` });
  }
  // Unmoved plans (every plan with a table) keep their ranges as written: placeChart resolves
  // the ones that name table cells by identity.
  const moved = offset.rows !== 0 || offset.columns !== 0;
  const charts = (plan.charts ?? []).map((chart) =>
    moved
      ? {
          ...chart,
          x: shiftRange(chart.x, offset),
          y: shiftRange(chart.y, offset),
          ...(chart.labels ? { labels: shiftRange(chart.labels, offset) } : {}),
          anchor: shiftRange(chart.anchor, offset),
          ...(chart.series
            ? { series: chart.series.map((each) => ({ ...each, values: shiftRange(each.values, offset) })) }
            : {}),
        }
      : chart,
  );
  return {
    writes,
    formats,
    clear,
    names,
    charts,
    marker: {
      ...(blockRanges.length > 0 ? { blocks: blockRanges } : {}),
      ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
      ...(held.length > 0 ? { held } : {}),
    },
    editsKept,
    messages,
    conflicts,
  };
}

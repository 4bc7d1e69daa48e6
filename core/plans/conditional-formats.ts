import { columnLetter, parseRange, rangeA1 } from "./a1";
import type { ResolvedConditionalFormat } from "./resolve";
import type { ChartPlan, ConditionalRule, SheetPlan } from "./sheet-plan";

/** Where a plan's table now stands, for ranges named by identity (see ChartSeries). */
export interface TablePlace {
  readonly columnsAt: ReadonlyMap<string, number>;
  readonly rowsAt: ReadonlyMap<string, number>;
  readonly dataRows: { readonly first: number; readonly count: number };
}

/**
 * The plan's conditional formats on the target sheet, one entry per range and rule in priority
 * order: a table column's rules span its data rows as they are after this run (none while the
 * table has no rows); a fixed range is moved as the plan's blocks are (`shift`).
 */
export function resolveConditionalFormats(
  plan: SheetPlan,
  table: TablePlace | undefined,
  shift: (range: string) => string,
): ResolvedConditionalFormat[] {
  const resolved: ResolvedConditionalFormat[] = [];
  for (const format of plan.conditionalFormats ?? []) {
    let range: string | undefined;
    if (format.column !== undefined) {
      const at = table?.columnsAt.get(format.column);
      if (at === undefined) throw new Error(`conditional format refers to unknown column ${format.column}`);
      const rows = table?.dataRows;
      if (rows && rows.count > 0) range = rangeA1(rows.first, at, rows.count, 1);
    } else if (format.range !== undefined) range = shift(format.range);
    else throw new Error("a conditional format needs a column or a range");
    if (range) for (const rule of format.rules) resolved.push({ range, rule });
  }
  return resolved;
}

function sameRule(a: ConditionalRule, b: ConditionalRule): boolean {
  const text = (value: string | number) => (typeof value === "string" ? value.toLowerCase() : String(value));
  return a.when === b.when && a.tone === b.tone && text(a.value) === text(b.value);
}

/**
 * Whether a rule read from a host is one BuyIn wrote: the same condition and tone as a recorded
 * one, on the same range, or on a range the host stretched or shrank since (rows inserted or
 * deleted inside it: the same first cell and columns, another last row). Hosts give a rule no
 * id; a rule of the user's differs in its condition, its colours or where it starts, and is
 * never taken for BuyIn's.
 */
export function isBuyInsRule(
  found: ResolvedConditionalFormat,
  recorded: readonly ResolvedConditionalFormat[],
): boolean {
  const area = parseRange(found.range);
  return recorded.some((mine) => {
    if (!sameRule(found.rule, mine.rule)) return false;
    const was = parseRange(mine.range);
    return area.row === was.row && area.column === was.column && area.columns === was.columns;
  });
}

/** A range template with `{col:id}` and `{row:KEY}` placed on the table; undefined for a key not in it. */
function place(template: string, table: TablePlace): string | undefined {
  let missing = false;
  const placed = template
    .replace(/\{col:([^}]+)\}/g, (_, id: string) => {
      const at = table.columnsAt.get(id);
      if (at === undefined) throw new Error(`chart range refers to unknown column ${id}`);
      return columnLetter(at);
    })
    .replace(/\{row:([^}]+)\}/g, (_, key: string) => {
      const at = table.rowsAt.get(key);
      if (at === undefined) missing = true;
      return String(at ?? 0);
    });
  return missing ? undefined : placed;
}

/**
 * A chart's ranges placed on the plan's table (see ChartSeries): a series whose row is not in
 * the table is left out, and a chart left with no series is not drawn.
 */
export function placeChart(chart: ChartPlan, table: TablePlace | undefined): ChartPlan | undefined {
  if (!table) return chart;
  const x = place(chart.x, table);
  const anchor = place(chart.anchor, table);
  if (x === undefined || anchor === undefined) return undefined;
  if (!chart.series) {
    const y = place(chart.y, table);
    return y === undefined ? undefined : { ...chart, x, y, anchor };
  }
  const series = chart.series.flatMap((each) => {
    const values = place(each.values, table);
    return values === undefined ? [] : [{ name: each.name, values }];
  });
  const first = series[0];
  return first ? { ...chart, x, y: first.values, anchor, series } : undefined;
}

/**
 * Actuals entered in bulk on the KPIs screen: a block pasted from Excel or Sheets, or a range
 * selected in the workbook, read into changes to the panel's KPI drafts. The first column names
 * each KPI (its id or its name); the other columns are periods, named by a header row, or, without
 * one, every period in order or the one period chosen. Each cell is checked: numbers only, blanks
 * skipped. Nothing changes until the preview is applied, and nothing is written until Write KPIs.
 */
import type { Cell } from "../../core/index";
import { actualField } from "../../core/model/kpi";
import type { KpiDraft } from "./kpi-model";

/** One actual the block sets: `before` is the draft's text ("" when the period was blank). */
export interface ActualChange {
  readonly uid: string;
  readonly kpiId: string;
  readonly kpi: string;
  /** 0 is the first period. */
  readonly period: number;
  readonly before: string;
  readonly after: number;
}

export interface ActualsImport {
  /** The actuals that differ from the drafts', in the block's order. */
  readonly changes: readonly ActualChange[];
  /** Cells equal to what the drafts hold already. */
  readonly unchanged: number;
  /** First-column texts that name no KPI of the tracker. */
  readonly unknownKpis: readonly string[];
  /** Header texts that name no period of the tracker (their columns are left out). */
  readonly unknownPeriods: readonly string[];
  /** Cells left out, as sentences: text where a number should be, a KPI listed twice. */
  readonly problems: readonly string[];
  /** How the columns were read: by their header, one per period in order, or the chosen period. */
  readonly layout: "header" | "every period" | "one period";
}

/** Why a block cannot be read at all. */
export interface UnreadableBlock {
  readonly unreadable: string;
}

const normal = (text: string) => text.trim().toLowerCase();
const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || String(cell).trim() === "";
const shown = (cell: Cell | undefined) => {
  const text = String(cell ?? "").trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** A decimal as Excel and Sheets copy it in English: 12, -0.5, .5, 1e3, 1,234.5, with "%" for a share. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A cell as an actual: a finite number, undefined for a blank, or "not a number". Text is what a
 * pasted cell shows, so "58%" is 0.58 and "1,234" is 1234; a space between thousands is allowed.
 */
export function actualValue(cell: Cell | undefined): number | undefined | "not a number" {
  if (isBlank(cell)) return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "not a number";
  if (typeof cell !== "string") return "not a number";
  let text = cell.trim().replace(/[\s\u00a0\u202f]/g, "");
  const share = text.endsWith("%");
  if (share) text = text.slice(0, -1);
  if (GROUPED.test(text)) text = text.replace(/,/g, "");
  if (!DECIMAL.test(text)) return "not a number";
  const value = Number(text);
  if (!Number.isFinite(value)) return "not a number";
  // 14.3% is 0.143, not 0.14300000000000002.
  return share ? Number((value / 100).toPrecision(15)) : value;
}

/** The KPI a first-column text names: its id, else its name when only one KPI has it. */
function kpiFinder(drafts: readonly KpiDraft[]) {
  const byId = new Map<string, KpiDraft>();
  const byName = new Map<string, KpiDraft[]>();
  for (const draft of drafts) {
    const id = normal(draft.values.id ?? "");
    if (id && !byId.has(id)) byId.set(id, draft);
    const name = normal(draft.values.kpi ?? "");
    if (name) byName.set(name, [...(byName.get(name) ?? []), draft]);
  }
  return (text: string): KpiDraft | "ambiguous" | undefined => {
    const found = byId.get(normal(text));
    if (found) return found;
    const named = byName.get(normal(text)) ?? [];
    return named.length > 1 ? "ambiguous" : named[0];
  };
}

/** The period to fill by default: the one after the latest with any actual, or the last. */
export function defaultPeriod(drafts: readonly KpiDraft[], periods: number): number {
  let latest = -1;
  for (const draft of drafts)
    for (let index = 0; index < periods; index++)
      if ((draft.values[actualField(index)] ?? "").trim() !== "") latest = Math.max(latest, index);
  return Math.min(latest + 1, periods - 1);
}

/**
 * Reads a block of cells (pasted or selected) into changes to the drafts' actuals. `period` is the
 * period a block with a single value column fills (0 is the first).
 */
export function actualsFromCells(
  cells: readonly (readonly Cell[])[],
  drafts: readonly KpiDraft[],
  periods: readonly string[],
  period: number,
): ActualsImport | UnreadableBlock {
  const rows = cells.filter((row) => row.some((cell) => !isBlank(cell)));
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (rows.length === 0 || width < 2)
    return {
      unreadable:
        "Copy the KPIs with their actuals: the KPIs' ids or names in the first column, then one column per period.",
    };
  const find = kpiFinder(drafts);
  const periodOf = new Map(periods.map((header, index) => [normal(header), index]));
  const [first = []] = rows;
  const values = first.slice(1);
  const isHeader =
    find(String(first[0] ?? "")) === undefined &&
    (values.some((cell) => periodOf.has(normal(String(cell ?? "")))) ||
      values.every((cell) => typeof actualValue(cell) !== "number"));

  // The period of each value column (its index in the row), undefined for a column left out.
  const columns: (number | undefined)[] = [];
  const unknownPeriods: string[] = [];
  let layout: ActualsImport["layout"];
  if (isHeader) {
    layout = "header";
    const named = values.filter((cell) => !isBlank(cell));
    for (const cell of values) {
      const at = periodOf.get(normal(String(cell ?? "")));
      if (at !== undefined) columns.push(at);
      else if (named.length === 1 && !isBlank(cell)) {
        // One value column under a header that names no period ("Actual"): the period chosen.
        layout = "one period";
        columns.push(period);
      } else {
        columns.push(undefined);
        if (!isBlank(cell)) unknownPeriods.push(shown(cell));
      }
    }
  } else if (width === 2) {
    layout = "one period";
    columns.push(period);
  } else if (width - 1 === periods.length) {
    layout = "every period";
    columns.push(...periods.map((_, index) => index));
  } else {
    return {
      unreadable: `The block has ${width - 1} columns of values and the tracker ${periods.length} periods: copy the header row naming the periods with it, or one column for the period chosen.`,
    };
  }

  const changes: ActualChange[] = [];
  const unknownKpis: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const row of isHeader ? rows.slice(1) : rows) {
    const label = String(row[0] ?? "").trim();
    if (label === "") {
      if (row.slice(1).some((cell) => !isBlank(cell)))
        problems.push(`A row without a KPI in the first column was left out.`);
      continue;
    }
    const draft = find(label);
    if (draft === "ambiguous") {
      problems.push(`“${shown(label)}” names more than one KPI: use their ids.`);
      continue;
    }
    if (!draft) {
      if (!unknownKpis.includes(shown(label))) unknownKpis.push(shown(label));
      continue;
    }
    const name = draft.values.kpi?.trim() || draft.values.id || "";
    if (seen.has(draft.uid)) {
      problems.push(`${name} is listed twice: its second row was left out.`);
      continue;
    }
    seen.add(draft.uid);
    columns.forEach((at, index) => {
      if (at === undefined) return;
      const cell = row[index + 1];
      const value = actualValue(cell);
      if (value === undefined) return;
      if (value === "not a number") {
        problems.push(`${name}, ${periods[at]}: “${shown(cell)}” is not a number.`);
        return;
      }
      const before = (draft.values[actualField(at)] ?? "").trim();
      if (before !== "" && actualValue(before) === value) {
        unchanged += 1;
        return;
      }
      changes.push({
        uid: draft.uid,
        kpiId: draft.values.id ?? "",
        kpi: name,
        period: at,
        before,
        after: value,
      });
    });
  }
  return { changes, unchanged, unknownKpis, unknownPeriods, problems, layout };
}

/** The drafts with the changes' actuals typed in, as the KPI form would type them. */
export function applyActuals(drafts: readonly KpiDraft[], changes: readonly ActualChange[]): KpiDraft[] {
  const byUid = new Map<string, Record<string, string>>();
  for (const change of changes) {
    const values = byUid.get(change.uid) ?? {};
    values[actualField(change.period)] = String(change.after);
    byUid.set(change.uid, values);
  }
  return drafts.map((draft) => {
    const values = byUid.get(draft.uid);
    return values ? { ...draft, values: { ...draft.values, ...values } } : draft;
  });
}

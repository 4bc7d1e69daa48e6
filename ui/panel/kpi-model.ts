/**
 * What the KPI screen reads off the workbook and works out, apart from the screen: the tracker's
 * periods and drafts from its table as read back, the at-risk band from its settings sheet, each
 * KPI's status as the sheet's Status formula computes it, and the next report's request.
 */
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx), and a
// lazily loaded core/index would bring every export with it (the function catalog, the samples).
import { kpiStatus } from "../../core/evaluation/kpi-status";
import type {
  Cell,
  Draft,
  Kpi,
  KpiTrackerOptions,
  Register,
  ReportAudience,
  ReportLine,
  ReportRegisterOptions,
  ReportRequest,
  RowProblem,
  SuccessStory,
  TableSnapshot,
} from "../../core/index";
import { MAX_KPI_PERIODS } from "../../core/model/kpi";
import { kpiRegister } from "../../core/plans/kpi-register";
import { REPORT_AUDIENCES, SUCCESS_STORIES } from "../../core/plans/report-registers";
import { REPORT_REGISTER } from "../../core/plans/stakeholder-report";

export const DEFAULT_KPI_PERIODS = ["Q1", "Q2", "Q3", "Q4"] as const;
const DEFAULT_TOLERANCE = 0.1;
/** The label of the at-risk band on the KPI Settings sheet (core/plans/kpi-register.ts). */
const TOLERANCE_LABEL = kpiRegister()
  .declaration.assumptions?.({})
  .rows.find((row) => row.name === "Tolerance")?.label;
const PERIOD_ID = /^actual(\d+)$/;

export type KpiDraft = Draft<string>;

/**
 * The tracker's period headers as the sheet shows them, oldest first: the columns whose ids are
 * actual1, actual2 … (TableSnapshot.ids). A table without ids (a port that does not read the state
 * sheet) keeps the headers between "Better when" and "Latest".
 */
export function periodsOf(table: TableSnapshot | undefined): string[] {
  if (!table) return [...DEFAULT_KPI_PERIODS];
  const byId = (table.ids ?? [])
    .map((id, index) => ({ order: Number(PERIOD_ID.exec(id ?? "")?.[1]), header: table.header[index] ?? "" }))
    .filter((column) => Number.isInteger(column.order))
    .sort((a, b) => a.order - b.order)
    .map((column) => column.header.trim());
  if (byId.length > 0) return byId.slice(0, MAX_KPI_PERIODS);
  const lower = table.header.map((text) => text.trim().toLowerCase());
  const from = lower.indexOf("better when");
  const to = lower.indexOf("latest");
  const between =
    from >= 0 && to > from + 1 ? table.header.slice(from + 1, to).map((text) => text.trim()) : [];
  return between.length > 0 ? between.slice(0, MAX_KPI_PERIODS) : [...DEFAULT_KPI_PERIODS];
}

/** The KPIs' table as drafts of the tracker with these periods. */
export function kpiDrafts(table: TableSnapshot | undefined, periods: readonly string[]): KpiDraft[] {
  if (!table) return [];
  const register = kpiRegister(periods);
  return register.draftsFromCells(
    [register.headerOf(table), ...table.rows.map((row) => row.values)],
    [],
  ) as KpiDraft[];
}

/** The at-risk band on the KPI Settings sheet (the cell right of its label), or 0.1. */
export function toleranceOf(settings: TableSnapshot | undefined): number {
  const label = TOLERANCE_LABEL?.toLowerCase();
  for (const { values } of settings?.rows ?? []) {
    const at = values.findIndex((cell) => typeof cell === "string" && cell.trim().toLowerCase() === label);
    const value = at < 0 ? undefined : values[at + 1];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  }
  return DEFAULT_TOLERANCE;
}

/** A KPI's actuals by period (undefined where not yet measured), and the latest one measured. */
export function actualsOf(kpi: Kpi, periods: number): { values: (number | undefined)[]; latest?: number } {
  const values = Array.from({ length: periods }, (_, index) => {
    const value = kpi[`actual${index + 1}`];
    return typeof value === "number" ? value : undefined;
  });
  const latest = values.filter((value) => value !== undefined).at(-1);
  return latest === undefined ? { values } : { values, latest };
}

/** The status the sheet's Status column shows for this KPI: "" until an actual is entered. */
export function statusOf(kpi: Kpi, periods: number, tolerance: number): string {
  const { latest } = actualsOf(kpi, periods);
  return latest === undefined ? "" : kpiStatus(latest, kpi.target, kpi.direction, tolerance);
}

export const trackerOptions = (periods: readonly string[], tolerance: number): KpiTrackerOptions => ({
  periods,
  tolerance,
});

/** The Report sheet as read back, as the lines already issued (rows it cannot read are reported). */
export function issuedLines(table: TableSnapshot | undefined): { lines: ReportLine[]; problems: number } {
  if (!table) return { lines: [], problems: 0 };
  const parsed = REPORT_REGISTER.parse({ header: REPORT_REGISTER.headerOf(table), rows: table.rows }, {});
  return { lines: parsed.records, problems: parsed.problems.length };
}

/**
 * Each group's measures for the next report: those of the group's latest report, in the order it
 * gave them, less KPIs no longer tracked; with no report issued yet, one group ("All stakeholders")
 * with every KPI.
 */
export function nextMeasures(
  issued: readonly ReportLine[],
  kpis: readonly Kpi[],
): Record<string, readonly string[]> {
  const tracked = new Set(kpis.map((kpi) => kpi.id));
  const latestDate = new Map<string, number>();
  for (const line of issued) latestDate.set(line.group, Math.max(latestDate.get(line.group) ?? 0, line.date));
  const measures: Record<string, string[]> = {};
  for (const line of issued) {
    if (line.date !== latestDate.get(line.group) || !tracked.has(line.kpiId)) continue;
    const list = measures[line.group] ?? [];
    measures[line.group] = list;
    if (!list.includes(line.kpiId)) list.push(line.kpiId);
  }
  if (Object.keys(measures).length > 0 || kpis.length === 0) return measures;
  return { "All stakeholders": kpis.map((kpi) => kpi.id) };
}

/** Days from the 1900 date system's day 0 to 1970-01-01: 1970-01-01 is serial 25569 in Excel and Sheets. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/**
 * Today's date in the panel's own time zone as a 1900-system serial. Computed here rather than with
 * core's isoDateToSerial, which core/index re-exports through the function catalog: importing it
 * from there would put the whole catalog in the panel's bundles.
 */
export function todaySerial(now = new Date()): number {
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS) + UNIX_EPOCH_SERIAL;
}

/** Each group's measures as the Report Audiences register would list them. */
export const audiencesOf = (measures: Readonly<Record<string, readonly string[]>>): ReportAudience[] =>
  Object.entries(measures).map(([group, ids], index) => ({
    id: `A-${String(index + 1).padStart(3, "0")}`,
    group,
    kpis: ids.join(", "),
  }));

/** What the report reads besides the KPIs: its registers and the stakeholders' groups, as read back. */
export interface ReportSources {
  readonly audiences: readonly ReportAudience[];
  readonly stories: readonly SuccessStory[];
  readonly stakeholders: readonly { id: string; group?: string }[];
  /** Each row of the two registers that could not be read, as a sentence. */
  readonly problems: readonly string[];
}

/**
 * The sheets the next report reads besides the KPIs and the Report sheet, by kind. The stakeholder
 * register's kind is written out (core/plans/stakeholder-columns.ts): importing the register would
 * bring the stakeholder map's code into this lazily loaded screen.
 */
export const REPORT_SOURCE_KINDS = {
  audiences: REPORT_AUDIENCES.declaration.kind,
  stories: SUCCESS_STORIES.declaration.kind,
  stakeholders: "stakeholders",
} as const;

const sentences = (title: string, problems: readonly RowProblem[]) =>
  problems.map(
    (problem) =>
      `${title}, row ${problem.row}: ${problem.column ? `${problem.column} ` : ""}${problem.message}`,
  );

/**
 * The Report Audiences and Success Stories registers and the stakeholders' groups as read back;
 * the audiences' KPI ids checked against the tracker's (a KPI it lacks is a problem of its cell).
 */
export function reportSources(
  tables: {
    readonly audiences: TableSnapshot | undefined;
    readonly stories: TableSnapshot | undefined;
    readonly stakeholders: TableSnapshot | undefined;
  },
  kpis: readonly Kpi[],
): ReportSources {
  const options = { kpiIds: kpis.map((kpi) => kpi.id) };
  const read = <R>(
    register: Register<R, ReportRegisterOptions>,
    table: TableSnapshot | undefined,
    checks: ReportRegisterOptions,
  ) =>
    table
      ? register.parse({ header: register.headerOf(table), rows: table.rows }, checks)
      : { records: [], problems: [] };
  const audiences = read(REPORT_AUDIENCES, tables.audiences, options);
  // A story keeps its evidence when the KPI is retired: the report tells it all the same.
  const stories = read(SUCCESS_STORIES, tables.stories, {});
  return {
    audiences: audiences.records,
    stories: stories.records,
    stakeholders: groupsOf(tables.stakeholders),
    problems: [
      ...sentences(tables.audiences?.sheet ?? "", audiences.problems),
      ...sentences(tables.stories?.sheet ?? "", stories.problems),
    ],
  };
}

/** Each stakeholder's id and group from the Stakeholders sheet (columns by id, else by header). */
function groupsOf(table: TableSnapshot | undefined): { id: string; group?: string }[] {
  if (!table) return [];
  const at = (id: string, header: string) => {
    const byId = table.ids?.indexOf(id) ?? -1;
    return byId >= 0 ? byId : table.header.findIndex((text) => text.trim().toLowerCase() === header);
  };
  const [idAt, groupAt] = [at("id", "id"), at("group", "group")];
  if (idAt < 0 || groupAt < 0) return [];
  return table.rows.flatMap(({ values }) => {
    const [id, group] = [values[idAt], values[groupAt]];
    return typeof id === "string" && id.trim() !== ""
      ? [{ id: id.trim(), ...(typeof group === "string" ? { group } : {}) }]
      : [];
  });
}

/**
 * The next report's request: today's date, the current KPIs, the lines issued, each group's
 * measures from the Report Audiences register (without one, what each group's latest report gave
 * it: nextMeasures), and the success stories aimed at each group.
 */
export function nextReport(
  kpis: readonly Kpi[],
  issued: readonly ReportLine[],
  tolerance: number,
  date: number,
  sources: Omit<ReportSources, "problems"> = { audiences: [], stories: [], stakeholders: [] },
): ReportRequest {
  return {
    date,
    kpis,
    audiences: sources.audiences.length > 0 ? sources.audiences : audiencesOf(nextMeasures(issued, kpis)),
    stories: sources.stories,
    stakeholders: sources.stakeholders,
    tolerance,
    issued,
  };
}

/** A number as the list shows it: a share as a percentage for "%" KPIs, otherwise up to 3 significant digits. */
export function formatValue(value: Cell | undefined, unit: string | undefined): string {
  if (typeof value !== "number") return "–";
  if (unit?.trim() === "%") return `${Math.round(value * 1000) / 10}%`;
  return String(Number(value.toPrecision(3)));
}

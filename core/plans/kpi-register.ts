/** The KPI tracker, declared on the register kit: one row per KPI, one column per period's actual. */
import { linearRegression } from "simple-statistics";
import { KPI_DIRECTIONS, kpiStatus } from "../evaluation/kpi-status";
import { actualField, EVALUATION_LEVELS, type Kpi, KpiSchema, MAX_KPI_PERIODS } from "../model/kpi";
import { columnLetter } from "./a1";
import type { AssumptionsSheet } from "./assumptions-sheet";
import { defineRegister, type Register, type RegisterColumn } from "./register-kit";
import type { Cell, ChartPlan, ConditionalRule, SheetPlan } from "./sheet-plan";

export interface KpiTrackerOptions {
  /** The periods' headers, oldest first, at most 12: "Q1 2026" …; default four quarters. */
  readonly periods?: readonly string[];
  /** The at-risk band as a share of |target| (BUYIN.KPISTATUS's tolerance); default 0.1. */
  readonly tolerance?: number;
}

export const DEFAULT_PERIODS = ["Q1", "Q2", "Q3", "Q4"] as const;
const DEFAULT_TOLERANCE = 0.1;

type Column = RegisterColumn<Kpi, KpiTrackerOptions>;
const cell = (id: string) => `{col:${id}}{row}`;

/** The actuals entered so far, with their period numbers (1 is the first period). */
function entered(kpi: Kpi, periods: number): { period: number; value: number }[] {
  const points: { period: number; value: number }[] = [];
  for (let index = 0; index < periods; index++) {
    const value = kpi[actualField(index)];
    if (typeof value === "number") points.push({ period: index + 1, value });
  }
  return points;
}

/**
 * The latest actual: the last period with a value. Written as IFs from the last period back, so
 * every host computes it the same way (LOOKUP(2, 1/(…)) is not in every engine: HyperFormula lacks it).
 */
function latestColumn(periods: number): Column {
  let formula = '""';
  for (let index = 0; index < periods; index++) {
    const actual = cell(actualField(index));
    formula = `IF(${actual}<>"",${actual},${formula})`;
  }
  return {
    id: "latest",
    header: "Latest",
    role: "output",
    width: 10,
    formula: `=${formula}`,
    needs: [],
    kernel: (kpi) => entered(kpi, periods).at(-1)?.value ?? "",
  };
}

/**
 * The least-squares slope of the entered actuals against their period numbers, blanks left out
 * pair by pair (Excel's SLOPE does; HyperFormula's refuses ranges that differ once blanks are
 * dropped), so with sums:
 * (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²) over the entered periods; blank below two values.
 */
function trendColumn(periods: number): Column {
  const range = `${cell(actualField(0))}:${cell(actualField(periods - 1))}`;
  const isEntered = `(${range}<>"")`;
  // Period numbers from the settings sheet: COLUMN(range) is an array in Excel and Sheets but a
  // single number in HyperFormula, and typing 1, 2, 3 … into the formula would hide them.
  const period = "{name:PeriodNumbers}";
  const n = `COUNT(${range})`;
  const sumX = `SUMPRODUCT(${isEntered}*${period})`;
  const sumXX = `SUMPRODUCT(${isEntered}*${period}^2)`;
  const sumY = `SUM(${range})`;
  const sumXY = `SUMPRODUCT(${isEntered}*${period}*${range})`;
  return {
    id: "trend",
    header: "Trend per period",
    role: "output",
    width: 12,
    formula: `=IF(${n}<2,"",(${n}*${sumXY}-${sumX}*${sumY})/(${n}*${sumXX}-${sumX}^2))`,
    needs: [],
    kernel: (kpi) => {
      const points = entered(kpi, periods);
      return points.length < 2 ? "" : linearRegression(points.map(({ period, value }) => [period, value])).m;
    },
  };
}

const [LATEST, TARGET, DIRECTION, BASELINE] = [
  cell("latest"),
  cell("target"),
  cell("direction"),
  cell("baseline"),
];
const band = (comparison: "<=" | ">=", sign: "+" | "-") =>
  `IF(${LATEST}${comparison}${TARGET},"On track",IF(${LATEST}${comparison}${TARGET}${sign}{name:Tolerance}*ABS(${TARGET}),"At risk","Off track"))`;

function columns(periodHeaders: readonly string[]): Column[] {
  const periods = periodHeaders.length;
  return [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "kpi", header: "KPI", role: "input", type: "text", required: true, width: 28, name: "Names" },
    { id: "programme", header: "Programme", role: "input", type: "text", width: 20 },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    {
      id: "level",
      header: "Level",
      role: "input",
      type: "choice",
      width: 14,
      validation: { list: EVALUATION_LEVELS },
      hint: "Kirkpatrick's levels 1–4 and Phillips' 5 (ROI).",
    },
    { id: "unit", header: "Unit", role: "input", type: "text", width: 8 },
    { id: "baseline", header: "Baseline", role: "input", type: "number", width: 10 },
    { id: "target", header: "Target", role: "input", type: "number", required: true, width: 10 },
    {
      id: "direction",
      header: "Better when",
      role: "input",
      type: "choice",
      required: true,
      width: 11,
      initial: "up",
      validation: { list: KPI_DIRECTIONS },
      hint: '"up": higher is better (completion); "down": lower is better (time to competence).',
    },
    ...periodHeaders.map(
      (header, index): Column => ({
        id: actualField(index),
        header,
        role: "input",
        type: "number",
        width: 10,
      }),
    ),
    latestColumn(periods),
    {
      id: "status",
      header: "Status",
      role: "output",
      width: 10,
      name: "Status",
      formula: `=IF(OR(${LATEST}="",${TARGET}="",${DIRECTION}=""),"",IF(${DIRECTION}="down",${band("<=", "+")},${band(">=", "-")}))`,
      needs: ["target", "direction"],
      kernel: (kpi, options): Cell => {
        const latest = entered(kpi, periods).at(-1)?.value;
        return latest === undefined
          ? ""
          : kpiStatus(latest, kpi.target, kpi.direction, options.tolerance ?? DEFAULT_TOLERANCE);
      },
    },
    {
      id: "change",
      header: "Change from baseline",
      role: "output",
      width: 12,
      formula: `=IF(OR(${LATEST}="",${BASELINE}=""),"",${LATEST}-${BASELINE})`,
      needs: ["baseline"],
      kernel: (kpi): Cell => {
        const latest = entered(kpi, periods).at(-1)?.value;
        return latest === undefined || kpi.baseline === undefined ? "" : latest - kpi.baseline;
      },
    },
    trendColumn(periods),
  ];
}

const settings = (options: KpiTrackerOptions): AssumptionsSheet => ({
  lines: [
    {
      label: "Period",
      name: "PeriodNumbers",
      headers: options.periods ?? DEFAULT_PERIODS,
      values: (options.periods ?? DEFAULT_PERIODS).map((_, index) => index + 1),
      meaning: "Each period's number, oldest first: the KPIs' trend is the change per period.",
    },
  ],
  kind: "kpi-settings",
  title: "KPI Settings",
  heading: "KPI settings",
  intro: "The assumptions behind the KPIs sheet. Change a yellow cell and every status follows.",
  rows: [
    {
      label: "At-risk band",
      name: "Tolerance",
      value: options.tolerance ?? DEFAULT_TOLERANCE,
      format: "0%",
      meaning:
        "A KPI that misses its target by no more than this share of the target is At risk; further off, Off track.",
    },
  ],
});

/** Issue 11: conditional formatting by status, in the colours a reader expects. */
const STATUS_TONES: readonly ConditionalRule[] = [
  { when: "equals", value: "On track", tone: "good" },
  { when: "equals", value: "At risk", tone: "warn" },
  { when: "equals", value: "Off track", tone: "bad" },
];

const registers = new Map<string, Register<Kpi, KpiTrackerOptions>>();

/** The KPI tracker for these period headers (one register per set of headers, built once). */
export function kpiRegister(periods: readonly string[] = DEFAULT_PERIODS): Register<Kpi, KpiTrackerOptions> {
  if (periods.length < 1 || periods.length > MAX_KPI_PERIODS)
    throw new Error(`a KPI tracker holds 1 to ${MAX_KPI_PERIODS} periods, not ${periods.length}`);
  const key = JSON.stringify(periods);
  let register = registers.get(key);
  if (!register) {
    register = defineRegister<Kpi, KpiTrackerOptions>({
      kind: "kpis",
      title: "KPIs",
      module: "Kpi",
      schema: KpiSchema as never,
      key: { prefix: "K-", digits: 3 },
      columns: columns(periods),
      freeze: { rows: 1, columns: 2 },
      conditionalFormats: [{ column: "status", rules: STATUS_TONES }],
      assumptions: settings,
    });
    registers.set(key, register);
  }
  return register;
}

/** The group of KPIs KPIs without a programme chart in. */
export const NO_PROGRAMME = "(no programme)";
/** Rows a trend chart takes on the sheet, so the next one stands below it. */
const CHART_ROWS = 20;

/**
 * One trend chart per programme, in the order the programmes first appear: a line per KPI of the
 * programme over the periods (its actuals row, by key, wherever it now is). Programme is the
 * group because it is what a stakeholder asks about ("how is onboarding doing?") and what the
 * report is chosen by; a programme's KPIs may differ in unit, which the legend names. The charts
 * stand to the right of the table.
 */
export function kpiTrendCharts(kpis: readonly Kpi[], periodHeaders: readonly string[]): ChartPlan[] {
  const groups = new Map<string, Kpi[]>();
  for (const kpi of kpis) {
    const group = kpi.programme?.trim() || NO_PROGRAMME;
    groups.set(group, [...(groups.get(group) ?? []), kpi]);
  }
  const first = `{col:${actualField(0)}}`;
  const last = `{col:${actualField(periodHeaders.length - 1)}}`;
  // Two columns right of the last: the table's width (its columns) plus a spare one.
  const anchorColumn = columnLetter(columns(periodHeaders).length + 2);
  return [...groups].map(([programme, members], index) => ({
    type: "line",
    title: `KPI trend: ${programme}`,
    x: `${first}1:${last}1`,
    y: `${first}{row:${members[0]?.id}}:${last}{row:${members[0]?.id}}`,
    series: members.map((kpi) => ({
      name: kpi.unit ? `${kpi.kpi} (${kpi.unit})` : kpi.kpi,
      values: `${first}{row:${kpi.id}}:${last}{row:${kpi.id}}`,
    })),
    xTitle: "Period",
    yTitle: "Actual",
    anchor: `${anchorColumn}${2 + index * CHART_ROWS}`,
  }));
}

/** The KPI tracker's sheets: its settings, then the tracker with a trend chart per programme. */
export function kpiTrackerPlans(kpis: readonly Kpi[], options: KpiTrackerOptions = {}): SheetPlan[] {
  const periods = options.periods ?? DEFAULT_PERIODS;
  return kpiRegister(periods)
    .plans(kpis, options)
    .map((plan) => (plan.table ? { ...plan, charts: kpiTrendCharts(kpis, periods) } : plan));
}

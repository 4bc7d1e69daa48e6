/**
 * The KPI tracker's conditional formats and trend charts through MemoryWorkbook (the preview's
 * engine): each status computed by HyperFormula shows its tone (issue 11: "conditional formatting
 * by status"), rules follow the table as it grows and shrinks, a rule of the user's survives every
 * re-run, and there is one trend chart per programme, its series on the KPIs' rows wherever a
 * sort put them.
 */
import { describe, expect, it } from "vitest";
import {
  actualField,
  columnLetter,
  type Kpi,
  kpiTrackerPlans,
  parseRange,
  toolkitPlans,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

const PERIODS = ["Q1", "Q2", "Q3"];

function kpi(id: string, programme: string | undefined, target: number, actuals: number[]): Kpi {
  return {
    id,
    kpi: `KPI ${id}`,
    ...(programme ? { programme } : {}),
    target,
    direction: "up",
    ...Object.fromEntries(actuals.map((value, index) => [actualField(index), value])),
  };
}

// Tolerance 0.1 (the default): 100 meets a target of 100, 95 is within 10 of it, 50 is not.
const KPIS: Kpi[] = [
  kpi("K-001", "Onboarding", 100, [80, 90, 100]),
  kpi("K-002", "Onboarding", 100, [70, 95]),
  kpi("K-003", "Leadership", 100, [50]),
  kpi("K-004", undefined, 100, []),
];

/** The cell of a column (by its header) in the row holding a key. */
function cellOf(workbook: MemoryWorkbook, key: string, header: string): string {
  const [head, ...rows] = workbook.displayGrid("KPIs");
  const column = (head ?? []).indexOf(header);
  const row = rows.findIndex((values) => values[0] === key);
  expect(column).toBeGreaterThanOrEqual(0);
  expect(row).toBeGreaterThanOrEqual(0);
  return `${String.fromCharCode(65 + column)}${row + 2}`;
}

describe("KPI status tones in the preview engine", () => {
  it("shows On track good, At risk warn, Off track bad, and no tone for a blank status", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const expected: [string, string, string | undefined][] = [
      ["K-001", "On track", "good"],
      ["K-002", "At risk", "warn"],
      ["K-003", "Off track", "bad"],
      ["K-004", "", undefined],
    ];
    for (const [key, status, tone] of expected) {
      const at = cellOf(workbook, key, "Status");
      expect(workbook.value("KPIs", at) ?? "").toBe(status);
      expect(workbook.tone("KPIs", at)).toBe(tone);
    }
    // Only the status column is toned: the KPI name beside it is not.
    expect(workbook.tone("KPIs", cellOf(workbook, "K-001", "KPI"))).toBeUndefined();
  });

  it("follows the status when an actual changes in the sheet", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    workbook.setCell("KPIs", cellOf(workbook, "K-003", "Q2"), "100");
    expect(workbook.tone("KPIs", cellOf(workbook, "K-003", "Status"))).toBe("good");
  });

  it("spans the data rows as the table grows and shrinks, one set of rules each time", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 2), { periods: PERIODS }));
    const status = cellOf(workbook, "K-001", "Status").replace(/\d+$/, "");
    expect(workbook.conditionalFormats("KPIs").map((format) => format.range)).toEqual([
      `${status}2:${status}3`,
      `${status}2:${status}3`,
      `${status}2:${status}3`,
    ]);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    expect(new Set(workbook.conditionalFormats("KPIs").map((format) => format.range))).toEqual(
      new Set([`${status}2:${status}5`]),
    );
    expect(workbook.conditionalFormats("KPIs")).toHaveLength(3);
    await workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 1), { periods: PERIODS }));
    expect(workbook.conditionalFormats("KPIs").map((format) => format.range)).toEqual([
      `${status}2`,
      `${status}2`,
      `${status}2`,
    ]);
  });

  it("never removes a rule of the user's, even on BuyIn's own column", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = cellOf(workbook, "K-001", "Status").replace(/\d+$/, "");
    // The user's own: a different tone for "At risk", and one on the KPI column.
    const mine = [
      { range: `${status}2:${status}5`, rule: { when: "equals", value: "At risk", tone: "bad" } },
      { range: "B2:B5", rule: { when: "equals", value: "KPI K-001", tone: "good" } },
    ] as const;
    for (const format of mine) workbook.addConditionalFormat("KPIs", format);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    await workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 3), { periods: PERIODS }));
    const rules = workbook.conditionalFormats("KPIs");
    for (const format of mine) expect(rules).toContainEqual(format);
    expect(rules).toHaveLength(5);
    // The user's rule comes first, as a rule a user adds in Excel or Sheets takes priority.
    expect(workbook.tone("KPIs", cellOf(workbook, "K-002", "Status"))).toBe("bad");
  });
});

describe("flag columns across the toolkit", () => {
  it("tones every flag the sample's sheets compute, and nothing else in those columns", async () => {
    const workbook = new MemoryWorkbook();
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true);
    const reports = await workbook.applyAll(plans);
    const toned = new Map<string, number>();
    plans.forEach((plan, index) => {
      const sheet = reports[index]?.sheet as string;
      for (const format of plan.conditionalFormats ?? []) {
        const header = plan.table?.columns.find((column) => column.id === format.column)?.header;
        const [head = [], ...rows] = workbook.displayGrid(sheet);
        const letter = columnLetter(head.indexOf(header as string) + 1);
        rows.forEach((_, r) => {
          const a1 = `${letter}${r + 2}`;
          const value = workbook.value(sheet, a1);
          const rule = format.rules.find((each) => each.value === value);
          expect(workbook.tone(sheet, a1)).toBe(rule?.tone);
          if (rule)
            toned.set(`${plan.kind} ${rule.value}`, (toned.get(`${plan.kind} ${rule.value}`) ?? 0) + 1);
        });
      }
    });
    // The sample shows each kind of flag at least once.
    expect([...toned.keys()].sort()).toEqual(
      expect.arrayContaining([
        "evaluation-chain Complete",
        "kpis At risk",
        "kpis Off track",
        "kpis On track",
      ]),
    );
  });
});

describe("KPI trend charts", () => {
  it("draws one line chart per programme, a series per KPI on its own row", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const charts = workbook.charts("KPIs");
    expect(charts.map((chart) => chart.title)).toEqual([
      "KPI trend: Onboarding",
      "KPI trend: Leadership",
      "KPI trend: (no programme)",
    ]);
    const onboarding = charts[0];
    expect(onboarding?.type).toBe("line");
    expect(onboarding?.series?.map((series) => series.name)).toEqual(["KPI K-001", "KPI K-002"]);
    const q1 = cellOf(workbook, "K-001", "Q1").replace(/\d+$/, "");
    const q3 = cellOf(workbook, "K-001", "Q3").replace(/\d+$/, "");
    expect(onboarding?.x).toBe(`${q1}1:${q3}1`);
    expect(onboarding?.series?.[1]?.values).toBe(`${q1}3:${q3}3`);
    // The series' cells hold the KPI's actuals, and the x cells the period headers.
    const read = (range: string) => {
      const { row, column, columns } = parseRange(range);
      return Array.from({ length: columns }, (_, index) =>
        workbook.value("KPIs", `${String.fromCharCode(64 + column + index)}${row}`),
      );
    };
    expect(read(onboarding?.x as string)).toEqual(PERIODS);
    expect(read(onboarding?.series?.[0]?.values as string)).toEqual([80, 90, 100]);
  });

  it("keeps each series on its KPI's row after a sort, and follows programmes as they come and go", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    // Sorted by Q1, ascending: K-003 (50) moves to the top, K-004 (blank) to the bottom.
    const q1 = cellOf(workbook, "K-001", "Q1").replace(/\d+$/, "");
    workbook.sortRows("KPIs", 2, 5, q1);
    const moved = [
      ...KPIS.slice(0, 3),
      kpi("K-004", "Leadership", 10, [5, 6, 7]),
      kpi("K-005", "Coaching", 10, [1, 2]),
    ].filter((each) => each.id !== "K-001");
    await workbook.applyAll(kpiTrackerPlans(moved, { periods: PERIODS }));
    const charts = workbook.charts("KPIs");
    expect(charts.map((chart) => chart.title)).toEqual([
      "KPI trend: Onboarding",
      "KPI trend: Leadership",
      "KPI trend: Coaching",
    ]);
    const row = (key: string) => cellOf(workbook, key, "Q1").replace(/^[A-Z]+/, "");
    const leadership = charts[1]?.series ?? [];
    expect(leadership.map((series) => series.values.replace(/^[A-Z]+/, "").split(":")[0])).toEqual([
      row("K-003"),
      row("K-004"),
    ]);
  });
});

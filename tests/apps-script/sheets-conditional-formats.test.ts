/**
 * SheetsWorkbook's conditional formats and multi-series charts on the KPI tracker, against the
 * Apps Script fake: the status rules (text is exactly the status → Excel's Good, Neutral, Bad
 * colours) set with one setConditionalFormatRules a sheet, replaced as the table grows and
 * shrinks, left alone (no call) when nothing changed, a rule of the user's kept ahead of them;
 * one line chart per programme, a range per KPI, rows and columns transposed, series named.
 */
import { describe, expect, it } from "vitest";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import { actualField, columnLetter, type Kpi, kpiTrackerPlans } from "../../core/index";
import { TONE_STYLE } from "../../ui/workbook-port";
import {
  BOOLEAN_CRITERIA,
  FakeBooleanCondition,
  FakeConditionalRule,
  FakeRange,
  type FakeSheet,
  fakeAppsScript,
} from "./fake-apps-script";

const PERIODS = ["Q1", "Q2", "Q3"];

function kpi(id: string, programme: string, actuals: number[]): Kpi {
  return {
    id,
    kpi: `KPI ${id}`,
    programme,
    target: 100,
    direction: "up",
    ...Object.fromEntries(actuals.map((value, index) => [actualField(index), value])),
  };
}

const KPIS = [
  kpi("K-001", "Onboarding", [80, 100]),
  kpi("K-002", "Onboarding", [95]),
  kpi("K-003", "Leadership", [50]),
];

function setup() {
  const { book, log, services } = fakeAppsScript();
  return { book, log, workbook: new SheetsWorkbook(services) };
}

function letterOf(sheet: FakeSheet, header: string): string {
  for (let column = 1; column < 40; column++)
    if (sheet.grid[0]?.[column - 1]?.value === header) return columnLetter(column);
  throw new Error(`no ${header} column`);
}

/** A rule as plain data: its ranges, criteria, values and colours. */
function plain(rule: FakeConditionalRule) {
  const condition = rule.condition;
  return {
    ranges: rule.ranges.map((range) => rangeA1Of(range)),
    type: condition?.criteriaType,
    values: condition?.values,
    background: condition?.background,
    fontColor: condition?.fontColor,
  };
}

function rangeA1Of(range: FakeRange): string {
  const start = `${columnLetter(range.column)}${range.row}`;
  const end = `${columnLetter(range.column + range.columns - 1)}${range.row + range.rows - 1}`;
  return start === end ? start : `${start}:${end}`;
}

const statusRules = (range: string) =>
  (
    [
      ["On track", TONE_STYLE.good],
      ["At risk", TONE_STYLE.warn],
      ["Off track", TONE_STYLE.bad],
    ] as const
  ).map(([text, style]) => ({
    ranges: [range],
    type: BOOLEAN_CRITERIA.textEqualTo,
    values: [text],
    background: style.fill,
    fontColor: style.fontColor,
  }));

describe("SheetsWorkbook: conditional formats", () => {
  it("sets the status rules with one setConditionalFormatRules, and no rule call when nothing changed", async () => {
    const { book, log, workbook } = setup();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = book.sheet("KPIs") as FakeSheet;
    const status = letterOf(sheet, "Status");
    expect(sheet.conditionalRules.map(plain)).toEqual(statusRules(`${status}2:${status}4`));
    expect(log.byMethod.get("Sheet.setConditionalFormatRules")).toBe(1);
    // A new sheet has no rules to read.
    expect(log.byMethod.get("Sheet.getConditionalFormatRules")).toBeUndefined();
    // Per rule: the builder, its condition, two colours, its range and build.
    expect(log.byMethod.get("SpreadsheetApp.newConditionalFormatRule")).toBe(3);
    log.reset();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    expect(log.byMethod.get("Sheet.getConditionalFormatRules")).toBeUndefined();
    expect(log.byMethod.get("Sheet.setConditionalFormatRules")).toBeUndefined();
    expect(sheet.conditionalRules).toHaveLength(3);
  });

  it("replaces its rules as the table grows and shrinks, with a fixed number of calls", async () => {
    const { book, log, workbook } = setup();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = book.sheet("KPIs") as FakeSheet;
    const status = letterOf(sheet, "Status");
    log.reset();
    workbook.applyAll(kpiTrackerPlans([...KPIS, kpi("K-004", "Coaching", [1])], { periods: PERIODS }));
    expect(sheet.conditionalRules.map(plain)).toEqual(statusRules(`${status}2:${status}5`));
    expect(log.byMethod.get("Sheet.getConditionalFormatRules")).toBe(1);
    expect(log.byMethod.get("Sheet.setConditionalFormatRules")).toBe(1);
    workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 1), { periods: PERIODS }));
    expect(sheet.conditionalRules.map(plain)).toEqual(statusRules(`${status}2`));
  });

  it("knows its rules again after the user inserted a row inside them", async () => {
    const { book, workbook } = setup();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = book.sheet("KPIs") as FakeSheet;
    const status = letterOf(sheet, "Status");
    sheet.insertRowsBefore(3, 1);
    expect(plain(sheet.conditionalRules[0] as FakeConditionalRule).ranges).toEqual([`${status}2:${status}5`]);
    workbook.applyAll(kpiTrackerPlans([...KPIS, kpi("K-004", "Coaching", [1])], { periods: PERIODS }));
    expect(sheet.conditionalRules).toHaveLength(3);
  });

  it("keeps the user's own rules, on BuyIn's column or elsewhere, ahead of BuyIn's", async () => {
    const { book, log, workbook } = setup();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = book.sheet("KPIs") as FakeSheet;
    const status = letterOf(sheet, "Status");
    const at = (a1: string) => {
      const [start = "", end = start] = a1.split(":");
      const first = /^([A-Z]+)(\d+)$/.exec(start) as RegExpExecArray;
      const last = /^([A-Z]+)(\d+)$/.exec(end) as RegExpExecArray;
      const column = (letters: string) =>
        [...letters].reduce((sum, ch) => sum * 26 + ch.charCodeAt(0) - 64, 0);
      return new FakeRange(
        sheet,
        Number(first[2]),
        column(first[1] as string),
        Number(last[2]) - Number(first[2]) + 1,
        column(last[1] as string) - column(first[1] as string) + 1,
      );
    };
    const userRule = (a1: string, type: string, value: unknown, background: string) =>
      new FakeConditionalRule(log, [at(a1)], new FakeBooleanCondition(log, type, [value], background, null));
    // BuyIn's look on the whole column, another colour for "At risk" on BuyIn's range, one elsewhere.
    const mine = [
      userRule(`${status}1:${status}1000`, BOOLEAN_CRITERIA.textEqualTo, "On track", TONE_STYLE.good.fill),
      userRule(`${status}2:${status}4`, BOOLEAN_CRITERIA.textEqualTo, "At risk", "#ff0000"),
      userRule("B2:B4", BOOLEAN_CRITERIA.numberLessThan, 0, TONE_STYLE.bad.fill),
    ];
    sheet.conditionalRules = [...mine, ...sheet.conditionalRules];
    workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 2), { periods: PERIODS }));
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const rules = sheet.conditionalRules.map(plain);
    expect(rules.slice(0, 3)).toEqual(mine.map(plain));
    expect(rules.slice(3)).toEqual(statusRules(`${status}2:${status}4`));
  });
});

describe("SheetsWorkbook: a line chart per KPI programme", () => {
  it("adds a range per KPI, transposed, with the series named, and writes charts again as programmes change", async () => {
    const { book, workbook } = setup();
    workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = book.sheet("KPIs") as FakeSheet;
    const [q1, q3] = [letterOf(sheet, "Q1"), letterOf(sheet, "Q3")];
    expect(sheet.charts.map((chart) => chart.options.get("title"))).toEqual([
      "KPI trend: Onboarding",
      "KPI trend: Leadership",
    ]);
    const [onboarding] = sheet.charts;
    expect(onboarding?.ranges).toEqual([`${q1}1:${q3}1`, `${q1}2:${q3}2`, `${q1}3:${q3}3`]);
    expect(onboarding?.transposed).toBe(true);
    expect(onboarding?.options.get("legend")).toEqual({ position: "bottom" });
    expect(onboarding?.options.get("series")).toEqual({
      0: { labelInLegend: "KPI K-001" },
      1: { labelInLegend: "KPI K-002" },
    });
    workbook.applyAll(
      kpiTrackerPlans([KPIS[0] as Kpi, KPIS[2] as Kpi, kpi("K-004", "Leadership", [3])], {
        periods: PERIODS,
      }),
    );
    expect(sheet.charts.map((chart) => chart.options.get("title"))).toEqual([
      "KPI trend: Onboarding",
      "KPI trend: Leadership",
    ]);
    const leadership = sheet.charts[1];
    expect(leadership?.ranges).toHaveLength(3);
    expect(leadership?.options.get("series")).toEqual({
      0: { labelInLegend: "KPI K-003" },
      1: { labelInLegend: "KPI K-004" },
    });
    expect(sheet.charts[0]?.ranges).toHaveLength(2);
    workbook.applyAll(kpiTrackerPlans([KPIS[2] as Kpi], { periods: PERIODS }));
    expect(sheet.charts.map((chart) => chart.options.get("title"))).toEqual(["KPI trend: Leadership"]);
  });
});

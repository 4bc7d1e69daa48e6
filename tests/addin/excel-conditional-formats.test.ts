/**
 * ExcelWorkbook's conditional formats and multi-series charts, on the KPI tracker: BuyIn's
 * status rules (cell value equal to the status → Excel's Good, Neutral, Bad colours) are written,
 * replaced on re-runs as the table grows and shrinks, never duplicated, and a rule of the user's
 * survives, even one on BuyIn's own column; one line chart per programme, a named series per
 * KPI. Conditional formats add one sync, only on runs that find rules of BuyIn's to replace.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook, MARKERS_SETTING } from "../../addin/excel-workbook";
import { actualField, columnLetter, type Kpi, kpiTrackerPlans } from "../../core/index";
import { TONE_STYLE } from "../../ui/workbook-port";
import { ExcelModel } from "./excel-model";

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

/** The letter of a header's column on the KPIs sheet. */
function letterOf(model: ExcelModel, header: string): string {
  const sheet = model.sheet("KPIs");
  for (let column = 1; column < 40; column++)
    if (sheet.get(`${columnLetter(column)}1`) === header) return columnLetter(column);
  throw new Error(`no ${header} column`);
}

function markerOf(model: ExcelModel, sheet: string) {
  return JSON.parse(model.settings.get(MARKERS_SETTING) ?? "{}")[model.sheet(sheet).id];
}

const statusRules = (range: string) =>
  [
    ["On track", TONE_STYLE.good],
    ["At risk", TONE_STYLE.warn],
    ["Off track", TONE_STYLE.bad],
  ].map(([text, style]) => ({
    range,
    type: "CellValue",
    operator: "EqualTo",
    formula1: `="${text}"`,
    fill: (style as { fill: string }).fill,
    fontColor: (style as { fontColor: string }).fontColor,
  }));

describe("ExcelWorkbook: conditional formats", () => {
  it("writes the status rules in the first run's three syncs, and records them in the marker", async () => {
    const model = new ExcelModel();
    await new ExcelWorkbook(model.run).applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(model, "Status");
    expect(model.sheet("KPIs").conditionalFormats).toMatchObject(statusRules(`${status}2:${status}4`));
    expect(markerOf(model, "KPIs").conditionalFormats).toHaveLength(3);
    expect(model.syncs).toEqual([3]);
  });

  it("replaces its rules as the table grows and shrinks, with one sync more, and never twice", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(model, "Status");
    await workbook.applyAll(kpiTrackerPlans([...KPIS, kpi("K-004", "Coaching", [1])], { periods: PERIODS }));
    expect(model.sheet("KPIs").conditionalFormats).toMatchObject(statusRules(`${status}2:${status}5`));
    await workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 1), { periods: PERIODS }));
    expect(model.sheet("KPIs").conditionalFormats).toMatchObject(statusRules(`${status}2`));
    expect(model.sheet("KPIs").conditionalFormats).toHaveLength(3);
    expect(model.syncs).toEqual([3, 4, 4]);
  });

  it("completes a first run cut off before its last marker without doubling its rules", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    let seen = 0;
    // The second settings.add is the final marker, after every rule is added.
    model.interruptBefore((label) => label.startsWith("settings.add") && ++seen === 2);
    await expect(workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }))).rejects.toMatchObject({
      code: "GeneralException",
    });
    expect(model.sheet("KPIs").conditionalFormats).toHaveLength(3);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(model, "Status");
    expect(model.sheet("KPIs").conditionalFormats).toMatchObject(statusRules(`${status}2:${status}4`));
    expect(model.sheet("KPIs").conditionalFormats).toHaveLength(3);
  });

  it("knows its rules again after the user inserted a row inside them, which Excel stretches them over", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(model, "Status");
    model.insertRows("KPIs", 3);
    expect(model.sheet("KPIs").conditionalFormats[0]?.range).toBe(`${status}2:${status}5`);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    expect(model.sheet("KPIs").conditionalFormats).toHaveLength(3);
  });

  it("never removes a rule of the user's, on BuyIn's column or elsewhere, and puts BuyIn's after it", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(model, "Status");
    // The user's own: BuyIn's look on the whole status column, another colour for "At risk" on
    // BuyIn's range, and one elsewhere.
    const mine = [
      { ...statusRules(`${status}:${status}`)[0], range: `${status}1:${status}1048576` },
      { ...statusRules(`${status}2:${status}4`)[1], fill: "#FF0000" },
      { range: "B2:B4", type: "CellValue", operator: "LessThan", formula1: "0", fill: TONE_STYLE.bad.fill },
    ].map((rule) => model.addUserRule("KPIs", rule as never));
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    await workbook.applyAll(kpiTrackerPlans(KPIS.slice(0, 2), { periods: PERIODS }));
    const rules = model.sheet("KPIs").conditionalFormats;
    expect(rules.slice(0, 3).map((rule) => rule.id)).toEqual(mine.map((rule) => rule.id).reverse());
    expect(rules.slice(3)).toMatchObject(statusRules(`${status}2:${status}3`));
    expect(rules).toHaveLength(6);
  });
});

describe("ExcelWorkbook: a line chart per KPI programme", () => {
  it("adds a named series per KPI, and writes the charts again in place as programmes come and go", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run);
    await workbook.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const sheet = model.sheet("KPIs");
    const [q1, q3] = [letterOf(model, "Q1"), letterOf(model, "Q3")];
    expect(sheet.charts.map((chart) => chart.title)).toEqual([
      "KPI trend: Onboarding",
      "KPI trend: Leadership",
    ]);
    const onboarding = sheet.charts[0];
    expect(onboarding).toMatchObject({
      type: "Line",
      x: `${q1}1:${q3}1`,
      y: `${q1}2:${q3}2`,
      seriesName: "KPI K-001",
      legend: true,
      more: [{ name: "KPI K-002", x: `${q1}1:${q3}1`, y: `${q1}3:${q3}3` }],
    });
    const ids = sheet.charts.map((chart) => chart.id);
    await workbook.applyAll(
      kpiTrackerPlans([KPIS[2] as Kpi, kpi("K-004", "Leadership", [3]), KPIS[0] as Kpi], {
        periods: PERIODS,
      }),
    );
    // Leadership first now: the first recorded chart is written again as it, the other deleted.
    expect(sheet.charts.map((chart) => chart.title)).toEqual([
      "KPI trend: Leadership",
      "KPI trend: Onboarding",
    ]);
    expect(sheet.charts.map((chart) => chart.id)).toEqual(ids);
    expect(sheet.charts[0]).toMatchObject({ seriesName: "KPI K-003", more: [{ name: "KPI K-004" }] });
    expect(sheet.charts[1]).toMatchObject({ seriesName: "KPI K-001" });
    expect(sheet.charts[1]?.more ?? []).toEqual([]);
    await workbook.applyAll(kpiTrackerPlans([KPIS[2] as Kpi], { periods: PERIODS }));
    expect(sheet.charts.map((chart) => chart.title)).toEqual(["KPI trend: Leadership"]);
  });
});

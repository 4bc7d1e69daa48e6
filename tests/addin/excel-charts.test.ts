/**
 * ExcelWorkbook's charts are known by Chart.id (ExcelApi 1.7), recorded in the marker: a user's
 * chart is never taken for BuyIn's, whatever its title or name, and BuyIn's own chart is written
 * again in place, never duplicated.
 */
import { describe, expect, it } from "vitest";
import { CHART_PREFIX, ExcelWorkbook, MARKERS_SETTING } from "../../addin/excel-workbook";
import { stakeholderMap } from "../../core/index";
import { generateStakeholders } from "../stakeholder-fixtures";
import { ExcelModel } from "./excel-model";

const MAP = "Stakeholder Map";
const TITLE = "Power and interest";

function markerOf(model: ExcelModel, sheet: string) {
  return JSON.parse(model.settings.get(MARKERS_SETTING) ?? "{}")[model.sheet(sheet).id];
}

async function written(people = 6) {
  const model = new ExcelModel();
  const workbook = new ExcelWorkbook(model.run);
  await workbook.applyAll(stakeholderMap(generateStakeholders(people)));
  return { model, workbook, map: model.sheet(MAP) };
}

describe("ExcelWorkbook: the map's chart names its points", () => {
  const people = generateStakeholders(6);

  it("labels each point with a formula referring to the person's name cell, in the same three syncs (ExcelApi 1.8)", async () => {
    const model = new ExcelModel();
    await new ExcelWorkbook(model.run, model.supports).applyAll(stakeholderMap(people));
    const [chart] = model.sheet(MAP).charts;
    expect(chart?.pointLabels).toEqual(
      people.map((_, index) => ({
        shown: true,
        position: "Right",
        formula: `='${MAP}'!$E$${5 + index}`,
      })),
    );
    expect(model.syncs).toEqual([3]);
    // The names the labels show are the map's own formulas, live from the register.
    expect(String(model.sheet(MAP).get("E5"))).toMatch(/^=IFERROR\(INDEX\(BuyIn_Map_StakeholderNames,1\)/);
  });

  it("labels them again when the chart is written again in place, a point for each person now", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run, model.supports);
    await workbook.applyAll(stakeholderMap(people));
    await workbook.applyAll(stakeholderMap(people.slice(0, 4)));
    const [chart] = model.sheet(MAP).charts;
    expect(chart?.pointLabels?.map((label) => label.formula)).toEqual(
      [5, 6, 7, 8].map((row) => `='${MAP}'!$E$${row}`),
    );
  });

  it("leaves points unlabelled in an Excel without ExcelApi 1.8, and writes the chart all the same", async () => {
    const model = new ExcelModel();
    model.excelApi = "1.7";
    await new ExcelWorkbook(model.run, model.supports).applyAll(stakeholderMap(people));
    const [chart] = model.sheet(MAP).charts;
    expect(chart).toMatchObject({ type: "XYScatter", title: TITLE });
    expect(chart?.pointLabels).toBeUndefined();
  });
});

describe("ExcelWorkbook: charts by id", () => {
  it("records BuyIn's chart by its id on the first run, in the same three syncs", async () => {
    const { model, map } = await written();
    expect(map.charts).toHaveLength(1);
    expect(markerOf(model, MAP).charts).toEqual([map.charts[0]?.id]);
    expect(model.syncs).toEqual([3]);
  });

  it("leaves a user's chart with BuyIn's exact title, and even BuyIn's name, and writes BuyIn's own again in place", async () => {
    const { model, workbook, map } = await written();
    const ours = map.charts[0]?.id;
    // A user's chart with BuyIn's title, and one the user named as BuyIn names its own.
    const user = { type: "XYScatter", x: "F5:F10", y: "G5:G10", title: TITLE, anchor: "N30" };
    const titled = model.addUserChart(MAP, { ...user, name: "Chart 2" });
    const named = model.addUserChart(MAP, { ...user, name: `${CHART_PREFIX}${TITLE}` });
    const before = JSON.stringify([titled, named]);
    await workbook.applyAll(stakeholderMap(generateStakeholders(9)));
    expect(map.charts.map((chart) => chart.id)).toEqual([ours, titled.id, named.id]);
    expect(JSON.stringify(map.charts.slice(1))).toBe(before);
    // BuyIn's chart over the 9 people now listed.
    expect(map.charts[0]).toMatchObject({ title: TITLE, x: "F5:F13", y: "G5:G13", anchor: "N4" });
    expect(markerOf(model, MAP).charts).toEqual([ours]);
    expect(model.syncs.at(-1)).toBeLessThanOrEqual(3);
  });

  it("adds BuyIn's chart again when the user deleted it, then records its id on the next run", async () => {
    const { model, workbook, map } = await written();
    const user = model.addUserChart(MAP, { name: "Chart 2", type: "Line", title: TITLE });
    map.charts.splice(0, 1); // BuyIn's chart deleted by the user
    await workbook.applyAll(stakeholderMap(generateStakeholders(6)));
    expect(map.charts.map((chart) => chart.name)).toEqual(["Chart 2", `${CHART_PREFIX}${TITLE}`]);
    // Added in the last sync, its id came back after the marker went: recorded by title once.
    expect(markerOf(model, MAP).charts).toEqual([TITLE]);
    const again = map.charts[1]?.id;
    await workbook.applyAll(stakeholderMap(generateStakeholders(6)));
    expect(map.charts.map((chart) => chart.id)).toEqual([user.id, again]);
    expect(markerOf(model, MAP).charts).toEqual([again]);
  });

  it("takes an earlier version's marker (charts by title) to BuyIn's name for the chart, and records its id", async () => {
    const { model, workbook, map } = await written();
    const ours = map.charts[0]?.id as string;
    const user = model.addUserChart(MAP, { name: "Chart 2", type: "XYScatter", title: TITLE });
    const markers = JSON.parse(model.settings.get(MARKERS_SETTING) ?? "{}");
    markers[map.id].charts = [TITLE];
    model.settings.set(MARKERS_SETTING, JSON.stringify(markers));
    await workbook.applyAll(stakeholderMap(generateStakeholders(6)));
    expect(map.charts.map((chart) => chart.id)).toEqual([ours, user.id]);
    expect(markerOf(model, MAP).charts).toEqual([ours]);
  });

  it("follows the map when the user inserts rows above it: the same chart, over the moved and grown lists", async () => {
    const { model, workbook, map } = await written();
    const ours = map.charts[0]?.id;
    model.insertRows(MAP, 1, 2);
    // Excel moved the chart and its series with the cells.
    expect(map.charts[0]).toMatchObject({ x: "F7:F12", y: "G7:G12", anchor: "N6" });
    map.type("A1", "Our map");
    // Three more people: the lists grow from where they now stand, and the chart over them.
    await workbook.applyAll(stakeholderMap(generateStakeholders(9)));
    expect(map.get("A1")).toBe("Our map");
    expect(map.charts).toHaveLength(1);
    expect(map.charts[0]).toMatchObject({ id: ours, x: "F7:F15", y: "G7:G15", anchor: "N6" });
  });

  it("a chart the user stripped of its series is given its data again, not an error", async () => {
    const { workbook, map } = await written();
    const chart = map.charts[0];
    if (!chart) throw new Error("no chart");
    chart.x = undefined;
    chart.y = undefined;
    await workbook.applyAll(stakeholderMap(generateStakeholders(6)));
    expect(map.charts).toHaveLength(1);
    expect(map.charts[0]).toMatchObject({ id: chart.id, x: "F5:F10", y: "G5:G10" });
  });
});

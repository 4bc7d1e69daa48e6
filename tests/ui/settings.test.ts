/** The panel reads the workbook's settings off the settings sheet the register kit writes. */
import { describe, expect, it } from "vitest";
import { CHAMPION_THRESHOLD, SETTINGS_KIND, stakeholderMap } from "../../core/index";
import { settingChanges, settingsFromTable } from "../../ui/panel/settings";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

async function settingsSheet(change?: { cell: string; content: string }) {
  const workbook = new MemoryWorkbook();
  await workbook.applyAll(stakeholderMap([]));
  if (change) workbook.setCell("BuyIn Settings", change.cell, change.content);
  return workbook.readTable(SETTINGS_KIND);
}

describe("the workbook's settings", () => {
  it("are the defaults on a fresh settings sheet, the threshold the scale's live midpoint", async () => {
    const settings = settingsFromTable(await settingsSheet());
    expect(settings).toMatchObject({
      scaleMax: 5,
      threshold: 3,
      weights: { power: 1, interest: 1, influence: 1 },
      championThreshold: CHAMPION_THRESHOLD,
      sheet: "BuyIn Settings",
      problems: [],
    });
    expect(settings.options.threshold).toBeUndefined();
  });

  it("follow a scale changed to 1–10 on the sheet: the threshold formula moves to 5.5", async () => {
    const settings = settingsFromTable(await settingsSheet({ cell: "B5", content: "10" }));
    expect(settings.scaleMax).toBe(10);
    expect(settings.threshold).toBe(5.5);
    expect(settings.options).toMatchObject({ scaleMax: 10 });
  });

  it("take a threshold and weights typed on the sheet", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(stakeholderMap([]));
    workbook.setCell("BuyIn Settings", "B6", "4");
    workbook.setCell("BuyIn Settings", "B7", "2");
    workbook.setCell("BuyIn Settings", "B10", "0.6");
    const settings = settingsFromTable(await workbook.readTable(SETTINGS_KIND));
    expect(settings.options).toMatchObject({
      threshold: 4,
      weights: { power: 2, interest: 1, influence: 1 },
      championThreshold: 0.6,
    });
  });

  it("refuse a scale the formulas cannot use, say so, and keep 1–5", async () => {
    const settings = settingsFromTable(await settingsSheet({ cell: "B5", content: "7" }));
    expect(settings.scaleMax).toBe(5);
    expect(settings.problems).toEqual(["Score scale top must be 5 or 10, not 7: the default is used."]);
  });

  it("are the defaults when the workbook has no settings sheet", () => {
    expect(settingsFromTable(undefined)).toMatchObject({ scaleMax: 5, threshold: 3, problems: [] });
  });
});

describe("settings changed on the Settings screen", () => {
  it("become changes from the cells as read to the values typed, a percentage as a share", async () => {
    const settings = settingsFromTable(await settingsSheet());
    expect(settings.read).toMatchObject({ ScaleMax: 5, Threshold: 3, ChampionThreshold: CHAMPION_THRESHOLD });
    const asked = settingChanges(settings, { Threshold: "4", ChampionThreshold: "80", WeightPower: "1" });
    expect(asked.problems).toEqual({});
    expect(asked.changes).toEqual([
      { name: "BuyIn_Map_Threshold", from: 3, to: 4 },
      { name: "BuyIn_Map_ChampionThreshold", from: CHAMPION_THRESHOLD, to: 0.8 },
    ]);
  });

  it("check each value against the scale being set, and change nothing while one is wrong", async () => {
    const settings = settingsFromTable(await settingsSheet());
    expect(settingChanges(settings, { Threshold: "8" }).problems).toEqual({
      Threshold: "High-score threshold must be from 1 to 5, not 8.",
    });
    // A threshold of 8 is fine on the 1–10 scale set with it.
    expect(settingChanges(settings, { ScaleMax: "10", Threshold: "8" }).changes).toHaveLength(2);
    const wrong = settingChanges(settings, { ScaleMax: "7", WeightInfluence: "-1", ChampionThreshold: "x" });
    expect(wrong.changes).toEqual([]);
    expect(Object.keys(wrong.problems).sort()).toEqual(["ChampionThreshold", "ScaleMax", "WeightInfluence"]);
  });
});

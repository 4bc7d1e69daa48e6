/**
 * The workbook's settings as the panel uses them: read off the BuyIn Settings sheet (written by the
 * register kit's assumptions, core/plans/stakeholder-columns.ts), so the panel validates, plots and
 * writes on the same scale, threshold, weights and champion threshold as the sheet's formulas.
 * A setting is found by its label in the sheet (the label the assumptions declare), its value in
 * the cell to its right. A value the formulas could not use is reported and its default used.
 */
import {
  type Cell,
  CHAMPION_THRESHOLD,
  type SettingChange,
  STAKEHOLDER_REGISTER,
  type StakeholderMapOptions,
} from "../../core/index";
import type { TableSnapshot } from "../workbook-port";

export interface WorkbookSettings {
  /** The options the panel hands the register kit and the map builder. */
  readonly options: StakeholderMapOptions;
  readonly scaleMax: 5 | 10;
  /** The high-score threshold in force: the sheet's, or the scale's midpoint. */
  readonly threshold: number;
  readonly weights: { readonly power: number; readonly interest: number; readonly influence: number };
  readonly championThreshold: number;
  /** The sheet they came from, or undefined when the workbook has none (defaults). */
  readonly sheet?: string;
  /** Settings found but unusable, as sentences; the default is used for each. */
  readonly problems: readonly string[];
  /** Each setting's value cell as read, by name suffix ("Threshold"): what a change replaces (compare-and-set). */
  readonly read: Readonly<Record<string, Cell>>;
}

const ASSUMPTIONS = STAKEHOLDER_REGISTER.declaration.assumptions?.({}).rows ?? [];
const DEFAULT_WEIGHTS = { power: 1, interest: 1, influence: 1 };

export const DEFAULT_SETTINGS: WorkbookSettings = {
  options: { scaleMax: 5 },
  scaleMax: 5,
  threshold: 3,
  weights: DEFAULT_WEIGHTS,
  championThreshold: CHAMPION_THRESHOLD,
  problems: [],
  read: {},
};

/** Each setting's value by its name suffix ("ScaleMax"), as read beside its label. */
function valuesByName(table: TableSnapshot): Map<string, unknown> {
  const byLabel = new Map(ASSUMPTIONS.map((row) => [row.label.toLowerCase(), row.name]));
  const values = new Map<string, unknown>();
  for (const { values: cells } of table.rows) {
    cells.forEach((cell, index) => {
      const name = typeof cell === "string" ? byLabel.get(cell.trim().toLowerCase()) : undefined;
      if (name && !values.has(name)) values.set(name, cells[index + 1] ?? null);
    });
  }
  return values;
}

/** A setting's label, as the settings sheet shows it. */
export const labelOf = (name: string) => ASSUMPTIONS.find((row) => row.name === name)?.label ?? name;

export function settingsFromTable(table: TableSnapshot | undefined): WorkbookSettings {
  if (!table) return DEFAULT_SETTINGS;
  const values = valuesByName(table);
  const problems: string[] = [];
  /** The named value when it is a number that passes `valid`; otherwise undefined, with a problem unless blank. */
  const number = (name: string, valid: (value: number) => boolean, rule: string): number | undefined => {
    const value = values.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "number" && Number.isFinite(value) && valid(value)) return value;
    problems.push(`${labelOf(name)} must be ${rule}, not ${JSON.stringify(value)}: the default is used.`);
    return undefined;
  };
  const scaleMax = number("ScaleMax", (value) => value === 5 || value === 10, "5 or 10") === 10 ? 10 : 5;
  const midpoint = (1 + scaleMax) / 2;
  const threshold = number(
    "Threshold",
    (value) => value >= 1 && value <= scaleMax,
    `a number from 1 to ${scaleMax}`,
  );
  const weight = (name: string) => number(name, (value) => value >= 0, "a number of 0 or more");
  const read = {
    power: weight("WeightPower") ?? 1,
    interest: weight("WeightInterest") ?? 1,
    influence: weight("WeightInfluence") ?? 1,
  };
  const weights = read.power + read.interest + read.influence > 0 ? read : DEFAULT_WEIGHTS;
  if (weights !== read) problems.push("The priority weights add up to 0: equal weights are used.");
  const championThreshold =
    number("ChampionThreshold", (value) => value >= 0 && value <= 1, "a share from 0% to 100%") ??
    CHAMPION_THRESHOLD;
  // The threshold's default is a live formula on the sheet: the panel keeps it so rather than freezing it.
  const ownThreshold = threshold !== undefined && threshold !== midpoint ? threshold : undefined;
  return {
    options: {
      scaleMax,
      ...(ownThreshold === undefined ? {} : { threshold: ownThreshold }),
      weights,
      championThreshold,
    },
    scaleMax,
    threshold: ownThreshold ?? midpoint,
    weights,
    championThreshold,
    sheet: table.sheet,
    problems,
    read: Object.fromEntries(
      [...values].map(([name, value]) => [name, value === undefined ? null : (value as Cell)]),
    ),
  };
}

/** The settings the Settings screen edits, by name suffix, each with how its text reads and checks. */
export const EDITABLE_SETTINGS = [
  { name: "ScaleMax", unit: "", hint: "5 or 10" },
  { name: "Threshold", unit: "", hint: "A score at or above it counts as high" },
  { name: "WeightPower", unit: "", hint: "0 or more" },
  { name: "WeightInterest", unit: "", hint: "0 or more" },
  { name: "WeightInfluence", unit: "", hint: "0 or more" },
  { name: "ChampionThreshold", unit: "%", hint: "From 0% to 100%" },
] as const;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number]["name"];

/** A setting's value in force as the screen's field shows it (a share as a percentage). */
export function settingText(settings: WorkbookSettings, name: EditableSetting): string {
  const value = {
    ScaleMax: settings.scaleMax,
    Threshold: settings.threshold,
    WeightPower: settings.weights.power,
    WeightInterest: settings.weights.interest,
    WeightInfluence: settings.weights.influence,
    ChampionThreshold: Math.round(settings.championThreshold * 1000) / 10,
  }[name];
  return String(value);
}

/**
 * The changes the Settings screen's fields ask for: each field whose text differs from the value
 * in force becomes a change from the cell as read to the new value; a field that breaks its rule
 * is a problem, and then nothing is changed.
 */
export function settingChanges(
  settings: WorkbookSettings,
  texts: Readonly<Partial<Record<EditableSetting, string>>>,
): { readonly changes: SettingChange[]; readonly problems: Partial<Record<EditableSetting, string>> } {
  const problems: Partial<Record<EditableSetting, string>> = {};
  const numbers = new Map<EditableSetting, number>();
  for (const { name } of EDITABLE_SETTINGS) {
    const text = (texts[name] ?? settingText(settings, name)).trim();
    const value = text === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) problems[name] = `${labelOf(name)} must be a number, not "${text}".`;
    else numbers.set(name, value);
  }
  const scaleMax = numbers.get("ScaleMax");
  if (scaleMax !== undefined && scaleMax !== 5 && scaleMax !== 10)
    problems.ScaleMax = `${labelOf("ScaleMax")} must be 5 or 10, not ${scaleMax}.`;
  const top = scaleMax === 10 ? 10 : 5;
  const threshold = numbers.get("Threshold");
  if (threshold !== undefined && (threshold < 1 || threshold > top))
    problems.Threshold = `${labelOf("Threshold")} must be from 1 to ${top}, not ${threshold}.`;
  for (const name of ["WeightPower", "WeightInterest", "WeightInfluence"] as const) {
    const weight = numbers.get(name);
    if (weight !== undefined && weight < 0)
      problems[name] = `${labelOf(name)} must be 0 or more, not ${weight}.`;
  }
  const champion = numbers.get("ChampionThreshold");
  if (champion !== undefined && (champion < 0 || champion > 100))
    problems.ChampionThreshold = `${labelOf("ChampionThreshold")} must be from 0% to 100%, not ${champion}%.`;
  if (Object.keys(problems).length > 0) return { changes: [], problems };
  const changes: SettingChange[] = [];
  for (const { name } of EDITABLE_SETTINGS) {
    const text = texts[name];
    if (text === undefined || Number(text) === Number(settingText(settings, name))) continue;
    const value = numbers.get(name) as number;
    changes.push({
      name: STAKEHOLDER_REGISTER.name(name),
      from: settings.read[name] ?? null,
      to: name === "ChampionThreshold" ? value / 100 : value,
    });
  }
  return { changes, problems };
}

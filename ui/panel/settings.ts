/**
 * The workbook's settings as the panel uses them: read off the BuyIn Settings sheet (written by the
 * register kit's assumptions, core/plans/stakeholder-columns.ts), so the panel validates, plots and
 * writes on the same scale, threshold, weights and champion threshold as the sheet's formulas.
 * A setting is found by its label in the sheet (the label the assumptions declare), its value in
 * the cell to its right. A value the formulas could not use is reported and its default used.
 */
import { CHAMPION_THRESHOLD, STAKEHOLDER_REGISTER, type StakeholderMapOptions } from "../../core/index";
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

const labelOf = (name: string) => ASSUMPTIONS.find((row) => row.name === name)?.label ?? name;

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
  };
}

/**
 * The engagement plan (issue 12, step 4): one row per stakeholder, by their register ID, with the
 * channel, the owner, the cadence (defaulted from the quadrant: BUYIN.CADENCE) and the last
 * contact. Computed as native date formulas: the next contact due (last contact + the cadence's
 * days, from a named table) and an overdue flag as of a named date (TODAY() by default).
 */

import { CADENCES, CHANNELS, type EngagementPlanRow, EngagementPlanSchema } from "../model/playbook";
import { DEFAULT_CADENCE } from "../stakeholders/cadence";
import type { Quadrant } from "../stakeholders/quadrant";
import { defineRegister } from "./register-kit";
import type { Cell, SheetPlan } from "./sheet-plan";

/** Days between contacts for each cadence. */
export const CADENCE_DAYS: Readonly<Record<(typeof CADENCES)[number], number>> = {
  Weekly: 7,
  Fortnightly: 14,
  Monthly: 30,
  Quarterly: 91,
};

export interface EngagementPlanOptions {
  /** The date contacts are judged overdue against (a serial); the sheet's default is TODAY(). */
  readonly asOf?: number;
  /**
   * The day TODAY() will show, for the kernels' expected values only, when `asOf` is not given:
   * the sheet keeps TODAY(), so a reviewer opening it later sees their own day.
   */
  readonly today?: number;
}

const cell = (id: string) => `{col:${id}}{row}`;
const [LAST, CADENCE, NEXT] = [cell("lastContact"), cell("cadence"), cell("nextDue")];

const nextDue = (row: EngagementPlanRow): number | undefined =>
  row.lastContact === undefined ? undefined : row.lastContact + CADENCE_DAYS[row.cadence];

export const ENGAGEMENT_PLAN = defineRegister<EngagementPlanRow, EngagementPlanOptions>({
  kind: "engagement-plan",
  title: "Engagement Plan",
  module: "Engage",
  schema: EngagementPlanSchema as never,
  key: { prefix: "S-", digits: 3 },
  columns: [
    { id: "id", header: "Stakeholder ID", role: "key", type: "text", width: 10 },
    { id: "name", header: "Name", role: "input", type: "text", width: 20 },
    {
      id: "channel",
      header: "Channel",
      role: "input",
      type: "choice",
      width: 12,
      validation: { list: CHANNELS },
    },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    {
      id: "cadence",
      header: "Cadence",
      role: "input",
      type: "choice",
      required: true,
      width: 12,
      initial: "Monthly",
      validation: { list: CADENCES },
      hint: "Defaulted from the quadrant: manage closely weekly, keep informed fortnightly, keep satisfied monthly, monitor quarterly.",
    },
    { id: "lastContact", header: "Last contact", role: "input", type: "date", width: 12 },
    {
      id: "nextDue",
      header: "Next contact due",
      role: "output",
      width: 14,
      numberFormat: "yyyy-mm-dd",
      formula: `=IF(OR(${LAST}="",${CADENCE}=""),"",${LAST}+INDEX({name:CadenceDays},MATCH(${CADENCE},{name:Cadences},0)))`,
      needs: ["lastContact", "cadence"],
      kernel: (row): Cell => nextDue(row) ?? "",
    },
    {
      id: "overdue",
      header: "Overdue",
      role: "output",
      width: 10,
      name: "Overdue",
      formula: `=IF(${NEXT}="","",IF(${NEXT}<{name:AsOf},"Overdue",""))`,
      needs: ["lastContact", "cadence"],
      kernel: (row, options): Cell =>
        (options.asOf ?? options.today) !== undefined &&
        (nextDue(row) as number) < ((options.asOf ?? options.today) as number)
          ? "Overdue"
          : "",
    },
  ],
  freeze: { rows: 1, columns: 2 },
  conditionalFormats: [{ column: "overdue", rules: [{ when: "equals", value: "Overdue", tone: "bad" }] }],
  assumptions: (options) => ({
    kind: "engagement-settings",
    title: "Engagement Settings",
    heading: "Engagement settings",
    intro: "The date contacts are judged overdue against, and the days each cadence stands for.",
    rows: [
      {
        label: "As of",
        name: "AsOf",
        ...(options.asOf === undefined ? { formula: "=TODAY()" } : { value: options.asOf }),
        format: "yyyy-mm-dd",
        meaning: "Today by default; type a date to see the plan as it stood then.",
      },
    ],
    tables: [
      {
        headers: ["Cadence", "Days between contacts"],
        rows: CADENCES.map((name) => [name, CADENCE_DAYS[name]] as const),
        names: ["Cadences", "CadenceDays"],
        editable: true,
      },
    ],
  }),
});

/** A plan row for a stakeholder, its cadence defaulted from their quadrant. */
export function engagementPlanRow(
  id: string,
  name: string,
  quadrant: Quadrant | undefined,
  lastContact?: number,
): EngagementPlanRow {
  const cadence = (quadrant ? DEFAULT_CADENCE[quadrant] : "Monthly") as EngagementPlanRow["cadence"];
  return { id, name, cadence, lastContact };
}

export const engagementPlanPlans = (
  rows: readonly EngagementPlanRow[],
  options: EngagementPlanOptions = {},
): SheetPlan[] => ENGAGEMENT_PLAN.plans(rows, options);

/**
 * Resources and support (issue 12, step 9) and milestones (step 5) on the register kit: the
 * budget, linked line by line to the business case's cost lines so that the model and the budget
 * never drift apart silently; the ongoing training offers; the support systems, flagged over
 * capacity; and the milestones, flagged when reached but not yet announced.
 */

import { costByYear } from "../case/cost-by-year";
import { type CostLine, MAX_HORIZON } from "../case/inputs";
import { COST_REGISTER } from "../case/registers";
import {
  AUDIENCES,
  type BudgetLine,
  BudgetLineSchema,
  FREQUENCIES,
  type Milestone,
  MilestoneSchema,
  OFFER_FORMATS,
  REACHED,
  SUPPORT_TYPES,
  type SupportSystem,
  SupportSystemSchema,
  type TrainingOffer,
  TrainingOfferSchema,
} from "../model/resources";
import { defineRegister } from "./register-kit";
import type { Cell, SheetPlan } from "./sheet-plan";

const cell = (id: string) => `{col:${id}}{row}`;

export interface BudgetOptions {
  /** The business case's cost lines and horizon, for the kernels' expected values only (the sheet reads the case's names). */
  readonly caseCosts?: readonly CostLine[];
  readonly horizonYears?: number;
}

/** What a budget line's case check says. */
export const BUDGET_FLAGS = { differs: "Differs from case", missing: "No case line" } as const;

/**
 * The business case's cost for a budget line's case line in its year, as the Business Case sheet
 * counts it (costByYear: one-off in its year, recurring from its year on, nothing past the
 * horizon); undefined when the case has no such line, or no case is given.
 *
 * Source: BuyIn's definition of a cost line (issue 10) and of the budget's link to it (issue 12).
 *
 * @example caseCostFor({ id: "BL-001", line: "LMS seats", caseLine: "c-004", year: 2 }, { caseCosts: SAMPLE_BUSINESS_CASE.costs, horizonYears: 3 }) // 9600
 */
export function caseCostFor(line: BudgetLine, options: BudgetOptions): number | undefined {
  // MATCH compares ids regardless of case, and so does this.
  const id = line.caseLine?.toUpperCase();
  const cost = options.caseCosts?.find((candidate) => candidate.id.toUpperCase() === id);
  if (!cost || options.horizonYears === undefined) return undefined;
  return line.year > options.horizonYears ? 0 : (costByYear(cost, options.horizonYears)[line.year] ?? 0);
}

const [LINE, YEAR, PLAN, ACTUAL, CASE_COST] = ["caseLine", "year", "plan", "actual", "caseCost"].map(
  cell,
) as [string, string, string, string, string];
const caseName = (suffix: string) => COST_REGISTER.name(suffix);
const AT = `MATCH(${LINE},${caseName("CostIds")},0)`;
const caseField = (suffix: string) => `INDEX(${caseName(suffix)},${AT})`;

export const BUDGET = defineRegister<BudgetLine, BudgetOptions>({
  kind: "budget",
  title: "Budget",
  module: "Budget",
  schema: BudgetLineSchema as never,
  key: { prefix: "BL-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "line", header: "Budget line", role: "input", type: "text", required: true, width: 28 },
    {
      id: "caseLine",
      header: "Case cost line",
      role: "input",
      type: "text",
      width: 11,
      hint: "The business case's cost line this funds (C-002); blank when the case has none.",
    },
    {
      id: "year",
      header: "Year",
      role: "input",
      type: "whole",
      required: true,
      width: 6,
      initial: "0",
      validation: { min: 0, max: MAX_HORIZON, whole: true },
      hint: "The business case's year: 0 is the start.",
    },
    {
      id: "plan",
      header: "Plan",
      role: "input",
      type: "number",
      width: 11,
      numberFormat: "#,##0",
      validation: { min: 0 },
      name: "Plans",
    },
    {
      id: "actual",
      header: "Actual",
      role: "input",
      type: "number",
      width: 11,
      numberFormat: "#,##0",
      validation: { min: 0 },
      hint: "Spent so far in that year.",
      name: "Actuals",
    },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    {
      id: "variance",
      header: "Variance",
      role: "output",
      width: 11,
      numberFormat: "#,##0;-#,##0",
      formula: `=IF(OR(${PLAN}="",${ACTUAL}=""),"",${ACTUAL}-${PLAN})`,
      needs: ["plan", "actual"],
      kernel: (line): Cell => (line.actual as number) - (line.plan as number),
    },
    {
      id: "burnRate",
      header: "Burn rate",
      role: "output",
      width: 9,
      numberFormat: "0%",
      // The share of the year's plan spent; no rate against a plan of 0.
      formula: `=IF(OR(${PLAN}="",${ACTUAL}=""),"",IF(${PLAN}=0,"",${ACTUAL}/${PLAN}))`,
      needs: ["plan", "actual"],
      kernel: (line): Cell => (line.plan === 0 ? "" : (line.actual as number) / (line.plan as number)),
    },
    {
      id: "caseCost",
      header: "Case cost",
      role: "output",
      width: 11,
      numberFormat: "#,##0",
      // As the Business Case sheet counts a line: one-off in its year, recurring from its year on, none past the horizon.
      formula: `=IF(OR(${LINE}="",${YEAR}=""),"",IFERROR(${caseField("CostAmounts")}*(${YEAR}<=${caseName("Horizon")})*IF(${caseField("CostTimings")}="One-off",${YEAR}=${caseField("CostYears")},${YEAR}>=${caseField("CostYears")}),""))`,
      needs: ["caseLine", "year"],
      kernel: (line, options): Cell => caseCostFor(line, options) ?? "",
    },
    {
      id: "caseCheck",
      header: "Case check",
      role: "output",
      width: 16,
      name: "CaseChecks",
      formula: `=IF(${LINE}="","",IF(${CASE_COST}="","${BUDGET_FLAGS.missing}",IF(${PLAN}="","",IF(ROUND(${PLAN}-${CASE_COST},2)<>0,"${BUDGET_FLAGS.differs}",""))))`,
      needs: ["caseLine"],
      kernel: (line, options): Cell => {
        const caseCost = caseCostFor(line, options);
        if (caseCost === undefined) return BUDGET_FLAGS.missing;
        if (line.plan === undefined) return "";
        return Math.round((line.plan - caseCost) * 100) !== 0 ? BUDGET_FLAGS.differs : "";
      },
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const TRAINING_OFFERS = defineRegister<TrainingOffer, Record<string, never>>({
  kind: "training-offers",
  title: "Training Offers",
  module: "Training",
  schema: TrainingOfferSchema as never,
  key: { prefix: "T-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "offer", header: "Offer", role: "input", type: "text", required: true, width: 30 },
    {
      id: "audience",
      header: "Audience",
      role: "input",
      type: "choice",
      required: true,
      width: 18,
      initial: "Learners",
      validation: { list: AUDIENCES },
    },
    {
      id: "format",
      header: "Format",
      role: "input",
      type: "choice",
      width: 16,
      validation: { list: OFFER_FORMATS },
    },
    {
      id: "frequency",
      header: "Frequency",
      role: "input",
      type: "choice",
      width: 12,
      validation: { list: FREQUENCIES },
    },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    { id: "nextDate", header: "Next date", role: "input", type: "date", width: 12 },
  ],
  freeze: { rows: 1, columns: 2 },
});

/** What a support system's flag says when its usage is over its capacity. */
export const OVER_CAPACITY = "Over capacity";
const [CAPACITY, USAGE] = [cell("capacity"), cell("usage")];

export const SUPPORT_SYSTEMS = defineRegister<SupportSystem, Record<string, never>>({
  kind: "support-systems",
  title: "Support Systems",
  module: "Support",
  schema: SupportSystemSchema as never,
  key: { prefix: "SP-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "system", header: "Support system", role: "input", type: "text", required: true, width: 26 },
    {
      id: "type",
      header: "Type",
      role: "input",
      type: "choice",
      width: 12,
      validation: { list: SUPPORT_TYPES },
    },
    {
      id: "audience",
      header: "For",
      role: "input",
      type: "choice",
      width: 18,
      validation: { list: AUDIENCES },
    },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    {
      id: "capacity",
      header: "Capacity a month",
      role: "input",
      type: "number",
      width: 10,
      validation: { min: 0 },
      hint: "What it can take in a month: requests, sessions, pairs …",
    },
    {
      id: "usage",
      header: "Usage a month",
      role: "input",
      type: "number",
      width: 10,
      validation: { min: 0 },
      hint: "What it takes in a month, in the same unit.",
    },
    {
      id: "utilisation",
      header: "Use of capacity",
      role: "output",
      width: 10,
      numberFormat: "0%",
      formula: `=IF(OR(${CAPACITY}="",${USAGE}=""),"",IF(${CAPACITY}=0,"",${USAGE}/${CAPACITY}))`,
      needs: ["capacity", "usage"],
      kernel: (system): Cell =>
        system.capacity === 0 ? "" : (system.usage as number) / (system.capacity as number),
    },
    {
      id: "flag",
      header: "Flag",
      role: "output",
      width: 13,
      name: "Flags",
      formula: `=IF(OR(${CAPACITY}="",${USAGE}=""),"",IF(${USAGE}>${CAPACITY},"${OVER_CAPACITY}",""))`,
      needs: ["capacity", "usage"],
      kernel: (system): Cell => ((system.usage as number) > (system.capacity as number) ? OVER_CAPACITY : ""),
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

/** What a milestone's flag says when it is reached and nobody has been told. */
export const NOT_ANNOUNCED = "Not announced";

export const MILESTONES = defineRegister<Milestone, Record<string, never>>({
  kind: "milestones",
  title: "Milestones",
  module: "Milestone",
  schema: MilestoneSchema as never,
  key: { prefix: "M-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "milestone", header: "Milestone", role: "input", type: "text", required: true, width: 30 },
    { id: "date", header: "Date", role: "input", type: "date", width: 12 },
    {
      id: "reached",
      header: "Reached",
      role: "input",
      type: "choice",
      required: true,
      width: 9,
      initial: "No",
      validation: { list: REACHED },
    },
    {
      id: "celebrated",
      header: "How it was celebrated",
      role: "input",
      type: "text",
      width: 26,
    },
    {
      id: "announced",
      header: "How and where announced",
      role: "input",
      type: "text",
      width: 26,
      hint: "The channel and the audience: all-staff email, ops review …",
    },
    {
      id: "flag",
      header: "Flag",
      role: "output",
      width: 14,
      name: "Flags",
      formula: `=IF(AND({col:reached}{row}="Yes",TRIM({col:announced}{row})=""),"${NOT_ANNOUNCED}","")`,
      needs: [],
      kernel: (milestone): Cell =>
        // TRIM drops spaces only, so only spaces make an announcement blank.
        milestone.reached === "Yes" && /^ *$/.test(milestone.announced ?? "") ? NOT_ANNOUNCED : "",
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const budgetPlans = (lines: readonly BudgetLine[], options: BudgetOptions = {}): SheetPlan[] =>
  BUDGET.plans(lines, options);
export const trainingOfferPlans = (offers: readonly TrainingOffer[]): SheetPlan[] =>
  TRAINING_OFFERS.plans(offers, {});
export const supportSystemPlans = (systems: readonly SupportSystem[]): SheetPlan[] =>
  SUPPORT_SYSTEMS.plans(systems, {});
export const milestonePlans = (milestones: readonly Milestone[]): SheetPlan[] =>
  MILESTONES.plans(milestones, {});

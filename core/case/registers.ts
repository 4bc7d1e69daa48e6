/**
 * The business case's registers, declared once on the register kit (core/plans/register-kit.ts):
 * cost lines, benefit streams and intangibles, so the panel's drafts, the sheets and their parsers
 * come from one declaration each.
 */
import { adjustedBenefit } from "../finance/adjusted-benefit";
import { defineRegister } from "../plans/register-kit";
import {
  type BenefitStream,
  BenefitStreamSchema,
  COST_CATEGORIES,
  COST_TIMINGS,
  type CostLine,
  CostLineSchema,
  type Intangible,
  IntangibleSchema,
  MAX_HORIZON,
} from "./inputs";
import { BENEFIT_LABELS, COST_LABELS, INTANGIBLE_LABELS } from "./labels";

/** What the case's registers need to know of the programme: the horizon bounds the years. */
export interface CaseRegisterOptions {
  readonly horizonYears?: number;
}

const lastYear = (options: CaseRegisterOptions) => options.horizonYears ?? MAX_HORIZON;

export const COST_REGISTER = defineRegister<CostLine, CaseRegisterOptions>({
  kind: "case-costs",
  title: "Case Costs",
  module: "Case",
  schema: CostLineSchema,
  key: { prefix: "C-", digits: 3 },
  columns: [
    { id: "id", header: COST_LABELS.id, role: "key", type: "text", width: 8, name: "CostIds" },
    {
      id: "category",
      header: COST_LABELS.category,
      role: "input",
      type: "choice",
      required: true,
      width: 22,
      validation: { list: COST_CATEGORIES },
      hint: "Learner time is computed from the programme; do not add it here.",
      initial: "Design and development",
      name: "CostCategories",
    },
    { id: "description", header: COST_LABELS.description, role: "input", type: "text", width: 30 },
    {
      id: "timing",
      header: COST_LABELS.timing,
      role: "input",
      type: "choice",
      required: true,
      width: 11,
      validation: { list: COST_TIMINGS },
      hint: "One-off: in its year only. Recurring: in its year and every year after.",
      initial: "One-off",
      name: "CostTimings",
    },
    {
      id: "amount",
      header: COST_LABELS.amount,
      role: "input",
      type: "number",
      required: true,
      width: 12,
      numberFormat: "#,##0",
      validation: { min: 0 },
      name: "CostAmounts",
    },
    {
      id: "year",
      header: COST_LABELS.year,
      role: "input",
      type: "whole",
      required: true,
      width: 6,
      validation: (options) => ({ min: 0, max: lastYear(options), whole: true }),
      hint: "0 is the start, before benefits begin.",
      initial: "0",
      name: "CostYears",
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

const share = (id: "attribution" | "confidence", hint: string, name: string) =>
  ({
    id,
    name,
    header: BENEFIT_LABELS[id],
    role: "input",
    type: "number",
    width: 11,
    numberFormat: "0%",
    validation: { min: 0, max: 1 },
    hint,
  }) as const;

const cell = (id: keyof BenefitStream) => `{col:${id}}{row}`;

export const BENEFIT_REGISTER = defineRegister<BenefitStream, CaseRegisterOptions>({
  kind: "case-benefits",
  title: "Case Benefits",
  module: "Case",
  schema: BenefitStreamSchema,
  key: { prefix: "B-", digits: 3 },
  columns: [
    { id: "id", header: BENEFIT_LABELS.id, role: "key", type: "text", width: 8 },
    { id: "name", header: BENEFIT_LABELS.name, role: "input", type: "text", required: true, width: 24 },
    { id: "measure", header: BENEFIT_LABELS.measure, role: "input", type: "text", required: true, width: 28 },
    { id: "baseline", header: BENEFIT_LABELS.baseline, role: "input", type: "number", width: 10 },
    { id: "target", header: BENEFIT_LABELS.target, role: "input", type: "number", width: 10 },
    { id: "targetSource", header: BENEFIT_LABELS.targetSource, role: "input", type: "text", width: 28 },
    {
      id: "improvement",
      header: BENEFIT_LABELS.improvement,
      role: "input",
      type: "number",
      required: true,
      width: 12,
      validation: { min: 0 },
      hint: "Units a year at full effect.",
      name: "Improvements",
    },
    {
      id: "valuePerUnit",
      header: BENEFIT_LABELS.valuePerUnit,
      role: "input",
      type: "number",
      required: true,
      width: 12,
      numberFormat: "#,##0",
      validation: { min: 0 },
      name: "UnitValues",
    },
    share("attribution", "Share of the improvement the programme caused, 0 to 100%.", "Attributions"),
    share("confidence", "Confidence in that share, 0 to 100%.", "Confidences"),
    {
      id: "firstYear",
      header: BENEFIT_LABELS.firstYear,
      role: "input",
      type: "whole",
      required: true,
      width: 8,
      validation: (options) => ({ min: 1, max: lastYear(options), whole: true }),
      initial: "1",
      name: "FirstYears",
    },
    {
      id: "rampUpYears",
      header: BENEFIT_LABELS.rampUpYears,
      role: "input",
      type: "whole",
      required: true,
      width: 9,
      validation: { min: 0, max: MAX_HORIZON, whole: true },
      hint: "Years before full effect: with 1, half the first year, all after.",
      initial: "0",
      name: "RampUps",
    },
    {
      id: "durationYears",
      header: BENEFIT_LABELS.durationYears,
      role: "input",
      type: "whole",
      required: true,
      width: 9,
      validation: { min: 1, max: MAX_HORIZON, whole: true },
      initial: "1",
      name: "Durations",
    },
    {
      id: "adjustedAnnualValue",
      header: "Adjusted value a year",
      role: "output",
      width: 14,
      numberFormat: "#,##0",
      name: "AdjustedAnnualValues",
      // At full effect; a blank share is no adjustment (counted as 1), as the model counts it.
      formula: `=IF(OR(${cell("improvement")}="",${cell("valuePerUnit")}=""),"",${cell("improvement")}*${cell("valuePerUnit")}*IF(${cell("attribution")}="",1,${cell("attribution")})*IF(${cell("confidence")}="",1,${cell("confidence")}))`,
      needs: ["improvement", "valuePerUnit"],
      kernel: (stream) =>
        adjustedBenefit(
          stream.improvement * stream.valuePerUnit,
          stream.attribution ?? 1,
          stream.confidence ?? 1,
        ),
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const INTANGIBLE_REGISTER = defineRegister<Intangible, CaseRegisterOptions>({
  kind: "case-intangibles",
  title: "Case Intangibles",
  module: "Case",
  schema: IntangibleSchema,
  key: { prefix: "I-", digits: 3 },
  columns: [
    { id: "id", header: INTANGIBLE_LABELS.id, role: "key", type: "text", width: 8 },
    { id: "name", header: INTANGIBLE_LABELS.name, role: "input", type: "text", required: true, width: 28 },
    { id: "note", header: INTANGIBLE_LABELS.note, role: "input", type: "text", width: 40 },
  ],
  freeze: { rows: 1, columns: 2 },
});

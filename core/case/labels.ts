import type { BenefitStream, CostLine, Intangible, Programme } from "./inputs";

/*
 * The label each input field goes by, in the panel, on the sheets and at the start of every
 * message about it ("Attribution must be a share from 0 to 1 …").
 */

export const PROGRAMME_LABELS: Readonly<Record<keyof Programme, string>> = {
  name: "Programme",
  learners: "Learners",
  hoursPerLearner: "Hours per learner",
  hourlyCost: "Loaded hourly cost",
  horizonYears: "Horizon (years)",
  discountRate: "Discount rate",
  startDate: "Start date",
  shortTerm: "Short-term programme",
};

export const COST_LABELS: Readonly<Record<keyof CostLine, string>> = {
  id: "Cost",
  category: "Category",
  description: "Description",
  timing: "Timing",
  amount: "Amount",
  year: "Year",
};

export const BENEFIT_LABELS: Readonly<Record<keyof BenefitStream, string>> = {
  id: "Benefit",
  name: "Name",
  measure: "Measure",
  baseline: "Baseline",
  target: "Target or benchmark",
  targetSource: "Target source",
  improvement: "Expected improvement",
  valuePerUnit: "Value per unit",
  attribution: "Attribution",
  confidence: "Confidence",
  firstYear: "First year",
  rampUpYears: "Ramp-up (years)",
  durationYears: "Duration (years)",
};

export const INTANGIBLE_LABELS: Readonly<Record<keyof Intangible, string>> = {
  id: "Intangible",
  name: "Name",
  note: "Note",
  moneyValue: "Money value",
};

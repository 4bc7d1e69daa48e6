import type { BusinessCaseInputs } from "./inputs";

/** How a scenario moves the key drivers: each a multiplier, 1 leaves the driver as it is. */
export interface DriverMultipliers {
  /** Every benefit stream's expected improvement. */
  readonly improvement: number;
  /** Every cost line's amount (learner time is not a cost line). */
  readonly costLines: number;
  /** Hours per learner, and so the learners' time. */
  readonly learnerHours: number;
}

/**
 * The scenarios the Business Case sheet shows, each a set of multipliers written as labelled,
 * named inputs on the Case Assumptions sheet (`BuyIn_Case_<id>Improvement`, `…CostLines`,
 * `…LearnerHours`), so a reviewer changes them there. Defaults: a quarter less improvement with
 * 15% dearer cost lines and 10% more learner time; the case as entered; a fifth more improvement
 * with 5% cheaper cost lines.
 */
export const CASE_SCENARIOS = [
  { id: "Conservative", multipliers: { improvement: 0.75, costLines: 1.15, learnerHours: 1.1 } },
  { id: "Expected", multipliers: { improvement: 1, costLines: 1, learnerHours: 1 } },
  { id: "Optimistic", multipliers: { improvement: 1.2, costLines: 0.95, learnerHours: 1 } },
] as const satisfies readonly { id: string; multipliers: DriverMultipliers }[];
export type CaseScenario = (typeof CASE_SCENARIOS)[number]["id"];

/**
 * The inputs of a scenario: every expected improvement, cost line amount and the hours per
 * learner multiplied by the scenario's multipliers, everything else as it is. `businessCase` of
 * the result is what the sheet's scenario table shows.
 *
 * Source: BuyIn's definition of a scenario (issue 10: "a scenario table: conservative, expected,
 * optimistic"), multipliers on the drivers a finance review most often questions.
 *
 * @param inputs the case as entered
 * @param multipliers the scenario's, each 0 or more
 * @returns new inputs; the given ones are not changed
 * @example scenarioInputs(SAMPLE_BUSINESS_CASE, { improvement: 0.5, costLines: 1, learnerHours: 1 }).benefits[0].improvement // 400
 */
export function scenarioInputs(
  inputs: BusinessCaseInputs,
  multipliers: DriverMultipliers,
): BusinessCaseInputs {
  return {
    ...inputs,
    programme: {
      ...inputs.programme,
      hoursPerLearner: inputs.programme.hoursPerLearner * multipliers.learnerHours,
    },
    costs: inputs.costs.map((line) => ({ ...line, amount: line.amount * multipliers.costLines })),
    benefits: inputs.benefits.map((stream) => ({
      ...stream,
      improvement: stream.improvement * multipliers.improvement,
    })),
  };
}

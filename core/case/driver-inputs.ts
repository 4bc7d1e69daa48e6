import type { BusinessCaseInputs } from "./inputs";

/** The drivers the sensitivity table moves, one at a time. */
export const SENSITIVITY_DRIVERS = [
  "improvement",
  "valuePerUnit",
  "costLines",
  "learnerHours",
  "hourlyCost",
] as const;
export type SensitivityDriver = (typeof SENSITIVITY_DRIVERS)[number];

/** Each driver as the sensitivity table labels it. */
export const DRIVER_LABELS: Readonly<Record<SensitivityDriver, string>> = {
  improvement: "Expected improvement (every stream)",
  valuePerUnit: "Value per unit (every stream)",
  costLines: "Cost line amounts",
  learnerHours: "Hours per learner",
  hourlyCost: "Loaded hourly cost",
};

/**
 * The inputs with one driver multiplied by `factor`: every stream's expected improvement or value
 * per unit, every cost line's amount, the hours per learner or the loaded hourly cost; everything
 * else as it is.
 *
 * Source: BuyIn's definition of a one-at-a-time sensitivity (issue 10: "each driver moved ±20 %").
 *
 * @param inputs the case as entered
 * @param driver which driver moves
 * @param factor what it is multiplied by (0.8 lowers it by 20%)
 * @returns new inputs; the given ones are not changed
 * @example driverInputs(SAMPLE_BUSINESS_CASE, "hourlyCost", 0.5).programme.hourlyCost // 19
 */
export function driverInputs(
  inputs: BusinessCaseInputs,
  driver: SensitivityDriver,
  factor: number,
): BusinessCaseInputs {
  const { programme } = inputs;
  return {
    ...inputs,
    programme: {
      ...programme,
      hoursPerLearner: programme.hoursPerLearner * (driver === "learnerHours" ? factor : 1),
      hourlyCost: programme.hourlyCost * (driver === "hourlyCost" ? factor : 1),
    },
    costs: inputs.costs.map((line) => ({
      ...line,
      amount: line.amount * (driver === "costLines" ? factor : 1),
    })),
    benefits: inputs.benefits.map((stream) => ({
      ...stream,
      improvement: stream.improvement * (driver === "improvement" ? factor : 1),
      valuePerUnit: stream.valuePerUnit * (driver === "valuePerUnit" ? factor : 1),
    })),
  };
}

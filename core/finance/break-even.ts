import { FormulaError } from "../errors";
import { finiteResult, got, requireFinite, requireNonNegative, show } from "../validate";

const FN = "BUYIN.BREAKEVEN";

/**
 * Break-even volume: fixed cost / net benefit per unit, the number of units (participants,
 * cohorts, sessions) at which total net benefit covers the fixed cost.
 *
 * Source: cost–volume–profit analysis, break-even units = fixed costs / contribution per unit
 * (e.g. Horngren, Datar & Rajan, "Cost Accounting", ch. 3).
 *
 * @param fixedCost fixed programme cost, 0 or more
 * @param netBenefitPerUnit benefit per unit minus variable cost per unit, greater than 0
 * @returns units, not rounded (round up for whole participants)
 * @throws FormulaError `#VALUE!` when the net benefit per unit is 0 or less (no volume breaks even)
 * @example breakEven(50000, 400) // 125
 */
export function breakEven(fixedCost: number, netBenefitPerUnit: number): number {
  requireNonNegative(FN, "fixed cost", fixedCost);
  requireFinite(FN, "net benefit per unit", netBenefitPerUnit);
  if (netBenefitPerUnit === 0) {
    throw new FormulaError(
      "VALUE",
      `${FN}: net benefit per unit must be greater than 0 (at 0 no volume breaks even), ${got(0)}`,
    );
  }
  if (netBenefitPerUnit < 0) {
    throw new FormulaError(
      "VALUE",
      `${FN}: net benefit per unit must be greater than 0 (each unit loses ${show(-netBenefitPerUnit)}), so no volume breaks even`,
    );
  }
  return finiteResult(FN, fixedCost / netBenefitPerUnit);
}

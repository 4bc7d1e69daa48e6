import type { CostLine } from "./inputs";

/**
 * One cost line spread over years 0…horizon: a one-off amount in its year only; a recurring
 * amount in its year and every year after it, to the horizon. Year 0 is the start (the
 * investment before benefits begin, not discounted).
 *
 * Source: BuyIn's definition of a cost line (issue 10: "each is one-off or recurring, by year").
 *
 * @param line a valid cost line (core/case/inputs.ts)
 * @param horizonYears the case's last year
 * @returns horizonYears + 1 amounts, index = year; a line whose year is past the horizon adds nothing
 * @example costByYear({ timing: "Recurring", amount: 500, year: 1 }, 3).reduce((a, b) => a + b) // 1500
 */
export function costByYear(
  line: Pick<CostLine, "timing" | "amount" | "year">,
  horizonYears: number,
): number[] {
  const amounts = new Array<number>(horizonYears + 1).fill(0);
  for (let year = line.year; year <= horizonYears; year++) {
    amounts[year] = line.amount;
    if (line.timing === "One-off") break;
  }
  return amounts;
}

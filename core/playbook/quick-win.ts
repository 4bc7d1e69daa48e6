import { FormulaError } from "../errors";
import { got, requireFinite, requireNonNegative, requireShare } from "../validate";

const FN = "BUYIN.QUICKWIN";

/** The days to value at which a quick win's score is halved: about a quarter. */
export const QUICK_WIN_HORIZON_DAYS = 90;

function requireScore(name: string, value: number): number {
  requireFinite(FN, name, value);
  if (value < 1 || value > 5)
    throw new FormulaError("VALUE", `${FN}: ${name} must be a score from 1 to 5, ${got(value)}`);
  return value;
}

/**
 * Quick-win score of a candidate: impact × visibility × confidence ÷ (effort × (1 + days ÷ 90)).
 * What it is worth to the stakeholders who will see it, per unit of effort, discounted by how long
 * it takes to show: effort and time count against a candidate, and a win that takes 90 days
 * scores half of the same win delivered at once.
 *
 * Source: RICE scoring (reach × impact × confidence ÷ effort; S. McBride, "RICE: Simple
 * prioritization for product managers", Intercom, 2016), with visibility to stakeholders as the
 * reach; the time discount is BuyIn's, for Kotter's short-term wins (J. P. Kotter, "Leading
 * Change", 1996, step 6: visible, unambiguous wins within months).
 *
 * @param impact 1–5
 * @param visibility how many of the stakeholders to convince will see it, 1–5
 * @param confidence the chance it delivers, a share from 0 to 1
 * @param effort 1–5 (greater than 0)
 * @param daysToValue days until the win shows, 0 or more
 * @param horizonDays the days that halve a score; default 90 (the sheets name it as a setting)
 * @example quickWin(4, 5, 0.8, 2, 30) // 6
 */
export function quickWin(
  impact: number,
  visibility: number,
  confidence: number,
  effort: number,
  daysToValue: number,
  horizonDays = QUICK_WIN_HORIZON_DAYS,
): number {
  requireScore("impact", impact);
  requireScore("visibility", visibility);
  requireShare(FN, "confidence", confidence);
  requireScore("effort", effort);
  requireNonNegative(FN, "days_to_value", daysToValue);
  return (impact * visibility * confidence) / (effort * (1 + daysToValue / horizonDays));
}

import { requireScore, resolveScale, type ScaleOptions } from "./scale";

const FN = "BUYIN.QUADRANT";

/** The four power/interest strategies, in grid order: high/high, high/low, low/high, low/low. */
export const QUADRANTS = ["Manage closely", "Keep satisfied", "Keep informed", "Monitor"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/**
 * Power/interest grid (Mendelow): a stakeholder with high power and high interest is managed
 * closely; high power, low interest: keep satisfied; low power, high interest: keep informed;
 * low and low: monitor. "High" is a score at or above the threshold (default the midpoint of the
 * scale).
 *
 * Source: A. Mendelow (1991), "Stakeholder mapping", Proceedings of the 2nd International
 * Conference on Information Systems, Cambridge MA; strategies as in docs/ARCHITECTURE.md.
 *
 * @param power power score on the scale (1–5 by default)
 * @param interest interest score on the scale
 * @throws FormulaError `#VALUE!` for a score off the scale or a bad scale/threshold
 * @example quadrant(4, 2) // "Keep satisfied"
 */
export function quadrant(power: number, interest: number, options?: ScaleOptions): Quadrant {
  const scale = resolveScale(FN, options);
  const highPower = requireScore(FN, "power", power, scale) >= scale.threshold;
  const highInterest = requireScore(FN, "interest", interest, scale) >= scale.threshold;
  if (highPower) return highInterest ? "Manage closely" : "Keep satisfied";
  return highInterest ? "Keep informed" : "Monitor";
}

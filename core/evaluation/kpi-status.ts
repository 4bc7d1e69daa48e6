import { requireFinite, requireNonNegative } from "../validate";

/** What BUYIN.KPISTATUS answers, best first. */
export const KPI_STATUSES = ["On track", "At risk", "Off track"] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
/** "up": higher is better (completion); "down": lower is better (time to competence, errors). */
export const KPI_DIRECTIONS = ["up", "down"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

const FN = "BUYIN.KPISTATUS";

/**
 * A KPI's status against its target: "On track" when the target is met (actual ≥ target, or ≤
 * for a lower-is-better KPI); "At risk" when it is missed by no more than `tolerance` × |target|;
 * "Off track" otherwise. Traffic-light (RAG) status as used in balanced-scorecard reporting
 * (R. S. Kaplan & D. P. Norton, "The Balanced Scorecard", 1996); the band is BuyIn's rule.
 *
 * @param actual the KPI's latest value
 * @param target its target
 * @param direction "up" (default, higher is better) or "down"
 * @param tolerance the at-risk band as a share of |target|, 0 or more; default 0.1
 * @example kpiStatus(0.85, 0.9) // "At risk"
 */
export function kpiStatus(
  actual: number,
  target: number,
  direction: KpiDirection = "up",
  tolerance = 0.1,
): KpiStatus {
  requireFinite(FN, "actual", actual);
  requireFinite(FN, "target", target);
  requireNonNegative(FN, "tolerance", tolerance);
  const shortfall = direction === "up" ? target - actual : actual - target;
  if (shortfall <= 0) return "On track";
  return shortfall <= tolerance * Math.abs(target) ? "At risk" : "Off track";
}

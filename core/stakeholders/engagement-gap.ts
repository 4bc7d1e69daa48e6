import { engagementNumber } from "./engagement";

const FN = "BUYIN.ENGAGEGAP";

/**
 * Engagement gap (PMBOK stakeholder engagement assessment matrix): desired level − current level,
 * on Unaware 1, Resistant 2, Neutral 3, Supportive 4, Leading 5. Positive: engagement to build;
 * 0: where it should be; negative: more engaged than needed.
 *
 * Source: PMI, "A Guide to the Project Management Body of Knowledge" (PMBOK Guide, 6th ed.),
 * §13.2.2.5 Stakeholder engagement assessment matrix.
 *
 * @param current current level, a name or 1–5
 * @param desired desired level, a name or 1–5
 * @example engagementGap("Neutral", "Leading") // 2
 */
export function engagementGap(current: number | string, desired: number | string): number {
  return engagementNumber(FN, "desired", desired) - engagementNumber(FN, "current", current);
}

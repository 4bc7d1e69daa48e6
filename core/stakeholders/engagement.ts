import { FormulaError } from "../errors";
import { got } from "../validate";

/** PMBOK's stakeholder engagement levels, 1 to 5. */
export const ENGAGEMENT_LEVELS = ["Unaware", "Resistant", "Neutral", "Supportive", "Leading"] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

/**
 * An engagement level as its number, 1 (Unaware) to 5 (Leading), from the number or the name
 * (any case, surrounding spaces ignored).
 */
export function engagementNumber(fn: string, name: string, level: number | string): number {
  if (typeof level === "number") {
    if (Number.isInteger(level) && level >= 1 && level <= 5) return level;
    throw new FormulaError(
      "VALUE",
      `${fn}: ${name} must be a level from 1 (Unaware) to 5 (Leading), ${got(level)}`,
    );
  }
  const wanted = level.trim().toLowerCase();
  const index = ENGAGEMENT_LEVELS.findIndex((known) => known.toLowerCase() === wanted);
  if (index < 0) {
    throw new FormulaError(
      "VALUE",
      `${fn}: ${name} must be one of ${ENGAGEMENT_LEVELS.join(", ")} (or 1–5), got "${level.slice(0, 40)}"`,
    );
  }
  return index + 1;
}

import { requireScore, resolveScale, type ScaleOptions } from "./scale";

const FN = "BUYIN.SALIENCE";

export const SALIENCE_CLASSES = [
  "Non-stakeholder",
  "Dormant",
  "Discretionary",
  "Demanding",
  "Dominant",
  "Dangerous",
  "Dependent",
  "Definitive",
] as const;
export type SalienceClass = (typeof SALIENCE_CLASSES)[number];

/**
 * Stakeholder salience (Mitchell, Agle & Wood): which of the attributes power, legitimacy and
 * urgency a stakeholder has. One: Dormant (power), Discretionary (legitimacy), Demanding
 * (urgency). Two: Dominant (power + legitimacy), Dangerous (power + urgency), Dependent
 * (legitimacy + urgency). Three: Definitive. None: Non-stakeholder. An attribute is present when
 * its score is at or above the threshold (default the midpoint of the scale).
 *
 * Source: R. K. Mitchell, B. R. Agle & D. J. Wood (1997), "Toward a theory of stakeholder
 * identification and salience", Academy of Management Review 22(4), 853–886.
 *
 * @example salience(5, 4, 1) // "Dominant"
 */
export function salience(
  power: number,
  legitimacy: number,
  urgency: number,
  options?: ScaleOptions,
): SalienceClass {
  const scale = resolveScale(FN, options);
  const hasPower = requireScore(FN, "power", power, scale) >= scale.threshold;
  const hasLegitimacy = requireScore(FN, "legitimacy", legitimacy, scale) >= scale.threshold;
  const hasUrgency = requireScore(FN, "urgency", urgency, scale) >= scale.threshold;
  if (hasPower && hasLegitimacy && hasUrgency) return "Definitive";
  if (hasPower && hasLegitimacy) return "Dominant";
  if (hasPower && hasUrgency) return "Dangerous";
  if (hasLegitimacy && hasUrgency) return "Dependent";
  if (hasPower) return "Dormant";
  if (hasLegitimacy) return "Discretionary";
  if (hasUrgency) return "Demanding";
  return "Non-stakeholder";
}

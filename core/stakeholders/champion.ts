import { engagementNumber } from "./engagement";
import { requireScore, resolveScale, type ScaleOptions } from "./scale";

const FN = "BUYIN.CHAMPION";

/**
 * Champion score, 0 to 1: how well a stakeholder fits the role of programme champion, the mean
 * of three shares of their range: interest (s − 1)/(max − 1), influence likewise, and engagement
 * (level − 1)/4 on Unaware 1 … Leading 5. Champions care, carry weight with others, and already
 * support the change; BuyIn flags scores of 0.75 and more.
 *
 * Source: BuyIn's definition, after J. P. Kotter (1996), "Leading Change", on building a guiding
 * coalition from people with position power, credibility and commitment.
 *
 * @param interest interest score on the scale (1–5 by default)
 * @param influence influence score on the scale
 * @param engagement current engagement, a name or 1–5
 * @example championScore(5, 4, "Supportive") // 0.8333333333333334
 */
export function championScore(
  interest: number,
  influence: number,
  engagement: number | string,
  options?: Pick<ScaleOptions, "scaleMax">,
): number {
  const scale = resolveScale(FN, { scaleMax: options?.scaleMax ?? 5 });
  const span = scale.max - scale.min;
  const interestShare = (requireScore(FN, "interest", interest, scale) - scale.min) / span;
  const influenceShare = (requireScore(FN, "influence", influence, scale) - scale.min) / span;
  const engagementShare = (engagementNumber(FN, "engagement", engagement) - 1) / 4;
  return (interestShare + influenceShare + engagementShare) / 3;
}

/** Champion scores at or above this are flagged as champion candidates. */
export const CHAMPION_THRESHOLD = 0.75;

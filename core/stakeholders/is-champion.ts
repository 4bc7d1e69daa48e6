import { CHAMPION_THRESHOLD } from "./champion";

/**
 * Whether a stakeholder is shown as a champion: their champion score (BUYIN.CHAMPION) reaches the
 * threshold and they have no open high-severity concern. Someone whose serious worry is still
 * unanswered is not asked to advocate, however well they score.
 *
 * Source: BuyIn's definition (docs/ARCHITECTURE.md, "champion score"), after J. P. Kotter (1996),
 * "Leading Change": a guiding coalition needs commitment, which an open serious concern denies.
 *
 * @param score the champion score, 0 to 1
 * @param openHighConcerns how many high-severity concerns they have open
 * @param threshold the score that flags a champion; default 0.75
 * @example Number(isChampion(0.8333, 1)) // 0
 */
export function isChampion(score: number, openHighConcerns: number, threshold = CHAMPION_THRESHOLD): boolean {
  return score >= threshold && openHighConcerns === 0;
}

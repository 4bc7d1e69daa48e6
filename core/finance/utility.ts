import { finiteResult, requireFinite, requireNonNegative } from "../validate";

const FN = "BUYIN.UTILITY";

/**
 * Brogden–Cronbach–Gleser utility of a training programme: ΔU = N × T × d × SDy − C, the
 * monetary gain from N trained people over T years, with d the true effect size of training on
 * job performance (in standard deviations) and SDy the standard deviation of performance in
 * money per person per year.
 *
 * Source: Schmidt, Hunter & Pearlman (1982), "Assessing the economic impact of personnel
 * programs on workforce productivity", Personnel Psychology 35, 333–347.
 *
 * @param n people trained, 0 or more
 * @param years years the effect lasts, 0 or more
 * @param effectSize true effect size d (may be negative)
 * @param sdy standard deviation of job performance in money per person-year, 0 or more
 * @param cost total cost of training the N people, 0 or more
 * @example utility(100, 2, 0.5, 10000, 50000) // 950000
 */
export function utility(n: number, years: number, effectSize: number, sdy: number, cost: number): number {
  requireNonNegative(FN, "n", n);
  requireNonNegative(FN, "years", years);
  requireFinite(FN, "effect size", effectSize);
  requireNonNegative(FN, "sdy", sdy);
  requireNonNegative(FN, "cost", cost);
  return finiteResult(FN, n * years * effectSize * sdy - cost);
}

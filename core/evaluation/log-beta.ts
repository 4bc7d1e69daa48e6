import { logGamma } from "./log-gamma";

/** From here up, ln Γ(x) − ln Γ(x + b) is taken from Stirling's series: its next term is below 1e-17 there. */
const STIRLING_FROM = 20;

/** Stirling's series for ln Γ(x) past its leading terms: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹). */
function stirlingCorrection(x: number): number {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square * (1 / 1680 - square / 1188))));
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * When the larger argument is big, ln Γ(big) and ln Γ(big + small) are large and nearly equal, and
 * subtracting them loses digits (at a = 5,000 about 12 of 16). Their difference is then taken
 * from Stirling's series (Abramowitz & Stegun 6.1.40), written so that no large terms cancel:
 * −(big − ½)·ln(1 + small/big) − small·ln(big + small) + small + the series' corrections.
 *
 * B(2, 3) = 1/12, so:
 *
 * @example logBeta(2, 3) // -2.4849066497880004
 */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < STIRLING_FROM) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = big + small;
  const difference =
    -(big - 0.5) * Math.log1p(small / big) -
    small * Math.log(sum) +
    small +
    stirlingCorrection(big) -
    stirlingCorrection(sum);
  return logGamma(small) + difference;
}

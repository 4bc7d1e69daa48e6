/**
 * The inverse CDF of the triangular distribution with minimum a (low), mode c (likely) and maximum
 * b (high), a ≤ c ≤ b: for u < F(c) = (c − a) / (b − a), x = a + √(u (b − a)(c − a)); otherwise
 * x = b − √((1 − u)(b − a)(b − c)). With a = b every u gives a.
 *
 * Source: S. Kotz & J. R. van Dorp (2004), "Beyond Beta: Other Continuous Families of
 * Distributions with Bounded Support and Applications", World Scientific, ch. 1 (the triangular
 * distribution, its CDF and its inverse).
 *
 * @param u a probability in [0, 1]
 * @param low the minimum a
 * @param likely the mode c, from low to high
 * @param high the maximum b
 * @returns the value x with F(x) = u
 * @example triangularQuantile(0.5, 0, 0.5, 1) // 0.5
 */
export function triangularQuantile(u: number, low: number, likely: number, high: number): number {
  const width = high - low;
  if (width === 0) return low;
  const rising = likely - low;
  if (u * width < rising) return low + Math.sqrt(u * width * rising);
  return high - Math.sqrt((1 - u) * width * (high - likely));
}

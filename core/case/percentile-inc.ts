/**
 * The p-th percentile of sorted values, interpolated as Excel's PERCENTILE.INC (and R's default,
 * type 7): h = (n − 1) p, the value at ⌊h⌋ plus (h − ⌊h⌋) times the step to the next.
 *
 * Source: Microsoft, "PERCENTILE.INC function" (Excel documentation); R. J. Hyndman & Y. Fan
 * (1996), "Sample quantiles in statistical packages", The American Statistician 50(4), type 7.
 *
 * @param sorted values in ascending order, at least one
 * @param p the percentile as a share, from 0 to 1
 * @example percentileInc([1, 2, 3, 4], 0.1) // 1.3
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  if (below + 1 >= sorted.length) return lower;
  return lower + (position - below) * ((sorted[below + 1] as number) - lower);
}

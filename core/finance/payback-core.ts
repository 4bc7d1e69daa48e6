/**
 * Pure kernel shared by simple and discounted payback: the time at which the cumulative sum of
 * `flows` (flowᵢ at the end of period i, the first at time 0) first reaches zero after it has
 * been negative, interpolated linearly within the period. `NaN` when it never does.
 *
 * Where the running sum of large flows (1e308 and 1e308) would overflow, the flows are scaled
 * down by a power of two, exactly, so the sum stays below the largest double: the answer, a
 * count of periods and a ratio within one, is the same.
 */
export function paybackCore(flows: ArrayLike<number>): number {
  // Scaled by 2^-(⌈log₂ n⌉ + 1), n flows can add up to at most half the largest double.
  const scale = 2 ** -(Math.ceil(Math.log2(flows.length)) + 1);
  return paybackScaled(flows, 1) ?? (paybackScaled(flows, scale) as number);
}

/** Payback of flows × scale, or `undefined` when the running sum overflows. */
function paybackScaled(flows: ArrayLike<number>, scale: number): number | undefined {
  let cumulative = 0;
  let invested = false;
  for (let period = 0; period < flows.length; period++) {
    const flow = (flows[period] as number) * scale;
    const before = cumulative;
    cumulative += flow;
    if (!Number.isFinite(cumulative)) return undefined;
    if (invested && cumulative >= 0) return period - 1 + -before / flow;
    if (cumulative < 0) invested = true;
  }
  return Number.NaN;
}

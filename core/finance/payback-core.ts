/**
 * Pure kernel shared by simple and discounted payback: the time at which the cumulative sum of
 * `flows` (flowᵢ at the end of period i, the first at time 0) first reaches zero after it has
 * been negative, interpolated linearly within the period. `NaN` when it never does.
 */
export function paybackCore(flows: ArrayLike<number>): number {
  let cumulative = 0;
  let invested = false;
  for (let period = 0; period < flows.length; period++) {
    const flow = flows[period] as number;
    const before = cumulative;
    cumulative += flow;
    if (invested && cumulative >= 0) return period - 1 + -before / flow;
    if (cumulative < 0) invested = true;
  }
  return Number.NaN;
}

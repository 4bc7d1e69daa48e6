/** A recognition as the rule reads it: whom, and when. */
export interface RecognitionEntry {
  readonly champion: string;
  readonly date?: number;
}

/**
 * The date a champion was last recognised: the latest dated entry of the recognition log for
 * their ID, undefined when there is none. IDs match as a spreadsheet's `=` matches text: whatever
 * the case.
 *
 * Source: BuyIn's rule for the recognition log (issue 12, step 8: champions not recognised in 90
 * days are flagged); the Champions sheet's "Last recognised" formula computes the same.
 *
 * @param champion the champion's stakeholder ID ("S-001")
 * @param recognitions the recognition log's entries
 * @example lastRecognised("S-001", [{ champion: "S-001", date: 46250 }, { champion: "S-002", date: 46300 }, { champion: "S-001", date: 46280 }]) // 46280
 */
export function lastRecognised(
  champion: string,
  recognitions: readonly RecognitionEntry[],
): number | undefined {
  const key = champion.toLowerCase();
  let latest: number | undefined;
  for (const entry of recognitions)
    if (
      entry.champion.toLowerCase() === key &&
      entry.date !== undefined &&
      (latest === undefined || entry.date > latest)
    )
      latest = entry.date;
  return latest;
}

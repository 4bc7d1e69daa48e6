/** A feedback entry as the rule reads it: who, when, and how they felt (−2..+2). */
export interface SentimentEntry {
  readonly stakeholder: string;
  readonly date?: number;
  readonly sentiment?: number;
}

/**
 * The latest sentiment a stakeholder showed: the sentiment of their most recent dated feedback
 * entry that has one; on that date, when several entries have one, the lowest (a worry is not
 * averaged away by a kind word the same day, and the answer does not depend on the log's order,
 * which a user may sort). Undefined when they have no dated, scored entry. Stakeholders match as a
 * spreadsheet's `=` matches text: whatever the case.
 *
 * Source: BuyIn's rule for its feedback log (issue 12, step 4: "ask for feedback and act on it"),
 * the same the Stakeholders sheet's "Latest sentiment" formula computes.
 *
 * @param stakeholder the stakeholder's register ID ("S-003")
 * @param feedback the feedback log's entries
 * @example latestSentiment("S-003", [{ stakeholder: "S-003", date: 46300, sentiment: 2 }, { stakeholder: "s-003", date: 46310, sentiment: 1 }, { stakeholder: "S-003", date: 46310, sentiment: -1 }]) // -1
 */
export function latestSentiment(
  stakeholder: string,
  feedback: readonly SentimentEntry[],
): number | undefined {
  const key = stakeholder.toLowerCase();
  let latest: { date: number; sentiment: number } | undefined;
  for (const entry of feedback) {
    if (entry.stakeholder.toLowerCase() !== key || entry.date === undefined || entry.sentiment === undefined)
      continue;
    if (
      !latest ||
      entry.date > latest.date ||
      (entry.date === latest.date && entry.sentiment < latest.sentiment)
    )
      latest = { date: entry.date, sentiment: entry.sentiment };
  }
  return latest?.sentiment;
}

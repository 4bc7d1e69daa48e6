/** A concern as the count reads it: whose, how severe, whether still open. */
export interface ConcernEntry {
  readonly stakeholder: string;
  readonly severity: string;
  readonly status: string;
}

/**
 * How many concerns a stakeholder has open (status "Open"), of one severity when given. Only
 * concerns raised against the stakeholder's own register ID count: a group's concern (by the
 * group's name) is not put on each member. IDs match as a spreadsheet's `=` matches text:
 * whatever the case.
 *
 * Source: BuyIn's rule for the concern register (issue 12, step 6: open concerns rolled up on the
 * map, and an open high-severity concern keeps a stakeholder from being shown as a champion); the
 * Stakeholders sheet's "Open concerns" and "Champion" formulas compute the same.
 *
 * @param stakeholder the stakeholder's register ID ("S-006")
 * @param concerns the concern register's entries
 * @param severity count only this severity ("High")
 * @example openConcerns("S-006", [{ stakeholder: "S-006", severity: "High", status: "Open" }, { stakeholder: "S-006", severity: "Low", status: "Closed" }, { stakeholder: "S-006", severity: "Low", status: "Open" }], "High") // 1
 */
export function openConcerns(
  stakeholder: string,
  concerns: readonly ConcernEntry[],
  severity?: string,
): number {
  const key = stakeholder.toLowerCase();
  return concerns.filter(
    (concern) =>
      concern.stakeholder.toLowerCase() === key &&
      concern.status === "Open" &&
      (severity === undefined || concern.severity === severity),
  ).length;
}

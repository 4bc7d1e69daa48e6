/** Generated stakeholders for tests and the bench: deterministic, covering every level and edge score. */
import { cellA1, ENGAGEMENT_LEVELS, parseCell, type Stakeholder, stakeholderMap } from "../core/index";

export function generateStakeholders(count: number, scaleMax: 5 | 10 = 5): Stakeholder[] {
  const roles = [
    "Sponsor",
    "Line manager",
    "Finance partner",
    "HR business partner",
    "Learner rep",
    "Union rep",
  ];
  return Array.from({ length: count }, (_, index) => {
    // Walk every score combination: edge scores (1, threshold, max) come up every few rows.
    const score = (salt: number) => 1 + ((index * salt + Math.floor(index / scaleMax)) % scaleMax);
    return {
      id: `S-${String(index + 1).padStart(4, "0")}`,
      name: `Person ${index + 1}`,
      role: roles[index % roles.length] as string,
      group: `Group ${1 + (index % 7)}`,
      power: score(1),
      interest: score(3),
      influence: score(7),
      legitimacy: score(2),
      urgency: score(4),
      currentEngagement: ENGAGEMENT_LEVELS[index % 5] as Stakeholder["currentEngagement"],
      desiredEngagement: ENGAGEMENT_LEVELS[(index * 3 + 2) % 5] as Stakeholder["desiredEngagement"],
      caresAbout: index % 4 === 0 ? "Time away from the floor" : "",
      concerns: "",
      owner: "L&D lead",
      lastContact: 46000 + (index % 300),
      nextContact: 46100 + (index % 300),
    };
  });
}

/**
 * The first cell of a map list (columns B and C, top to bottom) that the map for `grown` covers
 * and the map for `before` does not: where a note the user typed below the smaller map stands in
 * the larger one's way.
 */
export function cellTheMapGrowsInto(before: readonly Stakeholder[], grown: readonly Stakeholder[]): string {
  const covers = (people: readonly Stakeholder[], row: number, column: number) =>
    (stakeholderMap(people)[2]?.blocks ?? []).some((block) => {
      const at = parseCell(block.at);
      const width = Math.max(...block.values.map((values) => values.length));
      return (
        row >= at.row &&
        row < at.row + block.values.length &&
        column >= at.column &&
        column < at.column + width
      );
    });
  for (let row = 4; row < 200; row++)
    for (const column of [2, 3])
      if (covers(grown, row, column) && !covers(before, row, column)) return cellA1(row, column);
  throw new Error("the larger map covers no cell the smaller one leaves free");
}

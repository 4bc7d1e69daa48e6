import { describe, expect, it } from "vitest";
import {
  cellsFromText,
  draftFromRecord,
  draftsFromCells,
  moveDraft,
  newDraft,
  validateDrafts,
} from "../../ui/panel/draft";
import { generateStakeholders } from "../stakeholder-fixtures";

describe("the panel's drafts", () => {
  it("reads tab-separated rows as Excel and Sheets copy them, and comma-separated text", () => {
    expect(cellsFromText("Name\tPower\r\nAda\t4\r\n\r\n")).toEqual([
      ["Name", "Power"],
      ["Ada", "4"],
    ]);
    expect(cellsFromText('"Bo",3\nCy,2')).toEqual([
      ["Bo", "3"],
      ["Cy", "2"],
    ]);
  });

  it("maps pasted cells by their header, or by the register's order without the ID", () => {
    const byHeader = draftsFromCells(
      [
        ["Interest", "Name", "Power", "Influence"],
        [5, "Ada", 4, 3],
      ],
      [],
    );
    expect(byHeader[0]?.values).toMatchObject({
      name: "Ada",
      power: "4",
      interest: "5",
      influence: "3",
      id: "S-001",
    });
    const byOrder = draftsFromCells([["Bo", "Sponsor", "Exec", 5, 2, 4]], byHeader);
    expect(byOrder[0]?.values).toMatchObject({
      name: "Bo",
      role: "Sponsor",
      group: "Exec",
      power: "5",
      interest: "2",
      id: "S-002",
    });
  });

  it("keeps a record's values as text, dates as yyyy-mm-dd", () => {
    const [person] = generateStakeholders(1);
    const draft = draftFromRecord(person as never);
    expect(draft.values.power).toBe(String(person?.power));
    expect(draft.values.lastContact).toBe("2025-12-09");
  });

  it("moves rows up and down within bounds", () => {
    const a = newDraft([], { name: "A" });
    const b = newDraft([a], { name: "B" });
    expect(moveDraft([a, b], 1, -1).map((draft) => draft.values.name)).toEqual(["B", "A"]);
    expect(moveDraft([a, b], 0, -1).map((draft) => draft.values.name)).toEqual(["A", "B"]);
  });

  it("validates with the sheet's parser and puts each message on its field", () => {
    const good = newDraft([], { name: "Ada", power: "4", interest: "2", influence: "3" });
    const bad = newDraft([good], {
      name: "",
      power: "9",
      interest: "x",
      influence: "3",
      currentEngagement: "Keen",
    });
    const { records, problems, problemCount } = validateDrafts([good, bad]);
    expect(records.map((record) => record.name)).toEqual(["Ada"]);
    expect(problemCount).toBe(4);
    expect(Object.fromEntries(problems.get(bad.uid) ?? [])).toEqual({
      name: "Name is required",
      power: 'Power must be a whole number from 1 to 5, not "9"',
      interest: 'Interest must be a whole number from 1 to 5, not "x"',
      currentEngagement:
        'Current engagement must be one of Unaware, Resistant, Neutral, Supportive, Leading, not "Keen"',
    });
  });
});

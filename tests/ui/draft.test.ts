import { describe, expect, it } from "vitest";
import {
  type DraftRow,
  draftFromRecord,
  draftsFromCells,
  draftsFromTable,
  newDraft,
  rowChecker,
  validateDrafts,
} from "../../ui/panel/draft";
import { generateStakeholders } from "../stakeholder-fixtures";

describe("the panel's drafts", () => {
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

  it("checks row by row exactly as the whole register is checked, a repeated ID included", () => {
    const people = generateStakeholders(6).map(draftFromRecord);
    const broken: DraftRow[] = people.map((draft, index) =>
      index === 1
        ? { ...draft, values: { ...draft.values, power: "0" } }
        : index === 4
          ? { ...draft, values: { ...draft.values, id: people[2]?.values.id ?? "" } }
          : draft,
    );
    const whole = validateDrafts(broken);
    const rows = rowChecker({})(broken).checks;
    expect([...rows].filter(([, check]) => check.problems).map(([uid]) => uid)).toEqual([
      ...whole.problems.keys(),
    ]);
    for (const [uid, messages] of whole.problems) expect(rows.get(uid)?.problems).toEqual(messages);
    expect(rows.get(broken[4]?.uid ?? "")?.problems?.get("id")).toMatch(/is used by an earlier row/);
    expect(broken.flatMap((draft) => rows.get(draft.uid)?.record ?? [])).toEqual(whole.records);
  });

  it("re-checks only the rows that changed, and every row when the scale changes", () => {
    const people = generateStakeholders(3).map(draftFromRecord);
    const check = rowChecker({ scaleMax: 5 });
    const first = check(people).checks;
    const edited = people.map((draft, index) =>
      index === 0 ? { ...draft, values: { ...draft.values, power: "7" } } : draft,
    );
    const second = check(edited).checks;
    expect(second.get(people[1]?.uid ?? "")).toBe(first.get(people[1]?.uid ?? ""));
    expect(second.get(people[0]?.uid ?? "")?.problems?.get("power")).toBe(
      'Power must be a whole number from 1 to 5, not "7"',
    );
    expect(rowChecker({ scaleMax: 10 })(edited).checks.get(people[0]?.uid ?? "")?.record?.power).toBe(7);
  });

  it("leaves the rows it has no time for to the next call, which checks them", () => {
    const people = generateStakeholders(4).map(draftFromRecord);
    const check = rowChecker({});
    expect(check(people, Number.NEGATIVE_INFINITY)).toEqual({ checks: new Map(), pending: 4 });
    const later = check(people);
    expect(later.pending).toBe(0);
    expect([...later.checks.values()].every((row) => row.record)).toBe(true);
  });

  it("reads the register's table back as the kit does, keyless rows given the next free keys", () => {
    const header = ["ID", "Name", "Power", "Interest", "Influence"];
    const rows = [
      ["S-007", "Ada", 4, 2, 3],
      [null, "Bo", 5, 5, 5],
      ["S-002", "Cy", 1, 1, 1],
      ["", "Di", 2, 2, 2],
    ];
    const values = (drafts: readonly DraftRow[]) => drafts.map((draft) => draft.values);
    const read = draftsFromTable(header, rows);
    expect(new Set(values(read))).toEqual(new Set(values(draftsFromCells([header, ...rows], []))));
    expect(read.map((draft) => `${draft.values.id} ${draft.values.name}`)).toEqual([
      "S-007 Ada",
      "S-002 Cy",
      "S-001 Bo",
      "S-003 Di",
    ]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, parseStakeholderRows, STAKEHOLDER_INPUTS } from "../../../core/index";
import { generateStakeholders } from "../../stakeholder-fixtures";

const header = STAKEHOLDER_INPUTS.map((column) => column.header);

function rowOf(record: Record<string, unknown>): Cell[] {
  return STAKEHOLDER_INPUTS.map((column) => (record[column.id] as Cell | undefined) ?? null);
}

describe("parseStakeholderRows", () => {
  it("reads back what the register holds", () => {
    const people = generateStakeholders(20);
    const { records, problems } = parseStakeholderRows({
      header,
      rows: people.map((person, index) => ({ row: index + 2, values: rowOf(person) })),
    });
    expect(problems).toEqual([]);
    expect(records).toEqual(
      people.map((person) => Object.fromEntries(Object.entries(person).filter(([, v]) => v !== ""))),
    );
  });

  it("accepts levels as numbers or any case, scores as numeric text, ISO dates, and gives missing ids", () => {
    const values = rowOf({
      name: "Dana",
      power: "4",
      interest: 2,
      influence: 3,
      currentEngagement: 2,
      desiredEngagement: "leading",
      lastContact: "2026-03-01",
    });
    const { records, problems } = parseStakeholderRows({ header, rows: [{ row: 2, values }] });
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: "S-001",
      power: 4,
      currentEngagement: "Resistant",
      desiredEngagement: "Leading",
      lastContact: 46082,
    });
  });

  it("gives 50 malformed rows 50 clear row messages, and the good rows still land", () => {
    const good = generateStakeholders(30);
    const rows = good.map((person, index) => ({ row: index + 2, values: rowOf(person) }));
    const faults: [string, unknown][] = [
      ["power", 7],
      ["interest", "high"],
      ["currentEngagement", "Keen"],
      ["name", ""],
      ["lastContact", "31/02/2026"],
    ];
    for (let index = 0; index < 50; index++) {
      const [field, bad] = faults[index % faults.length] as [string, unknown];
      const person = { ...generateStakeholders(1)[0], id: `B-${index}`, [field]: bad };
      rows.push({ row: 100 + index, values: rowOf(person) });
    }
    const { records, problems } = parseStakeholderRows({ header, rows });
    expect(records).toHaveLength(30);
    expect(problems).toHaveLength(50);
    expect(new Set(problems.map((problem) => problem.row)).size).toBe(50);
    expect(problems[0]).toEqual({
      row: 100,
      column: "Power",
      message: "must be a whole number from 1 to 5, not 7",
    });
    expect(problems[1]).toEqual({
      row: 101,
      column: "Interest",
      message: 'must be a whole number from 1 to 5, not "high"',
    });
    expect(problems[2]?.message).toMatch(
      /must be one of Unaware, Resistant, Neutral, Supportive, Leading, not "Keen"/,
    );
    expect(problems[3]).toEqual({ row: 103, column: "Name", message: "is required" });
    expect(problems[4]?.message).toBe('must be a date (yyyy-mm-dd), not "31/02/2026"');
  });

  it("reports a header without the required columns once, and a repeated id", () => {
    expect(parseStakeholderRows({ header: ["Name"], rows: [] }).problems[0]?.message).toMatch(
      /lacks "Power", "Interest"/,
    );
    const person = rowOf(generateStakeholders(1)[0] as never);
    const result = parseStakeholderRows({
      header,
      rows: [
        { row: 2, values: person },
        { row: 3, values: person },
      ],
    });
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([
      { row: 3, column: "ID", message: "S-0001 is used by an earlier row; this row was skipped" },
    ]);
  });
});

describe("refusals name the field and the rule, never zod's defaults", () => {
  const person = () => ({ ...(generateStakeholders(1)[0] as Record<string, unknown>), id: "S-9" });
  const problemsOf = (record: Record<string, unknown>) =>
    parseStakeholderRows({ header, rows: [{ row: 2, values: rowOf(record) }] }).problems;

  it("refuses a 50,000-character name with its length and the limit", () => {
    expect(problemsOf({ ...person(), name: "x".repeat(50_000) })).toEqual([
      { row: 2, column: "Name", message: "must be at most 200 characters, not 50000" },
    ]);
    expect(problemsOf({ ...person(), concerns: "y".repeat(1001) })).toEqual([
      { row: 2, column: "Concerns", message: "must be at most 1000 characters, not 1001" },
    ]);
  });

  it("reads an invalid Date in a text column as its text, without throwing", () => {
    const { records, problems } = parseStakeholderRows({
      header,
      rows: [{ row: 2, values: rowOf({ ...person(), role: new Date(Number.NaN) }) }],
    });
    expect(problems).toEqual([]);
    expect(records[0]?.role).toBe("Invalid Date");
  });

  it("gives every hostile cell a message that is the rest of a sentence about its column", () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ minLength: 1001, maxLength: 1100 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.date(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...STAKEHOLDER_INPUTS.map((c) => c.id)), hostile),
        (faults) => {
          for (const problem of problemsOf({ ...person(), ...faults })) {
            // A predicate that completes "<column> …", never zod's "Invalid input" or "Too big: …".
            expect(problem.message).toMatch(/^(must|may|is) /);
            expect(problem.message).not.toMatch(/invalid input|too (big|small)|expected/i);
            expect(STAKEHOLDER_INPUTS.map((column) => column.header)).toContain(problem.column);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

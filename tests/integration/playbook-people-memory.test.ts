/**
 * The people side of the playbook (issue 12, steps 4, 6 and 8) written through MemoryWorkbook:
 * HyperFormula computes the Stakeholders sheet's latest sentiment, open-concern count and
 * champion flag (never a champion with an open high-severity concern) from the feedback log and
 * the concern register by name, and the Champions sheet's score, flag, last recognition and
 * recognition-due flag; each must equal the kernels for generated rows with blanks and ties,
 * survive renamed sheets, keep what the user typed on a second run, and keep text as text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHAMPIONS,
  type Champion,
  type ChampionOptions,
  type Concern,
  championPlans,
  concernPlans,
  FEEDBACK_LOG,
  feedbackLogPlans,
  latestSentiment,
  MEETINGS,
  type Meeting,
  meetingPlans,
  openConcerns,
  RECOGNITION_LOG,
  type Recognition,
  type Register,
  recognitionPlans,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderFeedback,
  type StakeholderMapOptions,
  stakeholderMap,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { generateStakeholders } from "../stakeholder-fixtures";

const seed = 12;
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 });
const DAY = 46300;

/** Each output column as computed, by row key, against the register's expected values. */
function expectOutputs<R extends { id: string }, O>(
  workbook: MemoryWorkbook,
  sheet: string,
  register: { outputs: readonly { id: string; header: string }[]; expected(record: R, options: O): object },
  records: readonly R[],
  options: O,
): number {
  const [header = [], ...rows] = workbook.displayGrid(sheet);
  const byKey = new Map(rows.map((row) => [String(row[0]), row]));
  let compared = 0;
  for (const record of records) {
    const expected = register.expected(record, options) as Record<string, unknown>;
    const row = byKey.get(record.id) ?? [];
    for (const output of register.outputs) {
      const actual = row[header.indexOf(output.header)] ?? "";
      const value = expected[output.id];
      const where = `${sheet} ${record.id} ${output.header}`;
      if (typeof value === "number") expect(actual as number, where).toBeCloseTo(value, 12);
      else expect(actual, where).toBe(value);
      compared++;
    }
  }
  return compared;
}

/** Twelve people, the first few with the high interest, influence and engagement of a champion. */
const PEOPLE: Stakeholder[] = generateStakeholders(12).map((person, index) =>
  index < 4 ? { ...person, interest: 5, influence: 4 + (index % 2), currentEngagement: "Leading" } : person,
);
const ids = PEOPLE.map((person) => person.id);
/** Sometimes in another case: "=" matches text whatever the case, and so must the kernels. */
const someId = fc
  .tuple(fc.constantFrom(...ids, "S-9999"), fc.boolean())
  .map(([id, lower]) => (lower ? id.toLowerCase() : id));

const feedbackLog = fc
  .array(
    fc.record({
      stakeholder: someId,
      // Five days only: many entries share a date, so the tie rule is exercised.
      date: fc.integer({ min: DAY, max: DAY + 4 }),
      sentiment: maybe(fc.integer({ min: -2, max: 2 })),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (row, index): StakeholderFeedback => ({
        id: `SF-${String(index + 1).padStart(3, "0")}`,
        said: `Said ${index + 1}`,
        status: "Open",
        ...row,
      }),
    ),
  );

const concernLog = fc
  .array(
    fc.record({
      stakeholder: fc.oneof(someId, fc.constant("Finance")),
      severity: fc.constantFrom("Low" as const, "Medium" as const, "High" as const),
      status: fc.constantFrom("Open" as const, "Answered" as const, "Closed" as const),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map(
      (row, index): Concern => ({
        id: `C-${String(index + 1).padStart(3, "0")}`,
        concern: `Concern ${index + 1}`,
        ...row,
      }),
    ),
  );

async function writeMap(feedback: readonly StakeholderFeedback[], concerns: readonly Concern[]) {
  const workbook = new MemoryWorkbook();
  await workbook.applyAll([
    ...stakeholderMap(PEOPLE, { feedback, concerns }),
    ...concernPlans(concerns, { asOf: DAY }),
    ...feedbackLogPlans(feedback),
  ]);
  return workbook;
}

describe("the Stakeholders sheet's feedback and concern columns in a real formula engine", () => {
  it("shows each person's latest sentiment, open concerns and champion flag as the kernels do", async () => {
    await fc.assert(
      fc.asyncProperty(feedbackLog, concernLog, async (feedback, concerns) => {
        const workbook = await writeMap(feedback, concerns);
        const options: StakeholderMapOptions = { feedback, concerns };
        expectOutputs(workbook, "Stakeholders", STAKEHOLDER_REGISTER, PEOPLE, options);
      }),
      { numRuns: 10, seed },
    );
  });

  it("takes the lowest sentiment of the latest date, blank without a dated, scored entry", async () => {
    const entry = (
      id: string,
      stakeholder: string,
      date: number,
      sentiment?: number,
    ): StakeholderFeedback => ({
      id,
      stakeholder,
      date,
      said: "…",
      status: "Open",
      ...(sentiment === undefined ? {} : { sentiment }),
    });
    const feedback = [
      entry("SF-001", "S-0001", DAY, 2),
      entry("SF-002", "S-0001", DAY + 3, 1),
      entry("SF-003", "S-0001", DAY + 3, -1),
      entry("SF-004", "S-0001", DAY + 9),
      entry("SF-005", "S-0002", DAY + 1),
      entry("SF-006", "s-0003", DAY + 1, 2),
    ];
    const workbook = await writeMap(feedback, []);
    const shown = (row: number) => {
      const [header = [], ...rows] = workbook.displayGrid("Stakeholders");
      return rows[row - 1]?.[header.indexOf("Latest sentiment")];
    };
    // Independently of the kernel: S-0001's latest scored date has +1 and −1 (the unscored later entry is skipped).
    expect(latestSentiment("S-0001", feedback)).toBe(-1);
    expect(shown(1)).toBe(-1);
    expect(shown(2)).toBe("");
    expect(shown(3)).toBe(2);
    // A user edits the log: the later −1 becomes +2, and the sheet follows.
    workbook.setCell("Stakeholder Feedback", "E4", 2);
    expect(shown(1)).toBe(1);
  });

  it("never shows a champion with an open high-severity concern, and shows them again once it is closed", async () => {
    const champion = PEOPLE[0] as Stakeholder;
    expect(STAKEHOLDER_REGISTER.expected(champion, {}).champion).toBe("Champion");
    const concerns: Concern[] = [
      { id: "C-001", stakeholder: champion.id, concern: "Time", severity: "High", status: "Open" },
      { id: "C-002", stakeholder: champion.id, concern: "Budget", severity: "Low", status: "Open" },
    ];
    const workbook = await writeMap([], concerns);
    const grid = () => workbook.displayGrid("Stakeholders");
    const [header = []] = grid();
    const at = (header: string) => (grid()[1] ?? [])[(grid()[0] ?? []).indexOf(header)];
    expect(header).toContain("Open concerns");
    expect(at("Champion")).toBe("");
    expect(at("Open concerns")).toBe(2);
    expect(openConcerns(champion.id, concerns, "High")).toBe(1);
    // Column J of the Concerns sheet is the status: the high one is answered.
    workbook.setCell("Concerns", "J2", "Answered");
    expect(at("Champion")).toBe("Champion");
    expect(at("Open concerns")).toBe(1);
  });

  it("reads no log and no register as none, and computes once they are written", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(stakeholderMap(PEOPLE));
    expectOutputs(workbook, "Stakeholders", STAKEHOLDER_REGISTER, PEOPLE, {});
    const [feedback, concerns] = [
      fc.sample(feedbackLog, { numRuns: 1, seed })[0] ?? [],
      fc.sample(concernLog, { numRuns: 1, seed })[0] ?? [],
    ];
    expect(feedback.length + concerns.length).toBeGreaterThan(0);
    await workbook.applyAll([...concernPlans(concerns), ...feedbackLogPlans(feedback)]);
    expectOutputs(workbook, "Stakeholders", STAKEHOLDER_REGISTER, PEOPLE, { feedback, concerns });
  });

  it("keeps reading the log and the register by name after their sheets and its own are renamed", async () => {
    const [feedback = [], concerns = []] = [
      fc.sample(feedbackLog, { numRuns: 1, seed: seed + 1 })[0],
      fc.sample(concernLog, { numRuns: 1, seed: seed + 1 })[0],
    ];
    const workbook = await writeMap(feedback, concerns);
    workbook.renameSheet("Concerns", "Worries");
    workbook.renameSheet("Stakeholder Feedback", "What they said");
    workbook.renameSheet("Stakeholders", "People");
    expectOutputs(workbook, "People", STAKEHOLDER_REGISTER, PEOPLE, { feedback, concerns });
    // A new concern and a new entry, typed into the renamed sheets by the next run.
    const more: Concern[] = [
      ...concerns,
      { id: "C-900", stakeholder: "S-0002", concern: "New", severity: "High", status: "Open" },
    ];
    const said: StakeholderFeedback[] = [
      ...feedback,
      { id: "SF-900", stakeholder: "S-0002", date: DAY + 30, sentiment: -2, said: "New", status: "Open" },
    ];
    await workbook.applyAll([
      ...stakeholderMap(PEOPLE, { feedback: said, concerns: more }),
      ...concernPlans(more, { asOf: DAY }),
      ...feedbackLogPlans(said),
    ]);
    expect(workbook.sheetNames()).not.toContain("Stakeholders");
    expectOutputs(workbook, "People", STAKEHOLDER_REGISTER, PEOPLE, { feedback: said, concerns: more });
  });
});

const champions = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom(...ids, "S-9999"),
      since: maybe(fc.integer({ min: DAY - 200, max: DAY })),
      briefing: maybe(fc.integer({ min: DAY - 200, max: DAY })),
    }),
    { selector: (row) => row.id, maxLength: 8 },
  )
  .map((rows) => rows.map((row): Champion => ({ name: `Champion ${row.id}`, ...row })));
const recognitions = fc
  .array(fc.record({ champion: someId, date: fc.integer({ min: DAY - 200, max: DAY }) }), { maxLength: 12 })
  .map((rows) =>
    rows.map(
      (row, index): Recognition => ({
        id: `R-${String(index + 1).padStart(3, "0")}`,
        what: "Thanked",
        ...row,
      }),
    ),
  );

describe("champions and their recognition in a real formula engine", () => {
  it("reads each champion's score and flag from the register and flags those not recognised within the named days", async () => {
    await fc.assert(
      fc.asyncProperty(champions, recognitions, concernLog, async (chosen, thanks, concerns) => {
        const workbook = new MemoryWorkbook();
        const options: ChampionOptions = {
          asOf: DAY,
          stakeholders: PEOPLE,
          stakeholderOptions: { concerns },
          recognitions: thanks,
        };
        await workbook.applyAll([
          ...stakeholderMap(PEOPLE, { concerns }),
          ...concernPlans(concerns),
          ...championPlans(chosen, options),
          ...recognitionPlans(thanks),
        ]);
        expectOutputs(workbook, "Champions", CHAMPIONS, chosen, options);
        // The setting moves the flag: 30 days instead of 90.
        workbook.setCell("Champion Settings", "B6", 30);
        expectOutputs(workbook, "Champions", CHAMPIONS, chosen, { ...options, recogniseWithinDays: 30 });
      }),
      { numRuns: 8, seed },
    );
  });

  it("judges recognition as of TODAY() unless a date is typed, and survives renamed sheets", async () => {
    const chosen: Champion[] = [
      { id: "S-0001", since: DAY - 100 },
      { id: "S-0002", since: DAY - 100 },
      { id: "S-0003" },
    ];
    const thanks: Recognition[] = [{ id: "R-001", champion: "S-0002", date: DAY - 10, what: "Thanked" }];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([
      ...stakeholderMap(PEOPLE),
      ...championPlans(chosen),
      ...recognitionPlans(thanks),
    ]);
    expect(workbook.formula("Champion Settings", "B5")).toBe("=TODAY()");
    const options = { asOf: DAY, stakeholders: PEOPLE, recognitions: thanks };
    workbook.setCell("Champion Settings", "B5", DAY);
    workbook.renameSheet("Recognition", "Thanks");
    workbook.renameSheet("Stakeholders", "People");
    expectOutputs(workbook, "Champions", CHAMPIONS, chosen, options);
    const [header = [], ...rows] = workbook.displayGrid("Champions");
    expect(rows.map((row) => row[header.indexOf("Recognition due")])).toEqual(["Recognise", "", ""]);
    // The recognition was S-0001's, today, in the renamed log: S-0001 is no longer due, S-0002 is.
    workbook.setCell("Thanks", "B2", "S-0001");
    workbook.setCell("Thanks", "C2", DAY);
    const moved: Recognition[] = [{ id: "R-001", champion: "S-0001", date: DAY, what: "Thanked" }];
    expectOutputs(workbook, "Champions", CHAMPIONS, chosen, { ...options, recognitions: moved });
    const after = workbook.displayGrid("Champions");
    expect(after.slice(1).map((row) => row[header.indexOf("Recognition due")])).toEqual([
      "",
      "Recognise",
      "",
    ]);
  });
});

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1-555", "-5", "@user", "=1+1", "#N/A", "March 2024"];

describe("the logs keep the user's edits and text as text", () => {
  it("reads every log back as written, hostile text as text, and keeps an edited cell on a second run", async () => {
    const feedback: StakeholderFeedback[] = HOSTILE.map((said, index) => ({
      id: `SF-${String(index + 1).padStart(3, "0")}`,
      date: DAY + index,
      stakeholder: "S-0001",
      said,
      sentiment: (index % 5) - 2,
      action: HOSTILE[(index + 1) % HOSTILE.length],
      status: "Open",
    }));
    const meetings: Meeting[] = HOSTILE.map((topic, index) => ({
      id: `M-${String(index + 1).padStart(3, "0")}`,
      date: DAY + index,
      type: "Workshop",
      topic,
      attendees: "S-0001, S-0002",
      decisions: HOSTILE[(index + 2) % HOSTILE.length],
    }));
    const thanks: Recognition[] = HOSTILE.map((what, index) => ({
      id: `R-${String(index + 1).padStart(3, "0")}`,
      champion: "S-0001",
      date: DAY,
      what,
      by: HOSTILE[(index + 3) % HOSTILE.length],
    }));
    const chosen: Champion[] = [{ id: "S-0001", activity: "=1+1", since: DAY }];
    const plans = () => [
      ...feedbackLogPlans(feedback),
      ...meetingPlans(meetings),
      ...championPlans(chosen, { asOf: DAY }),
      ...recognitionPlans(thanks),
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(plans());
    workbook.setCell("Stakeholder Feedback", "F2", "Called them back");
    workbook.setCell("Meetings", "G3", "Send the minutes");
    await workbook.applyAll(plans());
    /** A register's table read back and parsed with the register's own parser. */
    const read = async <R, O>(register: Register<R, O>, options: O) => {
      const table = await workbook.readTable(register.declaration.kind);
      return register.parse(
        { header: register.headerOf(table ?? { header: [] }), rows: table?.rows ?? [] },
        options,
      );
    };
    const log = await read(FEEDBACK_LOG, {});
    expect(log.problems).toEqual([]);
    expect(log.records).toEqual(
      feedback.map((entry, index) => (index === 0 ? { ...entry, action: "Called them back" } : entry)),
    );
    const minutes = await read(MEETINGS, {});
    expect(minutes.records).toEqual(
      meetings.map((meeting, index) =>
        index === 1 ? { ...meeting, followUps: "Send the minutes" } : meeting,
      ),
    );
    expect((await read(RECOGNITION_LOG, {})).records).toEqual(thanks);
    expect((await read(CHAMPIONS, { asOf: DAY })).records).toEqual(chosen);
    for (const [sheet, a1] of [
      ["Stakeholder Feedback", "D2"],
      ["Meetings", "D6"],
      ["Recognition", "D2"],
      ["Champions", "J2"],
    ] as const)
      expect(workbook.formula(sheet, a1), `${sheet}!${a1}`).toBeUndefined();
    expect(workbook.value("Stakeholder Feedback", "D2")).toBe(HOSTILE[0]);
    expect(workbook.value("Meetings", "D6")).toBe(HOSTILE[4]);
    expect(workbook.value("Champions", "J2")).toBe("=1+1");
  });
});

/**
 * Quick wins and concerns written through MemoryWorkbook: HyperFormula computes the score, the
 * shortlist and the overdue flag, which must equal the kernels for generated rows with blanks, and
 * follow the named settings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONCERNS,
  type Concern,
  cadence,
  concernPlans,
  DEFAULT_CADENCE,
  ENGAGEMENT_PLAN,
  engagementPlanPlans,
  engagementPlanRow,
  QUADRANTS,
  QUICK_WINS,
  type QuickWinCandidate,
  type QuickWinOptions,
  quickWinPlans,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 5 });

const wins = fc
  .array(
    fc.record({
      impact: maybe(fc.integer({ min: 1, max: 5 })),
      visibility: maybe(fc.integer({ min: 1, max: 5 })),
      confidence: maybe(fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100)),
      effort: maybe(fc.integer({ min: 1, max: 5 })),
      days: maybe(fc.integer({ min: 0, max: 400 })),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((rows) =>
    rows.map(
      (row, index): QuickWinCandidate => ({
        id: `Q-${String(index + 1).padStart(3, "0")}`,
        candidate: `Win ${index + 1}`,
        status: "Idea",
        ...row,
      }),
    ),
  );

/** Each output column as computed, against the register's expected values. */
function expectOutputs<R>(
  workbook: MemoryWorkbook,
  sheet: string,
  register: {
    outputs: readonly { id: string; header: string }[];
    expected(record: R, options: never): Record<string, unknown>;
  },
  records: readonly R[],
  options: unknown,
) {
  const [header, ...rows] = workbook.displayGrid(sheet);
  records.forEach((record, index) => {
    const expected = register.expected(record, options as never);
    for (const output of register.outputs) {
      const actual = rows[index]?.[(header ?? []).indexOf(output.header)] ?? "";
      const value = expected[output.id];
      if (typeof value === "number") expect(actual as number, output.id).toBeCloseTo(value, 9);
      else expect(actual, output.id).toBe(value);
    }
  });
}

describe("quick wins in a real formula engine", () => {
  it("scores and shortlists as BUYIN.QUICKWIN's kernel does, blank inputs giving blanks", async () => {
    await fc.assert(
      fc.asyncProperty(wins, async (data) => {
        const workbook = new MemoryWorkbook();
        await workbook.applyAll(quickWinPlans(data));
        expectOutputs(workbook, "Quick Wins", QUICK_WINS, data, {});
      }),
      { numRuns: 20 },
    );
  });

  it("follows the named settings", async () => {
    const data: QuickWinCandidate[] = [
      {
        id: "Q-001",
        candidate: "Manager toolkit",
        impact: 3,
        visibility: 4,
        confidence: 0.9,
        effort: 2,
        days: 120,
        status: "Idea",
      },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(quickWinPlans(data));
    expectOutputs(workbook, "Quick Wins", QUICK_WINS, data, {});
    workbook.setCell("Quick Win Settings", "B5", 180);
    workbook.setCell("Quick Win Settings", "B7", 150);
    const changed: QuickWinOptions = { horizonDays: 180, withinDays: 150 };
    expectOutputs(workbook, "Quick Wins", QUICK_WINS, data, changed);
    expect(QUICK_WINS.expected(data[0] as QuickWinCandidate, changed).shortlist).toBe("Shortlist");
  });
});

describe("concerns in a real formula engine", () => {
  it("flags an open concern past its due date as of the named date", async () => {
    const asOf = 46000;
    const data = fc
      .sample(
        fc.record({
          due: maybe(fc.integer({ min: asOf - 30, max: asOf + 30 })),
          status: fc.constantFrom("Open" as const, "Answered" as const, "Closed" as const),
          severity: fc.constantFrom("Low" as const, "Medium" as const, "High" as const),
        }),
        { numRuns: 30, seed: 11 },
      )
      .map(
        (row, index): Concern => ({
          id: `C-${String(index + 1).padStart(3, "0")}`,
          stakeholder: "S-004",
          concern: "Time off the floor",
          ...row,
        }),
      );
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(concernPlans(data, { asOf }));
    expectOutputs(workbook, "Concerns", CONCERNS, data, { asOf });
    workbook.setCell("Concern Settings", "B5", asOf + 40);
    expectOutputs(workbook, "Concerns", CONCERNS, data, { asOf: asOf + 40 });
  });

  it("defaults the date to TODAY() for a reviewer opening the workbook later", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(
      concernPlans([
        { id: "C-001", stakeholder: "Finance", concern: "Budget", severity: "High", status: "Open" },
      ]),
    );
    expect(workbook.formula("Concern Settings", "B5")).toBe("=TODAY()");
  });
});

describe("the engagement plan in a real formula engine", () => {
  it("gives the next contact due and the overdue flag as the kernels do, and defaults the cadence from the quadrant", async () => {
    const asOf = 46000;
    const rows = fc
      .sample(
        fc.record({
          quadrant: fc.option(fc.constantFrom(...QUADRANTS), { nil: undefined }),
          lastContact: maybe(fc.integer({ min: asOf - 120, max: asOf })),
        }),
        { numRuns: 25, seed: 5 },
      )
      .map(({ quadrant: strategy, lastContact }, index) =>
        engagementPlanRow(
          `S-${String(index + 1).padStart(3, "0")}`,
          `Person ${index + 1}`,
          strategy,
          lastContact,
        ),
      );
    for (const row of rows) expect(Object.values(DEFAULT_CADENCE).concat("Monthly")).toContain(row.cadence);
    expect(engagementPlanRow("S-001", "A", "Manage closely").cadence).toBe(cadence("Manage closely"));
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(engagementPlanPlans(rows, { asOf }));
    expectOutputs(workbook, "Engagement Plan", ENGAGEMENT_PLAN, rows, { asOf });
    workbook.setCell("Engagement Settings", "B5", asOf + 60);
    expectOutputs(workbook, "Engagement Plan", ENGAGEMENT_PLAN, rows, { asOf: asOf + 60 });
  });
});

/**
 * Resources and support, milestones and the "Start here" sheet through MemoryWorkbook: HyperFormula
 * computes the budget's variance, burn rate, case cost and case check, the support systems' use
 * of capacity and flag, and the milestones' flag, which must equal the kernels for generated rows
 * with blanks; the budget follows the business case's cost lines as they change; the Start here
 * counts follow the registers; re-runs keep edits, text stays text, renamed sheets keep working.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUDGET,
  BUDGET_FLAGS,
  type BudgetLine,
  type BudgetOptions,
  budgetPlans,
  businessCasePlans,
  CHAMPIONS,
  CONCERNS,
  ENGAGEMENT_PLAN,
  isoDateToSerial,
  MILESTONES,
  type Milestone,
  milestonePlans,
  REGISTER_KIND,
  SAMPLE_BUDGET,
  SAMPLE_BUSINESS_CASE,
  SAMPLE_CHAMPIONS,
  SAMPLE_CONCERNS,
  SAMPLE_ENGAGEMENT_PLAN,
  SAMPLE_MILESTONES,
  SAMPLE_RECOGNITION,
  SAMPLE_SUPPORT_SYSTEMS,
  START_HERE_KIND,
  SUPPORT_SYSTEMS,
  type SupportSystem,
  supportSystemPlans,
  toolkitPlans,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 });
const key = (prefix: string, index: number) => `${prefix}${String(index + 1).padStart(3, "0")}`;
const CASE_OPTIONS: BudgetOptions = {
  caseCosts: SAMPLE_BUSINESS_CASE.costs,
  horizonYears: SAMPLE_BUSINESS_CASE.programme.horizonYears,
};

/** Each output column as HyperFormula shows it, against the register's expected values. */
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
      if (typeof value === "number") expect(actual as number, `${output.id} ${index}`).toBeCloseTo(value, 9);
      else expect(actual, `${output.id} ${index}`).toBe(value);
    }
  });
}

/** The A1 address of a register cell, by the row's key and the column's header. */
function cellOf(workbook: MemoryWorkbook, sheet: string, rowKey: string, header: string): string {
  const grid = workbook.displayGrid(sheet);
  const column = (grid[0] ?? []).indexOf(header);
  const row = grid.findIndex((cells) => cells[0] === rowKey);
  expect(column, header).toBeGreaterThanOrEqual(0);
  expect(row, rowKey).toBeGreaterThan(0);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

const budgetLines = fc
  .array(
    fc.record({
      caseLine: maybe(
        fc.constantFrom(...SAMPLE_BUSINESS_CASE.costs.map((cost) => cost.id), "c-004", "C-999"),
      ),
      year: fc.integer({ min: 0, max: 5 }),
      plan: maybe(fc.constantFrom(0, 4800, 6000, 9600, 14400, 12000.004, 45000)),
      actual: maybe(fc.integer({ min: 0, max: 60000 })),
    }),
    { minLength: 1, maxLength: 16 },
  )
  .map((rows) =>
    rows.map((row, index): BudgetLine => ({ id: key("BL-", index), line: `Line ${index + 1}`, ...row })),
  );

describe("the budget in a real formula engine", () => {
  it("gives variance, burn rate, the case's cost and the case check as the kernels do, blanks giving blanks", async () => {
    await fc.assert(
      fc.asyncProperty(budgetLines, async (lines) => {
        const workbook = new MemoryWorkbook();
        await workbook.applyAll([
          ...businessCasePlans(SAMPLE_BUSINESS_CASE),
          ...budgetPlans(lines, CASE_OPTIONS),
        ]);
        expectOutputs(workbook, "Budget", BUDGET, lines, CASE_OPTIONS);
      }),
      { numRuns: 15 },
    );
  });

  it("counts a cost line as the business case does: one-off in its year, recurring from it, nothing past the horizon", () => {
    // core/case/sample.ts: C-004 recurring 9,600 from year 1; C-007 one-off 8,000 in year 1; horizon 3.
    const line = (caseLine: string, year: number): BudgetLine => ({
      id: "BL-001",
      line: "x",
      caseLine,
      year,
    });
    expect(
      [0, 1, 2, 3, 4].map((year) => BUDGET.expected(line("C-004", year), CASE_OPTIONS).caseCost),
    ).toEqual([0, 9600, 9600, 9600, 0]);
    expect([0, 1, 2].map((year) => BUDGET.expected(line("C-007", year), CASE_OPTIONS).caseCost)).toEqual([
      0, 8000, 0,
    ]);
  });

  it("flags the drift when the business case's cost line changes, and clears it when they agree again", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([
      ...businessCasePlans(SAMPLE_BUSINESS_CASE),
      ...budgetPlans(SAMPLE_BUDGET, CASE_OPTIONS),
    ]);
    const check = cellOf(workbook, "Budget", "BL-007", "Case check");
    expect(workbook.value("Budget", check)).toBe(BUDGET_FLAGS.differs);
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-002", "Case check"))).toBe("");
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-010", "Case check"))).toBe("");
    const venues = cellOf(workbook, "Case Costs", "C-006", "Amount");
    workbook.setCell("Case Costs", venues, 12000);
    expect(workbook.value("Budget", check)).toBe("");
    workbook.setCell("Case Costs", cellOf(workbook, "Case Costs", "C-002", "Amount"), 50000);
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-002", "Case check"))).toBe(
      BUDGET_FLAGS.differs,
    );
  });

  it("says a case line is missing when the workbook has no business case, and stays blank without one", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(budgetPlans(SAMPLE_BUDGET));
    expectOutputs(workbook, "Budget", BUDGET, SAMPLE_BUDGET, {});
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-001", "Case check"))).toBe(
      BUDGET_FLAGS.missing,
    );
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-010", "Case check"))).toBe("");
  });
});

describe("support systems and milestones in a real formula engine", () => {
  it("gives the use of capacity and flags usage over capacity, blanks giving blanks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            capacity: maybe(fc.integer({ min: 0, max: 40 })),
            usage: maybe(fc.integer({ min: 0, max: 40 })),
          }),
          { minLength: 1, maxLength: 16 },
        ),
        async (rows) => {
          const systems = rows.map(
            (row, index): SupportSystem => ({ id: key("SP-", index), system: `S${index}`, ...row }),
          );
          const workbook = new MemoryWorkbook();
          await workbook.applyAll(supportSystemPlans(systems));
          expectOutputs(workbook, "Support Systems", SUPPORT_SYSTEMS, systems, {});
        },
      ),
      { numRuns: 15 },
    );
  });

  it("flags a reached milestone nobody announced, and keeps an announcement that looks like a formula as text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            reached: fc.constantFrom("Yes" as const, "No" as const),
            announced: maybe(fc.constantFrom("All-staff email", "  ", "=1+1", "+44 ops call", "@channel")),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (rows) => {
          const milestones = rows.map(
            (row, index): Milestone => ({ id: key("M-", index), milestone: `M${index}`, ...row }),
          );
          const workbook = new MemoryWorkbook();
          await workbook.applyAll(milestonePlans(milestones));
          expectOutputs(workbook, "Milestones", MILESTONES, milestones, {});
          const [header, ...cells] = workbook.contents("Milestones");
          const column = (header ?? []).indexOf("How and where announced");
          milestones.forEach((milestone, index) => {
            if (milestone.announced?.trim()) expect(cells[index]?.[column]).toBe(milestone.announced);
          });
        },
      ),
      { numRuns: 10 },
    );
  });
});

/** The Start here counts by label. */
function counts(workbook: MemoryWorkbook): Record<string, unknown> {
  const grid = workbook.displayGrid("Start Here");
  const top = grid.findIndex((row) => row[0] === "What is missing");
  const bottom = grid.findIndex((row) => row[0] === "Sheets");
  return Object.fromEntries(grid.slice(top + 1, bottom - 1).map((row) => [row[0], row[1]]));
}

describe("the Start here sheet", () => {
  // The sheets keep TODAY(); the kernels' expected values take the day it shows.
  const today = isoDateToSerial(new Date().toISOString().slice(0, 10)) as number;

  it("counts what the sample is missing as the registers' kernels see it", async () => {
    const workbook = new MemoryWorkbook();
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true, today);
    expect(plans[0]?.kind).toBe(START_HERE_KIND);
    await workbook.applyAll(plans);
    const overdue = SAMPLE_ENGAGEMENT_PLAN.filter(
      (row) => ENGAGEMENT_PLAN.expected(row, { today }).overdue === "Overdue",
    ).length;
    expect(counts(workbook)).toEqual({
      "Business case": 0,
      "Desired engagement": SAMPLE_STAKEHOLDERS.filter((s) => s.desiredEngagement === undefined).length,
      Contacts: overdue,
      Concerns: SAMPLE_CONCERNS.filter((c) => c.status === "Open" && c.severity === "High").length,
      Champions: SAMPLE_CHAMPIONS.filter(
        (champion) =>
          CHAMPIONS.expected(champion, { today, recognitions: SAMPLE_RECOGNITION }).recognitionDue ===
          "Recognise",
      ).length,
      "Budget against the case": SAMPLE_BUDGET.filter(
        (line) => BUDGET.expected(line, CASE_OPTIONS).caseCheck !== "",
      ).length,
      "Support capacity": SAMPLE_SUPPORT_SYSTEMS.filter((s) => SUPPORT_SYSTEMS.expected(s, {}).flag !== "")
        .length,
      Milestones: SAMPLE_MILESTONES.filter((m) => MILESTONES.expected(m, {}).flag !== "").length,
    });
    // The sample shows each flag at least once, so a reviewer sees what they mean.
    expect(counts(workbook)["Budget against the case"]).toBe(1);
    expect(counts(workbook)["Support capacity"]).toBe(1);
    expect(counts(workbook).Milestones).toBe(1);
    expect(CONCERNS.declaration.kind).toBe("concerns");
  });

  it("states a blank workbook's missing business case, and moves with the registers as they are edited", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(toolkitPlans(SAMPLE_STAKEHOLDERS.slice(0, 3), false, today));
    const grid = workbook.displayGrid("Start Here");
    expect(grid.find((row) => row[0] === "Business case")?.slice(1, 3)).toEqual([
      1,
      "No business case yet: build it on BuyIn's Business Case screen",
    ]);
    const desired = cellOf(workbook, "Stakeholders", "S-002", "Desired engagement");
    workbook.setCell("Stakeholders", desired, "");
    workbook.setCell("Stakeholders", cellOf(workbook, "Stakeholders", "S-003", "Desired engagement"), "");
    const row = workbook.displayGrid("Start Here").find((cells) => cells[0] === "Desired engagement");
    expect(row?.slice(1, 3)).toEqual([2, "2 stakeholders without a desired engagement level"]);
  });

  it("links every sheet the toolkit writes, and the links follow a renamed sheet", async () => {
    const workbook = new MemoryWorkbook();
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true, today);
    await workbook.applyAll(plans);
    const grid = workbook.displayGrid("Start Here");
    const top = grid.findIndex((row) => row[0] === "Sheets");
    // HyperFormula has no CELL, so the preview shows each link's label as text.
    const linked = plans.slice(1);
    expect(grid.slice(top + 1).map((row) => row[0])).toEqual(linked.map((plan) => plan.title));
    const budgetLink = `A${top + 2 + linked.findIndex((plan) => plan.kind === BUDGET.declaration.kind)}`;
    expect(workbook.formula("Start Here", budgetLink)).toMatch(/CELL\("address",'?Budget'?!A1\)/);
    workbook.renameSheet("Budget", "Budget 2027");
    workbook.renameSheet("Case Costs", "Cost lines");
    expect(workbook.formula("Start Here", budgetLink)).toContain(`CELL("address",'Budget 2027'!A1)`);
    expectOutputs(workbook, "Budget 2027", BUDGET, SAMPLE_BUDGET, CASE_OPTIONS);
    expect(counts(workbook)["Budget against the case"]).toBe(1);
    expect(plans.some((plan) => plan.kind === REGISTER_KIND)).toBe(true);
  });

  it("keeps a user's edits on a re-run, and their text as text", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(toolkitPlans(SAMPLE_STAKEHOLDERS, true, today));
    const actual = cellOf(workbook, "Budget", "BL-005", "Actual");
    workbook.setCell("Budget", actual, 3000);
    const line = cellOf(workbook, "Budget", "BL-005", "Budget line");
    workbook.setCell("Budget", line, "'=SUM(1,2)");
    workbook.setCell("Support Systems", cellOf(workbook, "Support Systems", "SP-004", "Usage a month"), 5);
    await workbook.applyAll(toolkitPlans(SAMPLE_STAKEHOLDERS, true, today));
    expect(workbook.value("Budget", actual)).toBe(3000);
    expect(workbook.value("Budget", line)).toBe("=SUM(1,2)");
    expect(workbook.formula("Budget", line)).toBeUndefined();
    expect(workbook.value("Budget", cellOf(workbook, "Budget", "BL-005", "Variance"))).toBe(3000 - 9600);
  });
});

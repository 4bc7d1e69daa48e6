/**
 * Goal alignment through MemoryWorkbook: coverage and flags on the goals and objectives, and the
 * matrix's cells and totals, computed by HyperFormula from the Alignment register, must equal the
 * kernel for generated links, repeated pairs and ids in another case included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Alignment,
  coverage,
  GOALS,
  type Goal,
  goalAlignmentPlans,
  OBJECTIVES,
  type Objective,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const goals: Goal[] = [
  { id: "G-01", goal: "Cut missed delivery slots by a quarter", source: "Operations plan 2026, §2" },
  { id: "G-02", goal: "Keep new team leaders two years or more", source: "People strategy" },
  { id: "G-03", goal: "Open two new depots", source: "Board priorities" },
];
const objectives: Objective[] = [
  { id: "O-01", objective: "Leaders run a daily huddle", programmes: "First-line Manager Academy" },
  { id: "O-02", objective: "Leaders coach new starters", programmes: "Academy, coaching circle" },
  { id: "O-03", objective: "Everyone passes the LMS safety module" },
];

const links = fc
  .array(
    fc.record({
      goal: fc.constantFrom("G-01", "G-02", "g-02"),
      objective: fc.constantFrom("O-01", "O-02", "o-01"),
      strength: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map((row, index): Alignment => ({ id: `A-${String(index + 1).padStart(3, "0")}`, ...row })),
  );

describe("goal alignment in a real formula engine", () => {
  it("sums each goal's and objective's support and flags the unsupported, as the kernel does", async () => {
    await fc.assert(
      fc.asyncProperty(links, async (data) => {
        const workbook = new MemoryWorkbook();
        await workbook.applyAll(goalAlignmentPlans(goals, objectives, data));
        for (const [sheet, register, records] of [
          ["Goals", GOALS, goals],
          ["Objectives", OBJECTIVES, objectives],
        ] as const) {
          const [header, ...rows] = workbook.displayGrid(sheet);
          records.forEach((record, index) => {
            const expected = (register.expected as (r: unknown, o: unknown) => Record<string, unknown>)(
              record,
              {
                links: data,
              },
            );
            expect(rows[index]?.[(header ?? []).indexOf("Coverage")]).toBe(expected.coverage);
            expect(rows[index]?.[(header ?? []).indexOf("Flag")] ?? "").toBe(expected.flag);
          });
        }
        const matrix = workbook.displayGrid("Alignment Matrix");
        objectives.forEach((objective, row) => {
          const line = matrix[3 + row] ?? [];
          goals.forEach((goal, column) => {
            const pair = data.filter(
              (link) =>
                link.goal.toLowerCase() === goal.id.toLowerCase() &&
                link.objective.toLowerCase() === objective.id.toLowerCase(),
            );
            expect(line[2 + column]).toBe(pair.reduce((sum, link) => sum + link.strength, 0));
          });
          expect(line[2 + goals.length]).toBe(coverage(data, "objective", objective.id));
        });
      }),
      { numRuns: 15 },
    );
  });
});

/**
 * Feedback analysis written through MemoryWorkbook: HyperFormula recomputes the summaries by
 * group and theme, which must equal the kernels (mean, top-box share, NPS on 0–10) for generated
 * responses with blank ratings, blank groups and labels that differ only in case.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Feedback, type FeedbackOptions, feedbackPlans, feedbackSummary } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const responses = (top: 5 | 10) =>
  fc
    .array(
      fc.record({
        group: fc.option(fc.constantFrom("Sales", "sales", "Ops", "<5 years", "Finance*"), {
          nil: undefined,
        }),
        theme: fc.option(fc.constantFrom("Pace", "Relevance", "Tools"), { nil: undefined }),
        rating: fc.option(fc.integer({ min: top === 10 ? 0 : 1, max: top }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) =>
      rows.map((row, index): Feedback => ({ id: `F-${String(index + 1).padStart(3, "0")}`, ...row })),
    );

/** The summary block as computed: label → values, from the row after a section's title. */
function written(workbook: MemoryWorkbook): Map<string, unknown[]> {
  const grid = workbook.displayGrid("Feedback");
  const rows = new Map<string, unknown[]>();
  let section = "";
  for (const row of grid.slice(4)) {
    const label = row[7];
    if (label === "All" || label === "By group" || label === "By theme") section = label as string;
    else if (typeof label === "string" && label !== "") rows.set(`${section}|${label}`, row.slice(8, 13));
  }
  return rows;
}

function expectSummary(workbook: MemoryWorkbook, data: readonly Feedback[], options: FeedbackOptions) {
  const expected = feedbackSummary(data, options);
  const rows = written(workbook);
  const check = (key: string, values: readonly unknown[]) => {
    const actual = rows.get(key);
    expect(actual, key).toBeDefined();
    values.forEach((value, index) => {
      if (typeof value === "number")
        expect(actual?.[index] as number, `${key} ${index}`).toBeCloseTo(value, 9);
      else expect(actual?.[index] ?? "", `${key} ${index}`).toBe(value);
    });
  };
  check("All|All responses", expected.all);
  for (const { label, values } of expected.groups) check(`By group|${label}`, values);
  for (const { label, values } of expected.themes) check(`By theme|${label}`, values);
  expect(rows.size).toBe(1 + expected.groups.length + expected.themes.length);
}

describe("feedback analysis in a real formula engine", () => {
  it.each([5, 10] as const)(
    "summarizes by group and theme as the kernels do, on a 1–%i scale",
    async (top) => {
      await fc.assert(
        fc.asyncProperty(responses(top), async (data) => {
          const options = { scaleTop: top };
          const workbook = new MemoryWorkbook();
          await workbook.applyAll(feedbackPlans(data, options));
          expectSummary(workbook, data, options);
        }),
        { numRuns: 15 },
      );
    },
  );

  it("follows a changed number of top boxes", async () => {
    const data: Feedback[] = [
      { id: "F-001", group: "Sales", rating: 5 },
      { id: "F-002", group: "Sales", rating: 3 },
      { id: "F-003", group: "Ops", rating: 4 },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(feedbackPlans(data));
    expectSummary(workbook, data, {});
    workbook.setCell("Feedback", "I3", 1);
    expectSummary(workbook, data, { topBoxes: 1 });
  });
});

/** The improvement log written, edited in the sheet, read back and parsed from one declaration. */
import { describe, expect, it } from "vitest";
import { IMPROVEMENT_LOG, type Improvement, improvementLogPlans, isoDateToSerial } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

describe("the improvement log", () => {
  it("round-trips entries, keeps an edit made in the sheet, and names a bad link", async () => {
    const entries: Improvement[] = [
      {
        id: "I-001",
        date: isoDateToSerial("2026-10-02"),
        finding: "Managers say module 3 runs long",
        prompt: "F-014",
        decision: "Split module 3 into two sessions",
        owner: "L&D lead",
        status: "In progress",
      },
      { id: "I-002", finding: '=HYPERLINK("x")', status: "Open" },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(improvementLogPlans(entries));
    workbook.setCell("Improvements", "H2", "Completion up 9 points in November");
    workbook.setCell("Improvements", "D3", "not an id!");
    await workbook.applyAll(improvementLogPlans(entries));
    const table = await workbook.readTable("improvements");
    const parsed = IMPROVEMENT_LOG.parse(
      { header: IMPROVEMENT_LOG.headerOf(table ?? { header: [] }), rows: table?.rows ?? [] },
      {},
    );
    expect(parsed.records[0]).toMatchObject({ ...entries[0], effect: "Completion up 9 points in November" });
    expect(workbook.value("Improvements", "C3")).toBe('=HYPERLINK("x")');
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        row: 3,
        message: expect.stringContaining("must be the id of a KPI, evaluation step, response or learner"),
      }),
    ]);
  });
});

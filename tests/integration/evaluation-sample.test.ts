/**
 * The embedded sample's evaluation data: every register writes through MemoryWorkbook, reads back
 * and parses with no problem, and the two issued reports hold what the KPIs showed then.
 */
import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_REGISTER,
  assessmentPlans,
  EVALUATION_CHAIN,
  evaluationChainPlans,
  FEEDBACK_REGISTER,
  feedbackPlans,
  IMPROVEMENT_LOG,
  improvementLogPlans,
  kpiRegister,
  kpiTrackerPlans,
  REPORT_REGISTER,
  reportPlans,
  SAMPLE_ASSESSMENT,
  SAMPLE_EVALUATION_CHAIN,
  SAMPLE_FEEDBACK,
  SAMPLE_IMPROVEMENTS,
  SAMPLE_KPI_PERIODS,
  SAMPLE_KPIS,
  sampleIssuedReports,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

describe("the embedded evaluation sample", () => {
  it("writes every register and reads each back without a problem", async () => {
    const periods = [...SAMPLE_KPI_PERIODS];
    const workbook = new MemoryWorkbook();
    const issued = sampleIssuedReports();
    await workbook.applyAll([
      ...kpiTrackerPlans(SAMPLE_KPIS, { periods }),
      ...assessmentPlans(SAMPLE_ASSESSMENT),
      ...feedbackPlans(SAMPLE_FEEDBACK),
      ...evaluationChainPlans(SAMPLE_EVALUATION_CHAIN),
      ...improvementLogPlans(SAMPLE_IMPROVEMENTS),
      ...reportPlans({ date: Math.max(...issued.map((line) => line.date)), kpis: [], audiences: [], issued }),
    ]);
    const registers = [
      [kpiRegister(periods), "kpis", SAMPLE_KPIS.length, { periods }],
      [ASSESSMENT_REGISTER, "assessment", SAMPLE_ASSESSMENT.length, {}],
      [FEEDBACK_REGISTER, "feedback", SAMPLE_FEEDBACK.length, {}],
      [EVALUATION_CHAIN, "evaluation-chain", SAMPLE_EVALUATION_CHAIN.length, {}],
      [IMPROVEMENT_LOG, "improvements", SAMPLE_IMPROVEMENTS.length, {}],
      [REPORT_REGISTER, "report", issued.length, {}],
    ] as const;
    for (const [register, kind, count, options] of registers) {
      const table = await workbook.readTable(kind);
      const parsed = (
        register.parse as (rows: unknown, options: unknown) => { records: unknown[]; problems: unknown[] }
      )({ header: register.headerOf(table ?? { header: [] }), rows: table?.rows ?? [] }, options);
      expect(parsed.problems, kind).toEqual([]);
      expect(parsed.records, kind).toHaveLength(count);
    }
    expect(workbook.displayGrid("KPIs")[4]?.slice(0, 2)).toEqual([
      "K-004",
      "Missed delivery slots per site per week",
    ]);
  });

  it("issued two reports, Q2 then Q3, with Q3's change measured from Q2", () => {
    const lines = sampleIssuedReports();
    const dates = [...new Set(lines.map((line) => line.date))];
    expect(dates).toHaveLength(2);
    const slots = lines.filter((line) => line.group === "Executive" && line.kpiId === "K-004");
    expect(slots.map((line) => [line.latest, line.status])).toEqual([
      [12.5, "Off track"],
      [10.9, "At risk"],
    ]);
    expect(slots[1]?.change).toBeCloseTo(10.9 - 12.5, 12);
  });
});

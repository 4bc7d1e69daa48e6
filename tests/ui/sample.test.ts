/** The preview's embedded sample is a valid register that shows every computed column. */
import { describe, expect, it } from "vitest";
import { KPI_STATUSES, StakeholderSchema, salience, toolkitPlans } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

describe("the preview's sample stakeholders", () => {
  it("are valid records with unique ids", () => {
    for (const person of SAMPLE_STAKEHOLDERS) expect(StakeholderSchema.safeParse(person).success).toBe(true);
    expect(new Set(SAMPLE_STAKEHOLDERS.map((person) => person.id)).size).toBe(SAMPLE_STAKEHOLDERS.length);
  });

  it("score legitimacy and urgency for everyone, so the Salience column is never blank, across several classes", () => {
    const classes = SAMPLE_STAKEHOLDERS.map((person) =>
      salience(person.power, person.legitimacy as number, person.urgency as number),
    );
    expect(new Set(classes).size).toBeGreaterThanOrEqual(5);
  });
});

describe("the preview's whole sample", () => {
  it("writes the stakeholders and the whole toolkit into one workbook as the preview does, the KPI statuses computed by the engine as the tracker's plan expects", async () => {
    const workbook = new MemoryWorkbook();
    const plans = toolkitPlans(SAMPLE_STAKEHOLDERS, true, 46356);
    const reports = await workbook.applyAll(plans);
    expect(reports.flatMap((report) => report.messages)).toEqual([]);
    for (const kind of [
      "stakeholders",
      "case-costs",
      "case-benefits",
      "kpis",
      "assessment",
      "feedback",
      "evaluation-chain",
      "improvements",
      "report",
    ])
      expect((await workbook.readTable(kind))?.rows.length, kind).toBeGreaterThan(0);
    const tracker = plans.find((plan) => plan.kind === "kpis");
    const table = await workbook.readTable("kpis");
    const at = table?.header.indexOf("Status") ?? -1;
    const statuses = table?.rows.map((row) => row.values[at]);
    expect(statuses).toEqual(tracker?.table?.rows.map((row) => row.expected?.status));
    for (const status of statuses ?? []) expect(KPI_STATUSES).toContain(status);
    // Two reports issued: Q2's and Q3's lines.
    const report = await workbook.readTable("report");
    expect(new Set(report?.rows.map((row) => row.values[1])).size).toBe(2);
  });
});

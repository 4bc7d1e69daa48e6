/**
 * The evaluation chain written through MemoryWorkbook: HyperFormula computes each row's "Chain 1–5"
 * (complete, or the levels without a result), which must equal the kernel for generated steps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  businessCase,
  businessCasePlans,
  CHAIN_LEVELS,
  EVALUATION_CHAIN,
  type EvaluationStep,
  evaluationChainPlans,
  SAMPLE_BUSINESS_CASE,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const steps = fc
  .array(
    fc.record({
      programme: fc.constantFrom("Coaching", "coaching", "Onboarding*", "<Lead> 2026"),
      level: fc.constantFrom(...CHAIN_LEVELS),
      result: fc.option(fc.constantFrom("4.4 / 5", "82%", "+11 NPS", " "), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((rows) =>
    rows.map((row, index): EvaluationStep => ({ id: `E-${String(index + 1).padStart(3, "0")}`, ...row })),
  );

async function expectChain(data: readonly EvaluationStep[]) {
  const workbook = new MemoryWorkbook();
  await workbook.applyAll(evaluationChainPlans(data));
  const [header, ...rows] = workbook.displayGrid("Evaluation Chain");
  const at = (header ?? []).indexOf("Chain 1–5");
  data.forEach((step, index) => {
    expect(rows[index]?.[at], step.id).toBe(EVALUATION_CHAIN.expected(step, { steps: data }).chain);
  });
}

describe("the evaluation chain in a real formula engine", () => {
  it("says which levels lack a result, as the kernel does", async () => {
    await fc.assert(fc.asyncProperty(steps, expectChain), { numRuns: 25 });
  });

  it("calls a chain with a result at every level from reaction to ROI complete", async () => {
    const data = CHAIN_LEVELS.map(
      (level, index): EvaluationStep => ({
        id: `E-00${index + 1}`,
        programme: "Coaching",
        level,
        result: "done",
      }),
    );
    await expectChain(data);
    expect(EVALUATION_CHAIN.expected(data[0] as EvaluationStep, { steps: data }).chain).toBe("Complete");
    expect(EVALUATION_CHAIN.expected(data[0] as EvaluationStep, { steps: data.slice(0, 4) }).chain).toBe(
      "Missing: 4 Impact, 5 ROI",
    );
  });
});

describe("the chain's level 5, linked to the business case", () => {
  it("shows the case's named ROI on the programme's level-5 row, and counts it as the ROI result", async () => {
    const roi = businessCase(SAMPLE_BUSINESS_CASE).roi;
    const programme = SAMPLE_BUSINESS_CASE.programme.name;
    const linkedCase = { programme, roi };
    const steps = CHAIN_LEVELS.map(
      (level, index): EvaluationStep => ({
        id: `E-00${index + 1}`,
        programme: index === 5 ? programme.toUpperCase() : programme,
        level,
        result: level === "5 ROI" ? undefined : "measured",
      }),
    );
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([
      ...businessCasePlans(SAMPLE_BUSINESS_CASE),
      ...evaluationChainPlans(steps, linkedCase),
    ]);
    const [header, ...rows] = workbook.displayGrid("Evaluation Chain");
    const [chainAt, roiAt] = ["Chain 1–5", "Business case ROI"].map((title) => (header ?? []).indexOf(title));
    expect(rows[5]?.[roiAt as number] as number).toBeCloseTo(roi as number, 9);
    expect(rows.map((row) => row[chainAt as number])).toEqual(steps.map(() => "Complete"));
    steps.forEach((step, index) => {
      const expected = EVALUATION_CHAIN.expected(step, { steps, linkedCase });
      expect(rows[index]?.[chainAt as number]).toBe(expected.chain);
      if (typeof expected.caseRoi === "number")
        expect(rows[index]?.[roiAt as number] as number).toBeCloseTo(expected.caseRoi, 9);
      else expect(rows[index]?.[roiAt as number] ?? "").toBe(expected.caseRoi);
    });
  });

  it("is blank, and level 5 missing, in a workbook without a business case", async () => {
    const steps: EvaluationStep[] = [{ id: "E-001", programme: "Coaching", level: "5 ROI" }];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(evaluationChainPlans(steps, { programme: "Coaching", roi: 0.2 }));
    const [header, ...rows] = workbook.displayGrid("Evaluation Chain");
    expect(rows[0]?.[(header ?? []).indexOf("Business case ROI")] ?? "").toBe("");
    expect(rows[0]?.[(header ?? []).indexOf("Chain 1–5")]).toBe(
      "Missing: 1 Reaction, 2 Learning, 3 Application, 4 Impact, 5 ROI",
    );
  });
});

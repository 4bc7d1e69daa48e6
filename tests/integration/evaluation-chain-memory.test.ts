/**
 * The evaluation chain written through MemoryWorkbook: HyperFormula computes each row's "Chain 1–5"
 * (complete, or the levels without a result), which must equal the kernel for generated steps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAIN_LEVELS, EVALUATION_CHAIN, type EvaluationStep, evaluationChainPlans } from "../../core/index";
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

/**
 * The pre/post assessment written through MemoryWorkbook: HyperFormula recomputes the class
 * analysis (COUNT, SUMPRODUCT, AVERAGE, STDEV.S, T.DIST.2T), which must equal the kernels on the
 * learners with both scores, for generated classes with missing scores.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_REGISTER,
  type Assessment,
  assessmentAnalysis,
  assessmentPlans,
  pairedTTest,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const SUFFIXES = ["Pairs", "MeanPre", "MeanPost", "MeanGain", "NormalizedGain", "EffectSize", "T", "DF", "P"];

const learners = fc
  .array(
    fc.record({
      pre: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      post: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map(
      ({ pre, post }, index): Assessment => ({
        id: `L-${String(index + 1).padStart(3, "0")}`,
        learner: `Learner ${index + 1}`,
        pre,
        post,
      }),
    ),
  );

function expectAnalysis(workbook: MemoryWorkbook, class_: readonly Assessment[], maxScore?: number) {
  const expected = assessmentAnalysis(class_, { maxScore });
  for (const suffix of SUFFIXES) {
    const reference = workbook.namedRange(`BuyIn_Assess_${suffix}`)?.replace(/^=/, "") ?? "";
    const [sheet, cell] = reference.split("!") as [string, string];
    const actual = workbook.value(sheet.replace(/^'|'$/g, ""), cell.replaceAll("$", ""));
    const value = expected[suffix];
    // HyperFormula's T.DIST.2T is good to about 1e-8 (0.499999997 for t = 1, df = 1, where the
    // exact p is 0.5); BuyIn's kernel to 1e-12 (tests/core/evaluation).
    if (typeof value === "number")
      expect(actual as number, suffix).toBeCloseTo(value, suffix === "P" ? 7 : 9);
    else expect(actual ?? "", suffix).toBe(value);
  }
}

describe("the pre/post assessment in a real formula engine", () => {
  it("computes the class analysis as the kernels do, learners with one score left out", async () => {
    await fc.assert(
      fc.asyncProperty(learners, async (class_) => {
        const workbook = new MemoryWorkbook();
        await workbook.applyAll(assessmentPlans(class_));
        expectAnalysis(workbook, class_);
      }),
      { numRuns: 30 },
    );
  });

  it("gives Excel's T.TEST example's p, and follows a changed maximum score", async () => {
    const pre = [3, 4, 5, 8, 9, 1, 2, 4, 5];
    const post = [6, 19, 3, 2, 14, 4, 5, 17, 1];
    const class_ = pre.map(
      (score, index): Assessment => ({
        id: `L-00${index + 1}`,
        learner: `L${index}`,
        pre: score,
        post: post[index],
      }),
    );
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(assessmentPlans(class_, { maxScore: 20 }));
    expectAnalysis(workbook, class_, 20);
    // support.microsoft.com, "T.TEST function": T.TEST(A2:A10,B2:B10,2,1) = 0.196016.
    expect(workbook.value("Pre-Post Assessment", "J11") as number).toBeCloseTo(0.196016, 6);
    expect(pairedTTest(pre, post).p).toBeCloseTo(0.196016, 6);
    workbook.setCell("Pre-Post Assessment", "J2", 40);
    expectAnalysis(workbook, class_, 40);
  });

  it("reads back only the learners: the analysis beside a short table makes no phantom rows", async () => {
    const class_: Assessment[] = [
      { id: "L-001", learner: "Ana", pre: 40, post: 70 },
      { id: "L-002", learner: "Ben", pre: 50, post: 65 },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(assessmentPlans(class_));
    const table = await workbook.readTable("assessment");
    expect(table?.rows.length).toBeGreaterThan(2);
    const parsed = ASSESSMENT_REGISTER.parse(
      { header: ASSESSMENT_REGISTER.headerOf(table ?? { header: [] }), rows: table?.rows ?? [] },
      {},
    );
    expect(parsed).toEqual({ records: class_, problems: [] });
  });
});

/**
 * businessCase over generated inputs, good and bad: every answer is finite numbers (or null where
 * a measure does not exist), every refusal a FormulaError naming the rule; never NaN or Infinity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BusinessCaseInputsSchema,
  type BusinessCaseResult,
  businessCase,
  businessCaseWarnings,
  COST_CATEGORIES,
  COST_TIMINGS,
  isFormulaError,
  quickAccepts,
  SAMPLE_BUSINESS_CASE,
} from "../../../core/index";

/** Mostly valid values, sometimes a value a user might type by mistake. */
function sometimesBad<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: good },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        -1,
        150,
        1.5,
        "abc",
        "",
        null,
        undefined,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        1e308,
      ),
    },
  );
}

const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e7, noNaN: true }));
const shareValue = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });

const programme = fc.record({
  name: sometimesBad(fc.constantFrom("Academy", "Coaching")),
  learners: sometimesBad(fc.integer({ min: 0, max: 5000 })),
  hoursPerLearner: sometimesBad(fc.double({ min: 0, max: 200, noNaN: true })),
  hourlyCost: sometimesBad(fc.double({ min: 0, max: 300, noNaN: true })),
  horizonYears: sometimesBad(fc.integer({ min: 1, max: 10 })),
  discountRate: sometimesBad(fc.double({ min: 0, max: 1, noNaN: true })),
  shortTerm: sometimesBad(fc.boolean()),
});

const costLine = fc.record({
  id: fc.constantFrom("C-001", "C-002", "C-003"),
  category: sometimesBad(fc.constantFrom(...COST_CATEGORIES)),
  timing: sometimesBad(fc.constantFrom(...COST_TIMINGS)),
  amount: sometimesBad(amount),
  year: sometimesBad(fc.integer({ min: 0, max: 10 })),
});

const benefitStream = fc.record({
  id: fc.constantFrom("B-001", "B-002"),
  name: fc.constant("Benefit"),
  measure: fc.constant("Units"),
  improvement: sometimesBad(amount),
  valuePerUnit: sometimesBad(amount),
  attribution: sometimesBad(shareValue),
  confidence: sometimesBad(shareValue),
  firstYear: sometimesBad(fc.integer({ min: 1, max: 10 })),
  rampUpYears: sometimesBad(fc.integer({ min: 0, max: 4 })),
  durationYears: sometimesBad(fc.integer({ min: 1, max: 10 })),
});

const inputs = fc.record({
  programme,
  costs: fc.array(costLine, { maxLength: 10 }),
  benefits: fc.array(benefitStream, { maxLength: 5 }),
  intangibles: fc.constant([]),
});

function expectFinite(result: BusinessCaseResult): void {
  for (const [key, value] of Object.entries(result)) {
    if (value === null) {
      expect(["paybackMonths", "irr", "breakEvenImprovement"]).toContain(key);
    } else if (typeof value === "number") expect(Number.isFinite(value), key).toBe(true);
    else if (Array.isArray(value)) {
      for (const item of value) {
        const number = typeof item === "number" ? item : (item as { improvement: number }).improvement;
        expect(Number.isFinite(number), key).toBe(true);
      }
    } else for (const number of Object.values(value)) expect(Number.isFinite(number), key).toBe(true);
  }
}

describe("quickAccepts, the fast path past zod", () => {
  it("accepts only what zod accepts, and everything zod accepts among the generated inputs", () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (generated) => {
        const quick = quickAccepts(BusinessCaseInputsSchema, generated);
        expect(quick).toBe(BusinessCaseInputsSchema.safeParse(generated).success);
        if (quick) accepted++;
      }),
      { numRuns: 1000 },
    );
    // Both answers occur: the generator makes valid and invalid cases.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(1000);
  });

  it("accepts the sample", () => {
    expect(quickAccepts(BusinessCaseInputsSchema, SAMPLE_BUSINESS_CASE)).toBe(true);
  });
});

describe("businessCase over generated inputs", () => {
  it("answers finite numbers or refuses with a #VALUE!/#NUM! that names the rule", () => {
    fc.assert(
      fc.property(inputs, (generated) => {
        let result: BusinessCaseResult | undefined;
        try {
          result = businessCase(generated as never);
        } catch (error) {
          expect(isFormulaError(error)).toBe(true);
          const { kind, message } = error as { kind: string; message: string };
          expect(["VALUE", "NUM"]).toContain(kind);
          expect(message).toMatch(/^BuyIn business case: .+ (must|is) /);
          expect(message).not.toMatch(/NaN|Infinity|Invalid input|undefined/);
        }
        if (result) {
          expectFinite(result);
          // ROI = BCR − 1, and ROI × cost = net benefit.
          expect(result.roi).toBeCloseTo(result.bcr - 1, 9);
        }
        expect(() => businessCaseWarnings(generated as never)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

/** The judgement aids: each Phillips guiding principle a case may strain gives its warning. */
import { describe, expect, it } from "vitest";
import { type BusinessCaseInputs, businessCaseWarnings, SAMPLE_BUSINESS_CASE } from "../../../core/index";

function sampleWith(change: (inputs: BusinessCaseInputs) => void): BusinessCaseInputs {
  const inputs = structuredClone(SAMPLE_BUSINESS_CASE) as BusinessCaseInputs;
  change(inputs);
  return inputs;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

describe("businessCaseWarnings", () => {
  it("a benefit with no attribution adjustment (blank) or no confidence adjustment (100%)", () => {
    const warnings = businessCaseWarnings(
      sampleWith((inputs) => {
        const stream = inputs.benefits[0] as Mutable<BusinessCaseInputs["benefits"][number]>;
        stream.attribution = undefined;
        stream.confidence = 1;
      }),
    );
    expect(warnings.map((warning) => [warning.kind, warning.path])).toEqual([
      ["unadjusted-benefit", ["benefits", 0, "attribution"]],
      ["unadjusted-benefit", ["benefits", 0, "confidence"]],
    ]);
    expect(warnings[0]?.message).toBe(
      "Benefit stream B-001 (Fewer missed delivery slots) has no attribution adjustment: credit the programme only with the share of the improvement it caused (guiding principle 5).",
    );
  });

  it("a share outside 0–100%, with the fraction it probably meant", () => {
    const warnings = businessCaseWarnings(
      sampleWith((inputs) => {
        (inputs.benefits[1] as { attribution: number }).attribution = 60;
        (inputs.benefits[0] as { attribution: number }).attribution = 1.5;
        (inputs.benefits[2] as { confidence: number }).confidence = -0.2;
      }),
    );
    expect(warnings.map((warning) => warning.message)).toEqual([
      "Benefit stream B-001 (Fewer missed delivery slots): Attribution must be a share from 0 to 1, got 1.5.",
      "Benefit stream B-002 (Manager retention): Attribution must be a share from 0 to 1 (60% is 0.6), got 60.",
      "Benefit stream B-003 (Less overtime): Confidence must be a share from 0 to 1, got -0.2.",
    ]);
  });

  it("learner time missing from the costs", () => {
    const warnings = businessCaseWarnings(
      sampleWith((inputs) => {
        (inputs.programme as { hourlyCost: number }).hourlyCost = 0;
      }),
    );
    expect(warnings.map((warning) => warning.kind)).toEqual(["learner-time-missing"]);
  });

  it("benefits beyond the first year for a short-term programme, one warning a stream", () => {
    const warnings = businessCaseWarnings(
      sampleWith((inputs) => {
        (inputs.programme as { shortTerm: boolean }).shortTerm = true;
        (inputs.benefits[2] as { durationYears: number }).durationYears = 1;
      }),
    );
    expect(warnings.map((warning) => [warning.kind, warning.path])).toEqual([
      ["benefits-after-first-year", ["benefits", 0, "durationYears"]],
      ["benefits-after-first-year", ["benefits", 1, "durationYears"]],
    ]);
  });

  it("an intangible given a money value, which the model does not count", () => {
    const inputs = sampleWith((case_) => {
      (case_.intangibles[0] as { moneyValue: number }).moneyValue = 25000;
    });
    expect(businessCaseWarnings(inputs).map((warning) => warning.kind)).toEqual(["intangible-with-value"]);
  });

  it("never changes the inputs", () => {
    const inputs = sampleWith((case_) => {
      (case_.benefits[0] as { attribution?: number }).attribution = undefined;
      (case_.programme as { learners: number }).learners = 0;
    });
    const before = structuredClone(inputs);
    businessCaseWarnings(inputs);
    expect(inputs).toEqual(before);
  });
});

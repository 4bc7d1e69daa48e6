/**
 * The scenario and sensitivity kernels. ROI is Phillips' (net benefit / fully loaded cost), so
 * scaling every benefit by f gives (f·B − C) / C, and scaling every cost line by f gives
 * (B − (L + f·K)) / (L + f·K) with L the learners' time and K the counted cost lines: the
 * figures each test derives by hand from businessCase's own B, C and L.
 */
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  businessCase,
  CASE_SCENARIOS,
  caseSensitivity,
  driverInputs,
  SAMPLE_BUSINESS_CASE,
  SENSITIVITY_DRIVERS,
  scenarioInputs,
} from "../../../core/index";

const base = businessCase(SAMPLE_BUSINESS_CASE);

describe("scenarioInputs", () => {
  it("multiplies improvement, cost lines and hours per learner, and leaves the inputs as they were", () => {
    const before = structuredClone(SAMPLE_BUSINESS_CASE);
    const scenario = scenarioInputs(SAMPLE_BUSINESS_CASE, {
      improvement: 0.5,
      costLines: 2,
      learnerHours: 1,
    });
    expect(SAMPLE_BUSINESS_CASE).toEqual(before);
    const result = businessCase(scenario);
    const costLines = base.fullyLoadedCost - base.learnerTimeCost;
    expect(result.adjustedBenefit).toBeCloseTo(base.adjustedBenefit * 0.5, 6);
    expect(result.fullyLoadedCost).toBeCloseTo(base.learnerTimeCost + 2 * costLines, 6);
  });

  it("leaves the case as it is in the expected scenario", () => {
    const expected = CASE_SCENARIOS.find((scenario) => scenario.id === "Expected");
    const result = businessCase(
      scenarioInputs(
        SAMPLE_BUSINESS_CASE,
        expected?.multipliers ?? { improvement: 0, costLines: 0, learnerHours: 0 },
      ),
    );
    expect(result.roi).toBe(base.roi);
  });
});

describe("caseSensitivity", () => {
  const rows = caseSensitivity(SAMPLE_BUSINESS_CASE, 0.2);

  it("moves each driver by the swing: the benefit drivers give (0.8·B − C) / C and (1.2·B − C) / C", () => {
    const benefit = (factor: number) =>
      (factor * base.adjustedBenefit - base.fullyLoadedCost) / base.fullyLoadedCost;
    for (const driver of ["improvement", "valuePerUnit"] as const) {
      const row = rows.find((entry) => entry.driver === driver);
      expect(row?.lowRoi).toBeCloseTo(benefit(0.8), 12);
      expect(row?.highRoi).toBeCloseTo(benefit(1.2), 12);
    }
    const learnerTime = (factor: number) => {
      const cost = base.fullyLoadedCost + (factor - 1) * base.learnerTimeCost;
      return (base.adjustedBenefit - cost) / cost;
    };
    const hours = rows.find((entry) => entry.driver === "learnerHours");
    expect(hours?.lowRoi).toBeCloseTo(learnerTime(0.8), 12);
    expect(hours?.highRoi).toBeCloseTo(learnerTime(1.2), 12);
  });

  it("lists every driver once, largest swing first, equal swings in the drivers' order", () => {
    expect([...rows.map((row) => row.driver)].sort()).toEqual([...SENSITIVITY_DRIVERS].sort());
    for (let index = 1; index < rows.length; index++)
      expect((rows[index - 1]?.swing ?? 0) + 1e-12).toBeGreaterThanOrEqual(rows[index]?.swing ?? 0);
    const drivers = rows.map((row) => row.driver);
    // Improvement and value per unit scale the benefit alike: a tie, kept in declared order.
    expect(drivers.indexOf("improvement")).toBe(drivers.indexOf("valuePerUnit") - 1);
    expect(drivers.indexOf("learnerHours")).toBe(drivers.indexOf("hourlyCost") - 1);
  });

  it("refuses a case without costs as businessCase does, and a factor of 1 changes nothing", () => {
    const noHours: BusinessCaseInputs = { ...SAMPLE_BUSINESS_CASE, costs: [] };
    expect(() => caseSensitivity({ ...noHours, programme: { ...noHours.programme, learners: 0 } })).toThrow(
      /#?fully loaded cost|BuyIn business case/,
    );
    expect(driverInputs(SAMPLE_BUSINESS_CASE, "costLines", 1)).toEqual(SAMPLE_BUSINESS_CASE);
  });
});

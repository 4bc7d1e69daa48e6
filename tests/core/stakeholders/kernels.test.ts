/**
 * Stakeholder kernels against their published definitions: Mendelow's grid, Mitchell, Agle &
 * Wood's salience typology (every combination of the three attributes), PMBOK's engagement levels.
 */
import { describe, expect, it } from "vitest";
import {
  cadence,
  championScore,
  engagementGap,
  FormulaError,
  priority,
  quadrant,
  salience,
} from "../../../core/index";

describe("quadrant (Mendelow)", () => {
  it.each([
    [5, 5, "Manage closely"],
    [3, 3, "Manage closely"],
    [5, 1, "Keep satisfied"],
    [1, 5, "Keep informed"],
    [2, 2, "Monitor"],
    [2.99, 3, "Keep informed"],
  ])("power %d, interest %d → %s on 1–5 (threshold 3)", (power, interest, expected) => {
    expect(quadrant(power, interest)).toBe(expected);
  });
  it("takes the midpoint 5.5 on a 1–10 scale, and an explicit threshold", () => {
    expect(quadrant(6, 5, { scaleMax: 10 })).toBe("Keep satisfied");
    expect(quadrant(5, 6, { scaleMax: 10 })).toBe("Keep informed");
    expect(quadrant(4, 4, { threshold: 4 })).toBe("Manage closely");
    expect(quadrant(3, 3, { threshold: 4 })).toBe("Monitor");
  });
  it("refuses scores off the scale and a scale other than 5 or 10", () => {
    expect(() => quadrant(6, 3)).toThrow(/BUYIN\.QUADRANT: power must be a score from 1 to 5, got 6/);
    expect(() => quadrant(0, 3, { scaleMax: 10 })).toThrow(FormulaError);
    expect(() => quadrant(3, 3, { scaleMax: 7 })).toThrow(/scale_max must be 5 .* or 10/);
    expect(() => quadrant(3, 3, { threshold: 6 })).toThrow(/threshold must lie on the 1–5 scale/);
  });
});

describe("salience (Mitchell, Agle & Wood 1997)", () => {
  it.each([
    [1, 1, 1, "Non-stakeholder"],
    [5, 1, 1, "Dormant"],
    [1, 5, 1, "Discretionary"],
    [1, 1, 5, "Demanding"],
    [5, 5, 1, "Dominant"],
    [5, 1, 5, "Dangerous"],
    [1, 5, 5, "Dependent"],
    [5, 5, 5, "Definitive"],
  ])("power %d, legitimacy %d, urgency %d → %s", (power, legitimacy, urgency, expected) => {
    expect(salience(power, legitimacy, urgency)).toBe(expected);
  });
});

describe("engagement gap (PMBOK)", () => {
  it("is desired − current on Unaware 1 … Leading 5, by name or number", () => {
    expect(engagementGap("Resistant", "Supportive")).toBe(2);
    expect(engagementGap(4, "leading ")).toBe(1);
    expect(engagementGap("Leading", 3)).toBe(-2);
  });
  it("names the levels when given an unknown one", () => {
    expect(() => engagementGap("Keen", 3)).toThrow(
      /BUYIN\.ENGAGEGAP: current must be one of Unaware, Resistant, Neutral, Supportive, Leading \(or 1–5\), got "Keen"/,
    );
    expect(() => engagementGap(2.5, 3)).toThrow(/from 1 \(Unaware\) to 5 \(Leading\)/);
  });
});

describe("priority (weighted scoring)", () => {
  it("is the mean by default and the weighted mean with weights", () => {
    expect(priority([5, 3, 4])).toBe(4);
    expect(priority([5, 3, 4], [2, 1, 1])).toBe(4.25);
    expect(priority([5, 3], [0, 1])).toBe(3);
  });
  it("refuses mismatched, negative or all-zero weights", () => {
    expect(() => priority([1, 2], [1])).toThrow(/2 scores, 1 weights/);
    expect(() => priority([1, 2], [1, -1])).toThrow(/weights value 2 must be 0 or more/);
    expect(() => priority([1, 2], [0, 0])).toThrow(
      /^BUYIN\.PRIORITY: weights must not all be 0 \(give one a positive weight, or leave weights out for equal weights\); a blank cell may reach the function as 0 in some Excel versions$/,
    );
  });
});

describe("champion score and cadence", () => {
  it("averages the three shares of their ranges", () => {
    expect(championScore(5, 5, "Leading")).toBe(1);
    expect(championScore(1, 1, "Unaware")).toBe(0);
    expect(championScore(5, 4, "Supportive")).toBeCloseTo((1 + 0.75 + 0.75) / 3, 15);
    expect(championScore(10, 1, 3, { scaleMax: 10 })).toBeCloseTo((1 + 0 + 0.5) / 3, 15);
  });
  it("gives each quadrant its cadence, overridable", () => {
    expect(cadence("Manage closely")).toBe("Weekly");
    expect(cadence("monitor")).toBe("Quarterly");
    expect(cadence("Keep satisfied", { "Keep satisfied": "Every two months" })).toBe("Every two months");
    expect(() => cadence("Ignore")).toThrow(/BUYIN\.CADENCE: quadrant must be one of/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FormulaError, quickWin } from "../../../core/index";

describe("quickWin", () => {
  it("is RICE (reach × impact × confidence ÷ effort, McBride 2016) at 0 days, with visibility as the reach", () => {
    // RICE's own worked form: 3 × 2 × 0.8 ÷ 2 = 2.4.
    expect(quickWin(2, 3, 0.8, 2, 0)).toBeCloseTo(2.4, 12);
    expect(quickWin(4, 5, 0.8, 2, 30)).toBeCloseTo(6, 12);
  });

  it("halves a win 90 days out, and counts effort and time against a candidate", () => {
    expect(quickWin(5, 5, 1, 1, 90)).toBeCloseTo(quickWin(5, 5, 1, 1, 0) / 2, 12);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 365 }),
        (impact, visibility, confidence, effort, days) => {
          const score = quickWin(impact, visibility, confidence, effort, days);
          expect(quickWin(impact, visibility, confidence, effort + 1, days)).toBeLessThan(score);
          expect(quickWin(impact, visibility, confidence, effort, days + 1)).toBeLessThan(score);
        },
      ),
    );
  });

  it("refuses scores off 1–5 and a confidence over 1, naming the argument", () => {
    for (const [call, message] of [
      [() => quickWin(6, 3, 0.5, 2, 10), "BUYIN.QUICKWIN: impact must be a score from 1 to 5, got 6"],
      [
        () => quickWin(3, 3, 1.5, 2, 10),
        "BUYIN.QUICKWIN: confidence must be a share from 0 to 1 (1.5% is 0.015), got 1.5",
      ],
      [() => quickWin(3, 3, 0.5, 2, -1), "BUYIN.QUICKWIN: days_to_value must be 0 or more, got -1"],
    ] as const) {
      expect(call).toThrow(FormulaError);
      expect(call).toThrow(message);
    }
  });
});

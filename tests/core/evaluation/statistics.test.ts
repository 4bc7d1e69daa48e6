/**
 * The evaluation statistics against independent sources: Excel's and Apple Numbers' published
 * T.TEST examples, Hake's definition, and R 4.2.2 (fixtures/, each with the R code that wrote it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  completion,
  effectSize,
  FormulaError,
  kpiStatus,
  netPromoterScore,
  normalizedGain,
  pairedTTest,
  studentTTwoTailed,
  topBox,
  trend,
} from "../../../core/index";

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")) as T;

/** |actual − expected| within `relative` of |expected| (of 1 near 0). */
function expectClose(actual: number, expected: number, relative = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), 1e-300));
}

function refusal(call: () => unknown): FormulaError {
  try {
    call();
  } catch (thrown) {
    if (thrown instanceof FormulaError) return thrown;
    throw thrown;
  }
  throw new Error("expected a FormulaError");
}

interface PairedCase {
  pre: number[];
  post: number[];
  t: number;
  df: number;
  p: number;
  dz: number;
  dav: number;
  g: number;
}

describe("pairedTTest", () => {
  it("gives Excel's T.TEST documentation example, 0.196016 (support.microsoft.com, 'T.TEST function')", () => {
    const { p } = pairedTTest([3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1]);
    expect(p).toBeCloseTo(0.196016, 6);
  });

  it("gives Apple Numbers' TTEST example, 0.837893451979947 two-tailed paired (help.apple.com, 'TTEST')", () => {
    const { p } = pairedTTest([57, 75, 66, 98, 92, 80], [87, 65, 45, 95, 88, 79]);
    expectClose(p, 0.837893451979947, 1e-13);
  });

  it.each(fixture<PairedCase[]>("paired.json"))("equals R's t.test(paired = TRUE) for %#", (row) => {
    const result = pairedTTest(row.pre, row.post);
    expectClose(result.t, row.t);
    expect(result.df).toBe(row.df);
    expectClose(result.p, row.p);
  });

  it("refuses what has no t: unpaired lengths, one pair, equal changes", () => {
    expect(refusal(() => pairedTTest([1, 2, 3], [1, 2])).message).toBe(
      "BUYIN.PAIREDT: pre and post must hold one score per learner each, in the same order: 3 pre scores, 2 post",
    );
    expect(refusal(() => pairedTTest([1], [2])).message).toBe(
      "BUYIN.PAIREDT: pre needs at least 2 values, got 1",
    );
    const flat = refusal(() => pairedTTest([1, 2, 3], [3, 4, 5]));
    expect(flat.kind).toBe("DIV0");
    expect(flat.message).toMatch(/^BUYIN\.PAIREDT: every learner's score changed by the same amount/);
  });
});

describe("studentTTwoTailed", () => {
  it.each(fixture<[number, number, number][]>("student-t.json"))(
    "df %d, t %d equals R's 2·pt(−t, df)",
    (df, t, p) => {
      const mine = studentTTwoTailed("BUYIN.PAIREDT", t, df);
      // The continued fraction loses digits as df grows: R 4.2.2's own two routes to this
      // probability (pbeta of x, or of 1 − x) differ by 7e-13 at df 99,999.
      if (p === 0) expect(mine).toBeLessThan(1e-300);
      else expectClose(mine, p, df <= 1000 ? 1e-12 : 1e-11);
    },
  );
});

describe("effectSize", () => {
  it.each(fixture<PairedCase[]>("paired.json"))("equals d_z, d_av and g_av computed in R for %#", (row) => {
    expectClose(effectSize(row.pre, row.post, "dz"), row.dz);
    expectClose(effectSize(row.pre, row.post, "dav"), row.dav);
    expectClose(effectSize(row.pre, row.post, "g"), row.g);
  });

  it("is d_z by default", () => {
    const [pre, post] = [
      [10, 12, 9, 14, 11],
      [13, 15, 10, 18, 12],
    ];
    expect(effectSize(pre, post)).toBe(effectSize(pre, post, "dz"));
  });

  it("refuses no spread and too few pairs for Hedges' correction", () => {
    expect(refusal(() => effectSize([1, 2, 3], [2, 3, 4])).kind).toBe("DIV0");
    // One side without spread still leaves the other: d_av divides by their mean, 0.5.
    expect(effectSize([5, 5, 5], [6, 7, 8], "dav")).toBe(4);
    expect(refusal(() => effectSize([5, 5], [5, 5], "dav")).kind).toBe("DIV0");
    expect(refusal(() => effectSize([1, 2], [3, 5], "g")).message).toBe(
      "BUYIN.EFFECTSIZE: pre needs at least 3 values, got 2",
    );
  });
});

describe("normalizedGain", () => {
  it("is Hake's ⟨g⟩ = (%post − %pre)/(100 − %pre) of the class averages (Hake 1998, eq. 1)", () => {
    // A class averaging 40% before and 70% after made half the gain it could: ⟨g⟩ = 30/60 = 0.5.
    expect(normalizedGain([30, 40, 50], [60, 70, 80], 100)).toBe(0.5);
    // On a 20-point test, the same: means 8 and 14 of 20 → 6/12.
    expect(normalizedGain([6, 8, 10], [12, 14, 16], 20)).toBe(0.5);
    // Hake's traditional-course average ⟨g⟩ = 0.23 and interactive-engagement 0.48 (ibid., §IV).
    expectClose(normalizedGain([40], [40 + 0.23 * 60], 100), 0.23);
    expectClose(normalizedGain([40], [40 + 0.48 * 60], 100), 0.48);
  });

  it("refuses a pre mean already at the maximum, scores off the scale and unpaired scores", () => {
    const full = refusal(() => normalizedGain([10, 10], [10, 10], 10));
    expect(full.kind).toBe("DIV0");
    expect(full.message).toBe(
      "BUYIN.NGAIN: the pre scores' mean is already max_score (10), so no gain was possible",
    );
    expect(refusal(() => normalizedGain([5, 12], [6, 8], 10)).message).toBe(
      "BUYIN.NGAIN: pre value 2 must be from 0 to max_score (10), got 12",
    );
    expect(refusal(() => normalizedGain([5], [6, 8], 10)).kind).toBe("VALUE");
  });
});

describe("netPromoterScore and topBox", () => {
  it("counts promoters 9–10 and detractors 0–6 (Reichheld 2003)", () => {
    expect(netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10])).toBe(25);
    expect(netPromoterScore([10, 10])).toBe(100);
    expect(netPromoterScore([0, 6])).toBe(-100);
    expect(netPromoterScore([7, 8])).toBe(0);
  });

  it("refuses a rating of 7.5 or 11", () => {
    expect(refusal(() => netPromoterScore([9, 7.5])).message).toBe(
      "BUYIN.NPS: scores value 2 must be a whole number from 0 to 10, got 7.5",
    );
    expect(refusal(() => netPromoterScore([11])).kind).toBe("VALUE");
  });

  it("gives top-box and top-2-box shares", () => {
    const ratings = [5, 4, 4, 3, 5, 2, 1, 5];
    expect(topBox(ratings, 5)).toBe(0.375);
    expect(topBox(ratings, 5, 2)).toBe(0.625);
    expect(refusal(() => topBox([6], 5)).kind).toBe("VALUE");
    expect(refusal(() => topBox([5], 5, 5)).kind).toBe("VALUE");
  });
});

describe("completion, kpiStatus and trend", () => {
  it("divides completed by assigned and refuses more completed than assigned", () => {
    expect(completion(45, 60)).toBe(0.75);
    expect(refusal(() => completion(61, 60)).message).toBe(
      "BUYIN.COMPLETION: completed (61) cannot be more than assigned (60)",
    );
  });

  it("bands a KPI: met, within the tolerance, beyond it; lower-is-better reversed", () => {
    expect(kpiStatus(0.9, 0.9)).toBe("On track");
    expect(kpiStatus(0.85, 0.9)).toBe("At risk");
    expect(kpiStatus(0.8, 0.9)).toBe("Off track");
    expect(kpiStatus(0.8, 0.9, "up", 0.2)).toBe("At risk");
    expect(kpiStatus(12, 10, "down")).toBe("Off track");
    expect(kpiStatus(10.5, 10, "down")).toBe("At risk");
    expect(kpiStatus(9, 10, "down")).toBe("On track");
  });

  it("equals R's lm slope per period", () => {
    // R 4.2.2: coef(lm(y ~ seq_along(y)))[2]
    expectClose(trend([0.62, 0.66, 0.71, 0.73, 0.7, 0.78]), 0.026857142857142805, 1e-12);
    expectClose(trend([120, 118, 111, 109, 104]), -4.1000000000000023, 1e-12);
    expect(refusal(() => trend([1])).kind).toBe("VALUE");
  });
});

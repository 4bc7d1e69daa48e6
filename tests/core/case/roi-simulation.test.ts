/**
 * BUYIN.ROISIM and its kernels: the generator against the C++ standard's check value, the
 * triangular inverse CDF against the CDF of Kotz & van Dorp, determinism by seed, and the
 * simulated percentiles against the analytic distribution of a case with a fixed cost.
 */
import { describe, expect, it } from "vitest";
import {
  FormulaError,
  type FunctionSpec,
  findFunction,
  invoke,
  MINSTD_MODULUS,
  minstdRandom,
  percentileInc,
  roiSimulation,
  triangularQuantile,
} from "../../../core/index";

describe("minstdRandom", () => {
  it("gives minstd_rand's 10,000th value from seed 1: 399268537 (ISO C++ [rand.predef])", () => {
    // The standard: "Required behavior: The 10000th consecutive invocation of a default-constructed
    // object of type minstd_rand shall produce the value 399268537."
    const next = minstdRandom(1);
    let value = 0;
    for (let call = 0; call < 10000; call++) value = next();
    expect(Math.round(value * MINSTD_MODULUS)).toBe(399268537);
  });

  it("refuses a seed that is not a whole number from 1 to 2147483646", () => {
    for (const seed of [0, -1, 1.5, MINSTD_MODULUS]) expect(() => minstdRandom(seed)).toThrow(FormulaError);
  });
});

/**
 * The triangular CDF as Kotz & van Dorp (2004), "Beyond Beta", ch. 1, state it, written out here
 * independently of the kernel: F(x) = (x − a)² / ((b − a)(c − a)) for a ≤ x ≤ c, and
 * 1 − (b − x)² / ((b − a)(b − c)) for c < x ≤ b.
 */
function triangularCdf(x: number, a: number, c: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
}

describe("triangularQuantile", () => {
  const shapes: [number, number, number][] = [
    [50, 150, 250],
    [0, 0, 1],
    [0, 1, 1],
    [-20, 5, 90],
    [1000, 1200, 5000],
  ];

  it.each(shapes)("inverts the cited CDF: F(Q(u)) = u on (%d, %d, %d)", (a, c, b) => {
    for (let step = 0; step <= 100; step++) {
      const u = step / 100;
      const x = triangularQuantile(u, a, c, b);
      expect(x).toBeGreaterThanOrEqual(a);
      expect(x).toBeLessThanOrEqual(b);
      expect(triangularCdf(x, a, c, b)).toBeCloseTo(u, 12);
    }
  });

  it("puts F(c) = (c − a) / (b − a) of the mass below the mode", () => {
    expect(triangularQuantile(0.25, 0, 25, 100)).toBeCloseTo(25, 12);
  });

  it("gives the low value for a range of one value", () => {
    expect(triangularQuantile(0.7, 42, 42, 42)).toBe(42);
  });
});

describe("percentileInc", () => {
  it("matches Excel's PERCENTILE.INC documentation: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9", () => {
    expect(percentileInc([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
  });
});

describe("roiSimulation against the analytic distribution", () => {
  // A fixed cost of 100 and a benefit triangular on (50, 150, 250): ROI = B / 100 − 1, so ROI's
  // p-quantile is Q_B(p) / 100 − 1, its mean (50 + 150 + 250) / 3 / 100 − 1 = 0.5, and
  // P(ROI > 0) = 1 − F_B(100) = 1 − 50² / (200 · 100) = 0.875. With 100,000 runs the standard
  // error of P10 is √(0.1 · 0.9 / n) / f_B(Q_B(0.1)) / 100 ≈ 0.0021, of the mean 0.0013 and of
  // the probability 0.0010: the tolerances below are about 4.5 standard errors.
  const result = roiSimulation(50, 150, 250, 100, 100, 100, 100000, 7);

  it.each([
    ["p10", 0.1],
    ["p50", 0.5],
    ["p90", 0.9],
  ] as const)("%s within 0.01 of the analytic quantile", (key, p) => {
    expect(Math.abs(result[key] - (triangularQuantile(p, 50, 150, 250) / 100 - 1))).toBeLessThan(0.01);
  });

  it("mean within 0.006 of 0.5, P(ROI > 0) within 0.005 of 0.875", () => {
    expect(Math.abs(result.mean - 0.5)).toBeLessThan(0.006);
    expect(Math.abs(result.probabilityPositive - 0.875)).toBeLessThan(0.005);
  });

  it("with no uncertainty, every statistic is the one ROI: 60,000 on 20,000 is 200%", () => {
    const certain = roiSimulation(60000, 60000, 60000, 20000, 20000, 20000, 100, 3);
    expect([certain.p10, certain.p50, certain.p90, certain.mean]).toEqual([2, 2, 2, 2]);
    expect(certain.probabilityPositive).toBe(1);
  });
});

describe("BUYIN.ROISIM", () => {
  const spec = findFunction("BUYIN.ROISIM") as FunctionSpec;
  const call = (...args: unknown[]) => invoke(spec, args.map((arg) => [[arg]]) as never).cells;

  it("spills a labelled table", () => {
    const table = call(20000, 45000, 90000, 25000, 30000, 45000, 1000, 9);
    expect(table.map((row) => row[0])).toEqual([
      "Statistic",
      "P10 ROI",
      "P50 ROI",
      "P90 ROI",
      "Mean ROI",
      "P(ROI > 0)",
      "Runs",
      "Seed",
    ]);
    expect(table[6]?.[1]).toBe(1000);
    expect(table[7]?.[1]).toBe(9);
  });

  it("is the same for the same seed, and differs for another", () => {
    const first = call(20000, 45000, 90000, 25000, 30000, 45000, 5000, 42);
    expect(call(20000, 45000, 90000, 25000, 30000, 45000, 5000, 42)).toEqual(first);
    expect(call(20000, 45000, 90000, 25000, 30000, 45000, 5000, 43)[1]).not.toEqual(first[1]);
  });

  it("orders P10 ≤ P50 ≤ P90", () => {
    const table = call(-5000, 30000, 200000, 10000, 40000, 41000);
    const [p10, p50, p90] = [table[1]?.[1], table[2]?.[1], table[3]?.[1]] as number[];
    expect(p10).toBeLessThanOrEqual(p50 as number);
    expect(p50).toBeLessThanOrEqual(p90 as number);
  });

  it("refuses a range out of order, naming it", () => {
    const [[answer]] = call(50000, 40000, 90000, 25000, 30000, 45000) as [[FormulaError]];
    expect(answer.kind).toBe("VALUE");
    expect(answer.message).toBe(
      "BUYIN.ROISIM: the benefit range must run low ≤ likely ≤ high, got 50000, 40000, 90000",
    );
  });

  it("refuses too few runs and a range given where a cell belongs", () => {
    const [[few]] = call(1, 2, 3, 1, 2, 3, 10) as [[FormulaError]];
    expect(few.message).toBe("BUYIN.ROISIM: iterations must be a whole number from 100 to 1000000, got 10");
    const [[range]] = invoke(spec, [[[1], [2]], [[2]], [[3]], [[1]], [[2]], [[3]]] as never).cells as [
      [FormulaError],
    ];
    expect(range.kind).toBe("VALUE");
    expect(range.message).toBe(
      "BUYIN.ROISIM: benefit_low must be a single cell: the function answers one table, not one answer a cell",
    );
  });
});

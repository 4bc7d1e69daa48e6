/**
 * The KPI tracker written through MemoryWorkbook: HyperFormula recomputes every native formula,
 * and each computed cell must equal the kernels (core/evaluation) for generated KPIs, with blank
 * periods, blank baselines and cleared inputs too.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actualField, type Kpi, kpiRegister, kpiTrackerPlans } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const PERIODS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];

const kpiArbitrary = (index: number): fc.Arbitrary<Kpi> =>
  fc
    .record({
      target: fc.integer({ min: -50, max: 200 }),
      direction: fc.constantFrom("up" as const, "down" as const),
      baseline: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
      // Two decimals, as KPIs are kept: a double such as 5e-324 is no measurement, and hosts keep 15 digits.
      actuals: fc.array(
        fc.option(
          fc.integer({ min: -10_000, max: 30_000 }).map((cents) => cents / 100),
          { nil: undefined },
        ),
        {
          minLength: PERIODS.length,
          maxLength: PERIODS.length,
        },
      ),
    })
    .map(({ target, direction, baseline, actuals }) => ({
      id: `K-${String(index + 1).padStart(3, "0")}`,
      kpi: `KPI ${index + 1}`,
      target,
      direction,
      baseline,
      ...Object.fromEntries(
        actuals.flatMap((value, period) => (value === undefined ? [] : [[actualField(period), value]])),
      ),
    }));

const expectSame = (actual: unknown, expected: unknown) => {
  if (typeof expected === "number") expect(actual as number).toBeCloseTo(expected, 9);
  else expect(actual).toBe(expected);
};

/** The Status column as computed. */
function statuses(workbook: MemoryWorkbook): unknown[] {
  const [header, ...rows] = workbook.displayGrid("KPIs");
  const at = (header ?? []).indexOf("Status");
  return rows.map((row) => row[at]);
}

/** Every computed cell of the written tracker against the kernels, row by row. */
function expectKernels(workbook: MemoryWorkbook, kpis: readonly Kpi[], tolerance?: number) {
  const register = kpiRegister(PERIODS);
  const [header, ...rows] = workbook.displayGrid("KPIs");
  kpis.forEach((kpi, index) => {
    const expected = register.expected(kpi, { periods: PERIODS, tolerance });
    for (const output of register.outputs) {
      const at = (header ?? []).indexOf(output.header);
      expectSame(rows[index]?.[at] ?? "", expected[output.id]);
    }
  });
}

describe("the KPI tracker in a real formula engine", () => {
  it("computes latest, status, change and trend as the kernels do, for generated KPIs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 8 })
          .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => kpiArbitrary(index)))),
        async (kpis) => {
          const workbook = new MemoryWorkbook();
          await workbook.applyAll(kpiTrackerPlans(kpis, { periods: PERIODS }));
          expectKernels(workbook, kpis);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("follows a changed at-risk band, as the kernel does with the same tolerance", async () => {
    const kpis: Kpi[] = [
      { id: "K-001", kpi: "Completion", target: 90, direction: "up", actual1: 70, actual2: 80 },
      {
        id: "K-002",
        kpi: "Time to competence (days)",
        target: 30,
        direction: "down",
        actual1: 40,
        actual3: 34,
      },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(kpis, { periods: PERIODS }));
    expect(workbook.namedRange("BuyIn_Kpi_Tolerance")).toBe("='KPI Settings'!$B$5");
    expectKernels(workbook, kpis);
    expect(statuses(workbook)).toEqual(["Off track", "Off track"]);
    workbook.setCell("KPI Settings", "B5", 0.2);
    expectKernels(workbook, kpis, 0.2);
    expect(statuses(workbook)).toEqual(["At risk", "At risk"]);
  });

  it("keeps an actual typed in the sheet on the next write, and keeps text as text", async () => {
    const kpis: Kpi[] = [
      { id: "K-001", kpi: '=HYPERLINK("http://x")', target: 90, direction: "up", actual1: 70 },
    ];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(kpiTrackerPlans(kpis, { periods: PERIODS }));
    const header = workbook.displayGrid("KPIs")[0] ?? [];
    const feb = String.fromCharCode(65 + header.indexOf("Feb"));
    workbook.setCell("KPIs", `${feb}2`, 88);
    await workbook.applyAll(kpiTrackerPlans(kpis, { periods: PERIODS }));
    expect(workbook.value("KPIs", `${feb}2`)).toBe(88);
    expect(workbook.value("KPIs", "B2")).toBe('=HYPERLINK("http://x")');
    expectKernels(workbook, [{ ...(kpis[0] as Kpi), actual2: 88 }]);
  });
});

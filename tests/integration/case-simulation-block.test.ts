/**
 * The simulation's labelled values on the Business Case sheet, written through MemoryWorkbook:
 * the names always exist (blank before a run, with a line saying where to run it), a run's
 * results land under their names, and a write that passes earlier results back as stale keeps
 * them, with their date, instead of erasing them.
 */
import { describe, expect, it } from "vitest";
import {
  businessCase,
  businessCasePlans,
  caseSimulation,
  SAMPLE_BUSINESS_CASE,
  SIMULATION_NOT_RUN,
  SIMULATION_ROWS,
  SIMULATION_STALE,
  type SimulationRecord,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const NAMES = [
  "BuyIn_Case_SimRuns",
  "BuyIn_Case_SimSeed",
  "BuyIn_Case_SimDate",
  "BuyIn_Case_SimP10",
  "BuyIn_Case_SimP50",
  "BuyIn_Case_SimP90",
  "BuyIn_Case_SimMean",
  "BuyIn_Case_SimProbPositive",
];

function cellOf(workbook: MemoryWorkbook, name: string): [string, string] {
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(workbook.namedRange(name) ?? "");
  if (!match) throw new Error(`${name} is not a single cell`);
  return [match[1] as string, `${match[2]}${match[3]}`];
}
const named = (workbook: MemoryWorkbook, name: string) => workbook.value(...cellOf(workbook, name));
/** HyperFormula keeps 15 significant digits of a number typed in (its default precision). */
function expectSame(actual: unknown, expected: number, label: string) {
  expect(typeof actual, label).toBe("number");
  expect(Math.abs((actual as number) - expected), label).toBeLessThanOrEqual(
    1e-14 * Math.max(1, Math.abs(expected)),
  );
}
/** The status line: the cell under the last value's label. */
function status(workbook: MemoryWorkbook): string {
  const [sheet, a1] = cellOf(workbook, "BuyIn_Case_SimProbPositive");
  const row = Number(a1.replace(/[A-Z]+/, "")) + 1;
  const labels = String.fromCharCode(a1.charCodeAt(0) - 1);
  return String(workbook.value(sheet, `${labels}${row}`));
}

const RUN_DAY = 46356; // 2026-11-30
function record(): SimulationRecord {
  const result = caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 1000, seed: 5 });
  return { ...result, date: RUN_DAY };
}

describe("the simulation's block on the Business Case sheet", () => {
  it("names every result from the first write, blank until a run, saying where to run it", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    expect(SIMULATION_ROWS.map((row) => `BuyIn_Case_${row.name}`)).toEqual(NAMES);
    for (const name of NAMES) expect(named(workbook, name), name).toBeNull();
    expect(status(workbook)).toMatch(new RegExp(`^${SIMULATION_NOT_RUN}.*Business Case screen`));
  });

  it("writes a run's results as labelled values under their names, with the day it ran", async () => {
    const workbook = new MemoryWorkbook();
    const run = record();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, { simulation: run }));
    for (const row of SIMULATION_ROWS) {
      const [sheet, a1] = cellOf(workbook, `BuyIn_Case_${row.name}`);
      expectSame(workbook.value(sheet, a1), run[row.field], row.name);
      expect(workbook.formula(sheet, a1), row.name).toBeUndefined();
      const label = `${String.fromCharCode(a1.charCodeAt(0) - 1)}${a1.slice(1)}`;
      expect(workbook.value(sheet, label)).toBe(row.label);
    }
    expect(status(workbook)).toContain("run by BuyIn on 2026-11-30");
    // The outputs beside it are still the model's formulas.
    expect(named(workbook, "BuyIn_Case_ROI")).toBeCloseTo(businessCase(SAMPLE_BUSINESS_CASE).roi, 9);
  });

  it("keeps earlier results, marked stale with their date, when the case is written again without a run", async () => {
    const workbook = new MemoryWorkbook();
    const run = record();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, { simulation: run }));
    const changed = {
      ...SAMPLE_BUSINESS_CASE,
      programme: { ...SAMPLE_BUSINESS_CASE.programme, learners: 150 },
    };
    await workbook.applyAll(businessCasePlans(changed, { simulation: { ...run, stale: true } }));
    for (const row of SIMULATION_ROWS)
      expectSame(named(workbook, `BuyIn_Case_${row.name}`), run[row.field], row.name);
    expect(status(workbook)).toMatch(new RegExp(`^${SIMULATION_STALE} from the run of 2026-11-30`));
    expect(named(workbook, "BuyIn_Case_ROI")).toBeCloseTo(businessCase(changed).roi, 9);
  });
});

/**
 * The business case written through MemoryWorkbook, where HyperFormula (a real formula engine)
 * computes the native formulas: every named output equals businessCase(inputs), for 100 generated
 * cases and after a reviewer changes an assumption, and no written formula calls BUYIN.
 *
 * Tolerance: 1e-9 relative to the size of the figures an output is made of (the fully loaded
 * cost and the adjusted benefit), since the sheet adds the same amounts in another order; a
 * difference of two large sums (a net benefit or an ROI near 0) is held to that same scale.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BENEFIT_REGISTER,
  type BusinessCaseInputs,
  type BusinessCaseResult,
  businessCase,
  businessCasePlans,
  businessCaseWarnings,
  CASE_CHECKS,
  CASE_LAYOUT,
  CASE_OUTPUTS,
  CASE_SCENARIOS,
  type CaseCheck,
  type CaseOutput,
  type CaseScenario,
  COST_CATEGORIES,
  COST_TIMINGS,
  caseSensitivity,
  columnLetter,
  DRIVER_LABELS,
  type DriverMultipliers,
  driverInputs,
  MAX_HORIZON,
  SAMPLE_BUSINESS_CASE,
  SCENARIO_OUTPUTS,
  SENSITIVITY_DRIVERS,
  type SensitivityDriver,
  scenarioInputs,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

/** The inputs each workbook was written from: the sensitivity table's order is fixed from them. */
const writtenFrom = new WeakMap<MemoryWorkbook, BusinessCaseInputs>();

async function written(inputs: BusinessCaseInputs): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.applyAll(businessCasePlans(inputs));
  writtenFrom.set(workbook, inputs);
  return workbook;
}

/** The sheet and A1 address of a workbook name that points at one cell. */
function cellOf(workbook: MemoryWorkbook, name: string): [sheet: string, a1: string] {
  const reference = workbook.namedRange(name);
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference ?? "");
  if (!match) throw new Error(`${name} is not a single cell: ${reference}`);
  return [match[1] as string, `${match[2]}${match[3]}`];
}

/** The value of a workbook name that points at one cell. */
function named(workbook: MemoryWorkbook, name: string) {
  return workbook.value(...cellOf(workbook, name));
}

function formulaOf(workbook: MemoryWorkbook, name: string): string {
  return workbook.formula(...cellOf(workbook, name)) ?? "";
}

/** A cell no plan writes, for a formula of the test's own. */
const SCRATCH = "Z1";

/** What every check of the sheet shows, by check. */
function checksShown(workbook: MemoryWorkbook): Record<CaseCheck | "All", string> {
  const shown = Object.fromEntries(
    CASE_CHECKS.map((check) => [check, String(named(workbook, `BuyIn_Case_Check${check}`))]),
  );
  return { ...shown, All: String(named(workbook, "BuyIn_Case_Checks")) } as Record<CaseCheck | "All", string>;
}

const ALL_OK = Object.fromEntries([...CASE_CHECKS, "All"].map((check) => [check, "OK"]));

/** What each named output should show: the model's figure, or an error where the model has none. */
function expectedOutputs(result: BusinessCaseResult): Record<CaseOutput, number | null> {
  return {
    Cost: result.fullyLoadedCost,
    Benefit: result.adjustedBenefit,
    NetBenefit: result.netBenefit,
    ROI: result.roi,
    BCR: result.bcr,
    PaybackMonths: result.paybackMonths,
    NPV: result.npv,
    IRR: result.irr,
    BreakEven: result.breakEvenImprovement,
  };
}

/** Σ flowᵢ / (1 + rate)^i, the first flow at time 0. */
function presentValue(flows: readonly number[], rate: number): number {
  return flows.reduce((sum, flow, period) => sum + flow / (1 + rate) ** period, 0);
}

/** The multipliers a scenario's named input cells hold now. */
function multipliersShown(workbook: MemoryWorkbook, scenario: CaseScenario): DriverMultipliers {
  const read = (suffix: string) => named(workbook, `BuyIn_Case_${scenario}${suffix}`) as number;
  return {
    improvement: read("Improvement"),
    costLines: read("CostLines"),
    learnerHours: read("LearnerHours"),
  };
}

/**
 * Every named output equals businessCase(inputs), every check is OK, and each scenario's outputs
 * equal businessCase on the inputs its multipliers (as the sheet holds them) give.
 */
function expectOutputsMatch(workbook: MemoryWorkbook, inputs: BusinessCaseInputs): void {
  expect(checksShown(workbook)).toEqual(ALL_OK);
  expectShown(workbook, "", businessCase(inputs), CASE_OUTPUTS);
  for (const { id } of CASE_SCENARIOS) {
    const scenario = businessCase(scenarioInputs(inputs, multipliersShown(workbook, id)));
    expectShown(workbook, id, scenario, SCENARIO_OUTPUTS);
  }
  expectSensitivityMatch(workbook, inputs);
}

/**
 * Each sensitivity row's ROI lowered and raised equals businessCase's ROI with that driver moved
 * by the swing the sheet holds, to 1e-9 relative to the benefit–cost ratio (ROI is BCR − 1, so
 * an ROI near 0 is a difference of two figures of that size); the rows are in the kernel's order
 * for the inputs the sheet was written from (fixed at write time).
 */
function expectSensitivityMatch(workbook: MemoryWorkbook, inputs: BusinessCaseInputs): void {
  const swing = named(workbook, "BuyIn_Case_Swing") as number;
  const byLabel = new Map(SENSITIVITY_DRIVERS.map((driver) => [DRIVER_LABELS[driver], driver]));
  const shownOrder: SensitivityDriver[] = [];
  SENSITIVITY_DRIVERS.forEach((_, index) => {
    const row = CASE_LAYOUT.sensitivity + index;
    const driver = byLabel.get(workbook.value("Business Case", `A${row}`) as string) as SensitivityDriver;
    expect(driver, `row ${row}`).toBeDefined();
    shownOrder.push(driver);
    const low = businessCase(driverInputs(inputs, driver, 1 - swing));
    const high = businessCase(driverInputs(inputs, driver, 1 + swing));
    for (const [column, result] of [
      ["B", low],
      ["C", high],
    ] as const) {
      const shown = workbook.value("Business Case", `${column}${row}`) as number;
      expect(Math.abs(shown - result.roi), `${driver} ${column}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, result.bcr),
      );
    }
  });
  const writtenWith = writtenFrom.get(workbook) as BusinessCaseInputs;
  expect(shownOrder).toEqual(caseSensitivity(writtenWith).map((row) => row.driver));
}

/** The outputs named `BuyIn_Case_<prefix><output>` equal `result`'s, to 1e-9 relative. */
function expectShown(
  workbook: MemoryWorkbook,
  prefix: string,
  result: BusinessCaseResult,
  outputs: readonly CaseOutput[],
): void {
  const expected = expectedOutputs(result);
  // Ratios are held to their own size; money to the size of the sums they come from.
  const money = Math.max(
    1,
    result.fullyLoadedCost,
    Math.abs(result.adjustedBenefit),
    Math.abs(result.totalCost),
  );
  const scale: Record<CaseOutput, number> = {
    Cost: money,
    Benefit: money,
    NetBenefit: money,
    NPV: money,
    ROI: Math.max(1, result.bcr),
    BCR: Math.max(1, result.bcr),
    PaybackMonths: Math.max(1, result.paybackMonths ?? 0),
    IRR: Math.max(1, Math.abs(result.irr ?? 0)),
    BreakEven: Math.max(1, result.breakEvenImprovement ?? 0),
  };
  for (const output of outputs) {
    const label = `${prefix}${output}`;
    const shown = named(workbook, `BuyIn_Case_${label}`);
    const wanted = expected[output];
    if (wanted === null) {
      expect(String(shown), label).toMatch(/^#(N\/A|NUM!)$/);
      continue;
    }
    if (output === "IRR" && shown === "#NUM!") {
      // Excel's and HyperFormula's IRR run Newton's method from a 10% guess and give #NUM! when it
      // fails (flows losing most of their money, a rate near -100%); BuyIn's IRR then searches
      // every rate (core/finance/irr.ts). The engine's own IRR, started from BuyIn's rate, must
      // stay on it: the sheet's function has the same root, only its start differs.
      const range = /^=IRR\((.+)\)$/.exec(formulaOf(workbook, "BuyIn_Case_IRR"))?.[1];
      workbook.setCell("Business Case", SCRATCH, `=IRR(${range},${wanted})`);
      const restarted = workbook.value("Business Case", SCRATCH) as number;
      expect(Math.abs(restarted - wanted), label).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
      workbook.setCell("Business Case", SCRATCH, "");
      continue;
    }
    expect(typeof shown, `${label}: ${String(shown)}`).toBe("number");
    const difference = Math.abs((shown as number) - wanted);
    if (output === "IRR" && difference > 1e-9 * scale.IRR) {
      // HyperFormula's IRR stops once |NPV| < 1e-10 in the flows' units (FinancialPlugin.js,
      // irrCore: epsMax), so on flows of cents its rate may sit 1e-9 from the root BuyIn finds:
      // it must then be a root by the engine's own rule.
      expect(Math.abs(presentValue(result.netCashFlow, shown as number)), label).toBeLessThan(1e-10);
    } else expect(difference, label).toBeLessThanOrEqual(1e-9 * scale[output]);
  }
}

/** Figures as people type them: up to `digits` decimals, from 0 to `max`. */
const decimal = (max: number, digits: number) =>
  fc.integer({ min: 0, max: max * 10 ** digits }).map((units) => units / 10 ** digits);
const year = fc.integer({ min: 0, max: MAX_HORIZON });
const money = decimal(500_000, 2);
const share = fc.option(decimal(1, 3), { nil: undefined, freq: 5 });

/** Valid cases of every shape: short- and long-term, empty registers, shares left blank. */
const cases: fc.Arbitrary<BusinessCaseInputs> = fc
  .record({
    programme: fc.record({
      name: fc.constantFrom("Academy", "Coaching", "=Sneaky"),
      learners: fc.integer({ min: 0, max: 2000 }),
      hoursPerLearner: decimal(80, 1),
      hourlyCost: decimal(120, 2),
      horizonYears: fc.integer({ min: 1, max: MAX_HORIZON }),
      discountRate: decimal(0.3, 4),
      shortTerm: fc.boolean(),
    }),
    costs: fc.array(
      fc.record({
        category: fc.constantFrom(...COST_CATEGORIES),
        timing: fc.constantFrom(...COST_TIMINGS),
        amount: money,
        year,
      }),
      { maxLength: 8 },
    ),
    benefits: fc.array(
      fc.record({
        improvement: decimal(5000, 1),
        valuePerUnit: decimal(500, 2),
        attribution: share,
        confidence: share,
        firstYear: fc.integer({ min: 1, max: MAX_HORIZON }),
        rampUpYears: fc.integer({ min: 0, max: 3 }),
        durationYears: fc.integer({ min: 1, max: MAX_HORIZON }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ programme, costs, benefits }) => ({
    programme,
    costs: costs.map((line, index) => ({ id: `C-${index + 1}`, ...line })),
    benefits: benefits.map((stream, index) => ({
      id: `B-${index + 1}`,
      name: `Benefit ${index + 1}`,
      measure: "Units a year",
      ...stream,
    })),
    intangibles: [{ id: "I-1", name: "Confidence" }],
  }))
  // The model refuses a case without costs; those are the bad-input tests' business.
  .filter((inputs) => {
    try {
      businessCase(inputs);
      return true;
    } catch {
      return false;
    }
  });

describe("the business case computed by HyperFormula", () => {
  it("reproduces businessCase for the sample", async () => {
    expectOutputsMatch(await written(SAMPLE_BUSINESS_CASE), SAMPLE_BUSINESS_CASE);
  });

  it("reproduces businessCase to 1e-9 on 100 generated cases", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (inputs) => {
        expectOutputsMatch(await written(inputs), inputs);
      }),
      { numRuns: 100 },
    );
    // A fresh engine a case: about 0.1–0.4 s each on a shared two-core machine.
  }, 300_000);

  it("follows a reviewer's change to an assumption cell", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const changes: [string, string, (inputs: BusinessCaseInputs) => BusinessCaseInputs][] = [
      [
        "Case Assumptions",
        "DiscountRate",
        (c) => ({ ...c, programme: { ...c.programme, discountRate: 0.12 } }),
      ],
      ["Case Assumptions", "Learners", (c) => ({ ...c, programme: { ...c.programme, learners: 80 } })],
      ["Case Assumptions", "Horizon", (c) => ({ ...c, programme: { ...c.programme, horizonYears: 5 } })],
      ["Case Assumptions", "ShortTerm", (c) => ({ ...c, programme: { ...c.programme, shortTerm: true } })],
    ];
    const newValues: Record<string, number | boolean> = {
      DiscountRate: 0.12,
      Learners: 80,
      Horizon: 5,
      ShortTerm: true,
    };
    let inputs = SAMPLE_BUSINESS_CASE;
    for (const [, suffix, change] of changes) {
      const reference = workbook.namedRange(`BuyIn_Case_${suffix}`) as string;
      const [, sheet, column, row] = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference) as RegExpExecArray;
      const value = newValues[suffix];
      workbook.setCell(
        sheet as string,
        `${column}${row}`,
        typeof value === "boolean" ? (value ? "=TRUE()" : "=FALSE()") : String(value),
      );
      inputs = change(inputs);
      expectOutputsMatch(workbook, inputs);
    }
  });

  it("writes each scenario's multipliers as labelled, named inputs, and its outputs follow a changed one", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    for (const { id, multipliers } of CASE_SCENARIOS) {
      expect(multipliersShown(workbook, id)).toEqual(multipliers);
      const [sheet, cell] = cellOf(workbook, `BuyIn_Case_${id}Improvement`);
      expect(sheet).toBe("Case Assumptions");
      expect(workbook.value(sheet, `A${cell.slice(1)}`)).toMatch(new RegExp(`^${id} scenario: `));
    }
    const [sheet, cell] = cellOf(workbook, "BuyIn_Case_ConservativeImprovement");
    workbook.setCell(sheet, cell, "0.4");
    const [, hours] = cellOf(workbook, "BuyIn_Case_OptimisticLearnerHours");
    workbook.setCell(sheet, hours, "0.5");
    expect(multipliersShown(workbook, "Conservative").improvement).toBe(0.4);
    expectOutputsMatch(workbook, SAMPLE_BUSINESS_CASE);
    // The conservative case at 40% of the improvement: the kernel's own figures, not the sheet's.
    const conservative = businessCase(
      scenarioInputs(SAMPLE_BUSINESS_CASE, { ...CASE_SCENARIOS[0].multipliers, improvement: 0.4 }),
    );
    expect(named(workbook, "BuyIn_Case_ConservativeROI")).toBeCloseTo(conservative.roi, 9);
  });

  it("sorts the sensitivity table by swing and plans a bar chart of it", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const { sensitivity } = CASE_LAYOUT;
    const last = sensitivity + SENSITIVITY_DRIVERS.length - 1;
    const swings = SENSITIVITY_DRIVERS.map(
      (_, index) => workbook.value("Business Case", `D${sensitivity + index}`) as number,
    );
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(swings[0]).toBeGreaterThan(0);
    expect(workbook.charts("Business Case")).toEqual([
      expect.objectContaining({ type: "bar", x: `A${sensitivity}:A${last}`, y: `D${sensitivity}:D${last}` }),
    ]);
    // A reviewer's swing of 10%: every ROI follows it (the order stays as written).
    const [sheet, cell] = cellOf(workbook, "BuyIn_Case_Swing");
    workbook.setCell(sheet, cell, "0.1");
    expectSensitivityMatch(workbook, SAMPLE_BUSINESS_CASE);
  });

  it("lists the judgement aids that apply as notes, and none once they are resolved", async () => {
    const strained = structuredClone(SAMPLE_BUSINESS_CASE) as BusinessCaseInputs;
    (strained.benefits[0] as { attribution?: number }).attribution = undefined;
    strained.programme = { ...strained.programme, shortTerm: true };
    const warnings = businessCaseWarnings(strained).map((warning) => warning.message);
    expect(warnings.length).toBeGreaterThan(1);
    const workbook = await written(strained);
    const { notes } = CASE_LAYOUT;
    expect(workbook.value("Business Case", `A${notes}`)).toMatch(/^Judgement aids/);
    const shown = warnings.map((_, index) => workbook.value("Business Case", `A${notes + 1 + index}`));
    expect(shown).toEqual(warnings);
    // Written again once resolved: one line says none apply, and the old notes are gone.
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    expect(workbook.value("Business Case", `A${notes + 1}`)).toMatch(/^None apply/);
    for (let index = 1; index < warnings.length; index++)
      expect(workbook.value("Business Case", `A${notes + 1 + index}`) ?? "").toBe("");
  });

  it("follows a change in the registers: an attribution cell", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const reference = workbook.namedRange("BuyIn_Case_Attributions") as string;
    const [, sheet, column, first] = /^='?(.+?)'?!\$([A-Z]+)\$(\d+):/.exec(reference) as RegExpExecArray;
    workbook.setCell(sheet as string, `${column}${first}`, "0.25");
    const changed = structuredClone(SAMPLE_BUSINESS_CASE) as BusinessCaseInputs;
    (changed.benefits[0] as { attribution: number }).attribution = 0.25;
    expectOutputsMatch(workbook, changed);
  });

  it("flags the check a broken cell breaks, and only that one", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const { rows } = CASE_LAYOUT;
    const year = (n: number) => columnLetter(2 + n);
    const shownAt = (cell: string) => workbook.value("Business Case", cell) as number;
    // Each a figure typed over a formula, as a hurried edit would: 1,000 more than it was, or
    // (an adjusted benefit) 1,000 more than the gross benefit it adjusts.
    const breaks: [CaseCheck, string, () => number][] = [
      ["Categories", `${year(0)}${rows.cost}`, () => shownAt(`${year(0)}${rows.cost}`) + 1000],
      ["NetBenefit", `${year(1)}${rows.net}`, () => shownAt(`${year(1)}${rows.net}`) + 1000],
      ...(["Cumulative", "NPV", "RoiBcr"] as const).map((check): [CaseCheck, string, () => number] => {
        const cell =
          check === "Cumulative"
            ? `${year(MAX_HORIZON)}${rows.cumulative}`
            : cellOf(workbook, check === "NPV" ? "BuyIn_Case_NPV" : "BuyIn_Case_ROI")[1];
        return [check, cell, () => shownAt(cell) + 1000];
      }),
      [
        "Adjustment",
        `${year(2)}${rows.adjustedBenefit}`,
        () => shownAt(`${year(2)}${rows.grossBenefit}`) + 1000,
      ],
    ];
    for (const [check, cell, broken] of breaks) {
      const before = workbook.formula("Business Case", cell) as string;
      workbook.setCell("Business Case", cell, String(broken()));
      const shown = checksShown(workbook);
      expect(shown[check], `${check} after ${cell} changed`).toMatch(/^FLAG: /);
      expect(shown.All).toMatch(/^FLAG: 1 of 6 checks/);
      for (const other of CASE_CHECKS)
        if (other !== check) expect(shown[other], `${other} after ${cell}`).toBe("OK");
      workbook.setCell("Business Case", cell, before);
      expect(checksShown(workbook)).toEqual(ALL_OK);
    }
  });

  it("computes the benefit register's adjusted value a year as its kernel does, a blank share counting as 1", async () => {
    const inputs = structuredClone(SAMPLE_BUSINESS_CASE) as BusinessCaseInputs;
    (inputs.benefits[1] as { confidence?: number }).confidence = undefined;
    const workbook = await written(inputs);
    const column = BENEFIT_REGISTER.declaration.columns.findIndex(
      (entry) => entry.id === "adjustedAnnualValue",
    );
    inputs.benefits.forEach((stream, index) => {
      const shown = workbook.value("Case Benefits", `${columnLetter(column + 1)}${index + 2}`);
      const wanted = BENEFIT_REGISTER.expected(stream, {}).adjustedAnnualValue as number;
      expect(shown).toBeCloseTo(wanted, 9);
    });
  });

  it("writes no BUYIN. formula, and every programme assumption is a labelled, named input cell", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    for (const sheet of workbook.sheetNames()) {
      for (const row of workbook.contents(sheet)) {
        for (const cell of row) {
          if (typeof cell === "string" && cell.startsWith("="))
            expect(cell.toUpperCase()).not.toContain("BUYIN.");
        }
      }
    }
    for (const suffix of [
      "Programme",
      "Learners",
      "HoursPerLearner",
      "HourlyCost",
      "Horizon",
      "DiscountRate",
      "ShortTerm",
      "StartDate",
    ]) {
      const reference = workbook.namedRange(`BuyIn_Case_${suffix}`) as string;
      const [, sheet, column, row] = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(reference) as RegExpExecArray;
      expect(sheet).toBe("Case Assumptions");
      expect(column).toBe("B");
      expect(workbook.formula("Case Assumptions", `B${row}`), suffix).toBeUndefined();
      expect(workbook.value("Case Assumptions", `A${row}`), suffix).not.toBe(null);
      const format = workbook.formats("Case Assumptions").find((entry) => entry.range === `B${row}`);
      expect(
        format?.role ?? workbook.formats("Case Assumptions").some((entry) => entry.role === "input"),
        suffix,
      ).toBeTruthy();
    }
  });
});

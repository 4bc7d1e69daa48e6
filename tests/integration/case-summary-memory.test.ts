/**
 * The one-page Business Case Summary written through MemoryWorkbook, where HyperFormula computes
 * its native formulas: the ask and the expected return equal businessCase(inputs) (to 1e-9
 * relative, as tests/integration/business-case-memory.test.ts holds the named outputs), the gap
 * table shows each stream's baseline, target and source, the chart's data is the model's
 * cumulative cash flow, the evidence lines count what the register holds, every figure is a
 * labelled formula with no BUYIN. call, and the page is set to print on one A4 page.
 */
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  type BusinessCaseResult,
  businessCase,
  businessCasePlans,
  businessCaseWarnings,
  type CaseEvidence,
  type Cell,
  caseSimulation,
  EVIDENCE_NEEDED,
  EVIDENCE_REGISTER,
  MAX_HORIZON,
  parseRange,
  programmeAssumptions,
  SAMPLE_BUSINESS_CASE,
  SAMPLE_CASE_EVIDENCE,
  SIMULATION_LABELS,
  SIMULATION_NOT_SHOWN,
  SUMMARY_LIMITS,
  summaryLayout,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const SUMMARY = "Business Case Summary";

async function written(
  inputs: BusinessCaseInputs,
  evidence?: readonly CaseEvidence[],
): Promise<{ workbook: MemoryWorkbook; today: number }> {
  const workbook = new MemoryWorkbook();
  workbook.addForeignSheet("Scratch", [["=TODAY()"]]);
  const today = workbook.value("Scratch", "A1") as number;
  await workbook.applyAll(businessCasePlans(inputs, { evidence, today }));
  return { workbook, today };
}

function layoutOf(inputs: BusinessCaseInputs) {
  return summaryLayout(
    inputs.benefits.length,
    businessCaseWarnings(inputs).length,
    inputs.intangibles.length,
  );
}

function near(shown: Cell, wanted: number, scale: number, label: string): void {
  expect(typeof shown, `${label}: ${String(shown)}`).toBe("number");
  expect(Math.abs((shown as number) - wanted), label).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
}

/** The ask, the expected return and the chart's data against the model. */
function expectFiguresMatch(workbook: MemoryWorkbook, inputs: BusinessCaseInputs): void {
  const result: BusinessCaseResult = businessCase(inputs);
  const { ask, returns } = layoutOf(inputs);
  const money = Math.max(result.fullyLoadedCost, Math.abs(result.adjustedBenefit), result.totalCost);
  const at = (row: number) => workbook.value(SUMMARY, `B${row}`);
  near(at(ask + 1), result.fullyLoadedCost, money, "fully loaded cost");
  near(at(ask + 2), result.costByYear[0] as number, money, "year-0 cost");
  near(at(returns), result.adjustedBenefit, money, "adjusted benefit");
  near(at(returns + 1), result.netBenefit, money, "net benefit");
  near(at(returns + 2), result.roi, Math.max(1, result.bcr), "ROI");
  near(at(returns + 3), result.bcr, Math.max(1, result.bcr), "BCR");
  if (result.paybackMonths === null) expect(at(returns + 4)).toBe("Not within the horizon");
  else near(at(returns + 4), result.paybackMonths, result.paybackMonths, "payback");
  near(at(returns + 5), result.npv, money, "NPV");
  // The chart's data: years in H from row 5, the cumulative cash flow beside them to the horizon.
  for (let year = 0; year <= MAX_HORIZON; year++) {
    expect(workbook.value(SUMMARY, `H${5 + year}`)).toBe(year);
    const shown = workbook.value(SUMMARY, `I${5 + year}`);
    if (year > inputs.programme.horizonYears) expect(shown ?? "", `year ${year}`).toBe("");
    else near(shown, result.cumulativeCashFlow[year] as number, money, `cumulative, year ${year}`);
  }
}

describe("the Business Case Summary computed by HyperFormula", () => {
  it("shows the sample's ask, return and cumulative cash flow as businessCase gives them", async () => {
    const { workbook } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    expectFiguresMatch(workbook, SAMPLE_BUSINESS_CASE);
    expect(workbook.value(SUMMARY, "A1")).toBe("Business case summary: First-line Manager Academy");
  });

  it("follows a reviewer's changed assumptions, to businessCase on the changed inputs", async () => {
    const { workbook } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const setNamed = (name: string, content: string) => {
      const [, sheet, column, row] = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(
        workbook.namedRange(name) as string,
      ) as RegExpExecArray;
      workbook.setCell(sheet as string, `${column}${row}`, content);
    };
    setNamed("BuyIn_Case_Learners", "60");
    setNamed("BuyIn_Case_DiscountRate", "0.12");
    setNamed("BuyIn_Case_Horizon", "2");
    expectFiguresMatch(workbook, {
      ...SAMPLE_BUSINESS_CASE,
      programme: { ...SAMPLE_BUSINESS_CASE.programme, learners: 60, discountRate: 0.12, horizonYears: 2 },
    });
  });

  it("shows a case that never pays back, and lists the first streams, aids and intangibles with a count of the rest", async () => {
    const streams = Array.from({ length: SUMMARY_LIMITS.streams + 2 }, (_, index) => ({
      ...(SAMPLE_BUSINESS_CASE.benefits[index % 3] as BusinessCaseInputs["benefits"][number]),
      id: `B-${index + 1}`,
      attribution: undefined,
      improvement: 1,
    }));
    const inputs: BusinessCaseInputs = {
      ...SAMPLE_BUSINESS_CASE,
      programme: { ...SAMPLE_BUSINESS_CASE.programme, shortTerm: true },
      benefits: streams,
      intangibles: Array.from({ length: SUMMARY_LIMITS.intangibles + 1 }, (_, index) => ({
        id: `I-${index + 1}`,
        name: `Intangible ${index + 1}`,
        ...(index === 0 ? { moneyValue: 5 } : {}),
      })),
    };
    const { workbook } = await written(inputs);
    expectFiguresMatch(workbook, inputs);
    expect(businessCase(inputs).paybackMonths).toBeNull();
    const layout = layoutOf(inputs);
    streams.slice(0, SUMMARY_LIMITS.streams).forEach((stream, index) => {
      const row = layout.gapHeader + 1 + index;
      expect(workbook.value(SUMMARY, `A${row}`), stream.id).toBe(stream.name);
      expect(workbook.value(SUMMARY, `C${row}`)).toBe(stream.baseline);
      expect(workbook.value(SUMMARY, `D${row}`)).toBe(stream.target);
      expect(workbook.value(SUMMARY, `E${row}`)).toBe(
        (stream.target as number) - (stream.baseline as number),
      );
      expect(workbook.value(SUMMARY, `F${row}`)).toBe(stream.targetSource);
    });
    expect(workbook.value(SUMMARY, `A${layout.gapHeader + 1 + SUMMARY_LIMITS.streams}`)).toBe(
      "… and 2 more benefit streams on the Case Benefits sheet",
    );
    const warnings = businessCaseWarnings(inputs).map((warning) => warning.message);
    expect(warnings.length).toBeGreaterThan(SUMMARY_LIMITS.warnings);
    warnings.slice(0, SUMMARY_LIMITS.warnings).forEach((message, index) => {
      expect(workbook.value(SUMMARY, `A${layout.risks + 4 + index}`)).toBe(`Judgement aid: ${message}`);
    });
    expect(workbook.value(SUMMARY, `A${layout.intangibleHeader}`)).toBe("Intangible 1");
    expect(workbook.value(SUMMARY, `A${layout.intangibleHeader + SUMMARY_LIMITS.intangibles}`)).toBe(
      "… and 1 more intangibles on the Case Intangibles sheet",
    );
    // Without the evidence register the evidence lines say so, rather than show an error.
    expect(workbook.value(SUMMARY, `B${layout.risks + 2}`)).toBe("No evidence register");
  });

  it("counts the model inputs without evidence and the flagged evidence, and follows a changed row", async () => {
    const { workbook, today } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const { risks } = layoutOf(SAMPLE_BUSINESS_CASE);
    const named = new Set(SAMPLE_CASE_EVIDENCE.map((row) => row.supports.toLowerCase()));
    const missing = (ids: readonly string[]) => ids.filter((id) => !named.has(id.toLowerCase())).length;
    const withoutEvidence =
      missing([...EVIDENCE_NEEDED]) +
      missing(SAMPLE_BUSINESS_CASE.costs.map((line) => line.id)) +
      missing(SAMPLE_BUSINESS_CASE.benefits.map((stream) => stream.id));
    // The horizon and seven of the eight cost lines (core/case/sample.ts).
    expect(withoutEvidence).toBe(8);
    expect(workbook.value(SUMMARY, `B${risks + 1}`)).toBe("OK");
    expect(workbook.value(SUMMARY, `B${risks + 2}`)).toBe(withoutEvidence);
    const options = {
      inputs: SAMPLE_BUSINESS_CASE,
      assumptions: programmeAssumptions(SAMPLE_BUSINESS_CASE),
      today,
    };
    const flagged = SAMPLE_CASE_EVIDENCE.filter(
      (row) => EVIDENCE_REGISTER.expected(row, options).flag !== "",
    );
    expect(workbook.value(SUMMARY, `B${risks + 3}`)).toBe(flagged.length);
    // A reviewer points E-007 (B-001, which E-006 still supports) at C-001: one input fewer without evidence.
    workbook.setCell("Case Evidence", "B8", "C-001");
    expect(workbook.value(SUMMARY, `B${risks + 2}`)).toBe(withoutEvidence - 1);
  });

  it("shows a simulation's P10, P90, probability ROI > 0 and day from the Business Case sheet's block", async () => {
    const run = { ...caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 1000, seed: 5 }), date: 46356 };
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, { simulation: run }));
    const { simulation } = layoutOf(SAMPLE_BUSINESS_CASE);
    const shown = ["B", "C"].flatMap((column) =>
      [0, 1].map((offset) => workbook.value(SUMMARY, `${column}${simulation + offset}`)),
    );
    // B: P10, probability; C: P90, day.
    expect(shown[0]).toBeCloseTo(run.p10, 12);
    expect(shown[1]).toBeCloseTo(run.probabilityPositive, 12);
    expect(shown[2]).toBeCloseTo(run.p90, 12);
    expect(shown[3]).toBe(46356);
  });

  it("labels every figure, calls no BUYIN. function, shows the simulated range's two rows, and prints on one A4 page", async () => {
    const { workbook } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const layout = layoutOf(SAMPLE_BUSINESS_CASE);
    const contents = workbook.contents(SUMMARY);
    let figures = 0;
    contents.forEach((line, index) => {
      line.forEach((cell, column) => {
        if (typeof cell !== "string" || !cell.startsWith("=")) return;
        expect(cell.toUpperCase()).not.toContain("BUYIN.");
        if (column === 1) {
          figures++;
          expect(contents[index]?.[0], `row ${index + 1}`).toEqual(expect.any(String));
        }
      });
    });
    expect(figures).toBeGreaterThanOrEqual(11);
    SIMULATION_LABELS.forEach((label, index) => {
      expect(workbook.value(SUMMARY, `A${layout.simulation + index}`)).toBe(label);
      // Before a run the Business Case sheet's simulation block is blank: the rows say so.
      expect(workbook.value(SUMMARY, `B${layout.simulation + index}`)).toBe(SIMULATION_NOT_SHOWN);
      expect(workbook.value(SUMMARY, `C${layout.simulation + index}`) ?? "").toBe("");
    });
    const print = workbook.printSetup(SUMMARY);
    expect(print).toEqual({
      orientation: "portrait",
      paper: "A4",
      fitTo: { wide: 1, tall: 1 },
      area: `A1:F${layout.last}`,
    });
    // The page holds every cell of columns A to F and the chart, which takes up to 18 rows.
    const area = parseRange(print?.area as string);
    contents.forEach((line, index) => {
      if (line.slice(0, 6).some((cell) => cell !== null && cell !== ""))
        expect(index + 1, `row ${index + 1}`).toBeLessThanOrEqual(area.rows);
    });
    const [chart] = workbook.charts(SUMMARY);
    expect(chart).toMatchObject({ type: "line", anchor: `A${layout.chart}`, x: "H5:H8", y: "I5:I8" });
    expect(layout.chart + 17).toBeLessThanOrEqual(area.rows);
    // Other sheets keep no print setup of their own.
    expect(workbook.printSetup("Business Case")).toBeUndefined();
  });
});

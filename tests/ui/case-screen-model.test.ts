/**
 * The Business Case screen's working copy: field messages for the bad inputs of issue 10's
 * acceptance (negative learners, attribution 150 %, text in a money cell, a zero cost), the case
 * read back from its sheets (a reviewer's edits kept by the resolver on a re-write, and shown),
 * and the simulation's results read off the sheet so a write never erases them.
 */
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  businessCase,
  businessCasePlans,
  caseSimulation,
  SAMPLE_BUSINESS_CASE,
} from "../../core/index";
import {
  type CaseDraft,
  checkDraft,
  draftFromTables,
  draftOf,
  fieldKey,
  numberFromText,
  simulationFromTable,
  simulationToWrite,
} from "../../ui/panel/case-screen-model";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const sample = () => draftOf(SAMPLE_BUSINESS_CASE);
function withCost(draft: CaseDraft, index: number, field: string, value: string): CaseDraft {
  return {
    ...draft,
    costs: draft.costs.map((row, at) =>
      at === index ? { ...row, values: { ...row.values, [field]: value } } : row,
    ),
  };
}

async function readBack(workbook: MemoryWorkbook) {
  return draftFromTables({
    settings: await workbook.readTable("case-settings"),
    costs: await workbook.readTable("case-costs"),
    benefits: await workbook.readTable("case-benefits"),
    intangibles: await workbook.readTable("case-intangibles"),
  });
}

describe("the Business Case screen's model", () => {
  it("turns the sample into a form and back into the same inputs and figures", () => {
    const check = checkDraft(sample());
    expect([...check.problems]).toEqual([]);
    expect(check.inputs).toEqual(SAMPLE_BUSINESS_CASE);
    expect(check.figures?.roi).toBe(businessCase(SAMPLE_BUSINESS_CASE).roi);
    expect(sample().benefits[0]?.values.attribution).toBe("40%");
    expect(sample().programme.discountRate).toBe("8%");
  });

  it("reads numbers as people type them", () => {
    expect(numberFromText("amount", "12,000")).toBe(12000);
    expect(numberFromText("attribution", "40%")).toBe(0.4);
    expect(numberFromText("attribution", "0.4")).toBe(0.4);
    expect(numberFromText("amount", "12k")).toBe("12k");
    expect(numberFromText("amount", "  ")).toBeUndefined();
  });

  it("gives a field message, and no figures, for each bad input of the acceptance", () => {
    const negative = checkDraft({ ...sample(), programme: { ...sample().programme, learners: "-3" } });
    expect(negative.problems.get(fieldKey("programme", "learners"))).toBe(
      "Learners must be a whole number, 0 or more, got -3",
    );
    expect(negative.figures).toBeUndefined();

    const draft = sample();
    const stream = draft.benefits[0];
    if (!stream) throw new Error("the sample has benefit streams");
    const share = checkDraft({
      ...draft,
      benefits: [
        { ...stream, values: { ...stream.values, attribution: "150%" } },
        ...draft.benefits.slice(1),
      ],
    });
    expect(share.problems.get(fieldKey("benefits", "attribution", stream.uid))).toBe(
      "Attribution must be a share from 0 to 1 (60% is 0.6), got 1.5",
    );

    const text = checkDraft(withCost(draft, 1, "amount", "forty-five thousand"));
    expect(text.problems.get(fieldKey("costs", "amount", draft.costs[1]?.uid))).toBe(
      'Amount must be an amount, 0 or more, got the text "forty-five thousand"',
    );
    expect(text.figures).toBeUndefined();

    const nothing = checkDraft({
      ...draft,
      costs: [],
      programme: { ...draft.programme, learners: "0" },
    });
    expect([...nothing.problems]).toEqual([]);
    expect(nothing.figures).toBeUndefined();
    expect(nothing.caseProblem).toMatch(/^The fully loaded cost .* must be greater than 0/);
  });

  it("reads the case back from its sheets as written", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    const found = await readBack(workbook);
    expect(found && checkDraft(found).inputs).toEqual(SAMPLE_BUSINESS_CASE);
    expect(draftFromTables({})).toBeUndefined();
  });

  it("keeps a reviewer's edited assumption when the panel writes again, and shows it on refresh", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    // The reviewer, without BuyIn, sets learners to 150 on the Case Assumptions sheet (B6).
    expect(workbook.value("Case Assumptions", "A6")).toBe("Learners");
    workbook.setCell("Case Assumptions", "B6", 150);
    // The panel, still holding 120 learners and a changed cost line, writes again.
    const panelInputs = checkDraft(withCost(sample(), 0, "amount", "13000")).inputs as BusinessCaseInputs;
    const reports = await workbook.applyAll(businessCasePlans(panelInputs));
    expect(reports.reduce((total, report) => total + report.editsKept, 0)).toBe(1);
    expect(workbook.value("Case Assumptions", "B6")).toBe(150);
    const refreshed = await readBack(workbook);
    const inputs = refreshed && checkDraft(refreshed).inputs;
    expect(inputs?.programme.learners).toBe(150);
    expect(inputs?.costs[0]?.amount).toBe(13000);
    const roi = workbook.value(...cellOf(workbook, "BuyIn_Case_ROI"));
    expect(roi).toBeCloseTo(businessCase(inputs as BusinessCaseInputs).roi, 9);
  });

  it("finds the simulation's results on the sheet, and a write without a run keeps them, stale", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    expect(simulationFromTable(await workbook.readTable("business-case"))).toBeUndefined();
    const run = { ...caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 500, seed: 4 }), date: 46356 };
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, { simulation: run }));
    const found = simulationFromTable(await workbook.readTable("business-case"));
    expect(found?.runs).toBe(500);
    expect(found?.seed).toBe(4);
    expect(found?.date).toBe(46356);
    expect(found?.p50).toBeCloseTo(run.p50, 12);
    expect(found?.stale).toBeUndefined();
    // Another write from a panel that ran nothing: the sheet's results come back, marked stale.
    const again = simulationToWrite(undefined, SAMPLE_BUSINESS_CASE, found);
    expect(again?.stale).toBe(true);
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, again ? { simulation: again } : {}));
    const kept = simulationFromTable(await workbook.readTable("business-case"));
    expect(kept?.p90).toBeCloseTo(run.p90, 12);
    expect(kept?.stale).toBe(true);
  });

  it("writes the panel's run as fresh only on the inputs it ran on", () => {
    const record = { ...caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 100 }), date: 46356 };
    const run = { record, inputs: JSON.stringify(SAMPLE_BUSINESS_CASE) };
    expect(simulationToWrite(run, SAMPLE_BUSINESS_CASE, undefined)).toBe(record);
    const changed = { ...SAMPLE_BUSINESS_CASE, costs: SAMPLE_BUSINESS_CASE.costs.slice(1) };
    expect(simulationToWrite(run, changed, undefined)?.stale).toBe(true);
    expect(simulationToWrite(undefined, changed, undefined)).toBeUndefined();
  });
});

function cellOf(workbook: MemoryWorkbook, name: string): [string, string] {
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(workbook.namedRange(name) ?? "");
  if (!match) throw new Error(`${name} is not a single cell`);
  return [match[1] as string, `${match[2]}${match[3]}`];
}

/**
 * The business case's evidence register written through MemoryWorkbook, where HyperFormula
 * computes its native formulas: each row's current value is the supported input's value as the
 * sheets hold it now (a named input, a cost line's amount, a benefit stream's field), read live
 * by name, text as text and blank where the reference is missing; the flag marks evidence older
 * than the named threshold (EDATE of TODAY(), Excel's EDATE:
 * https://support.microsoft.com/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5) or
 * rated at or below the named credibility threshold. Re-runs keep what the reviewer typed.
 */
import { describe, expect, it } from "vitest";
import {
  addMonths,
  type BusinessCaseInputs,
  businessCasePlans,
  type CaseEvidence,
  type Cell,
  columnLetter,
  EVIDENCE_REGISTER,
  LOW_CREDIBILITY,
  programmeAssumptions,
  SAMPLE_BUSINESS_CASE,
  SAMPLE_CASE_EVIDENCE,
  STALE_MONTHS,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const REGISTER = "Case Evidence";

async function written(
  inputs: BusinessCaseInputs,
  evidence: readonly CaseEvidence[],
): Promise<{ workbook: MemoryWorkbook; today: number }> {
  const workbook = new MemoryWorkbook();
  // The day HyperFormula's TODAY() shows, for the stale flags' expected values.
  workbook.addForeignSheet("Scratch", [["=TODAY()"]]);
  const today = workbook.value("Scratch", "A1") as number;
  await workbook.applyAll(businessCasePlans(inputs, { evidence, today }));
  return { workbook, today };
}

/** The register's column of each output, as written. */
function outputColumn(id: "value" | "flag"): string {
  const index = EVIDENCE_REGISTER.declaration.columns.findIndex((column) => column.id === id);
  return columnLetter(index + 1);
}

/** The register's column of an input field. */
function inputColumn(id: keyof CaseEvidence): string {
  return columnLetter(EVIDENCE_REGISTER.declaration.columns.findIndex((column) => column.id === id) + 1);
}

function shownRow(workbook: MemoryWorkbook, index: number): { value: Cell; flag: Cell } {
  const row = index + 2;
  return {
    value: workbook.value(REGISTER, `${outputColumn("value")}${row}`) ?? "",
    flag: workbook.value(REGISTER, `${outputColumn("flag")}${row}`) ?? "",
  };
}

/** The cell a single-cell workbook name points at. */
function cellOf(workbook: MemoryWorkbook, name: string): [sheet: string, a1: string] {
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(workbook.namedRange(name) ?? "");
  if (!match) throw new Error(`${name} is not one cell`);
  return [match[1] as string, `${match[2]}${match[3]}`];
}

/** The first data cell of a named register column. */
function firstCellOf(workbook: MemoryWorkbook, name: string): [sheet: string, a1: string] {
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+):/.exec(workbook.namedRange(name) ?? "");
  if (!match) throw new Error(`${name} is not a column`);
  return [match[1] as string, `${match[2]}${match[3]}`];
}

/** Shown cells against expected ones: numbers to 1e-9 relative (HyperFormula keeps 15 digits), the rest exactly. */
function expectCells(shown: readonly Record<string, Cell>[], wanted: readonly Record<string, Cell>[]): void {
  expect(shown).toHaveLength(wanted.length);
  shown.forEach((row, index) => {
    for (const [id, value] of Object.entries(wanted[index] ?? {})) {
      const got = row[id];
      if (typeof value === "number" && typeof got === "number")
        expect(Math.abs(got - value), `row ${index + 1} ${id}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(value)),
        );
      else expect(got, `row ${index + 1} ${id}`).toBe(value);
    }
  });
}

describe("the evidence register computed by HyperFormula", () => {
  it("shows each sample row's current value and flag as the register's kernels give them", async () => {
    const { workbook, today } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const options = {
      inputs: SAMPLE_BUSINESS_CASE,
      assumptions: programmeAssumptions(SAMPLE_BUSINESS_CASE),
      today,
    };
    expectCells(
      SAMPLE_CASE_EVIDENCE.map((_, index) => shownRow(workbook, index)),
      SAMPLE_CASE_EVIDENCE.map((row) => EVIDENCE_REGISTER.expected(row, options)),
    );
    // Read independently of the kernels: the sample's figures (core/case/sample.ts).
    const values = SAMPLE_CASE_EVIDENCE.map((_, index) => shownRow(workbook, index).value);
    expect(values).toEqual([120, 38, 16, 0.08, 36000, 4200, 0.4, 20, 30000, 3000]);
    // The sample's weak rows: E-007 rated 2 (the threshold), E-004 and E-008 dated over a year ago.
    expect(shownRow(workbook, 6).flag).toBe("Low credibility");
    const yearAgo = addMonths(today, -STALE_MONTHS);
    SAMPLE_CASE_EVIDENCE.forEach((row, index) => {
      const stale = (row.date as number) < yearAgo;
      const low = (row.credibility as number) <= LOW_CREDIBILITY;
      const wanted = stale && low ? "Stale; low credibility" : stale ? "Stale" : low ? "Low credibility" : "";
      expect(shownRow(workbook, index).flag, row.id).toBe(wanted);
    });
  });

  it("reads text as text, a blank as a blank, a stream without a field as its adjusted value, and a missing reference as blank", async () => {
    const inputs: BusinessCaseInputs = {
      ...SAMPLE_BUSINESS_CASE,
      programme: { ...SAMPLE_BUSINESS_CASE.programme, startDate: undefined },
    };
    const rows: CaseEvidence[] = [
      { id: "E-001", supports: "Programme", source: "Other" },
      { id: "E-002", supports: "StartDate", source: "Other" },
      { id: "E-003", supports: "ShortTerm", source: "Finance" },
      { id: "E-004", supports: "b-002", source: "HR system" },
      { id: "E-005", supports: "Nowhere", source: "Other" },
      { id: "E-006", supports: "C-999", source: "Finance" },
      { id: "E-007", supports: "B-003", field: "Baseline", source: "Survey" },
      { id: "E-008", supports: "learners", source: "HR system", credibility: 1 },
    ];
    const { workbook, today } = await written(inputs, rows);
    const options = { inputs, assumptions: programmeAssumptions(inputs), today };
    const shown = rows.map((_, index) => shownRow(workbook, index));
    expectCells(
      shown,
      rows.map((row) => EVIDENCE_REGISTER.expected(row, options)),
    );
    // B-002 at full effect: 6 × 30,000 × 50% × 70% = 63,000 a year (core/case/sample.ts).
    expectCells(
      shown.map((row) => ({ value: row.value })),
      ["First-line Manager Academy", "", false, 63000, "", "", 52000, 120].map((value) => ({ value })),
    );
    expect(shown.map((row) => row.flag)).toEqual(["", "", "", "", "", "", "", "Low credibility"]);
    // A blank benefit baseline reads blank, not 0.
    const [sheet, baseline] = firstCellOf(workbook, "BuyIn_Case_Baselines");
    const third = baseline.replace(/\d+$/, (row) => String(Number(row) + 2));
    workbook.setCell(sheet, third, "");
    expect(shownRow(workbook, 6).value).toBe("");
  });

  it("follows the model's cells: a changed assumption, cost amount and benefit field move the values", async () => {
    const { workbook } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    workbook.setCell(...cellOf(workbook, "BuyIn_Case_Learners"), "150");
    const [costs, firstAmount] = firstCellOf(workbook, "BuyIn_Case_CostAmounts");
    // C-003, the third cost line.
    workbook.setCell(
      costs,
      firstAmount.replace(/\d+$/, (row) => String(Number(row) + 2)),
      "41000",
    );
    const [benefits, firstAttribution] = firstCellOf(workbook, "BuyIn_Case_Attributions");
    workbook.setCell(benefits, firstAttribution, "0.35");
    expect(shownRow(workbook, 0).value).toBe(150);
    expect(shownRow(workbook, 4).value).toBe(41000);
    expect(shownRow(workbook, 6).value).toBe(0.35);
  });

  it("follows the named thresholds: a stricter age and credibility flag more rows", async () => {
    const { workbook, today } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    workbook.setCell(...cellOf(workbook, "BuyIn_Case_EvidenceStaleMonths"), "6");
    workbook.setCell(...cellOf(workbook, "BuyIn_Case_EvidenceLowCredibility"), "3");
    const sixMonthsAgo = addMonths(today, -6);
    SAMPLE_CASE_EVIDENCE.forEach((row, index) => {
      const stale = (row.date as number) < sixMonthsAgo;
      const low = (row.credibility as number) <= 3;
      const wanted = stale && low ? "Stale; low credibility" : stale ? "Stale" : low ? "Low credibility" : "";
      expect(shownRow(workbook, index).flag, row.id).toBe(wanted);
    });
  });

  it("keeps the reviewer's edits and rows on a re-run, and leaves the register alone when a write does not carry it", async () => {
    const { workbook, today } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const credibility = inputColumn("credibility");
    workbook.setCell(REGISTER, `${credibility}2`, "1");
    const added = SAMPLE_CASE_EVIDENCE.length + 2;
    workbook.setCell(REGISTER, `A${added}`, "E-011");
    workbook.setCell(REGISTER, `${inputColumn("supports")}${added}`, "Horizon");
    workbook.setCell(REGISTER, `${inputColumn("source")}${added}`, "Finance");
    // And the settings: a stricter age, and the horizon no longer asked evidence for.
    workbook.setCell(...cellOf(workbook, "BuyIn_Case_EvidenceStaleMonths"), "6");
    const [settings, firstNeeded] = firstCellOf(workbook, "BuyIn_Case_EvidenceNeeded");
    const horizonRow = workbook.contents(settings).findIndex((line) => line[0] === "Horizon") + 1;
    const horizonNeeded = `${firstNeeded.replace(/\d+$/, "")}${horizonRow}`;
    workbook.setCell(settings, horizonNeeded, false);
    const again = await workbook.applyAll(
      businessCasePlans(SAMPLE_BUSINESS_CASE, { evidence: SAMPLE_CASE_EVIDENCE, today }),
    );
    expect(workbook.value(...cellOf(workbook, "BuyIn_Case_EvidenceStaleMonths"))).toBe(6);
    expect(workbook.value(settings, horizonNeeded)).toBe(false);
    const report = again.find((each) => each.sheet === REGISTER);
    expect(report?.editsKept).toBeGreaterThanOrEqual(1);
    expect(workbook.value(REGISTER, `${credibility}2`)).toBe(1);
    // Rated 1 now; stale too when dated more than the 6 months the reviewer set before today.
    expect(shownRow(workbook, 0).flag).toBe(
      (SAMPLE_CASE_EVIDENCE[0]?.date as number) < addMonths(today, -6)
        ? "Stale; low credibility"
        : "Low credibility",
    );
    expect(workbook.value(REGISTER, `A${added}`)).toBe("E-011");
    expect(workbook.value(REGISTER, `${inputColumn("supports")}${added}`)).toBe("Horizon");
    // A write without the register (the panel's, say) leaves every row as the reviewer left it.
    const before = workbook.contents(REGISTER);
    const reports = await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE));
    expect(reports.map((each) => each.sheet)).not.toContain(REGISTER);
    expect(workbook.contents(REGISTER)).toEqual(before);
  });

  it("counts the evidence rows of each named input on the settings sheet, and parses the rows back", async () => {
    const { workbook } = await written(SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE);
    const counts = workbook.namedRange("BuyIn_Case_EvidenceCounts") as string;
    const names = workbook.namedRange("BuyIn_Case_EvidenceNames") as string;
    const [, sheet, column, first, , last] = /^='?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(
      names,
    ) as RegExpExecArray;
    const countColumn = (/!\$([A-Z]+)\$/.exec(counts) as RegExpExecArray)[1];
    for (let row = Number(first); row <= Number(last); row++) {
      const name = workbook.value(sheet as string, `${column}${row}`) as string;
      const wanted = SAMPLE_CASE_EVIDENCE.filter(
        (each) => each.supports.toLowerCase() === name.toLowerCase(),
      ).length;
      expect(workbook.value(sheet as string, `${countColumn}${row}`), name).toBe(wanted);
    }
    const table = await workbook.readTable("case-evidence");
    const parsed = EVIDENCE_REGISTER.parse(table as never, {});
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toEqual(SAMPLE_CASE_EVIDENCE);
  });
});

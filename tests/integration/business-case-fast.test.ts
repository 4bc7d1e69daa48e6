/**
 * The business case laid out as finance modellers expect: a walk over every formula the
 * business-case plans write, holding them to three rules of the FAST Standard (FAST Standard
 * Organisation, "The FAST Standard", rules on separating inputs, calculations and outputs,
 * avoiding hard-coded numbers in formulas, and consistent formulas across a timeline row) and
 * the ICAEW Financial Modelling Code (2nd edition, sections 3 and 4: "separate inputs,
 * calculations and outputs"; "no hard-coded numbers in formulas"; "consistent formulas across
 * rows").
 *
 * The formulas are read from the sheets as MemoryWorkbook holds them after the plans are written,
 * so what is walked is what a reviewer sees.
 */
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInputs,
  businessCasePlans,
  CASE_CHECKS,
  CASE_LAYOUT,
  CASE_OUTPUTS,
  caseSimulation,
  columnLetter,
  columnNumber,
  MAX_HORIZON,
  SAMPLE_BUSINESS_CASE,
  SAMPLE_CASE_EVIDENCE,
  SIMULATION_HEADING,
  SIMULATION_ROWS,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const CASE_SHEET = "Business Case";

/**
 * Numbers a formula may type: 0 and 1 only (a comparison with 0, the year before, 1 + rate, the
 * floor of MAX(1, …), a TRUE/FALSE turned into 1 or 0). Every other constant (months a year, the
 * checks' tolerance, scenario multipliers, the sensitivity swing) is a named input.
 */
const ALLOWED_NUMBERS = new Set([0, 1]);

async function written(inputs: BusinessCaseInputs): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  // With the evidence register, so its sheets and the summary are walked too.
  await workbook.applyAll(businessCasePlans(inputs, { evidence: SAMPLE_CASE_EVIDENCE }));
  return workbook;
}

interface WrittenFormula {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
}

/** Every formula on BuyIn's visible sheets, with where it stands (1-based row and column). */
function formulas(workbook: MemoryWorkbook): WrittenFormula[] {
  const found: WrittenFormula[] = [];
  for (const sheet of workbook.sheetNames()) {
    if (workbook.hidden(sheet)) continue;
    workbook.contents(sheet).forEach((cells, rowIndex) => {
      cells.forEach((cell, columnIndex) => {
        if (typeof cell === "string" && cell.startsWith("="))
          found.push({ sheet, row: rowIndex + 1, column: columnIndex + 1, formula: cell });
      });
    });
  }
  return found;
}

const STRING = /"(?:[^"]|"")*"/g;
/** A1 references (B4, $B$4, B$4, $B4), not inside a longer word such as a name or a function. */
const REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/** The numbers typed in a formula: what is left once texts, references and names are taken out. */
function typedNumbers(formula: string): number[] {
  const bare = formula.replace(STRING, '""').replace(REFERENCE, "REF");
  // Left to right, a word (a name, a function) or a number, whichever starts first: LOG10 is a word, 1.5E-3 a number.
  return [...bare.matchAll(/[A-Za-z_][A-Za-z0-9_.]*|\d+(?:\.\d+)?(?:E[+-]?\d+)?/gi)]
    .filter((match) => /^\d/.test(match[0]))
    .map((match) => Number(match[0]));
}

/** A formula in R1C1 notation as it stands at (row, column): the same text along a row means one formula. */
function r1c1(formula: string, row: number, column: number): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (_, columnFixed, letters, rowFixed, digits) => {
            const referenceRow = Number(digits);
            const referenceColumn = columnNumber(letters);
            const r = rowFixed ? `R${referenceRow}` : `R[${referenceRow - row}]`;
            const c = columnFixed ? `C${referenceColumn}` : `C[${referenceColumn - column}]`;
            return `${r}${c}`;
          }),
    )
    .join("");
}

/** The case sheet's rows of calculations (above the outputs): the timeline, the whole-case figures, costs by category. */
function calculationRow(row: number): boolean {
  return CASE_LAYOUT.calculations.some(([first, last]) => row >= first && row <= last);
}

describe("the business case as the FAST Standard and the ICAEW Code lay a model out", () => {
  it("the walk's own rules catch what they are meant to", () => {
    expect(typedNumbers('=IF(B4=0,BuyIn_Case_X*12,"12 months")')).toEqual([0, 12]);
    expect(typedNumbers("=SUM($B$10:L10)+LOG10(C2)")).toEqual([]);
    expect(typedNumbers("=A1*1.5E-3")).toEqual([0.0015]);
    expect(r1c1("=C$4+C5-$B$10", 6, 3)).toBe("=R4C[0]+R[-1]C[0]-R10C2");
    expect(r1c1("=D$4+D5-$B$10", 6, 4)).toBe(r1c1("=C$4+C5-$B$10", 6, 3));
  });

  it("(a) keeps inputs, calculations and outputs apart", async () => {
    const plans = businessCasePlans(SAMPLE_BUSINESS_CASE, { evidence: SAMPLE_CASE_EVIDENCE });
    // Inputs: every input block (the assumptions) and every register input column hold values only.
    for (const plan of plans) {
      for (const block of plan.blocks ?? []) {
        if (block.role === "input")
          expect(
            block.formulas?.flat().every((formula) => formula === null) ?? true,
            `${plan.title} ${block.at}`,
          ).toBe(true);
      }
      for (const column of plan.table?.columns ?? []) {
        if (column.role !== "output") expect(column.formula, `${plan.title} ${column.id}`).toBeUndefined();
      }
    }
    const caseSheet = plans.find((plan) => plan.title === CASE_SHEET);
    expect(caseSheet?.blocks?.some((block) => block.role === "input")).toBe(false);

    // Calculations stand above the outputs, and no calculation reads an output.
    const lastCalculation = Math.max(...CASE_LAYOUT.calculations.map(([, last]) => last));
    expect(lastCalculation).toBeLessThan(CASE_LAYOUT.outputs);
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const outputNames = [...CASE_OUTPUTS, ...CASE_CHECKS.map((check) => `Check${check}`), "Checks"].map(
      (output) => new RegExp(`\\bBuyIn_Case_${output}\\b`),
    );
    let calculations = 0;
    for (const { sheet, row, formula } of formulas(workbook)) {
      if (sheet !== CASE_SHEET || !calculationRow(row)) continue;
      calculations++;
      for (const name of outputNames) expect(formula, `row ${row}`).not.toMatch(name);
      for (const [, , , , digits] of formula.matchAll(REFERENCE))
        expect(Number(digits), `row ${row}: ${formula}`).toBeLessThan(CASE_LAYOUT.outputs);
    }
    expect(calculations).toBeGreaterThan(8 * (MAX_HORIZON + 1));
    // On the case sheet, every formula outside the calculations is in the outputs' rows, or the title.
    for (const { sheet, row } of formulas(workbook)) {
      if (sheet === CASE_SHEET && !calculationRow(row))
        expect(row === 1 || row >= CASE_LAYOUT.outputs, `row ${row}`).toBe(true);
    }
  });

  it("(b) types no number inside a formula but 0 and 1", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const walked = formulas(workbook);
    expect(walked.length).toBeGreaterThan(100);
    // The evidence register, its settings and the summary are among the sheets walked.
    for (const sheet of ["Case Evidence", "Evidence Settings", "Business Case Summary"])
      expect(walked.filter((cell) => cell.sheet === sheet).length, sheet).toBeGreaterThan(10);
    const offenders = walked
      .map((cell) => ({
        ...cell,
        numbers: typedNumbers(cell.formula).filter((n) => !ALLOWED_NUMBERS.has(n)),
      }))
      .filter((cell) => cell.numbers.length > 0)
      .map(
        (cell) =>
          `${cell.sheet}!${columnLetter(cell.column)}${cell.row}: ${cell.numbers.join(", ")} in ${cell.formula}`,
      );
    expect(offenders).toEqual([]);
  });

  it("(c) writes one formula along each row of the yearly timeline", async () => {
    const workbook = await written(SAMPLE_BUSINESS_CASE);
    const byRow = new Map<number, Set<string>>();
    const firstYear = 2;
    const lastYear = firstYear + MAX_HORIZON;
    for (const { sheet, row, column, formula } of formulas(workbook)) {
      if (sheet !== CASE_SHEET || column < firstYear || column > lastYear) continue;
      if (!CASE_LAYOUT.timelines.some(([first, last]) => row >= first && row <= last)) continue;
      byRow.set(row, (byRow.get(row) ?? new Set()).add(r1c1(formula, row, column)));
    }
    const timelineRows = CASE_LAYOUT.timelines.reduce((count, [first, last]) => count + last - first + 1, 0);
    expect(byRow.size).toBe(timelineRows);
    for (const [row, shapes] of byRow) expect([...shapes], `row ${row}`).toHaveLength(1);
  });

  it("(d) holds no typed number among the outputs but the simulation's labelled values (DESIGN rule 4's exception)", async () => {
    const workbook = new MemoryWorkbook();
    const simulation = { ...caseSimulation(SAMPLE_BUSINESS_CASE, { runs: 1000 }), date: 46356 };
    await workbook.applyAll(businessCasePlans(SAMPLE_BUSINESS_CASE, { simulation }));
    const simulated = new Set(
      SIMULATION_ROWS.map((row) => workbook.namedRange(`BuyIn_Case_${row.name}`)?.replace(/^=/, "")),
    );
    const typed: string[] = [];
    workbook.contents(CASE_SHEET).forEach((cells, rowIndex) => {
      cells.forEach((cell, columnIndex) => {
        const row = rowIndex + 1;
        if (row < CASE_LAYOUT.outputs - 1 || typeof cell !== "number") return;
        const address = `'${CASE_SHEET}'!$${columnLetter(columnIndex + 1)}$${row}`;
        if (!simulated.has(address)) typed.push(address);
      });
    });
    expect(typed).toEqual([]);
    expect(simulated.size).toBe(SIMULATION_ROWS.length);
    // The exception says so where it stands.
    const [sheet, first] = (workbook.namedRange("BuyIn_Case_SimRuns") ?? "").replace(/^=/, "").split("!");
    const [, letter = "", digits = ""] = /\$([A-Z]+)\$(\d+)/.exec(first ?? "") ?? [];
    const heading = `${columnLetter(columnNumber(letter) - 1)}${Number(digits) - 1}`;
    expect(sheet).toBe(`'${CASE_SHEET}'`);
    expect(workbook.value(CASE_SHEET, heading)).toBe(SIMULATION_HEADING);
  });
});

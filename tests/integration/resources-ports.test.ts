/**
 * The whole toolkit through the two host ports (Excel over the office.js model, Sheets over the
 * Apps Script fake), looking at what this part adds: the Start here sheet first, with its links
 * and counts as native formulas; the budget, training offers, support systems and milestones with
 * their computed columns as formulas and their names; text that looks like a formula kept as text;
 * a user's edit kept on a re-run. Then every register of the toolkit the same way. MemoryWorkbook
 * computes the same plans in resources-memory.test.ts and the registers' own memory tests.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  BUDGET,
  MILESTONES,
  parseCell,
  SAMPLE_BUDGET,
  SAMPLE_BUSINESS_CASE,
  type SheetPlan,
  START_HERE_CHECKS,
  SUPPORT_SYSTEMS,
  TRAINING_OFFERS,
  toolkitPlans,
} from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { ExcelModel } from "../addin/excel-model";
import { fakeAppsScript } from "../apps-script/fake-apps-script";

interface Host {
  apply(plans: readonly SheetPlan[]): Promise<unknown>;
  sheetNames(): string[];
  /** The cell's formula, else its value. */
  shown(sheet: string, a1: string): unknown;
  isFormula(sheet: string, a1: string): boolean;
  type(sheet: string, a1: string, input: string | number): void;
  /** A workbook name's range, as "Sheet!A1:A9" (no quotes, no $). */
  nameRange(name: string): string | undefined;
}

function excelHost(): Host {
  const model = new ExcelModel();
  const port = new ExcelWorkbook(model.run);
  return {
    apply: (plans) => port.applyAll(plans),
    sheetNames: () => model.sheets.map((sheet) => sheet.name),
    shown: (sheet, a1) => model.sheet(sheet).get(a1),
    isFormula(sheet, a1) {
      const { row, column } = parseCell(a1);
      return Boolean(model.sheet(sheet).cells[row - 1]?.[column - 1]?.formula);
    },
    type: (sheet, a1, input) => model.sheet(sheet).type(a1, input),
    nameRange: (name) =>
      model.names.get(name.toLowerCase())?.formula.replace(/^=/, "").replaceAll(/['$]/g, ""),
  };
}

function sheetsHost(): Host {
  const fake = fakeAppsScript();
  const port = new SheetsWorkbook(fake.services);
  const sheet = (name: string) => {
    const found = fake.book.sheets.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return {
    apply: async (plans) => port.applyAll(plans),
    sheetNames: () => fake.book.sheets.map((each) => each.name),
    shown(name, a1) {
      const { row, column } = parseCell(a1);
      const cell = sheet(name).peek(row, column);
      return cell?.formula ?? cell?.value ?? null;
    },
    isFormula(name, a1) {
      const { row, column } = parseCell(a1);
      return Boolean(sheet(name).peek(row, column)?.formula);
    },
    type(name, a1, input) {
      const { row, column } = parseCell(a1);
      sheet(name).type(row, column, input);
    },
    nameRange(name) {
      const range = fake.book.namedRanges.find((named) => named.getName() === name)?.range;
      return range ? `${range.sheet.name}!${range.getA1Notation()}` : undefined;
    },
  };
}

const letter = (index: number) => String.fromCharCode(65 + index);
const HOSTILE_LINE = "=SUM(1,2)";
const budget = SAMPLE_BUDGET.map((line, index) => (index === 0 ? { ...line, line: HOSTILE_LINE } : line));

/** The sample toolkit with the first budget line named like a formula. */
function plans(): SheetPlan[] {
  return toolkitPlans(SAMPLE_STAKEHOLDERS, true).map((plan) =>
    plan.kind === BUDGET.declaration.kind
      ? (BUDGET.plans(budget, {
          caseCosts: SAMPLE_BUSINESS_CASE.costs,
          horizonYears: SAMPLE_BUSINESS_CASE.programme.horizonYears,
        })[0] as SheetPlan)
      : plan,
  );
}

for (const [label, makeHost] of [
  ["Excel", excelHost],
  ["Sheets", sheetsHost],
] as const) {
  describe(`resources, milestones and Start here through ${label}`, () => {
    it("writes Start here first, its counts and links as native formulas over the registers' names", async () => {
      const host = makeHost();
      const written = plans();
      await host.apply(written);
      expect(host.sheetNames()[0]).toBe("Start Here");
      const column = (a1: string) => String(host.shown("Start Here", a1));
      // Every check applies to the toolkit: their counts from row 5, then a header, then the links.
      const checks = START_HERE_CHECKS.length;
      const counts = Array.from({ length: checks }, (_, index) => column(`B${5 + index}`));
      expect(counts.join(" ")).toContain("BuyIn_Budget_CaseChecks");
      expect(counts.join(" ")).toContain("BuyIn_Milestone_Flags");
      const links = Array.from({ length: written.length - 1 }, (_, index) =>
        column(`A${5 + checks + 2 + index}`),
      );
      expect(links).toContain(`=IFERROR(HYPERLINK("#"&CELL("address",'Budget'!A1),"Budget"),"Budget")`);
      for (const name of ["BuyIn_Budget_CaseChecks", "BuyIn_Support_Flags", "BuyIn_Milestone_Flags"])
        expect(host.nameRange(name), name).toMatch(/^[A-Za-z ]+![A-Z]+2:[A-Z]+\d+$/);
      expect(host.nameRange("BuyIn_Case_CostIds")).toBe("Case Costs!A2:A9");
    });

    it("writes every computed column as a formula, never a BUYIN. call, and a line that looks like a formula as text", async () => {
      const host = makeHost();
      await host.apply(plans());
      for (const [sheet, register, count] of [
        ["Budget", BUDGET, SAMPLE_BUDGET.length],
        ["Support Systems", SUPPORT_SYSTEMS, 4],
        ["Milestones", MILESTONES, 4],
        ["Training Offers", TRAINING_OFFERS, 4],
      ] as const) {
        const headers = register.declaration.columns.map((column) => column.header);
        for (const output of register.outputs) {
          const at = letter(headers.indexOf(output.header));
          for (let row = 2; row < 2 + count; row++) {
            expect(host.isFormula(sheet, `${at}${row}`), `${sheet} ${at}${row}`).toBe(true);
            expect(String(host.shown(sheet, `${at}${row}`))).not.toMatch(/BUYIN\./i);
          }
        }
      }
      expect(host.shown("Budget", "B2")).toBe(HOSTILE_LINE);
      expect(host.isFormula("Budget", "B2")).toBe(false);
    });

    it("keeps a user's actual on a re-run", async () => {
      const host = makeHost();
      await host.apply(plans());
      const actual = `${letter(BUDGET.declaration.columns.findIndex((column) => column.id === "actual"))}6`;
      host.type("Budget", actual, 7777);
      await host.apply(plans());
      expect(host.shown("Budget", actual)).toBe(7777);
    });
  });
}

/**
 * Every register of the toolkit (the business case's, the evaluation's and the playbook's), not
 * only this part's: through both hosts each computed cell is a formula and never a BUYIN. call,
 * each text input is written as text, and a reviewer's edit of a text input survives a re-run.
 */
for (const [label, makeHost] of [
  ["Excel", excelHost],
  ["Sheets", sheetsHost],
] as const) {
  describe(`every register of the toolkit through ${label}`, () => {
    const tables = toolkitPlans(SAMPLE_STAKEHOLDERS, true).filter(
      (plan): plan is SheetPlan & { table: NonNullable<SheetPlan["table"]> } =>
        plan.table !== undefined && plan.table.rows.length > 0,
    );

    it("writes each computed cell as a formula with no BUYIN. call, and each text input as text", async () => {
      const host = makeHost();
      await host.apply(toolkitPlans(SAMPLE_STAKEHOLDERS, true));
      expect(tables.length).toBeGreaterThan(20);
      for (const plan of tables) {
        plan.table.columns.forEach((column, index) => {
          plan.table.rows.forEach((row, offset) => {
            const a1 = `${letter(index)}${offset + 2}`;
            const where = `${plan.title} ${a1} (${column.id})`;
            if (column.role === "output") {
              expect(host.isFormula(plan.title, a1), where).toBe(true);
              expect(String(host.shown(plan.title, a1)), where).not.toMatch(/BUYIN\./i);
            } else if (typeof row.values[column.id] === "string" && row.values[column.id] !== "") {
              expect(host.isFormula(plan.title, a1), where).toBe(false);
              expect(host.shown(plan.title, a1), where).toBe(row.values[column.id]);
            }
          });
        });
      }
    });

    it("keeps a reviewer's edit of a text input in every register on a re-run", async () => {
      const host = makeHost();
      await host.apply(toolkitPlans(SAMPLE_STAKEHOLDERS, true));
      const edited: [string, string][] = [];
      for (const plan of tables) {
        const index = plan.table.columns.findIndex(
          (column) =>
            column.role === "input" &&
            !column.validation?.list &&
            typeof plan.table.rows[0]?.values[column.id] === "string",
        );
        if (index < 0) continue;
        const a1 = `${letter(index)}2`;
        host.type(plan.title, a1, "Edited by the reviewer");
        edited.push([plan.title, a1]);
      }
      expect(edited.length).toBeGreaterThan(15);
      await host.apply(toolkitPlans(SAMPLE_STAKEHOLDERS, true));
      for (const [sheet, a1] of edited)
        expect(host.shown(sheet, a1), `${sheet} ${a1}`).toBe("Edited by the reviewer");
    });
  });
}

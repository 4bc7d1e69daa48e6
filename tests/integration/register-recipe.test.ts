/**
 * The "add a register" recipe of docs/ARCHITECTURE.md, walked on a toy register: a record schema,
 * one declaration on the kit, and nothing else. Its plans are written into MemoryWorkbook, where
 * HyperFormula computes the native formula; the sheet is read back and parsed; the panel's drafts
 * are made and checked, all from that one declaration.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { defineRegister } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

// Step 1: the record, as a zod object whose every check says its rule in words.
const likelihoodRule = "must be a whole number from 1 to 5";
const RiskSchema = z.object({
  id: z.string().check(z.regex(/^R-\d{3,}$/, { error: 'must look like "R-001"' })),
  // No message of its own on the length: the kit still names the rule, never zod's "Too big".
  risk: z.string().check(z.minLength(1, { error: "is required" }), z.maxLength(100)),
  likelihood: z.optional(
    z
      .number({ error: likelihoodRule })
      .check(
        z.int({ error: likelihoodRule }),
        z.gte(1, { error: likelihoodRule }),
        z.lte(5, { error: likelihoodRule }),
      ),
  ),
});
type Risk = z.infer<typeof RiskSchema>;
interface RiskOptions {
  readonly highFrom?: number;
}

// Step 2: the register, declared once: columns, key, module prefix, assumptions.
const RISKS = defineRegister<Risk, RiskOptions>({
  kind: "risks",
  title: "Risks",
  module: "Risk",
  schema: RiskSchema,
  key: { prefix: "R-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "risk", header: "Risk", role: "input", type: "text", required: true, width: 30, name: "Names" },
    {
      id: "likelihood",
      header: "Likelihood",
      role: "input",
      type: "whole",
      width: 10,
      validation: { min: 1, max: 5, whole: true },
      hint: "1 (rare) to 5 (almost certain).",
    },
    {
      id: "rating",
      header: "Rating",
      role: "output",
      width: 8,
      formula: '=IF({col:likelihood}{row}="","",IF({col:likelihood}{row}>={name:HighFrom},"High","Low"))',
      needs: ["likelihood"],
      kernel: (risk, options) => ((risk.likelihood ?? 0) >= (options.highFrom ?? 4) ? "High" : "Low"),
    },
  ],
  assumptions: (options) => ({
    kind: "risk-settings",
    title: "Risk Settings",
    heading: "Risk settings",
    intro: "The assumptions behind the Risks sheet.",
    rows: [
      {
        label: "High from",
        name: "HighFrom",
        value: options.highFrom ?? 4,
        meaning: "A likelihood at or above this rates High.",
      },
    ],
  }),
});

const risks: Risk[] = [
  { id: "R-001", risk: "Sponsor leaves", likelihood: 2 },
  { id: "R-002", risk: '=HYPERLINK("x")', likelihood: 5 },
  { id: "R-003", risk: "Budget cut" },
];

describe("the add-a-register recipe, on a two-column Risks register", () => {
  it("plans the settings and the register, with prefixed names and each row's kernel value", () => {
    const [settings, register] = RISKS.plans(risks, {});
    expect(settings?.names).toEqual([{ name: "BuyIn_Risk_HighFrom", at: "B5" }]);
    expect(register?.names).toEqual([{ name: "BuyIn_Risk_Names", column: "risk" }]);
    expect(register?.table?.columns.map((column) => column.header)).toEqual([
      "ID",
      "Risk",
      "Likelihood",
      "Rating",
    ]);
    expect(register?.table?.columns[3]?.formula).toBe(
      '=IF({col:likelihood}{row}="","",IF({col:likelihood}{row}>=BuyIn_Risk_HighFrom,"High","Low"))',
    );
    expect(register?.table?.columns[2]).toMatchObject({ numberFormat: "0", validation: { min: 1, max: 5 } });
    expect(register?.table?.rows.map((row) => row.expected)).toEqual([
      { rating: "Low" },
      { rating: "High" },
      { rating: "" },
    ]);
  });

  it("writes, computes, reads back, parses and drafts through MemoryWorkbook", async () => {
    const workbook = new MemoryWorkbook();
    const plans = RISKS.plans(risks, {});
    await workbook.applyAll(plans);
    expect(workbook.sheetNames()).toEqual(["Risk Settings", "Risks", "BuyIn state"]);
    expect(workbook.namedRange("BuyIn_Risk_HighFrom")).toBe("='Risk Settings'!$B$5");
    // HyperFormula's value of each written formula is the kernel's, blank likelihood included.
    const rows = plans[1]?.table?.rows ?? [];
    rows.forEach((row, index) => {
      expect(workbook.value("Risks", `D${index + 2}`)).toBe(row.expected?.rating);
    });
    // The user changes the assumption: the formulas follow, as the kernel does with the same option.
    workbook.setCell("Risk Settings", "B5", 2);
    expect(workbook.value("Risks", "D2")).toBe(RISKS.expected(risks[0] as Risk, { highFrom: 2 }).rating);
    expect(workbook.value("Risks", "D2")).toBe("High");

    // Read back and parse: the same records, the formula-looking text still text.
    const table = await workbook.readTable("risks");
    expect(table?.header.slice(0, 4)).toEqual(["ID", "Risk", "Likelihood", "Rating"]);
    expect(RISKS.parse(table as never, {})).toEqual({ records: risks, problems: [] });

    // The user types a row without an id and a bad likelihood: the parser names field and rule.
    workbook.setCell("Risks", "B5", "Vendor late");
    workbook.setCell("Risks", "C3", 9);
    workbook.setCell("Risks", "B4", "x".repeat(150));
    const edited = await workbook.readTable("risks");
    const parsed = RISKS.parse(edited as never, {});
    expect(parsed.problems).toEqual([
      { row: 3, column: "Likelihood", message: "must be a whole number from 1 to 5, not 9" },
      { row: 4, column: "Risk", message: "must be at most 100" },
    ]);
    expect(parsed.records).toEqual([risks[0], { id: "R-004", risk: "Vendor late" }]);

    // The panel's drafts of the same rows: each problem on its field, the next key for a new row.
    const drafts = RISKS.draftsFromCells(
      [edited?.header ?? [], ...(edited?.rows ?? []).map((row) => row.values)],
      [],
    );
    expect(drafts.map((draft) => draft.values.id)).toEqual(["R-001", "R-002", "R-003", "R-004"]);
    const checked = RISKS.validateDrafts(drafts, {});
    expect(checked.problemCount).toBe(2);
    expect(Object.fromEntries(checked.problems.get(drafts[1]?.uid ?? "") ?? [])).toEqual({
      likelihood: 'Likelihood must be a whole number from 1 to 5, not "9"',
    });
    expect(Object.fromEntries(checked.problems.get(drafts[2]?.uid ?? "") ?? [])).toEqual({
      risk: "Risk must be at most 100",
    });
    expect(RISKS.newDraft(drafts).values).toEqual({ id: "R-005", risk: "", likelihood: "" });
    expect(RISKS.draftFromRecord(risks[0] as Risk).values).toEqual({
      id: "R-001",
      risk: "Sponsor leaves",
      likelihood: "2",
    });

    // The drafts' records write back: a second run keeps every row and computes the new one.
    const fixed = drafts.map((draft, index) =>
      index === 1
        ? { ...draft, values: { ...draft.values, likelihood: "5" } }
        : index === 2
          ? { ...draft, values: { ...draft.values, risk: "Budget cut" } }
          : draft,
    );
    const records = RISKS.validateDrafts(fixed, {}).records;
    expect(records).toHaveLength(4);
    await workbook.applyAll(RISKS.plans(records, { highFrom: 2 }));
    // (Adopting the keyless row the user typed, rather than adding R-004 below it, is the engine's
    // case 8; here the new row is looked up by its key.)
    const written = (await workbook.readTable("risks"))?.rows ?? [];
    const vendor = written.find((row) => row.values[0] === "R-004");
    expect(vendor?.values.slice(0, 4)).toEqual(["R-004", "Vendor late", null, ""]);
    expect(workbook.value("Risks", "D3")).toBe("High");
  });
});

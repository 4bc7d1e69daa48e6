/**
 * Actuals pasted or selected on the KPIs screen, read into changes to the panel's drafts. Pasted
 * text is what Excel and Sheets put on the clipboard (tabs, CRLF or LF, a multi-line cell quoted
 * with its quotes doubled: see tests/ui/clipboard.test.ts for the sources); a selection comes as
 * the port's cells (numbers as numbers, blanks as null).
 */
import { describe, expect, it } from "vitest";
import { kpiRegister, SAMPLE_KPI_PERIODS, SAMPLE_KPIS } from "../../core/index";
import { cellsFromClipboard } from "../../ui/panel/clipboard";
import {
  type ActualsImport,
  actualsFromCells,
  actualValue,
  applyActuals,
  defaultPeriod,
} from "../../ui/panel/kpi-actuals";
import type { KpiDraft } from "../../ui/panel/kpi-model";

const periods = [...SAMPLE_KPI_PERIODS];
const register = kpiRegister(periods);
const drafts = (): KpiDraft[] => SAMPLE_KPIS.map((kpi) => register.draftFromRecord(kpi) as KpiDraft);
const Q4 = 3;

/** The read of a block that must be readable. */
function read(cells: Parameters<typeof actualsFromCells>[0], from = drafts(), period = Q4): ActualsImport {
  const result = actualsFromCells(cells, from, periods, period);
  if ("unreadable" in result) throw new Error(result.unreadable);
  return result;
}
const brief = (result: ActualsImport) =>
  result.changes.map((change) => [change.kpiId, periods[change.period], change.before, change.after]);

describe("actuals from a pasted block", () => {
  it("reads a header row of periods, a quoted multi-line cell and a name with doubled quotes, as Excel copies them", () => {
    const renamed = drafts().map((draft) =>
      draft.values.id === "K-002"
        ? { ...draft, values: { ...draft.values, kpi: 'Satisfaction "top-2-box"' } }
        : draft,
    );
    // Excel quotes a cell only when it holds a line break, doubling its quotes (sheetclip
    // 05_quoted_multiline.txt); the Note column names no period and is left out.
    const text =
      "KPI\tQ3 2026\tQ4 2026\tNote\r\n" +
      'K-001\t0.86\t0.91\t"Up after the\r\nnight-shift split"\r\n' +
      'Satisfaction "top-2-box"\t\t84%\t\r\n';
    const result = read(cellsFromClipboard(text), renamed);
    expect(result.layout).toBe("header");
    // 0.86 is what K-001 holds for Q3 already: unchanged, not a change.
    expect(brief(result)).toEqual([
      ["K-001", "Q4 2026", "", 0.91],
      ["K-002", "Q4 2026", "", 0.84],
    ]);
    expect(result.unchanged).toBe(1);
    expect(result.unknownPeriods).toEqual(["Note"]);
    expect(result.unknownKpis).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("lists a KPI the tracker lacks and takes the rest", () => {
    const result = read(cellsFromClipboard("K-001\t0.93\nK-099\t12\nNet promoter score\t40\nK-004\t9.8\n"));
    expect(result.layout).toBe("one period");
    expect(brief(result)).toEqual([
      ["K-001", "Q4 2026", "", 0.93],
      ["K-004", "Q4 2026", "", 9.8],
    ]);
    expect(result.unknownKpis).toEqual(["K-099", "Net promoter score"]);
  });

  it("leaves out text in a number cell, naming the KPI, the period and the text; blanks are skipped", () => {
    const block = [
      ["ID", ...periods],
      ["K-003", null, "n/a", "", "77"],
      ["K-005", 0.21, 0.19, 0.18, "17,5%"],
    ];
    const result = read(block);
    expect(result.problems).toEqual([
      "Assessment score, Q2 2026: “n/a” is not a number.",
      "Team-leader attrition (annualized), Q4 2026: “17,5%” is not a number.",
    ]);
    expect(brief(result)).toEqual([["K-003", "Q4 2026", "", 77]]);
    expect(result.unchanged).toBe(3);
  });

  it("overwrites a value only when the block holds another, and says which it overwrites", () => {
    const result = read([
      ["K-004", 14, 12.5, 10.4, 9.9],
      ["academy completion rate", 0.58, 0.74, 0.86, null],
    ]);
    expect(result.layout).toBe("every period");
    expect(brief(result)).toEqual([
      ["K-004", "Q3 2026", "10.9", 10.4],
      ["K-004", "Q4 2026", "", 9.9],
    ]);
    expect(result.unchanged).toBe(5);
  });

  it("puts a single column of values in the period chosen, under a header that names none too", () => {
    expect(brief(read([["K-002", 0.8]], drafts(), 0))).toEqual([["K-002", "Q1 2026", "0.71", 0.8]]);
    const withHeader = read(
      [
        ["KPI", "Actual"],
        ["K-002", 0.85],
      ],
      drafts(),
      Q4,
    );
    expect(withHeader.layout).toBe("one period");
    expect(brief(withHeader)).toEqual([["K-002", "Q4 2026", "", 0.85]]);
  });

  it("refuses a block it cannot place, and a name two KPIs share, in words", () => {
    expect(actualsFromCells([["K-001", 1, 2]], drafts(), periods, Q4)).toEqual({
      unreadable: expect.stringMatching(/^The block has 2 columns of values and the tracker 4 periods/),
    });
    expect(actualsFromCells([["K-001"]], drafts(), periods, Q4)).toEqual({
      unreadable: expect.stringMatching(/^Copy the KPIs with their actuals/),
    });
    const twins = drafts().map((draft) => ({ ...draft, values: { ...draft.values, kpi: "Same" } }));
    expect(read([["same", 1]], twins).problems).toEqual(["“same” names more than one KPI: use their ids."]);
    expect(
      read([
        ["K-001", 0.9],
        ["K-001", 0.95],
      ]).problems,
    ).toEqual(["Academy completion rate is listed twice: its second row was left out."]);
  });
});

describe("a cell as an actual", () => {
  it("reads numbers as the clipboard shows them and refuses anything else", () => {
    expect(actualValue("1,234.5")).toBe(1234.5);
    expect(actualValue(" 1 234 ")).toBe(1234);
    expect(actualValue("14.3%")).toBe(0.143);
    expect(actualValue("-.5")).toBe(-0.5);
    expect(actualValue("2e3")).toBe(2000);
    expect(actualValue(7)).toBe(7);
    expect(actualValue("")).toBeUndefined();
    expect(actualValue(null)).toBeUndefined();
    for (const bad of ["1,2", "12,34", "0x10", "1e400", "Infinity", "NaN", "=1+1", "12 kg", true, Number.NaN])
      expect(actualValue(bad as never)).toBe("not a number");
  });
});

describe("entering the changes", () => {
  it("types each value into its draft, which the tracker's own parser then reads", () => {
    const before = drafts();
    const result = read([["K-004", 14, 12.5, 10.4, "9.9"]], before);
    const after = applyActuals(before, result.changes);
    const checked = register.validateDrafts(after, { periods });
    expect(checked.problemCount).toBe(0);
    expect(checked.records.find((kpi) => kpi.id === "K-004")).toMatchObject({ actual3: 10.4, actual4: 9.9 });
    // Drafts the block does not touch are the same objects.
    expect(after[0]).toBe(before[0]);
  });

  it("offers the period after the latest measured, or the last", () => {
    expect(defaultPeriod(drafts(), 4)).toBe(3);
    expect(defaultPeriod([], 4)).toBe(0);
    const full = applyActuals(drafts(), read([["K-001", 0.9]], drafts(), Q4).changes);
    expect(defaultPeriod(full, 4)).toBe(3);
  });
});

/**
 * XlsxWorkbook's conditional formats on the KPI tracker: cellIs rules in the tones' colours,
 * read back from the saved file, replaced on re-runs as the table grows and shrinks, a rule of the
 * user's kept (with precedence); and the trend charts' notes, which name every series since the
 * file cannot hold a chart.
 */
import { describe, expect, it } from "vitest";
import { actualField, columnLetter, type Kpi, kpiTrackerPlans } from "../../core/index";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";

const PERIODS = ["Q1", "Q2", "Q3"];

function kpi(id: string, programme: string, actuals: number[]): Kpi {
  return {
    id,
    kpi: `KPI ${id}`,
    programme,
    target: 100,
    direction: "up",
    ...Object.fromEntries(actuals.map((value, index) => [actualField(index), value])),
  };
}

const KPIS = [
  kpi("K-001", "Onboarding", [80, 100]),
  kpi("K-002", "Onboarding", [95]),
  kpi("K-003", "Leadership", [50]),
];

function letterOf(book: XlsxWorkbook, header: string): string {
  const [head = []] = book.grid("KPIs");
  const at = head.indexOf(header);
  if (at < 0) throw new Error(`no ${header} column`);
  return columnLetter(at + 1);
}

/** Each rule as ref, operator, value and fill. */
function rules(book: XlsxWorkbook) {
  return book.conditionalFormats("KPIs").flatMap((format) =>
    format.rules.map((rule) => ({
      ref: format.ref,
      operator: (rule as { operator?: string }).operator,
      value: (rule as { formulae?: unknown[] }).formulae?.[0],
      fill: (rule.style?.fill as { bgColor?: { argb?: string } } | undefined)?.bgColor?.argb,
      priority: rule.priority,
    })),
  );
}

const statusRules = (ref: string) => [
  { ref, operator: "equal", value: '"On track"', fill: "FFC6EFCE" },
  { ref, operator: "equal", value: '"At risk"', fill: "FFFFEB9C" },
  { ref, operator: "equal", value: '"Off track"', fill: "FFFFC7CE" },
];

describe("XlsxWorkbook: conditional formats", () => {
  it("writes the status rules, reads them back from the file and replaces them as the table changes", async () => {
    const book = XlsxWorkbook.empty();
    await book.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(book, "Status");
    expect(rules(book)).toMatchObject(statusRules(`${status}2:${status}4`));
    const file = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(rules(file)).toMatchObject(statusRules(`${status}2:${status}4`));
    await file.applyAll(kpiTrackerPlans([...KPIS, kpi("K-004", "Coaching", [1])], { periods: PERIODS }));
    expect(rules(file)).toMatchObject(statusRules(`${status}2:${status}5`));
    await file.applyAll(kpiTrackerPlans(KPIS.slice(0, 1), { periods: PERIODS }));
    expect(rules(file)).toMatchObject(statusRules(`${status}2`));
    expect(rules(file)).toHaveLength(3);
  });

  it("keeps a rule of the user's on BuyIn's column, ahead of BuyIn's, through a saved file", async () => {
    const book = XlsxWorkbook.empty();
    await book.applyAll(kpiTrackerPlans(KPIS, { periods: PERIODS }));
    const status = letterOf(book, "Status");
    // The user's: "At risk" in another colour, at the highest priority.
    book.conditionalFormats("KPIs").push({
      ref: `${status}2:${status}4`,
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          formulae: ['"At risk"'],
          priority: 0,
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } },
        },
      ],
    });
    const file = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    await file.applyAll(kpiTrackerPlans(KPIS.slice(0, 2), { periods: PERIODS }));
    const now = rules(file);
    expect(now).toContainEqual(expect.objectContaining({ value: '"At risk"', fill: "FFFF0000" }));
    expect(now.filter((rule) => rule.fill !== "FFFF0000")).toMatchObject(
      statusRules(`${status}2:${status}3`),
    );
    const userPriority = now.find((rule) => rule.fill === "FFFF0000")?.priority ?? Infinity;
    for (const rule of now.filter((each) => each.fill !== "FFFF0000"))
      expect(rule.priority).toBeGreaterThan(userPriority);
  });
});

describe("XlsxWorkbook: the KPI trend charts", () => {
  it("notes each programme's chart with every series to draw, the file holding no chart", async () => {
    const book = XlsxWorkbook.empty();
    const plans = kpiTrackerPlans(KPIS, { periods: PERIODS });
    await book.applyAll(plans);
    const [q1, q3] = [letterOf(book, "Q1"), letterOf(book, "Q3")];
    const anchor = plans.find((plan) => plan.kind === "kpis")?.charts?.[0]?.anchor as string;
    // In the header row of the charts' column: a note in a data row would stretch the table.
    const note = `${anchor.replace(/\d+$/, "")}1`;
    expect(book.value("KPIs", note)).toBe(
      `Chart "KPI trend: Onboarding": this file has no chart, because the library that writes it cannot make charts. To draw it, insert a line chart with a series for each of KPI K-001 (${q1}2:${q3}2), KPI K-002 (${q1}3:${q3}3) against ${q1}1:${q3}1. ` +
        `Chart "KPI trend: Leadership": this file has no chart, because the library that writes it cannot make charts. To draw it, insert a line chart with a series for each of KPI K-003 (${q1}4:${q3}4) against ${q1}1:${q3}1.`,
    );
    expect(book.grid("KPIs")).toHaveLength(4);
  });
});

/**
 * What the KPIs and Evaluation screens work out apart from the page: the tracker's periods, drafts
 * and at-risk band as read back, the next report's groups, a selection's pre/post pairs and their
 * statistics, and the sparkline's points.
 */
import { describe, expect, it } from "vitest";
import {
  kpiTrackerPlans,
  measuresOf,
  reportLines,
  SAMPLE_KPI_PERIODS,
  SAMPLE_KPIS,
  SAMPLE_REPORT_AUDIENCES,
  SAMPLE_SUCCESS_STORIES,
  sampleIssuedReports,
} from "../../core/index";
import {
  kpiDrafts,
  nextMeasures,
  nextReport,
  periodsOf,
  statusOf,
  todaySerial,
  toleranceOf,
} from "../../ui/panel/kpi-model";
import { analysePairs, pairsFromSelection } from "../../ui/panel/pre-post";
import { sparklinePoints } from "../../ui/panel/sparkline";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

describe("the KPI screen's model", () => {
  it("reads the tracker's periods, KPIs and at-risk band back from a written workbook, a renamed period header included", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(
      kpiTrackerPlans(SAMPLE_KPIS, { periods: [...SAMPLE_KPI_PERIODS], tolerance: 0.05 }),
    );
    const table = await workbook.readTable("kpis");
    expect(periodsOf(table)).toEqual([...SAMPLE_KPI_PERIODS]);
    expect(toleranceOf(await workbook.readTable("kpi-settings"))).toBe(0.05);
    const drafts = kpiDrafts(table, SAMPLE_KPI_PERIODS);
    expect(drafts.map((draft) => draft.values.id)).toEqual(SAMPLE_KPIS.map((kpi) => kpi.id));
    expect(drafts[3]?.values.actual3).toBe("10.9");
    // Without the state sheet's ids, the headers between "Better when" and "Latest" are the periods.
    const header = table?.header ?? [];
    expect(
      periodsOf({
        sheet: "KPIs",
        header: header.map((text) => (text === "Q2 2026" ? "April–June" : text)),
        rows: [],
      }),
    ).toEqual(["Q1 2026", "April–June", "Q3 2026", "Q4 2026"]);
    expect(toleranceOf(undefined)).toBe(0.1);
  });

  it("gives each KPI the status BUYIN.KPISTATUS gives its latest actual, blank before any", () => {
    const [completion, , , slots] = SAMPLE_KPIS;
    // 0.86 against 0.9 (up): within 10% of the target, At risk; 10.9 against 10 (down): At risk too.
    expect(statusOf(completion as never, 4, 0.1)).toBe("At risk");
    expect(statusOf(slots as never, 4, 0.05)).toBe("Off track");
    expect(
      statusOf(
        { ...(completion as object), actual1: undefined, actual2: undefined, actual3: undefined } as never,
        4,
        0.1,
      ),
    ).toBe("");
  });

  it("reports to each group what its latest report gave it, KPIs no longer tracked left out; with none issued, everyone gets every KPI", () => {
    expect(nextMeasures(sampleIssuedReports(), SAMPLE_KPIS)).toEqual(measuresOf(SAMPLE_REPORT_AUDIENCES));
    const withoutAttrition = SAMPLE_KPIS.filter((kpi) => kpi.id !== "K-005");
    expect(nextMeasures(sampleIssuedReports(), withoutAttrition).Executive).toEqual(["K-004"]);
    expect(nextMeasures([], SAMPLE_KPIS)).toEqual({ "All stakeholders": SAMPLE_KPIS.map((kpi) => kpi.id) });
  });

  it("takes each group's measures from the Report Audiences register, and without one what each group's latest report gave it", () => {
    const issued = sampleIssuedReports();
    const date = todaySerial(new Date(2026, 11, 31));
    const sources = {
      audiences: [{ id: "A-001", group: "Board", kpis: "K-005, K-004" }],
      stories: SAMPLE_SUCCESS_STORIES,
      stakeholders: [{ id: "S-002", group: "Board" }],
    };
    const fromRegisters = nextReport(SAMPLE_KPIS, issued, 0.1, date, sources);
    expect(measuresOf(fromRegisters.audiences)).toEqual({ Board: ["K-005", "K-004"] });
    expect(
      reportLines(fromRegisters)
        .slice(issued.length)
        .map((line) => [line.kpiId, line.story]),
    ).toEqual([
      ["K-005", SAMPLE_SUCCESS_STORIES[3]?.title],
      ["K-004", SAMPLE_SUCCESS_STORIES[3]?.title],
    ]);
    const fallback = nextReport(SAMPLE_KPIS, issued, 0.1, date, { ...sources, audiences: [] });
    expect(measuresOf(fallback.audiences)).toEqual(measuresOf(SAMPLE_REPORT_AUDIENCES));
  });

  it("dates today as Excel's serial: 1 January 2026 is 46023", () => {
    // Excel: =DATE(2026,1,1) shows 46023 formatted as a number.
    expect(todaySerial(new Date(2026, 0, 1, 23, 30))).toBe(46023);
  });
});

describe("a selection's pre/post pairs", () => {
  it("takes a header row, a name column, and the two score columns, leaving out a learner with a blank score", () => {
    const pairs = pairsFromSelection([
      ["Learner", "Group", "Before", "After"],
      ["Amir", "North", 52, 71],
      ["Beth", "North", 61, null],
      ["Carlos", "South", 47, 69],
    ]);
    expect(pairs).toEqual({
      pre: [52, 47],
      post: [71, 69],
      learners: ["Amir", "Carlos"],
      skipped: 1,
      headers: ["Before", "After"],
    });
  });

  it("says what is wrong with a selection it cannot use", () => {
    expect(pairsFromSelection([])).toEqual({
      problem: expect.stringMatching(/^Select the learners' scores first/),
    });
    expect(pairsFromSelection([["Pre"], [3], [4]])).toEqual({
      problem:
        "Select exactly two columns of scores, pre then post: the selection has one column of numbers.",
    });
    expect(
      pairsFromSelection([
        [1, 2],
        ["n/a", 3],
      ]),
    ).toEqual({
      problem: "Row 2 of the selection holds “n/a” where a score should be.",
    });
  });

  it("analyses Excel's T.TEST example pairs: p 0.196016 as Excel documents, and a single pair is refused in words", () => {
    // support.microsoft.com, "T.TEST function": data 3,4,5,8,9,1,2,4,5 and 6,19,3,2,14,4,5,17,1, type 1 → 0.196016.
    const analysis = analysePairs([3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1], 20);
    expect("p" in analysis && analysis.p).toBeCloseTo(0.196016, 6);
    expect("n" in analysis && analysis.n).toBe(9);
    expect(analysePairs([50], [60], 100)).toEqual({
      problem: "Select at least two learners with both scores: the selection has one.",
    });
    // Every learner gained the same: the kernel's own #DIV/0! message, not NaN.
    expect(analysePairs([1, 2, 3], [2, 3, 4], 10)).toEqual({
      problem: expect.stringMatching(/^BUYIN\.PAIREDT: /),
    });
  });
});

describe("the sparkline", () => {
  it("joins the periods measured, a flat series across the middle, nothing below two values", () => {
    expect(sparklinePoints([1, undefined, 3])).toBe("2.0,16.0 54.0,2.0");
    expect(sparklinePoints([5, 5])).toBe("2.0,9.0 54.0,9.0");
    expect(sparklinePoints([5, undefined])).toBe("");
  });
});

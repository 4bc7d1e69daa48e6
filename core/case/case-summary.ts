/**
 * The one-page Business Case Summary (issue 10, item 6): the need and the performance gap, the
 * ask, the expected return, the risks and the intangibles, and a chart of the cumulative net cash
 * flow, laid out to print on one A4 page. Every figure is a native formula of the case's named
 * outputs and registers, so a reviewer can follow each one back; only the judgement aids are
 * text, as of the last write (as on the Business Case sheet).
 */
import { columnLetter } from "../plans/a1";
import type { Block, Cell, ChartPlan, NamePlan, SheetPlan } from "../plans/sheet-plan";
import { type BusinessCaseInputs, MAX_HORIZON } from "./inputs";

export const CASE_SUMMARY_KIND = "case-summary";

/** The most benefit streams, judgement aids and intangibles the page lists; the rest are counted. */
export const SUMMARY_LIMITS = { streams: 6, warnings: 4, intangibles: 4 } as const;

/** The named outputs the expected-return rows show, with their labels and formats. */
const RETURN_ROWS: readonly { label: string; formula: string; format: string }[] = [
  { label: "Adjusted benefit (years counted in ROI)", formula: "={name:Benefit}", format: "#,##0" },
  { label: "Net benefit", formula: "={name:NetBenefit}", format: "#,##0" },
  { label: "ROI", formula: "={name:ROI}", format: "0%" },
  { label: "Benefit–cost ratio", formula: "={name:BCR}", format: "0.00" },
  {
    label: "Payback (months)",
    formula: '=IFERROR({name:PaybackMonths},"Not within the horizon")',
    format: "0.0",
  },
  { label: "Net present value", formula: "={name:NPV}", format: "#,##0" },
];

/**
 * The simulated range's rows: labelled here, their figures on the Business Case sheet's simulation
 * block (BuyIn_Case_SimP10, _SimP90, _SimProbPositive, _SimDate, simulation-block.ts), read in
 * columns B and C; blank there until a run, so the rows say it has not been run.
 */
export const SIMULATION_LABELS = ["Simulated ROI, P10 and P90", "Probability ROI > 0, and when simulated"];
/** What the simulated range's rows show before a simulation is run from the panel. */
export const SIMULATION_NOT_SHOWN = "Not simulated yet: run it from the Business Case screen";

/**
 * The model inputs without a row of evidence: the Case Assumptions inputs marked as needing it
 * (Evidence Settings), the cost lines and the benefit streams no row names. "No evidence register"
 * before the Case Evidence sheet is written.
 */
const NO_EVIDENCE =
  '=IFERROR(SUMPRODUCT(({name:EvidenceNeeded}=TRUE())*({name:EvidenceCounts}=0))+SUMPRODUCT(({name:CostIds}<>"")*(COUNTIF({name:EvidenceInputs},{name:CostIds})=0))+SUMPRODUCT(({name:BenefitIds}<>"")*(COUNTIF({name:EvidenceInputs},{name:BenefitIds})=0)),"No evidence register")';
const FLAGGED = '=IFERROR(SUMPRODUCT(({name:EvidenceFlags}<>"")*1),"No evidence register")';

/** The k-th entry of a named register column, k counted down from the header row; blank past its end. */
const nth = (name: string, header: number) => {
  const entry = `INDEX({name:${name}},ROW()-ROW($A$${header}))`;
  return `=IFERROR(IF(${entry}="","",${entry}),"")`;
};

/** Rows of the summary, top to bottom, for these counts of streams, judgement aids and intangibles. */
export function summaryLayout(streams: number, warnings: number, intangibles: number) {
  const gapHeader = 5;
  const gapRows =
    Math.max(1, Math.min(streams, SUMMARY_LIMITS.streams)) + (streams > SUMMARY_LIMITS.streams ? 1 : 0);
  const ask = gapHeader + gapRows + 2;
  const returns = ask + 5;
  const simulation = returns + RETURN_ROWS.length;
  const risks = simulation + SIMULATION_LABELS.length + 1;
  const warningRows =
    Math.max(1, Math.min(warnings, SUMMARY_LIMITS.warnings)) + (warnings > SUMMARY_LIMITS.warnings ? 1 : 0);
  const intangibleHeader = risks + 4 + warningRows + 1;
  const intangibleRows =
    Math.max(1, Math.min(intangibles, SUMMARY_LIMITS.intangibles)) +
    (intangibles > SUMMARY_LIMITS.intangibles ? 1 : 0);
  const chart = intangibleHeader + intangibleRows + 2;
  return {
    /** The gap table's header row; the streams follow it. */
    gapHeader,
    /** "The ask": its heading, then fully loaded cost and year-0 cost. */
    ask,
    /** The expected return's first row (its heading is the row above). */
    returns,
    /** The two rows reserved for the simulated range. */
    simulation,
    /** "Risks": its heading, then the checks, inputs without evidence, flagged evidence, the aids. */
    risks,
    intangibleHeader,
    /** The chart's top-left row; it takes CHART_ROWS rows. */
    chart,
    /** The last printed row. */
    last: chart + CHART_ROWS - 1,
  } as const;
}

/** Rows a chart of Excel's default size (about 15 rows of 20 points) takes, with a margin. */
const CHART_ROWS = 18;
/** The chart's data, beside the printed page: years in H, the cumulative flow in I, from row 5. */
const CHART_DATA = { top: 4, year: "H", flow: "I" } as const;

/**
 * The names the summary reads on the Business Case sheet's yearly table, as NamePlans of that
 * sheet: the cumulative cash flow of years 0 to MAX_HORIZON.
 */
export function summaryNamesOnCaseSheet(
  cumulativeRow: number,
  namePlan: (suffix: string, where: { at: string }) => NamePlan,
): NamePlan[] {
  return [
    namePlan("CumulativeFlows", { at: `B${cumulativeRow}:${columnLetter(2 + MAX_HORIZON)}${cumulativeRow}` }),
  ];
}

/**
 * The Business Case Summary sheet: one printed page (A4, portrait, fitted to one page wide and
 * tall). `warnings` are the judgement aids that applied when it was written.
 */
export function caseSummaryPlan(
  inputs: BusinessCaseInputs,
  warnings: readonly string[],
  withNames: (formula: string) => string,
): SheetPlan {
  const layout = summaryLayout(inputs.benefits.length, warnings.length, inputs.intangibles.length);
  const { gapHeader, ask, returns, simulation, risks, intangibleHeader, chart } = layout;
  const streamRows = Math.max(1, Math.min(inputs.benefits.length, SUMMARY_LIMITS.streams));
  const intangibleRows = Math.max(1, Math.min(inputs.intangibles.length, SUMMARY_LIMITS.intangibles));
  const more = (count: number, limit: number, what: string, where: string): Cell[][] =>
    count > limit ? [[`… and ${count - limit} more ${what} on the ${where} sheet`]] : [];
  const shownWarnings = warnings.length > 0 ? warnings.slice(0, SUMMARY_LIMITS.warnings) : ["None apply."];
  const firstStream = gapHeader + 1;
  const years = Array.from({ length: MAX_HORIZON + 1 }, (_, year) => year);
  const firstYear = CHART_DATA.top + 1;
  const streamFormula = (column: string, row: number) =>
    ({
      A: nth("BenefitNames", gapHeader),
      B: nth("Measures", gapHeader),
      C: nth("Baselines", gapHeader),
      D: nth("Targets", gapHeader),
      E: `=IF(OR(C${row}="",D${row}=""),"",D${row}-C${row})`,
      F: nth("TargetSources", gapHeader),
    })[column] as string;
  const blocks: Block[] = [
    {
      at: "A1",
      values: [["Business case summary"]],
      formulas: [['="Business case summary: "&{name:Programme}']],
      role: "header",
    },
    {
      at: "A2",
      values: [
        [
          "Every figure is a formula of the Business Case sheet's named outputs and the case's registers; the judgement aids are as of the last write from BuyIn.",
        ],
      ],
      role: "note",
    },
    { at: `A${gapHeader - 1}`, values: [["The need: the performance gap"]], role: "header" },
    {
      at: `A${gapHeader}`,
      values: [["Benefit", "Measure", "Baseline", "Target", "Gap", "Target source"]],
      role: "header",
      widths: [44, 26, 12, 12, 12, 30],
    },
    {
      at: `A${firstStream}`,
      values: Array.from({ length: streamRows }, () => Array<Cell>(6).fill(null)),
      formulas: Array.from({ length: streamRows }, (_, index) =>
        ["A", "B", "C", "D", "E", "F"].map((column) => streamFormula(column, firstStream + index)),
      ),
      numberFormats: Array.from({ length: streamRows }, () => [
        "General",
        "General",
        "#,##0.##",
        "#,##0.##",
        "#,##0.##",
        "General",
      ]),
      role: "output",
    },
    ...noteBlock(
      firstStream + streamRows,
      more(inputs.benefits.length, SUMMARY_LIMITS.streams, "benefit streams", "Case Benefits"),
    ),
    { at: `A${ask}`, values: [["The ask"]], role: "header" },
    {
      at: `A${ask + 1}`,
      values: [
        ["Fully loaded cost (years counted in ROI)"],
        ["Year-0 cost (learner time and year-0 cost lines)"],
      ],
      role: "note",
    },
    {
      at: `B${ask + 1}`,
      values: [[null], [null]],
      formulas: [
        ["={name:Cost}"],
        [
          '={name:LearnerTime}+SUMPRODUCT({name:CostAmounts}*({name:CostYears}=0)*(({name:CostTimings}="One-off")+({name:CostTimings}="Recurring")))',
        ],
      ],
      numberFormats: [["#,##0"], ["#,##0"]],
      role: "output",
    },
    { at: `A${returns - 1}`, values: [["The expected return"]], role: "header" },
    { at: `A${returns}`, values: RETURN_ROWS.map((row) => [row.label]), role: "note" },
    {
      at: `B${returns}`,
      values: RETURN_ROWS.map(() => [null]),
      formulas: RETURN_ROWS.map((row) => [row.formula]),
      numberFormats: RETURN_ROWS.map((row) => [row.format]),
      role: "output",
    },
    { at: `A${simulation}`, values: SIMULATION_LABELS.map((label) => [label]), role: "note" },
    {
      at: `B${simulation}`,
      values: [
        [null, null],
        [null, null],
      ],
      formulas: [
        [
          `=IF({name:SimDate}="","${SIMULATION_NOT_SHOWN}",{name:SimP10})`,
          '=IF({name:SimDate}="","",{name:SimP90})',
        ],
        [
          `=IF({name:SimDate}="","${SIMULATION_NOT_SHOWN}",{name:SimProbPositive})`,
          '=IF({name:SimDate}="","",{name:SimDate})',
        ],
      ],
      numberFormats: [
        ["0%", "0%"],
        ["0%", "yyyy-mm-dd"],
      ],
      role: "output",
    },
    { at: `A${risks}`, values: [["Risks"]], role: "header" },
    {
      at: `A${risks + 1}`,
      values: [
        ["Checks of the model"],
        ["Model inputs with no evidence"],
        ["Evidence flagged stale or of low credibility"],
      ],
      role: "note",
    },
    {
      at: `B${risks + 1}`,
      values: [[null], [null], [null]],
      formulas: [["={name:Checks}"], [NO_EVIDENCE], [FLAGGED]],
      numberFormats: [["General"], ["0"], ["0"]],
      role: "output",
    },
    {
      at: `A${risks + 4}`,
      values: [
        ...shownWarnings.map((message): Cell[] => [`Judgement aid: ${message}`]),
        ...more(warnings.length, SUMMARY_LIMITS.warnings, "judgement aids", "Business Case"),
      ],
      role: "note",
    },
    {
      at: `A${intangibleHeader - 1}`,
      values: [["Intangible benefits (never given a money value)"]],
      role: "header",
    },
    {
      at: `A${intangibleHeader}`,
      values: Array.from({ length: intangibleRows }, () => [null, null]),
      formulas: Array.from({ length: intangibleRows }, () => [
        nth("IntangibleNames", intangibleHeader - 1),
        nth("IntangibleNotes", intangibleHeader - 1),
      ]),
      role: "output",
    },
    ...noteBlock(
      intangibleHeader + intangibleRows,
      more(inputs.intangibles.length, SUMMARY_LIMITS.intangibles, "intangibles", "Case Intangibles"),
    ),
    {
      at: `${CHART_DATA.year}${CHART_DATA.top}`,
      values: [["Year", "Cumulative net cash flow"]],
      role: "header",
      widths: [8, 16],
    },
    { at: `${CHART_DATA.year}${firstYear}`, values: years.map((year) => [year]), role: "note" },
    {
      at: `${CHART_DATA.flow}${firstYear}`,
      values: years.map(() => [null]),
      formulas: years.map((_, index) => {
        const year = `$${CHART_DATA.year}${firstYear + index}`;
        return [`=IF(${year}>{name:Horizon},"",INDEX({name:CumulativeFlows},1,${year}+1))`];
      }),
      numberFormats: years.map(() => ["#,##0"]),
      role: "output",
    },
  ];
  const lastYear = firstYear + inputs.programme.horizonYears;
  const chartPlan: ChartPlan = {
    type: "line",
    title: "Cumulative net cash flow by year",
    x: `${CHART_DATA.year}${firstYear}:${CHART_DATA.year}${lastYear}`,
    y: `${CHART_DATA.flow}${firstYear}:${CHART_DATA.flow}${lastYear}`,
    xTitle: "Year",
    yTitle: "Cumulative net cash flow",
    anchor: `A${chart}`,
  };
  return {
    kind: CASE_SUMMARY_KIND,
    title: "Business Case Summary",
    blocks: blocks.map((block) =>
      block.formulas
        ? {
            ...block,
            formulas: block.formulas.map((row) => row.map((formula) => formula && withNames(formula))),
          }
        : block,
    ),
    charts: [chartPlan],
    print: { orientation: "portrait", paper: "A4", fitTo: { wide: 1, tall: 1 }, area: `A1:F${layout.last}` },
  };
}

function noteBlock(row: number, values: Cell[][]): Block[] {
  return values.length > 0 ? [{ at: `A${row}`, values, role: "note" }] : [];
}

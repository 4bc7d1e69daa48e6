import { columnLetter } from "../plans/a1";
import { type Assumption, assumptionsPlan } from "../plans/assumptions-sheet";
import type { Block, NamePlan, SheetPlan } from "../plans/sheet-plan";
import { CASE_CHECKS, checkFormulas } from "./case-checks";
import { CASE_SCENARIOS, type CaseScenario, type DriverMultipliers } from "./case-scenarios";
import { caseSensitivity, SENSITIVITY_SWING } from "./case-sensitivity";
import { caseSummaryPlan, summaryNamesOnCaseSheet } from "./case-summary";
import { businessCaseWarnings } from "./case-warnings";
import { DRIVER_LABELS, SENSITIVITY_DRIVERS, type SensitivityDriver } from "./driver-inputs";
import { type CaseEvidence, evidencePlans } from "./evidence-register";
import { type BusinessCaseInputs, COST_CATEGORIES, LEARNER_TIME, MAX_HORIZON } from "./inputs";
import { PROGRAMME_LABELS } from "./labels";
import { BENEFIT_REGISTER, COST_REGISTER, INTANGIBLE_REGISTER } from "./registers";
import { type SimulationRecord, simulationBlock } from "./simulation-block";

/** The checks' default tolerance: sums of the same amounts in another order agree far closer. */
const CHECK_TOLERANCE = 1e-9;

const MONTHS_PER_YEAR = 12;

/** What each scenario multiplier moves, as its label says it, and its name's suffix. */
const MULTIPLIER_LABELS: Readonly<Record<keyof DriverMultipliers, string>> = {
  improvement: "every expected improvement",
  costLines: "every cost line's amount",
  learnerHours: "the hours per learner",
};
const DRIVER_SUFFIX: Readonly<Record<keyof DriverMultipliers, string>> = {
  improvement: "Improvement",
  costLines: "CostLines",
  learnerHours: "LearnerHours",
};

/** The module prefix of every name the business case writes. */
const PREFIX = "BuyIn_Case_";
const name = (suffix: string) => `${PREFIX}${suffix}`;
const namePlan = (suffix: string, where: { at: string }): NamePlan => ({ name: name(suffix), ...where });
const withNames = (formula: string) => formula.replace(/\{name:(\w+)\}/g, (_, suffix) => name(suffix));

export const CASE_SETTINGS_KIND = "case-settings";
export const BUSINESS_CASE_KIND = "business-case";

/** The named outputs, in the order the outputs block shows them, each `BuyIn_Case_<suffix>`. */
export const CASE_OUTPUTS = [
  "Cost",
  "Benefit",
  "NetBenefit",
  "ROI",
  "BCR",
  "PaybackMonths",
  "NPV",
  "IRR",
  "BreakEven",
] as const;
export type CaseOutput = (typeof CASE_OUTPUTS)[number];

/** The programme's assumptions: the reviewer's cells, each named, with what it means. */
export function programmeAssumptions(inputs: BusinessCaseInputs): Assumption[] {
  const { programme } = inputs;
  return [
    {
      label: PROGRAMME_LABELS.name,
      name: "Programme",
      value: programme.name,
      meaning: "What the case is for.",
    },
    {
      label: PROGRAMME_LABELS.learners,
      name: "Learners",
      value: programme.learners,
      format: "#,##0",
      meaning: "People trained.",
    },
    {
      label: PROGRAMME_LABELS.hoursPerLearner,
      name: "HoursPerLearner",
      value: programme.hoursPerLearner,
      format: "0.0",
      meaning: "Hours each learner spends in the programme.",
    },
    {
      label: PROGRAMME_LABELS.hourlyCost,
      name: "HourlyCost",
      value: programme.hourlyCost,
      format: "#,##0.00",
      meaning: "Loaded cost of an hour of a learner's time: pay plus on-costs.",
    },
    {
      label: PROGRAMME_LABELS.horizonYears,
      name: "Horizon",
      value: programme.horizonYears,
      format: "0",
      meaning: `Years of costs and benefits counted, 1 to ${MAX_HORIZON}.`,
    },
    {
      label: PROGRAMME_LABELS.discountRate,
      name: "DiscountRate",
      value: programme.discountRate,
      format: "0.0%",
      meaning: "Rate at which later years are discounted in the NPV.",
    },
    {
      label: PROGRAMME_LABELS.shortTerm,
      name: "ShortTerm",
      value: programme.shortTerm,
      meaning: "TRUE: ROI and BCR count only the first year of benefits (Phillips' guiding principle 9).",
    },
    {
      label: PROGRAMME_LABELS.startDate,
      name: "StartDate",
      value: programme.startDate ?? null,
      format: "yyyy-mm-dd",
      meaning: "When year 0 begins.",
    },
    {
      label: "Checks' tolerance",
      name: "Tolerance",
      value: CHECK_TOLERANCE,
      format: "0.0E+00",
      meaning: "Largest difference the checks accept, relative to the size of the figures compared.",
    },
    ...CASE_SCENARIOS.flatMap(({ id, multipliers }) =>
      (Object.keys(MULTIPLIER_LABELS) as (keyof DriverMultipliers)[]).map((driver) => ({
        label: `${id} scenario: ${MULTIPLIER_LABELS[driver]} ×`,
        name: `${id}${DRIVER_SUFFIX[driver]}`,
        value: multipliers[driver],
        format: "0.00",
        meaning: `The ${id.toLowerCase()} scenario multiplies ${MULTIPLIER_LABELS[driver]} by this (1: as entered).`,
      })),
    ),
    {
      label: "Sensitivity swing",
      name: "Swing",
      value: SENSITIVITY_SWING,
      format: "0%",
      meaning: "The sensitivity table lowers and raises each driver by this share, one at a time.",
    },
    {
      label: "Months a year",
      name: "MonthsPerYear",
      value: MONTHS_PER_YEAR,
      format: "0",
      meaning: "Turns the payback in years into months (a constant, named so no formula types a number).",
    },
  ];
}

/** Rows of the yearly table, top to bottom, from row 4 of the Business Case sheet. */
const ROWS = {
  year: 4,
  learnerTime: 5,
  costLines: 6,
  cost: 7,
  grossBenefit: 8,
  adjustedBenefit: 9,
  net: 10,
  cumulative: 11,
  crossing: 12,
} as const;
const LABELS: Readonly<Record<keyof typeof ROWS, string>> = {
  year: "Year",
  learnerTime: "Learner time",
  costLines: "Cost lines",
  cost: "Total cost",
  grossBenefit: "Gross benefit",
  adjustedBenefit: "Adjusted benefit",
  net: "Net cash flow",
  cumulative: "Cumulative cash flow",
  crossing: "Paid back at (years)",
};
/** Year y is in column B + y. */
const yearColumn = (year: number) => columnLetter(2 + year);
const FIRST = yearColumn(0);
const LAST = yearColumn(MAX_HORIZON);
const rowRange = (row: number) => `$${FIRST}$${row}:$${LAST}$${row}`;

/**
 * One row's formula in the column of `year`, the same formula along the row (FAST: one formula a
 * row): `{y}` is that column's year cell, `{c}` its column.
 */
function rowFormula(template: string, year: number): string {
  return withNames(
    template.replaceAll("{y}", `${yearColumn(year)}$${ROWS.year}`).replaceAll("{c}", yearColumn(year)),
  );
}

/** A stream's share of its full effect in year {y}: min(1, k / (ramp + 1)), k = {y} − first + 1, elementwise. */
const K = "({y}-{name:FirstYears}+1)";
const RAMP = `((${K}>={name:RampUps}+1)+(${K}<{name:RampUps}+1)*${K}/({name:RampUps}+1))`;
const ACTIVE = "({y}>={name:FirstYears})*({y}<={name:FirstYears}+{name:Durations}-1)";
const GROSS = `{name:Improvements}*{name:UnitValues}*${ACTIVE}*${RAMP}`;
/** A blank share counts as 1, as the model counts it: ("" = "") is 1, plus the blank's 0. */
const CREDIT = '(({name:Attributions}="")+{name:Attributions})*(({name:Confidences}="")+{name:Confidences})';

const TEMPLATES: Readonly<Record<Exclude<keyof typeof ROWS, "year">, () => string>> = {
  learnerTime: () => "=IF({y}=0,{name:LearnerTime},0)",
  costLines: () =>
    '=IF({y}<={name:Horizon},SUMPRODUCT({name:CostAmounts}*({name:CostTimings}="One-off")*({name:CostYears}={y}))+SUMPRODUCT({name:CostAmounts}*({name:CostTimings}="Recurring")*({name:CostYears}<={y})),0)',
  cost: () => `={c}${ROWS.learnerTime}+{c}${ROWS.costLines}`,
  grossBenefit: () => `=IF(AND({y}>=1,{y}<={name:Horizon}),SUMPRODUCT(${GROSS}),0)`,
  adjustedBenefit: () => `=IF(AND({y}>=1,{y}<={name:Horizon}),SUMPRODUCT(${GROSS}*${CREDIT}),0)`,
  ...flowTemplates(ROWS),
};

/** Rows of a cash-flow timeline: the base case's, or a scenario's. */
interface FlowRows {
  readonly cost: number;
  readonly adjustedBenefit: number;
  readonly net: number;
  readonly cumulative: number;
  readonly crossing: number;
}

/** Net, cumulative and payback crossing of a timeline's cost and benefit rows: one formula a row. */
function flowTemplates(rows: FlowRows): Record<"net" | "cumulative" | "crossing", () => string> {
  return {
    net: () => `={c}${rows.adjustedBenefit}-{c}${rows.cost}`,
    cumulative: () => `=SUM($${FIRST}${rows.net}:{c}${rows.net})`,
    // Where the cumulative flow first turns from negative (the year before: this year's less its
    // flow) to 0 or more, interpolated in the year; the same formula in every year (FAST).
    crossing: () =>
      `=IF(AND({c}${rows.cumulative}-{c}${rows.net}<0,{c}${rows.cumulative}>=0),{y}-1-({c}${rows.cumulative}-{c}${rows.net})/{c}${rows.net},"")`,
  };
}

/** A scenario's timeline rows, in order, and their labels. */
const SCENARIO_LINES = ["cost", "adjustedBenefit", "net", "cumulative", "crossing"] as const;
const SCENARIO_LINE_LABELS: Readonly<Record<(typeof SCENARIO_LINES)[number], string>> = {
  cost: "total cost",
  adjustedBenefit: "adjusted benefit",
  net: "net cash flow",
  cumulative: "cumulative cash flow",
  crossing: "paid back at (years)",
};
const SCENARIO_TOP = ROWS.crossing + 3;
function scenarioRows(index: number): FlowRows {
  const top = SCENARIO_TOP + index * SCENARIO_LINES.length;
  return Object.fromEntries(
    SCENARIO_LINES.map((line, offset) => [line, top + offset]),
  ) as unknown as FlowRows;
}

/** A scenario's timeline: the base case's learner time, cost lines and adjusted benefit times its multipliers. */
function scenarioTemplates(
  id: CaseScenario,
  rows: FlowRows,
): Record<(typeof SCENARIO_LINES)[number], () => string> {
  return {
    cost: () => `={c}${ROWS.learnerTime}*{name:${id}LearnerHours}+{c}${ROWS.costLines}*{name:${id}CostLines}`,
    adjustedBenefit: () => `={c}${ROWS.adjustedBenefit}*{name:${id}Improvement}`,
    ...flowTemplates(rows),
  };
}

/** Figures of the whole case the yearly table and outputs read, each named: calculations, not assumptions. */
const SCALAR_CALCULATIONS: readonly { label: string; name: string; formula: string; format: string }[] = [
  {
    label: "Learner time (learners × hours × loaded hourly cost), a cost of year 0",
    name: "LearnerTime",
    formula: "={name:Learners}*{name:HoursPerLearner}*{name:HourlyCost}",
    format: "#,##0",
  },
  {
    label: "Cost lines of the years counted in ROI and BCR",
    name: "CountedCostLines",
    formula: `=SUMPRODUCT(${rowRange(ROWS.costLines)}*(${rowRange(ROWS.year)}<={name:CountedYears}))`,
    format: "#,##0",
  },
  {
    label: "Last year counted in ROI and BCR (1 for a short-term programme, else the horizon)",
    name: "CountedYears",
    formula: "=IF({name:ShortTerm},1,{name:Horizon})",
    format: "0",
  },
];

/** Outputs of a timeline, label and formula: each named `BuyIn_Case_<prefix><output>`. */
function outputFormulas(
  rows: FlowRows,
  prefix: string,
): Readonly<Record<CaseOutput, { label: string; formula: string; format: string }>> {
  const own = (suffix: string) => `{name:${prefix}${suffix}}`;
  return {
    Cost: {
      label: "Fully loaded cost (years 0 to the last counted)",
      formula: `=SUMPRODUCT(${rowRange(rows.cost)}*(${rowRange(ROWS.year)}<={name:CountedYears}))`,
      format: "#,##0",
    },
    Benefit: {
      label: "Adjusted benefit (years 1 to the last counted)",
      formula: `=SUMPRODUCT(${rowRange(rows.adjustedBenefit)}*(${rowRange(ROWS.year)}<={name:CountedYears}))`,
      format: "#,##0",
    },
    NetBenefit: { label: "Net benefit", formula: `=${own("Benefit")}-${own("Cost")}`, format: "#,##0" },
    ROI: { label: "ROI", formula: `=${own("NetBenefit")}/${own("Cost")}`, format: "0%" },
    BCR: { label: "Benefit–cost ratio", formula: `=${own("Benefit")}/${own("Cost")}`, format: "0.00" },
    PaybackMonths: {
      label: "Payback (months)",
      formula: `=IF(COUNTIF(${rowRange(rows.cumulative)},"<0")=0,0,IF(COUNT(${rowRange(rows.crossing)})=0,NA(),MIN(${rowRange(rows.crossing)})*{name:MonthsPerYear}))`,
      format: "0.0",
    },
    NPV: {
      label: "Net present value",
      formula: `=$${FIRST}$${rows.net}+NPV({name:DiscountRate},$${yearColumn(1)}$${rows.net}:$${LAST}$${rows.net})`,
      format: "#,##0",
    },
    IRR: { label: "Internal rate of return", formula: `=IRR(${rowRange(rows.net)})`, format: "0.0%" },
    BreakEven: {
      label: "Break-even share of the expected improvement",
      formula: `=IF(${own("Benefit")}>0,${own("Cost")}/${own("Benefit")},NA())`,
      format: "0%",
    },
  };
}
const OUTPUT_FORMULAS = outputFormulas(ROWS, "");

/** The outputs the scenario table shows for each scenario, each named `BuyIn_Case_<scenario><output>`. */
export const SCENARIO_OUTPUTS = [
  "Cost",
  "Benefit",
  "NetBenefit",
  "ROI",
  "BCR",
  "NPV",
  "PaybackMonths",
] as const;

/** The cost categories the by-category block totals: the register's, then learner time. */
const CATEGORY_ROWS = [...COST_CATEGORIES, LEARNER_TIME];
/** One category's cost over every year of the horizon: a one-off line once, a recurring one each year from its own. */
const CATEGORY_TOTAL =
  '=SUMPRODUCT({name:CostAmounts}*({name:CostCategories}=$A{r})*({name:CostYears}<={name:Horizon})*(({name:CostTimings}="One-off")+({name:CostTimings}="Recurring")*({name:Horizon}-{name:CostYears}+1)))';

/** Where each part of the Business Case sheet starts: the yearly table, then the blocks below it in this order. */
export const CASE_LAYOUT = (() => {
  const scenarioEnd = SCENARIO_TOP + CASE_SCENARIOS.length * SCENARIO_LINES.length - 1;
  const scalars = scenarioEnd + 3;
  const categories = scalars + SCALAR_CALCULATIONS.length + 2;
  const outputs = categories + CATEGORY_ROWS.length + 2;
  const scenarios = outputs + CASE_OUTPUTS.length + 2;
  const sensitivity = scenarios + SCENARIO_OUTPUTS.length + 2;
  const checks = sensitivity + SENSITIVITY_DRIVERS.length + 2;
  return {
    rows: ROWS,
    /** The scenarios' timelines, each SCENARIO_LINES long, in CASE_SCENARIOS' order. */
    scenarioTimelines: SCENARIO_TOP,
    scalars,
    categories,
    outputs,
    /** The scenario table's first output row (its header is the row above). */
    scenarios,
    /** The sensitivity table's first driver row (its header is the row above): driver, ROI lowered, ROI raised, swing. */
    sensitivity,
    checks,
    allChecks: checks + CASE_CHECKS.length,
    /** The simulation's block (simulation-block.ts): its heading beside the outputs' heading, labels in this column. */
    simulationColumn: 4,
    /** The judgement aids' notes: a heading, then one warning a row. */
    notes: checks + CASE_CHECKS.length + 2,
    /** The yearly timelines' rows, first and last: one formula along each row. */
    timelines: [
      [ROWS.learnerTime, ROWS.crossing],
      [SCENARIO_TOP, scenarioEnd],
    ] as const,
    /** The rows of calculations, first and last: every row above `outputs` that holds a formula. */
    calculations: [
      [ROWS.learnerTime, ROWS.crossing],
      [SCENARIO_TOP, scenarioEnd],
      [scalars, scalars + SCALAR_CALCULATIONS.length - 1],
      [categories, categories + CATEGORY_ROWS.length - 1],
    ] as const,
  } as const;
})();

/**
 * The Business Case sheet: the calculations (the yearly table, every year to the longest horizon and
 * 0 past the chosen one; each scenario's; the whole-case figures; the costs by category), then the
 * outputs, the scenario and sensitivity tables, the checks and the judgement aids' notes.
 */
function caseSheet(inputs: BusinessCaseInputs, simulation: SimulationRecord | undefined): SheetPlan {
  const years = Array.from({ length: MAX_HORIZON + 1 }, (_, year) => year);
  const rows = Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[];
  const { scalars, categories, outputs, scenarios, sensitivity, checks, allChecks, notes } = CASE_LAYOUT;
  const warnings = businessCaseWarnings(inputs).map((warning) => warning.message);
  const drivers = driverOrder(inputs);
  const sensitivityEnd = sensitivity + drivers.length - 1;
  const scenarioFlows = CASE_SCENARIOS.map(({ id }, index) => ({ id, rows: scenarioRows(index) }));
  const checkFormula = checkFormulas({
    years: rowRange(ROWS.year),
    cost: rowRange(ROWS.cost),
    grossBenefit: rowRange(ROWS.grossBenefit),
    adjustedBenefit: rowRange(ROWS.adjustedBenefit),
    net: rowRange(ROWS.net),
    lastCumulative: `$${LAST}$${ROWS.cumulative}`,
    categories: `$B$${categories}:$B$${categories + CATEGORY_ROWS.length - 1}`,
  });
  const checkRange = `$B$${checks}:$B$${checks + CASE_CHECKS.length - 1}`;
  const blocks: Block[] = [
    {
      at: "A1",
      values: [["Business case"]],
      formulas: [[withNames('="Business case: "&{name:Programme}')]],
      role: "header",
    },
    {
      at: "A2",
      values: [
        [
          "Every figure below is a native formula of the assumptions, costs and benefits sheets; change any of them and it moves. The checks at the foot flag anything that does not add up.",
        ],
      ],
      role: "note",
    },
    { at: `A${ROWS.year}`, values: [[LABELS.year, ...years]], role: "header" },
    { at: `A${ROWS.learnerTime}`, values: rows.map((row) => [LABELS[row]]), role: "note" },
    {
      at: `${FIRST}${ROWS.learnerTime}`,
      values: rows.map(() => years.map(() => null)),
      formulas: rows.map((row) => years.map((year) => rowFormula(TEMPLATES[row](), year))),
      numberFormats: rows.map((row) => years.map(() => (row === "crossing" ? "0.00" : "#,##0"))),
      role: "output",
    },
    { at: `A${SCENARIO_TOP - 1}`, values: [["Scenarios, year by year"]], role: "header" },
    {
      at: `A${SCENARIO_TOP}`,
      values: scenarioFlows.flatMap(({ id }) =>
        SCENARIO_LINES.map((line) => [`${id}: ${SCENARIO_LINE_LABELS[line]}`]),
      ),
      role: "note",
    },
    {
      at: `${FIRST}${SCENARIO_TOP}`,
      values: scenarioFlows.flatMap(() => SCENARIO_LINES.map(() => years.map(() => null))),
      formulas: scenarioFlows.flatMap(({ id, rows: flows }) => {
        const templates = scenarioTemplates(id, flows);
        return SCENARIO_LINES.map((line) => years.map((year) => rowFormula(templates[line](), year)));
      }),
      numberFormats: scenarioFlows.flatMap(() =>
        SCENARIO_LINES.map((line) => years.map(() => (line === "crossing" ? "0.00" : "#,##0"))),
      ),
      role: "output",
    },
    { at: `A${scalars - 1}`, values: [["Figures of the whole case"]], role: "header" },
    {
      at: `A${scalars}`,
      values: SCALAR_CALCULATIONS.map((calculation) => [calculation.label]),
      role: "note",
    },
    {
      at: `B${scalars}`,
      values: SCALAR_CALCULATIONS.map(() => [null]),
      formulas: SCALAR_CALCULATIONS.map((calculation) => [withNames(calculation.formula)]),
      numberFormats: SCALAR_CALCULATIONS.map((calculation) => [calculation.format]),
      role: "output",
    },
    { at: `A${categories - 1}`, values: [["Cost by category (every year)"]], role: "header" },
    { at: `A${categories}`, values: CATEGORY_ROWS.map((category) => [category]), role: "note" },
    {
      at: `B${categories}`,
      values: CATEGORY_ROWS.map(() => [null]),
      formulas: CATEGORY_ROWS.map((category, index) => [
        withNames(
          category === LEARNER_TIME
            ? "={name:LearnerTime}"
            : CATEGORY_TOTAL.replace("{r}", String(categories + index)),
        ),
      ]),
      numberFormats: CATEGORY_ROWS.map(() => ["#,##0"]),
      role: "output",
    },
    { at: `A${outputs - 1}`, values: [["Outputs"]], role: "header" },
    {
      at: `A${outputs}`,
      values: CASE_OUTPUTS.map((output) => [OUTPUT_FORMULAS[output].label]),
      role: "note",
    },
    {
      at: `B${outputs}`,
      values: CASE_OUTPUTS.map(() => [null]),
      formulas: CASE_OUTPUTS.map((output) => [withNames(OUTPUT_FORMULAS[output].formula)]),
      numberFormats: CASE_OUTPUTS.map((output) => [OUTPUT_FORMULAS[output].format]),
      role: "output",
    },
    { at: `A${scenarios - 1}`, values: [["Scenario", ...scenarioFlows.map(({ id }) => id)]], role: "header" },
    {
      at: `A${scenarios}`,
      values: SCENARIO_OUTPUTS.map((output) => [OUTPUT_FORMULAS[output].label]),
      role: "note",
    },
    {
      at: `B${scenarios}`,
      values: SCENARIO_OUTPUTS.map(() => scenarioFlows.map(() => null)),
      formulas: SCENARIO_OUTPUTS.map((output) =>
        scenarioFlows.map(({ id, rows: flows }) => withNames(outputFormulas(flows, id)[output].formula)),
      ),
      numberFormats: SCENARIO_OUTPUTS.map((output) =>
        scenarioFlows.map(() => OUTPUT_FORMULAS[output].format),
      ),
      role: "output",
    },
    {
      at: `A${sensitivity - 1}`,
      values: [
        ["Sensitivity: each driver lowered and raised by the swing", "ROI lowered", "ROI raised", "Swing"],
      ],
      role: "header",
    },
    { at: `A${sensitivity}`, values: drivers.map((driver) => [DRIVER_LABELS[driver]]), role: "note" },
    {
      at: `B${sensitivity}`,
      values: drivers.map(() => [null, null, null]),
      formulas: drivers.map((driver, index) => [
        withNames(sensitivityRoi(driver, "(1-{name:Swing})")),
        withNames(sensitivityRoi(driver, "(1+{name:Swing})")),
        `=ABS(C${sensitivity + index}-B${sensitivity + index})`,
      ]),
      numberFormats: drivers.map(() => ["0%", "0%", "0%"]),
      role: "output",
    },
    { at: `A${checks - 1}`, values: [["Checks"]], role: "header" },
    {
      at: `A${checks}`,
      values: [...CASE_CHECKS.map((check) => [checkFormula[check].label]), ["All checks"]],
      role: "note",
    },
    {
      at: `B${checks}`,
      values: [...CASE_CHECKS.map(() => [null]), [null]],
      formulas: [
        ...CASE_CHECKS.map((check) => [withNames(checkFormula[check].formula)]),
        [
          `=IF(COUNTIF(${checkRange},"OK")=ROWS(${checkRange}),"OK","FLAG: "&(ROWS(${checkRange})-COUNTIF(${checkRange},"OK"))&" of "&ROWS(${checkRange})&" checks do not add up")`,
        ],
      ],
      role: "output",
    },
  ];
  blocks.push(
    {
      at: `A${notes}`,
      values: [["Judgement aids (Phillips' guiding principles), as of the last write from BuyIn"]],
      role: "header",
    },
    {
      at: `A${notes + 1}`,
      values: (warnings.length > 0
        ? warnings
        : ["None apply: every benefit is adjusted and the costs are fully loaded."]
      ).map((message) => [message]),
      role: "note",
    },
  );
  // The simulation's labelled values stand beside the outputs (CASE_LAYOUT.simulationColumn).
  const simulated = simulationBlock(simulation, outputs - 1, CASE_LAYOUT.simulationColumn, name);
  blocks.push(...simulated.blocks);
  return {
    kind: BUSINESS_CASE_KIND,
    title: "Business Case",
    blocks,
    names: [
      ...simulated.names,
      ...SCALAR_CALCULATIONS.map((calculation, index) =>
        namePlan(calculation.name, { at: `B${scalars + index}` }),
      ),
      ...CASE_OUTPUTS.map((output, index) => namePlan(output, { at: `B${outputs + index}` })),
      ...scenarioFlows.flatMap(({ id }, column) =>
        SCENARIO_OUTPUTS.map((output, index) =>
          namePlan(`${id}${output}`, { at: `${columnLetter(2 + column)}${scenarios + index}` }),
        ),
      ),
      ...CASE_CHECKS.map((check, index) => namePlan(`Check${check}`, { at: `B${checks + index}` })),
      namePlan("Checks", { at: `B${allChecks}` }),
    ],
    charts: [
      {
        type: "bar",
        title: "ROI sensitivity: swing by driver",
        x: `A${sensitivity}:A${sensitivityEnd}`,
        y: `D${sensitivity}:D${sensitivityEnd}`,
        xTitle: "Driver",
        yTitle: "ROI swing (lowered to raised)",
        anchor: `F${sensitivity - 1}`,
      },
    ],
    freeze: { rows: ROWS.year, columns: 1 },
  };
}

/**
 * The sensitivity table's rows, largest swing first, as the kernel ranks them for these inputs at
 * the default swing: fixed when the sheet is written (a native formula cannot sort without
 * dynamic arrays), so a reviewer who changes an assumption sees every ROI move but the order stay
 * until the sheet is written again. Inputs the kernel refuses keep the drivers' declared order.
 */
function driverOrder(inputs: BusinessCaseInputs): SensitivityDriver[] {
  try {
    return caseSensitivity(inputs).map((row) => row.driver);
  } catch {
    return [...SENSITIVITY_DRIVERS];
  }
}

/**
 * ROI with one driver multiplied by `factor` (a formula): a benefit driver scales the adjusted
 * benefit, a learner-time driver the learners' time, the cost lines the counted cost lines; ROI
 * and the costs it divides by are linear in each, so the case's own figures give it exactly.
 */
function sensitivityRoi(driver: SensitivityDriver, factor: string): string {
  const benefit =
    driver === "improvement" || driver === "valuePerUnit" ? `{name:Benefit}*${factor}` : "{name:Benefit}";
  const learnerTime =
    driver === "learnerHours" || driver === "hourlyCost"
      ? `{name:LearnerTime}*${factor}`
      : "{name:LearnerTime}";
  const costLines = driver === "costLines" ? `{name:CountedCostLines}*${factor}` : "{name:CountedCostLines}";
  const cost = `(${learnerTime}+${costLines})`;
  return `=(${benefit}-${cost})/${cost}`;
}

/**
 * The business case as sheets, in native formulas only (no BUYIN. function): the named
 * assumptions (programme), the cost, benefit and intangible registers, and the Business Case sheet
 * whose yearly table and named outputs (`BuyIn_Case_Cost`, `_Benefit`, `_NetBenefit`, `_ROI`,
 * `_BCR`, `_PaybackMonths`, `_NPV`, `_IRR`, `_BreakEven`) reproduce `businessCase(inputs)`: a
 * reviewer without BuyIn changes any assumption and every output moves. Where the model answers
 * null (no payback, no IRR, no break-even) the sheet shows `#N/A` or `#NUM!`. Below the outputs:
 * the scenario table (`businessCase(scenarioInputs(…))` for each of CASE_SCENARIOS, from its named
 * multipliers), the sensitivity table (`caseSensitivity`, by the named swing, with a bar chart of
 * the swings), the checks (each "OK" or a flag) and the judgement aids that apply as notes. Laid
 * out as the FAST Standard asks: inputs, calculations and outputs apart (CASE_LAYOUT), no number
 * typed in a formula but 0 and 1, one formula along each timeline row.
 *
 * Beside the outputs, the whole-model simulation's results (`caseSimulation`), written as labelled
 * values (simulation-block.ts): blank, and saying where to run it, until `options.simulation`
 * gives them. A caller writing over a workbook whose sheet already holds results passes them back
 * (marked `stale` when they were not run on these inputs), so a write never erases them silently:
 * the panel reads them before every write.
 *
 * Then, with `options.evidence`, the Evidence Settings and Case Evidence sheets
 * (core/case/evidence-register.ts; without, those sheets are left as they are, so a write that
 * does not carry the register never retires its rows), and the one-page Business Case Summary
 * (core/case/case-summary.ts).
 *
 * @param inputs the business case's inputs (core/case/inputs.ts); intangibles are listed only
 * @param options the simulation's results to write, if any; the evidence register's rows, when it
 *   is written; `today`, the serial TODAY() shows as the plans are written (stale flags' expected values)
 * @returns the plans, to hand together to a WorkbookPort's `applyAll`
 * @example Number(businessCasePlans(SAMPLE_BUSINESS_CASE).length) // 6
 */
export function businessCasePlans(
  inputs: BusinessCaseInputs,
  {
    simulation,
    evidence,
    today,
  }: {
    readonly simulation?: SimulationRecord;
    readonly evidence?: readonly CaseEvidence[];
    readonly today?: number;
  } = {},
): SheetPlan[] {
  const options = { horizonYears: inputs.programme.horizonYears };
  const settings = assumptionsPlan(
    {
      kind: CASE_SETTINGS_KIND,
      title: "Case Assumptions",
      heading: "Business case assumptions",
      intro: "Change any value in column B: the Business Case sheet follows.",
      rows: programmeAssumptions(inputs),
    },
    namePlan,
    withNames,
  );
  return [
    settings,
    ...COST_REGISTER.plans(inputs.costs, options),
    ...BENEFIT_REGISTER.plans(inputs.benefits, options),
    ...INTANGIBLE_REGISTER.plans(inputs.intangibles, options),
    ...withSummaryNames(caseSheet(inputs, simulation)),
    ...(evidence
      ? evidencePlans(
          evidence,
          { inputs, assumptions: programmeAssumptions(inputs), today },
          EVIDENCE_NEEDED,
          namePlan,
          withNames,
        )
      : []),
    caseSummaryPlan(
      inputs,
      businessCaseWarnings(inputs).map((warning) => warning.message),
      withNames,
    ),
  ];
}

/** The Case Assumptions inputs the evidence register starts by asking evidence for: the programme's figures. */
export const EVIDENCE_NEEDED: ReadonlySet<string> = new Set([
  "Learners",
  "HoursPerLearner",
  "HourlyCost",
  "Horizon",
  "DiscountRate",
]);

/** The Business Case sheet with the names the summary reads on it. */
function withSummaryNames(plan: SheetPlan): SheetPlan[] {
  return [{ ...plan, names: [...(plan.names ?? []), ...summaryNamesOnCaseSheet(ROWS.cumulative, namePlan)] }];
}

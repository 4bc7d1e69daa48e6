import { FormulaError } from "../errors";
import { irr } from "../finance/irr";
import { npv } from "../finance/npv";
import { paybackCore } from "../finance/payback-core";
import { finiteResult } from "../validate";
import { benefitByYear } from "./benefit-by-year";
import { checkBusinessCase } from "./check-inputs";
import { costByYear } from "./cost-by-year";
import { type BusinessCaseInputs, COST_CATEGORIES, LEARNER_TIME } from "./inputs";
import { learnerTimeCost } from "./learner-time-cost";

const FN = "BuyIn business case";

/** What `businessCase` computes: the yearly table, then the measures a finance review asks for. */
export interface BusinessCaseResult {
  /** 0, 1 … horizon: year 0 is the start (not discounted), benefits from year 1. */
  readonly years: readonly number[];
  readonly costByYear: readonly number[];
  /** Every cost category over all years, learner time included. */
  readonly costByCategory: Readonly<Record<string, number>>;
  /** learners × hours per learner × loaded hourly cost, in year 0. */
  readonly learnerTimeCost: number;
  readonly grossBenefitByYear: readonly number[];
  readonly adjustedBenefitByYear: readonly number[];
  /** Adjusted benefit − cost, by year. */
  readonly netCashFlow: readonly number[];
  readonly cumulativeCashFlow: readonly number[];
  /** The last year ROI and BCR count: 1 for a short-term programme (guiding principle 9), else the horizon. */
  readonly countedYears: number;
  /** Costs of every year of the horizon. */
  readonly totalCost: number;
  /** Costs of years 0 … countedYears: ROI's and BCR's denominator. */
  readonly fullyLoadedCost: number;
  /** Gross benefit of years 1 … countedYears, before attribution and confidence. */
  readonly grossBenefit: number;
  /** Adjusted benefit of years 1 … countedYears. */
  readonly adjustedBenefit: number;
  /** adjustedBenefit − fullyLoadedCost. */
  readonly netBenefit: number;
  /** netBenefit / fullyLoadedCost, a ratio (2 is 200%). */
  readonly roi: number;
  /** adjustedBenefit / fullyLoadedCost. */
  readonly bcr: number;
  /** Months from the start until the cumulative cash flow reaches 0; 0 when it is never negative; null when never. */
  readonly paybackMonths: number | null;
  /** Year 0's flow plus every later year's discounted at the discount rate, Excel's =NPV(rate, years 1…n) + year 0. */
  readonly npv: number;
  /** The rate at which the yearly cash flows' NPV is 0, as Excel's IRR; null when the flows never change sign or no rate does. */
  readonly irr: number | null;
  /**
   * The share of every stream's expected improvement at which ROI is 0 (0.4: 40% of the expected
   * improvement breaks even); null when the adjusted benefit is 0, so no improvement does.
   */
  readonly breakEvenImprovement: number | null;
  /** Each stream's improvement at break-even, in its own units. */
  readonly breakEvenByStream: readonly { readonly id: string; readonly improvement: number }[];
}

function sum(values: readonly number[], last = values.length - 1): number {
  let total = 0;
  for (let index = 0; index <= last; index++) total += values[index] as number;
  return total;
}

/**
 * A Phillips-style business case for an L&D programme: the yearly costs (every cost line plus the
 * learners' time) and adjusted benefits (each stream × attribution × confidence, ramped), and
 * from them fullyLoadedCost, adjustedBenefit, netBenefit, ROI, BCR, payback, NPV, IRR and the
 * improvement at which ROI is 0.
 *
 * Which years ROI and BCR count: Phillips' guiding principle 9 counts only the first year of
 * benefits for a short-term programme, so with `programme.shortTerm` they compare years 1's
 * adjusted benefit with the costs of years 0 and 1; otherwise every year of the horizon's
 * benefits with every year's costs. Both are undiscounted sums, as Phillips computes them; NPV,
 * IRR and payback always use every year's cash flows (NPV discounted at the discount rate).
 *
 * Source: J. J. Phillips & P. P. Phillips, ROI Institute, the ROI Methodology and its twelve
 * guiding principles (ROI = net programme benefits / fully loaded costs; BCR = benefits / costs);
 * NPV and IRR with Excel's semantics (core/finance/npv.ts, irr.ts).
 *
 * @param inputs the programme, cost lines, benefit streams and intangibles (core/case/inputs.ts);
 *   intangibles are never counted
 * @throws FormulaError `#VALUE!` naming the field when an input breaks its rule (negative learners,
 *   attribution of 1.5, text in an amount), or when the fully loaded cost is 0
 * @example Number(businessCase(SAMPLE_BUSINESS_CASE).fullyLoadedCost) // 245960
 */
export function businessCase(inputs: BusinessCaseInputs): BusinessCaseResult {
  const { inputs: valid, problems } = checkBusinessCase(inputs);
  if (!valid) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new FormulaError(
      "VALUE",
      `${FN}: ${problems[0]?.message ?? "the inputs are not a business case"}${more}`,
    );
  }
  const { programme, costs, benefits } = valid;
  const horizon = programme.horizonYears;
  const years = Array.from({ length: horizon + 1 }, (_, year) => year);

  const learnerTime = learnerTimeCost(programme.learners, programme.hoursPerLearner, programme.hourlyCost);
  const yearlyCost = new Array<number>(horizon + 1).fill(0);
  yearlyCost[0] = learnerTime;
  const costByCategory: Record<string, number> = Object.fromEntries(
    [...COST_CATEGORIES, LEARNER_TIME].map((category) => [category, 0]),
  );
  costByCategory[LEARNER_TIME] = learnerTime;
  for (const line of costs) {
    const amounts = costByYear(line, horizon);
    for (const year of years) yearlyCost[year] = (yearlyCost[year] as number) + (amounts[year] as number);
    costByCategory[line.category] = (costByCategory[line.category] as number) + sum(amounts);
  }

  const gross = new Array<number>(horizon + 1).fill(0);
  const adjusted = new Array<number>(horizon + 1).fill(0);
  const streamAdjusted: number[] = [];
  const countedYears = programme.shortTerm ? 1 : horizon;
  for (const stream of benefits) {
    const flows = benefitByYear(stream, horizon);
    for (const year of years) {
      gross[year] = (gross[year] as number) + (flows.gross[year] as number);
      adjusted[year] = (adjusted[year] as number) + (flows.adjusted[year] as number);
    }
    streamAdjusted.push(sum(flows.adjusted, countedYears));
  }

  const netCashFlow = years.map((year) =>
    finiteResult(FN, (adjusted[year] as number) - (yearlyCost[year] as number)),
  );
  const cumulativeCashFlow: number[] = [];
  let running = 0;
  for (const flow of netCashFlow) {
    running += flow;
    cumulativeCashFlow.push(finiteResult(FN, running));
  }

  const fullyLoadedCost = finiteResult(FN, sum(yearlyCost, countedYears));
  if (fullyLoadedCost <= 0) {
    throw new FormulaError(
      "VALUE",
      `${FN}: the fully loaded cost of years 0 to ${countedYears} must be greater than 0, got 0; enter the programme's costs and the learners' time`,
    );
  }
  const adjustedBenefit = finiteResult(FN, sum(adjusted, countedYears));
  const netBenefit = finiteResult(FN, adjustedBenefit - fullyLoadedCost);
  const breakEven = adjustedBenefit > 0 ? fullyLoadedCost / adjustedBenefit : null;

  return {
    years,
    costByYear: yearlyCost,
    costByCategory,
    learnerTimeCost: learnerTime,
    grossBenefitByYear: gross,
    adjustedBenefitByYear: adjusted,
    netCashFlow,
    cumulativeCashFlow,
    countedYears,
    totalCost: finiteResult(FN, sum(yearlyCost)),
    fullyLoadedCost,
    grossBenefit: finiteResult(FN, sum(gross, countedYears)),
    adjustedBenefit,
    netBenefit,
    roi: finiteResult(FN, netBenefit / fullyLoadedCost),
    bcr: finiteResult(FN, adjustedBenefit / fullyLoadedCost),
    paybackMonths: paybackMonthsOf(netCashFlow, cumulativeCashFlow),
    npv: finiteResult(FN, (netCashFlow[0] as number) + npv(programme.discountRate, netCashFlow.slice(1))),
    irr: rateOfReturn(netCashFlow),
    breakEvenImprovement: breakEven === null ? null : finiteResult(FN, breakEven),
    breakEvenByStream:
      breakEven === null
        ? []
        : benefits.map((stream) => ({
            id: stream.id,
            improvement: finiteResult(FN, breakEven * stream.improvement),
          })),
  };
}

/** Payback in months: 0 when the cumulative flow is never negative, null when it never recovers. */
function paybackMonthsOf(flows: readonly number[], cumulative: readonly number[]): number | null {
  if (!cumulative.some((value) => value < 0)) return 0;
  const years = paybackCore(flows);
  return Number.isNaN(years) ? null : years * 12;
}

/** Excel's IRR of the yearly flows, or null where Excel's would be #NUM! (no sign change, no root). */
function rateOfReturn(flows: readonly number[]): number | null {
  if (!flows.some((flow) => flow < 0) || !flows.some((flow) => flow > 0)) return null;
  try {
    return irr(flows);
  } catch {
    return null;
  }
}

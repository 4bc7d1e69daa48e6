import { adjustedBenefit } from "../finance/adjusted-benefit";
import { bcr } from "../finance/bcr";
import { breakEven } from "../finance/break-even";
import { discountedPayback } from "../finance/discounted-payback";
import { netBenefit } from "../finance/net-benefit";
import { payback } from "../finance/payback";
import { roi } from "../finance/roi";
import { utility } from "../finance/utility";
import {
  anyNumber,
  cashFlows,
  nonNegative,
  positive,
  rateAboveMinusOne,
  scalar,
  series,
  share,
} from "./parameters";
import type { FunctionSpec } from "./types";

const benefits = scalar("benefits", "Monetary benefits, adjusted for attribution and confidence.", anyNumber);
const fullyLoadedCosts = scalar(
  "costs",
  "Fully loaded costs, participants' time included; greater than 0.",
  positive,
);
const flows = series(
  "cash_flows",
  "Cash flows per period, the first at time 0 (usually the investment, negative).",
  cashFlows,
);

/** The business-case functions. */
export const financeFunctions: readonly FunctionSpec[] = [
  {
    id: "BUYIN.ROI",
    summary: "Return on investment: (benefits − costs) / costs, as a ratio (format as %).",
    definition: "Phillips ROI Methodology: ROI = net programme benefits / fully loaded programme costs.",
    parameters: [benefits, fullyLoadedCosts],
    result: { format: "percent", description: "ROI as a ratio: 1.5 is 150%." },
    errors: ["NUM"],
    example: { args: [250000, 100000], value: 1.5 },
    implementation: roi,
  },
  {
    id: "BUYIN.BCR",
    summary: "Benefit–cost ratio: benefits / costs.",
    definition: "Phillips ROI Methodology: BCR = programme benefits / fully loaded programme costs.",
    parameters: [benefits, fullyLoadedCosts],
    result: { format: "ratio", description: "Benefits returned per unit of cost." },
    errors: ["NUM"],
    example: { args: [250000, 100000], value: 2.5 },
    implementation: bcr,
  },
  {
    id: "BUYIN.NETBENEFIT",
    summary: "Net programme benefit: benefits − costs.",
    definition: "Phillips ROI Methodology: net programme benefits = programme benefits − programme costs.",
    parameters: [
      benefits,
      scalar("costs", "Fully loaded costs, participants' time included; 0 or more.", nonNegative),
    ],
    result: { format: "currency", description: "Benefits minus costs." },
    errors: ["NUM"],
    example: { args: [250000, 100000], value: 150000 },
    implementation: netBenefit,
  },
  {
    id: "BUYIN.ADJBENEFIT",
    summary: "Adjusted benefit: gross benefit × attribution share × confidence share.",
    definition:
      "Phillips ROI Methodology, isolation of effects adjusted for the estimate's error: gross × attribution × confidence, both shares from 0 to 1.",
    parameters: [
      scalar("gross", "Gross monetary benefit of the improvement.", anyNumber),
      scalar(
        "attribution",
        "Share of the improvement due to the programme, from 0 to 1 (60% is 0.6).",
        share,
      ),
      scalar("confidence", "Confidence in the attribution estimate, from 0 to 1.", share),
    ],
    result: { format: "currency", description: "The benefit credited to the programme." },
    errors: ["NUM"],
    example: { args: [100000, 0.6, 0.8], value: 48000 },
    implementation: adjustedBenefit,
  },
  {
    id: "BUYIN.PAYBACK",
    summary: "Payback period: periods until cumulative cash flow first reaches zero, interpolated.",
    definition:
      "Payback rule: the first time the cumulative cash flow reaches zero after the investment, interpolated linearly within that period; #N/A when never reached.",
    parameters: [flows],
    result: { format: "periods", description: "Periods from time 0, such as 2.33." },
    errors: ["NUM", "NA"],
    example: { args: [[-1000, 500, 400, 300, 100]], value: 2 + 1 / 3 },
    implementation: payback,
  },
  {
    id: "BUYIN.DPAYBACK",
    summary: "Discounted payback period: payback on cash flows discounted at a rate per period.",
    definition:
      "Discounted payback: the payback rule on flowᵢ / (1 + rate)^i, interpolated within the period; #N/A when never reached.",
    parameters: [
      scalar("rate", "Discount rate per period, greater than -1 (10% is 0.1).", rateAboveMinusOne),
      flows,
    ],
    result: { format: "periods", description: "Periods from time 0." },
    errors: ["NUM", "NA"],
    example: {
      args: [0.1, [-1000, 500, 400, 300, 100]],
      value: 2 + (1000 - 500 / 1.1 - 400 / 1.21) / (300 / 1.331),
    },
    implementation: discountedPayback,
  },
  {
    id: "BUYIN.BREAKEVEN",
    summary: "Break-even volume: fixed cost / net benefit per unit.",
    definition:
      "Cost–volume–profit break-even: units = fixed cost / (benefit per unit − variable cost per unit).",
    parameters: [
      scalar("fixed_cost", "Fixed programme cost, 0 or more.", nonNegative),
      scalar(
        "net_benefit_per_unit",
        "Benefit per unit minus variable cost per unit, greater than 0.",
        positive,
      ),
    ],
    result: { format: "number", description: "Units (participants, cohorts) to break even; round up." },
    errors: ["NUM"],
    example: { args: [50000, 400], value: 125 },
    implementation: breakEven,
  },
  {
    id: "BUYIN.UTILITY",
    summary: "Utility of training (Brogden–Cronbach–Gleser): N × T × d × SDy − C.",
    definition:
      "Schmidt, Hunter & Pearlman (1982): ΔU = N × T × d × SDy − C, with d the effect size of training on job performance.",
    parameters: [
      scalar("n", "People trained, 0 or more.", nonNegative),
      scalar("years", "Years the effect lasts, 0 or more.", nonNegative),
      scalar("effect_size", "Effect size d of training on performance, in standard deviations.", anyNumber),
      scalar("sdy", "Standard deviation of performance in money per person-year, 0 or more.", nonNegative),
      scalar("cost", "Total cost of training the n people, 0 or more.", nonNegative),
    ],
    result: { format: "currency", description: "Net monetary gain over the years." },
    errors: ["NUM"],
    example: { args: [100, 2, 0.5, 10000, 50000], value: 950000 },
    implementation: utility,
  },
];

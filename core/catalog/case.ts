import * as z from "zod/mini";
import { MINSTD_MODULUS } from "../case/minstd-random";
import { MAX_RUNS, MIN_RUNS, roiSimulation } from "../case/roi-simulation";
import { anyNumber, positive, scalar } from "./parameters";
import type { FunctionSpec, ParameterSpec, TableAnswer } from "./types";

const benefit = (which: string, what: string) =>
  scalar(`benefit_${which}`, `${what} adjusted benefit of the programme.`, anyNumber);
const cost = (which: string, what: string) =>
  scalar(`cost_${which}`, `${what} fully loaded cost, greater than 0.`, positive);

const iterations: ParameterSpec = {
  ...scalar(
    "iterations",
    `Runs of the simulation, a whole number from ${MIN_RUNS} to ${MAX_RUNS}.`,
    z.number().check(z.int(), z.gte(MIN_RUNS), z.lte(MAX_RUNS)),
  ),
  optional: { defaultValue: 10000, meaning: "10,000 by default" },
};
const seed: ParameterSpec = {
  ...scalar(
    "seed",
    "Seed of the random numbers: the same seed gives the same table in Excel and Sheets.",
    z.number().check(z.int(), z.gte(1), z.lte(MINSTD_MODULUS - 1)),
  ),
  optional: { defaultValue: 1, meaning: "1 by default" },
};

/** The labelled table BUYIN.ROISIM spills. */
function simulationTable(...args: Parameters<typeof roiSimulation>): TableAnswer {
  const result = roiSimulation(...args);
  return [
    ["Statistic", "Value"],
    ["P10 ROI", result.p10],
    ["P50 ROI", result.p50],
    ["P90 ROI", result.p90],
    ["Mean ROI", result.mean],
    ["P(ROI > 0)", result.probabilityPositive],
    ["Runs", result.runs],
    ["Seed", result.seed],
  ];
}

/** The business-case functions that answer tables. */
export const caseFunctions: readonly FunctionSpec[] = [
  {
    id: "BUYIN.ROISIM",
    summary:
      "Monte Carlo ROI from low/likely/high benefit and cost: a table of P10, P50, P90 and mean ROI and P(ROI > 0).",
    definition:
      "ROI = (benefit − cost) / cost over runs drawing benefit and cost from triangular (low, likely, high) distributions by the inverse CDF (Kotz & van Dorp 2004), uniforms from the minimal standard generator (Park, Miller & Stockmeyer 1993, C++ minstd_rand); percentiles as Excel's PERCENTILE.INC.",
    parameters: [
      benefit("low", "Lowest credible"),
      benefit("likely", "Most likely"),
      benefit("high", "Highest credible"),
      cost("low", "Lowest credible"),
      cost("likely", "Most likely"),
      cost("high", "Highest credible"),
      iterations,
      seed,
    ],
    result: {
      format: "table",
      description: "Two columns, eight rows: the statistics of ROI (ratios: 1.5 is 150%), runs and seed.",
    },
    errors: ["NUM"],
    example: {
      args: [20000, 45000, 90000, 25000, 30000, 45000],
      // Seed 1's answer; the bundle tests check Excel's and Sheets' bundles give this same table.
      value: [
        ["Statistic", "Value"],
        ["P10 ROI", -0.03138469546105244],
        ["P50 ROI", 0.5199995873025727],
        ["P90 ROI", 1.2554141748094472],
        ["Mean ROI", 0.5738455872511032],
        ["P(ROI > 0)", 0.8836],
        ["Runs", 10000],
        ["Seed", 1],
      ],
    },
    implementation: simulationTable,
  },
];

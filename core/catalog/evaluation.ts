import * as z from "zod/mini";
import { completion } from "../evaluation/completion";
import { EFFECT_SIZE_METHODS, type EffectSizeMethod, effectSize } from "../evaluation/effect-size";
import { KPI_DIRECTIONS, type KpiDirection, kpiStatus } from "../evaluation/kpi-status";
import { netPromoterScore } from "../evaluation/net-promoter-score";
import { normalizedGain } from "../evaluation/normalized-gain";
import { pairedTTest } from "../evaluation/paired-t";
import { topBox } from "../evaluation/top-box";
import { trend } from "../evaluation/trend";
import { anyNumber, cashFlows, nonNegative, positive, scalar, series } from "./parameters";
import type { FunctionSpec, ParameterSpec } from "./types";

function sample(name: string, description: string, schema: z.ZodMiniType): ParameterSpec {
  return { name, description, kind: "sample", schema };
}

function choice(
  name: string,
  description: string,
  choices: readonly [string, ...string[]],
  meaning: string,
): ParameterSpec {
  return {
    name,
    description,
    kind: "scalar",
    type: "choice",
    choices,
    schema: z.enum(choices),
    optional: { defaultValue: choices[0], meaning },
  };
}

const scores = z.array(z.number()).check(z.minLength(2));
const pre = sample("pre", "Scores before, one cell per learner; blanks skipped.", scores);
const post: ParameterSpec = {
  ...sample("post", "Scores after, the same learners in the same order as pre.", scores),
  pairedWith: "pre",
};
const PAIRED_T_OUTPUTS = ["p", "t", "df"] as const;

/** Evaluation and KPI functions: completion, satisfaction, learning gain, performance. */
export const evaluationFunctions: readonly FunctionSpec[] = [
  {
    id: "BUYIN.COMPLETION",
    summary: "Completion rate: completed ÷ assigned, from 0 to 1 (format as %).",
    definition:
      "The share of assigned learners who completed: completed ÷ assigned (Phillips: level-0 input measure).",
    parameters: [
      scalar("completed", "Learners who completed; 0 or more, no more than assigned.", nonNegative),
      scalar("assigned", "Learners assigned; greater than 0.", positive),
    ],
    result: { format: "percent", description: "The completion rate: 0.75 is 75%." },
    errors: [],
    example: { args: [45, 60], value: 0.75 },
    implementation: completion,
  },
  {
    id: "BUYIN.NPS",
    summary: "Net Promoter Score of 0–10 ratings: % promoters (9–10) − % detractors (0–6).",
    definition:
      "Reichheld (2003), 'The One Number You Need to Grow': percentage of 9s and 10s minus percentage of 0s to 6s, from −100 to 100.",
    parameters: [
      sample(
        "scores",
        "Ratings from 0 to 10, whole numbers; blanks skipped.",
        z.array(z.number().check(z.int(), z.gte(0), z.lte(10))).check(z.minLength(1)),
      ),
    ],
    result: { format: "number", description: "The score, from −100 to 100." },
    errors: [],
    example: { args: [[10, 9, 9, 8, 7, 6, 3, 10]], value: 25 },
    implementation: netPromoterScore,
  },
  {
    id: "BUYIN.TOPBOX",
    summary: "Top-box share: ratings in the top boxes of a 1..scale_max scale (boxes 2: top-2-box).",
    definition: "Share of ratings at or above scale_max − boxes + 1 (top-box scoring, Sauro & Lewis 2016).",
    parameters: [
      sample(
        "scores",
        "Ratings from 1 to scale_max, whole numbers; blanks skipped.",
        z.array(z.number().check(z.int(), z.gte(1))).check(z.minLength(1)),
      ),
      scalar(
        "scale_max",
        "Top of the rating scale, a whole number from 2 to 100 (5 on 1–5).",
        z.number().check(z.int(), z.gte(2), z.lte(100)),
      ),
      {
        ...scalar(
          "boxes",
          "How many top points count: 1 (default) or more.",
          z.number().check(z.int(), z.gte(1)),
        ),
        optional: { defaultValue: 1, meaning: "1 by default (top box only)" },
      },
    ],
    result: { format: "percent", description: "The share of ratings in the top boxes." },
    errors: [],
    example: { args: [[5, 4, 4, 3, 5, 2, 1, 5], 5, 2], value: 0.625 },
    implementation: (ratings: number[], scaleMax: number, boxes?: number) => topBox(ratings, scaleMax, boxes),
  },
  {
    id: "BUYIN.NGAIN",
    summary: "Hake's normalized gain: (mean post − mean pre) ÷ (max − mean pre).",
    definition:
      "Hake (1998), Am. J. Phys. 66(1), eq. 1: the class's average gain as a share of the gain it could have made.",
    parameters: [
      { ...pre, schema: z.array(z.number().check(z.gte(0))).check(z.minLength(1)) },
      { ...post, schema: z.array(z.number().check(z.gte(0))).check(z.minLength(1)) },
      scalar("max_score", "The highest score the assessment allows; greater than 0.", positive),
    ],
    result: { format: "number", description: "The normalized gain: 0.3–0.7 is medium, above 0.7 high." },
    errors: ["DIV0"],
    example: { args: [[40, 50, 60], [70, 75, 80], 100], value: 0.5 },
    implementation: normalizedGain,
  },
  {
    id: "BUYIN.EFFECTSIZE",
    summary: 'Paired effect size of post vs pre: "dz" (default), "dav" or "g" (Hedges\' g_av).',
    definition:
      "d_z = mean difference ÷ SD of differences (Cohen 1988); d_av = mean difference ÷ mean of the two SDs (Cumming 2012); g = d_av × (1 − 3/(4(n−1) − 1)) (Borenstein et al. 2009).",
    parameters: [
      pre,
      post,
      choice(
        "method",
        'Which effect size: "dz" (default), "dav" or "g".',
        EFFECT_SIZE_METHODS,
        '"dz" by default',
      ),
    ],
    result: { format: "number", description: "The standardized mean difference, post − pre." },
    errors: ["DIV0"],
    example: {
      args: [[3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1], "dz"],
      value: 0.47023041057239884,
    },
    implementation: (before: number[], after: number[], method?: EffectSizeMethod) =>
      effectSize(before, after, method),
  },
  {
    id: "BUYIN.PAIREDT",
    summary: 'Paired t-test of post vs pre: "p" (default, two-sided), "t" or "df".',
    definition:
      "Student's paired t-test: t = mean(d) ÷ (SD(d)/√n), d = post − pre, df = n − 1; p two-sided, equal to Excel's T.TEST(pre, post, 2, 1).",
    parameters: [
      pre,
      post,
      choice("output", 'What to answer: "p" (default), "t" or "df".', PAIRED_T_OUTPUTS, '"p" by default'),
    ],
    result: { format: "number", description: "The p-value, the t statistic or the degrees of freedom." },
    errors: ["DIV0"],
    example: {
      args: [[3, 4, 5, 8, 9, 1, 2, 4, 5], [6, 19, 3, 2, 14, 4, 5, 17, 1], "p"],
      value: 0.19601578492528,
    },
    implementation: (before: number[], after: number[], output?: (typeof PAIRED_T_OUTPUTS)[number]) =>
      pairedTTest(before, after)[output ?? "p"],
  },
  {
    id: "BUYIN.KPISTATUS",
    summary: 'KPI status against target: "On track", "At risk" (within tolerance) or "Off track".',
    definition:
      "On track when the target is met (≥ target, or ≤ when lower is better); At risk when missed by no more than tolerance × |target|; else Off track.",
    parameters: [
      scalar("actual", "The KPI's latest value.", anyNumber),
      scalar("target", "Its target.", anyNumber),
      choice(
        "direction",
        '"up" (default): higher is better; "down": lower is better.',
        KPI_DIRECTIONS,
        '"up" by default',
      ),
      {
        ...scalar("tolerance", "The at-risk band as a share of |target|; default 0.1.", nonNegative),
        optional: { defaultValue: 0.1, meaning: "0.1 (10% of the target) by default" },
      },
    ],
    result: { format: "text", description: "On track, At risk or Off track." },
    errors: [],
    example: { args: [0.85, 0.9], value: "At risk" },
    implementation: (actual: number, target: number, direction?: KpiDirection, tolerance?: number) =>
      kpiStatus(actual, target, direction, tolerance),
  },
  {
    id: "BUYIN.TREND",
    summary: "Trend of a series: least-squares slope per period (periods 1, 2, 3 …).",
    definition:
      "Ordinary least squares slope of the values against 1, 2, 3 …, as Excel's SLOPE(values, {1;2;3;…}).",
    parameters: [
      series("values", "One value per period, in order; a blank between values is refused.", cashFlows),
    ],
    result: { format: "number", description: "Change per period, in the values' unit." },
    errors: [],
    example: { args: [[0.62, 0.66, 0.71, 0.73]], value: 0.038 },
    implementation: trend,
  },
];

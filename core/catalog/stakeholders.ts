import * as z from "zod/mini";
import { cadence } from "../stakeholders/cadence";
import { championScore } from "../stakeholders/champion";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import { engagementGap } from "../stakeholders/engagement-gap";
import { priority } from "../stakeholders/priority";
import { QUADRANTS, quadrant } from "../stakeholders/quadrant";
import { salience } from "../stakeholders/salience";
import { anyNumber, scalar, series } from "./parameters";
import type { FunctionSpec, ParameterSpec } from "./types";

const score = z.number().check(z.gte(1), z.lte(10));
const engagementLevel = z.union([z.number().check(z.int(), z.gte(1), z.lte(5)), z.enum(ENGAGEMENT_LEVELS)]);

function scoreParameter(name: string, what: string): ParameterSpec {
  return { ...scalar(name, `${what} score, 1–5 (or 1–10 with scale_max 10).`, score), type: "score" };
}

function engagementParameter(name: string, what: string): ParameterSpec {
  return {
    name,
    description: `${what}: Unaware, Resistant, Neutral, Supportive, Leading, or 1–5.`,
    kind: "scalar",
    type: "engagement",
    schema: engagementLevel,
  };
}

const scaleMax: ParameterSpec = {
  ...scalar("scale_max", "Top of the score scale: 5 (default) or 10.", z.literal([5, 10])),
  type: "score",
  optional: { defaultValue: 5, meaning: "5 by default" },
};
const threshold: ParameterSpec = {
  ...scalar("threshold", "Scores at or above this count as high; default the midpoint (3 on 1–5).", score),
  type: "score",
  optional: { meaning: "the scale's midpoint by default" },
};

/** The stakeholder-map functions. */
export const stakeholderFunctions: readonly FunctionSpec[] = [
  {
    id: "BUYIN.QUADRANT",
    summary: "Power/interest strategy: Manage closely, Keep satisfied, Keep informed or Monitor.",
    definition:
      "Mendelow (1991): high power and interest, manage closely; high power only, keep satisfied; high interest only, keep informed; neither, monitor. High = score ≥ threshold.",
    parameters: [
      scoreParameter("power", "Power"),
      scoreParameter("interest", "Interest"),
      scaleMax,
      threshold,
    ],
    result: { format: "text", description: "The quadrant's strategy." },
    errors: [],
    example: { args: [4, 2], value: "Keep satisfied" },
    implementation: (power: number, interest: number, top?: number, high?: number) =>
      quadrant(power, interest, { scaleMax: top, threshold: high }),
  },
  {
    id: "BUYIN.SALIENCE",
    summary: "Salience class from power, legitimacy and urgency: Definitive, Dominant, Dangerous …",
    definition:
      "Mitchell, Agle & Wood (1997): one attribute Dormant/Discretionary/Demanding, two Dominant/Dangerous/Dependent, three Definitive, none Non-stakeholder. An attribute is present when its score ≥ threshold.",
    parameters: [
      scoreParameter("power", "Power"),
      scoreParameter("legitimacy", "Legitimacy"),
      scoreParameter("urgency", "Urgency"),
      scaleMax,
      threshold,
    ],
    result: { format: "text", description: "The salience class." },
    errors: [],
    example: { args: [5, 4, 1], value: "Dominant" },
    implementation: (power: number, legitimacy: number, urgency: number, top?: number, high?: number) =>
      salience(power, legitimacy, urgency, { scaleMax: top, threshold: high }),
  },
  {
    id: "BUYIN.ENGAGEGAP",
    summary: "Engagement gap: desired level − current level (PMBOK, Unaware 1 … Leading 5).",
    definition:
      "PMBOK stakeholder engagement assessment matrix: gap = desired − current on Unaware 1, Resistant 2, Neutral 3, Supportive 4, Leading 5.",
    parameters: [
      engagementParameter("current", "Current engagement"),
      engagementParameter("desired", "Desired engagement"),
    ],
    result: { format: "number", description: "Levels to close; 0 when where it should be." },
    errors: [],
    example: { args: ["Neutral", "Leading"], value: 2 },
    implementation: engagementGap,
  },
  {
    id: "BUYIN.PRIORITY",
    summary: "Priority: the weighted mean of a stakeholder's scores; one answer per row.",
    definition: "Weighted scoring: Σ wᵢ·sᵢ / Σ wᵢ over a stakeholder's scores (equal weights by default).",
    parameters: [
      {
        ...series(
          "scores",
          "One stakeholder's scores in a row, such as power, interest, influence.",
          z.array(anyNumber).check(z.minLength(1)),
        ),
        kind: "row",
      },
      {
        ...series(
          "weights",
          "One weight per score, 0 or more, not all 0.",
          z.array(anyNumber).check(z.minLength(1)),
        ),
        optional: { meaning: "equal weights by default" },
      },
    ],
    result: { format: "number", description: "A score on the scores' own scale." },
    errors: ["NUM"],
    example: {
      args: [
        [5, 3, 4],
        [2, 1, 1],
      ],
      value: 4.25,
    },
    implementation: priority,
  },
  {
    id: "BUYIN.CHAMPION",
    summary: "Champion score, 0 to 1, from interest, influence and engagement; 0.75+ is a candidate.",
    definition:
      "BuyIn's champion index after Kotter (1996): mean of (interest − 1)/(max − 1), (influence − 1)/(max − 1) and (engagement − 1)/4.",
    parameters: [
      scoreParameter("interest", "Interest"),
      scoreParameter("influence", "Influence"),
      engagementParameter("engagement", "Current engagement"),
      scaleMax,
    ],
    result: { format: "percent", description: "0 to 1; format as %." },
    errors: [],
    example: { args: [5, 4, "Supportive"], value: 5 / 6 },
    implementation: (interest: number, influence: number, engagement: number | string, top?: number) =>
      championScore(interest, influence, engagement, { scaleMax: top }),
  },
  {
    id: "BUYIN.CADENCE",
    summary: "Contact cadence for a quadrant: Weekly, Fortnightly, Monthly or Quarterly.",
    definition:
      "BuyIn's defaults after Mendelow's grid: manage closely weekly, keep informed fortnightly, keep satisfied monthly, monitor quarterly.",
    parameters: [
      {
        name: "quadrant",
        description: "A quadrant name, as BUYIN.QUADRANT returns.",
        kind: "scalar",
        type: "quadrant",
        schema: z.enum(QUADRANTS),
      },
    ],
    result: { format: "text", description: "How often to be in touch." },
    errors: [],
    example: { args: ["Keep informed"], value: "Fortnightly" },
    implementation: (strategy: string) => cadence(strategy),
  },
];

import * as z from "zod/mini";
import { quickWin } from "../playbook/quick-win";
import { nonNegative, scalar, share } from "./parameters";
import type { FunctionSpec, ParameterSpec } from "./types";

const oneToFive = z.number().check(z.gte(1), z.lte(5));
const score = (name: string, description: string): ParameterSpec => ({
  ...scalar(name, description, oneToFive),
  type: "score",
});

/** The playbook's functions: quick wins. */
export const playbookFunctions: readonly FunctionSpec[] = [
  {
    id: "BUYIN.QUICKWIN",
    summary: "Quick-win score: impact × visibility × confidence ÷ (effort × (1 + days ÷ 90)).",
    definition:
      "RICE scoring (McBride, Intercom 2016) with visibility to stakeholders as the reach, discounted by time to value: a win 90 days out scores half (Kotter 1996, short-term wins).",
    parameters: [
      score("impact", "Impact on the goal, 1–5."),
      score("visibility", "How many of the stakeholders to convince will see it, 1–5."),
      scalar("confidence", "The chance it delivers, from 0 to 1 (80% is 0.8).", share),
      score("effort", "Effort, 1–5: more effort scores lower."),
      scalar("days_to_value", "Days until the win shows; 0 or more.", nonNegative),
    ],
    result: { format: "number", description: "The score: higher first; compare candidates with it." },
    errors: [],
    example: { args: [4, 5, 0.8, 2, 30], value: 6 },
    implementation: (impact: number, visibility: number, confidence: number, effort: number, days: number) =>
      quickWin(impact, visibility, confidence, effort, days),
  },
];

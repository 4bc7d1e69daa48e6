import * as z from "zod/mini";
import { KPI_DIRECTIONS } from "../evaluation/kpi-status";
import { recordId } from "./fields";

/** The most periods a KPI tracker holds side by side: a year of months. */
export const MAX_KPI_PERIODS = 12;

/** Kirkpatrick's four levels with Phillips' fifth, as a KPI's evaluation level. */
export const EVALUATION_LEVELS = ["1 Reaction", "2 Learning", "3 Application", "4 Impact", "5 ROI"] as const;

/** The record field of period `index` (0-based): actual1 … actual12. */
export const actualField = (index: number) => `actual${index + 1}` as `actual${number}`;

const atMost = (max: number) =>
  z.maxLength(max, {
    error: (issue) =>
      `must be at most ${max} characters, not ${typeof issue.input === "string" ? issue.input.length : "more"}`,
  });
const text = (max: number) => z.optional(z.string({ error: "must be text" }).check(atMost(max)));
const amount = z.optional(z.number({ error: "must be a number" }));

/**
 * One KPI of the tracker: what is measured, for which programme, its evaluation level, baseline,
 * target and direction, and its actual value in each period (blank until measured).
 */
export const KpiSchema = z.object(
  {
    id: recordId,
    kpi: z.string({ error: "is required" }).check(z.minLength(1, { error: "is required" }), atMost(200)),
    programme: text(200),
    owner: text(200),
    level: z.optional(z.enum(EVALUATION_LEVELS, { error: `must be one of ${EVALUATION_LEVELS.join(", ")}` })),
    unit: text(40),
    baseline: amount,
    target: z.number({ error: "must be a number" }),
    direction: z.enum(KPI_DIRECTIONS, { error: 'must be "up" (higher is better) or "down"' }),
    ...Object.fromEntries(
      Array.from({ length: MAX_KPI_PERIODS }, (_, index) => [actualField(index), amount]),
    ),
  },
  { error: "must be a KPI's record" },
);

export type Kpi = z.infer<typeof KpiSchema> & Partial<Record<`actual${number}`, number>>;

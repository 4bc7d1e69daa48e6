import * as z from "zod/mini";
import { withQuickRule } from "./quick-rules";

/*
 * The business case's inputs (issue 10, item 1). Every check carries its own message, the rest of
 * a sentence that begins with the field's label ("Learners must be a whole number, 0 or more, got
 * -3"), as the register kit expects: zod's defaults name neither the field nor the rule.
 */

/** Cost categories a cost line may take. Learner time is not among them: it is computed from the programme. */
export const COST_CATEGORIES = [
  "Needs analysis",
  "Design and development",
  "Delivery and facilitation",
  "Platform and licences",
  "Materials",
  "Travel and venue",
  "Evaluation",
  "Overhead",
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The computed category: learners × hours per learner × loaded hourly cost. */
export const LEARNER_TIME = "Learner time";

/** One-off: the amount falls in its year only. Recurring: in its year and every year after, to the horizon. */
export const COST_TIMINGS = ["One-off", "Recurring"] as const;
export type CostTiming = (typeof COST_TIMINGS)[number];

/** The longest horizon a case may take, in years. */
export const MAX_HORIZON = 10;

/** How an input that broke a rule is shown at the end of its message. */
export function shownInput(input: unknown): string {
  if (typeof input === "string") return `the text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === "number")
    return Number.isFinite(input) ? String(input) : "a value that is not a finite number";
  if (input === undefined || input === null) return "a blank";
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  return "a value that is neither a number nor text";
}

/** What a number must be: within min and max (inclusive), and whole if `whole`. */
interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly whole?: boolean;
}

/**
 * A number with a rule, every failure saying the rule and what was given. The rule is one check,
 * not one a bound: validation runs on every keystroke in the panel and on every businessCase call.
 */
function number(rule: string, { min = -Infinity, max = Infinity, whole = false }: NumberRule) {
  const error = { error: (issue: { input: unknown }) => `${rule}, got ${shownInput(issue.input)}` };
  const holds = (value: number) => value >= min && value <= max && (!whole || Number.isInteger(value));
  return withQuickRule(
    z.number(error).check(z.refine(holds, error)),
    (value) => typeof value === "number" && Number.isFinite(value) && holds(value),
  );
}

/** Any finite number, its failure saying so. */
const anyNumber = withQuickRule(
  z.number({ error: (issue) => `must be a number, got ${shownInput(issue.input)}` }),
  (value) => typeof value === "number" && Number.isFinite(value),
);

/** One of a list of names. */
function choice<const T extends readonly [string, ...string[]]>(list: T, rule: string) {
  return withQuickRule(z.enum(list, { error: rule }), (value) => list.includes(value as T[number]));
}

const money = number("must be an amount, 0 or more", { min: 0 });
const nonNegative = number("must be a number, 0 or more", { min: 0 });
const wholeNonNegative = number("must be a whole number, 0 or more", { min: 0, whole: true });
const share = number("must be a share from 0 to 1 (60% is 0.6)", { min: 0, max: 1 });
const yearIndex = number(`must be a whole year from 0 to ${MAX_HORIZON}`, {
  min: 0,
  max: MAX_HORIZON,
  whole: true,
});
const benefitYear = number(`must be a whole year from 1 to ${MAX_HORIZON}`, {
  min: 1,
  max: MAX_HORIZON,
  whole: true,
});
const wholeYears = number(`must be a whole number of years from 1 to ${MAX_HORIZON}`, {
  min: 1,
  max: MAX_HORIZON,
  whole: true,
});
const atMost = (max: number) =>
  z.maxLength(max, {
    error: (issue) =>
      `must be at most ${max} characters, not ${typeof issue.input === "string" ? issue.input.length : "more"}`,
  });
const requiredText = (max: number) =>
  withQuickRule(
    z.string({ error: "is required" }).check(z.minLength(1, { error: "is required" }), atMost(max)),
    (value) => typeof value === "string" && value.length >= 1 && value.length <= max,
  );
const optionalText = (max: number) =>
  z.optional(
    withQuickRule(
      z.string({ error: "must be text" }).check(atMost(max)),
      (value) => typeof value === "string" && value.length <= max,
    ),
  );
const KEY = /^[A-Za-z0-9_-]{1,40}$/;
const key = (example: string) =>
  withQuickRule(
    z
      .string({ error: "is required" })
      .check(
        z.regex(KEY, { error: `may hold only letters, digits, "-" and "_" (up to 40), such as ${example}` }),
      ),
    (value) => typeof value === "string" && KEY.test(value),
  );
/** Date as a spreadsheet serial (1900 system): 1 is 1900-01-01, 2958465 is 9999-12-31. */
const dateSerial = number("must be a date from 1900-01-01 to 9999-12-31", { min: 1, max: 2958465 });

/** The programme: who is trained, for how long, over which horizon and at which discount rate. */
export const ProgrammeSchema = z.object(
  {
    name: requiredText(200),
    learners: wholeNonNegative,
    hoursPerLearner: nonNegative,
    /** Loaded hourly cost of a learner's time: pay plus on-costs (benefits, overhead). */
    hourlyCost: money,
    horizonYears: wholeYears,
    discountRate: number("must be a rate from 0 to 1 (8% is 0.08)", { min: 0, max: 1 }),
    startDate: z.optional(dateSerial),
    /**
     * A short-term programme counts only the first year of benefits in ROI and BCR (Phillips'
     * guiding principle 9); a long-term one counts every year of the horizon.
     */
    shortTerm: withQuickRule(
      z.boolean({ error: "must be TRUE or FALSE" }),
      (value) => typeof value === "boolean",
    ),
  },
  { error: "must be the programme's details: name, learners, hours, hourly cost, horizon, discount rate" },
);
export type Programme = z.infer<typeof ProgrammeSchema>;

/** A cost line: an amount in a category, one-off in its year or recurring from its year on. Year 0 is the start. */
export const CostLineSchema = z.object(
  {
    id: key("C-001"),
    category: choice(COST_CATEGORIES, `must be one of ${COST_CATEGORIES.join(", ")}`),
    description: optionalText(200),
    timing: choice(COST_TIMINGS, "must be One-off or Recurring"),
    amount: money,
    year: yearIndex,
  },
  { error: "must be a cost line" },
);
export type CostLine = z.infer<typeof CostLineSchema>;

/**
 * A benefit stream: a measure improved by the programme, valued per unit, credited with the
 * share attributed to the programme and the confidence in that share (Phillips), from its first
 * year for its duration, reaching full effect after its ramp-up.
 */
export const BenefitStreamSchema = z.object(
  {
    id: key("B-001"),
    name: requiredText(200),
    measure: requiredText(200),
    /** Today's performance on the measure. */
    baseline: z.optional(anyNumber),
    /** The target or benchmark, and where it comes from. */
    target: z.optional(anyNumber),
    targetSource: optionalText(500),
    /** Expected improvement a year at full effect, in the measure's units. */
    improvement: nonNegative,
    valuePerUnit: money,
    /** Share of the improvement caused by the programme; blank means unadjusted (counted as 1, and warned). */
    attribution: z.optional(share),
    /** Confidence in the attribution estimate; blank means unadjusted (counted as 1, and warned). */
    confidence: z.optional(share),
    firstYear: benefitYear,
    /** Years before full effect: the k-th year of the stream realises min(1, k / (rampUpYears + 1)). */
    rampUpYears: wholeNonNegative,
    durationYears: wholeYears,
  },
  { error: "must be a benefit stream" },
);
export type BenefitStream = z.infer<typeof BenefitStreamSchema>;

/**
 * An intangible benefit: listed, never counted. A money value typed against one is kept so the
 * judgement aids can flag it; the model never adds it.
 */
export const IntangibleSchema = z.object(
  {
    id: key("I-001"),
    name: requiredText(200),
    note: optionalText(1000),
    moneyValue: z.optional(anyNumber),
  },
  { error: "must be an intangible benefit" },
);
export type Intangible = z.infer<typeof IntangibleSchema>;

export const BusinessCaseInputsSchema = z.object(
  {
    programme: ProgrammeSchema,
    costs: z.array(CostLineSchema, { error: "must be a list of cost lines" }),
    benefits: z.array(BenefitStreamSchema, { error: "must be a list of benefit streams" }),
    intangibles: z.array(IntangibleSchema, { error: "must be a list of intangible benefits" }),
  },
  { error: "must be a business case: programme, costs, benefits and intangibles" },
);
export type BusinessCaseInputs = z.infer<typeof BusinessCaseInputsSchema>;

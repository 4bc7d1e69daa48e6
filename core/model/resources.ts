import * as z from "zod/mini";
import { MAX_HORIZON } from "../case/inputs";
import { optionalDate, optionalText, recordId, requiredText } from "./fields";

/*
 * Resources and support (issue 12, step 9), and milestones (step 5): the records of the budget,
 * the training offers, the support systems and the milestone log.
 */

const amountRule = "must be an amount, 0 or more";
const amount = z.optional(z.number({ error: amountRule }).check(z.gte(0, { error: amountRule })));
const yearRule = `must be a whole year of the business case, 0 (the start) to ${MAX_HORIZON}`;

/** A line of the budget for one year of the business case: plan against actual. */
export const BudgetLineSchema = z.object(
  {
    id: recordId,
    line: requiredText(200),
    /** The business case's cost line this budget line funds ("C-002"), blank when none. */
    caseLine: z.optional(recordId),
    year: z
      .number({ error: yearRule })
      .check(
        z.int({ error: yearRule }),
        z.gte(0, { error: yearRule }),
        z.lte(MAX_HORIZON, { error: yearRule }),
      ),
    plan: amount,
    actual: amount,
    owner: optionalText(200),
  },
  { error: "must be a budget line" },
);
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const AUDIENCES = ["Learners", "Managers", "Learners and managers"] as const;
export const OFFER_FORMATS = [
  "Workshop",
  "E-learning",
  "Webinar",
  "Coaching",
  "Community of practice",
  "On the job",
] as const;
export const FREQUENCIES = ["Weekly", "Monthly", "Quarterly", "Twice a year", "Yearly", "On demand"] as const;

const choice = <T extends readonly [string, ...string[]]>(list: T) =>
  z.enum(list, { error: `must be one of ${list.join(", ")}` });

/** An ongoing training offer that keeps learners and their managers going after the programme. */
export const TrainingOfferSchema = z.object(
  {
    id: recordId,
    offer: requiredText(200),
    audience: choice(AUDIENCES),
    format: z.optional(choice(OFFER_FORMATS)),
    frequency: z.optional(choice(FREQUENCIES)),
    owner: optionalText(200),
    nextDate: optionalDate,
  },
  { error: "must be a training offer" },
);
export type TrainingOffer = z.infer<typeof TrainingOfferSchema>;

export const SUPPORT_TYPES = [
  "Help desk",
  "Coaching",
  "Mentoring",
  "Community",
  "Job aids",
  "Other",
] as const;

const countRule = "must be a number, 0 or more";
const count = z.optional(z.number({ error: countRule }).check(z.gte(0, { error: countRule })));

/** A support system for learners and managers, with what it can take and what it takes now. */
export const SupportSystemSchema = z.object(
  {
    id: recordId,
    system: requiredText(200),
    type: z.optional(choice(SUPPORT_TYPES)),
    audience: z.optional(choice(AUDIENCES)),
    owner: optionalText(200),
    /** What it can take in a month: requests, sessions, pairs … */
    capacity: count,
    /** What it takes in a month, in the same unit. */
    usage: count,
  },
  { error: "must be a support system" },
);
export type SupportSystem = z.infer<typeof SupportSystemSchema>;

export const REACHED = ["Yes", "No"] as const;

/** A milestone of the programme, and how reaching it was celebrated and announced. */
export const MilestoneSchema = z.object(
  {
    id: recordId,
    milestone: requiredText(300),
    date: optionalDate,
    reached: choice(REACHED),
    celebrated: optionalText(500),
    announced: optionalText(500),
  },
  { error: "must be a milestone" },
);
export type Milestone = z.infer<typeof MilestoneSchema>;

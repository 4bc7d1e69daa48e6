import * as z from "zod/mini";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";

/** A stakeholder id: letters, digits, "-" and "_", up to 40 characters (BuyIn makes "S-001"). */
export const STAKEHOLDER_ID = /^[A-Za-z0-9_-]{1,40}$/;

/*
 * Every check carries its own message, the rest of a sentence that begins with the column's
 * header ("Name must be at most 200 characters, not 50000"): zod's defaults ("Invalid input")
 * name neither the field nor the rule, and reach users through the register parser.
 */

/** A length limit whose message gives the length found. */
const atMost = (max: number) =>
  z.maxLength(max, {
    error: (issue) =>
      `must be at most ${max} characters, not ${typeof issue.input === "string" ? issue.input.length : "more"}`,
  });
const text = (max: number) => z.optional(z.string({ error: "must be text" }).check(atMost(max)));
const scoreRule = "must be a whole number from 1 to 10";
const score = z
  .number({ error: scoreRule })
  .check(z.int({ error: scoreRule }), z.gte(1, { error: scoreRule }), z.lte(10, { error: scoreRule }));
const engagement = z.enum(ENGAGEMENT_LEVELS, { error: `must be one of ${ENGAGEMENT_LEVELS.join(", ")}` });
/** Date as a spreadsheet serial (1900 system): 1 is 1900-01-01, 2958465 is 9999-12-31. */
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";
const dateSerial = z
  .number({ error: dateRule })
  .check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule }));

/**
 * One row of the stakeholder register. Scores are whole numbers on the register's scale (1–5 by
 * default, 1–10 accepted); engagement uses PMBOK's levels.
 */
export const StakeholderSchema = z.object(
  {
    id: z
      .string({ error: "is required" })
      .check(z.regex(STAKEHOLDER_ID, { error: 'may hold only letters, digits, "-" and "_" (up to 40)' })),
    name: z.string({ error: "is required" }).check(z.minLength(1, { error: "is required" }), atMost(200)),
    role: text(200),
    group: text(200),
    power: score,
    interest: score,
    influence: score,
    legitimacy: z.optional(score),
    urgency: z.optional(score),
    currentEngagement: engagement,
    desiredEngagement: engagement,
    caresAbout: text(1000),
    concerns: text(1000),
    owner: text(200),
    lastContact: z.optional(dateSerial),
    nextContact: z.optional(dateSerial),
  },
  { error: "must be a stakeholder's record" },
);

export type Stakeholder = z.infer<typeof StakeholderSchema>;

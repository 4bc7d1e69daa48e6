import * as z from "zod/mini";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";

/** A stakeholder id: letters, digits, "-" and "_", up to 40 characters (BuyIn makes "S-001"). */
export const STAKEHOLDER_ID = /^[A-Za-z0-9_-]{1,40}$/;

const text = (max: number) => z.optional(z.string().check(z.maxLength(max)));
const score = z.number().check(z.int(), z.gte(1), z.lte(10));
/** Date as a spreadsheet serial (1900 system): 1 is 1900-01-01, 2958465 is 9999-12-31. */
const dateSerial = z.number().check(z.gte(1), z.lte(2958465));

/**
 * One row of the stakeholder register. Scores are whole numbers on the register's scale (1–5 by
 * default, 1–10 accepted); engagement uses PMBOK's levels.
 */
export const StakeholderSchema = z.object({
  id: z.string().check(z.regex(STAKEHOLDER_ID)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: text(200),
  group: text(200),
  power: score,
  interest: score,
  influence: score,
  legitimacy: z.optional(score),
  urgency: z.optional(score),
  currentEngagement: z.enum(ENGAGEMENT_LEVELS),
  desiredEngagement: z.enum(ENGAGEMENT_LEVELS),
  caresAbout: text(1000),
  concerns: text(1000),
  owner: text(200),
  lastContact: z.optional(dateSerial),
  nextContact: z.optional(dateSerial),
});

export type Stakeholder = z.infer<typeof StakeholderSchema>;

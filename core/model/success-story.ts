import * as z from "zod/mini";
import { dateSerial, optionalText, recordId, requiredText } from "./fields";

/** Draft: being written; Approved: cleared to tell (the report takes it); Shared: told somewhere. */
export const STORY_STATUSES = ["Draft", "Approved", "Shared"] as const;

const idRule = "must be a KPI's id, such as K-003";

/**
 * A success story (issue 12, step 5): what happened, on a date, the KPI that shows it if any, and
 * whom it should convince: stakeholder ids ("S-002") or group names ("Finance"), separated by
 * commas or semicolons. The stakeholder report tells each group the approved and shared stories
 * aimed at it or at one of its stakeholders.
 */
export const SuccessStorySchema = z.object(
  {
    id: recordId,
    date: dateSerial,
    title: requiredText(300),
    happened: optionalText(2000),
    kpiId: z.optional(z.string({ error: idRule }).check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: idRule }))),
    convinces: requiredText(500),
    status: z.enum(STORY_STATUSES, { error: `must be one of ${STORY_STATUSES.join(", ")}` }),
    sharedIn: optionalText(300),
  },
  { error: "must be a success story" },
);

export type SuccessStory = z.infer<typeof SuccessStorySchema>;

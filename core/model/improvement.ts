import * as z from "zod/mini";
import { optionalDate, optionalText, recordId } from "./fields";

export const IMPROVEMENT_STATUSES = ["Open", "In progress", "Done", "Dropped"] as const;

/**
 * One entry of the improvement log: a finding or piece of feedback, the decision taken, who owns
 * it and when, and the effect seen at the next evaluation; `prompt` links the KPI, evaluation
 * step, response or assessment row that prompted it by its id ("K-003", "E-002").
 */
export const ImprovementSchema = z.object(
  {
    id: recordId,
    date: optionalDate,
    finding: z
      .string({ error: "is required" })
      .check(z.minLength(1, { error: "is required" }), z.maxLength(1000)),
    prompt: z.optional(
      z.string({ error: "must be an id such as K-003" }).check(
        z.regex(/^[A-Za-z0-9_-]{1,40}$/, {
          error: "must be the id of a KPI, evaluation step, response or learner, such as K-003",
        }),
      ),
    ),
    decision: optionalText(1000),
    owner: optionalText(200),
    status: z.enum(IMPROVEMENT_STATUSES, { error: `must be one of ${IMPROVEMENT_STATUSES.join(", ")}` }),
    effect: optionalText(1000),
    effectDate: optionalDate,
  },
  { error: "must be an improvement" },
);

export type Improvement = z.infer<typeof ImprovementSchema>;

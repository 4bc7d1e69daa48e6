import * as z from "zod/mini";
import { recordId } from "./fields";

const scoreRule = "must be a score of 0 or more";
const score = z.optional(z.number({ error: scoreRule }).check(z.gte(0, { error: scoreRule })));

/** One learner's scores on the same assessment before and after a programme. */
export const AssessmentSchema = z.object(
  {
    id: recordId,
    learner: z
      .string({ error: "is required" })
      .check(
        z.minLength(1, { error: "is required" }),
        z.maxLength(200, { error: "must be at most 200 characters" }),
      ),
    group: z.optional(
      z
        .string({ error: "must be text" })
        .check(z.maxLength(200, { error: "must be at most 200 characters" })),
    ),
    pre: score,
    post: score,
  },
  { error: "must be a learner's scores" },
);

export type Assessment = z.infer<typeof AssessmentSchema>;

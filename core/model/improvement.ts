import * as z from "zod/mini";

export const IMPROVEMENT_STATUSES = ["Open", "In progress", "Done", "Dropped"] as const;

const textOf = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";
const date = z.optional(
  z.number({ error: dateRule }).check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule })),
);

/**
 * One entry of the improvement log: a finding or piece of feedback, the decision taken, who owns
 * it and when, and the effect seen at the next evaluation; `prompt` links the KPI, evaluation
 * step, response or assessment row that prompted it by its id ("K-003", "E-002").
 */
export const ImprovementSchema = z.object(
  {
    id: z
      .string({ error: "is required" })
      .check(
        z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'may hold only letters, digits, "-" and "_" (up to 40)' }),
      ),
    date,
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
    decision: textOf(1000),
    owner: textOf(200),
    status: z.enum(IMPROVEMENT_STATUSES, { error: `must be one of ${IMPROVEMENT_STATUSES.join(", ")}` }),
    effect: textOf(1000),
    effectDate: date,
  },
  { error: "must be an improvement" },
);

export type Improvement = z.infer<typeof ImprovementSchema>;

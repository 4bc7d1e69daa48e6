import * as z from "zod/mini";

const ratingRule = "must be a whole number from 0 to 10";
const textOf = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );
/** Date as a spreadsheet serial (1900 system). */
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";

/** One survey response: when, from which group, the rating, what they said and its theme. */
export const FeedbackSchema = z.object(
  {
    id: z
      .string({ error: "is required" })
      .check(
        z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'may hold only letters, digits, "-" and "_" (up to 40)' }),
      ),
    date: z.optional(
      z.number({ error: dateRule }).check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule })),
    ),
    group: textOf(200),
    rating: z.optional(
      z
        .number({ error: ratingRule })
        .check(
          z.int({ error: ratingRule }),
          z.gte(0, { error: ratingRule }),
          z.lte(10, { error: ratingRule }),
        ),
    ),
    comment: textOf(2000),
    theme: textOf(100),
  },
  { error: "must be a survey response" },
);

export type Feedback = z.infer<typeof FeedbackSchema>;

import * as z from "zod/mini";
import { optionalDate, optionalText, recordId } from "./fields";

const ratingRule = "must be a whole number from 0 to 10";
/** One survey response: when, from which group, the rating, what they said and its theme. */
export const FeedbackSchema = z.object(
  {
    id: recordId,
    date: optionalDate,
    group: optionalText(200),
    rating: z.optional(
      z
        .number({ error: ratingRule })
        .check(
          z.int({ error: ratingRule }),
          z.gte(0, { error: ratingRule }),
          z.lte(10, { error: ratingRule }),
        ),
    ),
    comment: optionalText(2000),
    theme: optionalText(100),
  },
  { error: "must be a survey response" },
);

export type Feedback = z.infer<typeof FeedbackSchema>;

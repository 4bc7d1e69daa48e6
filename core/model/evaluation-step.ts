import * as z from "zod/mini";
import { optionalDate, optionalText, recordId } from "./fields";

/** Phillips' chain of impact: level 0 (inputs) to 5 (ROI). */
export const CHAIN_LEVELS = [
  "0 Inputs",
  "1 Reaction",
  "2 Learning",
  "3 Application",
  "4 Impact",
  "5 ROI",
] as const;

/** How a level was measured. */
export const INSTRUMENTS = [
  "Survey",
  "Assessment",
  "Observation",
  "Performance data",
  "Interview",
  "Focus group",
  "Finance records",
] as const;

/** One level of a programme's evaluation: what was measured, how, from where, and what it showed. */
export const EvaluationStepSchema = z.object(
  {
    id: recordId,
    programme: z
      .string({ error: "is required" })
      .check(z.minLength(1, { error: "is required" }), z.maxLength(200)),
    level: z.enum(CHAIN_LEVELS, { error: `must be one of ${CHAIN_LEVELS.join(", ")}` }),
    measure: optionalText(200),
    instrument: z.optional(z.enum(INSTRUMENTS, { error: `must be one of ${INSTRUMENTS.join(", ")}` })),
    source: optionalText(200),
    result: optionalText(200),
    date: optionalDate,
  },
  { error: "must be an evaluation step" },
);

export type EvaluationStep = z.infer<typeof EvaluationStepSchema>;

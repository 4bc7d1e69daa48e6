import * as z from "zod/mini";

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

const textOf = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";

/** One level of a programme's evaluation: what was measured, how, from where, and what it showed. */
export const EvaluationStepSchema = z.object(
  {
    id: z
      .string({ error: "is required" })
      .check(
        z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'may hold only letters, digits, "-" and "_" (up to 40)' }),
      ),
    programme: z
      .string({ error: "is required" })
      .check(z.minLength(1, { error: "is required" }), z.maxLength(200)),
    level: z.enum(CHAIN_LEVELS, { error: `must be one of ${CHAIN_LEVELS.join(", ")}` }),
    measure: textOf(200),
    instrument: z.optional(z.enum(INSTRUMENTS, { error: `must be one of ${INSTRUMENTS.join(", ")}` })),
    source: textOf(200),
    result: textOf(200),
    date: z.optional(
      z.number({ error: dateRule }).check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule })),
    ),
  },
  { error: "must be an evaluation step" },
);

export type EvaluationStep = z.infer<typeof EvaluationStepSchema>;

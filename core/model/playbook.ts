import * as z from "zod/mini";

const idRule = 'may hold only letters, digits, "-" and "_" (up to 40)';
const id = z.string({ error: "is required" }).check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: idRule }));
const required = (max: number) =>
  z
    .string({ error: "is required" })
    .check(
      z.minLength(1, { error: "is required" }),
      z.maxLength(max, { error: `must be at most ${max} characters` }),
    );
const textOf = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );
const scoreRule = "must be a whole number from 1 to 5";
const score = z.optional(
  z
    .number({ error: scoreRule })
    .check(z.int({ error: scoreRule }), z.gte(1, { error: scoreRule }), z.lte(5, { error: scoreRule })),
);
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";
const date = z.optional(
  z.number({ error: dateRule }).check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule })),
);

export const QUICK_WIN_STATUSES = ["Idea", "Planned", "In progress", "Delivered", "Dropped"] as const;

/** A quick-win candidate (Kotter's short-term wins), scored with BUYIN.QUICKWIN. */
export const QuickWinSchema = z.object(
  {
    id,
    candidate: required(200),
    convinces: textOf(200),
    impact: score,
    visibility: score,
    confidence: z.optional(
      z
        .number({ error: "must be a share from 0 to 1" })
        .check(
          z.gte(0, { error: "must be a share from 0 to 1" }),
          z.lte(1, { error: "must be a share from 0 to 1" }),
        ),
    ),
    effort: score,
    days: z.optional(
      z
        .number({ error: "must be a whole number of days, 0 or more" })
        .check(
          z.int({ error: "must be a whole number of days, 0 or more" }),
          z.gte(0, { error: "must be a whole number of days, 0 or more" }),
        ),
    ),
    status: z.enum(QUICK_WIN_STATUSES, { error: `must be one of ${QUICK_WIN_STATUSES.join(", ")}` }),
  },
  { error: "must be a quick-win candidate" },
);
export type QuickWinCandidate = z.infer<typeof QuickWinSchema>;

export const CONCERN_TYPES = ["Budget", "Time", "Relevance", "Capacity", "Change fatigue", "Other"] as const;
export const SEVERITIES = ["Low", "Medium", "High"] as const;
export const MITIGATIONS = ["Extra resources", "Training", "Support", "Communication", "Other"] as const;
export const CONCERN_STATUSES = ["Open", "Answered", "Closed"] as const;

/** A concern or barrier a stakeholder or group raised, and how it is being answered. */
export const ConcernSchema = z.object(
  {
    id,
    stakeholder: required(200),
    concern: required(1000),
    type: z.optional(z.enum(CONCERN_TYPES, { error: `must be one of ${CONCERN_TYPES.join(", ")}` })),
    severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(", ")}` }),
    mitigation: z.optional(z.enum(MITIGATIONS, { error: `must be one of ${MITIGATIONS.join(", ")}` })),
    detail: textOf(1000),
    owner: textOf(200),
    due: date,
    status: z.enum(CONCERN_STATUSES, { error: `must be one of ${CONCERN_STATUSES.join(", ")}` }),
    communicated: date,
    how: textOf(200),
  },
  { error: "must be a concern" },
);
export type Concern = z.infer<typeof ConcernSchema>;

export const CHANNELS = ["Meeting", "Workshop", "Email", "Newsletter", "One-to-one"] as const;
export const CADENCES = ["Weekly", "Fortnightly", "Monthly", "Quarterly"] as const;

/** How and how often BuyIn's user keeps a stakeholder engaged, and when they last were in touch. */
export const EngagementPlanSchema = z.object(
  {
    id,
    name: textOf(200),
    channel: z.optional(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` })),
    owner: textOf(200),
    cadence: z.enum(CADENCES, { error: `must be one of ${CADENCES.join(", ")}` }),
    lastContact: date,
  },
  { error: "must be an engagement plan row" },
);
export type EngagementPlanRow = z.infer<typeof EngagementPlanSchema>;

/** A strategic goal of the organisation, with where it is written down. */
export const GoalSchema = z.object(
  { id, goal: required(300), source: textOf(300) },
  { error: "must be a goal" },
);
export type Goal = z.infer<typeof GoalSchema>;

/** An L&D objective, with the programmes that serve it. */
export const ObjectiveSchema = z.object(
  { id, objective: required(300), programmes: textOf(300) },
  { error: "must be an objective" },
);
export type Objective = z.infer<typeof ObjectiveSchema>;

const strengthRule = "must be a whole number from 0 (none) to 3 (strong)";
/** How strongly an objective supports a goal, 0–3. */
export const AlignmentSchema = z.object(
  {
    id,
    goal: id,
    objective: id,
    strength: z
      .number({ error: strengthRule })
      .check(
        z.int({ error: strengthRule }),
        z.gte(0, { error: strengthRule }),
        z.lte(3, { error: strengthRule }),
      ),
  },
  { error: "must be an alignment" },
);
export type Alignment = z.infer<typeof AlignmentSchema>;

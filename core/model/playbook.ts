import * as z from "zod/mini";
import { dateSerial, optionalDate, optionalText, recordId, requiredText } from "./fields";

const scoreRule = "must be a whole number from 1 to 5";
const score = z.optional(
  z
    .number({ error: scoreRule })
    .check(z.int({ error: scoreRule }), z.gte(1, { error: scoreRule }), z.lte(5, { error: scoreRule })),
);

export const QUICK_WIN_STATUSES = ["Idea", "Planned", "In progress", "Delivered", "Dropped"] as const;

/** A quick-win candidate (Kotter's short-term wins), scored with BUYIN.QUICKWIN. */
export const QuickWinSchema = z.object(
  {
    id: recordId,
    candidate: requiredText(200),
    convinces: optionalText(200),
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
    id: recordId,
    stakeholder: requiredText(200),
    concern: requiredText(1000),
    type: z.optional(z.enum(CONCERN_TYPES, { error: `must be one of ${CONCERN_TYPES.join(", ")}` })),
    severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(", ")}` }),
    mitigation: z.optional(z.enum(MITIGATIONS, { error: `must be one of ${MITIGATIONS.join(", ")}` })),
    detail: optionalText(1000),
    owner: optionalText(200),
    due: optionalDate,
    status: z.enum(CONCERN_STATUSES, { error: `must be one of ${CONCERN_STATUSES.join(", ")}` }),
    communicated: optionalDate,
    how: optionalText(200),
  },
  { error: "must be a concern" },
);
export type Concern = z.infer<typeof ConcernSchema>;

export const CHANNELS = ["Meeting", "Workshop", "Email", "Newsletter", "One-to-one"] as const;
export const CADENCES = ["Weekly", "Fortnightly", "Monthly", "Quarterly"] as const;

/** How and how often BuyIn's user keeps a stakeholder engaged, and when they last were in touch. */
export const EngagementPlanSchema = z.object(
  {
    id: recordId,
    name: optionalText(200),
    channel: z.optional(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` })),
    owner: optionalText(200),
    cadence: z.enum(CADENCES, { error: `must be one of ${CADENCES.join(", ")}` }),
    lastContact: optionalDate,
  },
  { error: "must be an engagement plan row" },
);
export type EngagementPlanRow = z.infer<typeof EngagementPlanSchema>;

/** A strategic goal of the organisation, with where it is written down. */
export const GoalSchema = z.object(
  { id: recordId, goal: requiredText(300), source: optionalText(300) },
  { error: "must be a goal" },
);
export type Goal = z.infer<typeof GoalSchema>;

/** An L&D objective, with the programmes that serve it. */
export const ObjectiveSchema = z.object(
  { id: recordId, objective: requiredText(300), programmes: optionalText(300) },
  { error: "must be an objective" },
);
export type Objective = z.infer<typeof ObjectiveSchema>;

const strengthRule = "must be a whole number from 0 (none) to 3 (strong)";
/** How strongly an objective supports a goal, 0–3. */
export const AlignmentSchema = z.object(
  {
    id: recordId,
    goal: recordId,
    objective: recordId,
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

export const FEEDBACK_STATUSES = ["Open", "In progress", "Done"] as const;
const sentimentRule = "must be a whole number from -2 (very negative) to +2 (very positive)";

/** What a stakeholder said, how they felt (−2..+2), and what is being done about it. */
export const StakeholderFeedbackSchema = z.object(
  {
    id: recordId,
    date: dateSerial,
    stakeholder: recordId,
    said: requiredText(1000),
    sentiment: z.optional(
      z
        .number({ error: sentimentRule })
        .check(
          z.int({ error: sentimentRule }),
          z.gte(-2, { error: sentimentRule }),
          z.lte(2, { error: sentimentRule }),
        ),
    ),
    action: optionalText(1000),
    status: z.enum(FEEDBACK_STATUSES, { error: `must be one of ${FEEDBACK_STATUSES.join(", ")}` }),
  },
  { error: "must be a feedback entry" },
);
export type StakeholderFeedback = z.infer<typeof StakeholderFeedbackSchema>;

export const MEETING_TYPES = ["Meeting", "Workshop", "One-to-one", "Steering group", "Other"] as const;

/** A meeting or workshop with stakeholders: who came, what was decided, what follows. */
export const MeetingSchema = z.object(
  {
    id: recordId,
    date: dateSerial,
    type: z.enum(MEETING_TYPES, { error: `must be one of ${MEETING_TYPES.join(", ")}` }),
    topic: optionalText(300),
    attendees: optionalText(1000),
    decisions: optionalText(2000),
    followUps: optionalText(2000),
  },
  { error: "must be a meeting" },
);
export type Meeting = z.infer<typeof MeetingSchema>;

/**
 * A champion, by their stakeholder ID: since when, the date they were given each thing to
 * advocate with (blank: not yet), and what they have done with it.
 */
export const ChampionSchema = z.object(
  {
    id: recordId,
    name: optionalText(200),
    since: optionalDate,
    briefing: optionalDate,
    data: optionalDate,
    demo: optionalDate,
    earlyAccess: optionalDate,
    activity: optionalText(1000),
    lastActive: optionalDate,
  },
  { error: "must be a champion" },
);
export type Champion = z.infer<typeof ChampionSchema>;

/** One time a champion was recognised: what, when, by whom. */
export const RecognitionSchema = z.object(
  {
    id: recordId,
    champion: recordId,
    date: dateSerial,
    what: requiredText(500),
    by: optionalText(200),
  },
  { error: "must be a recognition" },
);
export type Recognition = z.infer<typeof RecognitionSchema>;

export { type Assessment, AssessmentSchema } from "./assessment";
export { CHAIN_LEVELS, type EvaluationStep, EvaluationStepSchema, INSTRUMENTS } from "./evaluation-step";
export { type Feedback, FeedbackSchema } from "./feedback";
export { IMPROVEMENT_STATUSES, type Improvement, ImprovementSchema } from "./improvement";
export { actualField, EVALUATION_LEVELS, type Kpi, KpiSchema, MAX_KPI_PERIODS } from "./kpi";
export { parseStakeholderRows } from "./parse-stakeholders";
export {
  type Alignment,
  AlignmentSchema,
  CADENCES,
  CHANNELS,
  type Champion,
  ChampionSchema,
  CONCERN_STATUSES,
  CONCERN_TYPES,
  type Concern,
  ConcernSchema,
  type EngagementPlanRow,
  EngagementPlanSchema,
  FEEDBACK_STATUSES,
  type Goal,
  GoalSchema,
  MEETING_TYPES,
  type Meeting,
  MeetingSchema,
  MITIGATIONS,
  type Objective,
  ObjectiveSchema,
  QUICK_WIN_STATUSES,
  type QuickWinCandidate,
  QuickWinSchema,
  type Recognition,
  RecognitionSchema,
  SEVERITIES,
  type StakeholderFeedback,
  StakeholderFeedbackSchema,
} from "./playbook";
export { type ReportAudience, ReportAudienceSchema } from "./report-audience";
export { type ReportLine, ReportLineSchema } from "./report-line";
export {
  AUDIENCES,
  type BudgetLine,
  BudgetLineSchema,
  FREQUENCIES,
  type Milestone,
  MilestoneSchema,
  OFFER_FORMATS,
  REACHED,
  SUPPORT_TYPES,
  type SupportSystem,
  SupportSystemSchema,
  type TrainingOffer,
  TrainingOfferSchema,
} from "./resources";
export { STAKEHOLDER_ID, type Stakeholder, StakeholderSchema } from "./stakeholder";
export { STORY_STATUSES, type SuccessStory, SuccessStorySchema } from "./success-story";

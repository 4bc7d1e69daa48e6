export * from "./a1";
export { anchorName } from "./anchor";
export {
  ASSESSMENT_REGISTER,
  type AssessmentOptions,
  assessmentAnalysis,
  assessmentPlans,
} from "./assessment-register";
export {
  type Assumption,
  type AssumptionsSheet,
  type AssumptionTable,
  assumptionsPlan,
  changeSettings,
  type SettingChange,
} from "./assumptions-sheet";
export {
  CHAMPIONS,
  type ChampionOptions,
  championPlans,
  RECOGNISE_WITHIN_DAYS,
  RECOGNITION_LOG,
  recognitionPlans,
} from "./champions";
export { concernEntries } from "./concern-entries";
export { isBuyInsRule, placeChart, resolveConditionalFormats, type TablePlace } from "./conditional-formats";
export { FEEDBACK_LOG, feedbackLogPlans, MEETINGS, meetingPlans } from "./engagement-logs";
export {
  CADENCE_DAYS,
  ENGAGEMENT_PLAN,
  type EngagementPlanOptions,
  engagementPlanPlans,
  engagementPlanRow,
} from "./engagement-plan";
export {
  EVALUATION_CHAIN,
  type EvaluationChainOptions,
  evaluationChainPlans,
  type LinkedCase,
  missingLevels,
} from "./evaluation-chain";
export {
  FEEDBACK_REGISTER,
  type FeedbackOptions,
  type FeedbackSummary,
  feedbackPlans,
  feedbackSummary,
} from "./feedback-register";
export { contentFingerprint } from "./fingerprint";
export { ALIGNMENT, coverage, GOALS, goalAlignmentPlans, OBJECTIVES } from "./goal-alignment";
export { cellInput, formulaInput, type HostInput, textInput } from "./host-input";
export { IMPROVEMENT_LOG, improvementLogPlans } from "./improvement-log";
export { DEFAULT_PERIODS, type KpiTrackerOptions, kpiRegister, kpiTrackerPlans } from "./kpi-register";
export { CONCERN_KIND } from "./playbook-names";
export {
  CONCERNS,
  type ConcernOptions,
  concernPlans,
  QUICK_WINS,
  type QuickWinOptions,
  quickWinPlans,
} from "./playbook-registers";
export * from "./port";
export type { CheckedDrafts, Draft, DraftKit } from "./register-drafts";
export {
  type ColumnType,
  defineRegister,
  type InputColumn,
  type OutputColumn,
  type Register,
  type RegisterColumn,
  type RegisterDeclaration,
} from "./register-kit";
export type { ParsedRegister, RegisterRows, RowProblem } from "./register-parse";
export {
  listItems,
  measuresOf,
  REPORT_AUDIENCES,
  type ReportRegisterOptions,
  reportAudiencePlans,
  SUCCESS_STORIES,
  successStoryPlans,
} from "./report-registers";
export * from "./resolve";
export { COMPACT_AFTER_RUNS } from "./resolve-table";
export {
  BUDGET,
  BUDGET_FLAGS,
  type BudgetOptions,
  budgetPlans,
  caseCostFor,
  MILESTONES,
  milestonePlans,
  NOT_ANNOUNCED,
  OVER_CAPACITY,
  SUPPORT_SYSTEMS,
  supportSystemPlans,
  TRAINING_OFFERS,
  trainingOfferPlans,
} from "./resource-registers";
export type * from "./sheet-plan";
export { shiftFormula } from "./shift-formula";
export { STAKEHOLDER_INPUTS, STAKEHOLDER_REGISTER } from "./stakeholder-columns";
export {
  MAP_KIND,
  QUADRANT_COLOURS,
  REGISTER_KIND,
  SETTINGS_KIND,
  type StakeholderMapOptions,
  stakeholderMap,
} from "./stakeholder-map";
export {
  REPORT_REGISTER,
  type ReportRequest,
  reportLines,
  reportPlans,
  storiesFor,
} from "./stakeholder-report";
export { START_HERE_CHECKS, START_HERE_KIND, type StartHereCheck, startHerePlan } from "./start-here";
export { STATE_KIND, STATE_TITLE } from "./state-sheet";
export { resolveTarget } from "./target";
export { toolkitPlans } from "./toolkit";

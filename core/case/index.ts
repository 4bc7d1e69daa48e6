export { addMonths } from "./add-months";
export { type BenefitYears, benefitByYear } from "./benefit-by-year";
export { type BusinessCaseResult, businessCase } from "./business-case";
export {
  BUSINESS_CASE_KIND,
  businessCasePlans,
  CASE_LAYOUT,
  CASE_OUTPUTS,
  CASE_SETTINGS_KIND,
  type CaseOutput,
  EVIDENCE_NEEDED,
  programmeAssumptions,
  SCENARIO_OUTPUTS,
} from "./business-case-plans";
export { CASE_CHECKS, type CaseCheck } from "./case-checks";
export { CASE_SCENARIOS, type CaseScenario, type DriverMultipliers, scenarioInputs } from "./case-scenarios";
export { caseSensitivity, type DriverSensitivity, SENSITIVITY_SWING } from "./case-sensitivity";
export {
  type CaseSimulation,
  caseSimulation,
  DEFAULT_SIMULATION_SCENARIOS,
  type HistogramBin,
  SIMULATION_BINS,
  type SimulationScenarios,
} from "./case-simulation";
export {
  CASE_SUMMARY_KIND,
  caseSummaryPlan,
  SIMULATION_LABELS,
  SIMULATION_NOT_SHOWN,
  SUMMARY_LIMITS,
  summaryLayout,
} from "./case-summary";
export { businessCaseWarnings, type CaseWarning, type CaseWarningKind } from "./case-warnings";
export { checkBusinessCase, type InputProblem } from "./check-inputs";
export { costByYear } from "./cost-by-year";
export {
  DRIVER_LABELS,
  driverInputs,
  SENSITIVITY_DRIVERS,
  type SensitivityDriver,
} from "./driver-inputs";
export {
  type CaseEvidence,
  CaseEvidenceSchema,
  CREDIBILITY_SCALE,
  EVIDENCE_BENEFIT_FIELDS,
  EVIDENCE_REGISTER,
  EVIDENCE_SETTINGS_KIND,
  EVIDENCE_SETTINGS_LAYOUT,
  EVIDENCE_SOURCES,
  type EvidenceOptions,
  type EvidenceSource,
  evidencePlans,
  LOW_CREDIBILITY,
  STALE_MONTHS,
} from "./evidence-register";
export {
  type BenefitStream,
  BenefitStreamSchema,
  type BusinessCaseInputs,
  BusinessCaseInputsSchema,
  COST_CATEGORIES,
  COST_TIMINGS,
  type CostCategory,
  type CostLine,
  CostLineSchema,
  type CostTiming,
  type Intangible,
  IntangibleSchema,
  LEARNER_TIME,
  MAX_HORIZON,
  type Programme,
  ProgrammeSchema,
} from "./inputs";
export { BENEFIT_LABELS, COST_LABELS, INTANGIBLE_LABELS, PROGRAMME_LABELS } from "./labels";
export { learnerTimeCost } from "./learner-time-cost";
export { MINSTD_MODULUS, minstdRandom } from "./minstd-random";
export { percentileInc } from "./percentile-inc";
export { quickAccepts } from "./quick-rules";
export { rampShare } from "./ramp-share";
export { BENEFIT_REGISTER, type CaseRegisterOptions, COST_REGISTER, INTANGIBLE_REGISTER } from "./registers";
export { MAX_RUNS, MIN_RUNS, type RoiSimulation, roiSimulation } from "./roi-simulation";
export { roiSummary } from "./roi-summary";
export { SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE } from "./sample";
export {
  SIMULATION_HEADING,
  SIMULATION_NOT_RUN,
  SIMULATION_ROWS,
  SIMULATION_STALE,
  type SimulationRecord,
  simulationBlock,
} from "./simulation-block";
export { triangularQuantile } from "./triangular-quantile";

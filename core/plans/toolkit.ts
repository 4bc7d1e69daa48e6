/**
 * The whole toolkit as one list of plans, in the order they are written: the "Start here" sheet,
 * the stakeholder map, the business case, the evaluation registers and the playbook. One `applyAll` of it builds the
 * workbook (issue 12, item 7); the .xlsx files and the LibreOffice test are built from it too.
 */

import { businessCase } from "../case/business-case";
import { businessCasePlans } from "../case/business-case-plans";
import type { BusinessCaseInputs } from "../case/inputs";
import { SAMPLE_BUSINESS_CASE, SAMPLE_CASE_EVIDENCE } from "../case/sample";
import type { Stakeholder } from "../model/stakeholder";
import {
  SAMPLE_ASSESSMENT,
  SAMPLE_EVALUATION_CHAIN,
  SAMPLE_FEEDBACK,
  SAMPLE_IMPROVEMENTS,
  SAMPLE_KPI_PERIODS,
  SAMPLE_KPIS,
  SAMPLE_REPORT_AUDIENCES,
  SAMPLE_SUCCESS_STORIES,
  sampleIssuedReports,
} from "../samples/evaluation";
import {
  SAMPLE_ALIGNMENT,
  SAMPLE_BUDGET,
  SAMPLE_CHAMPIONS,
  SAMPLE_CONCERNS,
  SAMPLE_ENGAGEMENT_PLAN,
  SAMPLE_FEEDBACK_LOG,
  SAMPLE_GOALS,
  SAMPLE_MEETINGS,
  SAMPLE_MILESTONES,
  SAMPLE_OBJECTIVES,
  SAMPLE_QUICK_WINS,
  SAMPLE_RECOGNITION,
  SAMPLE_SUPPORT_SYSTEMS,
  SAMPLE_TRAINING_OFFERS,
} from "../samples/playbook";
import { assessmentPlans } from "./assessment-register";
import { championPlans, recognitionPlans } from "./champions";
import { feedbackLogPlans, meetingPlans } from "./engagement-logs";
import { engagementPlanPlans } from "./engagement-plan";
import { evaluationChainPlans } from "./evaluation-chain";
import { feedbackPlans } from "./feedback-register";
import { goalAlignmentPlans } from "./goal-alignment";
import { improvementLogPlans } from "./improvement-log";
import { kpiTrackerPlans } from "./kpi-register";
import { concernPlans, quickWinPlans } from "./playbook-registers";
import { reportAudiencePlans, successStoryPlans } from "./report-registers";
import { budgetPlans, milestonePlans, supportSystemPlans, trainingOfferPlans } from "./resource-registers";
import type { SheetPlan } from "./sheet-plan";
import { stakeholderMap } from "./stakeholder-map";
import { reportPlans } from "./stakeholder-report";
import { startHerePlan } from "./start-here";

/**
 * The toolkit's plans: with `sample`, the embedded sample's programme in every sheet; without,
 * the same sheets empty (the business case needs its inputs, so it is left out). `today` is the
 * serial TODAY() shows as the plans are written, for the overdue flags' expected values.
 */
export function toolkitPlans(
  stakeholders: readonly Stakeholder[],
  sample: boolean,
  today?: number,
): SheetPlan[] {
  const businessCaseInputs: BusinessCaseInputs | undefined = sample ? SAMPLE_BUSINESS_CASE : undefined;
  const issued = sample ? sampleIssuedReports() : [];
  const periods = [...SAMPLE_KPI_PERIODS];
  const linkedCase = businessCaseInputs
    ? { programme: businessCaseInputs.programme.name, roi: businessCase(businessCaseInputs).roi }
    : undefined;
  // The Stakeholders sheet reads the concerns and the feedback log by name; its expected values need them.
  const concerns = sample ? SAMPLE_CONCERNS : [];
  const feedback = sample ? SAMPLE_FEEDBACK_LOG : [];
  const plans = [
    ...stakeholderMap(stakeholders, { concerns, feedback }),
    ...(businessCaseInputs
      ? businessCasePlans(businessCaseInputs, { evidence: SAMPLE_CASE_EVIDENCE, today })
      : []),
    ...kpiTrackerPlans(sample ? SAMPLE_KPIS : [], { periods }),
    ...assessmentPlans(sample ? SAMPLE_ASSESSMENT : []),
    ...feedbackPlans(sample ? SAMPLE_FEEDBACK : []),
    ...evaluationChainPlans(sample ? SAMPLE_EVALUATION_CHAIN : [], linkedCase),
    ...reportAudiencePlans(sample ? SAMPLE_REPORT_AUDIENCES : []),
    ...reportPlans({
      date: Math.max(1, ...issued.map((line) => line.date)),
      kpis: [],
      audiences: [],
      issued,
    }),
    ...improvementLogPlans(sample ? SAMPLE_IMPROVEMENTS : []),
    ...goalAlignmentPlans(
      sample ? SAMPLE_GOALS : [],
      sample ? SAMPLE_OBJECTIVES : [],
      sample ? SAMPLE_ALIGNMENT : [],
    ),
    ...engagementPlanPlans(sample ? SAMPLE_ENGAGEMENT_PLAN : [], { today }),
    ...quickWinPlans(sample ? SAMPLE_QUICK_WINS : []),
    ...successStoryPlans(sample ? SAMPLE_SUCCESS_STORIES : []),
    ...concernPlans(concerns, { today }),
    ...feedbackLogPlans(feedback),
    ...meetingPlans(sample ? SAMPLE_MEETINGS : []),
    ...championPlans(sample ? SAMPLE_CHAMPIONS : [], {
      today,
      stakeholders,
      stakeholderOptions: { concerns, feedback },
      recognitions: sample ? SAMPLE_RECOGNITION : [],
    }),
    ...recognitionPlans(sample ? SAMPLE_RECOGNITION : []),
    ...milestonePlans(sample ? SAMPLE_MILESTONES : []),
    ...budgetPlans(
      sample ? SAMPLE_BUDGET : [],
      businessCaseInputs
        ? { caseCosts: businessCaseInputs.costs, horizonYears: businessCaseInputs.programme.horizonYears }
        : {},
    ),
    ...trainingOfferPlans(sample ? SAMPLE_TRAINING_OFFERS : []),
    ...supportSystemPlans(sample ? SAMPLE_SUPPORT_SYSTEMS : []),
  ];
  return [startHerePlan(plans), ...plans];
}

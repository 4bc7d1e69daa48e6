/**
 * The preview's embedded sample: the stakeholders of a realistic L&D programme, a first-line
 * manager academy at a mid-sized logistics company, and its evaluation sheets (core/samples).
 */
import {
  assessmentPlans,
  evaluationChainPlans,
  feedbackPlans,
  improvementLogPlans,
  kpiTrackerPlans,
  reportPlans,
  SAMPLE_ASSESSMENT,
  SAMPLE_EVALUATION_CHAIN,
  SAMPLE_FEEDBACK,
  SAMPLE_IMPROVEMENTS,
  SAMPLE_KPI_PERIODS,
  SAMPLE_KPIS,
  type SheetPlan,
  type Stakeholder,
  sampleIssuedReports,
} from "../../core/index";

type Row = [
  string,
  string,
  string,
  number,
  number,
  number,
  Stakeholder["currentEngagement"],
  Stakeholder["desiredEngagement"],
  string,
  string,
];

const ROWS: readonly Row[] = [
  [
    "Priya Raman",
    "Chief Operating Officer",
    "Executive",
    5,
    4,
    5,
    "Supportive",
    "Leading",
    "Fewer missed delivery slots",
    "Ops time off the floor",
  ],
  [
    "Marcus Webb",
    "CFO",
    "Executive",
    5,
    2,
    5,
    "Neutral",
    "Supportive",
    "Payback inside 18 months",
    "Unproven ROI",
  ],
  ["Elena Duarte", "HR Director", "People", 4, 5, 4, "Leading", "Leading", "Manager retention", ""],
  [
    "Tom Okafor",
    "Regional Ops Manager, North",
    "Operations",
    4,
    4,
    4,
    "Resistant",
    "Supportive",
    "Peak-season cover",
    "Shift gaps during training",
  ],
  [
    "Hannah Lindqvist",
    "Regional Ops Manager, South",
    "Operations",
    4,
    3,
    3,
    "Neutral",
    "Supportive",
    "Team engagement scores",
    "",
  ],
  [
    "Dev Patel",
    "Head of Finance Business Partnering",
    "Finance",
    3,
    2,
    4,
    "Neutral",
    "Supportive",
    "Auditable cost model",
    "Participant time costing",
  ],
  ["Grace Kim", "L&D Lead", "People", 3, 5, 3, "Leading", "Leading", "Programme completion", ""],
  [
    "Samuel Adeyemi",
    "Union Representative",
    "Employee voice",
    3,
    4,
    4,
    "Resistant",
    "Neutral",
    "Fair selection of participants",
    "Workload of trainees",
  ],
  [
    "Lucy Brennan",
    "Site Manager, Leeds",
    "Operations",
    2,
    4,
    3,
    "Supportive",
    "Leading",
    "New supervisors' confidence",
    "",
  ],
  [
    "Oliver Grant",
    "Site Manager, Bristol",
    "Operations",
    2,
    2,
    2,
    "Unaware",
    "Neutral",
    "Overtime budget",
    "Not consulted",
  ],
  [
    "Aisha Noor",
    "Internal Comms Manager",
    "Communications",
    2,
    3,
    3,
    "Neutral",
    "Supportive",
    "Success stories",
    "",
  ],
  [
    "Ben Carter",
    "IT Service Owner (LMS)",
    "Technology",
    2,
    1,
    2,
    "Unaware",
    "Neutral",
    "LMS licence count",
    "Single sign-on work",
  ],
  [
    "Maya Fischer",
    "Participant cohort rep",
    "Participants",
    1,
    5,
    2,
    "Supportive",
    "Leading",
    "Career path",
    "Assessment anxiety",
  ],
  ["James O'Neill", "Procurement Lead", "Finance", 3, 1, 2, "Neutral", "Neutral", "Vendor terms", ""],
  [
    "Zoe Martin",
    "Customer Service Director",
    "Executive",
    4,
    2,
    4,
    "Neutral",
    "Supportive",
    "Complaint volumes",
    "Pulls agents off phones",
  ],
];

const FIELDS = [
  "name",
  "role",
  "group",
  "power",
  "interest",
  "influence",
  "currentEngagement",
  "desiredEngagement",
  "caresAbout",
  "concerns",
] as const;

/**
 * Legitimacy and urgency (1–5) for each row above, in order, so the Salience column shows every
 * class the sample can: the COO definitive, the CFO dominant, procurement dangerous, the
 * participants' rep dependent, IT demanding, a site manager discretionary.
 */
const LEGITIMACY_URGENCY: readonly (readonly [number, number])[] = [
  [5, 4],
  [5, 2],
  [5, 4],
  [3, 5],
  [4, 2],
  [4, 2],
  [5, 3],
  [3, 5],
  [4, 3],
  [3, 1],
  [3, 1],
  [2, 4],
  [4, 4],
  [2, 4],
  [3, 2],
];

export const SAMPLE_STAKEHOLDERS: readonly Stakeholder[] = ROWS.map((row, index) => ({
  id: `S-${String(index + 1).padStart(3, "0")}`,
  ...(Object.fromEntries(FIELDS.map((field, column) => [field, row[column]])) as Pick<
    Stakeholder,
    (typeof FIELDS)[number]
  >),
  legitimacy: LEGITIMACY_URGENCY[index]?.[0] as number,
  urgency: LEGITIMACY_URGENCY[index]?.[1] as number,
  owner: index % 3 === 0 ? "Grace Kim" : "L&D team",
  lastContact: 46300 + ((index * 7) % 40),
  nextContact: 46345 + ((index * 5) % 30),
}));

/**
 * The sample's evaluation sheets, as the core's registers write them: the KPI tracker, the pre/post
 * assessment, feedback, the evaluation chain, the improvement log, and the Report sheet holding the
 * two reports already issued (dated the later of them, so it adds no new section).
 */
export function sampleEvaluationPlans(): SheetPlan[] {
  const issued = sampleIssuedReports();
  return [
    ...kpiTrackerPlans(SAMPLE_KPIS, { periods: [...SAMPLE_KPI_PERIODS] }),
    ...assessmentPlans(SAMPLE_ASSESSMENT),
    ...feedbackPlans(SAMPLE_FEEDBACK),
    ...evaluationChainPlans(SAMPLE_EVALUATION_CHAIN),
    ...improvementLogPlans(SAMPLE_IMPROVEMENTS),
    ...reportPlans({ date: Math.max(...issued.map((line) => line.date)), kpis: [], audiences: [], issued }),
  ];
}

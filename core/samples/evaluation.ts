/**
 * The embedded sample's evaluation data, for the preview and the tests: the first-line manager
 * academy at a mid-sized logistics company (ui/preview/sample.ts holds its stakeholders). Numbers
 * are invented but plausible: a 12-week programme for 48 new team leaders, measured quarterly.
 */
import { isoDateToSerial } from "../dates";
import type { Assessment } from "../model/assessment";
import type { EvaluationStep } from "../model/evaluation-step";
import type { Feedback } from "../model/feedback";
import type { Improvement } from "../model/improvement";
import type { Kpi } from "../model/kpi";
import type { ReportAudience } from "../model/report-audience";
import type { ReportLine } from "../model/report-line";
import type { SuccessStory } from "../model/success-story";
import { reportLines } from "../plans/stakeholder-report";

const date = (iso: string) => isoDateToSerial(iso) as number;

export const SAMPLE_KPI_PERIODS = ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"] as const;

export const SAMPLE_KPIS: readonly Kpi[] = [
  {
    id: "K-001",
    kpi: "Academy completion rate",
    programme: "First-line Manager Academy",
    owner: "L&D lead",
    level: "1 Reaction",
    unit: "%",
    target: 0.9,
    direction: "up",
    actual1: 0.58,
    actual2: 0.74,
    actual3: 0.86,
  },
  {
    id: "K-002",
    kpi: "Participant satisfaction (top-2-box)",
    programme: "First-line Manager Academy",
    owner: "L&D lead",
    level: "1 Reaction",
    unit: "%",
    target: 0.8,
    direction: "up",
    actual1: 0.71,
    actual2: 0.78,
    actual3: 0.83,
  },
  {
    id: "K-003",
    kpi: "Assessment score",
    programme: "First-line Manager Academy",
    owner: "Academy faculty",
    level: "2 Learning",
    unit: "points of 100",
    baseline: 56,
    target: 75,
    direction: "up",
    actual2: 68,
    actual3: 73,
  },
  {
    id: "K-004",
    kpi: "Missed delivery slots per site per week",
    programme: "First-line Manager Academy",
    owner: "Regional Ops Managers",
    level: "4 Impact",
    unit: "slots",
    baseline: 14,
    target: 10,
    direction: "down",
    actual1: 14,
    actual2: 12.5,
    actual3: 10.9,
  },
  {
    id: "K-005",
    kpi: "Team-leader attrition (annualized)",
    programme: "First-line Manager Academy",
    owner: "HR business partner",
    level: "4 Impact",
    unit: "%",
    baseline: 0.21,
    target: 0.15,
    direction: "down",
    actual1: 0.21,
    actual2: 0.19,
    actual3: 0.18,
  },
];

/** Pre and post scores (of 100) for twelve of the 48 learners; one missed the post-test. */
export const SAMPLE_ASSESSMENT: readonly Assessment[] = (
  [
    ["Amir Haddad", "North", 52, 71],
    ["Beth Collins", "North", 61, 78],
    ["Carlos Mendes", "North", 47, 69],
    ["Dana Whitfield", "North", 58, 64],
    ["Eitan Levi", "South", 66, 80],
    ["Fiona Shaw", "South", 55, 74],
    ["Gareth Price", "South", 49, 66],
    ["Hui Chen", "South", 63, 77],
    ["Ines Barros", "Leeds", 57, 73],
    ["Jonas Weber", "Leeds", 44, 62],
    ["Kemi Adebayo", "Bristol", 60, 79],
    ["Liam Doyle", "Bristol", 54, undefined],
  ] as const
).map(([learner, group, pre, post], index) => ({
  id: `L-${String(index + 1).padStart(3, "0")}`,
  learner,
  group,
  pre,
  post,
}));

/** End-of-module survey responses, 1–5, with themes from the comments. */
export const SAMPLE_FEEDBACK: readonly Feedback[] = (
  [
    ["2026-03-27", "Participants", 4, "Role-plays felt real; want more on rota conflicts", "Relevance"],
    ["2026-03-27", "Participants", 5, "Coaching module changed how I run huddles", "Relevance"],
    ["2026-03-27", "Participants", 3, "Too much in one day for night-shift leads", "Pace"],
    ["2026-06-26", "Participants", 4, "Better pacing after the split sessions", "Pace"],
    ["2026-06-26", "Participants", 5, "", "Relevance"],
    ["2026-06-26", "Operations", 4, "Fewer escalations from my new leads", "Impact"],
    ["2026-06-26", "Operations", 2, "Cover for the floor was hard to arrange", "Time off the floor"],
    ["2026-09-25", "Operations", 4, "Slot misses down at Leeds", "Impact"],
    ["2026-09-25", "Employee voice", 3, "Good, but make sure shift workers get equal access", "Access"],
    ["2026-09-25", "Participants", 5, "The LMS app finally works on handhelds", "Tools"],
  ] as const
).map(([day, group, rating, comment, theme], index) => ({
  id: `F-${String(index + 1).padStart(3, "0")}`,
  date: date(day),
  group,
  rating,
  comment: comment || undefined,
  theme,
}));

const ACADEMY = "First-line Manager Academy";
/** The academy's chain of impact: every level measured but ROI, which waits for the business case. */
export const SAMPLE_EVALUATION_CHAIN: readonly EvaluationStep[] = (
  [
    ["0 Inputs", "Learners enrolled, hours", "Finance records", "LMS", "48 learners, 36 h each"],
    ["1 Reaction", "Top-2-box satisfaction", "Survey", "End-of-module survey", "83%"],
    ["2 Learning", "Pre/post assessment", "Assessment", "Academy faculty", "+16.5 points, Hake gain 0.37"],
    ["3 Application", "Coaching huddles run weekly", "Observation", "Site managers", "31 of 44 leads"],
    ["4 Impact", "Missed delivery slots", "Performance data", "Ops dashboard", "−22% vs baseline"],
    ["5 ROI", "ROI of the academy", "Finance records", "Business case", ""],
  ] as const
).map(([level, measure, instrument, source, result], index) => ({
  id: `E-${String(index + 1).padStart(3, "0")}`,
  programme: ACADEMY,
  level,
  measure,
  instrument,
  source,
  result: result || undefined,
  date: date("2026-09-30"),
}));

export const SAMPLE_IMPROVEMENTS: readonly Improvement[] = [
  {
    id: "I-001",
    date: date("2026-04-02"),
    finding: "Night-shift leads found day 3 too long",
    prompt: "F-003",
    decision: "Split day 3 into two half-day sessions",
    owner: "L&D lead",
    status: "Done",
    effect: "Pace comments turned positive in the June survey",
    effectDate: date("2026-06-26"),
  },
  {
    id: "I-002",
    date: date("2026-07-01"),
    finding: "Floor cover blocks attendance at busy sites",
    prompt: "F-007",
    decision: "Agree a cover rota with Regional Ops Managers",
    owner: "Tom Okafor",
    status: "In progress",
  },
];

/** What each stakeholder group is shown in its report: the measures it cares about, in order. */
export const SAMPLE_REPORT_AUDIENCES: readonly ReportAudience[] = [
  { id: "A-001", group: "Executive", kpis: "K-004, K-005", recipients: "S-001, S-002, S-015" },
  { id: "A-002", group: "Finance", kpis: "K-004, K-005, K-001", recipients: "S-006" },
  { id: "A-003", group: "Operations", kpis: "K-004, K-003", recipients: "S-004, S-005" },
  { id: "A-004", group: "Participants", kpis: "K-002, K-003", recipients: "S-013" },
];

/**
 * Success stories: three told in the issued reports, one approved since for the CFO (S-002, of
 * the Executive group), and a draft no report tells yet.
 */
export const SAMPLE_SUCCESS_STORIES: readonly SuccessStory[] = [
  {
    id: "ST-001",
    date: date("2026-06-12"),
    title: "Leeds cut missed slots by a fifth after its leads began daily huddles.",
    happened:
      "Lucy Brennan's four new leads started a ten-minute huddle at each shift change in May; missed slots at Leeds fell from 15 to 12 a week.",
    kpiId: "K-004",
    convinces: "Operations",
    status: "Shared",
    sharedIn: "Ops weekly call, 2026-06-15",
  },
  {
    id: "ST-002",
    date: date("2026-09-08"),
    title: "Attrition among new leads is down three points: 6 fewer replacements this year.",
    happened: "HR's leaver data for the academy's first two cohorts against the two years before it.",
    kpiId: "K-005",
    convinces: "Finance",
    status: "Approved",
  },
  {
    id: "ST-003",
    date: date("2026-09-19"),
    title: "Kemi Adebayo's team won the Q3 service award.",
    happened: "Bristol's customer-service award went to a team led by a graduate of the first cohort.",
    convinces: "Participants; S-013",
    status: "Shared",
    sharedIn: "Intranet news, 2026-09-22",
  },
  {
    id: "ST-004",
    date: date("2026-10-14"),
    title: "The academy paid for itself at North in nine months, on Finance's own cost model.",
    kpiId: "K-004",
    convinces: "S-002",
    status: "Approved",
  },
  {
    id: "ST-005",
    date: date("2026-11-03"),
    title: "Night-shift leads now finish the academy as often as day-shift leads.",
    kpiId: "K-001",
    convinces: "Employee voice, Participants",
    status: "Draft",
  },
];

/** The KPIs as they stood at the end of a quarter (periods measured so far). */
const asOfQuarter = (quarters: number): Kpi[] =>
  SAMPLE_KPIS.map((kpi) => {
    const copy: Kpi = { ...kpi };
    for (let index = quarters; index < SAMPLE_KPI_PERIODS.length; index++) delete copy[`actual${index + 1}`];
    return copy;
  });

/** Two reports already issued, at the end of Q2 and Q3 2026. */
export function sampleIssuedReports(): ReportLine[] {
  const second = reportLines({
    date: date("2026-06-30"),
    kpis: asOfQuarter(2),
    audiences: SAMPLE_REPORT_AUDIENCES,
    stories: SAMPLE_SUCCESS_STORIES,
    issued: [],
  });
  return reportLines({
    date: date("2026-09-30"),
    kpis: asOfQuarter(3),
    audiences: SAMPLE_REPORT_AUDIENCES,
    stories: SAMPLE_SUCCESS_STORIES,
    issued: second,
  });
}

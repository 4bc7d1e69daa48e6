/**
 * The embedded sample's playbook data (issue 12): quick wins, concerns, the engagement plan, goal
 * alignment, the feedback and meetings logs, champions and their recognition, the budget, training
 * offers, support systems and milestones, for the first-line manager academy (ui/preview/sample.ts
 * holds its stakeholders: every ID here is one of theirs, with their name). Invented but plausible.
 */
import { isoDateToSerial } from "../dates";
import type {
  Alignment,
  Champion,
  Concern,
  EngagementPlanRow,
  Goal,
  Meeting,
  Objective,
  QuickWinCandidate,
  Recognition,
  StakeholderFeedback,
} from "../model/playbook";
import type { BudgetLine, Milestone, SupportSystem, TrainingOffer } from "../model/resources";

const date = (iso: string) => isoDateToSerial(iso) as number;

export const SAMPLE_QUICK_WINS: readonly QuickWinCandidate[] = [
  {
    id: "Q-001",
    candidate: "Daily huddle card for new leads",
    convinces: "Operations",
    impact: 4,
    visibility: 5,
    confidence: 0.8,
    effort: 1,
    days: 14,
    status: "Delivered",
  },
  {
    id: "Q-002",
    candidate: "Missed-slot dashboard per site",
    convinces: "Executive",
    impact: 5,
    visibility: 5,
    confidence: 0.7,
    effort: 3,
    days: 45,
    status: "In progress",
  },
  {
    id: "Q-003",
    candidate: "Coaching circle for Bristol leads",
    convinces: "Participants",
    impact: 3,
    visibility: 3,
    confidence: 0.9,
    effort: 2,
    days: 30,
    status: "Planned",
  },
  {
    id: "Q-004",
    candidate: "Attrition cost briefing for Finance",
    convinces: "Finance",
    impact: 4,
    visibility: 4,
    confidence: 0.6,
    effort: 2,
    days: 120,
    status: "Idea",
  },
];

export const SAMPLE_CONCERNS: readonly Concern[] = [
  {
    id: "C-001",
    stakeholder: "S-004",
    concern: "Leads off the floor during peak weeks",
    type: "Time",
    severity: "High",
    mitigation: "Extra resources",
    detail: "Cover rota agreed with ops",
    owner: "L&D lead",
    due: date("2026-07-15"),
    status: "Answered",
    communicated: date("2026-07-10"),
    how: "Ops review",
  },
  {
    id: "C-002",
    stakeholder: "Finance",
    concern: "Benefits double-counted with the WMS upgrade",
    type: "Budget",
    severity: "Medium",
    mitigation: "Communication",
    detail: "Attribution agreed at 50%",
    owner: "L&D lead",
    due: date("2026-10-31"),
    status: "Open",
  },
  {
    id: "C-003",
    stakeholder: "S-008",
    concern: "Night shift has less access to sessions",
    type: "Capacity",
    severity: "High",
    mitigation: "Support",
    detail: "Evening cohort and recordings",
    owner: "L&D lead",
    due: date("2026-09-30"),
    status: "Open",
  },
  {
    id: "C-004",
    stakeholder: "S-007",
    concern: "Coaching time is not in the leads' objectives",
    type: "Time",
    severity: "High",
    mitigation: "Support",
    detail: "Add coaching hours to the 2027 objectives",
    owner: "HR business partner",
    due: date("2026-12-15"),
    status: "Open",
  },
];

export const SAMPLE_ENGAGEMENT_PLAN: readonly EngagementPlanRow[] = [
  {
    id: "S-001",
    name: "Priya Raman",
    channel: "One-to-one",
    owner: "L&D lead",
    cadence: "Weekly",
    lastContact: date("2026-11-20"),
  },
  {
    id: "S-002",
    name: "Marcus Webb",
    channel: "Meeting",
    owner: "L&D lead",
    cadence: "Monthly",
    lastContact: date("2026-10-02"),
  },
  {
    id: "S-004",
    name: "Tom Okafor",
    channel: "Meeting",
    owner: "Academy faculty",
    cadence: "Weekly",
    lastContact: date("2026-11-24"),
  },
  {
    id: "S-006",
    name: "Dev Patel",
    channel: "Email",
    owner: "L&D lead",
    cadence: "Monthly",
    lastContact: date("2026-11-03"),
  },
  {
    id: "S-008",
    name: "Samuel Adeyemi",
    channel: "Workshop",
    owner: "HR business partner",
    cadence: "Fortnightly",
    lastContact: date("2026-10-29"),
  },
];

export const SAMPLE_GOALS: readonly Goal[] = [
  { id: "G-01", goal: "Cut missed delivery slots by a quarter", source: "Operations plan 2026, §2" },
  { id: "G-02", goal: "Keep new team leaders two years or more", source: "People strategy 2025–2028" },
  { id: "G-03", goal: "Open two new depots", source: "Board priorities 2026" },
];

export const SAMPLE_OBJECTIVES: readonly Objective[] = [
  { id: "O-01", objective: "Every new lead runs a daily huddle", programmes: "First-line Manager Academy" },
  { id: "O-02", objective: "Leads coach their new starters", programmes: "Academy; coaching circle" },
  { id: "O-03", objective: "Everyone passes the LMS safety module", programmes: "Compliance" },
];

export const SAMPLE_ALIGNMENT: readonly Alignment[] = [
  { id: "A-001", goal: "G-01", objective: "O-01", strength: 3 },
  { id: "A-002", goal: "G-02", objective: "O-02", strength: 3 },
  { id: "A-003", goal: "G-02", objective: "O-01", strength: 1 },
  { id: "A-004", goal: "G-01", objective: "O-02", strength: 1 },
];

/** Tom Okafor's two entries of 2026-11-24 tie on the date: his latest sentiment is the lower, 0. */
export const SAMPLE_FEEDBACK_LOG: readonly StakeholderFeedback[] = [
  {
    id: "SF-001",
    date: date("2026-09-15"),
    stakeholder: "S-001",
    said: "Tie the academy to the operations plan's targets",
    sentiment: 1,
    action: "Map objectives to the strategic goals",
    status: "Done",
  },
  {
    id: "SF-002",
    date: date("2026-10-02"),
    stakeholder: "S-002",
    said: "Show me the ROI before the budget round",
    sentiment: 0,
    action: "Business case to the steering group",
    status: "Done",
  },
  {
    id: "SF-003",
    date: date("2026-10-20"),
    stakeholder: "S-004",
    said: "Peak weeks make releasing leads impossible",
    sentiment: -2,
    action: "Cover rota with operations",
    status: "Done",
  },
  {
    id: "SF-004",
    date: date("2026-11-24"),
    stakeholder: "S-004",
    said: "The cover rota works; still wary of December",
    sentiment: 0,
    action: "Review after the peak",
    status: "Open",
  },
  {
    id: "SF-005",
    date: date("2026-11-24"),
    stakeholder: "S-004",
    said: "The huddle card is already helping at the Bristol depot",
    sentiment: 1,
    status: "Done",
  },
  {
    id: "SF-006",
    date: date("2026-11-03"),
    stakeholder: "S-006",
    said: "Attribution at 50% is reasonable",
    sentiment: 1,
    status: "Done",
  },
  {
    id: "SF-007",
    date: date("2026-11-10"),
    stakeholder: "S-008",
    said: "The night shift feels left out of the sessions",
    sentiment: -1,
    action: "Evening cohort and recordings",
    status: "In progress",
  },
  {
    id: "SF-008",
    date: date("2026-11-20"),
    stakeholder: "S-007",
    said: "Behind it, if coaching time goes into the objectives",
    sentiment: 1,
    action: "Concern C-004",
    status: "Open",
  },
];

export const SAMPLE_MEETINGS: readonly Meeting[] = [
  {
    id: "M-001",
    date: date("2026-09-15"),
    type: "One-to-one",
    topic: "Academy scope with the sponsor",
    attendees: "S-001",
    decisions: "Pilot at two depots",
    followUps: "Draft business case by October",
  },
  {
    id: "M-002",
    date: date("2026-10-02"),
    type: "Steering group",
    topic: "Business case review",
    attendees: "S-001, S-002, S-006",
    decisions: "Attribution at 50%; approve the pilot budget",
    followUps: "Finance to check the cost lines",
  },
  {
    id: "M-003",
    date: date("2026-10-29"),
    type: "Workshop",
    topic: "Night-shift access",
    attendees: "S-008, S-005, night-shift leads",
    decisions: "Evening cohort; sessions recorded",
    followUps: "Schedule the evening cohort",
  },
  {
    id: "M-004",
    date: date("2026-11-24"),
    type: "Meeting",
    topic: "Peak-week cover",
    attendees: "S-004, S-009",
    decisions: "Cover rota agreed",
    followUps: "Review after December",
  },
];

/** Grace Kim scores as a champion, but her open high-severity concern (C-004) keeps the flag off. */
export const SAMPLE_CHAMPIONS: readonly Champion[] = [
  {
    id: "S-001",
    name: "Priya Raman",
    since: date("2026-06-01"),
    briefing: date("2026-06-05"),
    data: date("2026-07-01"),
    demo: date("2026-07-15"),
    activity: "Opened the academy at the leadership forum",
    lastActive: date("2026-11-12"),
  },
  {
    id: "S-003",
    name: "Elena Duarte",
    since: date("2026-05-15"),
    briefing: date("2026-05-20"),
    data: date("2026-06-10"),
    demo: date("2026-06-10"),
    earlyAccess: date("2026-06-20"),
    activity: "Runs the coaching-circle pilot",
    lastActive: date("2026-11-26"),
  },
  {
    id: "S-007",
    name: "Grace Kim",
    since: date("2026-08-01"),
    briefing: date("2026-08-03"),
    activity: "Paused until coaching time is in the objectives",
    lastActive: date("2026-09-20"),
  },
];

export const SAMPLE_RECOGNITION: readonly Recognition[] = [
  {
    id: "R-001",
    champion: "S-001",
    date: date("2026-06-30"),
    what: "Named in the CEO newsletter",
    by: "Communications",
  },
  {
    id: "R-002",
    champion: "S-003",
    date: date("2026-07-20"),
    what: "Thanked at the all-hands",
    by: "Priya Raman",
  },
  {
    id: "R-003",
    champion: "S-003",
    date: date("2026-10-15"),
    what: "Nominated for the coaching award",
    by: "L&D lead",
  },
];

/**
 * The sample's budget, year by year against the sample business case's cost lines
 * (core/case/sample.ts): most lines plan what the case counts; the regional venues were planned
 * below the case's 14,400 (flagged), and the launch event funds no case line.
 */
export const SAMPLE_BUDGET: readonly BudgetLine[] = [
  {
    id: "BL-001",
    line: "Needs analysis",
    caseLine: "C-001",
    year: 0,
    plan: 12000,
    actual: 11800,
    owner: "L&D lead",
  },
  {
    id: "BL-002",
    line: "Module design",
    caseLine: "C-002",
    year: 0,
    plan: 45000,
    actual: 47500,
    owner: "L&D lead",
  },
  {
    id: "BL-003",
    line: "Cohort delivery",
    caseLine: "C-003",
    year: 0,
    plan: 36000,
    actual: 24000,
    owner: "Academy faculty",
  },
  {
    id: "BL-004",
    line: "LMS seats",
    caseLine: "C-004",
    year: 1,
    plan: 9600,
    actual: 4800,
    owner: "L&D lead",
  },
  { id: "BL-005", line: "LMS seats", caseLine: "C-004", year: 2, plan: 9600, owner: "L&D lead" },
  {
    id: "BL-006",
    line: "Workbooks",
    caseLine: "C-005",
    year: 0,
    plan: 4800,
    actual: 5100,
    owner: "Academy faculty",
  },
  {
    id: "BL-007",
    line: "Regional venues",
    caseLine: "C-006",
    year: 0,
    plan: 12000,
    actual: 9000,
    owner: "L&D lead",
  },
  {
    id: "BL-008",
    line: "Impact study",
    caseLine: "C-007",
    year: 1,
    plan: 8000,
    owner: "HR business partner",
  },
  {
    id: "BL-009",
    line: "L&D coordination",
    caseLine: "C-008",
    year: 0,
    plan: 6000,
    actual: 6000,
    owner: "L&D lead",
  },
  { id: "BL-010", line: "Manager launch event", year: 0, plan: 2500, actual: 2300, owner: "L&D lead" },
];

export const SAMPLE_TRAINING_OFFERS: readonly TrainingOffer[] = [
  {
    id: "T-001",
    offer: "Bite-size leadership webinar",
    audience: "Learners",
    format: "Webinar",
    frequency: "Monthly",
    owner: "L&D lead",
    nextDate: date("2026-09-10"),
  },
  {
    id: "T-002",
    offer: "Coaching your new leads: area managers' refresher",
    audience: "Managers",
    format: "Workshop",
    frequency: "Quarterly",
    owner: "Academy faculty",
    nextDate: date("2026-10-01"),
  },
  {
    id: "T-003",
    offer: "Peer learning circle by region",
    audience: "Learners",
    format: "Community of practice",
    frequency: "Monthly",
    owner: "Tom Okafor",
    nextDate: date("2026-09-17"),
  },
  {
    id: "T-004",
    offer: "Supporting a new lead: manager guide",
    audience: "Managers",
    format: "E-learning",
    frequency: "On demand",
    owner: "HR business partner",
  },
];

export const SAMPLE_SUPPORT_SYSTEMS: readonly SupportSystem[] = [
  {
    id: "SP-001",
    system: "Academy help desk",
    type: "Help desk",
    audience: "Learners and managers",
    owner: "L&D lead",
    capacity: 60,
    usage: 42,
  },
  {
    id: "SP-002",
    system: "One-to-one coaching",
    type: "Coaching",
    audience: "Learners",
    owner: "Academy faculty",
    capacity: 24,
    usage: 31,
  },
  {
    id: "SP-003",
    system: "Site manager mentors",
    type: "Mentoring",
    audience: "Learners",
    owner: "Tom Okafor",
    capacity: 30,
    usage: 18,
  },
  {
    id: "SP-004",
    system: "Shift handover job aids",
    type: "Job aids",
    audience: "Learners",
    owner: "Academy faculty",
  },
];

export const SAMPLE_MILESTONES: readonly Milestone[] = [
  {
    id: "M-001",
    milestone: "Business case approved",
    date: date("2026-03-02"),
    reached: "Yes",
    celebrated: "Thank-you note to the sponsors",
    announced: "All-managers email and the ops review",
  },
  {
    id: "M-002",
    milestone: "First cohort completes",
    date: date("2026-06-26"),
    reached: "Yes",
    celebrated: "Graduation lunch at the Bristol hub",
  },
  {
    id: "M-003",
    milestone: "Missed slots down 10% at pilot sites",
    date: date("2026-09-30"),
    reached: "No",
  },
  {
    id: "M-004",
    milestone: "All eight cohorts complete",
    date: date("2027-02-26"),
    reached: "No",
  },
];

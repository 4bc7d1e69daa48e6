/**
 * The embedded sample's playbook data (issue 12): quick wins, concerns, the engagement plan, goal
 * alignment, the budget, training offers, support systems and milestones of the first-line
 * manager academy (ui/preview/sample.ts holds its stakeholders). Invented but plausible.
 */
import { isoDateToSerial } from "../dates";
import type {
  Alignment,
  Concern,
  EngagementPlanRow,
  Goal,
  Objective,
  QuickWinCandidate,
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
    stakeholder: "S-003",
    concern: "Leads off the floor during peak weeks",
    type: "Time",
    severity: "High",
    mitigation: "Extra resources",
    detail: "Cover rota agreed with ops",
    owner: "Tom Okafor",
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
    stakeholder: "S-006",
    concern: "Night shift has less access to sessions",
    type: "Capacity",
    severity: "High",
    mitigation: "Support",
    detail: "Evening cohort and recordings",
    owner: "L&D lead",
    due: date("2026-09-30"),
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
    id: "S-003",
    name: "Tom Okafor",
    channel: "Meeting",
    owner: "Academy faculty",
    cadence: "Weekly",
    lastContact: date("2026-11-24"),
  },
  {
    id: "S-005",
    name: "Dev Patel",
    channel: "Email",
    owner: "L&D lead",
    cadence: "Monthly",
    lastContact: date("2026-11-03"),
  },
  {
    id: "S-006",
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

/**
 * The embedded sample's playbook data (issue 12): quick wins, concerns, the engagement plan and
 * goal alignment of the first-line manager academy (ui/preview/sample.ts holds its stakeholders).
 * Invented but plausible.
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

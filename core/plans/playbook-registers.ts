/**
 * Playbook registers on the kit (issue 12): quick wins, scored with BUYIN.QUICKWIN's formula and
 * shortlisted when visible inside the named number of days, and concerns, flagged when an open one
 * is past its due date. Settings are named cells, so a reviewer moves every flag from one place.
 */

import {
  CONCERN_STATUSES,
  CONCERN_TYPES,
  type Concern,
  ConcernSchema,
  MITIGATIONS,
  QUICK_WIN_STATUSES,
  type QuickWinCandidate,
  QuickWinSchema,
  SEVERITIES,
} from "../model/playbook";
import { quickWin } from "../playbook/quick-win";
import { CONCERN_KIND, CONCERN_MODULE } from "./playbook-names";
import { defineRegister } from "./register-kit";
import type { Cell, SheetPlan } from "./sheet-plan";

export interface QuickWinOptions {
  /** The days to value that halve a score; default 90. */
  readonly horizonDays?: number;
  /** A candidate this visible (1–5) or more can make the shortlist; default 4. */
  readonly visibleFrom?: number;
  /** … when it shows within this many days; default 90. */
  readonly withinDays?: number;
}

const cell = (id: string) => `{col:${id}}{row}`;
const [IMPACT, VISIBILITY, CONFIDENCE, EFFORT, DAYS, SCORE] = [
  "impact",
  "visibility",
  "confidence",
  "effort",
  "days",
  "score",
].map(cell) as [string, string, string, string, string, string];
const score15 = (id: keyof QuickWinCandidate & string, header: string, hint: string) => ({
  id,
  header,
  role: "input" as const,
  type: "whole" as const,
  width: 10,
  hint,
  validation: { min: 1, max: 5, whole: true },
});

export const QUICK_WINS = defineRegister<QuickWinCandidate, QuickWinOptions>({
  kind: "quick-wins",
  title: "Quick Wins",
  module: "Wins",
  schema: QuickWinSchema as never,
  key: { prefix: "Q-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "candidate", header: "Candidate", role: "input", type: "text", required: true, width: 30 },
    { id: "convinces", header: "Should convince", role: "input", type: "text", width: 20 },
    score15("impact", "Impact", "1 (little) to 5 (moves the goal)."),
    score15("visibility", "Visibility", "How many of the stakeholders to convince will see it: 1 to 5."),
    {
      id: "confidence",
      header: "Confidence",
      role: "input",
      type: "number",
      width: 10,
      numberFormat: "0%",
      validation: { min: 0, max: 1 },
      hint: "The chance it delivers: 80% is 0.8.",
    },
    score15("effort", "Effort", "1 (an afternoon) to 5 (a project)."),
    {
      id: "days",
      header: "Days to value",
      role: "input",
      type: "whole",
      width: 10,
      validation: { min: 0, whole: true },
    },
    {
      id: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      width: 12,
      initial: "Idea",
      validation: { list: QUICK_WIN_STATUSES },
    },
    {
      id: "score",
      header: "Score",
      role: "output",
      width: 8,
      numberFormat: "0.00",
      formula: `=IF(COUNT(${IMPACT},${VISIBILITY},${CONFIDENCE},${EFFORT},${DAYS})<5,"",${IMPACT}*${VISIBILITY}*${CONFIDENCE}/(${EFFORT}*(1+${DAYS}/{name:HorizonDays})))`,
      needs: ["impact", "visibility", "confidence", "effort", "days"],
      kernel: (win, options): Cell =>
        quickWin(
          win.impact as number,
          win.visibility as number,
          win.confidence as number,
          win.effort as number,
          win.days as number,
          options.horizonDays,
        ),
    },
    {
      id: "shortlist",
      header: "Shortlist",
      role: "output",
      width: 10,
      formula: `=IF(${SCORE}="","",IF(AND(${VISIBILITY}>={name:VisibleFrom},${DAYS}<={name:WithinDays}),"Shortlist",""))`,
      needs: ["impact", "visibility", "confidence", "effort", "days"],
      kernel: (win, options): Cell =>
        (win.visibility as number) >= (options.visibleFrom ?? 4) &&
        (win.days as number) <= (options.withinDays ?? 90)
          ? "Shortlist"
          : "",
    },
  ],
  freeze: { rows: 1, columns: 2 },
  assumptions: (options) => ({
    kind: "quick-win-settings",
    title: "Quick Win Settings",
    heading: "Quick-win settings",
    intro: "The assumptions behind the Quick Wins sheet's score and shortlist.",
    rows: [
      {
        label: "Days that halve a score",
        name: "HorizonDays",
        value: options.horizonDays ?? 90,
        format: "0",
        meaning: "Score = impact × visibility × confidence ÷ (effort × (1 + days to value ÷ this)).",
      },
      {
        label: "Visible from",
        name: "VisibleFrom",
        value: options.visibleFrom ?? 4,
        format: "0",
        meaning: "A candidate at least this visible (1–5) can make the shortlist…",
      },
      {
        label: "Within days",
        name: "WithinDays",
        value: options.withinDays ?? 90,
        format: "0",
        meaning: "…when it shows within this many days.",
      },
    ],
  }),
});

export interface ConcernOptions {
  /** The date concerns are judged overdue against (a 1900-system serial); the sheet's default is TODAY(). */
  readonly asOf?: number;
  /**
   * The day TODAY() will show, for the kernels' expected values only, when `asOf` is not given:
   * the sheet keeps TODAY(), so a reviewer opening it later sees their own day.
   */
  readonly today?: number;
}

const [STATUS, DUE] = [cell("status"), cell("due")];

export const CONCERNS = defineRegister<Concern, ConcernOptions>({
  kind: CONCERN_KIND,
  title: "Concerns",
  module: CONCERN_MODULE,
  schema: ConcernSchema as never,
  key: { prefix: "C-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    {
      id: "stakeholder",
      header: "Stakeholder or group",
      role: "input",
      type: "text",
      required: true,
      width: 20,
      name: "Stakeholders",
      hint: "A stakeholder's ID (S-004) or a group's name.",
    },
    { id: "concern", header: "Concern", role: "input", type: "text", required: true, width: 36 },
    {
      id: "type",
      header: "Type",
      role: "input",
      type: "choice",
      width: 14,
      validation: { list: CONCERN_TYPES },
    },
    {
      id: "severity",
      header: "Severity",
      role: "input",
      type: "choice",
      required: true,
      width: 10,
      initial: "Medium",
      name: "Severities",
      validation: { list: SEVERITIES },
    },
    {
      id: "mitigation",
      header: "Mitigation",
      role: "input",
      type: "choice",
      width: 16,
      validation: { list: MITIGATIONS },
    },
    { id: "detail", header: "How", role: "input", type: "text", width: 30 },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    { id: "due", header: "Due", role: "input", type: "date", width: 12 },
    {
      id: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      width: 10,
      initial: "Open",
      name: "Statuses",
      validation: { list: CONCERN_STATUSES },
    },
    { id: "communicated", header: "Answer given", role: "input", type: "date", width: 12 },
    { id: "how", header: "Told by", role: "input", type: "text", width: 16 },
    {
      id: "overdue",
      header: "Overdue",
      role: "output",
      width: 10,
      formula: `=IF(OR(${DUE}="",${STATUS}<>"Open"),"",IF(${DUE}<{name:AsOf},"Overdue",""))`,
      needs: ["due"],
      kernel: (concern, options): Cell =>
        concern.status === "Open" &&
        (options.asOf ?? options.today) !== undefined &&
        (concern.due as number) < ((options.asOf ?? options.today) as number)
          ? "Overdue"
          : "",
    },
  ],
  freeze: { rows: 1, columns: 2 },
  assumptions: (options) => ({
    kind: "concern-settings",
    title: "Concern Settings",
    heading: "Concern settings",
    intro: "The date open concerns are judged overdue against.",
    rows: [
      {
        label: "As of",
        name: "AsOf",
        ...(options.asOf === undefined ? { formula: "=TODAY()" } : { value: options.asOf }),
        format: "yyyy-mm-dd",
        meaning: "Today by default; type a date to see the register as it stood then.",
      },
    ],
  }),
});

export const quickWinPlans = (
  wins: readonly QuickWinCandidate[],
  options: QuickWinOptions = {},
): SheetPlan[] => QUICK_WINS.plans(wins, options);
export const concernPlans = (concerns: readonly Concern[], options: ConcernOptions = {}): SheetPlan[] =>
  CONCERNS.plans(concerns, options);

/**
 * The engagement logs (issue 12, step 4: "meet stakeholders, keep channels open, and ask for
 * feedback and act on it"): the stakeholder feedback log (date, stakeholder by register ID, what
 * they said, sentiment −2..+2, action, status), whose latest sentiment the Stakeholders sheet reads
 * back by name, and the meetings and workshops log (date, type, attendees, decisions, follow-ups).
 */
import {
  FEEDBACK_STATUSES,
  MEETING_TYPES,
  type Meeting,
  MeetingSchema,
  type StakeholderFeedback,
  StakeholderFeedbackSchema,
} from "../model/playbook";
import { FEEDBACK_LOG_MODULE } from "./playbook-names";
import { defineRegister } from "./register-kit";
import type { SheetPlan } from "./sheet-plan";

export const FEEDBACK_LOG = defineRegister<StakeholderFeedback, Record<string, never>>({
  kind: "stakeholder-feedback",
  title: "Stakeholder Feedback",
  module: FEEDBACK_LOG_MODULE,
  schema: StakeholderFeedbackSchema as never,
  key: { prefix: "SF-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "date", header: "Date", role: "input", type: "date", required: true, width: 12, name: "Dates" },
    {
      id: "stakeholder",
      header: "Stakeholder ID",
      role: "input",
      type: "text",
      required: true,
      width: 12,
      name: "Stakeholders",
      hint: "Their ID on the Stakeholders sheet (S-004): their latest sentiment shows there.",
    },
    { id: "said", header: "What they said", role: "input", type: "text", required: true, width: 40 },
    {
      id: "sentiment",
      header: "Sentiment",
      role: "input",
      type: "whole",
      width: 10,
      numberFormat: "+0;-0;0",
      name: "Sentiments",
      validation: { min: -2, max: 2, whole: true },
      hint: "-2 very negative, 0 neutral, +2 very positive.",
    },
    { id: "action", header: "Action", role: "input", type: "text", width: 30 },
    {
      id: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      width: 12,
      initial: "Open",
      validation: { list: FEEDBACK_STATUSES },
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const MEETINGS = defineRegister<Meeting, Record<string, never>>({
  kind: "meetings",
  title: "Meetings",
  module: "Meet",
  schema: MeetingSchema as never,
  key: { prefix: "M-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "date", header: "Date", role: "input", type: "date", required: true, width: 12 },
    {
      id: "type",
      header: "Type",
      role: "input",
      type: "choice",
      required: true,
      width: 14,
      initial: "Meeting",
      validation: { list: MEETING_TYPES },
    },
    { id: "topic", header: "Topic", role: "input", type: "text", width: 24 },
    {
      id: "attendees",
      header: "Attendees",
      role: "input",
      type: "text",
      width: 24,
      hint: "Stakeholder IDs (S-001) or names, separated by commas.",
    },
    { id: "decisions", header: "Decisions", role: "input", type: "text", width: 36 },
    { id: "followUps", header: "Follow-ups", role: "input", type: "text", width: 36 },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const feedbackLogPlans = (entries: readonly StakeholderFeedback[]): SheetPlan[] =>
  FEEDBACK_LOG.plans(entries, {});
export const meetingPlans = (meetings: readonly Meeting[]): SheetPlan[] => MEETINGS.plans(meetings, {});

/**
 * The registers the kit-driven editor opens: the Playbook screen's list and the Evaluation
 * screen's feedback and improvement logs. A new register is one `editorEntry(...)` line here
 * (register-editor-model.ts says what the optional fourth argument may set).
 */
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx), and a
// lazily loaded core/index would bring every export with it (the function catalog, the samples).
import type { Alignment, Feedback, Goal, Improvement, Objective, Recognition } from "../../core/index";
import { CHAMPIONS, RECOGNITION_LOG } from "../../core/plans/champions";
import { FEEDBACK_LOG, MEETINGS } from "../../core/plans/engagement-logs";
import { ENGAGEMENT_PLAN } from "../../core/plans/engagement-plan";
import { FEEDBACK_REGISTER, feedbackPlans } from "../../core/plans/feedback-register";
import { ALIGNMENT, GOALS, goalAlignmentPlans, OBJECTIVES } from "../../core/plans/goal-alignment";
import { IMPROVEMENT_LOG, improvementLogPlans } from "../../core/plans/improvement-log";
import { CONCERNS, QUICK_WINS } from "../../core/plans/playbook-registers";
import { REPORT_AUDIENCES, SUCCESS_STORIES } from "../../core/plans/report-registers";
import { BUDGET, MILESTONES, SUPPORT_SYSTEMS, TRAINING_OFFERS } from "../../core/plans/resource-registers";
import { todaySerial } from "./kpi-model";
import { type Companions, type EditorEntry, editorEntry } from "./register-editor-model";

/** Goals, objectives and their links are written together: each one's coverage reads the links. */
const alignmentOf = (companions: Companions, edited: { kind: string; records: readonly unknown[] }) => {
  const of = <T>(kind: string) =>
    (kind === edited.kind ? edited.records : (companions.get(kind) ?? [])) as T[];
  return goalAlignmentPlans(
    of<Goal>(GOALS.declaration.kind),
    of<Objective>(OBJECTIVES.declaration.kind),
    of<Alignment>(ALIGNMENT.declaration.kind),
  );
};
const alignment = (register: typeof GOALS | typeof OBJECTIVES | typeof ALIGNMENT) => ({
  companions: [GOALS, OBJECTIVES, ALIGNMENT].filter((other) => other !== register),
  options: (companions: Companions) => ({
    links: (companions.get(ALIGNMENT.declaration.kind) ?? []) as Alignment[],
  }),
  plans: (records: readonly unknown[], companions: Companions) =>
    alignmentOf(companions, { kind: register.declaration.kind, records }),
});

export const PLAYBOOK_ENTRIES: readonly EditorEntry[] = [
  editorEntry(GOALS, "Strategic goals", "The organisation's goals, and their coverage", alignment(GOALS)),
  editorEntry(
    OBJECTIVES,
    "L&D objectives",
    "Objectives, their programmes and coverage",
    alignment(OBJECTIVES),
  ),
  editorEntry(ALIGNMENT, "Goal alignment", "How strongly each objective supports each goal", {
    ...alignment(ALIGNMENT),
    describe: (link) => `${link.objective || "?"} supports ${link.goal || "?"}: ${link.strength || "?"} of 3`,
    suggestions: (companions) => ({
      goal: ((companions.get(GOALS.declaration.kind) ?? []) as Goal[]).map((goal) => ({
        value: goal.id,
        label: goal.goal,
      })),
      objective: ((companions.get(OBJECTIVES.declaration.kind) ?? []) as Objective[]).map((objective) => ({
        value: objective.id,
        label: objective.objective,
      })),
    }),
  }),
  editorEntry(ENGAGEMENT_PLAN, "Engagement plan", "Channel, owner, cadence, next contact due"),
  editorEntry(FEEDBACK_LOG, "Stakeholder feedback", "What they said, sentiment, action"),
  editorEntry(MEETINGS, "Meetings and workshops", "Who came, what was decided"),
  editorEntry(QUICK_WINS, "Quick wins", "Candidates scored, and the shortlist", { goodFlags: ["shortlist"] }),
  editorEntry(SUCCESS_STORIES, "Success stories", "What happened, and whom it should convince"),
  editorEntry(MILESTONES, "Milestones", "Reached, celebrated, announced"),
  editorEntry(CONCERNS, "Concerns", "Each group's concerns and the answers"),
  editorEntry(CHAMPIONS, "Champions", "What they advocate with, and when last recognised", {
    companions: [RECOGNITION_LOG],
    options: (companions) => ({
      today: todaySerial(),
      recognitions: (companions.get(RECOGNITION_LOG.declaration.kind) ?? []) as Recognition[],
    }),
  }),
  editorEntry(RECOGNITION_LOG, "Recognition log", "What, when, by whom"),
  editorEntry(BUDGET, "Budget", "Plan against actual, and against the business case"),
  editorEntry(TRAINING_OFFERS, "Training offers", "Ongoing offers for learners and managers"),
  editorEntry(SUPPORT_SYSTEMS, "Support systems", "Help desk, coaching, mentoring: capacity and use"),
];

export const EVALUATION_ENTRIES: readonly EditorEntry[] = [
  editorEntry(FEEDBACK_REGISTER, "Survey feedback", "Responses, summarised by group and theme", {
    plans: (records) => feedbackPlans(records as Feedback[]),
    describe: (response) =>
      response.comment?.trim() ||
      `Rating ${response.rating || "–"}${response.group ? ` from ${response.group}` : ""}, no comment`,
  }),
  editorEntry(REPORT_AUDIENCES, "Report audiences", "Each group's measures in its report"),
  editorEntry(IMPROVEMENT_LOG, "Improvement log", "Findings, decisions and the effect seen", {
    plans: (records) => improvementLogPlans(records as Improvement[]),
  }),
];

/**
 * The improvement log ("evaluate and adapt"): what an evaluation found, what was decided, who
 * owns it, and the effect seen at the next evaluation, each entry linked by id to the KPI,
 * evaluation step, response or learner row that prompted it.
 */
import { IMPROVEMENT_STATUSES, type Improvement, ImprovementSchema } from "../model/improvement";
import { defineRegister } from "./register-kit";
import type { SheetPlan } from "./sheet-plan";

export const IMPROVEMENT_LOG = defineRegister<Improvement, Record<string, never>>({
  kind: "improvements",
  title: "Improvements",
  module: "Improve",
  schema: ImprovementSchema as never,
  key: { prefix: "I-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "date", header: "Date", role: "input", type: "date", width: 12 },
    { id: "finding", header: "Finding or feedback", role: "input", type: "text", required: true, width: 40 },
    {
      id: "prompt",
      header: "Prompted by",
      role: "input",
      type: "text",
      width: 12,
      hint: "The id of the KPI (K-…), evaluation step (E-…), response (F-…) or learner (L-…) behind it.",
    },
    { id: "decision", header: "Decision", role: "input", type: "text", width: 36 },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 16 },
    {
      id: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      width: 12,
      initial: "Open",
      validation: { list: IMPROVEMENT_STATUSES },
    },
    { id: "effect", header: "Effect seen", role: "input", type: "text", width: 36 },
    { id: "effectDate", header: "Seen on", role: "input", type: "date", width: 12 },
  ],
  freeze: { rows: 1, columns: 1 },
});

export function improvementLogPlans(entries: readonly Improvement[]): SheetPlan[] {
  return IMPROVEMENT_LOG.plans(entries, {});
}

/**
 * The two registers the stakeholder report reads (issue 11 item 3, issue 12 item 3): success
 * stories, each aimed at stakeholders or groups, and report audiences, each group's measures in
 * order. Both are plain kit declarations (a generic register editor takes them as they are); their
 * options carry the KPI tracker's ids, when known, so a KPI id the tracker lacks is a field problem.
 */

import { type ReportAudience, ReportAudienceSchema } from "../model/report-audience";
import { STORY_STATUSES, type SuccessStory, SuccessStorySchema } from "../model/success-story";
import { defineRegister } from "./register-kit";
import type { SheetPlan } from "./sheet-plan";

export interface ReportRegisterOptions {
  /** The KPI tracker's ids; without them, KPI ids are checked for their form only. */
  readonly kpiIds?: readonly string[];
}

/** The items of a list typed in one cell: separated by commas, semicolons or line breaks, trimmed. */
export const listItems = (text: string | undefined): string[] =>
  (text ?? "")
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");

const notTracked = (ids: readonly string[], options: ReportRegisterOptions) =>
  options.kpiIds ? ids.filter((id) => !options.kpiIds?.includes(id)) : [];

export const SUCCESS_STORIES = defineRegister<SuccessStory, ReportRegisterOptions>({
  kind: "success-stories",
  title: "Success Stories",
  module: "Story",
  schema: SuccessStorySchema as never,
  key: { prefix: "ST-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "date", header: "Date", role: "input", type: "date", required: true, width: 12 },
    {
      id: "title",
      header: "Story",
      role: "input",
      type: "text",
      required: true,
      width: 40,
      hint: "One sentence, as the report will tell it.",
    },
    { id: "happened", header: "What happened", role: "input", type: "text", width: 48 },
    {
      id: "kpiId",
      header: "Evidence KPI",
      role: "input",
      type: "text",
      width: 10,
      hint: "The id of the KPI that shows it (K-004), if one does.",
      check: (value, options) =>
        notTracked([String(value)], options).length > 0
          ? `must be a KPI of the tracker, not ${String(value)}`
          : undefined,
    },
    {
      id: "convinces",
      header: "Should convince",
      role: "input",
      type: "text",
      required: true,
      width: 22,
      hint: "Stakeholder ids (S-002) or group names (Finance), separated by commas.",
    },
    {
      id: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      width: 10,
      initial: "Draft",
      validation: { list: STORY_STATUSES },
      hint: "Reports tell Approved and Shared stories, never drafts.",
    },
    { id: "sharedIn", header: "Shared in", role: "input", type: "text", width: 24 },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const REPORT_AUDIENCES = defineRegister<ReportAudience, ReportRegisterOptions>({
  kind: "report-audiences",
  title: "Report Audiences",
  module: "Audience",
  schema: ReportAudienceSchema as never,
  key: { prefix: "A-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    {
      id: "group",
      header: "Group",
      role: "input",
      type: "text",
      required: true,
      width: 20,
      hint: "A stakeholder group, as the Stakeholders sheet names it.",
    },
    {
      id: "kpis",
      header: "Measures",
      role: "input",
      type: "text",
      required: true,
      width: 28,
      hint: "KPI ids in the order the group is told them: K-004, K-005.",
      check: (value, options) => {
        const ids = listItems(String(value));
        const badForm = ids.find((id) => !/^[A-Za-z0-9_-]{1,40}$/.test(id));
        if (badForm !== undefined)
          return `must be KPI ids separated by commas, not "${badForm.slice(0, 40)}"`;
        const twice = ids.find((id, index) => ids.indexOf(id) !== index);
        if (twice !== undefined) return `must name each KPI once, not ${twice} twice`;
        const missing = notTracked(ids, options);
        return missing.length > 0 ? `must be KPIs of the tracker, not ${missing.join(", ")}` : undefined;
      },
    },
    {
      id: "recipients",
      header: "Sent to",
      role: "input",
      type: "text",
      width: 24,
      hint: "Who receives it: stakeholder ids or names, separated by commas.",
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

/** Each group's measures, in order: a group in two rows gets the KPIs of both, each once. */
export function measuresOf(audiences: readonly ReportAudience[]): Record<string, string[]> {
  const measures: Record<string, string[]> = {};
  for (const audience of audiences) {
    const list = measures[audience.group] ?? [];
    measures[audience.group] = list;
    for (const id of listItems(audience.kpis)) if (!list.includes(id)) list.push(id);
  }
  return measures;
}

export const successStoryPlans = (
  stories: readonly SuccessStory[],
  options: ReportRegisterOptions = {},
): SheetPlan[] => SUCCESS_STORIES.plans(stories, options);
export const reportAudiencePlans = (
  audiences: readonly ReportAudience[],
  options: ReportRegisterOptions = {},
): SheetPlan[] => REPORT_AUDIENCES.plans(audiences, options);

/**
 * The stakeholder report: each stakeholder group gets the measures it cares about, each with its
 * status, latest value and change since the group's previous report, and the success stories
 * aimed at it (the Report Audiences and Success Stories registers, core/plans/report-registers.ts).
 * A report is dated and added below the earlier ones; lines already issued are
 * carried over as they are, so a second run never changes a report already issued.
 */

import { serialToIsoDate } from "../dates";
import { kpiStatus } from "../evaluation/kpi-status";
import type { Kpi } from "../model/kpi";
import { actualField, MAX_KPI_PERIODS } from "../model/kpi";
import type { ReportAudience } from "../model/report-audience";
import { type ReportLine, ReportLineSchema } from "../model/report-line";
import type { Stakeholder } from "../model/stakeholder";
import type { SuccessStory } from "../model/success-story";
import { defineRegister } from "./register-kit";
import { listItems, measuresOf } from "./report-registers";
import type { SheetPlan } from "./sheet-plan";

export const REPORT_REGISTER = defineRegister<ReportLine, Record<string, never>>({
  kind: "report",
  title: "Report",
  module: "Report",
  schema: ReportLineSchema as never,
  key: { prefix: "R-", digits: 4 },
  columns: [
    { id: "id", header: "Line", role: "key", type: "text", width: 26 },
    { id: "date", header: "Report date", role: "input", type: "date", required: true, width: 12 },
    { id: "group", header: "Group", role: "input", type: "text", required: true, width: 18 },
    { id: "kpiId", header: "KPI ID", role: "input", type: "text", required: true, width: 8 },
    { id: "kpi", header: "Measure", role: "input", type: "text", width: 28 },
    { id: "status", header: "Status", role: "input", type: "text", width: 10 },
    { id: "latest", header: "Latest", role: "input", type: "number", width: 10 },
    { id: "change", header: "Change since last report", role: "input", type: "number", width: 14 },
    { id: "story", header: "Success story", role: "input", type: "text", width: 48 },
  ],
  freeze: { rows: 1, columns: 0 },
});

export interface ReportRequest {
  /** The report's date, a 1900-system serial. */
  readonly date: number;
  readonly kpis: readonly Kpi[];
  /** Each group's measures, from the Report Audiences register. */
  readonly audiences: readonly ReportAudience[];
  /** The Success Stories register: each group is told the stories aimed at it (see storiesFor). */
  readonly stories?: readonly SuccessStory[];
  /** The stakeholders' groups, so a story aimed at a stakeholder reaches that stakeholder's group. */
  readonly stakeholders?: readonly Pick<Stakeholder, "id" | "group">[];
  /** The KPI tracker's at-risk band, as in its settings; default 0.1. */
  readonly tolerance?: number;
  /** The lines issued before, as read from the Report sheet. */
  readonly issued: readonly ReportLine[];
}

/** Between two stories told on one line of the report. */
const STORY_SEPARATOR = " · ";

const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/**
 * The stories a group is told in the report dated `request.date`: approved or shared (never
 * drafts), dated on or before the report, aimed at the group by name or at one of its stakeholders
 * by id, and not told to the group in an issued report already; oldest first, then by id.
 */
export function storiesFor(
  group: string,
  request: Pick<ReportRequest, "date" | "stories" | "stakeholders" | "issued">,
): SuccessStory[] {
  const groupOf = new Map((request.stakeholders ?? []).map((person) => [person.id.trim(), person.group]));
  const told = new Set(
    request.issued
      .filter((line) => line.group === group && line.story !== undefined)
      .flatMap((line) => (line.story as string).split(STORY_SEPARATOR)),
  );
  return (request.stories ?? [])
    .filter(
      (story) =>
        story.status !== "Draft" &&
        story.date <= request.date &&
        !told.has(story.title) &&
        listItems(story.convinces).some(
          (target) =>
            sameText(target, group) || (groupOf.has(target) && sameText(groupOf.get(target), group)),
        ),
    )
    .sort((a, b) => a.date - b.date || a.id.localeCompare(b.id));
}

const latestOf = (kpi: Kpi): number | undefined => {
  for (let index = MAX_KPI_PERIODS - 1; index >= 0; index--) {
    const value = kpi[actualField(index)];
    if (typeof value === "number") return value;
  }
  return undefined;
};

/**
 * The report's lines: the issued ones as they are, then one line per group and measure for this
 * date. A group and measure already reported on this date are not reported again.
 */
export function reportLines(request: ReportRequest): ReportLine[] {
  const day = serialToIsoDate(request.date);
  const taken = new Set(request.issued.map((line) => line.id));
  const byId = new Map(request.kpis.map((kpi) => [kpi.id, kpi]));
  const lines: ReportLine[] = [...request.issued];
  for (const [group, ids] of Object.entries(measuresOf(request.audiences))) {
    const told = storiesFor(group, request).map((story) => story.title);
    for (const kpiId of ids) {
      const id = `${day} ${group} ${kpiId}`;
      if (taken.has(id)) continue;
      const kpi = byId.get(kpiId);
      const latest = kpi ? latestOf(kpi) : undefined;
      const previous = request.issued
        .filter((line) => line.group === group && line.kpiId === kpiId && line.date < request.date)
        .sort((a, b) => b.date - a.date)[0];
      lines.push({
        id,
        date: request.date,
        group,
        kpiId,
        kpi: kpi?.kpi ?? "(no longer tracked)",
        status:
          kpi && latest !== undefined
            ? kpiStatus(latest, kpi.target, kpi.direction, request.tolerance ?? 0.1)
            : undefined,
        latest,
        change: latest !== undefined && previous?.latest !== undefined ? latest - previous.latest : undefined,
        story: told.length > 0 ? told.join(STORY_SEPARATOR) : undefined,
      });
    }
  }
  return lines;
}

/** The Report sheet with every line, the issued ones unchanged. */
export function reportPlans(request: ReportRequest): SheetPlan[] {
  return REPORT_REGISTER.plans(reportLines(request), {});
}

/**
 * The stakeholder report: each stakeholder group gets the measures it cares about, each with its
 * status, latest value and change since the group's previous report, and the success stories
 * recorded for it. A report is dated and added below the earlier ones; lines already issued are
 * carried over as they are, so a second run never changes a report already issued.
 */

import { serialToIsoDate } from "../dates";
import { kpiStatus } from "../evaluation/kpi-status";
import type { Kpi } from "../model/kpi";
import { actualField, MAX_KPI_PERIODS } from "../model/kpi";
import { type ReportLine, ReportLineSchema } from "../model/report-line";
import { defineRegister } from "./register-kit";
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
  /** Each group's measures: the KPI ids it cares about, in the order they are reported. */
  readonly measures: Readonly<Record<string, readonly string[]>>;
  /** Success stories by group. */
  readonly stories?: Readonly<Record<string, string>>;
  /** The KPI tracker's at-risk band, as in its settings; default 0.1. */
  readonly tolerance?: number;
  /** The lines issued before, as read from the Report sheet. */
  readonly issued: readonly ReportLine[];
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
  for (const [group, ids] of Object.entries(request.measures)) {
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
        story: request.stories?.[group],
      });
    }
  }
  return lines;
}

/** The Report sheet with every line, the issued ones unchanged. */
export function reportPlans(request: ReportRequest): SheetPlan[] {
  return REPORT_REGISTER.plans(reportLines(request), {});
}

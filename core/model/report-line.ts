import * as z from "zod/mini";
import { KPI_STATUSES } from "../evaluation/kpi-status";

const textOf = (max: number) =>
  z.optional(
    z
      .string({ error: "must be text" })
      .check(z.maxLength(max, { error: `must be at most ${max} characters` })),
  );
const dateRule = "must be a date from 1900-01-01 to 9999-12-31";

/**
 * One line of an issued stakeholder report: on a date, for a stakeholder group, one measure it
 * cares about — its status, latest value and change since the group's previous report — and a
 * success story for the group. Issued lines are values, never formulas: a report says what was
 * reported, whatever the KPIs show later.
 */
export const ReportLineSchema = z.object(
  {
    id: z.string({ error: "is required" }).check(z.minLength(1, { error: "is required" }), z.maxLength(120)),
    date: z
      .number({ error: dateRule })
      .check(z.gte(1, { error: dateRule }), z.lte(2958465, { error: dateRule })),
    group: z
      .string({ error: "is required" })
      .check(z.minLength(1, { error: "is required" }), z.maxLength(200)),
    kpiId: z
      .string({ error: "is required" })
      .check(z.minLength(1, { error: "is required" }), z.maxLength(40)),
    kpi: textOf(200),
    status: z.optional(z.enum(KPI_STATUSES, { error: `must be one of ${KPI_STATUSES.join(", ")}` })),
    latest: z.optional(z.number({ error: "must be a number" })),
    change: z.optional(z.number({ error: "must be a number" })),
    story: textOf(2000),
  },
  { error: "must be a report line" },
);

export type ReportLine = z.infer<typeof ReportLineSchema>;

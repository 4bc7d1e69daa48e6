import * as z from "zod/mini";
import { optionalText, recordId, requiredText } from "./fields";

/**
 * One stakeholder group's report: the measures it cares about, as KPI ids in the order it is told
 * them ("K-004, K-005"), and who receives it (stakeholder ids or names, optional).
 */
export const ReportAudienceSchema = z.object(
  {
    id: recordId,
    group: requiredText(200),
    kpis: requiredText(500),
    recipients: optionalText(500),
  },
  { error: "must be a report audience" },
);

export type ReportAudience = z.infer<typeof ReportAudienceSchema>;

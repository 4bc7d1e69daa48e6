import type { Stakeholder } from "../model/stakeholder";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import type { ColumnSpec } from "./sheet-plan";

/** How a register column's cells read back into a record field. */
export type FieldType = "id" | "text" | "score" | "engagement" | "date";

export interface InputColumn {
  readonly field: keyof Stakeholder;
  readonly header: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly width: number;
}

/**
 * The register's input columns, in order: the one list the plan writes from and the parser reads
 * by, so the two never drift apart.
 */
export const STAKEHOLDER_INPUTS: readonly InputColumn[] = [
  { field: "id", header: "ID", type: "id", required: true, width: 8 },
  { field: "name", header: "Name", type: "text", required: true, width: 22 },
  { field: "role", header: "Role", type: "text", required: false, width: 20 },
  { field: "group", header: "Group", type: "text", required: false, width: 16 },
  { field: "power", header: "Power", type: "score", required: true, width: 8 },
  { field: "interest", header: "Interest", type: "score", required: true, width: 8 },
  { field: "influence", header: "Influence", type: "score", required: true, width: 9 },
  { field: "legitimacy", header: "Legitimacy", type: "score", required: false, width: 10 },
  { field: "urgency", header: "Urgency", type: "score", required: false, width: 8 },
  { field: "currentEngagement", header: "Current engagement", type: "engagement", required: true, width: 14 },
  { field: "desiredEngagement", header: "Desired engagement", type: "engagement", required: true, width: 14 },
  { field: "caresAbout", header: "Cares about", type: "text", required: false, width: 28 },
  { field: "concerns", header: "Concerns", type: "text", required: false, width: 28 },
  { field: "owner", header: "Owner", type: "text", required: false, width: 14 },
  { field: "lastContact", header: "Last contact", type: "date", required: false, width: 12 },
  { field: "nextContact", header: "Next contact", type: "date", required: false, width: 12 },
];

/** The register's column spec for an input column. */
export function inputColumnSpec(column: InputColumn, scaleMax: number): ColumnSpec {
  const base = { id: column.field, header: column.header, width: column.width };
  switch (column.type) {
    case "id":
      return { ...base, role: "key" };
    case "score":
      return {
        ...base,
        role: "input",
        numberFormat: "0",
        validation: { min: 1, max: scaleMax, whole: true },
      };
    case "engagement":
      return { ...base, role: "input", validation: { list: ENGAGEMENT_LEVELS } };
    case "date":
      return { ...base, role: "input", numberFormat: "yyyy-mm-dd" };
    default:
      return { ...base, role: "input" };
  }
}

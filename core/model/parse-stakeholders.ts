import { dateToSerial, isoDateToSerial } from "../dates";
import type { Cell } from "../plans/sheet-plan";
import { type InputColumn, STAKEHOLDER_INPUTS } from "../plans/stakeholder-columns";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import { STAKEHOLDER_ID, type Stakeholder, StakeholderSchema } from "./stakeholder";

/** Something wrong with one cell (or, with column "", the whole row) of a register. */
export interface RowProblem {
  /** Sheet row number; 1 is the header. */
  readonly row: number;
  /** The column's header, or "" for the row as a whole. */
  readonly column: string;
  readonly message: string;
}

export interface ParsedRegister {
  readonly records: Stakeholder[];
  readonly problems: RowProblem[];
}

export interface RegisterRows {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly values: readonly (Cell | Date | undefined)[] }[];
}

type Read = { value: unknown } | { problem: string } | undefined;

function readCell(column: InputColumn, cell: Cell | Date | undefined, scaleMax: number): Read {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))
    return undefined;
  const shown = typeof cell === "string" ? `"${cell.trim().slice(0, 40)}"` : String(cell);
  switch (column.type) {
    case "id":
    case "text":
      return {
        value:
          cell instanceof Date && Number.isFinite(cell.getTime())
            ? cell.toISOString().slice(0, 10)
            : String(cell).trim(),
      };
    case "score": {
      const value =
        typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell.trim()) : Number.NaN;
      if (Number.isInteger(value) && value >= 1 && value <= scaleMax) return { value };
      return { problem: `must be a whole number from 1 to ${scaleMax}, not ${shown}` };
    }
    case "engagement": {
      if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1 && cell <= 5) {
        return { value: ENGAGEMENT_LEVELS[cell - 1] };
      }
      const wanted = typeof cell === "string" ? cell.trim().toLowerCase() : "";
      const level = ENGAGEMENT_LEVELS.find((name) => name.toLowerCase() === wanted);
      return level
        ? { value: level }
        : { problem: `must be one of ${ENGAGEMENT_LEVELS.join(", ")}, not ${shown}` };
    }
    case "date": {
      if (cell instanceof Date) return { value: Math.floor(dateToSerial(cell)) };
      if (typeof cell === "number" && cell >= 1 && cell <= 2958465) return { value: Math.floor(cell) };
      const serial = typeof cell === "string" ? isoDateToSerial(cell) : undefined;
      if (serial !== undefined) return { value: serial };
      return { problem: `must be a date (yyyy-mm-dd), not ${shown}` };
    }
  }
}

/** The next free id of the form S-001. */
function nextId(taken: Set<string>): string {
  for (let number = 1; ; number++) {
    const id = `S-${String(number).padStart(3, "0")}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * Reads a stakeholder register: the valid records, and for every bad row a message per wrong
 * cell (row number, column, what is wrong), never a crash. Rows without an id get the next free
 * "S-nnn"; a repeated id keeps its first row.
 */
export function parseStakeholderRows(
  register: RegisterRows,
  options: { scaleMax?: number } = {},
): ParsedRegister {
  const scaleMax = options.scaleMax ?? 5;
  const problems: RowProblem[] = [];
  const position = new Map<string, number>();
  register.header.forEach((label, index) => {
    const key = String(label ?? "")
      .trim()
      .toLowerCase();
    if (key && !position.has(key)) position.set(key, index);
  });
  const missing = STAKEHOLDER_INPUTS.filter(
    (column) => column.required && column.type !== "id" && !position.has(column.header.toLowerCase()),
  );
  if (missing.length > 0) {
    problems.push({
      row: 1,
      column: "",
      message: `The header lacks ${missing.map((column) => `"${column.header}"`).join(", ")}.`,
    });
    return { records: [], problems };
  }

  const idIndex = position.get("id");
  const taken = new Set<string>();
  for (const { values } of register.rows) {
    const id = idIndex === undefined ? undefined : values[idIndex];
    if (typeof id === "string" && STAKEHOLDER_ID.test(id.trim())) taken.add(id.trim());
  }
  const seen = new Set<string>();
  const records: Stakeholder[] = [];
  for (const { row, values } of register.rows) {
    const record: Record<string, unknown> = {};
    const rowProblems: RowProblem[] = [];
    for (const column of STAKEHOLDER_INPUTS) {
      const index = position.get(column.header.toLowerCase());
      const read = index === undefined ? undefined : readCell(column, values[index], scaleMax);
      if (read === undefined) {
        if (column.required && column.type !== "id")
          rowProblems.push({ row, column: column.header, message: "is required" });
      } else if ("problem" in read) rowProblems.push({ row, column: column.header, message: read.problem });
      else record[column.field] = read.value;
    }
    if (typeof record.id === "string" && !STAKEHOLDER_ID.test(record.id)) {
      rowProblems.push({
        row,
        column: "ID",
        message: 'may hold only letters, digits, "-" and "_" (up to 40)',
      });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    record.id ??= nextId(taken);
    if (seen.has(record.id as string)) {
      problems.push({
        row,
        column: "ID",
        message: `${record.id} is used by an earlier row; this row was skipped`,
      });
      continue;
    }
    const parsed = StakeholderSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const header = STAKEHOLDER_INPUTS.find((column) => column.field === field)?.header ?? field;
        problems.push({ row, column: header, message: issue.message });
      }
      continue;
    }
    seen.add(parsed.data.id);
    records.push(parsed.data);
  }
  return { records, problems };
}

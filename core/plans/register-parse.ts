import { dateToSerial, isoDateToSerial } from "../dates";
import type { InputColumn, Register } from "./register-kit";
import type { Cell, Validation } from "./sheet-plan";

export function validationOf<R, O>(column: InputColumn<R, O>, options: O): Validation | undefined {
  return typeof column.validation === "function" ? column.validation(options) : column.validation;
}

/** Something wrong with one cell (or, with column "", the whole row) of a register. */
export interface RowProblem {
  /** Sheet row number; 1 is the header. */
  readonly row: number;
  /** The column's header, or "" for the row as a whole. */
  readonly column: string;
  /** The rest of a sentence that begins with the column's header: "must be …", "is required". */
  readonly message: string;
}

export interface ParsedRegister<R> {
  readonly records: R[];
  readonly problems: RowProblem[];
}

export interface RegisterRows {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly values: readonly (Cell | Date | undefined)[] }[];
}

type Read = { value: unknown } | { problem: string } | undefined;

/** A cell as the column's type reads it: a value, a problem, or undefined for a blank. */
function readCell<R, O>(column: InputColumn<R, O>, cell: Cell | Date | undefined, options: O): Read {
  if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))
    return undefined;
  const shown = typeof cell === "string" ? `"${cell.trim().slice(0, 40)}"` : String(cell);
  const { min, max, list = [] } = validationOf(column, options) ?? {};
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : "";
  const number =
    typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell.trim()) : Number.NaN;
  const inRange = Number.isFinite(number) && number >= (min ?? -Infinity) && number <= (max ?? Infinity);
  switch (column.type) {
    case "text":
      return {
        value:
          cell instanceof Date && Number.isFinite(cell.getTime())
            ? cell.toISOString().slice(0, 10)
            : String(cell).trim(),
      };
    case "whole":
      return Number.isInteger(number) && inRange
        ? { value: number }
        : { problem: `must be a whole number${range}, not ${shown}` };
    case "number":
      return inRange ? { value: number } : { problem: `must be a number${range}, not ${shown}` };
    case "choice": {
      if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1 && cell <= list.length)
        return { value: list[cell - 1] };
      const wanted = typeof cell === "string" ? cell.trim().toLowerCase() : "";
      const choice = list.find((item) => item.toLowerCase() === wanted);
      return choice ? { value: choice } : { problem: `must be one of ${list.join(", ")}, not ${shown}` };
    }
    case "date": {
      if (cell instanceof Date) return { value: Math.floor(dateToSerial(cell)) };
      if (typeof cell === "number" && cell >= 1 && cell <= 2958465) return { value: Math.floor(cell) };
      const serial = typeof cell === "string" ? isoDateToSerial(cell) : undefined;
      return serial !== undefined
        ? { value: serial }
        : { problem: `must be a date (yyyy-mm-dd), not ${shown}` };
    }
  }
}

/**
 * zod's own messages ("Invalid input", "Too big: …") name neither the field nor the rule. A
 * schema's checks carry their own messages; this names the rule for any check that forgot.
 */
function ruleOf(issue: { code?: string; expected?: unknown; maximum?: unknown; minimum?: unknown }): string {
  if (issue.code === "too_big") return `must be at most ${String(issue.maximum)}`;
  if (issue.code === "too_small") return `must be at least ${String(issue.minimum)}`;
  if (issue.code === "invalid_type") return `must be ${String(issue.expected)}`;
  return "is not allowed here";
}

/**
 * Reads a register's rows: the valid records, and for every bad row a message per wrong cell (row
 * number, column, what is wrong), never a crash. Columns are found by header, in any order. Rows
 * without a key get the next free one; a repeated key keeps its first row.
 */
export function parseRegister<R, O>(
  register: Register<R, O>,
  { header, rows }: RegisterRows,
  options: O,
): ParsedRegister<R> {
  const { inputs, keyColumn, declaration } = register;
  const problems: RowProblem[] = [];
  const position = new Map<string, number>();
  header.forEach((label, index) => {
    const key = String(label ?? "")
      .trim()
      .toLowerCase();
    if (key && !position.has(key)) position.set(key, index);
  });
  const missing = inputs.filter((column) => column.required && !position.has(column.header.toLowerCase()));
  if (missing.length > 0) {
    const headers = missing.map((column) => `"${column.header}"`).join(", ");
    return { records: [], problems: [{ row: 1, column: "", message: `The header lacks ${headers}.` }] };
  }
  const cellOf = (column: InputColumn<R, O>, values: RegisterRows["rows"][number]["values"]) => {
    const index = position.get(column.header.toLowerCase());
    return index === undefined ? undefined : values[index];
  };
  const keySchema = declaration.schema.shape[keyColumn.id];
  const taken = new Set<string>();
  for (const { values } of rows) {
    const key = cellOf(keyColumn, values);
    if (typeof key === "string" && keySchema?.safeParse(key.trim()).success) taken.add(key.trim());
  }
  const seen = new Set<string>();
  const records: R[] = [];
  for (const { row, values } of rows) {
    // A row with none of the register's cells filled is no record: a row of the user's own columns,
    // or of a block BuyIn keeps beside the table (a summary that runs longer than the table).
    if (inputs.every((column) => readCell(column, cellOf(column, values), options) === undefined)) continue;
    const record: Record<string, unknown> = {};
    const rowProblems: RowProblem[] = [];
    const refuse = (column: InputColumn<R, O>, message: string) =>
      rowProblems.push({ row, column: column.header, message });
    for (const column of inputs) {
      const read = readCell(column, cellOf(column, values), options);
      if (read === undefined) {
        if (column.required && column !== keyColumn) refuse(column, "is required");
      } else if ("problem" in read) refuse(column, read.problem);
      else {
        const checked = declaration.schema.shape[column.id]?.safeParse(read.value, { error: ruleOf });
        const broken =
          checked && !checked.success
            ? (checked.error.issues[0]?.message ?? "is not allowed here")
            : column.check?.(read.value as string | number, options);
        if (broken) refuse(column, broken);
        else record[column.id] = read.value;
      }
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    record[keyColumn.id] ??= register.nextKey(taken);
    const key = record[keyColumn.id] as string;
    if (seen.has(key)) {
      refuse(keyColumn, `${key} is used by an earlier row; this row was skipped`);
      problems.push(...rowProblems);
      continue;
    }
    const parsed = declaration.schema.safeParse(record, { error: ruleOf });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = inputs.find((candidate) => candidate.id === issue.path[0]);
        problems.push({ row, column: column?.header ?? "", message: issue.message });
      }
      continue;
    }
    seen.add(key);
    records.push(parsed.data);
  }
  return { records, problems };
}

/**
 * The panel's working copy of the register: every field as the text the user typed, so a
 * half-typed score is kept and flagged rather than lost. Pure functions, tested without a DOM.
 */
import {
  type Cell,
  type InputColumn,
  parseStakeholderRows,
  type RowProblem,
  STAKEHOLDER_INPUTS,
  type Stakeholder,
  serialToIsoDate,
} from "../../core/index";

export type Field = InputColumn["field"];

export interface DraftRow {
  /** Stable identity for rendering and focus, independent of the editable id. */
  readonly uid: string;
  readonly values: Readonly<Record<Field, string>>;
}

export interface Validated {
  readonly records: Stakeholder[];
  /** Messages by row uid and field; a row-wide message under the field "". */
  readonly problems: ReadonlyMap<string, ReadonlyMap<Field | "", string>>;
  readonly problemCount: number;
}

let uidCounter = 0;
function nextUid(): string {
  uidCounter += 1;
  return `row-${uidCounter}`;
}

const HEADERS = STAKEHOLDER_INPUTS.map((column) => column.header);

function blankValues(): Record<Field, string> {
  return Object.fromEntries(STAKEHOLDER_INPUTS.map((column) => [column.field, ""])) as Record<Field, string>;
}

/** The next free id of the form S-001 among the drafts. */
export function nextStakeholderId(drafts: readonly DraftRow[]): string {
  const taken = new Set(drafts.map((draft) => draft.values.id));
  for (let number = 1; ; number++) {
    const id = `S-${String(number).padStart(3, "0")}`;
    if (!taken.has(id)) return id;
  }
}

export function newDraft(drafts: readonly DraftRow[], values: Partial<Record<Field, string>> = {}): DraftRow {
  return {
    uid: nextUid(),
    values: {
      ...blankValues(),
      currentEngagement: "Neutral",
      desiredEngagement: "Supportive",
      ...values,
      id: values.id || nextStakeholderId(drafts),
    },
  };
}

function cellText(column: InputColumn, cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (column.type === "date" && typeof cell === "number") return serialToIsoDate(cell);
  return String(cell).trim();
}

export function draftFromRecord(record: Stakeholder): DraftRow {
  const values = blankValues();
  for (const column of STAKEHOLDER_INPUTS)
    values[column.field] = cellText(column, record[column.field] ?? null);
  return { uid: nextUid(), values };
}

/**
 * Rows of cells (a pasted block or a selection) as drafts. When the first row names the
 * register's columns it is read as a header; otherwise cells follow the register's column order
 * without the ID (Name, Role, Group, Power, Interest, …).
 */
export function draftsFromCells(
  cells: readonly (readonly Cell[])[],
  existing: readonly DraftRow[],
): DraftRow[] {
  const rows = cells.filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== ""));
  if (rows.length === 0) return [];
  const first = (rows[0] as readonly Cell[]).map((cell) =>
    String(cell ?? "")
      .trim()
      .toLowerCase(),
  );
  const byHeader = STAKEHOLDER_INPUTS.map((column) => first.indexOf(column.header.toLowerCase()));
  const hasHeader = byHeader.filter((index) => index >= 0).length >= 2;
  const order = hasHeader ? byHeader : STAKEHOLDER_INPUTS.map((_, index) => index - 1);
  const added: DraftRow[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const values: Partial<Record<Field, string>> = {};
    STAKEHOLDER_INPUTS.forEach((column, index) => {
      const at = order[index] as number;
      if (at >= 0) values[column.field] = cellText(column, row[at]);
    });
    added.push(newDraft([...existing, ...added], values));
  }
  return added;
}

/** Tab- or comma-separated text (as Excel, Sheets and most tools copy it) as rows of cells. */
export function cellsFromText(text: string): string[][] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const separator = lines.some((line) => line.includes("\t")) ? "\t" : ",";
  return lines.map((line) => line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, "$1")));
}

export function moveDraft(drafts: readonly DraftRow[], index: number, delta: -1 | 1): DraftRow[] {
  const target = index + delta;
  if (target < 0 || target >= drafts.length) return [...drafts];
  const next = [...drafts];
  [next[index], next[target]] = [next[target] as DraftRow, next[index] as DraftRow];
  return next;
}

/** Validates every draft with the same parser that reads the sheet back. */
export function validateDrafts(drafts: readonly DraftRow[], scaleMax = 5): Validated {
  const { records, problems } = parseStakeholderRows(
    {
      header: HEADERS,
      rows: drafts.map((draft, index) => ({
        row: index + 2,
        values: STAKEHOLDER_INPUTS.map((column) => draft.values[column.field]),
      })),
    },
    { scaleMax },
  );
  const byRow = new Map<string, Map<Field | "", string>>();
  for (const problem of problems as RowProblem[]) {
    const draft = drafts[problem.row - 2];
    if (!draft) continue;
    const field = STAKEHOLDER_INPUTS.find((column) => column.header === problem.column)?.field ?? "";
    const messages = byRow.get(draft.uid) ?? new Map<Field | "", string>();
    if (!messages.has(field))
      messages.set(field, `${problem.column ? `${problem.column} ` : ""}${problem.message}`);
    byRow.set(draft.uid, messages);
  }
  return { records, problems: byRow, problemCount: problems.length };
}

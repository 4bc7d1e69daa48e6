/**
 * What the kit-driven register editor (register-editor.tsx) works out apart from the screen: an
 * editor entry (a kit register, the registers its plans also read, its options and plans), the
 * drafts of a table as read back, and each draft as the list shows it (title, key, status, the
 * computed flags). A new register on the editor is one `editorEntry(...)` line.
 */
// Types only from core/index: this module loads on demand (lazy-screen.tsx), and a lazily loaded
// core/index would bring every export with it (the function catalog, the samples).
import type { Draft, InputColumn, Register, SheetPlan, TableSnapshot } from "../../core/index";
import { todaySerial } from "./kpi-model";
import { draftsFromTable } from "./register-editor-drafts";

// biome-ignore lint/suspicious/noExplicitAny: an entry holds a register of any record and options.
export type AnyRegister = Register<any, any>;

/** Records of the registers an entry's plans also read, by kind, as last read from the workbook. */
export type Companions = ReadonlyMap<string, readonly unknown[]>;

export interface EditorEntry {
  /** The register's kind: the entry's id, and the table read and written. */
  readonly id: string;
  readonly title: string;
  /** One line for the picker. */
  readonly summary: string;
  readonly register: AnyRegister;
  /** Registers the plans read too (goals need the alignment's links): read fresh before each write. */
  readonly companions: readonly AnyRegister[];
  /** The register's options; by default the day TODAY() shows, for the overdue flags. */
  options(companions: Companions): unknown;
  /** What Write applies, in one applyAll; by default the register's own plans. */
  plans(records: readonly unknown[], companions: Companions): SheetPlan[];
  /** Computed text columns whose flag is good news (a shortlist), shown green rather than amber. */
  readonly goodFlags: readonly string[];
  /** A row's line in the list, where its title column alone says too little (a link between two ids). */
  describe?(values: Readonly<Record<string, string>>): string;
  /** Values text fields offer by field id, from the companions (the goals' ids for a link's goal). */
  suggestions?(companions: Companions): Readonly<Record<string, readonly Suggestion[]>>;
}

export interface Suggestion {
  readonly value: string;
  readonly label: string;
}

/**
 * One entry of the editor: `editorEntry(REGISTER, "Title", "One line for the picker")`, with
 * `{ plans: (records, companions) => …, companions: [...], options: (companions) => …, goodFlags }`
 * where the register's own plans are not the whole write.
 */
export function editorEntry(
  register: AnyRegister,
  title: string,
  summary: string,
  more: Partial<
    Pick<EditorEntry, "companions" | "options" | "plans" | "goodFlags" | "describe" | "suggestions">
  > = {},
): EditorEntry {
  const options = more.options ?? (() => ({ today: todaySerial() }));
  return {
    id: register.declaration.kind,
    title,
    summary,
    register,
    companions: more.companions ?? [],
    options,
    plans: more.plans ?? ((records, companions) => register.plans(records, options(companions))),
    goodFlags: more.goodFlags ?? [],
    ...(more.describe ? { describe: more.describe } : {}),
    ...(more.suggestions ? { suggestions: more.suggestions } : {}),
  };
}

/**
 * The drafts of `register`'s table as read (none when the workbook has no such sheet). Rows blank
 * in every one of the register's columns are left out: a table's snapshot also holds what stands
 * beside it (the Feedback sheet's summary), which is no row of the register.
 */
export function tableDrafts(register: AnyRegister, table: TableSnapshot | undefined): Draft[] {
  if (!table) return [];
  const header = register.headerOf(table);
  const headers = new Set(register.inputs.map((column) => column.header.toLowerCase()));
  const own = header.flatMap((text, index) => (headers.has(text.trim().toLowerCase()) ? [index] : []));
  const rows = table.rows
    .map((row) => row.values)
    .filter((values) =>
      own.some((index) => values[index] !== null && values[index] !== undefined && values[index] !== ""),
    );
  return draftsFromTable(register, header, rows);
}

/** The records of `register`'s table as read, and how many of its cells could not be read. */
export function tableRecords(
  register: AnyRegister,
  table: TableSnapshot | undefined,
  options: unknown,
): { records: unknown[]; problems: number } {
  if (!table) return { records: [], problems: 0 };
  const parsed = register.parse({ header: register.headerOf(table), rows: table.rows }, options);
  return { records: parsed.records, problems: parsed.problems.length };
}

/**
 * The column a row is known by in the list and its form: the widest required text input (a
 * concern, not the group it is from), else the widest text input, else the key.
 */
export function titleColumn(register: AnyRegister): InputColumn<unknown, unknown> {
  const texts = register.inputs.filter((column) => column.role === "input" && column.type === "text");
  const widest = (columns: typeof texts) =>
    columns.reduce<(typeof texts)[number] | undefined>(
      (best, column) => (best && best.width >= column.width ? best : column),
      undefined,
    );
  return (widest(texts.filter((column) => column.required)) ??
    widest(texts) ??
    register.keyColumn) as InputColumn<unknown, unknown>;
}

/** The register's status column (a choice input with the id "status"), if it has one. */
export const statusColumn = (register: AnyRegister): InputColumn<unknown, unknown> | undefined =>
  register.inputs.find((column) => column.id === "status" && column.type === "choice") as
    | InputColumn<unknown, unknown>
    | undefined;

/** A computed text a row shows as a chip ("Overdue", "Shortlist"), and whether it is good news. */
export interface Flag {
  readonly label: string;
  readonly good: boolean;
}

/** The flags the sheet's computed text columns show for this record, as the kernels compute them. */
export function flagsOf(entry: EditorEntry, record: unknown, options: unknown): Flag[] {
  const values = entry.register.expected(record, options);
  return entry.register.outputs.flatMap((column) => {
    const value = values[column.id];
    return typeof value === "string" && value !== ""
      ? [{ label: value, good: entry.goodFlags.includes(column.id) }]
      : [];
  });
}

/** A choice column's choices under the register's options. */
export function choicesOf(column: InputColumn<unknown, unknown>, options: unknown): readonly string[] {
  const validation = typeof column.validation === "function" ? column.validation(options) : column.validation;
  return validation?.list ?? [];
}

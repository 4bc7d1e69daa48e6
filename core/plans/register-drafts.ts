/**
 * The panel's working copy of a register: every field as the text the user typed, so a half-typed
 * score is kept and flagged rather than lost. Checked by the same parser that reads the sheet.
 */
import { serialToIsoDate } from "../dates";
import type { InputColumn, Register } from "./register-kit";
import type { Cell } from "./sheet-plan";

export interface Draft<F extends string = string> {
  /** Stable identity for rendering and focus, independent of the editable key. */
  readonly uid: string;
  readonly values: Readonly<Record<F, string>>;
}

export interface CheckedDrafts<R, F extends string = string> {
  readonly records: R[];
  /** Messages by draft uid and field; a row-wide message under the field "". */
  readonly problems: ReadonlyMap<string, ReadonlyMap<F | "", string>>;
  readonly problemCount: number;
}

export interface DraftKit<R, O> {
  /** A new draft: the inputs' initial texts, then `values`, and the next free key when it has none. */
  newDraft(
    existing: readonly Draft<keyof R & string>[],
    values?: Partial<Record<keyof R & string, string>>,
  ): Draft<keyof R & string>;
  draftFromRecord(record: R): Draft<keyof R & string>;
  /**
   * Rows of cells (a pasted block, a selection, the sheet read back) as drafts. When the first row
   * names at least two of the register's columns it is a header; otherwise cells follow the
   * register's input order without the key.
   */
  draftsFromCells(
    cells: readonly (readonly Cell[])[],
    existing: readonly Draft<keyof R & string>[],
  ): Draft<keyof R & string>[];
  validateDrafts(drafts: readonly Draft<keyof R & string>[], options: O): CheckedDrafts<R, keyof R & string>;
}

let uidCounter = 0;
function nextUid(): string {
  uidCounter += 1;
  return `row-${uidCounter}`;
}

function cellText<R, O>(column: InputColumn<R, O>, cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (column.type === "date" && typeof cell === "number") return serialToIsoDate(cell);
  return String(cell).trim();
}

export function draftKit<R, O>(register: Register<R, O>): DraftKit<R, O> {
  type F = keyof R & string;
  const { inputs, keyColumn } = register;
  const initialValues = () =>
    Object.fromEntries(inputs.map((column) => [column.id, column.initial ?? ""])) as Record<F, string>;
  /** A draft whose key is its own or the next one `taken` lacks; `taken` gains the key. */
  const draftWith = (taken: Set<string>, values: Partial<Record<F, string>>): Draft<F> => {
    const key = values[keyColumn.id] || register.nextKey(taken);
    taken.add(key);
    return { uid: nextUid(), values: { ...initialValues(), ...values, [keyColumn.id]: key } };
  };
  const takenBy = (drafts: readonly Draft<F>[]) => new Set(drafts.map((draft) => draft.values[keyColumn.id]));
  const newDraft: DraftKit<R, O>["newDraft"] = (existing, values = {}) =>
    draftWith(takenBy(existing), values);
  return {
    newDraft,
    draftFromRecord: (record) => ({
      uid: nextUid(),
      values: Object.fromEntries(
        inputs.map((column) => [column.id, cellText(column, record[column.id] as Cell | undefined)]),
      ) as Record<F, string>,
    }),
    draftsFromCells: (cells, existing) => {
      const rows = cells.filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== ""));
      const first = (rows[0] ?? []).map((cell) =>
        String(cell ?? "")
          .trim()
          .toLowerCase(),
      );
      const byHeader = inputs.map((column) => first.indexOf(column.header.toLowerCase()));
      const hasHeader = byHeader.filter((index) => index >= 0).length >= 2;
      const order = hasHeader ? byHeader : inputs.map((_, index) => index - 1);
      // One set of taken keys for the whole paste: rebuilding it per row made 10,000 rows quadratic.
      const taken = takenBy(existing);
      return (hasHeader ? rows.slice(1) : rows).map((row) => {
        const values: Partial<Record<F, string>> = {};
        inputs.forEach((column, index) => {
          const at = order[index] as number;
          if (at >= 0) values[column.id] = cellText(column, row[at]);
        });
        return draftWith(taken, values);
      });
    },
    validateDrafts: (drafts, options) => {
      const { records, problems } = register.parse(
        {
          header: inputs.map((column) => column.header),
          rows: drafts.map((draft, index) => ({
            row: index + 2,
            values: inputs.map((column) => draft.values[column.id]),
          })),
        },
        options,
      );
      const byRow = new Map<string, Map<F | "", string>>();
      for (const problem of problems) {
        const draft = drafts[problem.row - 2];
        if (!draft) continue;
        const field = inputs.find((column) => column.header === problem.column)?.id ?? "";
        const messages = byRow.get(draft.uid) ?? new Map<F | "", string>();
        if (!messages.has(field))
          messages.set(field, `${problem.column ? `${problem.column} ` : ""}${problem.message}`);
        byRow.set(draft.uid, messages);
      }
      return { records, problems: byRow, problemCount: problems.length };
    },
  };
}

/**
 * The panel's drafts of the stakeholder register: the register kit's drafts (core/plans/
 * register-drafts.ts) for its declaration, checked by the same parser that reads the sheet back.
 */
import {
  type Cell,
  type CheckedDrafts,
  type Draft,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderMapOptions,
} from "../../core/index";
import { draftsFromTable as registerDraftsFromTable } from "./register-editor-drafts";

export type Field = keyof Stakeholder;
export type DraftRow = Draft<Field>;
export type Validated = CheckedDrafts<Stakeholder, Field>;

export const { newDraft, draftFromRecord, draftsFromCells } = STAKEHOLDER_REGISTER;

/** Validates every draft with the same parser that reads the sheet back. */
export function validateDrafts(drafts: readonly DraftRow[], options: StakeholderMapOptions = {}): Validated {
  return STAKEHOLDER_REGISTER.validateDrafts(drafts, options);
}

/** The register's table as read back, as drafts (register-editor-model.ts: keyed rows first). */
export const draftsFromTable = (header: readonly string[], rows: readonly (readonly Cell[])[]): DraftRow[] =>
  registerDraftsFromTable(STAKEHOLDER_REGISTER, header, rows);

/** One draft as checked: its record when valid, its problems by field otherwise. */
export interface RowCheck {
  readonly record?: Stakeholder;
  readonly problems?: ReadonlyMap<Field | "", string>;
}

/** The checks of a register's drafts, and how many drafts are still waiting for theirs. */
export interface Checked {
  readonly checks: Map<string, RowCheck>;
  readonly pending: number;
}

/**
 * Checks every draft row by row, reusing the check of each draft object (drafts are replaced, never
 * changed, on edit) while the options stay the same, so a keystroke re-checks one row. A key used by
 * an earlier row is checked against that row, so the parser gives its own message for it. Given a
 * `deadline` (performance.now()), drafts not yet checked by then wait for the next call: a 10,000-row
 * register opens at once and its checks arrive in slices.
 */
export function rowChecker(options: StakeholderMapOptions) {
  const cache = new WeakMap<DraftRow, RowCheck>();
  const checkOf = (rows: readonly DraftRow[], uid: string): RowCheck => {
    const { records, problems } = validateDrafts(rows, options);
    const own = problems.get(uid);
    return own ? { problems: own } : { record: records[records.length - 1] as Stakeholder };
  };
  return (drafts: readonly DraftRow[], deadline = Number.POSITIVE_INFINITY): Checked => {
    const checks = new Map<string, RowCheck>();
    const firstValid = new Map<string, DraftRow>();
    let pending = 0;
    for (const draft of drafts) {
      let check = cache.get(draft);
      if (!check) {
        if (pending > 0 || performance.now() > deadline) {
          pending += 1;
          continue;
        }
        check = checkOf([draft], draft.uid);
        cache.set(draft, check);
      }
      const key = draft.values.id.trim();
      const earlier = key ? firstValid.get(key) : undefined;
      if (earlier && check.record) check = checkOf([earlier, draft], draft.uid);
      else if (key && check.record) firstValid.set(key, draft);
      checks.set(draft.uid, check);
    }
    return { checks, pending };
  };
}

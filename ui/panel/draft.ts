/**
 * The panel's drafts of the stakeholder register: the register kit's drafts (core/plans/
 * register-drafts.ts) for its declaration, checked by the same parser that reads the sheet back.
 */
import {
  type CheckedDrafts,
  type Draft,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderMapOptions,
} from "../../core/index";

export type Field = keyof Stakeholder;
export type DraftRow = Draft<Field>;
export type Validated = CheckedDrafts<Stakeholder, Field>;

export const { newDraft, draftFromRecord, draftsFromCells } = STAKEHOLDER_REGISTER;

/** Validates every draft with the same parser that reads the sheet back. */
export function validateDrafts(drafts: readonly DraftRow[], options: StakeholderMapOptions = {}): Validated {
  return STAKEHOLDER_REGISTER.validateDrafts(drafts, options);
}

/** One draft as checked: its record when valid, its problems by field otherwise. */
export interface RowCheck {
  readonly record?: Stakeholder;
  readonly problems?: ReadonlyMap<Field | "", string>;
}

/**
 * Checks every draft row by row, reusing the check of each draft object (drafts are replaced, never
 * changed, on edit) while the options stay the same, so a keystroke re-checks one row. A key used by
 * an earlier row is checked against that row, so the parser gives its own message for it.
 */
export function rowChecker(options: StakeholderMapOptions) {
  const cache = new WeakMap<DraftRow, RowCheck>();
  const checkOf = (rows: readonly DraftRow[], uid: string): RowCheck => {
    const { records, problems } = validateDrafts(rows, options);
    const own = problems.get(uid);
    return own ? { problems: own } : { record: records[records.length - 1] as Stakeholder };
  };
  return (drafts: readonly DraftRow[]): Map<string, RowCheck> => {
    const checks = new Map<string, RowCheck>();
    const firstValid = new Map<string, DraftRow>();
    for (const draft of drafts) {
      let check = cache.get(draft);
      if (!check) {
        check = checkOf([draft], draft.uid);
        cache.set(draft, check);
      }
      const key = draft.values.id.trim();
      const earlier = key ? firstValid.get(key) : undefined;
      if (earlier && check.record) check = checkOf([earlier, draft], draft.uid);
      else if (key && check.record) firstValid.set(key, draft);
      checks.set(draft.uid, check);
    }
    return checks;
  };
}

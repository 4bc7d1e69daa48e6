/**
 * The panel's drafts of the stakeholder register: the register kit's drafts (core/plans/
 * register-drafts.ts) for its declaration, and the two helpers the screen adds around them.
 */
import { type CheckedDrafts, type Draft, STAKEHOLDER_REGISTER, type Stakeholder } from "../../core/index";

export type Field = keyof Stakeholder;
export type DraftRow = Draft<Field>;
export type Validated = CheckedDrafts<Stakeholder, Field>;

export const { newDraft, draftFromRecord, draftsFromCells } = STAKEHOLDER_REGISTER;

/** Validates every draft with the same parser that reads the sheet back. */
export function validateDrafts(drafts: readonly DraftRow[], scaleMax: 5 | 10 = 5): Validated {
  return STAKEHOLDER_REGISTER.validateDrafts(drafts, { scaleMax });
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

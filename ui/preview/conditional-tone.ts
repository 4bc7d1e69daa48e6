/**
 * Conditional formats as the preview shows them: the tone of a cell, from the rules on its sheet
 * (BuyIn's and the user's, in priority order), as Excel and Sheets pick it: the first rule over
 * the cell whose condition holds.
 */
import {
  type Cell,
  type ConditionalRule,
  parseRange,
  type ResolvedConditionalFormat,
  type Tone,
} from "../../core/index";

/** Whether a cell's value meets a rule: a text equal to the rule's, case aside, or a number below it. */
function meets(value: Cell, rule: ConditionalRule): boolean {
  if (rule.when === "equals")
    return typeof value === "string" && value.toLowerCase() === String(rule.value).toLowerCase();
  return typeof value === "number" && typeof rule.value === "number" && value < rule.value;
}

/** The tone of the cell at (row, column) holding `value`: the first rule over it that it meets. */
export function toneAt(
  rules: readonly ResolvedConditionalFormat[],
  row: number,
  column: number,
  value: Cell,
): Tone | undefined {
  return rules.find(({ range, rule }) => {
    const area = parseRange(range);
    const inside =
      row >= area.row &&
      row < area.row + area.rows &&
      column >= area.column &&
      column < area.column + area.columns;
    return inside && meets(value, rule);
  })?.rule.tone;
}

/**
 * How Excel rewrites the references in formulas and names when a user inserts or deletes rows or
 * columns, or sorts rows, for the Excel model (excel-model.ts). Sources:
 * - Insert and delete: every reference to a cell that moves follows it, relative or absolute
 *   alike, in every sheet and in workbook names; a range grows when rows are inserted inside it
 *   and shrinks when some of its rows are deleted; a reference whose cells are all deleted becomes
 *   #REF! ("How to correct a #REF! error": "The #REF! error shows when a formula refers to a cell
 *   that's not valid. This happens most often when cells that were referenced by formulas get
 *   deleted", https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d03-bfcc-8c3c5c4b1f6a).
 * - Sort: a sorted formula keeps its relative references' offsets, as if copied to its new row,
 *   and its absolute references as they were; references from elsewhere are not updated (Microsoft
 *   KB 40401, "XL: Errors Sorting Cells That Contain References": B3 `=A1` sorted to B1 becomes
 *   `=#REF!`, B1 `=A3` sorted to B3 becomes `=A5`, `=$A$3` stays;
 *   https://ftp.zx.net.nz/pub/archive/ftp.microsoft.com/MISC/KB/en-us/40/401.HTM).
 * - Sheet deleted: a reference to a cell of a deleted sheet becomes #REF! in its place, and a
 *   workbook name that referred to it then refers to #REF! ("How to correct a #REF! error", above:
 *   "a formula refers to a cell that's not valid"; Excel writes it as `=#REF!A1`, the sheet's
 *   name replaced by the error).
 * Modelled: A1 cell references and ranges of cells, with or without a sheet ('Name'! or Name!),
 * and column ranges (C:C). Not modelled: whole-row ranges (2:5), R1C1, structured references.
 */
import { columnLetter, columnNumber } from "../../core/index";

/**
 * A shift along one axis: rows or columns from `at` (1-based) inserted (count > 0) or deleted
 * (count < 0). `also` holds further deletions done with it, higher up the sheet (bottom-most
 * first, as a port deletes): their effects compose, each span in the sheet's coordinates before
 * any of them.
 */
export interface Shift {
  readonly sheet: string;
  readonly axis: "row" | "column";
  readonly at: number;
  readonly count: number;
  readonly also?: readonly { readonly at: number; readonly count: number }[];
}

const REF = "#REF!";
/**
 * A reference: an optional sheet ('It''s'! or Name!), then a cell or a cell range, or a column
 * range. Not preceded by a letter, digit, "_", "." or "$" (part of a name), nor followed by "(" (a
 * function such as LOG10).
 */
const REFERENCE =
  /(?<![A-Za-z0-9_.$])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3}))(?![A-Za-z0-9_(!])/g;

function sheetOf(prefix: string | undefined, home: string): string {
  if (!prefix) return home;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replaceAll("''", "'") : name;
}

/** Applies `rewrite` to every reference outside string literals. */
function mapReferences(formula: string, rewrite: (match: RegExpExecArray) => string): string {
  // Split on string literals ("…" with "" inside) so text is never taken for a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (...args) => {
            const match = args.slice(0, -2) as unknown as RegExpExecArray;
            return rewrite(match);
          }),
    )
    .join("");
}

/** Where a position goes: undefined when deleted; and a span, clipped, undefined when all deleted. */
interface Mover {
  point(position: number): number | undefined;
  span(first: number, last: number): [number, number] | undefined;
}

export function mover(shift: Shift): Mover {
  if (shift.count > 0) {
    const point = (position: number) => (position >= shift.at ? position + shift.count : position);
    return { point, span: (first, last) => [point(first), point(last)] };
  }
  // Deleted spans, ascending, disjoint, with the positions deleted below each.
  const spans = [{ at: shift.at, count: -shift.count }, ...(shift.also ?? [])].sort((x, y) => x.at - y.at);
  const below: number[] = [];
  spans.reduce((sum, span, index) => {
    below[index] = sum;
    return sum + span.count;
  }, 0);
  /** Positions deleted before `position`, and whether it is deleted itself. */
  const deleted = (position: number): { before: number; gone: boolean } => {
    let low = 0;
    let high = spans.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((spans[middle] as { at: number }).at <= position) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return { before: 0, gone: false };
    const span = spans[found] as { at: number; count: number };
    const base = below[found] as number;
    if (position < span.at + span.count) return { before: base + (position - span.at), gone: true };
    return { before: base + span.count, gone: false };
  };
  return {
    point(position) {
      const { before, gone } = deleted(position);
      return gone ? undefined : position - before;
    },
    span(first, last) {
      const start = first - deleted(first).before;
      const end = deleted(last);
      const stop = last - end.before - (end.gone ? 1 : 0);
      return stop < start ? undefined : [start, stop];
    },
  };
}

/** A formula (or a name's "=…") on sheet `home`, after rows or columns were inserted or deleted. */
export function shiftFormula(formula: string, home: string, shift: Shift, move = mover(shift)): string {
  if (!formula.includes("!") && home.toLowerCase() !== shift.sheet.toLowerCase()) return formula;
  return mapReferences(formula, (match) => {
    const [whole, prefix] = match;
    if (sheetOf(prefix, home).toLowerCase() !== shift.sheet.toLowerCase()) return whole;
    const pre = prefix ?? "";
    if (match[3] === undefined) {
      // A column range, such as C:C: rows do not touch it.
      if (shift.axis === "row") return whole;
      const span = move.span(columnNumber(match[11] as string), columnNumber(match[13] as string));
      if (!span) return REF;
      return `${pre}${match[10]}${columnLetter(span[0])}:${match[12]}${columnLetter(span[1])}`;
    }
    const start = { column: columnNumber(match[3]), row: Number(match[5]) };
    const end = match[7] === undefined ? start : { column: columnNumber(match[7]), row: Number(match[9]) };
    const key = shift.axis;
    const span = move.span(start[key], end[key]);
    if (!span) return REF;
    const first = { ...start, [key]: span[0] };
    const last = { ...end, [key]: span[1] };
    const cell = (dollarColumn: string | undefined, dollarRow: string | undefined, at: typeof first) =>
      `${dollarColumn ?? ""}${columnLetter(at.column)}${dollarRow ?? ""}${at.row}`;
    const head = `${pre}${cell(match[2], match[4], first)}`;
    return match[7] === undefined ? head : `${head}:${cell(match[6], match[8], last)}`;
  });
}

/**
 * A formula moved by a sort from row `from` to row `to`: its relative row
 * references move by the same offset, absolute ones stay; a row before 1 is #REF!.
 */
export function sortedFormula(formula: string, from: number, to: number): string {
  const offset = to - from;
  return mapReferences(formula, (match) => {
    const [whole, prefix] = match;
    if (match[3] === undefined) return whole;
    const rows = [match[5], match[9]].map((row, index) => {
      if (row === undefined) return undefined;
      const absolute = (index === 0 ? match[4] : match[8]) === "$";
      return absolute ? Number(row) : Number(row) + offset;
    });
    if (rows.some((row) => row !== undefined && row < 1)) return REF;
    const head = `${prefix ?? ""}${match[2]}${match[3]}${match[4]}${rows[0]}`;
    return match[7] === undefined ? head : `${head}:${match[6]}${match[7]}${match[8]}${rows[1]}`;
  });
}

/** A formula (or a name's "=…") on sheet `home` once sheet `deleted` is gone: its cells read #REF!. */
export function formulaWithoutSheet(formula: string, home: string, deleted: string): string {
  if (!formula.includes("!") && home.toLowerCase() !== deleted.toLowerCase()) return formula;
  return mapReferences(formula, (match) => {
    const [whole, prefix] = match;
    if (!prefix || sheetOf(prefix, home).toLowerCase() !== deleted.toLowerCase()) return whole;
    return `${REF}${whole.slice(prefix.length)}`;
  });
}

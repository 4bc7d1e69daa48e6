/**
 * The pre/post analysis of a selected range, apart from the screen: which two columns are the
 * scores (pre, then post), the learners' pairs, and the kernels' statistics of them, with a
 * sentence for every selection the analysis cannot use.
 */
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx), and a
// lazily loaded core/index would bring every export with it (the function catalog, the samples).
import { isFormulaError } from "../../core/errors";
import { effectSize } from "../../core/evaluation/effect-size";
import { normalizedGain } from "../../core/evaluation/normalized-gain";
import { pairedTTest } from "../../core/evaluation/paired-t";
import type { Assessment, Cell } from "../../core/index";

export interface Pairs {
  readonly pre: number[];
  readonly post: number[];
  /** Each pair's learner: the selection's first text column, else "Learner 1", "Learner 2" … */
  readonly learners: string[];
  /** Rows left out because a score was blank. */
  readonly skipped: number;
  /** The two columns' headers, when the selection's first row named them. */
  readonly headers: readonly [string, string];
}

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || String(cell).trim() === "";
const isNumber = (cell: Cell | undefined): cell is number =>
  typeof cell === "number" && Number.isFinite(cell);

/**
 * The pairs in a selection: a first row with no number is its header; the score columns are the
 * two columns holding numbers, the left one pre, the right one post. A row with one score blank is
 * left out (that learner missed a test); text where a score should be is refused, naming the cell.
 */
export function pairsFromSelection(
  cells: readonly (readonly Cell[])[],
): Pairs | { readonly problem: string } {
  const rows = cells.filter((row) => row.some((cell) => !isBlank(cell)));
  if (rows.length === 0)
    return { problem: "Select the learners' scores first: two columns, pre then post, one row per learner." };
  const hasHeader = !(rows[0] ?? []).some(isNumber);
  const header = hasHeader ? (rows[0] ?? []) : [];
  const body = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(...rows.map((row) => row.length));
  const numeric = Array.from({ length: width }, (_, column) => column).filter((column) =>
    body.some((row) => isNumber(row[column])),
  );
  if (numeric.length !== 2)
    return {
      problem: `Select exactly two columns of scores, pre then post: the selection has ${numeric.length === 0 ? "no column" : numeric.length === 1 ? "one column" : `${numeric.length} columns`} of numbers.`,
    };
  const [preColumn, postColumn] = numeric as [number, number];
  const nameColumn = Array.from({ length: width }, (_, column) => column).find(
    (column) =>
      !numeric.includes(column) &&
      body.some((row) => typeof row[column] === "string" && !isBlank(row[column])),
  );
  const pre: number[] = [];
  const post: number[] = [];
  const learners: string[] = [];
  let skipped = 0;
  for (const [index, row] of body.entries()) {
    const [before, after] = [row[preColumn], row[postColumn]];
    for (const cell of [before, after])
      if (!isBlank(cell) && !isNumber(cell))
        return {
          problem: `Row ${index + 1 + (hasHeader ? 1 : 0)} of the selection holds “${String(cell)}” where a score should be.`,
        };
    if (!isNumber(before) || !isNumber(after)) {
      skipped += 1;
      continue;
    }
    pre.push(before);
    post.push(after);
    const name = nameColumn === undefined ? "" : String(row[nameColumn] ?? "").trim();
    learners.push(name || `Learner ${index + 1}`);
  }
  const label = (column: number, fallback: string) => String(header[column] ?? "").trim() || fallback;
  return { pre, post, learners, skipped, headers: [label(preColumn, "Pre"), label(postColumn, "Post")] };
}

export interface Analysis {
  readonly n: number;
  readonly meanGain: number;
  readonly hakeGain: number;
  readonly dz: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
}

/** The kernels' statistics of the pairs; a refused input becomes the kernel's own message. */
export function analysePairs(
  pre: readonly number[],
  post: readonly number[],
  maxScore: number,
): Analysis | { readonly problem: string } {
  if (pre.length < 2)
    return {
      problem: `Select at least two learners with both scores: the selection has ${pre.length === 0 ? "none" : "one"}.`,
    };
  try {
    const test = pairedTTest(pre, post);
    const meanOf = (values: readonly number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
      n: pre.length,
      meanGain: meanOf(post) - meanOf(pre),
      hakeGain: normalizedGain(pre, post, maxScore),
      dz: effectSize(pre, post, "dz"),
      t: test.t,
      df: test.df,
      p: test.p,
    };
  } catch (failure) {
    if (isFormulaError(failure)) return { problem: failure.message };
    throw failure;
  }
}

/** The pairs as the assessment sheet's learners, keyed L-001, L-002 … in the selection's order. */
export function learnersOf(pairs: Pairs): Assessment[] {
  return pairs.pre.map((pre, index) => ({
    id: `L-${String(index + 1).padStart(3, "0")}`,
    learner: pairs.learners[index] ?? `Learner ${index + 1}`,
    pre,
    post: pairs.post[index] as number,
  }));
}

import { FormulaError } from "../errors";
import { requireFlows } from "../validate";

/**
 * Pre and post scores of the same learners, in the same order: one pair per learner, at least
 * `minimum` pairs. A learner with only one score is left out by the catalog before this check.
 */
export function requirePairs(
  fn: string,
  pre: readonly number[],
  post: readonly number[],
  minimum: number,
): void {
  requireFlows(fn, "pre", pre, minimum);
  requireFlows(fn, "post", post, minimum);
  if (pre.length !== post.length)
    throw new FormulaError(
      "VALUE",
      `${fn}: pre and post must hold one score per learner each, in the same order: ${pre.length} pre scores, ${post.length} post`,
    );
}

/** post − pre, learner by learner. */
export function differences(pre: readonly number[], post: readonly number[]): number[] {
  return post.map((value, index) => value - (pre[index] as number));
}

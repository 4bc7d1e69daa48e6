/**
 * How the panel gets the evaluation screens: here, from its own bundle. The task pane's build
 * swaps this module for addin/load-evaluation-screens.ts, which loads them as a script of their own.
 */
import * as screens from "./evaluation-screens";

export type EvaluationScreens = typeof screens;

export const loadEvaluationScreens = (): Promise<EvaluationScreens> => Promise.resolve(screens);

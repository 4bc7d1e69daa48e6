/**
 * How the panel gets the evaluation screens: here, from its own bundle. The task pane's build
 * swaps this module for addin/load-screens-on-use.ts, which loads them as a script of their own.
 */
import * as screens from "./screens-on-use";

export type ScreensOnUse = typeof screens;

export const loadScreensOnUse = (): Promise<ScreensOnUse> => Promise.resolve(screens);

/**
 * The evaluation screens, loaded together on first use (lazy-screen.tsx). The Excel task pane gets
 * them as a bundle of their own, addin/evaluation-screens.js (esbuild.config.mjs), so the pane
 * starts within its 150 KB budget; the Sheets sidebar and the preview hold them inline.
 */
export { EvaluationScreen } from "./evaluation-screen";
export { KpiScreen } from "./kpi-screen";

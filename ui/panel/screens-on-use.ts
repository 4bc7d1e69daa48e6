/**
 * The screens loaded together on first use (lazy-screen.tsx): evaluation, and every screen added
 * after the stakeholder ones (business case, playbook). The Excel task pane gets them as a bundle
 * of their own, addin/screens-on-use.js (esbuild.config.mjs), so the pane starts within its 150 KB
 * budget; the Sheets sidebar and the preview hold them inline. A new screen is one more export.
 */
export { EvaluationScreen } from "./evaluation-screen";
export { KpiScreen } from "./kpi-screen";
export { PlaybookScreen } from "./playbook-screen";
export { buildToolkit } from "./toolkit-build";

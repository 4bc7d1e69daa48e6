/**
 * The screens loaded together on first use (lazy-screen.tsx): every screen but Home, the
 * stakeholder register and Help. The Excel task pane loads them as a script of their own
 * (addin/screens-on-use.js), the Sheets sidebar gets the same code from its server
 * (esbuild.config.mjs), so each starts within its 150 KB budget; the preview holds them inline. A
 * new screen is one more export.
 */
import caseStyles from "./case-screen.css";
import evaluationStyles from "./evaluation.css";

export { CaseScreen } from "./case-screen";
export { EvaluationScreen } from "./evaluation-screen";
export { KpiScreen } from "./kpi-screen";
export { MapScreen } from "./map-screen";
export { PlaybookScreen } from "./playbook-screen";
export { SettingsScreen } from "./settings-screen";
export { buildToolkit } from "./toolkit-build";

/** These screens' styles, which arrive with their code: lazy-screen.tsx adds them to the page once. */
export const screenStyles = evaluationStyles + caseStyles;

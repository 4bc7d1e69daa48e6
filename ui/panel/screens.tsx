/**
 * Every screen of the panel, registered here once: its id, title, icon, one-line summary, the
 * component, and the parts of the workbook it needs (the shell reads them, Home lists them). A new
 * screen (business case, KPIs, evaluation, playbook) is one more entry.
 */
import type { JSX } from "preact";
import { MAP_KIND, REGISTER_KIND, SETTINGS_KIND } from "../../core/index";
import type { Panel } from "./app";
import { HelpScreen } from "./help-screen";
import { HomeScreen } from "./home-screen";
import type { IconName } from "./icons";
import { lazyScreen } from "./lazy-screen";
import { MapScreen } from "./map-screen";
import { SettingsScreen } from "./settings-screen";
import { StakeholdersScreen } from "./stakeholders-screen";

/** The parts of a workbook screens read: BuyIn's sheets, by kind. */
export type WorkbookPart = string;
export const WORKBOOK_PARTS: ReadonlyMap<WorkbookPart, { readonly title: string; readonly rows: string }> =
  new Map([
    [REGISTER_KIND, { title: "Stakeholder register", rows: "people" }],
    [SETTINGS_KIND, { title: "Settings", rows: "" }],
    [MAP_KIND, { title: "Stakeholder map sheet", rows: "" }],
    ["kpis", { title: "KPI tracker", rows: "KPIs" }],
    ["evaluation-chain", { title: "Evaluation chain", rows: "levels" }],
  ]);

export interface ScreenSpec {
  readonly id: string;
  readonly title: string;
  readonly icon: IconName;
  readonly summary: string;
  readonly needs: readonly WorkbookPart[];
  /** The part of the workbook this screen is where to see and make, for Home's links. */
  readonly shows?: WorkbookPart;
  readonly component: (props: { panel: Panel }) => JSX.Element;
  /** The screen writes and reads its own sheets: the shell's Write/Refresh (the stakeholder register) are hidden. */
  readonly ownActions?: boolean;
}

export const SCREENS = [
  {
    id: "home",
    title: "Home",
    icon: "home",
    summary: "What the workbook has, and what is missing",
    needs: [],
    component: HomeScreen,
  },
  {
    id: "stakeholders",
    title: "Stakeholders",
    icon: "people",
    summary: "The register: who they are, how they score",
    needs: [REGISTER_KIND, SETTINGS_KIND],
    shows: REGISTER_KIND,
    component: StakeholdersScreen,
  },
  {
    id: "map",
    title: "Power/interest map",
    icon: "grid",
    summary: "Mendelow's grid of the register",
    needs: [REGISTER_KIND, SETTINGS_KIND, MAP_KIND],
    shows: MAP_KIND,
    component: MapScreen,
  },
  {
    id: "kpis",
    title: "KPIs",
    icon: "trend",
    summary: "Tracker, status, trend, the next report",
    needs: ["kpis"],
    shows: "kpis",
    component: lazyScreen((screens) => screens.KpiScreen),
    ownActions: true,
  },
  {
    id: "evaluation",
    title: "Evaluation",
    icon: "check",
    summary: "Chain of impact, pre/post analysis",
    needs: ["evaluation-chain"],
    shows: "evaluation-chain",
    component: lazyScreen((screens) => screens.EvaluationScreen),
    ownActions: true,
  },
  {
    id: "playbook",
    title: "Playbook",
    icon: "flag",
    summary: "Goals, engagement, quick wins, concerns",
    needs: [],
    component: lazyScreen((screens) => screens.PlaybookScreen),
    ownActions: true,
  },
  {
    id: "settings",
    title: "Settings",
    icon: "sliders",
    summary: "Scale, threshold, weights, champions",
    needs: [SETTINGS_KIND],
    shows: SETTINGS_KIND,
    component: SettingsScreen,
  },
  {
    id: "help",
    title: "Help",
    icon: "help",
    summary: "What the scores and levels mean, and their sources",
    needs: [SETTINGS_KIND],
    component: HelpScreen,
  },
] satisfies readonly ScreenSpec[];

export type ScreenId = ScreenSpec["id"];

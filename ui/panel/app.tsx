/**
 * The panel both hosts show: a header, navigation between screens, and the screen. Screens are
 * listed once here; later capabilities add theirs to SCREENS.
 */
import { useState } from "preact/hooks";
import type { WorkbookPort } from "../workbook-port";
import type { DraftRow } from "./draft";
import { StakeholdersScreen } from "./stakeholders-screen";

export type Theme = "fluent" | "google";

export interface AppProps {
  readonly port: WorkbookPort;
  readonly initialStakeholders?: readonly DraftRow[];
}

const SCREENS = [{ id: "stakeholders", label: "Stakeholders" }] as const;
type ScreenId = (typeof SCREENS)[number]["id"];

export function App({ port, initialStakeholders }: AppProps) {
  const [screen, setScreen] = useState<ScreenId>("stakeholders");
  return (
    <div class="buyin-app">
      <header class="app-header">
        <h1>BuyIn</h1>
        <nav aria-label="BuyIn screens">
          <ul class="nav-list">
            {SCREENS.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  class="nav-item"
                  aria-current={screen === entry.id ? "page" : undefined}
                  onClick={() => setScreen(entry.id)}
                >
                  {entry.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {screen === "stakeholders" ? (
          <StakeholdersScreen port={port} initial={initialStakeholders ?? []} />
        ) : null}
      </main>
    </div>
  );
}

/**
 * The panel both hosts show: a header with the screen menu, the current screen, the status area
 * and the action bar (Write, Refresh), which stays on screen. Screens are listed once, in
 * screens.tsx; the shell reads what they need, and writes with one task for all of them.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  CONCERN_KIND,
  changeSettings,
  concernEntries,
  REGISTER_KIND,
  SETTINGS_KIND,
  type SettingChange,
  type SheetPlan,
  STAKEHOLDER_REGISTER,
  stakeholderMap,
} from "../../core/index";
import type { TableSnapshot, WorkbookPort } from "../workbook-port";
import { type Question, useConfirm } from "./confirm-dialog";
import { draftsFromTable, validateDrafts } from "./draft";
import { Icon } from "./icons";
import { panelLocale } from "./locale-dates";
import { type RegisterModel, useRegister } from "./register-model";
import { SCREENS, type ScreenId, type ScreenSpec, type WorkbookPart } from "./screens";
import { settingsFromTable, type WorkbookSettings } from "./settings";
import { StatusArea } from "./status-area";
import { useWorkbookTask, type WorkbookTask } from "./workbook-task";

export type Theme = "fluent" | "google";

/** What every screen is handed: the workbook as last read, the register, and the shared pieces. */
export interface Panel {
  readonly task: WorkbookTask;
  readonly ask: (question: Question) => Promise<boolean>;
  readonly register: RegisterModel;
  readonly settings: WorkbookSettings;
  /** Each part of the workbook the screens need, as last read or written (undefined: missing); empty before the first read. */
  readonly parts: ReadonlyMap<WorkbookPart, PartFound | undefined>;
  readonly screens: readonly ScreenSpec[];
  readonly canReadSelection: boolean;
  readonly helpUrl?: string;
  go(screen: ScreenId): void;
  /** The workbook's locale (BCP 47), as its host reports it, else the browser's: dates show in it. */
  readonly locale: string;
  /** Writes settings changed on the Settings screen, each only over the value read (compare-and-set); true when all were written. */
  writeSettings(changes: readonly SettingChange[]): Promise<boolean>;
  /** Reads the workbook again: its parts and the stakeholder register. */
  refresh(): Promise<unknown>;
}

/** A part of the workbook that is there: its sheet, and how many rows it holds below its header. */
export interface PartFound {
  readonly sheet: string;
  readonly rows: number;
}

export interface AppProps {
  readonly port: WorkbookPort;
  readonly helpUrl?: string;
}

const NEEDED = [...new Set(SCREENS.flatMap((screen) => screen.needs))];

export function App({ port, helpUrl }: AppProps) {
  const [screen, setScreen] = useState<ScreenId>("home");
  const [menuOpen, setMenuOpen] = useState(false);
  const [parts, setParts] = useState<ReadonlyMap<WorkbookPart, PartFound | undefined>>(new Map());
  const [settingsTable, setSettingsTable] = useState<TableSnapshot | undefined>();
  const [reportedLocale, setReportedLocale] = useState<string | undefined>();
  const locale = useMemo(() => panelLocale(reportedLocale), [reportedLocale]);
  const task = useWorkbookTask(port);
  const [dialog, ask] = useConfirm();
  const settings = useMemo(() => settingsFromTable(settingsTable), [settingsTable]);
  const register = useRegister(settings.options, task);
  const menuButton = useRef<HTMLButtonElement>(null);
  const current = SCREENS.find((entry) => entry.id === screen) ?? (SCREENS[0] as ScreenSpec);

  /** Reads every part the screens need; on opening, quietly when the workbook has none yet. */
  const refresh = (opening = false) =>
    task.run("Refreshing from the workbook", async (io) => {
      io.progress("Reading the workbook…", 0, 1);
      // The concerns too: the register's Champion column never shows someone with an open high-severity one.
      const kinds = [...NEEDED, CONCERN_KIND];
      const read = await Promise.all(kinds.map((kind) => io.read(kind)));
      const tables = new Map(kinds.map((kind, index) => [kind, read[index]]));
      setParts(
        new Map(
          NEEDED.map((kind) => {
            const table = tables.get(kind);
            return [kind, table ? { sheet: table.sheet, rows: table.rows.length } : undefined];
          }),
        ),
      );
      setSettingsTable(tables.get("settings"));
      const reported = read.find((table) => table?.locale)?.locale;
      if (reported) setReportedLocale(reported);
      const table = tables.get(REGISTER_KIND);
      if (!table) {
        register.load([], concernEntries(tables.get(CONCERN_KIND)));
        if (!opening) task.report({ tone: "info", text: "The workbook has no BuyIn stakeholder sheet yet." });
        return;
      }
      const header = STAKEHOLDER_REGISTER.headerOf(table);
      const loaded = draftsFromTable(
        header,
        table.rows.map((row) => row.values),
      );
      register.load(loaded, concernEntries(tables.get(CONCERN_KIND)));
      task.report({
        tone: "success",
        text: `Loaded ${loaded.length} row${loaded.length === 1 ? "" : "s"} from “${table.sheet}”.`,
      });
    });

  const askRefresh = async () => {
    if (
      register.dirty &&
      !(await ask({
        title: "Discard your changes?",
        text: "Refreshing replaces the panel's unsaved changes with the workbook's register.",
        yes: "Discard and refresh",
        no: "Keep editing",
      }))
    )
      return;
    await refresh();
  };

  const write = async () => {
    // The whole register, checked by the parser that reads the sheet: the truth before any write.
    const checked = validateDrafts(register.drafts, settings.options);
    if (checked.problemCount > 0) {
      register.wake();
      task.report({
        tone: "warning",
        text: `Fix ${checked.problemCount} problem${checked.problemCount === 1 ? "" : "s"} before writing: nothing was written.`,
      });
      return;
    }
    const kept = new Set(checked.records.map((record) => record.id));
    const removed = [...register.known].filter(([id]) => !kept.has(id)).map(([id, name]) => name || id);
    if (removed.length > 0) {
      const names = `${removed.slice(0, 5).join(", ")}${removed.length > 5 ? ` and ${removed.length - 5} more` : ""}`;
      const confirmed = await ask({
        title: `Remove ${removed.length} stakeholder${removed.length === 1 ? "" : "s"}?`,
        text: `Writing removes ${removed.length} stakeholder${removed.length === 1 ? "" : "s"} from the workbook: ${names}. Rows holding your own notes are kept.`,
        yes: "Remove and write",
        no: "Keep editing",
      });
      if (!confirmed) return;
    }
    await task.run("Writing to the workbook", async (io) => {
      const plans: SheetPlan[] = stakeholderMap(checked.records, {
        ...settings.options,
        concerns: register.concerns,
      });
      io.progress(`Writing ${plans.map((plan) => plan.title).join(", ")}…`, 0, 1);
      const reports = await io.apply(plans);
      register.written(checked.records);
      const written = new Map<string, PartFound>(
        plans.map((plan, index) => [
          plan.kind,
          { sheet: reports[index]?.sheet ?? plan.title, rows: plan.table?.rows.length ?? 0 },
        ]),
      );
      setParts(new Map(NEEDED.map((kind) => [kind, written.get(kind) ?? parts.get(kind)])));
      const messages = reports.flatMap((report) => report.messages);
      task.report({
        tone: messages.length > 0 ? "warning" : "success",
        text: `Wrote ${checked.records.length} stakeholder${checked.records.length === 1 ? "" : "s"} to the workbook.`,
        details: messages,
      });
    });
  };

  const writeSettings = async (changes: readonly SettingChange[]) =>
    (await task.run("Writing the settings", async (io) => {
      const [current] = STAKEHOLDER_REGISTER.plans([], settings.options);
      const [report] = await io.apply([changeSettings(current as SheetPlan, changes)]);
      // The sheet as it now is: the formulas that read the settings have moved with them.
      setSettingsTable(await io.read(SETTINGS_KIND));
      const conflicts = report?.conflicts ?? [];
      task.report({
        tone: conflicts.length > 0 ? "warning" : "success",
        text:
          conflicts.length > 0
            ? `Wrote ${changes.length - conflicts.length} of ${changes.length} setting${changes.length === 1 ? "" : "s"}: the sheet changed since the panel read it.`
            : `Wrote ${changes.length} setting${changes.length === 1 ? "" : "s"} to “${report?.sheet}”.`,
        details: conflicts.map((conflict) => conflict.message),
      });
      return conflicts.length === 0;
    })) ?? false;

  // Opening the panel starts from the workbook.
  useEffect(() => {
    void refresh(true);
  }, []);

  const go = (id: ScreenId) => {
    setScreen(id);
    setMenuOpen(false);
    menuButton.current?.focus();
  };
  const panel: Panel = {
    task,
    ask,
    register,
    settings,
    parts,
    screens: SCREENS,
    canReadSelection: !!port.readSelection,
    ...(helpUrl ? { helpUrl } : {}),
    go,
    locale,
    writeSettings,
    refresh,
  };
  const Screen = current.component;
  const hint =
    register.pending > 0
      ? `Checking ${register.pending} row${register.pending === 1 ? "" : "s"}…`
      : register.shownProblems > 0
        ? `${register.shownProblems} problem${register.shownProblems === 1 ? "" : "s"} to fix`
        : register.dirty
          ? "Unsaved changes"
          : "";
  return (
    <div class="buyin-app">
      <header class="app-header">
        <span class="app-name">BuyIn</span>
        <nav
          aria-label="BuyIn screens"
          class="app-nav"
          onKeyDown={(event) => {
            if (event.key === "Escape" && menuOpen) go(current.id);
          }}
        >
          <button
            ref={menuButton}
            type="button"
            class="menu-button"
            aria-expanded={menuOpen}
            aria-controls="screen-menu"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            <Icon name={current.icon} />
            <span>{current.title}</span>
            <Icon name="chevron" />
          </button>
          {menuOpen ? (
            <ul id="screen-menu" class="screen-menu">
              {SCREENS.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    aria-current={entry.id === current.id ? "page" : undefined}
                    onClick={() => go(entry.id)}
                  >
                    <Icon name={entry.icon} />
                    <span class="menu-title">{entry.title}</span>
                    <span class="menu-summary">{entry.summary}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </nav>
      </header>
      <main class="app-main" aria-label={current.title} tabIndex={-1}>
        <Screen panel={panel} />
      </main>
      <StatusArea task={task} />
      <div class="action-bar" hidden={current.ownActions}>
        <button
          type="button"
          class="primary"
          onClick={() => void write()}
          disabled={task.busy}
          aria-describedby="write-hint"
        >
          <Icon name="write" />
          Write to workbook
        </button>
        <button type="button" onClick={() => void askRefresh()} disabled={task.busy}>
          <Icon name="refresh" />
          Refresh
        </button>
        <span id="write-hint" class="hint">
          {hint}
        </span>
      </div>
      {dialog}
    </div>
  );
}

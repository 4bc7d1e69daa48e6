/**
 * The KPIs screen at 300 px: the tracker as a list (name, status chip, a small trend line, latest
 * against target), one KPI at a time in a form checked as you type by the parser that reads the
 * sheet, with the actual of each period. It reads and writes the tracker, and creates the next
 * stakeholder report, through the shell's task (one apply of the core's plans each).
 */
import { useEffect, useMemo, useState } from "preact/hooks";
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx), and a
// lazily loaded core/index would bring every export with it (the function catalog, the samples).
import type { Cell, Kpi } from "../../core/index";
import { kpiRegister, kpiTrackerPlans } from "../../core/plans/kpi-register";
import { measuresOf } from "../../core/plans/report-registers";
import { reportPlans } from "../../core/plans/stakeholder-report";
import type { Panel } from "./app";
import { cellsFromClipboard } from "./clipboard";
import { Icon } from "./icons";
import { type ActualsImport, actualsFromCells, applyActuals, defaultPeriod } from "./kpi-actuals";
import {
  actualsOf,
  formatValue,
  issuedLines,
  type KpiDraft,
  kpiDrafts,
  nextReport,
  periodsOf,
  REPORT_SOURCE_KINDS,
  reportSources,
  statusOf,
  todaySerial,
  toleranceOf,
  trackerOptions,
} from "./kpi-model";
import { RegisterField } from "./register-editor-field";
import { Sparkline } from "./sparkline";

const TRACKER = "kpis";
const TRACKER_SETTINGS = "kpi-settings";
const REPORT = "report";

/** The chip's class for a status: one colour per status, as the sheet's conditional formats. */
export const statusClass = (status: string) =>
  status ? `chip status-${status.toLowerCase().replace(/\s+/g, "-")}` : "chip chip-pending";

/**
 * The KPIs as edited and not yet written, kept while another screen is open: coming back shows
 * them, not the workbook's (Reload asks before discarding them).
 */
let unsaved: { periods: readonly string[]; tolerance: number; drafts: readonly KpiDraft[] } | undefined;

export function KpiScreen({ panel }: { panel: Panel }) {
  const { task, ask } = panel;
  const [periods, setPeriods] = useState<readonly string[]>(() => unsaved?.periods ?? periodsOf(undefined));
  const [tolerance, setTolerance] = useState(unsaved?.tolerance ?? 0.1);
  const [drafts, setDrafts] = useState<readonly KpiDraft[]>(unsaved?.drafts ?? []);
  const [dirty, setDirty] = useState(unsaved !== undefined);
  const [editing, setEditing] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(unsaved !== undefined);
  // A block of actuals being previewed: its cells, where they came from, and the period a single
  // column of values fills.
  const [incoming, setIncoming] = useState<
    { cells: readonly (readonly Cell[])[]; source: string; period: number } | undefined
  >();
  unsaved = dirty ? { periods, tolerance, drafts } : undefined;
  const register = kpiRegister(periods);
  const options = trackerOptions(periods, tolerance);
  const checked = useMemo(() => register.validateDrafts(drafts, options), [drafts, register, tolerance]);
  const recordOf = useMemo(() => {
    // Records come back in the drafts' order, skipping drafts with problems.
    const map = new Map<string, Kpi>();
    let next = 0;
    for (const draft of drafts) {
      if (checked.problems.has(draft.uid)) continue;
      const record = checked.records[next++];
      if (record) map.set(draft.uid, record);
    }
    return map;
  }, [checked, drafts]);

  const read = () =>
    task.run("Reading the KPI tracker", async (io) => {
      io.progress("Reading the KPIs…", 0, 1);
      const [table, settings] = await Promise.all([io.read(TRACKER), io.read(TRACKER_SETTINGS)]);
      const found = periodsOf(table);
      setPeriods(found);
      setTolerance(toleranceOf(settings));
      setDrafts(kpiDrafts(table, found));
      setDirty(false);
      setLoaded(true);
      task.report(
        table
          ? {
              tone: "success",
              text: `Loaded ${table.rows.length} KPI${table.rows.length === 1 ? "" : "s"} from “${table.sheet}”.`,
            }
          : { tone: "info", text: "The workbook has no KPI tracker yet: add a KPI and write." },
      );
    });

  useEffect(() => {
    if (!dirty) void read();
  }, []);

  const askRead = async () => {
    if (
      dirty &&
      !(await ask({
        title: "Discard your changes?",
        text: "Refreshing replaces the panel's unsaved KPI changes with the workbook's tracker.",
        yes: "Discard and refresh",
        no: "Keep editing",
      }))
    )
      return;
    await read();
  };

  const write = async () => {
    if (checked.problemCount > 0) {
      task.report({
        tone: "warning",
        text: `Fix ${checked.problemCount} problem${checked.problemCount === 1 ? "" : "s"} in the KPIs before writing: nothing was written.`,
      });
      return;
    }
    await task.run("Writing the KPI tracker", async (io) => {
      const plans = kpiTrackerPlans(checked.records, options);
      io.progress("Writing the KPIs…", 0, 1);
      const reports = await io.apply(plans);
      setDirty(false);
      const messages = reports.flatMap((report) => report.messages);
      task.report({
        tone: messages.length > 0 ? "warning" : "success",
        text: `Wrote ${checked.records.length} KPI${checked.records.length === 1 ? "" : "s"} to the workbook.`,
        details: messages,
      });
    });
  };

  const createReport = () =>
    task.run("Creating the next report", async (io) => {
      if (checked.problemCount > 0) {
        task.report({ tone: "warning", text: "Fix the KPIs' problems first: the report reads them." });
        return;
      }
      io.progress("Reading the reports issued, their audiences and stories…", 0, 2);
      const [report, audiences, stories, stakeholders] = await Promise.all(
        [
          REPORT,
          REPORT_SOURCE_KINDS.audiences,
          REPORT_SOURCE_KINDS.stories,
          REPORT_SOURCE_KINDS.stakeholders,
        ].map((kind) => io.read(kind)),
      );
      const sources = reportSources({ audiences, stories, stakeholders }, checked.records);
      if (sources.problems.length > 0) {
        task.report({
          tone: "warning",
          text: `Fix ${sources.problems.length} problem${sources.problems.length === 1 ? "" : "s"} in the report's audiences or stories first: nothing was added.`,
          details: sources.problems,
        });
        return;
      }
      const { lines: issued, problems } = issuedLines(report);
      const request = nextReport(checked.records, issued, tolerance, todaySerial(), sources);
      const added = measuresOf(request.audiences);
      const plans = reportPlans(request);
      const adding = (plans.at(-1)?.table?.rows.length ?? 0) - issued.length;
      if (Object.values(added).flat().length === 0 || adding === 0) {
        task.report({
          tone: "info",
          text:
            Object.values(added).flat().length === 0
              ? "No KPIs to report on."
              : "Today's report is already issued: nothing was added.",
        });
        return;
      }
      io.progress("Writing the report…", 1, 2);
      const reports = await io.apply(plans);
      const groups = Object.keys(added).length;
      task.report({
        tone: problems > 0 ? "warning" : "success",
        text: `Added today's report: ${adding} line${adding === 1 ? "" : "s"} for ${groups} group${groups === 1 ? "" : "s"}, below ${issued.length} issued.`,
        details: [
          ...(problems > 0
            ? [
                `${problems} row${problems === 1 ? "" : "s"} of the Report sheet could not be read and were kept as they are.`,
              ]
            : []),
          ...reports.flatMap((report) => report.messages),
        ],
      });
    });

  const edit = (uid: string, field: string, value: string) => {
    setDrafts(
      drafts.map((draft) =>
        draft.uid === uid ? { ...draft, values: { ...draft.values, [field]: value } } : draft,
      ),
    );
    setDirty(true);
  };
  const add = () => {
    const draft = register.newDraft(drafts) as KpiDraft;
    setDrafts([...drafts, draft]);
    setDirty(true);
    setEditing(draft.uid);
  };
  const remove = (uid: string) => {
    setDrafts(drafts.filter((draft) => draft.uid !== uid));
    setDirty(true);
    setEditing(undefined);
  };

  const receive = (cells: readonly (readonly Cell[])[], source: string) => {
    setEditing(undefined);
    setIncoming({ cells, source, period: defaultPeriod(drafts, periods.length) });
  };
  const onPaste = (event: ClipboardEvent) => {
    const cells = cellsFromClipboard(event.clipboardData?.getData("text/plain") ?? "");
    // One cell stays a normal paste into a field; a block of cells is actuals to preview.
    if (cells.length < 2 && (cells[0]?.length ?? 0) < 2) return;
    event.preventDefault();
    receive(cells, "the clipboard");
  };
  const pasteButton = async () => {
    try {
      receive(cellsFromClipboard(await navigator.clipboard.readText()), "the clipboard");
    } catch {
      task.report({
        tone: "info",
        text: "This host keeps the clipboard from the button: click the KPI list and press Ctrl+V (⌘V on a Mac).",
      });
    }
  };
  const importSelection = () =>
    task.run("Reading the selection", async (io) => {
      if (!io.readSelection) return;
      io.progress("Reading the selection…", 0, 1);
      receive(await io.readSelection(), "the selection");
    });
  const applyIncoming = (changes: ActualsImport["changes"]) => {
    setDrafts(applyActuals(drafts, changes));
    setDirty(true);
    setIncoming(undefined);
    task.report({
      tone: "success",
      text: `Entered ${changes.length} actual${changes.length === 1 ? "" : "s"} in the panel's KPIs: Write KPIs puts them in the tracker.`,
    });
  };

  if (incoming)
    return (
      <section class="screen" aria-labelledby="actuals-heading">
        <ActualsPreview
          read={actualsFromCells(incoming.cells, drafts, periods, incoming.period)}
          source={incoming.source}
          periods={periods}
          period={incoming.period}
          units={new Map(drafts.map((draft) => [draft.uid, draft.values.unit]))}
          disabled={task.busy}
          onPeriod={(period) => setIncoming({ ...incoming, period })}
          onApply={applyIncoming}
          onCancel={() => setIncoming(undefined)}
        />
      </section>
    );

  const current = drafts.find((draft) => draft.uid === editing);
  if (current)
    return (
      <section class="screen" onPaste={onPaste}>
        <KpiForm
          draft={current}
          periods={periods}
          problems={checked.problems.get(current.uid)}
          disabled={task.busy}
          onEdit={(field, value) => edit(current.uid, field, value)}
          onBack={() => setEditing(undefined)}
          onDelete={() => remove(current.uid)}
        />
      </section>
    );

  const withProblems = checked.problems.size;
  return (
    <section class="screen" aria-labelledby="kpis-heading" onPaste={onPaste}>
      <div class="screen-header">
        <h2 id="kpis-heading">KPIs</h2>
        <span class="count">
          {`${drafts.length} KPI${drafts.length === 1 ? "" : "s"}${withProblems > 0 ? `, ${withProblems} to fix` : ""}${dirty ? ", unsaved" : ""}`}
        </span>
      </div>
      <div class="toolbar" role="toolbar" aria-label="KPI tracker">
        <button type="button" onClick={add} disabled={task.busy}>
          <Icon name="plus" />
          Add KPI
        </button>
        <button type="button" class="primary" onClick={() => void write()} disabled={task.busy}>
          <Icon name="write" />
          Write KPIs
        </button>
        <button
          type="button"
          aria-label="Paste actuals"
          title="Paste actuals copied from Excel or Sheets: KPI ids or names first, then one column per period."
          onClick={() => void pasteButton()}
          disabled={task.busy || drafts.length === 0}
        >
          <Icon name="paste" />
          Paste
        </button>
        {panel.canReadSelection ? (
          <button
            type="button"
            aria-label="Import actuals from the selection"
            title="Import the actuals in the workbook's selected range."
            onClick={() => void importSelection()}
            disabled={task.busy || drafts.length === 0}
          >
            <Icon name="import" />
            Import
          </button>
        ) : null}
        <button type="button" onClick={() => void askRead()} disabled={task.busy}>
          <Icon name="refresh" />
          Reload
        </button>
      </div>
      {drafts.length === 0 ? (
        <p class="empty">
          {loaded
            ? "No KPIs yet. Add one, or write the tracker from another file and reload."
            : "Reading the KPIs…"}
        </p>
      ) : (
        <ul class="kpi-list" aria-label="KPIs">
          {drafts.map((draft) => {
            const record = recordOf.get(draft.uid);
            const problems = checked.problems.get(draft.uid)?.size ?? 0;
            const { values, latest } = record
              ? actualsOf(record, periods.length)
              : { values: [], latest: undefined };
            const status = record ? statusOf(record, periods.length, tolerance) : "";
            const unit = draft.values.unit;
            return (
              <li key={draft.uid}>
                <button
                  type="button"
                  class={`kpi-row${problems > 0 ? " has-problem" : ""}`}
                  onClick={() => setEditing(draft.uid)}
                >
                  <span class="kpi-text">
                    <span class="kpi-name">{draft.values.kpi || "(no name)"}</span>
                    <span class="kpi-figures">
                      {problems > 0
                        ? `${problems} to fix`
                        : `${formatValue(latest, unit)} · target ${formatValue(record?.target, unit)}`}
                    </span>
                  </span>
                  <Sparkline values={values} />
                  <span class={problems > 0 ? "chip chip-problem" : statusClass(status)}>
                    {problems > 0 ? "Fix" : status || "No data"}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="kpi-report">
        <button type="button" onClick={() => void createReport()} disabled={task.busy || drafts.length === 0}>
          <Icon name="plus" />
          Create the next report
        </button>
        <span class="field-hint">
          Adds today's dated section to the Report sheet: each group with its measures (Report Audiences
          sheet) and the success stories aimed at it; earlier reports stay as issued.
        </span>
      </div>
    </section>
  );
}

/** The fields of one KPI: its name, its actual in each period (what is entered most), then the rest. */
function KpiForm({
  draft,
  periods,
  problems,
  disabled,
  onEdit,
  onBack,
  onDelete,
}: {
  draft: KpiDraft;
  periods: readonly string[];
  problems: ReadonlyMap<string, string> | undefined;
  disabled: boolean;
  onEdit(field: string, value: string): void;
  onBack(): void;
  onDelete(): void;
}) {
  const register = kpiRegister(periods);
  const inputs = register.inputs.filter((column) => !/^actual\d+$/.test(column.id) && column.role !== "key");
  const actuals = register.inputs.filter((column) => /^actual\d+$/.test(column.id));
  const field = (column: (typeof register.inputs)[number]) => (
    <RegisterField
      key={column.id}
      column={column}
      id={`kpi-field-${column.id}`}
      value={draft.values[column.id] ?? ""}
      choices={typeof column.validation === "object" ? (column.validation.list ?? []) : []}
      problem={problems?.get(column.id)}
      hint={column.hint}
      disabled={disabled}
      onEdit={(value) => onEdit(column.id, value)}
    />
  );
  return (
    <form
      class="person-form"
      aria-labelledby="kpi-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onBack();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <div class="form-top">
        <button type="button" class="subtle form-back" onClick={onBack}>
          <Icon name="back" />
          Back to KPIs
        </button>
        <span class="muted">{draft.values.id}</span>
      </div>
      <h2 id="kpi-form-heading">{draft.values.kpi?.trim() || "New KPI"}</h2>
      {problems?.get("") ? <p class="problem">{problems.get("")}</p> : null}
      {inputs.slice(0, 1).map(field)}
      <fieldset class="kpi-actuals">
        <legend>Actuals by period</legend>
        {actuals.map(field)}
      </fieldset>
      {inputs.slice(1).map(field)}
      <div class="form-bottom">
        <button type="button" class="danger" onClick={onDelete} disabled={disabled}>
          <Icon name="trash" />
          Delete KPI
        </button>
      </div>
    </form>
  );
}

/**
 * What a block of actuals will change before anything does: each new value, each value it
 * overwrites (marked), the KPIs and periods the tracker lacks, and the cells left out.
 */
function ActualsPreview({
  read,
  source,
  periods,
  period,
  units,
  disabled,
  onPeriod,
  onApply,
  onCancel,
}: {
  read: ActualsImport | { unreadable: string };
  source: string;
  periods: readonly string[];
  period: number;
  units: ReadonlyMap<string, string | undefined>;
  disabled: boolean;
  onPeriod(period: number): void;
  onApply(changes: ActualsImport["changes"]): void;
  onCancel(): void;
}) {
  const changes = "changes" in read ? read.changes : [];
  const overwrites = changes.filter((change) => change.before !== "").length;
  const shownBefore = (change: ActualsImport["changes"][number]) => {
    const number = Number(change.before);
    return Number.isFinite(number) ? formatValue(number, units.get(change.uid)) : change.before;
  };
  const list = (heading: string, items: readonly string[]) =>
    items.length === 0 ? null : (
      <>
        <h3 class="section-heading">{heading}</h3>
        <ul class="actuals-left-out">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    );
  return (
    <div class="actuals-preview">
      <div class="form-top">
        <button type="button" class="subtle form-back" onClick={onCancel}>
          <Icon name="back" />
          Back to KPIs
        </button>
      </div>
      <h2 id="actuals-heading">Actuals from {source}</h2>
      {"unreadable" in read ? (
        <p class="analysis-problem">{read.unreadable}</p>
      ) : (
        <>
          {read.layout === "one period" ? (
            <div class="field">
              <label for="actuals-period">Period of the values</label>
              <select
                id="actuals-period"
                value={String(period)}
                disabled={disabled}
                onChange={(event) => onPeriod(Number(event.currentTarget.value))}
              >
                {periods.map((header, index) => (
                  <option key={header} value={String(index)}>
                    {header}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <p class="field-hint">
            {`${changes.length} change${changes.length === 1 ? "" : "s"}${overwrites > 0 ? `, ${overwrites} overwriting a value` : ""}${read.unchanged > 0 ? `; ${read.unchanged} already as in the panel` : ""}.`}
          </p>
          {changes.length > 0 ? (
            <ul class="actuals-changes" aria-label="Changes">
              {changes.map((change) => (
                <li key={`${change.uid} ${change.period}`} class={change.before === "" ? "" : "overwrite"}>
                  <span class="kpi-text">
                    <span class="kpi-name">{change.kpi}</span>
                    <span class="kpi-figures">
                      {`${periods[change.period]}: ${change.before === "" ? "" : `${shownBefore(change)} → `}${formatValue(change.after, units.get(change.uid))}`}
                    </span>
                  </span>
                  <span class={change.before === "" ? "chip chip-pending" : "chip chip-overwrite"}>
                    {change.before === "" ? "New" : "Overwrites"}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {list("Not KPIs of the tracker (left out)", read.unknownKpis)}
          {list("Not periods of the tracker (left out)", read.unknownPeriods)}
          {list("Left out", read.problems)}
        </>
      )}
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          disabled={disabled || changes.length === 0}
          onClick={() => onApply(changes)}
        >
          <Icon name="check" />
          {`Enter ${changes.length} actual${changes.length === 1 ? "" : "s"}`}
        </button>
        <button type="button" onClick={onCancel} disabled={disabled}>
          Cancel
        </button>
      </div>
      <p class="field-hint">Entered actuals change the panel's KPIs; Write KPIs puts them in the tracker.</p>
    </div>
  );
}

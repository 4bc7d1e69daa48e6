/**
 * The Stakeholders screen: the register as an editable table, checked as you type by the same
 * parser that reads the sheet, a live power/interest grid, and the two workbook actions.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  REGISTER_KIND,
  type SheetPlan,
  STAKEHOLDER_INPUTS,
  STAKEHOLDER_REGISTER,
  stakeholderMap,
} from "../../core/index";
import type { WorkbookPort } from "../workbook-port";
import {
  cellsFromText,
  type DraftRow,
  draftsFromCells,
  type Field,
  moveDraft,
  newDraft,
  validateDrafts,
} from "./draft";
import { PowerInterestGrid } from "./power-interest-grid";

/** Columns shown in the table row; the rest sit in the row's details. */
const MAIN_FIELDS: readonly Field[] = [
  "name",
  "role",
  "power",
  "interest",
  "influence",
  "currentEngagement",
  "desiredEngagement",
];
const DETAIL_FIELDS: readonly Field[] = [
  "id",
  "group",
  "legitimacy",
  "urgency",
  "owner",
  "caresAbout",
  "concerns",
  "lastContact",
  "nextContact",
];
const COLUMN = new Map(STAKEHOLDER_INPUTS.map((column) => [column.id, column]));
const SHORT_HEADER: Partial<Record<Field, string>> = {
  currentEngagement: "Current",
  desiredEngagement: "Desired",
  influence: "Influence",
};

type Status = { tone: "info" | "success" | "warning" | "error"; text: string; details?: readonly string[] };

export interface StakeholdersScreenProps {
  readonly port: WorkbookPort;
  readonly initial?: readonly DraftRow[];
  readonly scaleMax?: 5 | 10;
}

export function StakeholdersScreen({ port, initial = [], scaleMax = 5 }: StakeholdersScreenProps) {
  const [drafts, setDrafts] = useState<readonly DraftRow[]>(initial);
  const [open, setOpen] = useState<string | undefined>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<{ label: string; step: number; steps: number } | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [confirmRefresh, setConfirmRefresh] = useState(false);
  // The stakeholders the workbook holds as of the last load or write, by id: writing without one
  // of them removes it from the sheet, so the panel asks first.
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(
    () => new Map(initial.map((draft) => [draft.values.id, draft.values.name])),
  );
  const [confirmRemoval, setConfirmRemoval] = useState<readonly string[] | undefined>();
  // A row added empty shows no problems until it is edited or a write is attempted.
  const [quiet, setQuiet] = useState<ReadonlySet<string>>(new Set());
  const running = useRef(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const validated = useMemo(() => validateDrafts(drafts, scaleMax), [drafts, scaleMax]);

  const update = (next: readonly DraftRow[]) => {
    setDrafts(next);
    setDirty(true);
  };
  const edit = (uid: string, field: Field, value: string) =>
    update(
      drafts.map((draft) =>
        draft.uid === uid ? { ...draft, values: { ...draft.values, [field]: value } } : draft,
      ),
    );
  const focusRow = (uid: string) =>
    requestAnimationFrame(() =>
      tableRef.current?.querySelector<HTMLInputElement>(`[data-row="${uid}"] input`)?.focus(),
    );

  const add = () => {
    const draft = newDraft(drafts);
    setQuiet(new Set([...quiet, draft.uid]));
    update([...drafts, draft]);
    focusRow(draft.uid);
  };
  const addCells = (cells: readonly (readonly (string | number | boolean | null)[])[], source: string) => {
    const added = draftsFromCells(cells, drafts);
    if (added.length === 0) {
      setStatus({ tone: "warning", text: `Nothing to add from the ${source}.` });
      return;
    }
    update([...drafts, ...added]);
    setStatus({
      tone: "success",
      text: `Added ${added.length} row${added.length === 1 ? "" : "s"} from the ${source}.`,
    });
  };
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    // A plain value pasted into one field stays a normal paste; rows of cells become stakeholders.
    if (!/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    addCells(cellsFromText(text), "clipboard");
  };
  const pasteButton = async () => {
    try {
      addCells(cellsFromText(await navigator.clipboard.readText()), "clipboard");
    } catch {
      setStatus({
        tone: "info",
        text: "Click any field of the table and press Ctrl+V (⌘V on a Mac) to paste rows.",
      });
    }
  };

  async function run(
    label: string,
    work: (step: (label: string, step: number, steps: number) => void) => Promise<void>,
  ) {
    if (running.current) return;
    running.current = true;
    setStatus(undefined);
    try {
      await work((text, step, steps) => setBusy({ label: text, step, steps }));
    } catch (error) {
      setStatus({
        tone: "error",
        text: `${label} failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }

  const importSelection = () =>
    run("Import", async (step) => {
      if (!port.readSelection) return;
      step("Reading the selection…", 0, 1);
      addCells(await port.readSelection(), "selection");
    });

  const write = (confirmed = false) =>
    run("Writing to the workbook", async (step) => {
      setConfirmRemoval(undefined);
      if (validated.problemCount > 0) {
        setQuiet(new Set());
        setStatus({
          tone: "warning",
          text: `Fix ${validated.problemCount} problem${validated.problemCount === 1 ? "" : "s"} before writing: nothing was written.`,
        });
        return;
      }
      const kept = new Set(validated.records.map((record) => record.id));
      const removed = [...known].filter(([id]) => !kept.has(id)).map(([id, name]) => name || id);
      if (removed.length > 0 && !confirmed) {
        setConfirmRemoval(removed);
        return;
      }
      const plans: SheetPlan[] = stakeholderMap(validated.records, { scaleMax });
      step(`Writing ${plans.map((plan) => plan.title).join(", ")}…`, 0, 1);
      const reports = await port.applyAll(plans);
      const messages = reports.flatMap((report) => report.messages);
      setKnown(new Map(validated.records.map((record) => [record.id, record.name])));
      setDirty(false);
      setStatus({
        tone: messages.length > 0 ? "warning" : "success",
        text: `Wrote ${validated.records.length} stakeholder${validated.records.length === 1 ? "" : "s"} to the workbook.`,
        details: messages,
      });
    });

  /** Loads the workbook's register; on opening, quietly when the workbook has none yet. */
  const refresh = (opening = false) =>
    run("Refreshing from the workbook", async (step) => {
      setConfirmRefresh(false);
      step("Reading the Stakeholders sheet…", 0, 1);
      const table = await port.readTable(REGISTER_KIND);
      if (!table) {
        if (!opening) {
          setStatus({
            tone: "info",
            text: "The workbook has no BuyIn stakeholder sheet yet: write one first.",
          });
        }
        return;
      }
      const header = STAKEHOLDER_REGISTER.headerOf(table);
      const loaded = draftsFromCells([header, ...table.rows.map((row) => row.values)], []);
      const check = validateDrafts(loaded, scaleMax);
      setDrafts(loaded);
      setKnown(new Map(loaded.map((draft) => [draft.values.id, draft.values.name])));
      setDirty(false);
      setStatus({
        tone: check.problemCount > 0 ? "warning" : "success",
        text: `Loaded ${loaded.length} row${loaded.length === 1 ? "" : "s"} from “${table.sheet}”${check.problemCount > 0 ? `; ${check.problemCount} need fixing` : ""}.`,
      });
    });

  // Opening the panel on a workbook that already has a register starts from it.
  useEffect(() => {
    if (initial.length === 0) void refresh(true);
  }, []);

  const fieldInput = (draft: DraftRow, field: Field, name: string, problem: string | undefined) => {
    const column = COLUMN.get(field);
    const id = `${draft.uid}-${field}`;
    const label = `${column?.header ?? field} for ${name}`;
    const common = {
      id,
      "aria-label": label,
      title: column?.hint,
      "aria-invalid": problem ? true : undefined,
      "aria-describedby": problem ? `${id}-problem` : undefined,
      disabled: !!busy,
    };
    if (column?.type === "choice") {
      return (
        <select
          {...common}
          value={draft.values[field]}
          onChange={(event) => edit(draft.uid, field, event.currentTarget.value)}
        >
          <option value="">—</option>
          {(typeof column.validation === "object" ? (column.validation.list ?? []) : []).map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      );
    }
    const onInput = (event: { currentTarget: HTMLInputElement }) =>
      edit(draft.uid, field, event.currentTarget.value);
    if (column?.type === "date")
      return <input {...common} type="date" value={draft.values[field]} onInput={onInput} />;
    const numeric = column?.type === "whole";
    return (
      <input
        {...common}
        type="text"
        inputMode={numeric ? "numeric" : undefined}
        class={numeric ? "score" : undefined}
        value={draft.values[field]}
        onInput={onInput}
      />
    );
  };

  const shownProblems = [...validated.problems].reduce(
    (count, [uid, messages]) => (quiet.has(uid) ? count : count + messages.size),
    0,
  );
  /** The message beside a wrong field; its id is what the field's aria-describedby names. */
  const problemNote = (draft: DraftRow, field: Field, problem: string | undefined) =>
    problem ? (
      <span id={`${draft.uid}-${field}-problem`} class="problem" role="alert">
        {problem}
      </span>
    ) : null;

  const problemText = (uid: string, field: Field) =>
    quiet.has(uid) ? undefined : validated.problems.get(uid)?.get(field);

  return (
    <section class="screen" aria-labelledby="stakeholders-heading">
      <div class="screen-header">
        <h2 id="stakeholders-heading">Stakeholders</h2>
        <span class="count">{`${drafts.length} in the register`}</span>
      </div>
      <PowerInterestGrid people={validated.records} scaleMax={scaleMax} />
      <div class="toolbar" role="toolbar" aria-label="Register">
        <button type="button" onClick={add} disabled={!!busy}>
          Add stakeholder
        </button>
        <button type="button" onClick={pasteButton} disabled={!!busy}>
          Paste rows
        </button>
        {port.readSelection ? (
          <button type="button" onClick={importSelection} disabled={!!busy}>
            Import selection
          </button>
        ) : null}
      </div>
      {/* Rows pasted into any field of the table (Ctrl+V) land here and become stakeholders. */}
      <div class="table-wrap" ref={tableRef} onPaste={onPaste}>
        <table class="register">
          <thead>
            <tr>
              {MAIN_FIELDS.map((field) => (
                <th key={field} scope="col">
                  {SHORT_HEADER[field] ?? COLUMN.get(field)?.header}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.length === 0 ? (
              <tr>
                <td colSpan={MAIN_FIELDS.length + 1} class="empty">
                  No stakeholders yet. Add one, paste rows copied from a sheet, or refresh from the workbook.
                </td>
              </tr>
            ) : null}
            {drafts.map((draft, index) => {
              const name = draft.values.name || `row ${index + 1}`;
              const rowProblem = quiet.has(draft.uid) ? undefined : validated.problems.get(draft.uid);
              const detailsOpen = open === draft.uid || DETAIL_FIELDS.some((field) => rowProblem?.has(field));
              return [
                <tr key={draft.uid} data-row={draft.uid} class={rowProblem ? "has-problem" : undefined}>
                  {MAIN_FIELDS.map((field) => {
                    const problem = problemText(draft.uid, field);
                    return (
                      <td key={field}>
                        {fieldInput(draft, field, name, problem)}
                        {problemNote(draft, field, problem)}
                      </td>
                    );
                  })}
                  <td class="row-actions">
                    <button
                      type="button"
                      aria-label={`Move ${name} up`}
                      disabled={!!busy || index === 0}
                      onClick={() => update(moveDraft(drafts, index, -1))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={`Move ${name} down`}
                      disabled={!!busy || index === drafts.length - 1}
                      onClick={() => update(moveDraft(drafts, index, 1))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={`${detailsOpen ? "Hide" : "Show"} details of ${name}`}
                      aria-expanded={detailsOpen}
                      onClick={() => setOpen(open === draft.uid ? undefined : draft.uid)}
                    >
                      ⋯
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete ${name}`}
                      disabled={!!busy}
                      onClick={() => update(drafts.filter((candidate) => candidate.uid !== draft.uid))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>,
                detailsOpen ? (
                  <tr key={`${draft.uid}-details`} class="details">
                    <td colSpan={MAIN_FIELDS.length + 1}>
                      <div class="detail-fields">
                        {DETAIL_FIELDS.map((field) => {
                          const problem = problemText(draft.uid, field);
                          return (
                            <label key={field} class="detail" for={`${draft.uid}-${field}`}>
                              <span>{COLUMN.get(field)?.header}</span>
                              {fieldInput(draft, field, name, problem)}
                              {problemNote(draft, field, problem)}
                            </label>
                          );
                        })}
                      </div>
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => write()}
          disabled={!!busy}
          aria-describedby="write-hint"
        >
          Write to workbook
        </button>
        <button type="button" onClick={() => (dirty ? setConfirmRefresh(true) : refresh())} disabled={!!busy}>
          Refresh from workbook
        </button>
        <span id="write-hint" class="hint">
          {shownProblems > 0
            ? `${shownProblems} problem${shownProblems === 1 ? "" : "s"} to fix`
            : dirty
              ? "Unsaved changes"
              : ""}
        </span>
      </div>
      {confirmRemoval ? (
        <div class="confirm" role="alertdialog" aria-labelledby="removal-text">
          <p id="removal-text">
            {`Writing removes ${confirmRemoval.length} stakeholder${confirmRemoval.length === 1 ? "" : "s"} from the workbook: ${confirmRemoval.slice(0, 5).join(", ")}${confirmRemoval.length > 5 ? ` and ${confirmRemoval.length - 5} more` : ""}. Rows holding your own notes are kept.`}
          </p>
          <button type="button" class="primary" onClick={() => write(true)}>
            Remove and write
          </button>
          <button type="button" onClick={() => setConfirmRemoval(undefined)}>
            Keep editing
          </button>
        </div>
      ) : null}
      {confirmRefresh ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            Refreshing replaces the panel's unsaved changes with the workbook's register.
          </p>
          <button type="button" class="primary" onClick={() => refresh()}>
            Discard changes and refresh
          </button>
          <button type="button" onClick={() => setConfirmRefresh(false)}>
            Keep editing
          </button>
        </div>
      ) : null}
      <div class="status" role="status" aria-live="polite">
        {busy ? (
          <div class="progress">
            <span>{busy.label}</span>
            <progress value={busy.step} max={busy.steps} aria-label={busy.label} />
          </div>
        ) : null}
        {status ? (
          <div class={`message ${status.tone}`}>
            <p>{status.text}</p>
            {status.details && status.details.length > 0 ? (
              <ul>
                {status.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

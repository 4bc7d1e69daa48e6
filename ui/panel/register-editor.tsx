/**
 * The kit-driven register editor at 300 px: any register declared with the kit
 * (core/plans/register-kit.ts) as a searchable, filterable list (one line per row: its title, key,
 * and a chip for its status or the flag its computed columns show; rows with problems kept and
 * marked), one row at a time in a form made from the register's columns, checked as you type by
 * the parser that reads the sheet back. Write applies the entry's plans in one applyAll and reads
 * the register back; Reload reads it. Edits not yet written are kept while another screen is open.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Draft } from "../../core/index";
import type { Panel } from "./app";
import { Icon } from "./icons";
import { RegisterField } from "./register-editor-field";
import {
  type Companions,
  choicesOf,
  type EditorEntry,
  flagsOf,
  statusColumn,
  tableDrafts,
  tableRecords,
  titleColumn,
} from "./register-editor-model";
import { type ListRow, RegisterList } from "./register-list";

/** A register's rows as edited and not yet written, by entry: coming back shows them, not the workbook's. */
const unsaved = new Map<string, { drafts: readonly Draft[]; known: ReadonlyMap<string, string> }>();

const ALL = "All";
const FLAGGED = "Flagged";
const WITH_PROBLEMS = "With problems";
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function RegisterEditor({
  panel,
  entry,
  onBack,
  backLabel = "Back",
}: {
  panel: Panel;
  entry: EditorEntry;
  /** Back to where the editor was picked from (the Playbook's list of registers), and its button's text. */
  onBack?: () => void;
  backLabel?: string;
}) {
  const { task, ask } = panel;
  const { register } = entry;
  const kept = unsaved.get(entry.id);
  const [drafts, setDrafts] = useState<readonly Draft[]>(kept?.drafts ?? []);
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(kept?.known ?? new Map());
  const [dirty, setDirty] = useState(kept !== undefined);
  const [loaded, setLoaded] = useState(kept !== undefined);
  const [companions, setCompanions] = useState<Companions>(new Map());
  // Rows added and not yet touched: their problems wait until the first edit (or a write).
  const [quiet, setQuiet] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<{ uid: string; isNew: boolean } | undefined>();
  const [active, setActive] = useState<string | undefined>();
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState(ALL);
  const listArea = useRef<HTMLDivElement>(null);
  // The drafts as the latest edit left them, so an undo after later edits never restores a stale list.
  const latest = useRef(drafts);
  latest.current = drafts;
  const shown = useRef<readonly ListRow[]>([]);
  if (dirty) unsaved.set(entry.id, { drafts, known });
  else unsaved.delete(entry.id);

  const options = useMemo(() => entry.options(companions), [entry, companions]);
  const suggestions = useMemo(() => entry.suggestions?.(companions) ?? {}, [entry, companions]);
  const checked = useMemo(() => register.validateDrafts(drafts, options), [register, drafts, options]);
  const recordOf = useMemo(() => {
    // Records come back in the drafts' order, skipping drafts with problems.
    const map = new Map<string, unknown>();
    let next = 0;
    for (const draft of drafts)
      if (!checked.problems.has(draft.uid)) map.set(draft.uid, checked.records[next++]);
    return map;
  }, [checked, drafts]);
  const problemsOf = (uid: string) => (quiet.has(uid) ? undefined : checked.problems.get(uid));
  const keyId = register.keyColumn.id;
  const title = titleColumn(register);
  const status = statusColumn(register);
  const statuses = status ? choicesOf(status, options) : [];
  const flagged = register.outputs.length > 0;

  const change = (next: readonly Draft[]) => {
    latest.current = next;
    setDrafts(next);
    setDirty(true);
  };
  const load = (next: readonly Draft[]) => {
    latest.current = next;
    setDrafts(next);
    setKnown(new Map(next.map((draft) => [draft.values[keyId] ?? "", draft.values[title.id] ?? ""])));
    setQuiet(new Set());
    setDirty(false);
    setLoaded(true);
  };

  /** Reads the companions (always) and the register (unless `keepDrafts`). */
  const read = (keepDrafts = false) =>
    task.run(`Reading ${entry.title}`, async (io) => {
      io.progress(`Reading ${entry.title}…`, 0, 1);
      const [table, ...others] = await Promise.all([
        io.read(entry.id),
        ...entry.companions.map((companion) => io.read(companion.declaration.kind)),
      ]);
      setCompanions(
        new Map(
          entry.companions.map((companion, index) => [
            companion.declaration.kind,
            tableRecords(companion, others[index], {}).records,
          ]),
        ),
      );
      if (keepDrafts) return;
      load(tableDrafts(register, table));
      task.report(
        table
          ? { tone: "success", text: `Loaded ${plural(table.rows.length, "row")} from “${table.sheet}”.` }
          : { tone: "info", text: `The workbook has no ${entry.title} sheet yet: add a row and write.` },
      );
    });
  useEffect(() => {
    void read(dirty);
  }, [entry.id]);

  const askRead = async () => {
    if (
      dirty &&
      !(await ask({
        title: "Discard your changes?",
        text: `Reloading replaces the panel's unsaved changes with the workbook's ${entry.title}.`,
        yes: "Discard and reload",
        no: "Keep editing",
      }))
    )
      return;
    await read();
  };

  const write = async () => {
    if (checked.problemCount > 0) {
      setQuiet(new Set());
      task.report({
        tone: "warning",
        text: `Fix ${plural(checked.problemCount, "problem")} in ${entry.title} before writing: nothing was written.`,
      });
      return;
    }
    const keys = new Set(drafts.map((draft) => draft.values[keyId]));
    const removed = [...known].filter(([key]) => !keys.has(key)).map(([key, name]) => name || key);
    if (
      removed.length > 0 &&
      !(await ask({
        title: `Remove ${plural(removed.length, "row")}?`,
        text: `Writing removes ${plural(removed.length, "row")} from ${entry.title}: ${removed.slice(0, 5).join(", ")}${removed.length > 5 ? ` and ${removed.length - 5} more` : ""}. Rows holding your own notes are kept.`,
        yes: "Remove and write",
        no: "Keep editing",
      }))
    )
      return;
    await task.run(`Writing ${entry.title}`, async (io) => {
      // What the plans read besides the register, fresh: another screen may have written it since.
      io.progress("Reading what the sheets link to…", 0, 3);
      const fresh = await Promise.all(
        entry.companions.map(async (companion) => ({
          companion,
          ...tableRecords(companion, await io.read(companion.declaration.kind), {}),
        })),
      );
      const unreadable = fresh.filter((read) => read.problems > 0);
      if (unreadable.length > 0) {
        task.report({
          tone: "warning",
          text: `Fix ${unreadable.map((read) => `${plural(read.problems, "cell")} of ${read.companion.declaration.title}`).join(" and ")} first: writing would drop those rows. Nothing was written.`,
        });
        return;
      }
      const linked: Companions = new Map(
        fresh.map((read) => [read.companion.declaration.kind, read.records]),
      );
      setCompanions(linked);
      const plans = entry.plans(checked.records, linked);
      io.progress(`Writing ${plans.map((plan) => plan.title).join(", ")}…`, 1, 3);
      const reports = await io.apply(plans);
      // Read back: the list shows what the workbook now holds, as the parser reads it.
      io.progress(`Reading ${entry.title} back…`, 2, 3);
      const table = await io.read(entry.id);
      load(tableDrafts(register, table));
      const messages = reports.flatMap((report) => report.messages);
      task.report({
        tone: messages.length > 0 ? "warning" : "success",
        text: `Wrote ${plural(checked.records.length, "row")} to “${table?.sheet ?? entry.title}”.`,
        details: messages,
      });
    });
  };

  const edit = (uid: string, field: string, value: string) => {
    if (quiet.has(uid)) setQuiet(new Set([...quiet].filter((candidate) => candidate !== uid)));
    change(
      latest.current.map((draft) =>
        draft.uid === uid ? { ...draft, values: { ...draft.values, [field]: value } } : draft,
      ),
    );
  };
  const add = () => {
    const draft = register.newDraft(latest.current);
    setQuiet(new Set([...quiet, draft.uid]));
    change([...latest.current, draft]);
    setActive(draft.uid);
    setEditing({ uid: draft.uid, isNew: true });
  };
  const remove = (uid: string) => {
    const before = latest.current;
    const index = before.findIndex((draft) => draft.uid === uid);
    const removed = before[index];
    if (!removed) return;
    const rows = shown.current;
    const at = rows.findIndex((row) => row.uid === uid);
    setActive((rows[at + 1] ?? rows[at - 1])?.uid);
    change(before.filter((draft) => draft.uid !== uid));
    const name = removed.values[title.id]?.trim() || removed.values[keyId];
    task.report({
      tone: "info",
      text: `Deleted ${name}. The workbook keeps it until you write.`,
      undo: {
        label: "Undo delete",
        run: () => {
          const now = latest.current;
          if (now.some((draft) => draft.uid === uid)) return;
          change([...now.slice(0, index), removed, ...now.slice(index)]);
          task.report({ tone: "success", text: `${name} is back.` });
        },
      },
    });
  };
  const backToList = () => {
    setEditing(undefined);
    requestAnimationFrame(() => listArea.current?.querySelector<HTMLElement>("[role=listbox]")?.focus());
  };

  const all = useMemo(
    () =>
      drafts.map((draft) => {
        const problems = problemsOf(draft.uid)?.size ?? 0;
        const record = recordOf.get(draft.uid);
        const flags = record === undefined ? [] : flagsOf(entry, record, options);
        const state = status ? (draft.values[status.id] ?? "") : "";
        // The status is the chip where there is one, the first flag otherwise; a flag beside a status reads on the second line.
        const [first] = flags;
        const row: ListRow & { readonly state: string; readonly flagged: boolean; readonly text: string } = {
          uid: draft.uid,
          name: (entry.describe?.(draft.values) ?? draft.values[title.id]?.trim()) || "(untitled)",
          role: draft.values[keyId] ?? "",
          problems,
          ...(state
            ? { chip: { label: state, className: "chip-status" }, ...(first ? { flag: first } : {}) }
            : first
              ? { chip: { label: first.label, className: first.good ? "chip-good" : "chip-flag" } }
              : {}),
          state,
          flagged: flags.length > 0,
          text: Object.values(draft.values).join("\n").toLowerCase(),
        };
        return row;
      }),
    [drafts, checked, quiet, options],
  );
  const words = search.trim().toLowerCase();
  const rows = all.filter(
    (row) =>
      (filter === ALL ||
        (filter === WITH_PROBLEMS
          ? row.problems > 0
          : filter === FLAGGED
            ? row.flagged
            : row.state === filter)) &&
      (!words || row.text.includes(words)),
  );
  shown.current = rows;

  const current = editing ? drafts.find((draft) => draft.uid === editing.uid) : undefined;
  if (editing && current) {
    const problems = problemsOf(current.uid);
    const fields = [...register.inputs.filter((column) => column.role !== "key"), register.keyColumn];
    return (
      <section class="screen">
        <form
          class="person-form"
          aria-labelledby="register-form-heading"
          onSubmit={(event) => {
            event.preventDefault();
            backToList();
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              backToList();
            }
          }}
          ref={(form) => {
            // Focus lands once per row opened: the first field of a new row, else the way back.
            if (form && form.dataset.opened !== current.uid) {
              form.dataset.opened = current.uid;
              form
                .querySelector<HTMLElement>(editing.isNew ? "input, select, textarea" : ".form-back")
                ?.focus();
            }
          }}
        >
          <div class="form-top">
            <button type="button" class="subtle form-back" onClick={backToList}>
              <Icon name="back" />
              Back to {entry.title}
            </button>
            <span class="muted">{`${drafts.indexOf(current) + 1} of ${drafts.length}`}</span>
          </div>
          <h2 id="register-form-heading">
            {(entry.describe?.(current.values) ?? current.values[title.id]?.trim()) ||
              `New row of ${entry.title}`}
          </h2>
          {problems?.get("") ? <p class="problem">{problems.get("")}</p> : null}
          {fields.map((column) => (
            <RegisterField
              key={column.id}
              column={column}
              id={`${entry.id}-field-${column.id}`}
              value={current.values[column.id] ?? ""}
              choices={choicesOf(column, options)}
              problem={problems?.get(column.id)}
              hint={
                column.role === "key"
                  ? "Keeps this row matched to the sheet's row. Leave it as it is."
                  : column.hint
              }
              suggestions={suggestions[column.id] ?? []}
              disabled={task.busy}
              onEdit={(value) => edit(current.uid, column.id, value)}
            />
          ))}
          <div class="form-bottom">
            <button
              type="button"
              class="danger"
              disabled={task.busy}
              onClick={() => {
                remove(current.uid);
                backToList();
              }}
            >
              <Icon name="trash" />
              Delete row
            </button>
          </div>
        </form>
      </section>
    );
  }

  const withProblems = all.filter((row) => row.problems > 0).length;
  const headingId = `${entry.id}-heading`;
  const filters = [ALL, ...statuses, ...(flagged ? [FLAGGED] : []), WITH_PROBLEMS];
  return (
    <section class="screen screen-fill" aria-labelledby={headingId}>
      {onBack ? (
        <button type="button" class="subtle form-back editor-back" onClick={onBack}>
          <Icon name="back" />
          {backLabel}
        </button>
      ) : null}
      <div class="screen-header">
        <h2 id={headingId}>{entry.title}</h2>
        <span class="count">
          {`${plural(all.length, "row")}${withProblems > 0 ? `, ${withProblems} to fix` : ""}${dirty ? ", unsaved" : ""}`}
        </span>
      </div>
      <div class="toolbar" role="toolbar" aria-label={entry.title}>
        <button type="button" onClick={add} disabled={task.busy}>
          <Icon name="plus" />
          Add
        </button>
        <button type="button" class="primary" onClick={() => void write()} disabled={task.busy}>
          <Icon name="write" />
          Write
        </button>
        <button type="button" onClick={() => void askRead()} disabled={task.busy}>
          <Icon name="refresh" />
          Reload
        </button>
      </div>
      <div class="list-controls">
        <div class="search">
          <Icon name="search" />
          <input
            type="search"
            aria-label={`Search ${entry.title}`}
            placeholder="Search"
            value={search}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </div>
        <select
          aria-label={`Show rows of ${entry.title}`}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        >
          {filters.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div class="list-area" ref={listArea}>
        {all.length === 0 ? (
          <p class="empty">
            {loaded
              ? `No rows yet. Add one, then write ${entry.title} to the workbook.`
              : `Reading ${entry.title}…`}
          </p>
        ) : rows.length === 0 ? (
          <p class="empty">No row matches. Clear the search or show all.</p>
        ) : (
          <RegisterList
            label={entry.title}
            rows={rows}
            active={active}
            onActive={setActive}
            onOpen={(uid) => setEditing({ uid, isNew: false })}
            onDelete={remove}
          />
        )}
      </div>
      {rows.length < all.length && rows.length > 0 ? (
        <p class="count">{`Showing ${rows.length} of ${all.length}.`}</p>
      ) : null}
    </section>
  );
}

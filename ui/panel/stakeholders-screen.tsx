/**
 * The Stakeholders screen at 300 px: the register as a searchable, filterable, sortable list (one
 * line per person, rows with problems kept and marked), and one person at a time in a form. Rows
 * come in by Add, by paste (Excel's and Sheets' clipboard text) or from the host's selection.
 */
import type { ComponentChildren, Ref } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import { priority, QUADRANTS, quadrant } from "../../core/index";
import type { Panel } from "./app";
import { cellsFromClipboard } from "./clipboard";
import { Icon } from "./icons";
import { quadrantClass } from "./power-interest-grid";
import { type ListRow, RegisterList } from "./register-list";
import { StakeholderForm } from "./stakeholder-form";

const SORTS = {
  sheet: "Sheet order",
  name: "Name",
  priority: "Priority, highest first",
  problems: "Problems first",
} as const;
type Sort = keyof typeof SORTS;
const FILTERS = ["All", ...QUADRANTS, "With problems"] as const;
type Filter = (typeof FILTERS)[number];

export function StakeholdersScreen({ panel }: { panel: Panel }) {
  const { register, settings, task } = panel;
  const [view, setView] = useState<ListView>({ search: "", filter: "All", sort: "sheet" });
  const [active, setActive] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ uid: string; isNew: boolean } | undefined>();
  const listArea = useRef<HTMLDivElement>(null);
  // The order the list showed last, so a delete moves the selection to the row that was below.
  const shown = useRef<readonly ListRow[]>([]);

  const backToList = () => {
    setEditing(undefined);
    requestAnimationFrame(() => listArea.current?.querySelector<HTMLElement>("[role=listbox]")?.focus());
  };
  const add = () => {
    const draft = register.add();
    setActive(draft.uid);
    setEditing({ uid: draft.uid, isNew: true });
  };
  const remove = (uid: string) => {
    const rows = shown.current;
    const at = rows.findIndex((row) => row.uid === uid);
    setActive((rows[at + 1] ?? rows[at - 1])?.uid);
    register.remove(uid);
  };
  const onPaste = (event: ClipboardEvent) => {
    const cells = cellsFromClipboard(event.clipboardData?.getData("text/plain") ?? "");
    // One cell stays a normal paste into the field; a block of cells becomes stakeholders.
    if (cells.length < 2 && (cells[0]?.length ?? 0) < 2) return;
    event.preventDefault();
    register.addCells(cells, "clipboard");
  };
  const pasteButton = async () => {
    try {
      register.addCells(cellsFromClipboard(await navigator.clipboard.readText()), "clipboard");
    } catch {
      task.report({
        tone: "info",
        text: "This host keeps the clipboard from the button: click the list and press Ctrl+V (⌘V on a Mac).",
      });
    }
  };
  const importSelection = () =>
    task.run("Importing the selection", async (io) => {
      if (!io.readSelection) return;
      io.progress("Reading the selection…", 0, 1);
      register.addCells(await io.readSelection(), "selection");
    });

  const editedDraft = editing ? register.drafts.find((draft) => draft.uid === editing.uid) : undefined;
  if (editing && editedDraft) {
    const index = register.drafts.indexOf(editedDraft);
    return (
      <section class="screen" onPaste={onPaste}>
        <StakeholderForm
          draft={editedDraft}
          problems={register.problemsOf(editedDraft.uid)}
          scaleMax={settings.scaleMax}
          position={`${index + 1} of ${register.drafts.length}`}
          focusName={editing.isNew}
          disabled={task.busy}
          onEdit={(field, value) => register.edit(editedDraft.uid, field, value)}
          onBack={backToList}
          onDelete={() => {
            remove(editedDraft.uid);
            backToList();
          }}
        />
      </section>
    );
  }
  return (
    <section class="screen screen-fill" aria-labelledby="stakeholders-heading" onPaste={onPaste}>
      <RegisterView
        panel={panel}
        view={view}
        onView={setView}
        active={active}
        onActive={setActive}
        onOpen={(uid) => setEditing({ uid, isNew: false })}
        onDelete={remove}
        shown={shown}
        listArea={listArea}
      >
        <div class="toolbar" role="toolbar" aria-label="Add stakeholders">
          <button type="button" onClick={add} disabled={task.busy}>
            <Icon name="plus" />
            Add
          </button>
          <button type="button" onClick={() => void pasteButton()} disabled={task.busy}>
            <Icon name="paste" />
            Paste
          </button>
          {panel.canReadSelection ? (
            <button type="button" onClick={() => void importSelection()} disabled={task.busy}>
              <Icon name="import" />
              Import
            </button>
          ) : null}
        </div>
      </RegisterView>
    </section>
  );
}

/** A person in the list, with the quadrant and priority the filter and the sort read. */
type PersonRow = ListRow & { readonly quadrant?: string; readonly priority?: number };

interface ListView {
  readonly search: string;
  readonly filter: Filter;
  readonly sort: Sort;
}

/** The list with its search, filter and sort: computed only while the list is on screen. */
function RegisterView({
  panel,
  view,
  onView,
  active,
  onActive,
  onOpen,
  onDelete,
  shown,
  listArea,
  children,
}: {
  panel: Panel;
  view: ListView;
  onView(view: ListView): void;
  active: string | undefined;
  onActive(uid: string): void;
  onOpen(uid: string): void;
  onDelete(uid: string): void;
  shown: { current: readonly ListRow[] };
  listArea: Ref<HTMLDivElement>;
  /** The screen's own actions, under the heading. */
  children: ComponentChildren;
}) {
  const { register, settings } = panel;
  const { search, filter, sort } = view;
  const all = useMemo(() => {
    const scale = { scaleMax: settings.scaleMax, threshold: settings.threshold };
    const { weights } = settings;
    return register.drafts.map((draft): PersonRow => {
      const record = register.checks.get(draft.uid)?.record;
      const problems = register.problemsOf(draft.uid)?.size ?? 0;
      const where = record && problems === 0 ? quadrant(record.power, record.interest, scale) : undefined;
      const score =
        record && where
          ? priority(
              [record.power, record.interest, record.influence],
              [weights.power, weights.interest, weights.influence],
            )
          : undefined;
      return {
        uid: draft.uid,
        name: draft.values.name,
        role: draft.values.role,
        problems,
        chip: where
          ? { label: where, className: quadrantClass(where) }
          : { label: "checking", className: "chip-pending" },
        ...(where ? { quadrant: where } : {}),
        ...(score === undefined ? {} : { priority: score, figure: score.toFixed(1) }),
      };
    });
  }, [register.drafts, register.checks, register.shownProblems, settings]);

  // The text a search looks in, lower-cased once per edit rather than per row on every keystroke.
  const searched = useMemo(
    () =>
      register.drafts.map(({ values }) =>
        [values.name, values.role, values.group, values.owner].join("\n").toLowerCase(),
      ),
    [register.drafts],
  );
  const rows = useMemo(() => {
    const words = search.trim().toLowerCase();
    const wanted = all.filter((row, index) => {
      if (filter === "With problems" ? row.problems === 0 : filter !== "All" && row.quadrant !== filter)
        return false;
      return !words || (searched[index]?.includes(words) ?? false);
    });
    const by: Record<Sort, ((a: PersonRow, b: PersonRow) => number) | undefined> = {
      sheet: undefined,
      name: (a, b) => a.name.localeCompare(b.name),
      priority: (a, b) => (b.priority ?? -1) - (a.priority ?? -1),
      problems: (a, b) => b.problems - a.problems,
    };
    const compare = by[sort];
    return compare ? [...wanted].sort(compare) : wanted;
  }, [all, searched, search, filter, sort]);
  shown.current = rows;

  const withProblems = all.filter((row) => row.problems > 0).length;
  return (
    <>
      <div class="screen-header">
        <h2 id="stakeholders-heading">Stakeholders</h2>
        <span class="count">
          {`${all.length} ${all.length === 1 ? "person" : "people"}${withProblems > 0 ? `, ${withProblems} to fix` : ""}`}
        </span>
      </div>
      {children}
      <div class="search">
        <Icon name="search" />
        <input
          type="search"
          aria-label="Search stakeholders"
          placeholder="Search name, role, group, owner"
          value={search}
          onInput={(event) => onView({ ...view, search: event.currentTarget.value })}
        />
      </div>
      <div class="list-controls">
        <label>
          <span>Show</span>
          <select
            value={filter}
            onChange={(event) => onView({ ...view, filter: event.currentTarget.value as Filter })}
          >
            {FILTERS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Sort</span>
          <select
            value={sort}
            onChange={(event) => onView({ ...view, sort: event.currentTarget.value as Sort })}
          >
            {Object.entries(SORTS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="list-area" ref={listArea}>
        {all.length === 0 ? (
          <p class="empty">
            No stakeholders yet. Add one, paste rows copied from Excel or Sheets, or write the register from
            another file and Refresh.
          </p>
        ) : rows.length === 0 ? (
          <p class="empty">Nobody matches. Clear the search or show all.</p>
        ) : (
          <RegisterList
            label="Stakeholders"
            figureLabel="Priority"
            rows={rows}
            active={active}
            onActive={onActive}
            onOpen={onOpen}
            onDelete={onDelete}
          />
        )}
      </div>
      {rows.length < all.length && rows.length > 0 ? (
        <p class="count">{`Showing ${rows.length} of ${all.length}.`}</p>
      ) : null}
    </>
  );
}

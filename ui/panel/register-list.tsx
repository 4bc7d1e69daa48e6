/**
 * A register as a list, one line per row (its name and a second line, a chip, a figure),
 * virtualized: only the rows in view (and a few around them) are in the page, so 10,000 rows
 * scroll like 15. A listbox: arrows, Page Up/Down, Home and End move, Enter opens the row, Delete
 * deletes. The stakeholder register and the kit-driven editor (register-editor.tsx) both use it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { Icon } from "./icons";

/** One row as the list shows it. */
export interface ListRow {
  readonly uid: string;
  readonly name: string;
  /** The second line (a person's role, a record's key and status). */
  readonly role: string;
  /** A computed flag after the second line ("Overdue"), coloured by whether it is good news. */
  readonly flag?: { readonly label: string; readonly good: boolean };
  /** The chip at the end (a quadrant, a status, a flag): shown while the row has no problems. */
  readonly chip?: { readonly label: string; readonly className: string };
  /** A figure after the chip (a priority), right-aligned. */
  readonly figure?: string;
  readonly problems: number;
}

const ROW_HEIGHT = 44;
/** Rows drawn beyond each edge of the view, so fast scrolling shows no gap. */
const OVERSCAN = 6;

export function RegisterList({
  label,
  figureLabel,
  rows,
  active,
  onActive,
  onOpen,
  onDelete,
}: {
  /** The listbox's accessible name ("Stakeholders"). */
  label: string;
  /** What the figure column is ("Priority"); without it, rows show no figure. */
  figureLabel?: string;
  rows: readonly ListRow[];
  active: string | undefined;
  onActive(uid: string): void;
  onOpen(uid: string): void;
  onDelete(uid: string): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const activeIndex = rows.findIndex((row) => row.uid === active);

  /** Makes row `index` active and scrolls it into view. */
  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    const element = box.current;
    if (!row || !element) return;
    const at = rows.indexOf(row) * ROW_HEIGHT;
    if (at < element.scrollTop) element.scrollTop = at;
    else if (at + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = at + ROW_HEIGHT - element.clientHeight;
    setView({ top: element.scrollTop, height: element.clientHeight });
    onActive(row.uid);
  };
  const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const from = activeIndex < 0 ? -1 : activeIndex;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: Math.max(0, from - 1),
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === "Enter" || event.key === " ") && active && activeIndex >= 0) {
      event.preventDefault();
      onOpen(active);
    } else if (event.key === "Delete" && active && activeIndex >= 0) {
      event.preventDefault();
      onDelete(active);
    }
  };

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const shown = rows.slice(first, last);
  return (
    <div
      ref={box}
      class="register-list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeIndex >= 0 ? `person-${active}` : undefined}
      onScroll={(event) =>
        setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })
      }
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeIndex < 0 && rows.length > 0) moveTo(0);
      }}
    >
      <div role="presentation" class="register-rows" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
        {shown.map((row, offset) => {
          const index = first + offset;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox around the options handles the keys (aria-activedescendant).
            <div
              key={row.uid}
              id={`person-${row.uid}`}
              role="option"
              tabIndex={-1}
              aria-selected={row.uid === active}
              aria-posinset={index + 1}
              aria-setsize={rows.length}
              class={`person${row.problems > 0 ? " has-problem" : ""}`}
              style={{ top: `${index * ROW_HEIGHT}px` }}
              onClick={() => {
                onActive(row.uid);
                onOpen(row.uid);
              }}
            >
              {row.problems > 0 ? <Icon name="alert" /> : null}
              <span class="person-text">
                <span class="person-name">{row.name || "(no name)"}</span>
                <span class="person-role">
                  {row.role}
                  {row.flag ? (
                    <>
                      {" · "}
                      <span class={row.flag.good ? "flag-good" : "flag-warning"}>{row.flag.label}</span>
                    </>
                  ) : null}
                </span>
              </span>
              {row.problems > 0 ? (
                <span class="chip chip-problem">{`${row.problems} to fix`}</span>
              ) : row.chip ? (
                <span class={`chip ${row.chip.className}`}>{row.chip.label}</span>
              ) : null}
              {figureLabel ? (
                <span class="person-priority" title={figureLabel}>
                  {row.figure ?? ""}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

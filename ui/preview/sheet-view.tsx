/**
 * The preview's spreadsheet view of the in-page workbook: sheet tabs, a formula bar for the
 * selected cell, the computed values with BuyIn's styling roles, and the sheet's charts drawn.
 * Shift+click extends the selection, or type a range in the name box; the panel's "Import
 * selection" reads it. Cells can be edited as in a host: type over the selected cell (or F2 or a
 * double-click to edit what it holds), Enter or Tab to keep, Escape to drop; arrows and Enter move,
 * Delete clears. Each edit is MemoryWorkbook.setCell, so the formulas that read the cell recompute.
 */
import { useRef, useState } from "preact/hooks";
import { type Cell, cellA1, columnLetter, type Format, parseRange, serialToIsoDate } from "../../core/index";
import { TONE_STYLE } from "../workbook-port";
import { toneAt } from "./conditional-tone";
import type { MemoryWorkbook, TypedContent } from "./memory-workbook";
import { SheetChart } from "./sheet-chart";

export interface Selection {
  readonly sheet: string;
  readonly anchor: { row: number; column: number };
  readonly focus: { row: number; column: number };
}

const MAX_ROWS = 300;

/**
 * A cell as the sheet shows it. A date cell shows in the workbook's locale, as Excel and Sheets
 * show a date format in theirs ("14/03/2025" in a British workbook).
 */
function formatValue(value: Cell, numberFormat: string | undefined, locale: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return value;
  if (numberFormat === "yyyy-mm-dd") {
    const iso = serialToIsoDate(value);
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime())
      ? iso
      : new Intl.DateTimeFormat(locale, {
          timeZone: "UTC",
          day: "2-digit",
          month: "2-digit",
          year: "numeric",
        }).format(date);
  }
  if (numberFormat === "0%") return `${Math.round(value * 100)}%`;
  if (numberFormat === "0.00") return value.toFixed(2);
  if (numberFormat === "0") return String(Math.round(value));
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** Number format and role of each cell, from the formats BuyIn recorded for the sheet. */
function cellStyles(formats: readonly Format[]) {
  const styles: { range: ReturnType<typeof parseRange>; format: Format }[] = formats.map((format) => ({
    range: parseRange(format.range),
    format,
  }));
  return (row: number, column: number) => {
    let numberFormat: string | undefined;
    let role: string | undefined;
    let fill: string | undefined;
    let hidden = false;
    for (const { range, format } of styles) {
      if (
        row < range.row ||
        row >= range.row + range.rows ||
        column < range.column ||
        column >= range.column + range.columns
      )
        continue;
      numberFormat = format.numberFormat ?? numberFormat;
      role = format.role ?? role;
      // A later role without a fill of its own paints its role's colour over an earlier fill.
      if (format.role || format.fill) fill = format.fill;
      hidden ||= format.hidden === true;
    }
    return { numberFormat, role, fill, hidden };
  };
}

export interface SheetViewProps {
  readonly workbook: MemoryWorkbook;
  readonly sheet: string;
  readonly selection: Selection | undefined;
  readonly onSheet: (sheet: string) => void;
  readonly onSelect: (selection: Selection) => void;
  /** A user typed `content` into the cell at `address`. */
  readonly onEdit: (sheet: string, address: string, content: TypedContent) => void;
}

export function SheetView({ workbook, sheet, selection, onSheet, onSelect, onEdit }: SheetViewProps) {
  const [editing, setEditingState] = useState<{ address: string; text: string } | undefined>();
  // The edit open now: Enter's commit moves focus, and the blur that follows must not commit again.
  const open = useRef<{ address: string; shown: string } | undefined>(undefined);
  /** Opens (or updates) an edit; `shown` is what the cell showed as it opened, kept across keystrokes. */
  const setEditing = (next: { address: string; text: string } | undefined) => {
    open.current = next && { address: next.address, shown: open.current?.shown ?? next.text };
    setEditingState(next);
  };
  const startEditing = (address: string, text: string, shown: string) => {
    open.current = { address, shown };
    setEditingState({ address, text });
  };
  // Set when the user moves in the grid: the next render focuses the selected cell's key catcher
  // (never on a redraw after the panel writes, which would take focus from the panel).
  const wantFocus = useRef(false);
  // BuyIn's state sheet is hidden, as in Excel and Sheets: no tab.
  const names = workbook.sheetNames().filter((name) => !workbook.hidden(name));
  const values = names.includes(sheet) ? workbook.displayGrid(sheet) : [];
  const style = cellStyles(names.includes(sheet) ? workbook.formats(sheet) : []);
  const rules = names.includes(sheet) ? workbook.conditionalFormats(sheet) : [];
  const width = Math.max(8, ...values.map((row) => row.length));
  const shown = values.slice(0, MAX_ROWS);
  const focus = selection?.sheet === sheet ? selection.focus : undefined;
  const inRange = (row: number, column: number) => {
    if (!selection || selection.sheet !== sheet) return false;
    const { anchor, focus: end } = selection;
    return (
      row >= Math.min(anchor.row, end.row) &&
      row <= Math.max(anchor.row, end.row) &&
      column >= Math.min(anchor.column, end.column) &&
      column <= Math.max(anchor.column, end.column)
    );
  };
  const address = focus ? cellA1(focus.row, focus.column) : "";
  const formulaText = focus
    ? (workbook.formula(sheet, address) ??
      formatValue(workbook.value(sheet, address), undefined, workbook.locale))
    : "";
  const hiddenColumns = new Set(
    Array.from({ length: width }, (_, index) => index + 1).filter((column) => style(1, column).hidden),
  );
  const select = (row: number, column: number, extend: boolean) => {
    wantFocus.current = true;
    onSelect({
      sheet,
      anchor: extend && selection?.sheet === sheet ? selection.anchor : { row, column },
      focus: { row: Math.max(1, row), column: Math.max(1, column) },
    });
  };
  /**
   * Keeps the edit (a formula, a number, text as typed, or "" to clear), then moves as Enter or Tab
   * do; on leaving the cell (no move) focus goes wherever the user went.
   */
  const commit = (text: string, move?: { rows: number; columns: number }) => {
    const edit = open.current;
    if (!edit || !focus) return;
    setEditing(undefined);
    // Leaving an edit unchanged changes nothing: the text shown is a formatted value ("45%",
    // "14/03/2025"), and typing it back would turn a formula's result or a value into another.
    if (text !== edit.shown) onEdit(sheet, edit.address, text);
    if (move) select(focus.row + move.rows, focus.column + move.columns, false);
  };
  /** Keys on the selected cell: Enter or Tab keep an edit and Escape drops it; otherwise move, clear or start editing. */
  const onCellKey = (event: KeyboardEvent & { currentTarget: HTMLInputElement }) => {
    if (editing) {
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        commit(event.currentTarget.value, {
          rows: event.key === "Enter" ? 1 : 0,
          columns: event.key === "Tab" ? 1 : 0,
        });
      } else if (event.key === "Escape") {
        event.preventDefault();
        wantFocus.current = true;
        setEditing(undefined);
      }
      return;
    }
    if (!focus || event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      select(focus.row + move[0], focus.column + move[1], event.shiftKey && event.key.startsWith("Arrow"));
    } else if (event.key === "F2") {
      event.preventDefault();
      startEditing(address, formulaText, formulaText);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onEdit(sheet, address, "");
    } else if (event.key.length === 1) {
      // Typing over the cell replaces what it holds, as in Excel and Sheets.
      event.preventDefault();
      startEditing(address, event.key, formulaText);
    }
  };
  /** The name box selects what is typed into it ("B2" or "A1:P16"), as Excel's does. */
  const onNameBox = (event: Event) => {
    event.preventDefault();
    const typed = new FormData(event.currentTarget as HTMLFormElement).get("address");
    try {
      const range = parseRange(String(typed ?? ""));
      onSelect({
        sheet,
        anchor: { row: range.row, column: range.column },
        focus: { row: range.row + range.rows - 1, column: range.column + range.columns - 1 },
      });
    } catch {
      // Not an address: the selection stays as it was.
    }
  };

  return (
    <section class="sheet-view" aria-label="Workbook">
      <div class="formula-bar">
        <form class="name-box" onSubmit={onNameBox}>
          <input name="address" aria-label="Cell or range to select" value={address} key={address} size={8} />
        </form>
        <output class="formula" aria-label="Formula of the selected cell" data-testid="formula-bar">
          {formulaText}
        </output>
      </div>
      <div class="grid-scroll">
        <table class="cells" aria-label={sheet}>
          <thead>
            <tr>
              <th class="corner" />
              {Array.from({ length: width }, (_, index) =>
                hiddenColumns.has(index + 1) ? null : (
                  <th key={index} scope="col">
                    {columnLetter(index + 1)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  if (hiddenColumns.has(c + 1)) return null;
                  const { numberFormat, role, fill } = style(r + 1, c + 1);
                  const tone = toneAt(rules, r + 1, c + 1, row[c] ?? null);
                  const selected = inRange(r + 1, c + 1);
                  const isFocus = focus?.row === r + 1 && focus.column === c + 1;
                  const classes = [
                    role ? `role-${role}` : "",
                    typeof row[c] === "number" ? "number" : "",
                    selected ? "selected" : "",
                    isFocus ? "focus" : "",
                  ]
                    .filter(Boolean)
                    .join(" ");
                  return (
                    <td
                      key={c}
                      class={classes || undefined}
                      data-cell={cellA1(r + 1, c + 1)}
                      data-selected={selected ? "true" : undefined}
                      data-tone={tone}
                      // A rule's tone shows over the cell's own fill, as in Excel and Sheets.
                      style={
                        tone
                          ? { background: TONE_STYLE[tone].fill, color: TONE_STYLE[tone].fontColor }
                          : fill
                            ? { background: fill }
                            : undefined
                      }
                      onMouseDown={(event) => {
                        if (isFocus && editing) return;
                        // The selected cell's key catcher takes focus, not the page.
                        event.preventDefault();
                        select(r + 1, c + 1, event.shiftKey);
                      }}
                    >
                      {isFocus && editing ? null : formatValue(row[c] ?? null, numberFormat, workbook.locale)}
                      {isFocus ? (
                        <input
                          class={editing ? "cell-editor" : "cell-keys"}
                          aria-label={`${cellA1(r + 1, c + 1)}: type to edit, F2 to edit what it holds`}
                          value={editing ? editing.text : ""}
                          readOnly={!editing}
                          ref={(input) => {
                            if (input && (wantFocus.current || editing)) {
                              wantFocus.current = false;
                              if (document.activeElement !== input) input.focus();
                            }
                          }}
                          onInput={(event) =>
                            editing && setEditing({ ...editing, text: event.currentTarget.value })
                          }
                          onKeyDown={onCellKey}
                          onDblClick={() => startEditing(address, formulaText, formulaText)}
                          onBlur={(event) => {
                            if (editing) commit(event.currentTarget.value);
                          }}
                        />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {values.length > MAX_ROWS ? (
          <p class="more-rows">{`Showing ${MAX_ROWS} of ${values.length} rows.`}</p>
        ) : null}
        {names.includes(sheet)
          ? workbook
              .charts(sheet)
              .map((chart) => (
                <SheetChart
                  key={chart.title}
                  chart={chart}
                  value={(row, column) => values[row - 1]?.[column - 1] ?? null}
                />
              ))
          : null}
      </div>
      <div class="tabs" role="tablist" aria-label="Sheets">
        {names.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === sheet}
            onClick={() => onSheet(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * One stakeholder in a form: every field as wide as the pane, its hint and its problem under it,
 * checked as you type by the parser that reads the sheet. Escape goes back to the list.
 */
import { useEffect, useRef } from "preact/hooks";
import { STAKEHOLDER_INPUTS } from "../../core/index";
import type { DraftRow, Field } from "./draft";
import { glossaryHint } from "./glossary";
import { Icon } from "./icons";
import { formatIsoDate, parseLocaleDate } from "./locale-dates";

/** The fields in the sheet's order, the ID last: people are known by name, the ID only matches rows. */
const FORM_ORDER = [
  ...STAKEHOLDER_INPUTS.filter((column) => column.role !== "key"),
  ...STAKEHOLDER_INPUTS.filter((column) => column.role === "key"),
];

/** Text columns this wide (in characters) hold sentences, line breaks included: a text area. */
const LONG_TEXT = 24;

export function StakeholderForm({
  draft,
  problems,
  scaleMax,
  locale,
  position,
  focusName,
  disabled,
  onEdit,
  onBack,
  onDelete,
}: {
  draft: DraftRow;
  problems: ReadonlyMap<Field | "", string> | undefined;
  scaleMax: number;
  /** The workbook's locale: dates show and are typed as the workbook shows them. */
  locale: string;
  position: string;
  focusName: boolean;
  disabled: boolean;
  onEdit(field: Field, value: string): void;
  onBack(): void;
  onDelete(): void;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>(focusName ? "#field-name" : ".form-back")?.focus();
  }, [draft.uid]);
  const name = draft.values.name.trim() || "New stakeholder";
  return (
    <form
      ref={form}
      class="person-form"
      aria-labelledby="form-heading"
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
          Back to list
        </button>
        <span class="muted">{position}</span>
      </div>
      <h2 id="form-heading">{name}</h2>
      {problems?.get("") ? <p class="problem">{problems.get("")}</p> : null}
      {FORM_ORDER.map((column) => {
        const field = column.id as Field;
        const id = `field-${field}`;
        const problem = problems?.get(field);
        const hint =
          glossaryHint(field, scaleMax, draft.values[field]) ??
          (column.type === "date"
            ? `A date, as ${formatIsoDate("2025-03-14", locale)} for 14 March 2025.`
            : column.role === "key"
              ? "Keeps this row matched to the sheet's row. Leave it as it is."
              : column.hint);
        const described = [hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""]
          .filter(Boolean)
          .join(" ");
        const common = {
          id,
          name: field,
          disabled,
          "aria-invalid": problem ? true : undefined,
          "aria-describedby": described || undefined,
          "aria-required": column.required && column.role !== "key" ? true : undefined,
        };
        const list = typeof column.validation === "object" ? (column.validation.list ?? []) : [];
        const input =
          column.type === "choice" ? (
            <select
              {...common}
              value={draft.values[field]}
              onChange={(event) => onEdit(field, event.currentTarget.value)}
            >
              <option value="">—</option>
              {list.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          ) : column.type === "date" ? (
            <input
              {...common}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={formatIsoDate(draft.values[field], locale)}
              // Kept as ISO once it reads as a date in the workbook's order; as typed until then.
              onInput={(event) => {
                const text = event.currentTarget.value;
                onEdit(field, parseLocaleDate(text, locale) ?? text);
              }}
            />
          ) : column.type === "text" && column.width >= LONG_TEXT ? (
            <textarea
              {...common}
              rows={2}
              value={draft.values[field]}
              onInput={(event) => onEdit(field, event.currentTarget.value)}
            />
          ) : (
            <input
              {...common}
              type="text"
              inputMode={column.type === "whole" ? "numeric" : undefined}
              autoComplete="off"
              value={draft.values[field]}
              onInput={(event) => onEdit(field, event.currentTarget.value)}
            />
          );
        return (
          <div key={field} class={`field${problem ? " has-problem" : ""}`}>
            <label for={id}>
              {column.header}
              {common["aria-required"] ? <span class="required"> (required)</span> : null}
            </label>
            {input}
            {problem ? (
              <span id={`${id}-problem`} class="problem">
                <Icon name="alert" />
                {problem}
              </span>
            ) : null}
            {hint ? (
              <span id={`${id}-hint`} class="field-hint">
                {hint}
              </span>
            ) : null}
          </div>
        );
      })}
      <div class="form-bottom">
        <button type="button" class="danger" onClick={onDelete} disabled={disabled}>
          <Icon name="trash" />
          Delete stakeholder
        </button>
      </div>
    </form>
  );
}

/**
 * One stakeholder in a form: every field as wide as the pane, its hint and its problem under it,
 * checked as you type by the parser that reads the sheet. Escape goes back to the list.
 */
import { useEffect, useRef } from "preact/hooks";
import { STAKEHOLDER_INPUTS } from "../../core/index";
import type { DraftRow, Field } from "./draft";
import { glossaryHint } from "./glossary";
import { Icon } from "./icons";
import { RegisterField } from "./register-editor-field";

/** The fields in the sheet's order, the ID last: people are known by name, the ID only matches rows. */
const FORM_ORDER = [
  ...STAKEHOLDER_INPUTS.filter((column) => column.role !== "key"),
  ...STAKEHOLDER_INPUTS.filter((column) => column.role === "key"),
];

export function StakeholderForm({
  draft,
  problems,
  scaleMax,
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
        return (
          <RegisterField
            key={field}
            column={column}
            id={`field-${field}`}
            value={draft.values[field]}
            choices={typeof column.validation === "object" ? (column.validation.list ?? []) : []}
            problem={problems?.get(field)}
            hint={
              glossaryHint(field, scaleMax, draft.values[field]) ??
              (column.type === "date"
                ? "A date."
                : column.role === "key"
                  ? "Keeps this row matched to the sheet's row. Leave it as it is."
                  : column.hint)
            }
            disabled={disabled}
            onEdit={(value) => onEdit(field, value)}
          />
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

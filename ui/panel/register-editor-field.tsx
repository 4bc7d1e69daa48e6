/**
 * One field of a register's form, made from its kit column (core/plans/register-kit.ts): a list
 * for a choice, a date picker for a date, a text area for a wide text column, a text box for the
 * rest; its problem and its hint under it. Every register form (stakeholders, KPIs, the kit-driven
 * editor) draws its fields with this.
 */
import type { InputColumn } from "../../core/index";
import { Icon } from "./icons";

/** Text columns this wide (in characters) hold sentences, line breaks included: a text area. */
const LONG_TEXT = 24;

export function RegisterField({
  column,
  id,
  value,
  choices,
  problem,
  hint,
  suggestions = [],
  disabled,
  onEdit,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: a field draws a column of any register.
  column: InputColumn<any, any>;
  /** The control's element id; its hint and problem ids add "-hint" and "-problem". */
  id: string;
  value: string;
  /** The choices of a choice column, from its validation under the register's options. */
  choices: readonly string[];
  problem: string | undefined;
  hint: string | undefined;
  /** Values a text field offers as it is typed into (the goals' ids for a link to a goal), each with what it names. */
  suggestions?: readonly { readonly value: string; readonly label: string }[];
  disabled: boolean;
  onEdit(value: string): void;
}) {
  const required = column.required === true && column.role !== "key";
  const described = [problem ? `${id}-problem` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name: column.id,
    disabled,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": described || undefined,
    "aria-required": required ? true : undefined,
  };
  const input =
    column.type === "choice" ? (
      <select {...common} value={value} onChange={(event) => onEdit(event.currentTarget.value)}>
        <option value="">—</option>
        {/* A value off the list stays shown, so the problem beside it names what is there. */}
        {value !== "" && !choices.includes(value) ? <option value={value}>{value}</option> : null}
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    ) : column.type === "date" ? (
      <input {...common} type="date" value={value} onInput={(event) => onEdit(event.currentTarget.value)} />
    ) : column.type === "text" && column.width >= LONG_TEXT ? (
      <textarea {...common} rows={2} value={value} onInput={(event) => onEdit(event.currentTarget.value)} />
    ) : (
      <input
        {...common}
        type="text"
        inputMode={column.type === "whole" ? "numeric" : column.type === "number" ? "decimal" : undefined}
        autoComplete="off"
        list={suggestions.length > 0 ? `${id}-suggestions` : undefined}
        value={value}
        onInput={(event) => onEdit(event.currentTarget.value)}
      />
    );
  return (
    <div class={`field${problem ? " has-problem" : ""}`}>
      <label for={id}>
        {column.header}
        {required ? <span class="required"> (required)</span> : null}
      </label>
      {input}
      {suggestions.length > 0 ? (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion.value} value={suggestion.value}>
              {suggestion.label}
            </option>
          ))}
        </datalist>
      ) : null}
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
}

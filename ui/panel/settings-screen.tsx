/**
 * Settings: the workbook's settings the panel validates, plots and writes with, where they come
 * from, and a form to change them. A change is written to the settings sheet over the value the
 * panel read there and nothing else (compare-and-set): a cell changed in the sheet since is left
 * as it is, and the status says so.
 */
import { useState } from "preact/hooks";
import type { Panel } from "./app";
import { EDITABLE_SETTINGS, type EditableSetting, labelOf, settingChanges, settingText } from "./settings";

export function SettingsScreen({ panel }: { panel: Panel }) {
  const { settings } = panel;
  const [texts, setTexts] = useState<Partial<Record<EditableSetting, string>>>({});
  const [problems, setProblems] = useState<Partial<Record<EditableSetting, string>>>({});
  const editable = settings.sheet !== undefined;
  const edited = Object.keys(texts).length > 0;
  const save = async (event: Event) => {
    event.preventDefault();
    const asked = settingChanges(settings, texts);
    setProblems(asked.problems);
    if (Object.keys(asked.problems).length > 0) return;
    if (asked.changes.length === 0) {
      setTexts({});
      return;
    }
    await panel.writeSettings(asked.changes);
    // The fields show the sheet as read back, whatever was written.
    setTexts({});
  };
  return (
    <section class="screen" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="muted">
        {editable
          ? `From the “${settings.sheet}” sheet: the panel and the sheet's formulas use the same values. Change one here and write it, or in the sheet (the yellow cells), then Refresh.`
          : "The workbook has no settings sheet yet: these are the defaults. Writing the register creates it."}
      </p>
      <form class="settings-form" onSubmit={save} noValidate>
        {EDITABLE_SETTINGS.map(({ name, unit, hint }) => {
          const id = `setting-${name}`;
          const problem = problems[name];
          return (
            <div key={name} class={`field${problem ? " has-problem" : ""}`}>
              <label for={id}>
                {labelOf(name)}
                {unit ? ` (${unit})` : ""}
              </label>
              <input
                id={id}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                // Read-only, not disabled, before the sheet exists: the defaults stay readable and the
                // screen keeps a control to reach by keyboard.
                readOnly={!editable}
                disabled={panel.task.busy}
                value={texts[name] ?? settingText(settings, name)}
                aria-invalid={problem ? "true" : undefined}
                aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
                onInput={(event) => {
                  const text = event.currentTarget.value;
                  setTexts((before) => ({ ...before, [name]: text }));
                }}
              />
              {problem ? (
                <span id={`${id}-problem`} class="problem">
                  {problem}
                </span>
              ) : null}
              <span id={`${id}-hint`} class="field-hint">
                {hint}
              </span>
            </div>
          );
        })}
        <div class="form-bottom">
          <button type="submit" class="primary" disabled={!editable || !edited || panel.task.busy}>
            Write settings
          </button>
          {edited ? (
            <button
              type="button"
              onClick={() => {
                setTexts({});
                setProblems({});
              }}
            >
              Undo changes
            </button>
          ) : null}
        </div>
      </form>
      {settings.problems.length > 0 ? (
        <div class="message warning">
          <ul>
            {settings.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

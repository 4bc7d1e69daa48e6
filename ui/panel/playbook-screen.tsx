/**
 * The Playbook screen at 300 px: the playbook's registers (goals, objectives, their alignment, the
 * engagement plan, quick wins, concerns …) as a list to pick from, each opening the kit-driven
 * editor (register-editor.tsx). A register joins the list with one line in register-editor-entries.ts.
 */
import { useState } from "preact/hooks";
import type { Panel } from "./app";
import { RegisterEditor } from "./register-editor";
import { PLAYBOOK_ENTRIES } from "./register-editor-entries";
import { RegisterPicker } from "./register-editor-picker";

/** The register last opened, so coming back to the screen shows it again. */
let opened: string | undefined;

export function PlaybookScreen({ panel }: { panel: Panel }) {
  const [current, setCurrent] = useState(opened);
  opened = current;
  const entry = PLAYBOOK_ENTRIES.find((candidate) => candidate.id === current);
  if (entry)
    return (
      <RegisterEditor
        key={entry.id}
        panel={panel}
        entry={entry}
        onBack={() => setCurrent(undefined)}
        backLabel="All registers"
      />
    );
  return (
    <section class="screen" aria-labelledby="playbook-heading">
      <div class="screen-header">
        <h2 id="playbook-heading">Playbook</h2>
        <span class="count">{`${PLAYBOOK_ENTRIES.length} registers`}</span>
      </div>
      <p class="muted">Each register is a sheet of the workbook: pick one to edit it, then write it.</p>
      <RegisterPicker label="Playbook registers" entries={PLAYBOOK_ENTRIES} onPick={setCurrent} />
    </section>
  );
}

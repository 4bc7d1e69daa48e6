/** A list of kit registers to open in the editor: each a button with its title and one line. */
import { Icon } from "./icons";
import type { EditorEntry } from "./register-editor-model";

export function RegisterPicker({
  label,
  entries,
  onPick,
}: {
  label: string;
  entries: readonly EditorEntry[];
  onPick(id: string): void;
}) {
  return (
    <ul class="register-picker" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <button type="button" onClick={() => onPick(entry.id)}>
            <span class="picker-text">
              <span class="picker-title">{entry.title}</span>
              <span class="picker-summary">{entry.summary}</span>
            </span>
            <Icon name="next" />
          </button>
        </li>
      ))}
    </ul>
  );
}

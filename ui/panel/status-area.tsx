/** What the panel is doing and how its last action ended, announced politely to screen readers. */
import { Icon } from "./icons";
import type { WorkbookTask } from "./workbook-task";

export function StatusArea({ task }: { task: WorkbookTask }) {
  const { progress, result, error } = task;
  const dismiss = (
    <button type="button" class="subtle dismiss" aria-label="Dismiss message" onClick={task.dismiss}>
      <Icon name="close" />
    </button>
  );
  return (
    <div class="status" role="status" aria-live="polite">
      {progress ? (
        <div class="progress">
          <span>{progress.label}</span>
          <progress value={progress.step} max={progress.steps} aria-label={progress.label} />
        </div>
      ) : null}
      {error ? (
        <div class="message error">
          <p>{error}</p>
          {dismiss}
        </div>
      ) : null}
      {result ? (
        <div class={`message ${result.tone}`}>
          <p>{result.text}</p>
          {dismiss}
          {result.undo ? (
            <button type="button" class="subtle" onClick={result.undo.run}>
              <Icon name="undo" />
              {result.undo.label}
            </button>
          ) : null}
          {result.details && result.details.length > 0 ? (
            <ul>
              {result.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

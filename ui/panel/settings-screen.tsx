/** Settings: the workbook's settings the panel validates, plots and writes with, and where they come from. */
import type { Panel } from "./app";

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function SettingsScreen({ panel }: { panel: Panel }) {
  const { settings } = panel;
  const rows: [string, string][] = [
    ["Score scale", `1 to ${settings.scaleMax}`],
    ["High-score threshold", String(settings.threshold)],
    [
      "Priority weights",
      `power ${settings.weights.power}, interest ${settings.weights.interest}, influence ${settings.weights.influence}`,
    ],
    ["Champion threshold", percent(settings.championThreshold)],
  ];
  return (
    <section class="screen" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <p class="muted">
        {settings.sheet
          ? `From the “${settings.sheet}” sheet. Change them there (the yellow cells), then Refresh: the panel and the sheet's formulas use the same values.`
          : "The workbook has no settings sheet yet: these are the defaults. Writing the register creates it."}
      </p>
      <dl class="settings-list">
        {rows.map(([label, value]) => [
          <dt key={`${label}-t`}>{label}</dt>,
          <dd key={`${label}-d`}>{value}</dd>,
        ])}
      </dl>
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

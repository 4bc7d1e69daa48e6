/**
 * Home: each part of the workbook the screens need, there or missing, with the screen that makes
 * it. It lists whatever the registered screens declare, so it grows with them.
 */
import type { Panel } from "./app";
import { Icon } from "./icons";
import { WORKBOOK_PARTS, type WorkbookPart } from "./screens";

export function HomeScreen({ panel }: { panel: Panel }) {
  const { parts, screens, settings, register } = panel;
  const needed: WorkbookPart[] = [...new Set(screens.flatMap((screen) => screen.needs))];
  const read = parts.size > 0;
  const problems = [...register.checks.values()].filter((check) => check.problems).length;
  return (
    <section class="screen" aria-labelledby="home-heading">
      <h2 id="home-heading">This workbook</h2>
      {read ? null : <p class="muted">Reading the workbook…</p>}
      <ul class="inventory">
        {needed.map((kind) => {
          const found = parts.get(kind);
          const maker = screens.find((screen) => screen.shows === kind);
          const part = WORKBOOK_PARTS.get(kind) ?? { title: kind, rows: "" };
          const detail = found
            ? `${part.rows ? `${found.rows} ${part.rows} on ` : "On "}“${found.sheet}”${kind === "settings" ? `: scale 1–${settings.scaleMax}, threshold ${settings.threshold}` : ""}`
            : kind === "settings"
              ? "Missing: written with the register. Until then, defaults (scale 1–5)."
              : "Missing: Write to workbook makes it.";
          return (
            <li key={kind} class={found ? "present" : "missing"}>
              <Icon name={found ? "check" : "alert"} />
              <div>
                <strong>{part.title}</strong>
                <span class="muted">{read ? detail : ""}</span>
              </div>
              {maker ? (
                <button type="button" class="subtle" onClick={() => panel.go(maker.id)}>
                  {`Open ${maker.title}`}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p class="muted">
        {`The panel holds ${register.drafts.length} stakeholder${register.drafts.length === 1 ? "" : "s"}${problems > 0 ? `, ${problems} with problems to fix` : ""}${register.dirty ? ", not yet written" : ""}.`}
      </p>
      <p class="muted">
        Each field of a stakeholder's form says what its score means and where the idea comes from.
        {panel.helpUrl ? (
          <>
            {" "}
            <a href={panel.helpUrl} target="_blank" rel="noreferrer">
              BuyIn's help and function reference
            </a>
            .
          </>
        ) : null}
      </p>
    </section>
  );
}

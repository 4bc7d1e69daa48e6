/**
 * Home: each part of the workbook the screens need, there or missing, with the screen that makes
 * it. It lists whatever the registered screens declare, so it grows with them.
 */
import { useState } from "preact/hooks";
import type { Panel } from "./app";
import { Icon } from "./icons";
import { loadScreensOnUse } from "./load-screens-on-use";
import { WORKBOOK_PARTS, type WorkbookPart } from "./screens";

/**
 * Builds every sheet of the toolkit in one applyAll, asking first when BuyIn sheets are there; its
 * code (and most of core) loads on use. Reads the workbook again after, so the panel's register
 * is the one written and a later write cannot drop it.
 */
async function buildWholeToolkit(panel: Panel, sample: boolean) {
  const existing = [...panel.parts.values()].filter((found) => found !== undefined).length;
  if (
    existing > 0 &&
    !(await panel.ask({
      title: `Build the ${sample ? "sample" : "blank"} toolkit here?`,
      text: sample
        ? "This workbook already has BuyIn sheets. Their registers will hold the sample's rows instead of BuyIn's; rows holding your own notes are kept."
        : "This workbook already has BuyIn sheets. The stakeholders stay; the other registers are emptied of BuyIn's rows, and rows holding your own notes are kept.",
      yes: "Build the toolkit",
      no: "Cancel",
    }))
  )
    return;
  const build = await panel.task.run("Building the toolkit", async (io) => {
    const { buildToolkit } = await loadScreensOnUse();
    return buildToolkit(io, sample, panel.settings.options);
  });
  if (!build) return;
  if (build.built) await panel.refresh();
  panel.task.report(build.result);
}

function ToolkitAction({ panel }: { panel: Panel }) {
  const [sample, setSample] = useState(true);
  // The panel sizes inputs to the pane; a radio keeps its own size, beside its label.
  const choice = (value: boolean, label: string) => (
    <label style={{ display: "flex", alignItems: "center", gap: "6px" }}>
      <input
        type="radio"
        name="toolkit-fill"
        style={{ width: "auto", margin: 0 }}
        checked={sample === value}
        onChange={() => setSample(value)}
      />
      {label}
    </label>
  );
  return (
    <section aria-labelledby="toolkit-heading">
      <h3 id="toolkit-heading">The whole toolkit</h3>
      <p class="muted">
        Every BuyIn sheet in one step: a Start here sheet, the stakeholder map, the business case, KPIs and
        evaluation, the playbook, and resources and support.
      </p>
      <fieldset>
        <legend>Fill it with</legend>
        {choice(true, "the sample programme")}
        {choice(false, "nothing: blank registers")}
      </fieldset>
      <button type="button" disabled={panel.task.busy} onClick={() => void buildWholeToolkit(panel, sample)}>
        Build the whole toolkit
      </button>
    </section>
  );
}

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
      <ToolkitAction panel={panel} />
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

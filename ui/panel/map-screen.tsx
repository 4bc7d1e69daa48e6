/** The power/interest map of the register's valid rows, on the workbook's scale and threshold. */
import type { Stakeholder } from "../../core/index";
import type { Panel } from "./app";
import { PowerInterestGrid } from "./power-interest-grid";

export function MapScreen({ panel }: { panel: Panel }) {
  const { register, settings } = panel;
  const people: Stakeholder[] = [];
  let left = 0;
  for (const check of register.checks.values()) {
    if (check.record) people.push(check.record);
    else left += 1;
  }
  return (
    <section class="screen" aria-labelledby="map-heading">
      <h2 id="map-heading">Power/interest map</h2>
      <PowerInterestGrid people={people} scaleMax={settings.scaleMax} threshold={settings.threshold} />
      {left > 0 ? (
        <p class="muted">
          {`${left} stakeholder${left === 1 ? " is" : "s are"} not on the map until their problems are fixed on the Stakeholders screen.`}
        </p>
      ) : null}
    </section>
  );
}

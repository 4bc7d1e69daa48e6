/**
 * The Business Case screen at 300 px: the programme, cost lines, benefit streams and intangibles as
 * a form checked by core's own rules as you type; ROI, BCR, payback and NPV from `businessCase` on
 * every keystroke; the judgement aids; the whole-model simulation with its histogram; Write (every
 * business-case sheet in one applyAll, the simulation's results with them) and Refresh (the case
 * as the workbook holds it, a reviewer's edits included).
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  BUSINESS_CASE_KIND,
  businessCasePlans,
  CASE_SETTINGS_KIND,
} from "../../core/case/business-case-plans";
import { type CaseSimulation, caseSimulation } from "../../core/case/case-simulation";
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx).
import { COST_CATEGORIES, COST_TIMINGS } from "../../core/case/inputs";
import { BENEFIT_LABELS, COST_LABELS, INTANGIBLE_LABELS, PROGRAMME_LABELS } from "../../core/case/labels";
import { MINSTD_MODULUS } from "../../core/case/minstd-random";
import { BENEFIT_REGISTER, COST_REGISTER, INTANGIBLE_REGISTER } from "../../core/case/registers";
import { MAX_RUNS, MIN_RUNS } from "../../core/case/roi-simulation";
import { serialToIsoDate } from "../../core/dates";
import type { Panel } from "./app";
import {
  type CaseDraft,
  checkDraft,
  draftFromTables,
  EMPTY_DRAFT,
  fieldKey,
  newRow,
  numberFromText,
  type PanelRun,
  type RowDraft,
  type Section,
  simulationFromTable,
  simulationToWrite,
} from "./case-screen-model";
import { Icon } from "./icons";
import { todaySerial } from "./kpi-model";

const KINDS = {
  settings: CASE_SETTINGS_KIND,
  costs: COST_REGISTER.declaration.kind,
  benefits: BENEFIT_REGISTER.declaration.kind,
  intangibles: INTANGIBLE_REGISTER.declaration.kind,
} as const;

/** The form as the user left it, kept across screens until written or refreshed. */
let unsaved: { draft: CaseDraft; run?: PanelRun; result?: CaseSimulation } | undefined;

/** A ratio as a whole percentage, rounded as the sheets' "0%" format rounds it (never "-0%"). */
const percent = (value: number) => `${Math.round(value * 100) || 0}%`;
const money = (value: number) => Math.round(value).toLocaleString("en-US");

export function CaseScreen({ panel }: { panel: Panel }) {
  const { task, ask } = panel;
  const [draft, setDraft] = useState<CaseDraft>(unsaved?.draft ?? EMPTY_DRAFT);
  const [dirty, setDirty] = useState(unsaved !== undefined);
  const [loaded, setLoaded] = useState(unsaved !== undefined);
  const [run, setRun] = useState<PanelRun | undefined>(unsaved?.run);
  const [result, setResult] = useState<CaseSimulation | undefined>(unsaved?.result);
  const [onSheet, setOnSheet] = useState<ReturnType<typeof simulationFromTable>>();
  const [runsText, setRunsText] = useState("10000");
  const [seedText, setSeedText] = useState("1");
  unsaved = dirty || run ? { draft, ...(run ? { run } : {}), ...(result ? { result } : {}) } : undefined;
  const check = useMemo(() => checkDraft(draft), [draft]);

  const readCase = async (io: Parameters<Parameters<typeof task.run>[1]>[0]) => {
    const [settings, costs, benefits, intangibles, sheet] = await Promise.all([
      io.read(KINDS.settings),
      io.read(KINDS.costs),
      io.read(KINDS.benefits),
      io.read(KINDS.intangibles),
      io.read(BUSINESS_CASE_KIND),
    ]);
    const found = draftFromTables({ settings, costs, benefits, intangibles });
    setDraft(found ?? EMPTY_DRAFT);
    setDirty(false);
    setLoaded(true);
    setOnSheet(simulationFromTable(sheet));
    return { found, sheet: settings?.sheet };
  };

  const read = () =>
    task.run("Reading the business case", async (io) => {
      io.progress("Reading the business case…", 0, 1);
      const { found, sheet } = await readCase(io);
      task.report(
        found
          ? { tone: "success", text: `Loaded the business case from “${sheet}” and its registers.` }
          : { tone: "info", text: "The workbook has no business case yet: fill in the form and write." },
      );
    });
  useEffect(() => {
    if (!dirty) void read();
  }, []);

  const askRead = async () => {
    if (
      dirty &&
      !(await ask({
        title: "Discard your changes?",
        text: "Refreshing replaces the panel's unsaved business case with the workbook's.",
        yes: "Discard and refresh",
        no: "Keep editing",
      }))
    )
      return;
    await read();
  };

  const edit = (section: "programme" | Section, field: string, value: string, uid?: string) => {
    setDirty(true);
    setDraft((current) =>
      section === "programme"
        ? { ...current, programme: { ...current.programme, [field]: value } }
        : {
            ...current,
            [section]: current[section].map((row) =>
              row.uid === uid ? { ...row, values: { ...row.values, [field]: value } } : row,
            ),
          },
    );
  };
  const add = (section: Section) => {
    setDirty(true);
    setDraft((current) => ({ ...current, [section]: [...current[section], newRow(current, section)] }));
  };
  const remove = (section: Section, uid: string) => {
    setDirty(true);
    setDraft((current) => ({ ...current, [section]: current[section].filter((row) => row.uid !== uid) }));
  };

  const problemCount = check.problems.size + (check.caseProblem ? 1 : 0);
  const write = async () => {
    const inputs = check.inputs;
    if (!inputs || problemCount > 0) {
      task.report({
        tone: "warning",
        text: `Fix ${problemCount} problem${problemCount === 1 ? "" : "s"} in the business case before writing: nothing was written.`,
      });
      return;
    }
    await task.run("Writing the business case", async (io) => {
      io.progress("Reading the simulation's results…", 0, 2);
      const simulation = simulationToWrite(
        run,
        inputs,
        simulationFromTable(await io.read(BUSINESS_CASE_KIND)),
      );
      io.progress("Writing the business case…", 1, 2);
      const reports = await io.apply(businessCasePlans(inputs, simulation ? { simulation } : {}));
      setOnSheet(simulation);
      setDirty(false);
      const kept = reports.reduce((total, report) => total + report.editsKept, 0);
      const messages = reports.flatMap((report) => report.messages);
      // The workbook kept a reviewer's edits: show its case, so the figures are the sheet's.
      if (kept > 0) await readCase(io);
      task.report({
        tone: messages.length > 0 ? "warning" : "success",
        text:
          kept > 0
            ? `Wrote the business case; kept ${kept} assumption${kept === 1 ? "" : "s"} a reviewer changed in the workbook, now shown here.`
            : "Wrote the business case: its sheets compute these figures with native formulas.",
        details: messages,
      });
    });
  };

  const runs = Number(runsText);
  const seed = Number(seedText);
  const runsProblem =
    Number.isInteger(runs) && runs >= MIN_RUNS && runs <= MAX_RUNS
      ? ""
      : `Runs must be a whole number from ${MIN_RUNS} to ${MAX_RUNS.toLocaleString("en-US")}.`;
  const seedProblem =
    Number.isInteger(seed) && seed >= 1 && seed < MINSTD_MODULUS
      ? ""
      : `Seed must be a whole number from 1 to ${MINSTD_MODULUS - 1}.`;
  const canRun = Boolean(check.figures) && !runsProblem && !seedProblem;
  const simulate = () =>
    task.run("Running the simulation", async (io) => {
      const inputs = check.inputs;
      if (!inputs || !check.figures) return;
      io.progress(`Running ${runs.toLocaleString("en-US")} runs…`, 0, 1);
      // Lets the status area show the progress before the runs take the thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const simulated = caseSimulation(inputs, { runs, seed });
      setResult(simulated);
      setRun({ record: { ...simulated, date: todaySerial() }, inputs: JSON.stringify(inputs) });
      task.report({
        tone: "success",
        text: `Ran ${runs.toLocaleString("en-US")} runs: ROI from ${percent(simulated.p10)} (P10) to ${percent(simulated.p90)} (P90). Write to keep them on the sheet.`,
      });
    });

  const field = (
    section: "programme" | Section,
    name: string,
    label: string,
    options: {
      uid?: string;
      choices?: readonly string[];
      hint?: string;
      number?: boolean;
      required?: boolean;
    } = {},
  ) => {
    const key = fieldKey(section, name, options.uid);
    const id = `case-${key.replaceAll(".", "-")}`;
    const problem = check.problems.get(key);
    const value =
      section === "programme"
        ? draft.programme[name as keyof CaseDraft["programme"]]
        : ((draft[section].find((row) => row.uid === options.uid)?.values as Record<string, string>)?.[
            name
          ] ?? "");
    const common = {
      id,
      disabled: task.busy,
      "aria-invalid": problem ? true : undefined,
      "aria-describedby": problem ? `${id}-problem` : options.hint ? `${id}-hint` : undefined,
    };
    return (
      <div key={key} class={`field${problem ? " has-problem" : ""}`}>
        <label for={id}>
          {label}
          {options.required ? <span class="required"> (required)</span> : null}
        </label>
        {options.choices ? (
          <select
            {...common}
            value={value}
            onChange={(event) => edit(section, name, event.currentTarget.value, options.uid)}
          >
            {options.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type="text"
            inputMode={options.number ? "decimal" : undefined}
            autoComplete="off"
            value={value}
            onInput={(event) => edit(section, name, event.currentTarget.value, options.uid)}
          />
        )}
        {problem ? (
          <span id={`${id}-problem`} class="problem">
            <Icon name="alert" />
            {problem}
          </span>
        ) : options.hint ? (
          <span id={`${id}-hint`} class="field-hint">
            {options.hint}
          </span>
        ) : null}
      </div>
    );
  };

  const rowProblems = (section: Section, uid: string) =>
    [...check.problems.keys()].filter((key) => key.startsWith(`${section}.${uid}.`)).length;
  const rowList = <F extends string>(
    section: Section,
    rows: readonly RowDraft<F>[],
    title: (row: RowDraft<F>) => string,
    body: (row: RowDraft<F>) => preact.ComponentChildren,
    noun: string,
  ) => (
    <>
      {rows.length === 0 ? <p class="empty">{`No ${noun}s yet.`}</p> : null}
      {rows.map((row) => {
        const problems = rowProblems(section, row.uid);
        return (
          <details
            key={row.uid}
            class={`case-row${problems > 0 ? " has-problem" : ""}`}
            open={problems > 0 || undefined}
          >
            <summary>
              <span class="case-row-title">{title(row)}</span>
              {problems > 0 ? <span class="chip chip-problem">{`${problems} to fix`}</span> : null}
            </summary>
            <div class="case-row-fields">
              {body(row)}
              <button
                type="button"
                class="subtle"
                onClick={() => remove(section, row.uid)}
                disabled={task.busy}
              >
                <Icon name="trash" />
                {`Remove ${(row.values as Record<string, string>).id}`}
              </button>
            </div>
          </details>
        );
      })}
      <button type="button" onClick={() => add(section)} disabled={task.busy}>
        <Icon name="plus" />
        {`Add ${noun}`}
      </button>
    </>
  );

  const { figures } = check;
  const shownRun = result && run ? { result, record: run.record } : undefined;
  return (
    <section class="screen case-screen" aria-labelledby="case-heading">
      <div class="screen-header">
        <h2 id="case-heading">Business case</h2>
        <span class="count">
          {problemCount > 0
            ? `${problemCount} to fix`
            : dirty
              ? "unsaved"
              : loaded
                ? "as in the workbook"
                : ""}
        </span>
      </div>
      <div class="toolbar" role="toolbar" aria-label="Business case">
        <button type="button" class="primary" onClick={() => void write()} disabled={task.busy}>
          <Icon name="write" />
          Write
        </button>
        <button type="button" onClick={() => void askRead()} disabled={task.busy}>
          <Icon name="refresh" />
          Refresh
        </button>
      </div>

      <section class="case-figures" aria-live="polite" aria-label="Figures of the case">
        {figures ? (
          <dl>
            <div>
              <dt>ROI</dt>
              <dd data-figure="roi">{percent(figures.roi)}</dd>
            </div>
            <div>
              <dt>BCR</dt>
              <dd data-figure="bcr">{figures.bcr.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Payback</dt>
              <dd data-figure="payback">
                {figures.paybackMonths === null ? "never" : `${figures.paybackMonths.toFixed(1)} months`}
              </dd>
            </div>
            <div>
              <dt>NPV</dt>
              <dd data-figure="npv">{money(figures.npv)}</dd>
            </div>
          </dl>
        ) : (
          <p class="problem">
            <Icon name="alert" />
            {check.caseProblem ??
              `Fix ${problemCount} problem${problemCount === 1 ? "" : "s"} below to see ROI, BCR, payback and NPV.`}
          </p>
        )}
      </section>
      {check.warnings.length > 0 ? (
        <div class="case-warnings">
          <h3 class="section-heading">Judgement aids</h3>
          <ul>
            {check.warnings.map((warning) => (
              <li key={`${warning.kind}-${warning.path.join(".")}`}>
                <Icon name="alert" />
                <span>{warning.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3 class="section-heading">Programme</h3>
      {field("programme", "name", PROGRAMME_LABELS.name, { required: true })}
      <div class="case-pair">
        {field("programme", "learners", PROGRAMME_LABELS.learners, { number: true })}
        {field("programme", "hoursPerLearner", PROGRAMME_LABELS.hoursPerLearner, { number: true })}
      </div>
      {field("programme", "hourlyCost", PROGRAMME_LABELS.hourlyCost, {
        number: true,
        hint: "Pay plus on-costs of an hour of a learner's time.",
      })}
      <div class="case-pair">
        {field("programme", "horizonYears", PROGRAMME_LABELS.horizonYears, { number: true })}
        {field("programme", "discountRate", PROGRAMME_LABELS.discountRate, { number: true })}
      </div>
      {field("programme", "startDate", PROGRAMME_LABELS.startDate, { hint: "yyyy-mm-dd" })}
      <label class="case-check">
        <input
          type="checkbox"
          checked={draft.programme.shortTerm === "TRUE"}
          disabled={task.busy}
          onChange={(event) => edit("programme", "shortTerm", event.currentTarget.checked ? "TRUE" : "FALSE")}
        />
        <span>{`${PROGRAMME_LABELS.shortTerm}: ROI and BCR count the first year's benefits only`}</span>
      </label>
      {check.problems.get("programme") ? <p class="problem">{check.problems.get("programme")}</p> : null}

      <h3 class="section-heading">Costs</h3>
      {check.caseProblem ? (
        <p class="problem">
          <Icon name="alert" />
          {check.caseProblem}
        </p>
      ) : null}
      {rowList(
        "costs",
        draft.costs,
        (row) => {
          const amount = numberFromText("amount", row.values.amount);
          return `${row.values.id} ${row.values.category} · ${typeof amount === "number" ? money(amount) : row.values.amount || "no amount"}`;
        },
        (row) => [
          field("costs", "category", COST_LABELS.category, { uid: row.uid, choices: COST_CATEGORIES }),
          field("costs", "description", COST_LABELS.description, { uid: row.uid }),
          <div key="pair" class="case-pair">
            {field("costs", "timing", COST_LABELS.timing, { uid: row.uid, choices: COST_TIMINGS })}
            {field("costs", "year", COST_LABELS.year, { uid: row.uid, number: true })}
          </div>,
          field("costs", "amount", COST_LABELS.amount, { uid: row.uid, number: true, required: true }),
        ],
        "cost line",
      )}

      <h3 class="section-heading">Benefits</h3>
      {rowList(
        "benefits",
        draft.benefits,
        (row) => `${row.values.id} ${row.values.name || "(no name)"}`,
        (row) => [
          field("benefits", "name", BENEFIT_LABELS.name, { uid: row.uid, required: true }),
          field("benefits", "measure", BENEFIT_LABELS.measure, { uid: row.uid, required: true }),
          <div key="now" class="case-pair">
            {field("benefits", "baseline", BENEFIT_LABELS.baseline, { uid: row.uid, number: true })}
            {field("benefits", "target", BENEFIT_LABELS.target, { uid: row.uid, number: true })}
          </div>,
          field("benefits", "targetSource", BENEFIT_LABELS.targetSource, { uid: row.uid }),
          <div key="value" class="case-pair">
            {field("benefits", "improvement", BENEFIT_LABELS.improvement, { uid: row.uid, number: true })}
            {field("benefits", "valuePerUnit", BENEFIT_LABELS.valuePerUnit, { uid: row.uid, number: true })}
          </div>,
          <div key="shares" class="case-pair">
            {field("benefits", "attribution", BENEFIT_LABELS.attribution, { uid: row.uid, number: true })}
            {field("benefits", "confidence", BENEFIT_LABELS.confidence, { uid: row.uid, number: true })}
          </div>,
          <div key="years" class="case-triple">
            {field("benefits", "firstYear", BENEFIT_LABELS.firstYear, { uid: row.uid, number: true })}
            {field("benefits", "rampUpYears", "Ramp-up", { uid: row.uid, number: true })}
            {field("benefits", "durationYears", "Duration", { uid: row.uid, number: true })}
          </div>,
        ],
        "benefit stream",
      )}

      <h3 class="section-heading">Intangible benefits</h3>
      <p class="field-hint">Listed, never given a money value.</p>
      {rowList(
        "intangibles",
        draft.intangibles,
        (row) => `${row.values.id} ${row.values.name || "(no name)"}`,
        (row) => [
          field("intangibles", "name", INTANGIBLE_LABELS.name, { uid: row.uid, required: true }),
          field("intangibles", "note", INTANGIBLE_LABELS.note, { uid: row.uid }),
        ],
        "intangible",
      )}

      <h3 class="section-heading">Simulation</h3>
      <p class="field-hint">
        A Monte Carlo of the whole model: each improvement, cost line and the hours drawn between the
        conservative and optimistic scenarios.
      </p>
      <div class="case-pair">
        <SimpleField
          id="case-runs"
          label="Runs"
          value={runsText}
          problem={runsProblem}
          onInput={setRunsText}
        />
        <SimpleField
          id="case-seed"
          label="Seed"
          value={seedText}
          problem={seedProblem}
          onInput={setSeedText}
        />
      </div>
      <div class="toolbar">
        <button type="button" onClick={() => void simulate()} disabled={task.busy || !canRun}>
          <Icon name="trend" />
          Run simulation
        </button>
      </div>
      {shownRun ? (
        <SimulationView result={shownRun.result} date={shownRun.record.date} />
      ) : onSheet ? (
        <p class="field-hint">
          {`On the sheet: ${onSheet.runs.toLocaleString("en-US")} runs of ${serialToIsoDate(onSheet.date)}, ROI P10 ${percent(onSheet.p10)}, P50 ${percent(onSheet.p50)}, P90 ${percent(onSheet.p90)}${onSheet.stale ? " (stale: the case was written since)" : ""}. Run again to see the histogram.`}
        </p>
      ) : (
        <p class="empty">Not run yet.</p>
      )}
    </section>
  );
}

function SimpleField(props: {
  id: string;
  label: string;
  value: string;
  problem: string;
  onInput(value: string): void;
}) {
  return (
    <div class={`field${props.problem ? " has-problem" : ""}`}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${props.id}-problem` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.problem ? (
        <span id={`${props.id}-problem`} class="problem">
          <Icon name="alert" />
          {props.problem}
        </span>
      ) : null}
    </div>
  );
}

/** The histogram of the runs' ROIs (bars below 0 in the warning colour) and the figures the sheet keeps. */
function SimulationView({ result, date }: { result: CaseSimulation; date: number }) {
  const width = 272;
  const height = 96;
  const bins = result.histogram;
  const low = bins[0]?.from ?? 0;
  const high = bins[bins.length - 1]?.to ?? 0;
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const span = high - low || 1;
  const x = (roi: number) => ((roi - low) / span) * width;
  const zero = low < 0 && high > 0 ? x(0) : undefined;
  return (
    <figure class="case-histogram">
      <svg
        viewBox={`0 0 ${width} ${height + 14}`}
        role="img"
        aria-label={`Histogram of ${result.runs.toLocaleString("en-US")} simulated ROIs, from ${percent(low)} to ${percent(high)}; ${percent(result.probabilityPositive)} of runs above 0.`}
      >
        {bins.map((bin, index) => {
          const barWidth = bins.length === 1 ? width : width / bins.length;
          const barHeight = (bin.count / tallest) * height;
          return (
            <rect
              key={index}
              class={bin.to <= 0 ? "bar-negative" : "bar"}
              x={index * barWidth + 0.5}
              y={height - barHeight}
              width={Math.max(0, barWidth - 1)}
              height={barHeight}
            />
          );
        })}
        {zero === undefined ? null : <line class="zero" x1={zero} x2={zero} y1={0} y2={height} />}
        {zero === undefined || zero < 28 || zero > width - 28 ? null : (
          <text x={zero} y={height + 12} class="axis" text-anchor="middle">
            0%
          </text>
        )}
        <text x={0} y={height + 12} class="axis">
          {percent(low)}
        </text>
        <text x={width} y={height + 12} class="axis" text-anchor="end">
          {percent(high)}
        </text>
      </svg>
      <figcaption>
        <table class="analysis case-simulated">
          <caption>{`Simulated ROI, ${result.runs.toLocaleString("en-US")} runs, seed ${result.seed}, ${serialToIsoDate(date)}`}</caption>
          <tbody>
            <tr>
              <th scope="row">P10 · P50 · P90</th>
              <td data-figure="sim-percentiles">{`${percent(result.p10)} · ${percent(result.p50)} · ${percent(result.p90)}`}</td>
            </tr>
            <tr>
              <th scope="row">Mean</th>
              <td data-figure="sim-mean">{percent(result.mean)}</td>
            </tr>
            <tr>
              <th scope="row">P(ROI &gt; 0)</th>
              <td data-figure="sim-positive">{percent(result.probabilityPositive)}</td>
            </tr>
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

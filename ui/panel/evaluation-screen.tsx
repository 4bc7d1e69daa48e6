/**
 * The Evaluation screen at 300 px: each programme's chain of impact (levels 0–5, each with its
 * result or marked missing), and the pre/post analysis of a range selected in the workbook (n,
 * mean gain, Hake's gain, d_z, t and p from the kernels), which can be written as the Pre-Post
 * Assessment sheet, whose native formulas compute the same statistics.
 */
import { useEffect, useRef, useState } from "preact/hooks";
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx), and a
// lazily loaded core/index would bring every export with it (the function catalog, the samples).
import type { EvaluationStep, RowProblem } from "../../core/index";
import { CHAIN_LEVELS } from "../../core/model/evaluation-step";
import { assessmentPlans } from "../../core/plans/assessment-register";
import { EVALUATION_CHAIN, missingLevels } from "../../core/plans/evaluation-chain";
import type { Panel } from "./app";
import { Icon } from "./icons";
import { type Analysis, analysePairs, learnersOf, type Pairs, pairsFromSelection } from "./pre-post";
import { RegisterEditor } from "./register-editor";
import { EVALUATION_ENTRIES } from "./register-editor-entries";
import { RegisterPicker } from "./register-editor-picker";

const CHAIN_KIND = "evaluation-chain";

/** The chain's steps grouped by programme, in the order the sheet first names each. */
function byProgramme(steps: readonly EvaluationStep[]): Map<string, EvaluationStep[]> {
  const groups = new Map<string, EvaluationStep[]>();
  for (const step of steps) groups.set(step.programme, [...(groups.get(step.programme) ?? []), step]);
  return groups;
}

const round = (value: number, digits: number) => value.toFixed(digits).replace(/^-(0\.0*)$/, "$1");

export function EvaluationScreen({ panel }: { panel: Panel }) {
  const { task, ask } = panel;
  const [steps, setSteps] = useState<readonly EvaluationStep[] | undefined>();
  const [unread, setUnread] = useState<readonly RowProblem[]>([]);
  // The feedback or improvement register open in the editor, if any.
  const [register, setRegister] = useState<string | undefined>();
  const [maxScore, setMaxScore] = useState("100");
  const [result, setResult] = useState<
    { pairs: Pairs; analysis: Analysis; max: number } | { problem: string }
  >();

  const readChain = () =>
    task.run("Reading the evaluation chain", async (io) => {
      io.progress("Reading the evaluation chain…", 0, 1);
      const table = await io.read(CHAIN_KIND);
      const parsed = table
        ? EVALUATION_CHAIN.parse({ header: EVALUATION_CHAIN.headerOf(table), rows: table.rows }, {})
        : { records: [], problems: [] };
      setSteps(parsed.records);
      setUnread(parsed.problems);
    });
  useEffect(() => {
    void readChain();
  }, []);
  // A new result, or what is wrong with the selection, comes into view below the buttons.
  const resultArea = useRef<HTMLDivElement>(null);
  useEffect(() => resultArea.current?.scrollIntoView({ block: "nearest" }), [result]);

  const max = Number(maxScore);
  const maxProblem =
    maxScore.trim() === "" || !Number.isFinite(max) || max <= 0
      ? "Highest score must be a number above 0."
      : "";

  const analyse = () =>
    task.run("Analysing the selection", async (io) => {
      if (!io.readSelection) return;
      io.progress("Reading the selection…", 0, 1);
      const pairs = pairsFromSelection(await io.readSelection());
      if ("problem" in pairs) {
        setResult(pairs);
        return;
      }
      const analysis = analysePairs(pairs.pre, pairs.post, max);
      setResult("problem" in analysis ? analysis : { pairs, analysis, max });
    });

  const writeSheet = async () => {
    if (!result || "problem" in result) return;
    const { pairs, max: highest } = result;
    const confirmed = await ask({
      title: "Write the Pre-Post Assessment sheet?",
      text: `Writes these ${pairs.pre.length} learners' scores as the Pre-Post Assessment sheet, replacing the learners it holds. Rows holding your own notes are kept.`,
      yes: "Write the sheet",
      no: "Cancel",
    });
    if (!confirmed) return;
    await task.run("Writing the assessment", async (io) => {
      io.progress("Writing the Pre-Post Assessment sheet…", 0, 1);
      const reports = await io.apply(assessmentPlans(learnersOf(pairs), { maxScore: highest }));
      const messages = reports.flatMap((report) => report.messages);
      task.report({
        tone: messages.length > 0 ? "warning" : "success",
        text: `Wrote ${pairs.pre.length} learners to the Pre-Post Assessment sheet; its formulas compute the analysis.`,
        details: messages,
      });
    });
  };

  const opened = EVALUATION_ENTRIES.find((entry) => entry.id === register);
  if (opened)
    return (
      <RegisterEditor
        key={opened.id}
        panel={panel}
        entry={opened}
        onBack={() => setRegister(undefined)}
        backLabel="Back to Evaluation"
      />
    );

  const programmes = byProgramme(steps ?? []);
  return (
    <section class="screen" aria-labelledby="evaluation-heading">
      <div class="screen-header">
        <h2 id="evaluation-heading">Evaluation</h2>
        <button type="button" class="subtle" onClick={() => void readChain()} disabled={task.busy}>
          <Icon name="refresh" />
          Reload
        </button>
      </div>
      <h3 class="section-heading">Chain of impact</h3>
      {steps === undefined ? (
        <p class="empty">Reading the evaluation chain…</p>
      ) : programmes.size === 0 ? (
        <p class="empty">No evaluation chain in the workbook yet.</p>
      ) : (
        [...programmes].map(([programme, rows]) => {
          const missing = missingLevels(steps, programme);
          return (
            <div key={programme} class="chain">
              <h4>{programme}</h4>
              <p class={missing.length === 0 ? "chain-state complete" : "chain-state"}>
                <Icon name={missing.length === 0 ? "check" : "alert"} />
                {missing.length === 0 ? "Complete from reaction to ROI" : `Missing: ${missing.join(", ")}`}
              </p>
              <ul class="chain-levels">
                {CHAIN_LEVELS.map((level) => {
                  const step = rows.find((row) => row.level === level && (row.result ?? "").trim() !== "");
                  const measured = step ?? rows.find((row) => row.level === level);
                  return (
                    <li key={level} class={step ? "has-result" : "no-result"}>
                      <span class="chain-level">{level}</span>
                      <span class="chain-measure">{measured?.measure ?? "Not planned"}</span>
                      <span class="chain-result">{step?.result ?? "missing"}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })
      )}
      {unread.length > 0 ? (
        <p class="problem">
          {`${unread.length} row${unread.length === 1 ? "" : "s"} of the chain could not be read: row ${unread[0]?.row}, ${`${unread[0]?.column} ${unread[0]?.message}`.trim()}.`}
        </p>
      ) : null}

      <h3 class="section-heading">Feedback and improvement</h3>
      <RegisterPicker
        label="Feedback and improvement registers"
        entries={EVALUATION_ENTRIES}
        onPick={setRegister}
      />

      <h3 class="section-heading">Pre/post analysis</h3>
      <p class="field-hint">
        Select the learners' scores in the workbook, two columns (pre, then post; a header row and a name
        column may come with them), then analyse.
      </p>
      <div class={`field${maxProblem ? " has-problem" : ""}`}>
        <label for="max-score">Highest score</label>
        <input
          id="max-score"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={maxScore}
          aria-invalid={maxProblem ? true : undefined}
          aria-describedby={maxProblem ? "max-score-problem" : undefined}
          onInput={(event) => setMaxScore(event.currentTarget.value)}
        />
        {maxProblem ? (
          <span id="max-score-problem" class="problem">
            <Icon name="alert" />
            {maxProblem}
          </span>
        ) : null}
      </div>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          onClick={() => void analyse()}
          disabled={task.busy || !panel.canReadSelection || maxProblem !== ""}
        >
          <Icon name="import" />
          Analyse selection
        </button>
        {result && !("problem" in result) ? (
          <button type="button" onClick={() => void writeSheet()} disabled={task.busy}>
            <Icon name="write" />
            Write assessment sheet
          </button>
        ) : null}
      </div>
      {panel.canReadSelection ? null : <p class="field-hint">This host cannot read a selection.</p>}
      <div aria-live="polite" ref={resultArea}>
        {result === undefined ? null : "problem" in result ? (
          <p class="problem analysis-problem">
            <Icon name="alert" />
            {result.problem}
          </p>
        ) : (
          <AnalysisTable {...result} />
        )}
      </div>
    </section>
  );
}

function AnalysisTable({ pairs, analysis }: { pairs: Pairs; analysis: Analysis; max: number }) {
  const rows: [string, string, string][] = [
    [
      "Learners (n)",
      String(analysis.n),
      pairs.skipped > 0 ? `${pairs.skipped} left out: a score blank` : "pairs analysed",
    ],
    ["Mean gain", round(analysis.meanGain, 2), `${pairs.headers[1]} − ${pairs.headers[0]}, in points`],
    ["Hake gain", round(analysis.hakeGain, 2), "share of the possible gain achieved"],
    ["Effect size d_z", round(analysis.dz, 2), "mean change ÷ SD of the changes"],
    ["t", round(analysis.t, 2), `paired, ${analysis.df} degrees of freedom`],
    [
      "p (two-sided)",
      analysis.p < 0.001 ? "< 0.001" : round(analysis.p, 3),
      analysis.p < 0.05 ? "below 0.05" : "0.05 or above",
    ],
  ];
  return (
    <table class="analysis">
      <caption>Pre/post analysis of the selection</caption>
      <tbody>
        {rows.map(([label, value, meaning]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td class="analysis-value">{value}</td>
            <td class="analysis-meaning">{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

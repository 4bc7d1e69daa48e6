import { serialToIsoDate } from "../dates";
import { cellA1 } from "../plans/a1";
import type { Block, NamePlan } from "../plans/sheet-plan";

/**
 * A simulation's results as the Business Case sheet keeps them: what ran, on which day, and
 * whether the case has been written since without a new run.
 */
export interface SimulationRecord {
  readonly runs: number;
  readonly seed: number;
  /** The day it ran, as a spreadsheet serial. */
  readonly date: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
  /** Share of runs with ROI > 0, from 0 to 1. */
  readonly probabilityPositive: number;
  /**
   * The case was written again after this run without a new one: the values are kept (never
   * erased) and the sheet says they may not be those of the inputs it now shows.
   */
  readonly stale?: boolean;
}

/** Each result's name suffix (`BuyIn_Case_SimRuns` …), label on the sheet and number format, top to bottom. */
export const SIMULATION_ROWS = [
  { field: "runs", name: "SimRuns", label: "Runs", format: "#,##0" },
  { field: "seed", name: "SimSeed", label: "Seed", format: "0" },
  { field: "date", name: "SimDate", label: "Run on", format: "yyyy-mm-dd" },
  { field: "p10", name: "SimP10", label: "ROI P10", format: "0%" },
  { field: "p50", name: "SimP50", label: "ROI P50", format: "0%" },
  { field: "p90", name: "SimP90", label: "ROI P90", format: "0%" },
  { field: "mean", name: "SimMean", label: "ROI mean", format: "0%" },
  { field: "probabilityPositive", name: "SimProbPositive", label: "P(ROI > 0)", format: "0%" },
] as const satisfies readonly {
  field: keyof SimulationRecord;
  name: string;
  label: string;
  format: string;
}[];

/** The block's heading: the one exception to "native formulas only" says so where it stands. */
export const SIMULATION_HEADING = "Simulated ROI (values, not formulas)";
/** What the status line begins with when no run has been written. */
export const SIMULATION_NOT_RUN = "Not run yet:";
/** What the status line begins with when the case was written since the run. */
export const SIMULATION_STALE = "Stale:";

/** The status line under the values: never run, fresh, or kept from an earlier run. */
function statusOf(simulation: SimulationRecord | undefined): string {
  if (!simulation)
    return `${SIMULATION_NOT_RUN} run the simulation from BuyIn's Business Case screen; its results are written here as values.`;
  const day = serialToIsoDate(simulation.date);
  if (simulation.stale)
    return `${SIMULATION_STALE} from the run of ${day}; the case has been written again since without a new run, so these may not be the figures of the inputs above. Run it again from BuyIn's Business Case screen.`;
  return `A Monte Carlo of the whole model run by BuyIn on ${day} on the inputs written with it: values that do not follow later edits. Run it again from BuyIn's Business Case screen.`;
}

/**
 * The simulation's block on the Business Case sheet: a heading, each result labelled and named
 * (`BuyIn_Case_SimRuns`, `_SimSeed`, `_SimDate`, `_SimP10`, `_SimP50`, `_SimP90`, `_SimMean`,
 * `_SimProbPositive`) and a status line. The names always exist; before any run the values are
 * blank and the status line says where to run it. These are the workbook's one set of values
 * among the outputs (DESIGN rule 4's exception): a simulation is not a native formula.
 *
 * Source: BuyIn's definition (issue 10, item 5: "written to the sheet as clearly labelled values
 * (runs, seed, date)").
 *
 * @param simulation the results to write, or undefined before any run
 * @param top the heading's row; labels stand in `column`, values one column right
 * @param column the labels' column number (1 is A)
 * @param name the workbook name of a suffix ("SimRuns" → "BuyIn_Case_SimRuns")
 * @returns the blocks and the names
 * @example simulationBlock(undefined, 1, 4, (suffix) => suffix).names[0].at // "E2"
 */
export function simulationBlock(
  simulation: SimulationRecord | undefined,
  top: number,
  column: number,
  name: (suffix: string) => string,
): { blocks: Block[]; names: NamePlan[] } {
  const first = top + 1;
  return {
    blocks: [
      { at: cellA1(top, column), values: [[SIMULATION_HEADING, null]], role: "header" },
      {
        at: cellA1(first, column),
        values: SIMULATION_ROWS.map((row) => [row.label]),
        role: "note",
        widths: [12],
      },
      {
        at: cellA1(first, column + 1),
        values: SIMULATION_ROWS.map((row) => [simulation ? simulation[row.field] : null]),
        numberFormats: SIMULATION_ROWS.map((row) => [row.format]),
        role: "output",
        widths: [11],
      },
      { at: cellA1(first + SIMULATION_ROWS.length, column), values: [[statusOf(simulation)]], role: "note" },
    ],
    names: SIMULATION_ROWS.map((row, index) => ({
      name: name(row.name),
      at: cellA1(first + index, column + 1),
    })),
  };
}

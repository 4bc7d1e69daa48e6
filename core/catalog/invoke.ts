import { FormulaError, isFormulaError } from "../errors";
import { BLANK, coerceChoice, coerceName, coerceNumber, coerceNumberOrName } from "./coerce";
import type { ArgumentInput, CellInput, CellResult, FunctionSpec, ParameterSpec } from "./types";

/**
 * The catalog's one entry point for hosts: raw host arguments in, a grid of answers out.
 *
 * Scalar parameters given a range are lifted: the answer has one cell per input cell, and a
 * single cell (or a one-row / one-column range) broadcasts against the others, as Excel's array
 * arithmetic does. Row parameters are lifted over rows: each row of the range is one argument.
 * Shapes that cannot broadcast (3 rows against 5) fail the whole call. A failing cell gives an
 * error in that answer cell only. An answer cell whose lifted inputs are all blank is blank, so a
 * formula over a column with empty rows leaves those rows empty.
 *
 * Series parameters (cash flows) read the whole range row by row. Blank cells before the first
 * and after the last value are ignored (ranges are often selected generously); a blank between
 * values is refused, because skipping it would shift every later period, the silent error of
 * Excel's IRR over a range with gaps. An optional series that is all blank counts as omitted
 * (PRIORITY's weights over empty cells give equal weights). Sample parameters (ratings, test
 * scores) skip blanks wherever they are, as AVERAGE does; two paired samples (pre and post) must
 * have as many cells each, and a learner with one score but not the other is refused by position.
 *
 * More arguments than parameters are refused, as Excel refuses them when the formula is typed;
 * Sheets hands a custom function every argument typed, so the check is made here.
 */
export interface Invocation {
  /** Answers, rows × columns; 1 × 1 when nothing was lifted. */
  readonly cells: CellResult[][];
}

type Grid = readonly (readonly CellInput[])[];
type Coerced = number | string | typeof BLANK | FormulaError;

/** A range as rows; a 1-D array (from a script caller) is one row. */
function toGrid(value: ArgumentInput): Grid {
  if (!Array.isArray(value)) return [[value as CellInput]];
  if (value.length > 0 && !value.every((row) => Array.isArray(row))) return [value as unknown as CellInput[]];
  return value as Grid;
}

/** A range's cells row by row: what `grid.flat()` gives, without its cost (several ms for 10,000 cells in V8). */
function cellsOf(grid: Grid): CellInput[] {
  const cells: CellInput[] = [];
  for (const row of grid) for (const cell of row) cells.push(cell);
  return cells;
}

function shapeError(fn: string, message: string): FormulaError {
  return new FormulaError("VALUE", `${fn}: ${message}`);
}

function checkRectangular(fn: string, parameter: ParameterSpec, grid: Grid): FormulaError | undefined {
  const width = grid[0]?.length ?? 0;
  if (grid.length === 0 || width === 0) return shapeError(fn, `${parameter.name} is an empty range`);
  for (const row of grid) {
    if (row.length !== width) return shapeError(fn, `${parameter.name} has rows of different lengths`);
  }
  return undefined;
}

function coerceCell(fn: string, parameter: ParameterSpec, name: string, cell: CellInput): Coerced {
  if (parameter.type === "engagement") return coerceNumberOrName(fn, name, cell);
  if (parameter.type === "quadrant") return coerceName(fn, name, cell);
  if (parameter.type === "choice") return coerceChoice(fn, name, cell, parameter.choices ?? []);
  return coerceNumber(fn, name, cell, parameter.type);
}

function tooManyArguments(spec: FunctionSpec, given: number): FormulaError {
  const count = spec.parameters.length;
  const names = spec.parameters.map((parameter) => parameter.name).join(", ");
  return new FormulaError(
    "VALUE",
    `${spec.id}: takes at most ${count} argument${count === 1 ? "" : "s"} (${names}), got ${given}`,
  );
}

function readSeries(
  fn: string,
  parameter: ParameterSpec,
  cells: readonly CellInput[],
): number[] | FormulaError {
  const values: number[] = [];
  let pendingBlank = -1;
  for (let index = 0; index < cells.length; index++) {
    const coerced = coerceCellAt(fn, parameter, cells, index);
    if (coerced === BLANK) {
      if (values.length > 0 && pendingBlank < 0) pendingBlank = index;
      continue;
    }
    if (isFormulaError(coerced)) return coerced;
    if (pendingBlank >= 0) {
      return new FormulaError(
        "VALUE",
        `${fn}: ${parameter.name} value ${pendingBlank + 1} is blank between values; enter 0 for a period without a cash flow`,
      );
    }
    values.push(coerced);
  }
  return values;
}

/**
 * Cell `index` of a range argument as a number. Its position goes into the message only when
 * there is one: building "cash_flows value 9,731" for every cell would cost more than reading it.
 */
function coerceCellAt(
  fn: string,
  parameter: ParameterSpec,
  cells: readonly CellInput[],
  index: number,
): number | typeof BLANK | FormulaError {
  const coerced = coerceNumber(fn, parameter.name, cells[index]);
  return isFormulaError(coerced)
    ? coerceNumber(fn, `${parameter.name} value ${index + 1}`, cells[index])
    : coerced;
}

/** A sample's cells, blanks kept in place for pairing. */
function readSample(
  fn: string,
  parameter: ParameterSpec,
  cells: readonly CellInput[],
): (number | typeof BLANK)[] | FormulaError {
  const values: (number | typeof BLANK)[] = [];
  for (let index = 0; index < cells.length; index++) {
    const coerced = coerceCellAt(fn, parameter, cells, index);
    if (isFormulaError(coerced)) return coerced;
    values.push(coerced);
  }
  return values;
}

/** Two paired samples, without the pairs that are blank on both sides. */
function readPairs(
  fn: string,
  first: { readonly name: string; readonly cells: readonly (number | typeof BLANK)[] },
  second: { readonly name: string; readonly cells: readonly (number | typeof BLANK)[] },
): [number[], number[]] | FormulaError {
  if (first.cells.length !== second.cells.length)
    return shapeError(
      fn,
      `${first.name} and ${second.name} must be ranges of the same size, one cell per learner each: ${first.cells.length} cells and ${second.cells.length}`,
    );
  const firstValues: number[] = [];
  const secondValues: number[] = [];
  for (let index = 0; index < first.cells.length; index++) {
    const a = first.cells[index] as number | typeof BLANK;
    const b = second.cells[index] as number | typeof BLANK;
    if (a === BLANK && b === BLANK) continue;
    if (a === BLANK || b === BLANK) {
      const [blank, filled] = a === BLANK ? [first.name, second.name] : [second.name, first.name];
      return shapeError(
        fn,
        `${blank} value ${index + 1} is blank but ${filled} value ${index + 1} is not: give each learner both scores, or neither`,
      );
    }
    firstValues.push(a);
    secondValues.push(b);
  }
  return [firstValues, secondValues];
}

/** The values of every sample parameter, paired ones pair by pair; an error for the first that fails. */
function readSamples(
  fn: string,
  parameters: readonly ParameterSpec[],
  samples: readonly ((number | typeof BLANK)[] | undefined)[],
  values: (number[] | undefined)[],
): FormulaError | undefined {
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index] as ParameterSpec;
    const cells = samples[index];
    // A paired sample is read with the sample it pairs with.
    if (parameter.kind !== "sample" || !cells || parameter.pairedWith) continue;
    const partnerIndex = parameters.findIndex((other) => other.pairedWith === parameter.name);
    const partner = parameters[partnerIndex];
    const partnerCells = samples[partnerIndex];
    if (partner && partnerCells) {
      const pairs = readPairs(
        fn,
        { name: parameter.name, cells },
        { name: partner.name, cells: partnerCells },
      );
      if (isFormulaError(pairs)) return pairs;
      [values[index], values[partnerIndex]] = pairs;
    } else values[index] = cells.filter((cell): cell is number => cell !== BLANK);
  }
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index] as ParameterSpec;
    if (parameter.kind === "sample" && samples[index] && !values[index]?.length && !parameter.optional)
      return shapeError(fn, `${parameter.name} is blank`);
  }
  return undefined;
}

/** One row argument: every cell a number, or BLANK when the whole row is blank. */
function readRow(
  fn: string,
  parameter: ParameterSpec,
  cells: readonly CellInput[],
): number[] | typeof BLANK | FormulaError {
  const values: number[] = [];
  let blanks = 0;
  let firstBlank = -1;
  for (let index = 0; index < cells.length; index++) {
    const coerced = coerceCellAt(fn, parameter, cells, index);
    if (coerced === BLANK) {
      blanks++;
      if (firstBlank < 0) firstBlank = index;
      continue;
    }
    if (isFormulaError(coerced)) return coerced;
    values.push(coerced);
  }
  if (blanks === cells.length) return BLANK;
  if (blanks > 0)
    return new FormulaError("VALUE", `${fn}: ${parameter.name} value ${firstBlank + 1} is blank`);
  return values;
}

function toFormulaError(fn: string, thrown: unknown): FormulaError {
  if (isFormulaError(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new FormulaError("VALUE", `${fn}: could not compute (${detail})`);
}

function fill(rows: number, columns: number, value: CellResult): CellResult[][] {
  return Array.from({ length: rows }, () => new Array<CellResult>(columns).fill(value));
}

/** A table function's answer as cells: every cell text or a finite number, else one `#NUM!`. */
function tableCells(fn: string, table: readonly unknown[]): CellResult[][] | FormulaError {
  const rows = table as readonly (readonly unknown[])[];
  const width = rows[0]?.length ?? 0;
  const wellFormed = rows.every(
    (row) =>
      Array.isArray(row) &&
      row.length === width &&
      row.every((cell) => typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell))),
  );
  if (rows.length === 0 || width === 0 || !wellFormed) {
    return new FormulaError("NUM", `${fn}: the result is not a table of finite numbers and labels`);
  }
  return rows.map((row) => [...row] as CellResult[]);
}

/** Rows × columns a lifted parameter contributes to the answer's shape. */
function liftedShape(parameter: ParameterSpec, grid: Grid): { rows: number; columns: number } {
  return {
    rows: grid.length,
    columns: parameter.kind === "row" ? 1 : (grid[0] as readonly CellInput[]).length,
  };
}

/** Calls a catalog function on raw host arguments. Never throws. */
export function invoke(spec: FunctionSpec, args: readonly ArgumentInput[]): Invocation {
  const fn = spec.id;
  const parameters = spec.parameters;
  const grids: (Grid | undefined)[] = [];
  const seriesValues: (number[] | undefined)[] = [];
  const samples: ((number | typeof BLANK)[] | undefined)[] = [];
  let seriesError: FormulaError | undefined;
  if (args.length > parameters.length) return { cells: [[tooManyArguments(spec, args.length)]] };

  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index] as ParameterSpec;
    const raw = args[index];
    grids.push(undefined);
    seriesValues.push(undefined);
    samples.push(undefined);
    if (raw === undefined || raw === null) {
      if (!parameter.optional) return { cells: [[shapeError(fn, `${parameter.name} is required`)]] };
      continue;
    }
    const grid = toGrid(raw);
    const problem = checkRectangular(fn, parameter, grid);
    if (problem) return { cells: [[problem]] };
    if (parameter.kind === "series") {
      const series = readSeries(fn, parameter, cellsOf(grid));
      if (isFormulaError(series)) seriesError ??= series;
      else if (series.length > 0) seriesValues[index] = series;
      else if (!parameter.optional) seriesError ??= shapeError(fn, `${parameter.name} is blank`);
    } else if (parameter.kind === "sample") {
      const sample = readSample(fn, parameter, cellsOf(grid));
      if (isFormulaError(sample)) seriesError ??= sample;
      else samples[index] = sample;
    } else grids[index] = grid;
  }
  if (!seriesError) seriesError = readSamples(fn, parameters, samples, seriesValues);

  // Broadcasting: every lifted range must be 1 or the common size in each direction.
  let rows = 1;
  let columns = 1;
  let widest: { name: string; rows: number; columns: number } | undefined;
  for (let index = 0; index < parameters.length; index++) {
    const grid = grids[index];
    if (!grid) continue;
    const parameter = parameters[index] as ParameterSpec;
    const shape = liftedShape(parameter, grid);
    if (shape.rows === 1 && shape.columns === 1) continue;
    if (spec.result.format === "table") {
      const message = `${parameter.name} must be a single cell: the function answers one table, not one answer a cell`;
      return { cells: [[shapeError(fn, message)]] };
    }
    const fitsRows = shape.rows === 1 || rows === 1 || shape.rows === rows;
    const fitsColumns = shape.columns === 1 || columns === 1 || shape.columns === columns;
    if (!fitsRows || !fitsColumns) {
      const other = widest as { name: string; rows: number; columns: number };
      const message = `${parameter.name} (${shape.rows}×${shape.columns}) and ${other.name} (${other.rows}×${other.columns}) must have the same shape, or one must be a single cell`;
      return { cells: [[shapeError(fn, message)]] };
    }
    rows = Math.max(rows, shape.rows);
    columns = Math.max(columns, shape.columns);
    widest = { name: parameter.name, ...shape };
  }

  if (seriesError) return { cells: fill(rows, columns, seriesError) };

  const lifted = rows > 1 || columns > 1;
  const callArgs: unknown[] = new Array(parameters.length);
  if (spec.result.format === "table") {
    const answer = answerCell(spec, grids, seriesValues, callArgs, 0, 0, false);
    return { cells: Array.isArray(answer) ? answer : [[answer]] };
  }
  const cells: CellResult[][] = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const answerRow: CellResult[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      // Only a table function answers a table, so each answer here is one cell.
      answerRow[column] = answerCell(spec, grids, seriesValues, callArgs, row, column, lifted) as CellResult;
    }
    cells[row] = answerRow;
  }
  return { cells };
}

function answerCell(
  spec: FunctionSpec,
  grids: readonly (Grid | undefined)[],
  seriesValues: readonly (number[] | undefined)[],
  callArgs: unknown[],
  row: number,
  column: number,
  lifted: boolean,
): CellResult | CellResult[][] {
  const fn = spec.id;
  const parameters = spec.parameters;
  let firstBlank: ParameterSpec | undefined;
  let sawValue = false;
  let firstError: FormulaError | undefined;
  for (let index = 0; index < parameters.length; index++) {
    const parameter = parameters[index] as ParameterSpec;
    const grid = grids[index];
    if (parameter.kind === "series" || parameter.kind === "sample" || !grid) {
      callArgs[index] = seriesValues[index] ?? parameter.optional?.defaultValue;
      continue;
    }
    const gridRow = grid[grid.length === 1 ? 0 : row] as readonly CellInput[];
    let coerced: Coerced | number[];
    let isLiftedHere: boolean;
    if (parameter.kind === "row") {
      isLiftedHere = grid.length > 1;
      coerced = readRow(fn, parameter, gridRow);
    } else {
      isLiftedHere = grid.length > 1 || gridRow.length > 1;
      coerced = coerceCell(fn, parameter, parameter.name, gridRow[gridRow.length === 1 ? 0 : column]);
    }
    if (coerced === BLANK) {
      if (parameter.optional) callArgs[index] = parameter.optional.defaultValue;
      else firstBlank ??= parameter;
      continue;
    }
    if (isLiftedHere || !lifted) sawValue = true;
    if (isFormulaError(coerced)) {
      firstError ??= coerced;
      continue;
    }
    callArgs[index] = coerced;
  }
  if (firstError) return firstError;
  // Every input lifted to this cell is blank (a blank row of a range), optional ones included.
  if (lifted && !sawValue) return "";
  if (firstBlank) {
    if (!sawValue) return "";
    return new FormulaError("VALUE", `${fn}: ${firstBlank.name} is blank`);
  }
  try {
    const answer = (spec.implementation as (...values: unknown[]) => unknown)(...callArgs);
    if (spec.result.format === "table" && Array.isArray(answer)) return tableCells(fn, answer);
    if (typeof answer === "string" && answer !== "") return answer;
    if (typeof answer !== "number" || !Number.isFinite(answer)) {
      return new FormulaError("NUM", `${fn}: the result is not a finite number`);
    }
    return answer;
  } catch (thrown) {
    return toFormulaError(fn, thrown);
  }
}

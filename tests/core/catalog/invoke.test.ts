import { describe, expect, it } from "vitest";
import { type CellResult, FormulaError, type FunctionSpec, findFunction, invoke } from "../../../core/index";

function spec(id: string): FunctionSpec {
  const found = findFunction(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Answers as plain data: numbers, "", or "#KIND message". */
function plain(cells: CellResult[][]): unknown[][] {
  return cells.map((row) =>
    row.map((cell) => (cell instanceof FormulaError ? `${cell.text} ${cell.message}` : cell)),
  );
}

const ROI = spec("BUYIN.ROI");

describe("lifting scalar parameters over ranges", () => {
  it("answers one cell per row, broadcasting a single cell", () => {
    const { cells } = invoke(ROI, [[[200], [300], [50]], [[100]]]);
    expect(plain(cells)).toEqual([[1], [2], [-0.5]]);
  });

  it("pairs two columns row by row", () => {
    expect(
      plain(
        invoke(ROI, [
          [[200], [300]],
          [[100], [200]],
        ]).cells,
      ),
    ).toEqual([[1], [0.5]]);
  });

  it("crosses a row with a column, as array arithmetic does", () => {
    const { cells } = invoke(ROI, [[[200, 300]], [[100], [50]]]);
    expect(plain(cells)).toEqual([
      [1, 2],
      [3, 5],
    ]);
  });

  it("refuses shapes that cannot broadcast, naming both arguments", () => {
    const { cells } = invoke(ROI, [
      [[1], [2], [3]],
      [[1], [2]],
    ]);
    expect(plain(cells)).toEqual([
      [
        "#VALUE! BUYIN.ROI: costs (2×1) and benefits (3×1) must have the same shape, or one must be a single cell",
      ],
    ]);
  });

  it("refuses ragged and empty ranges", () => {
    expect(plain(invoke(ROI, [[[1, 2], [3]], 1]).cells)[0]?.[0]).toMatch(
      /benefits has rows of different lengths/,
    );
    expect(plain(invoke(ROI, [[], 1]).cells)[0]?.[0]).toMatch(/benefits is an empty range/);
  });

  it("leaves a row blank when its lifted inputs are all blank, and names a single missing input", () => {
    const { cells } = invoke(ROI, [
      [[200], [null], [""], [300]],
      [[100], [null], [100], [""]],
    ]);
    expect(plain(cells)).toEqual([
      [1],
      [""],
      ["#VALUE! BUYIN.ROI: benefits is blank"],
      ["#VALUE! BUYIN.ROI: costs is blank"],
    ]);
  });

  it("keeps a failing row to itself", () => {
    const { cells } = invoke(ROI, [
      [[200], ["n/a"], [300], [400]],
      [[100], [100], [0], ["#DIV/0!"]],
    ]);
    expect(plain(cells)).toEqual([
      [1],
      ['#VALUE! BUYIN.ROI: benefits must be a number, got the text "n/a"'],
      [
        "#VALUE! BUYIN.ROI: costs must be greater than 0, got 0; a blank cell may reach the function as 0 in some Excel versions",
      ],
      ["#DIV/0! BUYIN.ROI: costs is an error value (#DIV/0!)"],
    ]);
  });

  it("reports a missing required argument", () => {
    expect(plain(invoke(ROI, [5]).cells)).toEqual([["#VALUE! BUYIN.ROI: costs is required"]]);
  });
});

describe("series parameters", () => {
  const PAYBACK = spec("BUYIN.PAYBACK");
  const DPAYBACK = spec("BUYIN.DPAYBACK");

  it("read a column, a row or a block row by row", () => {
    const column = [[-1000], [500], [400], [300], [100]];
    expect(plain(invoke(PAYBACK, [column]).cells)[0]?.[0]).toBeCloseTo(2 + 1 / 3, 12);
    expect(plain(invoke(PAYBACK, [[[-1000, 500, 400, 300, 100]]]).cells)[0]?.[0]).toBeCloseTo(2 + 1 / 3, 12);
    expect(
      plain(
        invoke(PAYBACK, [
          [
            [-1000, 500],
            [400, 300],
          ],
        ]).cells,
      )[0]?.[0],
    ).toBeCloseTo(2 + 1 / 3, 12);
  });

  it("ignore blanks before and after the values, a generous selection", () => {
    const cells = invoke(PAYBACK, [[[""], [-1000], [600], [600], [null], [""]]]).cells;
    expect(plain(cells)[0]?.[0]).toBeCloseTo(1 + 400 / 600, 12);
  });

  it("refuse a blank between values, which would shift every later period", () => {
    expect(plain(invoke(PAYBACK, [[[-1000], [600], [""], [600]]]).cells)).toEqual([
      [
        "#VALUE! BUYIN.PAYBACK: cash_flows value 3 is blank between values; enter 0 for a period without a cash flow",
      ],
    ]);
  });

  it("stay whole while a scalar beside them is lifted", () => {
    const { cells } = invoke(DPAYBACK, [[[0], [0.1], [-1]], [[-1000, 500, 400, 300, 100]]]);
    const answers = plain(cells);
    expect(answers[0]?.[0]).toBeCloseTo(2 + 1 / 3, 12);
    expect(answers[1]?.[0]).toBeCloseTo(2.9533333333, 9);
    expect(answers[2]?.[0]).toMatch(/^#VALUE! BUYIN\.DPAYBACK: rate must be greater than -1/);
  });

  it("answer a bad series in every lifted cell, keeping the shape", () => {
    const { cells } = invoke(DPAYBACK, [
      [[0.1], [0.2]],
      [["x"], [1]],
    ]);
    expect(cells).toHaveLength(2);
    for (const row of cells)
      expect((row[0] as FormulaError).message).toMatch(/cash_flows value 1 must be a number/);
  });
});

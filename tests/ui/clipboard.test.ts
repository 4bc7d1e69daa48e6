/**
 * Clipboard text as Excel and Sheets write it. The samples are Excel's own, from warpech/sheetclip
 * (test/spec/*.txt, "output from Excel Starter 2010" and "Excel for Mac 2011"): only a cell with a
 * line break is quoted, its quotes doubled; a quote inside or at the start of a one-line cell is
 * written as it is. Rows end in CRLF on Windows, LF elsewhere (Spreadsheets FAQ 14.1).
 */
import { describe, expect, it } from "vitest";
import { cellsFromClipboard } from "../../ui/panel/clipboard";

describe("cells from clipboard text", () => {
  it("reads a quoted multi-line cell with doubled quotes (sheetclip 05_quoted_multiline.txt)", () => {
    expect(cellsFromClipboard('"A\n""quoted""\nmultiline\ncell"\tB0\nA1\tB1\n')).toEqual([
      ['A\n"quoted"\nmultiline\ncell', "B0"],
      ["A1", "B1"],
    ]);
  });

  it("keeps quotes of one-line cells as typed (03_quoted_word.txt, 06_quote_beginning.txt)", () => {
    expect(cellsFromClipboard('Text contains "quoted" word\tB0\nA1\tB1\n')).toEqual([
      ['Text contains "quoted" word', "B0"],
      ["A1", "B1"],
    ]);
    expect(cellsFromClipboard('"A0\tB0\nA1\tB1\n')).toEqual([
      ['"A0', "B0"],
      ["A1", "B1"],
    ]);
  });

  it("reads Windows line ends, empty cells, commas and a missing last line end", () => {
    expect(cellsFromClipboard("Name\tRole\tPower\r\nAda\t\t4\r\nLee, Bo\tCFO, acting\t5")).toEqual([
      ["Name", "Role", "Power"],
      ["Ada", "", "4"],
      ["Lee, Bo", "CFO, acting", "5"],
    ]);
    expect(cellsFromClipboard("a\t")).toEqual([["a", ""]]);
    expect(cellsFromClipboard("")).toEqual([]);
  });

  it("reads a multi-line cell with a Windows line end inside, and a tab inside quotes", () => {
    expect(cellsFromClipboard('"one\r\ntwo"\t"a\tb"\r\n')).toEqual([["one\r\ntwo", "a\tb"]]);
  });
});

/**
 * XlsxWorkbook without an engine: what it writes into the file (text as string cells, formulas,
 * names, formats, hidden sheets, chart notes, no macros or links), rows retired as Excel retires
 * them (every reference follows), and files it refuses before reading, each with a message.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  QUADRANT_COLOURS,
  type SheetPlan,
  STAKEHOLDER_REGISTER,
  STATE_TITLE,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { checkXlsxFile, MAX_FILE_BYTES, XlsxFileError, zipPartNames } from "../../xlsx/file-checks";
import { shiftRows } from "../../xlsx/row-references";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { HOSTILE_TEXT } from "./hostile";
import { storedZip, zipPartText } from "./zip";

const REGISTER = "Stakeholders";
const MAP = "Stakeholder Map";

async function sampleFile(people: readonly Stakeholder[] = SAMPLE_STAKEHOLDERS) {
  const book = XlsxWorkbook.empty();
  await book.applyAll(stakeholderMap(people));
  return { book, bytes: await book.toBuffer() };
}

describe("what XlsxWorkbook writes", () => {
  it("writes every hostile name as a string cell, read back unchanged, never a formula", async () => {
    const people = HOSTILE_TEXT.map((name, index) => ({
      ...(SAMPLE_STAKEHOLDERS[0] as Stakeholder),
      id: `S-${String(index + 1).padStart(3, "0")}`,
      name,
    }));
    const { bytes } = await sampleFile(people);
    const file = await XlsxWorkbook.fromBuffer(bytes);
    HOSTILE_TEXT.forEach((name, index) => {
      expect(file.formula(REGISTER, `B${index + 2}`), name).toBeUndefined();
      expect(file.value(REGISTER, `B${index + 2}`), name).toBe(name);
    });
    // Read back as written: a second write sees no edits.
    const [, register] = await file.applyAll(stakeholderMap(people));
    expect(register).toMatchObject({ editsKept: 0, conflicts: [] });
  });

  it("carries no macros and no external links, and asks to be recalculated when opened", async () => {
    const { bytes } = await sampleFile();
    const parts = zipPartNames(bytes);
    expect(parts).toContain("xl/workbook.xml");
    expect(parts.filter((part) => /vba|externalLink|\.bin$/i.test(part))).toEqual([]);
    expect(() => checkXlsxFile(bytes)).not.toThrow();
    // ECMA-376 Part 1, 18.2.2 calcPr: fullCalcOnLoad.
    expect(zipPartText(bytes, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it("writes the plan's formulas, names, number formats, validation, widths, freeze panes and hidden sheets", async () => {
    const { bytes } = await sampleFile();
    const file = await XlsxWorkbook.fromBuffer(bytes);
    expect(file.sheetNames()).toEqual(["BuyIn Settings", REGISTER, MAP, STATE_TITLE]);
    expect(file.visibility(STATE_TITLE)).toBe("veryHidden");
    expect(file.visibility(REGISTER)).toBe("visible");
    expect(file.formula(REGISTER, "Q2")).toMatch(/^=IF\(OR\(E2="",F2=""\),"",IF\(E2>=BuyIn_Map_Threshold/);
    expect(file.namedRanges(STAKEHOLDER_REGISTER.name("Power"))).toEqual([`${REGISTER}!$E$2:$E$16`]);
    const look = file.look(REGISTER, "E2");
    expect(look).toMatchObject({
      fill: "FFFFF8DB",
      validation: { type: "whole", operator: "between", formulae: [1, 5] },
    });
    expect(file.look(REGISTER, "A1")).toMatchObject({ fill: "FF0F6CBD", bold: true });
    expect(file.look(REGISTER, "O2").numFmt).toMatch(/yy/);
    expect(file.look(REGISTER, "B2").width).toBeCloseTo(22 + 5 / 7, 6);
    expect(file.frozen(REGISTER)).toEqual({ rows: 1, columns: 2 });
    // The map's 2×2: "Keep satisfied" heading (B4) in its strong colour, bold, its list in the tint.
    expect(file.look(MAP, "B4")).toMatchObject({
      fill: `FF${QUADRANT_COLOURS["Keep satisfied"].strong.slice(1)}`,
      bold: true,
    });
    expect(file.look(MAP, "B5")).toMatchObject({
      fill: `FF${QUADRANT_COLOURS["Keep satisfied"].tint.slice(1)}`,
    });
  });

  it("says in the file, beside the map's data, that the chart could not be written", async () => {
    const { bytes } = await sampleFile();
    const file = await XlsxWorkbook.fromBuffer(bytes);
    const [chart] = (stakeholderMap(SAMPLE_STAKEHOLDERS)[2] as SheetPlan).charts ?? [];
    expect(file.value(MAP, chart?.anchor as string)).toBe(
      'Chart "Power and interest": this file has no chart, because the library that writes it cannot make charts. To draw it, insert a scatter chart of G5:G19 against F5:F19.',
    );
    // A user's text in that cell is never overwritten, and BuyIn's note goes when it has no chart.
    file.setCell(MAP, chart?.anchor as string, "My own chart goes here");
    await file.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS));
    expect(file.value(MAP, chart?.anchor as string)).toBe("My own chart goes here");
  });
});

describe("rows BuyIn retires", () => {
  it("are deleted as Excel deletes rows: a user's formula below follows its cells, names shrink", async () => {
    const people = SAMPLE_STAKEHOLDERS.slice(0, 5);
    const { book } = await sampleFile(people);
    // The user's own column: a formula reading the Power of the row it is on (row 4, S-003).
    book.setCell(REGISTER, "X4", "=E4*2");
    const reports = await book.applyAll(stakeholderMap(people.filter((person) => person.id !== "S-001")));
    expect(reports[1]).toMatchObject({ rowsRetired: 1 });
    expect(book.value(REGISTER, "A2")).toBe("S-002");
    expect(book.formula(REGISTER, "X3")).toBe("=E3*2");
    expect(book.formula(REGISTER, "Q2")).toMatch(/^=IF\(OR\(E2="",F2=""\)/);
    expect(book.namedRanges(STAKEHOLDER_REGISTER.name("Power"))).toEqual([`${REGISTER}!$E$2:$E$5`]);
  });

  it("moves references as Excel does: cells follow, ranges shrink or grow, deleted cells become #REF!", () => {
    const deleteRows3to4 = { sheet: "Data", at: 3, count: -2 };
    expect(shiftRows("E5*2+$E$2", "Data", deleteRows3to4)).toBe("E3*2+$E$2");
    expect(shiftRows("SUM(E2:E9)", "Data", deleteRows3to4)).toBe("SUM(E2:E7)");
    expect(shiftRows("SUM(E3:E4)+E4", "Data", deleteRows3to4)).toBe("SUM(#REF!)+#REF!");
    expect(shiftRows("'Data'!B5&Other!B5&\"B5\"", "Other", deleteRows3to4)).toBe("'Data'!B3&Other!B5&\"B5\"");
    expect(shiftRows("SUM(Data!E2:E9)+LOG10(E5)", "Other", { sheet: "Data", at: 2, count: 1 })).toBe(
      "SUM(Data!E3:E10)+LOG10(E5)",
    );
  });
});

describe("files XlsxWorkbook refuses, each with a message, before reading them", () => {
  const workbookParts = {
    "[Content_Types].xml": "<Types/>",
    "xl/workbook.xml": "<workbook/>",
  };
  const refusals: [string, Uint8Array, RegExp][] = [
    [
      "bytes that are no zip",
      new TextEncoder().encode("name,power\nAda,5\n"),
      /not an \.xlsx workbook \(not a zip/,
    ],
    ["a file over the size limit", new Uint8Array(MAX_FILE_BYTES + 1), /more than the 20 MB BuyIn opens/],
    ["a zip without a workbook", storedZip({ "hello.txt": "hi" }), /no xl\/workbook\.xml/],
    ["macros", storedZip({ ...workbookParts, "xl/vbaProject.bin": "x" }), /it contains macros/],
    [
      "an external link",
      storedZip({ ...workbookParts, "xl/externalLinks/externalLink1.xml": "<externalLink/>" }),
      /links to other workbooks/,
    ],
    ["a chart", storedZip({ ...workbookParts, "xl/charts/chart1.xml": "<c/>" }), /holds charts/],
    ["a zip bomb's declared size", storedZip(workbookParts, 150 * 1024 * 1024), /would unpack to 300 MB/],
    ["a workbook with no sheets", storedZip(workbookParts), /holds no sheets|damaged/],
  ];
  it.each(refusals)("refuses %s", async (_case, bytes, message) => {
    const error = await XlsxWorkbook.fromBuffer(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(XlsxFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^BuyIn cannot open this file: .*Nothing was changed\.$/s);
  });

  it("refuses names ExcelJS would lose (a formula, a constant, a sheet's own), keeps files with ranges and Excel's built-in names", async () => {
    const { bytes } = await sampleFile();
    const withNames = async (names: string) => {
      const zip = await JSZip.loadAsync(bytes);
      const xml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
      const definedNames = xml.includes("<definedNames>")
        ? xml.replace("<definedNames>", `<definedNames>${names}`)
        : xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
      zip.file("xl/workbook.xml", definedNames);
      return zip.generateAsync({ type: "uint8array" });
    };
    for (const [names, lost] of [
      ['<definedName name="GrowthRate">0.05</definedName>', "GrowthRate"],
      ['<definedName name="Total">SUM(Stakeholders!$E$2:$E$16)</definedName>', "Total"],
      ['<definedName name="LocalRate" localSheetId="0">Stakeholders!$E$2</definedName>', "LocalRate"],
    ] as const) {
      const error = await XlsxWorkbook.fromBuffer(await withNames(names)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(XlsxFileError);
      expect((error as Error).message).toContain(`"${lost}"`);
      expect((error as Error).message).toMatch(/would lose when it saves the file\. Nothing was changed\.$/);
    }
    const kept = await XlsxWorkbook.fromBuffer(
      await withNames(
        `<definedName name="MyRange">'Stakeholders'!$E$2:$E$16</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Stakeholders!$A$1:$F$16</definedName>`,
      ),
    );
    // ExcelJS drops the needless quotes: the same range.
    expect(kept.namedRanges("MyRange")).toEqual(["Stakeholders!$E$2:$E$16"]);
  });

  it("refuses a truncated download and a damaged one", async () => {
    const { bytes } = await sampleFile();
    for (const broken of [
      bytes.slice(0, bytes.length - 30),
      bytes.map((byte, index) => (index > 200 && index < bytes.length - 2000 ? byte ^ 0x5a : byte)),
    ]) {
      const error = await XlsxWorkbook.fromBuffer(broken).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(XlsxFileError);
    }
  });
});

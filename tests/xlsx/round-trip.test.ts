/**
 * Download → edit → open → write again: a toolkit file BuyIn wrote, edited as a person would (a
 * score changed, a column of their own added, a note typed on the map), opened again and merged
 * with the plans once more keeps everything typed. The edits are made through ExcelJS (a file
 * saved by a tool that keeps what it read) and, where LibreOffice is installed, saved once more
 * by LibreOffice Calc, which rewrites every part of the file itself.
 */
import { describe, expect, it } from "vitest";
import {
  columnLetter,
  STAKEHOLDER_REGISTER,
  STATE_TITLE,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { describeWithLibreOffice, recalculateInLibreOffice } from "./libreoffice";

const REGISTER = "Stakeholders";
const MAP = "Stakeholder Map";
/** The register's columns: the user's own column goes right after the last of them. */
const USER_COLUMN = columnLetter(STAKEHOLDER_REGISTER.declaration.columns.length + 1);
const POWER = columnLetter(
  STAKEHOLDER_REGISTER.declaration.columns.findIndex((column) => column.id === "power") + 1,
);
const NEWCOMER: Stakeholder = {
  ...(SAMPLE_STAKEHOLDERS[0] as Stakeholder),
  id: "S-016",
  name: "Newcomer",
};

/** The sample's file, downloaded and edited: Marcus Webb's power 5 → 2, a Notes column, a note on the map. */
async function editedDownload(): Promise<Uint8Array> {
  const downloaded = XlsxWorkbook.empty();
  await downloaded.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS));
  const file = await XlsxWorkbook.fromBuffer(await downloaded.toBuffer());
  expect(file.value(REGISTER, `${POWER}3`)).toBe(5);
  file.setCell(REGISTER, `${POWER}3`, 2);
  file.setCell(REGISTER, `${USER_COLUMN}1`, "My notes");
  file.setCell(REGISTER, `${USER_COLUMN}3`, "Met in March");
  file.setCell(MAP, "A40", "Review the grid with the sponsor in Q3");
  return file.toBuffer();
}

async function expectNothingLost(bytes: Uint8Array) {
  const opened = await XlsxWorkbook.fromBuffer(bytes);
  const reports = await opened.applyAll(stakeholderMap([...SAMPLE_STAKEHOLDERS, NEWCOMER]));
  expect(reports.map((report) => [report.sheet, report.created])).toEqual([
    ["BuyIn Settings", false],
    [REGISTER, false],
    [MAP, false],
  ]);
  expect(reports[1]).toMatchObject({ rowsAdded: 1, rowsUpdated: 15, editsKept: 1, conflicts: [] });
  // Written again and opened once more, as the next download would be.
  const again = await XlsxWorkbook.fromBuffer(await opened.toBuffer());
  expect(again.value(REGISTER, `${POWER}3`)).toBe(2);
  expect(again.value(REGISTER, `${USER_COLUMN}1`)).toBe("My notes");
  expect(again.value(REGISTER, `${USER_COLUMN}3`)).toBe("Met in March");
  expect(again.value(MAP, "A40")).toBe("Review the grid with the sponsor in Q3");
  expect(again.value(REGISTER, "B17")).toBe("Newcomer");
  expect(again.formula(REGISTER, "Q17")).toMatch(/^=IF\(OR\(E17="",F17=""\)/);
  expect(again.sheetNames()).toEqual(["BuyIn Settings", REGISTER, MAP, STATE_TITLE]);
  expect(again.visibility(STATE_TITLE)).toBe("veryHidden");
  // The third write finds the same sheets by their markers and changes nothing of the user's.
  const third = await again.applyAll(stakeholderMap([...SAMPLE_STAKEHOLDERS, NEWCOMER]));
  expect(third[1]).toMatchObject({ created: false, rowsAdded: 0, editsKept: 1 });
}

describe("a toolkit file edited and opened again", () => {
  it("keeps a changed score, an added column and a typed note, and adds the new row", async () => {
    await expectNothingLost(await editedDownload());
  });

  it("finds BuyIn's sheets by their markers after a rename, and writes nothing into a foreign sheet", async () => {
    const book = XlsxWorkbook.empty();
    await book.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS));
    const file = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    file.renameSheet(REGISTER, "People");
    file.addSheet("Stakeholders", [["My own list"], ["=not a formula?"]]);
    const reopened = await XlsxWorkbook.fromBuffer(await file.toBuffer());
    const reports = await reopened.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS));
    expect(reports[1]).toMatchObject({ sheet: "People", created: false, rowsAdded: 0 });
    expect(reopened.grid("Stakeholders")).toEqual([["My own list"], ["=not a formula?"]]);
  });
});

describeWithLibreOffice("a toolkit file edited, then saved by LibreOffice Calc", () => {
  it("keeps its markers, its hidden state sheet and everything typed", async () => {
    const [saved] = recalculateInLibreOffice([await editedDownload()]);
    await expectNothingLost(saved as Uint8Array);
  }, 120_000);
});

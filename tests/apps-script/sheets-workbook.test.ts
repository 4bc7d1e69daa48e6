/**
 * SheetsWorkbook against the in-memory Apps Script fake: what lands in the sheet, how many
 * service calls it takes, and that nothing of the user's is lost or turned into a formula.
 */
import { describe, expect, it } from "vitest";
import { MARKER_KEY, SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  dateToSerial,
  MAP_KIND,
  REGISTER_KIND,
  SETTINGS_KIND,
  type SheetPlan,
  stakeholderMap,
  type TableRow,
} from "../../core/index";
import { ROLE_STYLE } from "../../ui/workbook-port";
import { generateStakeholders } from "../stakeholder-fixtures";
import {
  CHART_TYPES,
  FakeChart,
  type FakeSheet,
  type FakeSpreadsheet,
  fakeAppsScript,
} from "./fake-apps-script";

/** The marker as core made it: the stored one without the port's record of what it wrote (`written`). */
function coreMarker(stored: string | null | undefined): unknown {
  const { written, ...marker } = JSON.parse(stored ?? "") as Record<string, unknown>;
  expect(written).toMatchObject({ names: expect.any(Object), formats: expect.any(Array) });
  return marker;
}

const STANCES = ["Resistant", "Neutral", "Supportive"];

function people(count: number): TableRow[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `S${index + 1}`,
    values: {
      name: `Person ${index + 1}`,
      power: (index % 5) + 1,
      interest: ((index * 3) % 5) + 1,
      stance: STANCES[index % 3] ?? null,
      since: 45292 + index,
    },
  }));
}

/** A stakeholder register: key, inputs, live outputs, names by column and by row, a chart, frozen panes. */
function register(rows: readonly TableRow[]): SheetPlan {
  const last = Math.max(2, rows.length + 1);
  return {
    kind: "stakeholders",
    title: "Stakeholders",
    table: {
      columns: [
        { id: "id", header: "ID", role: "key", width: 8 },
        { id: "name", header: "Name", role: "input", width: 24 },
        {
          id: "power",
          header: "Power",
          role: "input",
          numberFormat: "0",
          validation: { min: 1, max: 5, whole: true },
        },
        { id: "interest", header: "Interest", role: "input", validation: { min: 1, max: 5 } },
        { id: "stance", header: "Stance", role: "input", validation: { list: STANCES } },
        { id: "since", header: "Since", role: "input", numberFormat: "yyyy-mm-dd" },
        {
          id: "priority",
          header: "Priority",
          role: "output",
          formula: "={col:power}{row}*{col:interest}{row}",
        },
        {
          id: "share",
          header: "Share",
          role: "output",
          formula: "={col:priority}{row}/SUM({col:priority}{first}:{col:priority}{last})",
          numberFormat: "0.0%",
        },
      ],
      rows,
    },
    names: [
      { name: "Stakeholder_Names", column: "name" },
      { name: "Stakeholder_Priority", column: "priority" },
      { name: "S1_Power", key: "S1", column: "power" },
    ],
    charts: [
      {
        type: "scatter",
        title: "Power and interest",
        x: `C2:C${last}`,
        y: `D2:D${last}`,
        xTitle: "Power",
        yTitle: "Interest",
        anchor: "L2",
      },
    ],
    freeze: { rows: 1, columns: 2 },
  };
}

/** A summary sheet of blocks over the register's names; the note block can be left out. */
function summary(options: { note?: boolean } = {}): SheetPlan {
  return {
    kind: "summary",
    title: "Summary",
    blocks: [
      { at: "A1", values: [["Stakeholder summary"]], role: "header" },
      {
        at: "A3",
        values: [
          ["Total priority", null],
          ["Stakeholders", null],
        ],
        formulas: [
          [null, "=SUM(Stakeholder_Priority)"],
          [null, "=COUNTA(Stakeholder_Names)"],
        ],
        numberFormats: [
          ["", "0"],
          ["", "0"],
        ],
        role: "output",
      },
      ...(options.note === false
        ? []
        : [{ at: "D3", values: [["Scores run from 1 to 5."]], role: "note" as const }]),
    ],
    names: [{ name: "Total_Priority", at: "B3" }],
  };
}

/** The register's row 1: its columns only (BuyIn's state is on its own hidden sheet). */
const REGISTER_HEADER = ["ID", "Name", "Power", "Interest", "Stance", "Since", "Priority", "Share"];
/** The register's column ids, in header order. */
const REGISTER_IDS = ["id", "name", "power", "interest", "stance", "since", "priority", "share"];

function setup() {
  const fake = fakeAppsScript();
  return { ...fake, workbook: new SheetsWorkbook(fake.services) };
}

function sheetNamed(book: FakeSpreadsheet, name: string): FakeSheet {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Everything a sheet holds, as text, for byte-for-byte comparisons. */
function snapshot(sheet: FakeSheet): string {
  return JSON.stringify({
    name: sheet.name,
    grid: sheet.grid,
    size: [sheet.maxRows, sheet.maxColumns, sheet.frozenRows, sheet.frozenColumns],
    widths: [...sheet.columnWidths],
    hidden: [...sheet.hiddenColumns],
    metadata: sheet.metadata.map((entry) => [entry.key, entry.value]),
    charts: sheet.charts.length,
  });
}

describe("SheetsWorkbook.apply", () => {
  it("writes keys, inputs, live formulas, formats, validations, names, a chart, freeze and its marker", () => {
    const { book, workbook } = setup();
    const report = workbook.apply(register(people(3)));
    workbook.apply(summary());
    expect(report).toMatchObject({ sheet: "Stakeholders", created: true, rowsAdded: 3, rowsUpdated: 0 });
    const sheet = sheetNamed(book, "Stakeholders");

    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((column) => sheet.show(1, column))).toEqual([
      ...REGISTER_HEADER,
      null,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((column) => sheet.show(2, column))).toEqual([
      "S1",
      "Person 1",
      1,
      1,
      "Resistant",
      45292,
    ]);
    expect(sheet.show(3, 7)).toBe("=C3*D3");
    expect(sheet.show(4, 8)).toBe("=G4/SUM(G2:G4)");
    expect(sheet.peek(3, 7)?.value).toBeNull();

    const header = sheet.peek(1, 1);
    expect(header).toMatchObject({ background: ROLE_STYLE.header.fill, fontWeight: "bold" });
    expect(sheet.peek(2, 2)).toMatchObject({ background: ROLE_STYLE.input.fill });
    expect(sheet.peek(2, 7)).toMatchObject({ background: ROLE_STYLE.output.fill });
    expect(sheet.peek(4, 6)?.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.peek(4, 8)?.numberFormat).toBe("0.0%");

    expect(sheet.peek(4, 5)?.validation).toMatchObject({
      criteria: "VALUE_IN_LIST",
      values: [STANCES, true],
      allowInvalid: false,
    });
    expect(sheet.peek(4, 4)?.validation).toMatchObject({ criteria: "NUMBER_BETWEEN", values: [1, 5] });
    expect(sheet.peek(4, 3)?.validation).toMatchObject({
      criteria: "CUSTOM_FORMULA",
      values: ["=AND(ISNUMBER(C2),C2=INT(C2),C2>=1,C2<=5)"],
      helpText: "A whole number from 1 to 5.",
    });

    expect(sheet.columnWidths.get(1)).toBe(56);
    expect(sheet.columnWidths.get(2)).toBe(168);
    // No hidden state column: BuyIn's state is on its hidden state sheet.
    expect([...sheet.hiddenColumns]).toEqual([]);
    expect(sheetNamed(book, "BuyIn state").hidden).toBe(true);
    expect([sheet.frozenRows, sheet.frozenColumns]).toEqual([1, 2]);

    expect(
      book.namedRanges.map((named) => [
        named.name,
        named.getRange().sheet.name,
        named.getRange().getA1Notation(),
      ]),
    ).toEqual([
      ["Stakeholder_Names", "Stakeholders", "B2:B4"],
      ["Stakeholder_Priority", "Stakeholders", "G2:G4"],
      ["S1_Power", "Stakeholders", "C2"],
      // Each plan's anchor name, on its sheet's A1: it finds the sheet again if the marker is lost.
      ["BuyIn_Anchor_stakeholders", "Stakeholders", "A1"],
      ["BuyIn_Anchor_buyin_state", "BuyIn state", "A1"],
      ["Total_Priority", "Summary", "B3"],
      ["BuyIn_Anchor_summary", "Summary", "A1"],
    ]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      chartType: CHART_TYPES.scatter,
      ranges: ["C2:C4", "D2:D4"],
      numHeaders: 0,
      position: [2, 12],
    });
    expect(sheet.charts[0]?.options.get("title")).toBe("Power and interest");
    expect(sheet.charts[0]?.options.get("hAxis.title")).toBe("Power");
    expect(sheet.metadata.map((entry) => [entry.key, coreMarker(entry.value)])).toEqual([
      [
        MARKER_KEY,
        {
          kind: "stakeholders",
          sheetId: String(sheet.id),
          names: ["Stakeholder_Names", "Stakeholder_Priority", "S1_Power", "BuyIn_Anchor_stakeholders"],
          charts: ["Power and interest"],
        },
      ],
    ]);

    const blocks = sheetNamed(book, "Summary");
    expect(blocks.show(1, 1)).toBe("Stakeholder summary");
    expect([blocks.show(3, 1), blocks.show(3, 2), blocks.show(4, 2)]).toEqual([
      "Total priority",
      "=SUM(Stakeholder_Priority)",
      "=COUNTA(Stakeholder_Names)",
    ]);
    expect(blocks.peek(1, 1)).toMatchObject({ background: ROLE_STYLE.header.fill, fontWeight: "bold" });
    expect(blocks.peek(3, 4)).toMatchObject({ background: null, fontColor: ROLE_STYLE.note.fontColor });
    expect(blocks.peek(4, 2)).toMatchObject({ background: ROLE_STYLE.output.fill, numberFormat: "0" });
    expect(coreMarker(blocks.metadata[0]?.value)).toEqual({
      kind: "summary",
      sheetId: String(blocks.id),
      blocks: ["A1", "A3:B4", "D3"],
      names: ["Total_Priority", "BuyIn_Anchor_summary"],
      charts: [],
    });
  });

  it("makes as many service calls for 10,000 rows as for 10", () => {
    const count = (rows: number) => {
      const { log, workbook } = setup();
      workbook.apply(register(people(rows)));
      workbook.apply(summary());
      const first = new Map(log.byMethod);
      const firstCalls = log.calls;
      log.reset();
      workbook.apply(register(people(rows)));
      workbook.apply(summary());
      return { first, firstCalls, again: new Map(log.byMethod), againCalls: log.calls };
    };
    const small = count(10);
    const large = count(10_000);
    const grown = count(2_000);
    console.log(
      `SheetsWorkbook service calls — first run: 10 rows ${small.firstCalls}, 10,000 rows ${large.firstCalls}; ` +
        `re-run: 10 rows ${small.againCalls}, 10,000 rows ${large.againCalls}`,
    );
    // Updating an existing sheet: identical, method by method.
    expect(large.again).toEqual(small.again);
    expect(large.againCalls).toBe(small.againCalls);
    // A new sheet is sized once, to the plan and spare rows: one insertRowsAfter whatever the size.
    expect(large.first).toEqual(small.first);
    expect(large.first).toEqual(grown.first);
    expect(large.firstCalls).toBe(small.firstCalls);
    // One per new sheet: register, BuyIn's state sheet and summary.
    expect(small.first.get("Sheet.insertRowsAfter")).toBe(3);
    // A new sheet's values are one rectangle: register, state sheet, summary (the summary's
    // apply finds the state sheet holding what it would write: no call).
    expect(small.first.get("Range.setValues")).toBe(3);
    // Writing the same again sets no cell that already holds it, and no format or name.
    expect(small.again.get("Range.setValues")).toBeUndefined();
    for (const method of ["Range.setBackgrounds", "NamedRange.setRange", "Sheet.insertChart"])
      expect(small.again.get(method)).toBeUndefined();
  });

  it("leaves a foreign sheet with the plan's title untouched and writes to '<title> (BuyIn)'", () => {
    const { book, workbook } = setup();
    const foreign = book.insertSheet("Stakeholders");
    foreign.type(1, 1, "Who");
    foreign.type(1, 2, "Budget");
    foreign.type(2, 1, "Finance");
    foreign.type(2, 2, 1200);
    foreign.type(3, 2, "=B2*2");
    foreign.type(4, 1, "'=not a formula");
    foreign.type(5, 1, new Date(2024, 0, 1));
    foreign.getRange(1, 1, 1, 2).setBackground("#ff0000");
    book.setNamedRange("Stakeholder_Names", foreign.getRange(2, 1, 1, 1));
    const before = snapshot(foreign);

    const report = workbook.apply(register(people(3)));
    expect(snapshot(foreign)).toBe(before);
    expect(report).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: true,
      redirectedFrom: "Stakeholders",
    });
    expect(report.messages.join(" ")).toContain(
      'A sheet named "Stakeholders" already holds data BuyIn did not write, so BuyIn wrote to "Stakeholders (BuyIn)" instead.',
    );
    // The user's name of the same spelling keeps pointing at their data.
    expect(book.namedRange("Stakeholder_Names")?.getRange().sheet).toBe(foreign);
    // Core decides names now, and reports the clash as a conflict.
    expect(report.conflicts.map((conflict) => conflict.message).join(" ")).toContain(
      "The workbook already has a name Stakeholder_Names of its own",
    );
    expect(sheetNamed(book, "Stakeholders (BuyIn)").show(2, 1)).toBe("S1");

    // And again on a re-run: the plan goes to its marked sheet, the foreign one stays as it was.
    expect(workbook.apply(register(people(4)))).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: false,
    });
    expect(snapshot(foreign)).toBe(before);
  });

  it("takes a sheet whose marker it cannot read for a foreign one", () => {
    const { book, workbook } = setup();
    const other = book.insertSheet("Stakeholders");
    other.addDeveloperMetadata(MARKER_KEY, "{not json");
    other.type(1, 1, "theirs");
    expect(workbook.apply(register(people(2)))).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: true,
    });
    expect(other.show(1, 1)).toBe("theirs");
  });

  it("keeps a cell the user edited and a column the user added on a second run", () => {
    const { book, workbook } = setup();
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    sheet.type(2, 3, 5); // the user raises S1's power in the sheet
    sheet.type(1, 10, "Notes"); // and adds a column of their own
    sheet.type(3, 10, "call in May");

    const rows = people(4).map((row) =>
      row.key === "S1" ? { ...row, values: { ...row.values, name: "Person One" } } : row,
    );
    const report = workbook.apply(register(rows));
    expect(report).toMatchObject({ created: false, rowsAdded: 1, rowsUpdated: 3, editsKept: 1 });
    expect(sheet.show(2, 2)).toBe("Person One");
    expect(sheet.show(2, 3)).toBe(5);
    expect(sheet.show(1, 10)).toBe("Notes");
    expect(sheet.show(3, 10)).toBe("call in May");
    expect(sheet.show(5, 1)).toBe("S4");
    expect(sheet.show(5, 7)).toBe("=C5*D5");
    expect(sheet.show(5, 8)).toBe("=G5/SUM(G2:G5)");

    // The same plan once more: the edit is still kept and still counted as one.
    expect(workbook.apply(register(rows)).editsKept).toBe(1);
    expect(sheet.show(2, 3)).toBe(5);
  });

  it("writes user text that looks like a formula, number or mention as text, and reads it back unchanged", () => {
    const { book, workbook } = setup();
    const names = [
      '=HYPERLINK("http://x","y")',
      "+1-555",
      "-5",
      "@user",
      "'quoted",
      "TRUE",
      "0012",
      "2024-01-01",
    ];
    const rows = names.map((name, index) => ({ key: `T${index + 1}`, values: { name } }));
    workbook.apply(register(rows));
    const sheet = sheetNamed(book, "Stakeholders");
    for (const [index, name] of names.entries()) {
      expect(sheet.peek(index + 2, 2)).toMatchObject({ value: name, formula: null });
    }
    const table = workbook.readTable("stakeholders");
    expect(table?.rows.map((row) => row.values[1])).toEqual(names);
    // Read back as written, so a re-run sees no edits.
    expect(workbook.apply(register(rows)).editsKept).toBe(0);
  });

  it("retires rows, also when that empties the grid but for its spare rows", () => {
    const { book, workbook } = setup();
    workbook.apply(register(people(2_000)));
    const sheet = sheetNamed(book, "Stakeholders");
    expect(sheet.maxRows).toBe(2_001 + 100);
    const report = workbook.apply(register([]));
    expect(report.rowsRetired).toBe(2_000);
    expect(sheet.show(2, 1)).toBeNull();
    expect(sheet.getDataRange().rows).toBe(1);
    expect(sheet.maxRows).toBe(101);
  });

  it("clears a block it no longer writes", () => {
    const { book, workbook } = setup();
    workbook.apply(summary());
    const sheet = sheetNamed(book, "Summary");
    expect(sheet.show(3, 4)).toBe("Scores run from 1 to 5.");
    workbook.apply(summary({ note: false }));
    expect(sheet.show(3, 4)).toBeNull();
    expect(sheet.show(3, 1)).toBe("Total priority");
    // Stored as core made it, with the sheet's own id, which tells a copy from its original.
    expect(coreMarker(sheet.metadata[0]?.value)).toEqual({
      kind: "summary",
      sheetId: String(sheet.id),
      blocks: ["A1", "A3:B4"],
      names: ["Total_Priority", "BuyIn_Anchor_summary"],
      charts: [],
    });
  });
});

describe("SheetsWorkbook and the document lock", () => {
  it("takes the lock before reading anything and releases it after flushing", () => {
    const { lock, log, workbook } = setup();
    workbook.apply(register(people(3)));
    expect(log.sequence.slice(0, 2)).toEqual(["LockService.getDocumentLock", "Lock.waitLock"]);
    expect(log.sequence.slice(-2)).toEqual(["SpreadsheetApp.flush", "Lock.releaseLock"]);
    expect(lock.held).toBe(false);
  });

  it("releases the lock when a write throws", () => {
    const { lock, log, workbook } = setup();
    log.failNext("Range.setValues", new Error("Service Spreadsheets timed out"));
    expect(() => workbook.apply(register(people(3)))).toThrow("Service Spreadsheets timed out");
    expect(log.sequence.at(-1)).toBe("Lock.releaseLock");
    expect(log.byMethod.get("Lock.waitLock")).toBe(1);
    expect(lock.held).toBe(false);
  });

  it("writes nothing and says so when another run holds the lock", () => {
    const { book, lock, log, workbook } = setup();
    lock.heldElsewhere = true;
    expect(() => workbook.apply(register(people(3)))).toThrow(/Another BuyIn update is still running/);
    expect(book.sheets).toHaveLength(0);
    expect(log.sequence).toEqual(["LockService.getDocumentLock", "Lock.waitLock"]);
  });
});

describe("SheetsWorkbook.readTable", () => {
  it("returns the header and the rows that hold anything, dates as serial numbers", () => {
    const { book, workbook } = setup();
    expect(workbook.readTable("stakeholders")).toBeUndefined();
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    sheet.type(3, 6, new Date(2024, 5, 1)); // the user types a date over a serial
    sheet.type(7, 2, "a note below"); // and a note further down; rows 5 and 6 stay blank

    const table = workbook.readTable("stakeholders");
    expect(table?.sheet).toBe("Stakeholders");
    expect(table?.header).toEqual(REGISTER_HEADER);
    expect(table?.ids).toEqual(REGISTER_IDS);
    expect(table?.rows.map((row) => row.row)).toEqual([2, 3, 4, 7]);
    expect(table?.rows.map((row) => row.values.slice(0, 6))).toEqual([
      ["S1", "Person 1", 1, 1, "Resistant", 45292],
      ["S2", "Person 2", 2, 4, "Neutral", dateToSerial(new Date(2024, 5, 1))],
      ["S3", "Person 3", 3, 2, "Supportive", 45294],
      [null, "a note below", null, null, null, null],
    ]);
    expect(dateToSerial(new Date(2024, 5, 1))).toBe(45444);
  });

  it("reads dates as the spreadsheet's zone shows them, so re-runs never shift them", () => {
    const { book, workbook } = setup();
    book.timeZone = "Pacific/Kiritimati"; // UTC+14, far from the script's zone
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    // Sheets hands the script the instant of midnight, 2024-01-01, in Kiritimati.
    expect(sheet.getRange(2, 6, 1, 1).getValues()).toEqual([[new Date(Date.UTC(2023, 11, 31, 10))]]);
    expect(workbook.readTable("stakeholders")?.rows.map((row) => row.values[5])).toEqual([
      45292, 45293, 45294,
    ]);
    expect(workbook.apply(register(people(3))).editsKept).toBe(0);
    expect(workbook.apply(register(people(3))).editsKept).toBe(0);
    expect(sheet.peek(2, 6)?.value).toBe(45292);
  });

  it("finds a BuyIn sheet the user renamed by its marker", () => {
    const { book, workbook } = setup();
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    sheet.name = "Our stakeholders";

    expect(workbook.readTable("stakeholders")?.sheet).toBe("Our stakeholders");
    const report = workbook.apply(register(people(4)));
    expect(report).toMatchObject({ sheet: "Our stakeholders", created: false, rowsAdded: 1, rowsUpdated: 3 });
    expect(book.sheets.map((candidate) => candidate.name)).toEqual(["Our stakeholders", "BuyIn state"]);
    expect(book.namedRange("Stakeholder_Names")?.getRange()).toMatchObject({ sheet, row: 2, rows: 4 });
  });
});

describe("SheetsWorkbook re-runs", () => {
  it("replaces its chart and re-points its names instead of adding more, and leaves the user's chart", () => {
    const { book, log, workbook } = setup();
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    sheet.charts.push(
      new FakeChart(log, CHART_TYPES.bar, ["A2:A4"], 0, [8, 1], new Map([["title", "Mine"]])),
    );

    workbook.apply(register(people(5)));
    workbook.apply(register(people(5)));
    // BuyIn's chart changed in place (modify, updateChart): still first, on the new rows.
    expect(sheet.charts.map((chart) => chart.options.get("title"))).toEqual(["Power and interest", "Mine"]);
    expect(sheet.charts[0]?.ranges).toEqual(["C2:C6", "D2:D6"]);
    expect(sheet.charts[1]?.ranges).toEqual(["A2:A4"]);
    expect(book.namedRanges.map((named) => [named.name, named.getRange().getA1Notation()])).toEqual([
      ["Stakeholder_Names", "B2:B6"],
      ["Stakeholder_Priority", "G2:G6"],
      ["S1_Power", "C2"],
      // Each plan's anchor name, which finds its sheet again if the marker is lost.
      ["BuyIn_Anchor_stakeholders", "A1"],
      ["BuyIn_Anchor_buyin_state", "A1"],
    ]);
    expect(sheet.metadata).toHaveLength(1);
  });
});

describe("SheetsWorkbook re-runs of the same plan", () => {
  it("leaves its chart alone, and makes it again once the user deleted it", () => {
    const { book, log, workbook } = setup();
    workbook.apply(register(people(3)));
    const sheet = sheetNamed(book, "Stakeholders");
    const chart = sheet.charts[0];
    log.reset();
    workbook.apply(register(people(3)));
    expect(sheet.charts).toEqual([chart]);
    expect(log.byMethod.get("Sheet.insertChart")).toBeUndefined();
    sheet.charts.length = 0;
    workbook.apply(register(people(3)));
    expect(sheet.charts.map((made) => made.options.get("title"))).toEqual(["Power and interest"]);
  });
});

describe("the Apps Script fake", () => {
  it("parses setValues input as Sheets does, so unescaped user text would show", () => {
    const { book } = setup();
    const sheet = book.insertSheet("Parse");
    sheet.getRange(1, 1, 1, 8).setValues([["=A2", "+1-555", "-5", "'-5", "1,200", "true", "", "@user"]]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((column) => sheet.peek(1, column))).toMatchObject([
      { formula: "=A2", value: null },
      { formula: "=+1-555" },
      { value: -5 },
      { value: "-5" },
      { value: 1200 },
      { value: true },
      { value: null, formula: null },
      { value: "@user" },
    ]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([["", "", -5]]);
    expect(sheet.getRange(1, 1, 1, 3).getFormulas()).toEqual([["=A2", "=+1-555", ""]]);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(/outside the dimensions/);
  });
});

describe("SheetsWorkbook with core's stakeholder map plans", () => {
  it("writes settings, register and map, and keeps a setting the user changed", () => {
    const { book, log, workbook } = setup();
    const apply = (count: number) =>
      stakeholderMap(generateStakeholders(count)).map((plan) => workbook.apply(plan));
    expect(apply(12).map((report) => report.sheet)).toEqual([
      "BuyIn Settings",
      "Stakeholders",
      "Stakeholder Map",
    ]);
    const settings = sheetNamed(book, "BuyIn Settings");
    expect(book.namedRange("BuyIn_Map_WeightPower")?.getRange()).toMatchObject({
      sheet: settings,
      row: 7,
      column: 2,
    });
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E13");
    expect(sheetNamed(book, "Stakeholder Map").charts).toHaveLength(1);

    settings.type(7, 2, 3); // the user weighs power three times
    log.reset();
    const [settingsReport, registerReport] = apply(40);
    expect(settings.show(7, 2)).toBe(3);
    expect(settingsReport?.editsKept).toBe(1);
    expect(registerReport).toMatchObject({ rowsAdded: 28, rowsUpdated: 12 });
    expect(workbook.readTable(REGISTER_KIND)?.rows).toHaveLength(40);
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E41");
    expect([SETTINGS_KIND, REGISTER_KIND, MAP_KIND].map((kind) => workbook.readTable(kind)?.sheet)).toEqual([
      "BuyIn Settings",
      "Stakeholders",
      "Stakeholder Map",
    ]);
  });
});

describe("SheetsWorkbook: the workbook's locale", () => {
  it("reports the spreadsheet's locale with what it reads, as a BCP 47 tag", () => {
    const { book, workbook } = setup();
    workbook.applyAll(stakeholderMap(generateStakeholders(3)));
    expect(workbook.readTable("settings")?.locale).toBe("en-GB");
    book.locale = "de_DE";
    expect(workbook.readTable("settings")?.locale).toBe("de-DE");
  });
});

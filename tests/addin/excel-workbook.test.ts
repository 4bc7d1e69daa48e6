/**
 * ExcelWorkbook against an Excel object model made of office-addin-mock objects: the request
 * context, load() and sync() (a property reads as an error until it is loaded and synced) are the
 * mock's, and sync() calls are counted on the mock's context. A small in-test model holds what the
 * mock cannot: the sheets' cells, formats, charts, names and settings, read into fresh mock objects
 * at the start of each Excel.run, and written by commands that, as in Office.js, are queued and
 * carried out when context.sync() is called.
 */
import { describe, expect, it, vi } from "vitest";
import {
  CHART_PREFIX,
  ExcelWorkbook,
  MARKERS_SETTING,
  NAME_COMMENT,
  PAYLOAD_BUDGET,
} from "../../addin/excel-workbook";
import { type ColumnSpec, type SheetPlan, STATE_KIND, STATE_TITLE, type TableRow } from "../../core/index";
import { ExcelModel, PAYLOAD_LIMIT, SheetModel } from "./excel-model";

const QUADRANTS = ["Manage closely", "Keep satisfied", "Keep informed", "Monitor"];

/** A: ID, B: Name, C: Power, D: Interest, E: Quadrant, F: Score (what BuyIn wrote is on the state sheet). */
const COLUMNS: ColumnSpec[] = [
  { id: "id", header: "ID", role: "key", width: 8 },
  { id: "name", header: "Name", role: "input", width: 24 },
  {
    id: "power",
    header: "Power",
    role: "input",
    numberFormat: "0",
    validation: { min: 1, max: 5, whole: true },
  },
  { id: "interest", header: "Interest", role: "input", numberFormat: "0.0", validation: { min: 0, max: 5 } },
  { id: "quadrant", header: "Quadrant", role: "input", validation: { list: QUADRANTS } },
  {
    id: "score",
    header: "Score",
    role: "output",
    numberFormat: "0.00",
    formula: "={col:power}{row}*{col:interest}{row}",
  },
];

function person(index: number, name = `Person ${index}`): TableRow {
  return {
    key: `S${index}`,
    values: {
      name,
      power: (index % 5) + 1,
      interest: ((index * 3) % 5) + 0.5,
      quadrant: QUADRANTS[index % 4] ?? null,
    },
  };
}

function people(count: number): TableRow[] {
  return Array.from({ length: count }, (_, index) => person(index + 1));
}

/** The table, a summary block at J1:K2, names of three kinds, a scatter chart, frozen panes. */
function stakeholders(rows: readonly TableRow[]): SheetPlan {
  const last = rows.length + 1;
  return {
    kind: "stakeholders",
    title: "Stakeholders",
    table: { columns: COLUMNS, rows },
    blocks: [
      {
        at: "J1",
        values: [
          ["Stakeholders", null],
          ["Mean score", null],
        ],
        formulas: [
          [null, "=ROWS(Stake_Scores)"],
          [null, "=AVERAGE(Stake_Scores)"],
        ],
        numberFormats: [
          ["", "0"],
          ["", "0.00"],
        ],
        role: "output",
      },
    ],
    names: [
      { name: "Stake_Scores", column: "score" },
      { name: "Lead_Power", key: "S1", column: "power" },
      { name: "Mean_Score", at: "K2" },
    ],
    charts: [
      {
        type: "scatter",
        title: "Power and interest",
        x: `C2:C${last}`,
        y: `D2:D${last}`,
        xTitle: "Power",
        yTitle: "Interest",
        anchor: "J5",
      },
    ],
    freeze: { rows: 1, columns: 2 },
  };
}

function setup() {
  const model = new ExcelModel();
  return { model, workbook: new ExcelWorkbook(model.run) };
}

describe("ExcelWorkbook.apply", () => {
  it("takes the same number of context.sync() calls for 10 and 10,000 rows, at most 3", async () => {
    const counts: Record<number, number[]> = {};
    for (const size of [10, 10_000]) {
      const { model, workbook } = setup();
      await workbook.apply(stakeholders(people(size)));
      const again = await workbook.apply(stakeholders([...people(size), person(size + 1)]));
      expect(again).toMatchObject({ created: false, rowsAdded: 1, rowsUpdated: size, editsKept: 0 });
      const table = await workbook.readTable("stakeholders");
      expect(table?.rows).toHaveLength(size + 1);
      const sheet = model.sheet("Stakeholders");
      expect(sheet.get(`F${size + 2}`)).toBe(`=C${size + 2}*D${size + 2}`);
      counts[size] = model.syncs;
    }
    console.log(
      `context.sync() calls (create, update, readTable): 10 rows ${counts[10]?.join(", ")}; 10,000 rows ${counts[10_000]?.join(", ")}`,
    );
    expect(counts[10]).toEqual(counts[10_000]);
    const [create = 0, update = 0, read = 0] = counts[10] ?? [];
    expect(Math.max(create, update)).toBeLessThanOrEqual(3);
    expect(read).toBeLessThanOrEqual(2);
  });

  it("writes the table, live formulas, formats, validations, freeze, names and chart", async () => {
    const { model, workbook } = setup();
    const report = await workbook.apply(stakeholders(people(3)));
    expect(report).toMatchObject({ sheet: "Stakeholders", created: true, rowsAdded: 3, messages: [] });
    const sheet = model.sheet("Stakeholders");
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((a1) => sheet.get(a1))).toEqual([
      "ID",
      "Name",
      "Power",
      "Interest",
      "Quadrant",
      "Score",
      "",
    ]);
    expect(sheet.get("A2")).toBe("S1");
    expect(sheet.get("C2")).toBe(2);
    expect(sheet.get("F4")).toBe("=C4*D4");
    expect(sheet.get("K2")).toBe("=AVERAGE(Stake_Scores)");
    expect(sheet.numberFormats.get("F2:F4")).toEqual([["0.00"], ["0.00"], ["0.00"]]);
    expect(sheet.numberFormats.get("K2")).toEqual([["0.00"]]);
    expect(sheet.styles.get("A1")).toEqual({ fill: "#0F6CBD", fontColor: "#FFFFFF", bold: true });
    expect(sheet.styles.get("F2:F4")).toMatchObject({ fill: "#F3F2F1" });
    // 24 characters of 7 px (Calibri 11) and 5 px of padding, at 0.75 pt a pixel (see the next test).
    expect(sheet.widths.get(2)).toBe((24 * 7 + 5) * 0.75);
    expect([...sheet.hidden]).toEqual([]);
    expect(sheet.validations.get("E2:E4")).toEqual({
      list: { inCellDropDown: true, source: QUADRANTS.join(",") },
    });
    expect(sheet.validations.get("C2:C4")).toEqual({
      wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
    });
    expect(sheet.validations.get("D2:D4")).toEqual({
      decimal: { formula1: 0, formula2: 5, operator: "Between" },
    });
    expect(sheet.freeze).toEqual({ rows: 1, columns: 2 });
    expect(model.names.get("stake_scores")).toEqual({
      name: "Stake_Scores",
      formula: "='Stakeholders'!$F$2:$F$4",
      comment: NAME_COMMENT,
    });
    expect(model.names.get("lead_power")?.formula).toBe("='Stakeholders'!$C$2");
    expect(model.names.get("mean_score")?.formula).toBe("='Stakeholders'!$K$2");
    expect(sheet.charts).toEqual([
      {
        id: expect.any(String),
        name: `${CHART_PREFIX}Power and interest`,
        type: "XYScatter",
        x: "C2:C4",
        y: "D2:D4",
        title: "Power and interest",
        xTitle: "Power",
        yTitle: "Interest",
        legend: false,
        anchor: "J5",
      },
    ]);
    // The resolver's marker as it is, with the sheet's id, and what sizes the next read.
    const state = model.sheet(STATE_TITLE);
    expect(JSON.parse(model.settings.get(MARKERS_SETTING) ?? "")).toEqual({
      [sheet.id]: {
        kind: "stakeholders",
        sheetId: sheet.id,
        blocks: ["J1:K2"],
        // By id: added with the new sheet in the second sync, its id known by the last.
        charts: [sheet.charts[0]?.id],
        names: ["Stake_Scores", "Lead_Power", "Mean_Score", "BuyIn_Anchor_stakeholders"],
        sheet: "Stakeholders",
        rowBytes: expect.any(Number),
        rows: expect.any(Number),
      },
      [state.id]: {
        kind: STATE_KIND,
        sheetId: state.id,
        sheet: STATE_TITLE,
        rowBytes: expect.any(Number),
        rows: expect.any(Number),
      },
    });
    expect(state.visibility).toBe("VeryHidden");
  });

  it("leaves a foreign sheet with the plan's title byte for byte and writes to '<title> (BuyIn)'", async () => {
    const { model, workbook } = setup();
    const foreign = model.addSheet("Stakeholders");
    foreign.type("A1", "Team");
    foreign.type("B1", "Budget");
    foreign.type("A2", "Ops");
    foreign.type("B2", 1200);
    foreign.type("C2", "=B2*2");
    model.addUserChart("Stakeholders", { name: "Budget chart", type: "Line" });
    const before = foreign.snapshot();

    const report = await workbook.apply(stakeholders(people(2)));
    expect(foreign.snapshot()).toBe(before);
    expect(report).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: true,
      redirectedFrom: "Stakeholders",
    });
    expect(report.messages.join(" ")).toMatch(/"Stakeholders" already holds data BuyIn did not write/);
    expect(model.sheet("Stakeholders (BuyIn)").get("A3")).toBe("S2");

    // A second run finds its own sheet by marker and still leaves the foreign one alone.
    const again = await workbook.apply(stakeholders(people(3)));
    expect(again).toMatchObject({ sheet: "Stakeholders (BuyIn)", created: false, rowsAdded: 1 });
    expect(foreign.snapshot()).toBe(before);
  });

  it("keeps a user's edited cell and added column on a second run", async () => {
    const { model, workbook } = setup();
    await workbook.apply(stakeholders([person(1, "Alice"), person(2, "Bob")]));
    const sheet = model.sheet("Stakeholders");
    sheet.type("C2", 5); // the user changes Alice's power in the sheet
    sheet.type("H1", "Notes"); // and adds a column of their own
    sheet.type("H3", "call in May");

    const plan = stakeholders([person(1, "Alice B."), person(2, "Bob"), person(3, "Carol")]);
    const report = await workbook.apply(plan);
    expect(report).toMatchObject({ rowsAdded: 1, rowsUpdated: 2, editsKept: 1 });
    expect(sheet.get("B2")).toBe("Alice B.");
    expect(sheet.get("C2")).toBe(5);
    expect(sheet.get("H1")).toBe("Notes");
    expect(sheet.get("H3")).toBe("call in May");
    expect(sheet.get("A4")).toBe("S3");
    expect(sheet.get("F4")).toBe("=C4*D4");

    const again = await workbook.apply(plan);
    expect(again.editsKept).toBe(1);
    expect(sheet.get("C2")).toBe(5);
  });

  it("follows its columns when the user inserts an empty column before A", async () => {
    const { model, workbook } = setup();
    await workbook.apply(stakeholders(people(2)));
    const sheet = model.sheet("Stakeholders");
    model.insertColumns("Stakeholders", 1);
    // Excel's used range now starts at B1: the port reads it back into place from A1.
    const report = await workbook.apply(stakeholders(people(2)));
    expect(report).toMatchObject({ rowsAdded: 0, rowsUpdated: 2, editsKept: 0 });
    expect(sheet.get("A2")).toBe("");
    expect(sheet.get("B2")).toBe("S1");
    expect(sheet.get("G3")).toBe("=D3*E3");
    expect(model.names.get("stake_scores")?.formula).toBe("='Stakeholders'!$G$2:$G$3");
  });

  it("retires rows and clears a block it no longer writes, both where they stood", async () => {
    const { model, workbook } = setup();
    const note = {
      at: "J4",
      values: [
        ["Note", "x"],
        ["More", "y"],
      ],
    };
    await workbook.apply({ ...stakeholders(people(4)), blocks: [note] });
    const sheet = model.sheet("Stakeholders");
    expect(sheet.get("K5")).toBe("y");

    const report = await workbook.apply({ ...stakeholders([person(1), person(3), person(4)]), blocks: [] });
    expect(report).toMatchObject({ rowsRetired: 1, rowsUpdated: 3, rowsAdded: 0 });
    expect(["A2", "A3", "A4", "A5"].map((a1) => sheet.get(a1))).toEqual(["S1", "S3", "S4", ""]);
    // Cleared before row 3 went: nothing of the block is left, shifted up or not.
    expect(sheet.cells.flatMap((row) => [row[9], row[10]]).filter(Boolean)).toEqual([]);
    expect(JSON.parse(model.settings.get(MARKERS_SETTING) ?? "")[sheet.id]).toEqual({
      kind: "stakeholders",
      sheetId: sheet.id,
      charts: [sheet.charts[0]?.id],
      names: ["Stake_Scores", "Lead_Power", "Mean_Score", "BuyIn_Anchor_stakeholders"],
      sheet: "Stakeholders",
      rowBytes: expect.any(Number),
      rows: 4,
    });
  });

  it("writes names that look like formulas or numbers as text, and reads them back unchanged", async () => {
    const { model, workbook } = setup();
    const tricky = ['=HYPERLINK("http://x","y")', "+1-555", "-5", "@user"];
    const written = vi.spyOn(SheetModel.prototype, "write");
    await workbook.apply(stakeholders(tricky.map((name, index) => person(index + 1, name))));
    // What the port handed Excel: each with the apostrophe that makes Excel keep it as text.
    const names = written.mock.calls.find(([address]) => address === "B2:B5")?.[1];
    expect(names).toEqual(tricky.map((name) => [`'${name}`]));
    const sheet = model.sheet("Stakeholders");
    expect(["B2", "B3", "B4", "B5"].map((a1) => sheet.get(a1))).toEqual(tricky);
    expect(sheet.cells.slice(1, 5).map((row) => row[1]?.formula)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);

    // Written again unchanged, they are read back as the same text: holes, not sent (skipUnchanged).
    written.mockClear();
    await workbook.apply(stakeholders(tricky.map((name, index) => person(index + 1, name))));
    const again = written.mock.calls.filter(([address]) => /^B\d/.test(address as string));
    written.mockRestore();
    expect(again).toEqual([]);
    expect(["B2", "B3", "B4", "B5"].map((a1) => sheet.get(a1))).toEqual(tricky);

    // Without it, the model (like Excel) would have made formulas and a number of them.
    sheet.type("Z1", "+1-555");
    sheet.type("Z2", "-5");
    expect([sheet.get("Z1"), sheet.get("Z2")]).toEqual(["=+1-555", -5]);

    const table = await workbook.readTable("stakeholders");
    expect(table?.header.slice(0, 2)).toEqual(["ID", "Name"]);
    expect(table?.rows.map((row) => row.values[1])).toEqual(tricky);
    expect(table?.rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
  });

  it("finds a renamed BuyIn sheet by its marker, and does not take a copy for it", async () => {
    const { model, workbook } = setup();
    await workbook.apply(stakeholders(people(2)));
    model.sheet("Stakeholders").name = "Our map";
    model.copySheet("Our map", "Stakeholders");

    const report = await workbook.apply(stakeholders(people(3)));
    expect(report).toMatchObject({ sheet: "Our map", created: false, rowsAdded: 1, rowsUpdated: 2 });
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Our map", STATE_TITLE, "Stakeholders"]);
    expect(model.sheet("Stakeholders").get("A4")).toBe("");
    expect(model.names.get("stake_scores")?.formula).toBe("='Our map'!$F$2:$F$4");
    expect((await workbook.readTable("stakeholders"))?.sheet).toBe("Our map");
  });

  it("lays an Excel table over the keyed rows, and lays it again over the new extent on a re-run", async () => {
    const { model, workbook } = setup();
    const tableOnly = (rows: TableRow[]) => ({ ...stakeholders(rows), blocks: [] });
    await workbook.apply(tableOnly(people(3)));
    const sheet = model.sheet("Stakeholders");
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]).toMatchObject({ name: "BuyIn_stakeholders", style: "TableStyleLight1" });
    expect(sheet.tables[0]?.address).toMatch(/^A1:[A-Z]+4$/);
    await workbook.apply(tableOnly(people(5)));
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]?.address).toMatch(/^A1:[A-Z]+6$/);
    await workbook.apply(tableOnly(people(2)));
    expect(sheet.tables[0]?.address).toMatch(/^A1:[A-Z]+3$/);
    // A sheet with blocks beside its table gets no host table: they would fall inside it.
    await workbook.apply(stakeholders(people(2)));
    expect(sheet.tables).toHaveLength(0);
  });

  it("finds its sheet again by name when Excel gives the worksheet a new id (a new session)", async () => {
    const { model, workbook } = setup();
    await workbook.apply(stakeholders(people(2)));
    (model.sheet("Stakeholders") as { id: string }).id = "{99999999-0000-0000-0000-000000000009}";
    const report = await workbook.apply(stakeholders(people(3)));
    expect(report).toMatchObject({ sheet: "Stakeholders", created: false, rowsAdded: 1, rowsUpdated: 2 });
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Stakeholders", STATE_TITLE]);
  });

  it("lays an Excel table again after the user renamed it, keeping the user's name", async () => {
    const { model, workbook } = setup();
    const tableOnly = (rows: TableRow[]) => ({ ...stakeholders(rows), blocks: [] });
    await workbook.apply(tableOnly(people(3)));
    const sheet = model.sheet("Stakeholders");
    (sheet.tables[0] as { name: string }).name = "People";
    // Found by its name, BuyIn would leave "People" in place and its new table would overlap it.
    const report = await workbook.apply(tableOnly(people(5)));
    expect(report).toMatchObject({ rowsAdded: 2, rowsUpdated: 3, messages: [] });
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]).toMatchObject({ name: "People", style: "TableStyleLight1" });
    expect(sheet.tables[0]?.address).toMatch(/^A1:[A-Z]+6$/);
  });

  it("leaves a table of the user's that stands where its table goes, and says so", async () => {
    const { model, workbook } = setup();
    const tableOnly = (rows: TableRow[]) => ({ ...stakeholders(rows), blocks: [] });
    await workbook.apply(tableOnly(people(2)));
    const sheet = model.sheet("Stakeholders");
    sheet.tables.splice(0, 1, { name: "Mine", address: "B5:C6", style: "TableStyleMedium2" });
    const report = await workbook.apply(tableOnly(people(6)));
    expect(sheet.tables).toEqual([{ name: "Mine", address: "B5:C6", style: "TableStyleMedium2" }]);
    expect(report.messages.join(" ")).toMatch(/The table Mine stands where BuyIn lays its table/);
    expect(sheet.get("A7")).toBe("S6");
  });

  it("the model refuses a table over another, as Excel does", async () => {
    const model = new ExcelModel();
    model.addSheet("Data").tables.push({ name: "Mine", address: "A1:B3", style: "" });
    const attempt = model.run(async (context) => {
      const sheet = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      (sheet.items[0] as Excel.Worksheet).tables.add(
        (sheet.items[0] as Excel.Worksheet).getRange("B2:C4"),
        true,
      ).name = "Other";
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("completes a new sheet a write cut off half-way left, instead of writing '<title> (BuyIn)'", async () => {
    const { model, workbook } = setup();
    // The connection drops at the first cell written, after the sheet and its marker.
    model.interruptBefore((label) => label.startsWith("range "));
    await expect(workbook.apply(stakeholders(people(3)))).rejects.toMatchObject({ code: "GeneralException" });
    const sheet = model.sheet("Stakeholders");
    expect(sheet.get("A1")).toBe("");
    // Filed under the sheet's name: its id was not known when the marker went in with the sheet.
    expect(JSON.parse(model.settings.get(MARKERS_SETTING) ?? "")).toEqual({
      "new Stakeholders": { kind: "stakeholders", sheet: "Stakeholders" },
      [`new ${STATE_TITLE}`]: { kind: STATE_KIND, sheet: STATE_TITLE },
    });

    const report = await workbook.apply(stakeholders(people(3)));
    expect(report).toMatchObject({ sheet: "Stakeholders", created: false, rowsAdded: 3, editsKept: 0 });
    expect(model.sheets.map((each) => each.name)).toEqual(["Stakeholders", STATE_TITLE]);
    expect(Object.keys(JSON.parse(model.settings.get(MARKERS_SETTING) ?? ""))).toEqual([
      sheet.id,
      model.sheet(STATE_TITLE).id,
    ]);
    expect(["A1", "A4", "F4", "K2"].map((a1) => sheet.get(a1))).toEqual([
      "ID",
      "S3",
      "=C4*D4",
      "=AVERAGE(Stake_Scores)",
    ]);
  });

  it("creates the sheet normally when a run was cut off after the marker, before the sheet", async () => {
    const { model, workbook } = setup();
    model.interruptBefore((label) => label.startsWith("add sheet"));
    await expect(workbook.apply(stakeholders(people(2)))).rejects.toMatchObject({ code: "GeneralException" });
    expect(model.sheets).toEqual([]);
    const report = await workbook.apply(stakeholders(people(2)));
    expect(report).toMatchObject({ sheet: "Stakeholders", created: true, rowsAdded: 2 });
    const sheet = model.sheet("Stakeholders");
    expect(Object.keys(JSON.parse(model.settings.get(MARKERS_SETTING) ?? ""))).toEqual([
      sheet.id,
      model.sheet(STATE_TITLE).id,
    ]);
  });

  it("gives a column of 8.43 characters Excel's default width of 48 points", async () => {
    // ECMA-376 Part 1, 18.3.1.13: n characters are n × 7 px (Calibri 11's maximum digit width at
    // 96 dpi) plus 5 px of padding; Excel's default column is 8.43 characters, 64 px, 48 pt.
    const { model, workbook } = setup();
    const columns = COLUMNS.map((column) => (column.id === "name" ? { ...column, width: 8.43 } : column));
    await workbook.apply({ kind: "widths", title: "Widths", table: { columns, rows: people(1) } });
    expect(model.sheet("Widths").widths.get(2)).toBeCloseTo(48, 1);
  });

  it("reads the selected cells for importing, blanks as null", async () => {
    const { model, workbook } = setup();
    model.selection = [
      ["Name", "Power"],
      ["Ada", 4],
      ["", ""],
    ];
    await expect(workbook.readSelection()).resolves.toEqual([
      ["Name", "Power"],
      ["Ada", 4],
      [null, null],
    ]);
  });

  it("says to select one block of cells when the selection has several areas", async () => {
    const { model, workbook } = setup();
    model.selection = { areas: [[["Ada", 4]], [["Bo", 3]]] };
    await expect(workbook.readSelection()).rejects.toThrow(
      "the selection has several areas or is not cells; select one rectangle of cells and import again.",
    );
  });

  it("replaces BuyIn's chart and names on a re-run, and leaves the user's alone", async () => {
    const { model, workbook } = setup();
    model.names.set("budget", { name: "Budget", formula: "=Sheet1!$A$1", comment: "" });
    model.names.set("mean_score", { name: "Mean_Score", formula: "=Sheet1!$B$1", comment: "" });
    const first = await workbook.apply(stakeholders(people(2)));
    // A sheet BuyIn creates owns no name yet: core leaves the user's name of the same spelling
    // alone and reports it, and the marker does not record it.
    expect(first.messages).toEqual([]);
    expect(first.conflicts?.map((conflict) => conflict.message)).toEqual([
      expect.stringMatching(/^The workbook already has a name Mean_Score of its own; BuyIn left it as it is/),
    ]);
    const sheet = model.sheet("Stakeholders");
    expect(JSON.parse(model.settings.get(MARKERS_SETTING) ?? "")[sheet.id].names).not.toContain("Mean_Score");
    model.addUserChart("Stakeholders", { name: "My chart", type: "Line" });

    const ours = sheet.charts[0]?.id;
    const report = await workbook.apply(stakeholders(people(4)));
    // BuyIn's chart written again in place (same id), over the new rows; the user's untouched.
    expect(sheet.charts.map((chart) => [chart.id, chart.name])).toEqual([
      [ours, `${CHART_PREFIX}Power and interest`],
      [expect.any(String), "My chart"],
    ]);
    expect(sheet.charts[0]).toMatchObject({ x: "C2:C5", y: "D2:D5" });
    expect([...model.names.values()].map((name) => name.name).sort()).toEqual([
      "Budget",
      "BuyIn_Anchor_buyin_state",
      "BuyIn_Anchor_stakeholders",
      "Lead_Power",
      "Mean_Score",
      "Stake_Scores",
    ]);
    expect(model.names.get("stake_scores")?.formula).toBe("='Stakeholders'!$F$2:$F$5");
    expect(model.names.get("mean_score")).toEqual({
      name: "Mean_Score",
      formula: "=Sheet1!$B$1",
      comment: "",
    });
    // From then on the resolver knows it is not BuyIn's (the marker's names), and reports it.
    expect(report.messages).toEqual([]);
    expect(report.conflicts.map((conflict) => conflict.message)).toEqual([
      "The workbook already has a name Mean_Score of its own; BuyIn left it as it is, so its formulas that use it read your range.",
    ]);
  });
});

describe("ExcelWorkbook.readTable", () => {
  it("answers undefined, after one sync, when no sheet carries the kind's marker", async () => {
    const { model, workbook } = setup();
    model.addSheet("Stakeholders").type("A1", "ID");
    expect(await workbook.readTable("stakeholders")).toBeUndefined();
    expect(model.syncs).toEqual([1]);
  });

  it("returns the header and every data row that holds anything, with its row number", async () => {
    const { model, workbook } = setup();
    await workbook.apply(stakeholders(people(3)));
    const sheet = model.sheet("Stakeholders");
    sheet.write("A3:G3", [["", "", "", "", "", "", ""]]);
    const table = await workbook.readTable("stakeholders");
    expect(table?.sheet).toBe("Stakeholders");
    expect(table?.header).toEqual([
      "ID",
      "Name",
      "Power",
      "Interest",
      "Quadrant",
      "Score",
      "",
      "",
      "",
      "Stakeholders",
      // =ROWS(Stake_Scores): the model computes nothing, a formula reads 0.
      "0",
    ]);
    // Each header position's plan column, from the state sheet (TableSnapshot.ids).
    expect(table?.ids).toEqual([
      "id",
      "name",
      "power",
      "interest",
      "quadrant",
      "score",
      ...new Array(5).fill(undefined),
    ]);
    expect(table?.rows.map((row) => [row.row, row.values[0]])).toEqual([
      [2, "S1"],
      [4, "S3"],
    ]);
    expect(table?.rows[0]?.values.slice(0, 5)).toEqual(["S1", "Person 1", 2, 3.5, "Keep satisfied"]);
  });
});

describe("ExcelWorkbook payloads (Excel on the web refuses a request or response over 5 MB)", () => {
  it("the model refuses a request and a response over 5 MB, as Excel on the web does", async () => {
    const model = new ExcelModel();
    model.addSheet("Data");
    const big = Array.from({ length: 60_000 }, (_, row) => [`row ${row} ${"x".repeat(80)}`]);
    const write = model.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      (sheets.items[0] as Excel.Worksheet).getRange("A1:A60000").formulas = big;
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.sheet("Data").get("A1")).toBe("");

    model.sheet("Data").write("A1:A60000", big);
    const read = model.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      (sheets.items[0] as Excel.Worksheet).getUsedRangeOrNullObject(true).load("values,formulas");
      await context.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("keeps every request and response within 4 MB at 50,000 rows, with syncs added only for size", async () => {
    const { model, workbook } = setup();
    const rows = people(50_000);
    await workbook.apply(stakeholders(rows));
    await workbook.apply(stakeholders([...rows, person(50_001)]));
    const table = await workbook.readTable("stakeholders");
    expect(table?.rows).toHaveLength(50_001);
    const written = model.payloads.reduce((sum, payload) => sum + payload.request, 0);
    const largest = model.largestPayload();
    console.log(
      `50,000 rows: context.sync() calls (create, update, readTable) ${model.syncs.join(", ")}; largest request ${(largest.request / 1e6).toFixed(2)} MB, response ${(largest.response / 1e6).toFixed(2)} MB`,
    );
    expect(largest.request).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(largest.response).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    // Three syncs, plus one for each further 4 MB written or read, and no more.
    const [create = 0, update = 0] = model.syncs;
    expect(create + update).toBeGreaterThan(6);
    const read = model.payloads.reduce((sum, payload) => sum + payload.response, 0);
    expect(create + update - 6).toBeLessThanOrEqual(Math.ceil((written + read) / (PAYLOAD_BUDGET / 2)));
  });

  it("reads again in halves a slice Excel refuses, when the user's own columns made rows larger", async () => {
    const { model, workbook } = setup();
    await workbook.apply({ ...stakeholders(people(3_000)), blocks: [] });
    const sheet = model.sheet("Stakeholders");
    const note = "n".repeat(1_000);
    for (let row = 2; row <= 3_001; row++) sheet.type(`H${row}`, note);
    const report = await workbook.apply({ ...stakeholders(people(3_000)), blocks: [] });
    expect(report).toMatchObject({ rowsUpdated: 3_000, rowsAdded: 0 });
    expect(sheet.get("H3001")).toBe(note);
    // The first read, sized by BuyIn's own rows, was refused; none that passed was over 5 MB.
    expect(model.payloads.some((payload) => payload.response > PAYLOAD_LIMIT)).toBe(true);
  });
});

describe("ExcelWorkbook: the workbook's locale", () => {
  const plan: SheetPlan = {
    kind: "settings",
    title: "BuyIn Settings",
    blocks: [{ at: "A1", values: [["x"]] }],
  };

  it("reports Application.cultureInfo's name where ExcelApi 1.11 is there, in the read's one sync", async () => {
    const model = new ExcelModel();
    model.excelApi = "1.11";
    const workbook = new ExcelWorkbook(model.run, model.supports);
    await workbook.applyAll([plan]);
    model.syncs.length = 0;
    const table = await workbook.readTable("settings");
    expect(table?.locale).toBe("en-gb");
    expect(model.syncs).toEqual([2]);
  });

  it("reports no locale from Excel before ExcelApi 1.11 outside Office (the panel then takes the browser's)", async () => {
    const model = new ExcelModel();
    const workbook = new ExcelWorkbook(model.run, model.supports);
    await workbook.applyAll([plan]);
    expect((await workbook.readTable("settings"))?.locale).toBeUndefined();
  });
});

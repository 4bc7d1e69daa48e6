import { beforeAll, describe, expect, it } from "vitest";
import { type ColumnSpec, npv, type SheetPlan, type TableRow } from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const STANCES = ["Resistant", "Neutral", "Supportive"];

/** A: ID, B: Name, C: Power, D: Interest, E: Stance, F: Quadrant, G: Power share. */
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
  {
    id: "interest",
    header: "Interest",
    role: "input",
    numberFormat: "0",
    validation: { min: 1, max: 5, whole: true },
  },
  { id: "stance", header: "Stance", role: "input", validation: { list: STANCES } },
  {
    id: "quadrant",
    header: "Quadrant",
    role: "output",
    formula:
      '=IF(AND({col:power}{row}>=3,{col:interest}{row}>=3),"Manage closely",IF({col:power}{row}>=3,"Keep satisfied",IF({col:interest}{row}>=3,"Keep informed","Monitor")))',
  },
  {
    id: "share",
    header: "Power share",
    role: "output",
    numberFormat: "0.0%",
    formula: "=ROUND({col:power}{row}/SUM(Stake_Power),4)",
  },
];

/** S1: 2/4 Keep informed, S2: 3/2 Keep satisfied, S3: 4/5 and S4: 5/3 Manage closely, S5: 1/1 Monitor. */
function person(index: number, name = `Person ${index}`): TableRow {
  return {
    key: `S${index}`,
    values: {
      name,
      power: (index % 5) + 1,
      interest: ((index * 3) % 5) + 1,
      stance: STANCES[index % 3] ?? null,
    },
  };
}

function people(count: number): TableRow[] {
  return Array.from({ length: count }, (_, index) => person(index + 1));
}

function stakeholders(rows: readonly TableRow[]): SheetPlan {
  return {
    kind: "stakeholders",
    title: "Stakeholders",
    table: { columns: COLUMNS, rows },
    names: [
      { name: "Stake_Ids", column: "id" },
      { name: "Stake_Power", column: "power" },
      { name: "Stake_Interest", column: "interest" },
      { name: "Stake_Quadrant", column: "quadrant" },
    ],
    charts: [
      {
        type: "scatter",
        title: "Power and interest",
        x: `C2:C${rows.length + 1}`,
        y: `D2:D${rows.length + 1}`,
        xTitle: "Power",
        yTitle: "Interest",
        anchor: "J2",
      },
    ],
    freeze: { rows: 1, columns: 2 },
  };
}

/** A lookup sheet over the table's names: B2 quadrant, C2 power share, D2–F2 totals. */
const LOOKUP: SheetPlan = {
  kind: "stakeholder-lookup",
  title: "Lookup",
  blocks: [
    {
      at: "A1",
      role: "header",
      values: [["Find ID", "Quadrant", "Power share", "Managed closely", "Total power", "High-high power"]],
    },
    { at: "A2", role: "input", values: [["S2"]] },
    {
      at: "B2",
      role: "output",
      values: [[null, null, null, null, null]],
      formulas: [
        [
          '=IFERROR(INDEX(Stake_Quadrant,MATCH(A2,Stake_Ids,0)),"not found")',
          "=IFERROR(INDEX(Stake_Power,MATCH(A2,Stake_Ids,0))/SUM(Stake_Power),0)",
          '=COUNTIF(Stake_Quadrant,"Manage closely")',
          "=SUM(Stake_Power)",
          "=SUMPRODUCT((Stake_Power>=3)*(Stake_Interest>=3)*Stake_Power)",
        ],
      ],
      numberFormats: [["", "0.0%", "0", "0", "0"]],
    },
  ],
};

const QUADRANTS = ["Keep informed", "Keep satisfied", "Manage closely", "Manage closely", "Monitor"];

describe("MemoryWorkbook", () => {
  it("computes native formulas, and a user's change of an input moves the outputs", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(stakeholders(people(5)));
    await workbook.apply(LOOKUP);
    expect(["F2", "F3", "F4", "F5", "F6"].map((a1) => workbook.value("Stakeholders", a1))).toEqual(QUADRANTS);
    expect(workbook.formula("Stakeholders", "F2")).toMatch(/^=IF\(AND\(C2>=3,D2>=3\)/);
    expect(workbook.value("Stakeholders", "G4")).toBe(0.2667); // 4 / 15
    expect(workbook.displayGrid("Lookup")[1]).toEqual(["S2", "Keep satisfied", 0.2, 2, 15, 9]);

    workbook.setCell("Stakeholders", "D3", 5); // S2's interest, typed by a reviewer
    workbook.setCell("Stakeholders", "C3", "4");
    expect(workbook.value("Stakeholders", "F3")).toBe("Manage closely");
    expect(workbook.value("Stakeholders", "G4")).toBe(0.25); // 4 / 16
    expect(workbook.displayGrid("Lookup")[1]).toEqual(["S2", "Manage closely", 0.25, 3, 16, 13]);
  });

  it("keeps number formats, validations, widths, the hidden state sheet, charts and freeze", async () => {
    const workbook = new MemoryWorkbook();
    const plan = stakeholders(people(5));
    await workbook.apply(plan);
    await workbook.apply(LOOKUP);
    const formats = workbook.formats("Stakeholders");
    expect(formats).toContainEqual({ range: "A1", role: "header", width: 8 });
    expect(formats).toContainEqual({
      range: "C2:C6",
      role: "input",
      numberFormat: "0",
      validation: { min: 1, max: 5, whole: true },
    });
    expect(formats).toContainEqual({ range: "E2:E6", role: "input", validation: { list: STANCES } });
    expect(formats).toContainEqual({ range: "G2:G6", role: "output", numberFormat: "0.0%" });
    // BuyIn's record of what it wrote is a hidden sheet of its own, not a column of the register.
    expect(formats.some((format) => format.hidden)).toBe(false);
    expect(workbook.hidden("BuyIn state")).toBe(true);
    expect(workbook.hidden("Stakeholders")).toBe(false);
    expect(workbook.charts("Stakeholders")).toEqual(plan.charts);
    expect(workbook.frozen("Stakeholders")).toEqual({ rows: 1, columns: 2 });
    expect(workbook.formats("Lookup")).toContainEqual({ range: "C2", numberFormat: "0.0%" });
    expect(workbook.frozen("Lookup")).toBeUndefined();
  });

  it("makes the same number of writes for 10 and for 10,000 rows", async () => {
    const counts: number[] = [];
    const rerunCounts: number[] = [];
    for (const rows of [10, 10_000]) {
      const workbook = new MemoryWorkbook();
      const plan = stakeholders(people(rows));
      let started = performance.now();
      await workbook.apply(plan);
      const applied = performance.now() - started;
      counts.push(workbook.operations);
      started = performance.now();
      const again = await workbook.apply(plan);
      const rerun = performance.now() - started;
      rerunCounts.push(workbook.operations - (counts.at(-1) as number));
      console.log(
        `MemoryWorkbook, ${rows} rows: ${counts.at(-1)} writes in ${applied.toFixed(0)} ms; ` +
          `re-run: ${rerunCounts.at(-1)} writes in ${rerun.toFixed(0)} ms`,
      );
      expect(again).toMatchObject({ rowsUpdated: rows, rowsAdded: 0, editsKept: 0 });
      expect(workbook.value("Stakeholders", `F${rows + 1}`)).toBe(QUADRANTS[(rows - 1) % 5]);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(rerunCounts[0]).toBe(rerunCounts[1]);
  });

  it("leaves a foreign sheet with the plan's title untouched and writes to '<title> (BuyIn)'", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addForeignSheet("Stakeholders", [
      ["Name", "Budget", "Double", "Note"],
      ["Zed", 1200, "=B2*2", "'=1+1"],
      ["'12", "-5", "=SUM(B2:B3)", null],
    ]);
    const contents = workbook.contents("Stakeholders");
    const grid = workbook.displayGrid("Stakeholders");
    expect(grid).toEqual([
      ["Name", "Budget", "Double", "Note"],
      ["Zed", 1200, 2400, "=1+1"],
      ["12", -5, 1195, null],
    ]);

    const report = await workbook.apply(stakeholders(people(5)));
    expect(report).toMatchObject({
      sheet: "Stakeholders (BuyIn)",
      created: true,
      redirectedFrom: "Stakeholders",
      rowsAdded: 5,
    });
    expect(report.messages[0]).toBe(
      'A sheet named "Stakeholders" already holds data BuyIn did not write, so BuyIn wrote to "Stakeholders (BuyIn)" instead.',
    );
    await workbook.apply(LOOKUP);
    const second = await workbook.apply(stakeholders(people(5)));
    expect(second).toMatchObject({ sheet: "Stakeholders (BuyIn)", created: false, rowsUpdated: 5 });

    expect(workbook.sheetNames()).toEqual(["Stakeholders", "Stakeholders (BuyIn)", "BuyIn state", "Lookup"]);
    expect(workbook.contents("Stakeholders")).toEqual(contents);
    expect(workbook.displayGrid("Stakeholders")).toEqual(grid);
    expect(workbook.formats("Stakeholders")).toEqual([]);
    expect(workbook.namedRange("Stake_Power")).toBe("='Stakeholders (BuyIn)'!$C$2:$C$6");
    expect(workbook.value("Lookup", "E2")).toBe(15);
  });

  it("on a second run keeps the user's edited cell and added column", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(stakeholders(people(3)));
    workbook.setCell("Stakeholders", "C2", 5); // S1's power, 2 in the plan
    workbook.setCell("Stakeholders", "I1", "Notes");
    workbook.setCell("Stakeholders", "I3", "call in May");

    const plan = stakeholders([person(1, "Person 1 B."), person(2), person(3), person(4)]);
    const second = await workbook.apply(plan);
    expect(second).toMatchObject({ rowsAdded: 1, rowsUpdated: 3, rowsRetired: 0, editsKept: 1 });
    expect(workbook.value("Stakeholders", "B2")).toBe("Person 1 B.");
    expect(workbook.value("Stakeholders", "C2")).toBe(5);
    expect(workbook.value("Stakeholders", "F2")).toBe("Manage closely"); // from the kept 5
    expect(workbook.value("Stakeholders", "I1")).toBe("Notes");
    expect(workbook.value("Stakeholders", "I3")).toBe("call in May");
    expect(workbook.value("Stakeholders", "A5")).toBe("S4");
    expect(workbook.formula("Stakeholders", "F5")).toMatch(/^=IF\(AND\(C5>=3,D5>=3\)/);
    expect(workbook.value("Stakeholders", "F5")).toBe("Manage closely");
    expect(workbook.namedRange("Stake_Power")).toBe("=Stakeholders!$C$2:$C$5");

    // The same plan again: the edit stays, nothing else changes, and BuyIn's own formulas read
    // back as written (no edit is reported for them).
    const grid = workbook.contents("Stakeholders");
    const third = await workbook.apply(plan);
    expect(third).toMatchObject({ rowsAdded: 0, rowsUpdated: 4, editsKept: 1 });
    expect(workbook.contents("Stakeholders")).toEqual(grid);
  });

  it("writes names that look like formulas, numbers or mentions as text", async () => {
    const names = ['=HYPERLINK("http://x","y")', "+1-555", "-5", "@user", "=1+1"];
    const workbook = new MemoryWorkbook();
    await workbook.apply(stakeholders(names.map((name, index) => person(index + 1, name))));
    for (const [index, name] of names.entries()) {
      expect(workbook.value("Stakeholders", `B${index + 2}`)).toBe(name);
      expect(workbook.formula("Stakeholders", `B${index + 2}`)).toBeUndefined();
    }
    const table = await workbook.readTable("stakeholders");
    expect(table?.rows.map((row) => row.values[1])).toEqual(names);
    expect(table?.header).toEqual(COLUMNS.map((column) => column.header));
    expect(table?.rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);
    expect(await workbook.readTable("no-such-kind")).toBeUndefined();
    // Read back as text, they match their fingerprints: a re-run sees no edits.
    const again = await workbook.apply(stakeholders(names.map((name, index) => person(index + 1, name))));
    expect(again.editsKept).toBe(0);
  });

  it("finds a renamed BuyIn sheet by its marker", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(stakeholders(people(3)));
    await workbook.apply(LOOKUP);
    workbook.renameSheet("Stakeholders", "My map");
    const report = await workbook.apply(stakeholders(people(4)));
    expect(report).toMatchObject({ sheet: "My map", created: false, rowsAdded: 1, rowsUpdated: 3 });
    expect(workbook.sheetNames()).toEqual(["My map", "BuyIn state", "Lookup"]);
    expect(workbook.namedRange("Stake_Power")).toBe("='My map'!$C$2:$C$5");
    expect(workbook.value("Lookup", "E2")).toBe(14);
    expect(workbook.frozen("My map")).toEqual({ rows: 1, columns: 2 });
    expect((await workbook.readTable("stakeholders"))?.sheet).toBe("My map");
  });

  it("retires rows a re-run no longer plans, and the named range shrinks with them", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(stakeholders(people(5)));
    await workbook.apply(LOOKUP);
    expect(workbook.namedRange("Stake_Power")).toBe("=Stakeholders!$C$2:$C$6");

    const report = await workbook.apply(stakeholders([person(1), person(3), person(5)]));
    expect(report).toMatchObject({ rowsRetired: 2, rowsUpdated: 3, rowsAdded: 0 });
    const table = await workbook.readTable("stakeholders");
    expect(table?.rows.map((row) => [row.row, row.values[0]])).toEqual([
      [2, "S1"],
      [3, "S3"],
      [4, "S5"],
    ]);
    expect(workbook.displayGrid("Stakeholders")).toHaveLength(4);
    expect(workbook.namedRange("Stake_Power")).toBe("=Stakeholders!$C$2:$C$4");
    expect(workbook.value("Lookup", "E2")).toBe(7); // 2 + 4 + 1
    expect(workbook.value("Lookup", "B2")).toBe("not found"); // S2 is gone
    expect(workbook.value("Stakeholders", "G3")).toBe(0.5714); // 4 / 7
  });
});

/**
 * Which functions plan formulas may use: each computes here as in Excel, Sheets and LibreOffice.
 * Data: A1:A3 = 1, 2, 3; B1:B3 = 10, 20, 30; C1:C3 = -100, 60, 60; names from the stakeholder
 * table (S1–S5).
 */
const PORTABLE: ReadonlyArray<readonly [string, string, unknown]> = [
  ["IF", '=IF(A1>1,"big","small")', "small"],
  ["AND", "=AND(A2>1,B2>=20)", true],
  ["OR", "=OR(A1>5,B1=10)", true],
  ["TRUE() and FALSE()", "=IF(A1=1,TRUE(),FALSE())", true],
  ["SUM", "=SUM(A1:A3)", 6],
  ["SUMPRODUCT", "=SUMPRODUCT(A1:A3,B1:B3)", 140],
  ["SUMPRODUCT over conditions", "=SUMPRODUCT((A1:A3>1)*B1:B3)", 50],
  ["INDEX", "=INDEX(B1:B3,2)", 20],
  ["MATCH", "=MATCH(30,B1:B3,0)", 3],
  ["IFERROR", '=IFERROR(MATCH(99,B1:B3,0),"none")', "none"],
  ["ROUND, half away from zero", "=ROUND(-2.5,0)", -3],
  ["ROUND to a precision", "=ROUND(2/3,2)", 0.67],
  ["division, to 15 significant digits", "=10/3", 3.33333333333333],
  ["COUNTIF", '=COUNTIF(B1:B3,">=20")', 2],
  ["COUNTIFS", '=COUNTIFS(A1:A3,">1",B1:B3,"<30")', 1],
  ["MAX", "=MAX(B1:B3)", 30],
  ["MIN", "=MIN(A1:A3)", 1],
  ["ABS", "=ABS(A1-B1)", 9],
  ["& concatenation", '=A1&" of "&A3', "1 of 3"],
  ["NPV", "=NPV(0.1,C1:C3)", npv(0.1, [-100, 60, 60])],
  ["IRR", "=ROUND(IRR(C1:C3),10)", 0.1306623863],
  ["INDEX/MATCH over names", '=INDEX(Stake_Quadrant,MATCH("S3",Stake_Ids,0))', "Manage closely"],
  ["COUNTIF over a name", '=COUNTIF(Stake_Power,">=3")', 3],
  ["SUM over a name", "=SUM(Stake_Power)", 15],
];

/** Not available or not the same here: plans must not use them. */
const NOT_PORTABLE: ReadonlyArray<readonly [string, string, unknown]> = [
  ["bare TRUE (write TRUE())", "=IF(A1=1,TRUE,FALSE)", "#NAME?"],
  ["LET", "=LET(x,1,x)", "#NAME?"],
  ["CONCAT (use &)", '=CONCAT("a","b")', "#NAME?"],
  ["INDIRECT", '=INDIRECT("A1")', "#NAME?"],
  ["an exponent literal (write 1000)", "=1E3", "#ERROR!"],
  ["ROUND of a binary tie (Excel: 1.01)", "=ROUND(1.005,2)", 1],
  ["a computed decimal joined with & (Excel: 0.3)", '=(0.1+0.2)&""', "0.30000000000000004"],
];

describe("MemoryWorkbook formula portability", () => {
  const workbook = new MemoryWorkbook();
  const cases = [...PORTABLE, ...NOT_PORTABLE];

  beforeAll(async () => {
    await workbook.apply(stakeholders(people(5)));
    await workbook.apply({
      kind: "portability",
      title: "Portability",
      blocks: [
        {
          at: "A1",
          values: [
            [1, 10, -100],
            [2, 20, 60],
            [3, 30, 60],
          ],
        },
        {
          at: "E1",
          values: cases.map(() => [null]),
          formulas: cases.map(([, formula]) => [formula]),
        },
      ],
    });
  });

  it.each(PORTABLE.map((entry, index) => [...entry, index] as const))(
    "%s computes",
    (_name, formula, expected, index) => {
      expect(workbook.formula("Portability", `E${index + 1}`)).toBe(formula);
      const value = workbook.value("Portability", `E${index + 1}`);
      if (typeof expected === "number") expect(value).toBeCloseTo(expected, 12);
      else expect(value).toBe(expected);
    },
  );

  it.each(NOT_PORTABLE.map((entry, index) => [...entry, index + PORTABLE.length] as const))(
    "%s differs",
    (_name, _formula, expected, index) => {
      expect(workbook.value("Portability", `E${index + 1}`)).toBe(expected);
    },
  );
});

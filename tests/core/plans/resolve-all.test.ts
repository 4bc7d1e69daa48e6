/**
 * resolveAll, pure: plans against a workbook of bare grids (no formula engine), written the way a
 * port writes a ResolvedWorkbook. The engine-level cases are in tests/integration/engine-cases.
 */
import { describe, expect, it } from "vitest";
import {
  type Cell,
  COMPACT_AFTER_RUNS,
  planTargets,
  type ResolvedWorkbook,
  type ResolveOptions,
  resolveAll,
  resolveTarget,
  type SheetMarker,
  type SheetPlan,
  type SheetState,
  STATE_TITLE,
  shiftFormula,
  type TableRow,
} from "../../../core/index";
import { Grid } from "./grid";

/** Sheets as grids, markers by sheet name, workbook names: what a port would read and write. */
class Book {
  readonly grids = new Map<string, Grid>();
  readonly markers = new Map<string, SheetMarker>();
  readonly hidden = new Set<string>();
  names: Record<string, string> = {};

  run(plans: readonly SheetPlan[], options: ResolveOptions = {}): ResolvedWorkbook {
    const snapshot = {
      sheets: [...this.grids.keys()].map((name) => ({
        name,
        id: name,
        ...(this.markers.has(name) ? { marker: this.markers.get(name) as SheetMarker } : {}),
      })),
      names: this.names,
    };
    const states = new Map<string, SheetState>();
    for (const target of planTargets(plans, snapshot))
      if (!target.create) states.set(target.name, (this.grids.get(target.name) as Grid).state());
    const resolved = resolveAll(plans, snapshot, states, options);
    for (const sheet of resolved.sheets) {
      const grid = this.grids.get(sheet.target.name) ?? new Grid();
      this.grids.set(sheet.target.name, grid);
      grid.apply(sheet);
      this.markers.set(sheet.target.name, { ...sheet.marker, sheetId: sheet.target.name });
      if (sheet.hidden) this.hidden.add(sheet.target.name);
      for (const { name, reference } of sheet.names) this.names[name] = reference;
    }
    for (const name of resolved.removeNames) delete this.names[name];
    return resolved;
  }

  grid(name = "People"): Grid {
    return this.grids.get(name) as Grid;
  }
}

function register(rows: TableRow[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    kind: "people",
    title: "People",
    table: {
      columns: [
        { id: "id", header: "ID", role: "key" },
        { id: "name", header: "Name", role: "input" },
        { id: "score", header: "Score", role: "input", numberFormat: "0" },
        { id: "double", header: "Double", role: "output", formula: "={col:score}{row}*2" },
      ],
      rows,
    },
    names: [{ name: "People_Names", column: "name" }],
    ...extra,
  };
}

const person = (index: number, score = index, name = `P${index}`): TableRow => ({
  key: `S${index}`,
  values: { name, score },
  expected: { double: score * 2 },
});
const people = (count: number) => Array.from({ length: count }, (_, index) => person(index + 1));

describe("resolveTarget", () => {
  it("finds the sheet by its marker even after the user renamed it", () => {
    const target = resolveTarget(register([]), { sheets: [{ name: "Renamed", marker: { kind: "people" } }] });
    expect(target).toMatchObject({ name: "Renamed", create: false });
  });
  it("goes to a new sheet when a foreign sheet has the title", () => {
    const target = resolveTarget(register([]), {
      sheets: [{ name: "people" }, { name: "People (BuyIn)", marker: { kind: "other" } }],
    });
    expect(target).toEqual({ name: "People (BuyIn 2)", create: true, redirectedFrom: "People" });
  });
});

describe("resolveAll: the state sheet", () => {
  it("keeps per-row state in a hidden state sheet, not in a column of the register", () => {
    const book = new Book();
    const resolved = book.run([register(people(2))]);
    expect(resolved.sheets.map((sheet) => [sheet.target.name, sheet.hidden ?? false])).toEqual([
      ["People", false],
      [STATE_TITLE, true],
    ]);
    expect(resolved.reports).toHaveLength(1);
    expect(book.grid().values[0]).toEqual(["ID", "Name", "Score", "Double"]);
    const state = book.grid(STATE_TITLE).values;
    expect(state[0]).toEqual(["record", "kind", "key", "prints", "expected"]);
    expect(state.filter((row) => row[0] === "row").map((row) => [row[1], row[2], row[4]])).toEqual([
      ["people", "S1", '{"double":2}'],
      ["people", "S2", '{"double":4}'],
    ]);
    expect(state.filter((row) => row[0] === "column").map((row) => [row[2], row[3], row[4]])).toEqual([
      ["id", "ID", "A"],
      ["name", "Name", "B"],
      ["score", "Score", "C"],
      ["double", "Double", "D"],
    ]);
  });

  it("migrates the old hidden state column: its prints are read by key, the column is cleared and shown", () => {
    const book = new Book();
    book.run([register(people(2))]);
    // A v1 register: the prints in a "BuyIn state" column, no state sheet.
    const grid = book.grid();
    const state = book.grid(STATE_TITLE).values.filter((row) => row[0] === "row");
    grid.set(1, 5, "BuyIn state");
    grid.set(2, 5, state[0]?.[3] as Cell);
    grid.set(3, 5, state[1]?.[3] as Cell);
    book.grids.delete(STATE_TITLE);
    book.markers.delete(STATE_TITLE);
    grid.set(2, 3, 9); // S1's score, edited in the sheet under v1
    const resolved = book.run([register(people(2))]);
    const sheet = resolved.sheets[0];
    expect(sheet?.clear).toEqual(["E1:E3"]);
    expect(sheet?.formats).toContainEqual({ range: "E1", hidden: false });
    expect(grid.get(2, 3)).toBe(9);
    expect(grid.get(1, 5)).toBeNull();
    expect(resolved.reports[0]).toMatchObject({ editsKept: 1, conflicts: [] });
  });
});

describe("resolveAll: cells", () => {
  it("leaves a kept edit as a hole, never rewritten from what was read", () => {
    const book = new Book();
    book.run([register(people(3))]);
    book.grid().set(3, 3, 7);
    const resolved = book.run([register(people(3))]);
    const scores = resolved.sheets[0]?.writes.find((write) => write.column === 3 && write.row === 2);
    expect(scores?.cells.map((row) => row[0])).toEqual([1, null, 3]);
    expect(resolved.reports[0]).toMatchObject({ editsKept: 1, conflicts: [] });
  });

  it("reports a cell changed both in the sheet and in the panel, and keeps the sheet's", () => {
    const book = new Book();
    book.run([register(people(2))]);
    book.grid().set(2, 3, 7);
    const resolved = book.run([register([person(1, 5), person(2)])]);
    expect(book.grid().get(2, 3)).toBe(7);
    expect(resolved.reports[0]?.conflicts).toEqual([
      expect.objectContaining({ sheet: "People", cell: "C2", key: "S1", column: "Score" }),
    ]);
  });

  it("takes back a cleared output or its value pasted over it; keeps and reports any other value", () => {
    const book = new Book();
    book.run([register(people(3))]);
    book.grid().set(2, 4, null); // cleared
    book.grid().set(3, 4, 4); // S2's formula pasted as its value (2 × 2)
    book.grid().set(4, 4, "n/a"); // the user's own
    const resolved = book.run([register(people(3))]);
    expect([book.grid().get(2, 4), book.grid().get(3, 4), book.grid().get(4, 4)]).toEqual([
      "=C2*2",
      "=C3*2",
      "n/a",
    ]);
    expect(resolved.reports[0]?.conflicts).toEqual([
      {
        sheet: "People",
        cell: "D4",
        key: "S3",
        column: "Double",
        message: "Kept your value in Double for S3; clear it to get BuyIn's formula back.",
      },
    ]);
  });

  it("with skipUnchanged, a re-run of the same plan writes nothing but holes", () => {
    const book = new Book();
    book.run([register(people(3))]);
    const resolved = book.run([register(people(3))], { skipUnchanged: true });
    const written = resolved.sheets.flatMap((sheet) => sheet.writes.flatMap((write) => write.cells.flat()));
    expect(written.filter((cell) => cell !== null)).toEqual([]);
  });
});

describe("resolveAll: rows", () => {
  it("adopts a keyless row whose inputs equal a new plan row's: the key is written, nothing appended", () => {
    const book = new Book();
    book.run([register(people(2))]);
    const grid = book.grid();
    grid.values.splice(1, 0, [null, "P3", 3]);
    grid.formulas.splice(1, 0, [null, null, null]);
    const resolved = book.run([register(people(3))]);
    expect(grid.values.map((row) => row[0])).toEqual(["ID", "S3", "S1", "S2"]);
    expect(resolved.reports[0]).toMatchObject({ rowsAdded: 0, rowsUpdated: 3 });
  });

  it("leaves a keyless row no plan row matches, and reports it", () => {
    const book = new Book();
    book.run([register(people(1))]);
    book.grid().set(3, 2, "Someone");
    const resolved = book.run([register(people(2))]);
    expect(book.grid().get(3, 2)).toBe("Someone");
    expect(book.grid().get(4, 1)).toBe("S2");
    expect(resolved.reports[0]?.conflicts.map((conflict) => conflict.cell)).toEqual(["A3"]);
  });

  it("puts a deleted header row back with one inserted row", () => {
    const book = new Book();
    book.run([register(people(2))]);
    book.grid().values.shift();
    book.grid().formulas.shift();
    const resolved = book.run([register(people(2))]);
    expect(resolved.sheets[0]?.insertRows).toEqual([{ at: 1, count: 1 }]);
    expect(book.grid().values.map((row) => row.slice(0, 2))).toEqual([
      ["ID", "Name"],
      ["S1", "P1"],
      ["S2", "P2"],
    ]);
  });

  it(`compacts scattered retirements into one deletion beyond ${COMPACT_AFTER_RUNS} runs, when it moves nothing of the user's`, () => {
    const book = new Book();
    book.run([register(people(12))]);
    const odd = people(12).filter((_, index) => index % 2 === 0);
    const resolved = book.run([register(odd)], { compactRetiredRows: true });
    expect(resolved.sheets[0]?.deleteRows).toEqual([{ start: 8, count: 6 }]);
    expect(
      book
        .grid()
        .values.slice(1)
        .map((row) => [row[0], row[2]]),
    ).toEqual(odd.map((row) => [row.key, row.values.score]));
    expect(
      book
        .grid()
        .values.slice(1)
        .map((_, index) => book.grid().get(index + 2, 4)),
    ).toEqual(odd.map((_, index) => `=C${index + 2}*2`));
    // Without the option (Excel, MemoryWorkbook): run by run.
    const other = new Book();
    other.run([register(people(12))]);
    expect(other.run([register(odd)]).sheets[0]?.deleteRows).toHaveLength(6);
  });

  it("deletes run by run, and says so, when a row below holds the user's data", () => {
    const book = new Book();
    book.run([register(people(12))]);
    book.grid().set(1, 6, "Notes");
    book.grid().set(13, 6, "keep");
    const odd = [...people(12).filter((_, index) => index % 2 === 0), person(12)];
    const resolved = book.run([register(odd)], { compactRetiredRows: true });
    expect(resolved.sheets[0]?.deleteRows).toHaveLength(5);
    expect(resolved.reports[0]?.messages.join(" ")).toMatch(/one by one/);
    expect(book.grid().values.at(-1)?.[5]).toBe("keep");
  });
});

describe("resolveAll: names, charts, copies", () => {
  it("keeps a renamed name's former name as an alias while it exists, and removes names no longer set", () => {
    const book = new Book();
    book.run([register(people(2), { names: [{ name: "People_Names", column: "name" }] })]);
    book.names.People_Old = book.names.People_Names as string;
    const renamed = register(people(2), {
      names: [{ name: "People_NewNames", column: "name", formerly: ["People_Old", "People_Names"] }],
    });
    const resolved = book.run([renamed]);
    expect(resolved.sheets[0]?.names.map((name) => name.name)).toEqual(
      expect.arrayContaining(["People_NewNames", "People_Old", "People_Names"]),
    );
    expect(resolved.reports[0]?.messages.join(" ")).toMatch(/People_Old → People_NewNames/);
    // The user deletes the alias; the plan drops a name of its own: both go for good.
    delete book.names.People_Old;
    delete book.names.People_Names;
    const dropped = book.run([register(people(2), { names: [] })]);
    expect(dropped.removeNames).toEqual(["People_NewNames"]);
    expect(Object.keys(book.names).filter((name) => name.startsWith("People"))).toEqual([]);
  });

  it("never sets a name of the user's that BuyIn did not create", () => {
    const book = new Book();
    book.run([register(people(1), { names: [] })]);
    book.names.People_Names = "'Mine'!$A$1";
    const resolved = book.run([register(people(1))]);
    expect(book.names.People_Names).toBe("'Mine'!$A$1");
    expect(resolved.reports[0]?.conflicts[0]?.message).toMatch(/People_Names of its own/);
  });

  it("replaces only the charts its marker records", () => {
    const chart = {
      type: "scatter",
      title: "Scores",
      x: "C2:C3",
      y: "C2:C3",
      xTitle: "x",
      yTitle: "y",
      anchor: "H2",
    } as const;
    const book = new Book();
    const first = book.run([register(people(2), { charts: [chart] })]);
    expect(first.sheets[0]?.removeCharts).toEqual([]);
    expect(first.sheets[0]?.marker.charts).toEqual(["Scores"]);
    const second = book.run([register(people(2), { charts: [chart] })]);
    expect(second.sheets[0]?.removeCharts).toEqual(["Scores"]);
  });

  it("takes a sheet whose marker records another sheet's id for a copy: never its target", () => {
    const marker = { kind: "people", sheetId: "1" };
    const target = resolveTarget(register([]), {
      sheets: [
        { name: "People (2)", id: "2", marker },
        { name: "People", id: "1", marker },
      ],
    });
    expect(target).toMatchObject({ name: "People", create: false, copies: ["People (2)"] });
  });
});

describe("resolveAll: blocks", () => {
  const settings: SheetPlan = {
    kind: "settings",
    title: "Settings",
    blocks: [
      { at: "A1", values: [["Settings"]], role: "header" },
      { at: "B2", values: [[5], [null]], formulas: [[null], ["=(1+B2)/2"]], role: "input" },
    ],
    names: [{ name: "Top", at: "B2" }],
  };

  it("follows its anchor name: moved down a row, its blocks, formulas and names move too", () => {
    const book = new Book();
    book.run([settings]);
    expect(book.names.BuyIn_Anchor_settings).toBe("'Settings'!$A$1");
    const grid = book.grid("Settings");
    grid.values.unshift(["My title"]);
    grid.formulas.unshift([null]);
    book.names.BuyIn_Anchor_settings = "'Settings'!$A$2";
    const resolved = book.run([settings]);
    expect(grid.get(1, 1)).toBe("My title");
    expect(grid.get(2, 1)).toBe("Settings");
    expect(grid.get(3, 2)).toBe(5);
    expect(grid.get(4, 2)).toBe("=(1+B3)/2");
    expect(book.names.Top).toBe("'Settings'!$B$3");
    expect(resolved.reports[0]?.editsKept).toBe(0);
  });

  it("a growing block leaves a cell holding the user's data as a hole, and names it", () => {
    const book = new Book();
    book.run([settings]);
    book.grid("Settings").set(4, 2, "my note");
    const grown: SheetPlan = {
      ...settings,
      blocks: [...(settings.blocks ?? []), { at: "B4", values: [["added"], ["row"]], role: "note" }],
    };
    const resolved = book.run([grown]);
    expect(book.grid("Settings").get(4, 2)).toBe("my note");
    expect(book.grid("Settings").get(5, 2)).toBe("row");
    expect(resolved.reports[0]?.conflicts).toEqual([
      expect.objectContaining({ sheet: "Settings", cell: "B4" }),
    ]);
    expect(resolved.sheets[0]?.marker.held).toEqual(["B4"]);
  });
});

describe("shiftFormula", () => {
  it.each([
    ["=(1+B5)/2", 1, 0, "=(1+B6)/2"],
    ['=INDEX($E$5:$E$9,2)&"B5"', 2, 1, '=INDEX($F$7:$F$11,2)&"B5"'],
    ["=LOG10(A1)+BuyIn_A1+'Other'!A1", 1, 0, "=LOG10(A2)+BuyIn_A1+'Other'!A1"],
  ])("%s moved %i rows and %i columns is %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});

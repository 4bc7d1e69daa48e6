import { describe, expect, it } from "vitest";
import { resolveSheet, resolveTarget, type SheetPlan, type TableRow } from "../../../core/index";
import { Grid } from "./grid";

function register(rows: TableRow[]): SheetPlan {
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
  };
}

const alice = { key: "S1", values: { name: "Alice", score: 3 } };
const bob = { key: "S2", values: { name: "Bob", score: 4 } };
const carol = { key: "S3", values: { name: '=HYPERLINK("http://x","y")', score: 5 } };

function run(grid: Grid, plan: SheetPlan, exists: boolean) {
  const target = resolveTarget(plan, {
    sheets: exists ? [{ name: "People", marker: { kind: "people" } }] : [],
  });
  const resolved = resolveSheet(plan, target, exists ? grid.state() : undefined);
  grid.apply(resolved);
  return resolved;
}

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

describe("resolveSheet", () => {
  it("writes header, rows, live formulas, escaped text and a hidden state column", () => {
    const grid = new Grid();
    const resolved = run(grid, register([alice, bob, carol]), false);
    expect(grid.values[0]?.slice(0, 5)).toEqual(["ID", "Name", "Score", "Double", "BuyIn state"]);
    expect(grid.get(2, 4)).toBe("=C2*2");
    expect(grid.get(4, 2)).toBe('=HYPERLINK("http://x","y")');
    expect(grid.formulas[3]?.[1]).toBeNull();
    const nameWrite = resolved.writes.find((write) => write.column === 2 && write.row === 2);
    expect(nameWrite?.cells[2]?.[0]).toBe('\'=HYPERLINK("http://x","y")');
    expect(resolved.names).toEqual([{ name: "People_Names", reference: "'People'!$B$2:$B$4" }]);
    expect(resolved.formats.some((format) => format.range === "E1:E4" && format.hidden)).toBe(true);
    expect(resolved.report).toMatchObject({ created: true, rowsAdded: 3, rowsUpdated: 0 });
  });

  it("on a second run keeps the user's edited cell and added column, updates the rest, adds new rows", () => {
    const grid = new Grid();
    run(grid, register([alice, bob]), false);
    grid.set(2, 3, 5); // the user changes Alice's score in the sheet
    grid.set(1, 6, "Notes"); // and adds a column of their own
    grid.set(3, 6, "call in May");
    const resolved = run(
      grid,
      register([{ key: "S1", values: { name: "Alice B.", score: 3 } }, bob, carol]),
      true,
    );
    expect(grid.get(2, 2)).toBe("Alice B.");
    expect(grid.get(2, 3)).toBe(5);
    expect(grid.get(3, 6)).toBe("call in May");
    expect(grid.get(4, 1)).toBe("S3");
    expect(grid.get(4, 4)).toBe("=C4*2");
    expect(resolved.report).toMatchObject({ rowsAdded: 1, rowsUpdated: 2, editsKept: 1 });
    // Untouched on a third run with the same plan: the edit stays, nothing else changes.
    const again = run(
      grid,
      register([{ key: "S1", values: { name: "Alice B.", score: 3 } }, bob, carol]),
      true,
    );
    expect(grid.get(2, 3)).toBe(5);
    expect(again.report.editsKept).toBe(1);
  });

  it("retires rows no longer planned, unless they hold the user's own data", () => {
    const grid = new Grid();
    run(grid, register([alice, bob, carol]), false);
    grid.set(1, 6, "Notes");
    grid.set(3, 6, "keep me");
    const resolved = run(grid, register([alice]), true);
    expect(resolved.deleteRows).toEqual([{ start: 4, count: 1 }]);
    expect(resolved.report.rowsRetired).toBe(1);
    expect(resolved.report.messages.join(" ")).toMatch(/Kept row 3 \(S2\)/);
    expect(grid.values.length).toBe(3);
    expect(grid.get(3, 1)).toBe("S2");
  });

  it("puts columns back by header when the user inserted one in the middle", () => {
    const grid = new Grid();
    run(grid, register([alice]), false);
    for (const row of [grid.values, grid.formulas]) for (const cells of row) cells.splice(2, 0, null);
    grid.set(1, 3, "Team");
    grid.set(2, 3, "Ops");
    run(grid, register([{ key: "S1", values: { name: "Alice", score: 4 } }]), true);
    expect(grid.get(2, 3)).toBe("Ops");
    expect(grid.get(2, 4)).toBe(4);
    expect(grid.get(2, 5)).toBe("=D2*2");
  });
});

import { describe, expect, it } from "vitest";
import { resolveTarget, type SheetPlan, type TableRow } from "../../../core/index";

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

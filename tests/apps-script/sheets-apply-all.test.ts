/**
 * SheetsWorkbook.applyAll against the Apps Script fake: one lock for the whole stakeholder write,
 * service calls that do not grow with rows, holes left as the host has them, the state sheet
 * hidden, names removed, sheet ids read, retirements; and the user actions the fake replays
 * between two writes (insert, delete, sort range, duplicate, paste values).
 */
import { describe, expect, it, vi } from "vitest";
import { MARKER_KEY, SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  REGISTER_KIND,
  type ResolvedWorkbook,
  resolveAll,
  type SheetPlan,
  type Stakeholder,
  stakeholderMap,
} from "../../core/index";
import { generateStakeholders } from "../stakeholder-fixtures";
import {
  duplicateSheet,
  type FakeSheet,
  type FakeSpreadsheet,
  fakeAppsScript,
  mapReferences,
  pasteValues,
  sortRange,
} from "./fake-apps-script";

// resolveAll stays core's own unless a test hands the port a ResolvedWorkbook core does not emit yet.
vi.mock("../../core/plans/port", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../core/plans/port")>();
  return { ...original, resolveAll: vi.fn(original.resolveAll) };
});
const { resolveAll: coreResolveAll } =
  await vi.importActual<typeof import("../../core/plans/port")>("../../core/plans/port");

/** The next applyAll writes core's resolution changed by `change`. */
function resolveThen(change: (resolved: ResolvedWorkbook) => ResolvedWorkbook): void {
  vi.mocked(resolveAll).mockImplementationOnce((plans, snapshot, states, options) =>
    change(coreResolveAll(plans, snapshot, states, options)),
  );
}

function setup() {
  const fake = fakeAppsScript();
  return { ...fake, workbook: new SheetsWorkbook(fake.services) };
}

function sheetNamed(book: FakeSpreadsheet, name: string): FakeSheet {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Service calls of the whole stakeholder write: first run, re-run, re-run retiring every other person. */
function stakeholderWriteCalls(count: number): {
  first: number;
  again: number;
  retiring: number;
  deletes: number;
} {
  const { log, workbook } = setup();
  const people = generateStakeholders(count);
  workbook.applyAll(stakeholderMap(people));
  const first = log.calls;
  log.reset();
  workbook.applyAll(stakeholderMap(people));
  const again = log.calls;
  log.reset();
  workbook.applyAll(stakeholderMap(people.filter((_, index) => index % 2 === 0)));
  return { first, again, retiring: log.calls, deletes: log.byMethod.get("Sheet.deleteRows") ?? 0 };
}

describe("SheetsWorkbook.applyAll", () => {
  it("writes settings, register and map under one lock, read once and flushed once", () => {
    const { book, log, workbook } = setup();
    const reports = workbook.applyAll(stakeholderMap(generateStakeholders(12)));
    expect(reports.map((report) => report.sheet)).toEqual([
      "BuyIn Settings",
      "Stakeholders",
      "Stakeholder Map",
    ]);
    for (const method of [
      "LockService.getDocumentLock",
      "Lock.waitLock",
      "SpreadsheetApp.flush",
      "Lock.releaseLock",
    ])
      expect(log.byMethod.get(method)).toBe(1);
    expect(log.sequence.slice(0, 3)).toEqual([
      "LockService.getDocumentLock",
      "Lock.waitLock",
      "Spreadsheet.getSheets",
    ]);
    expect(log.sequence.slice(-2)).toEqual(["SpreadsheetApp.flush", "Lock.releaseLock"]);
    expect(sheetNamed(book, "Stakeholders").show(2, 1)).toBe("S-0001");

    log.reset();
    workbook.applyAll(stakeholderMap(generateStakeholders(12)));
    // The workbook is read once: each sheet's contents with one getValues and one getFormulas,
    // BuyIn's state sheet (text BuyIn wrote, no formulas) with one getValues.
    expect(log.byMethod.get("Spreadsheet.getSheets")).toBe(1);
    expect(log.byMethod.get("Range.getValues")).toBe(4);
    expect(log.byMethod.get("Range.getFormulas")).toBe(3);
  });

  it("makes the same number of service calls for 10 people as for 10,000, first run and re-run", () => {
    const small = stakeholderWriteCalls(10);
    const large = stakeholderWriteCalls(2_000);
    console.log(
      `SheetsWorkbook.applyAll, stakeholder write — 10 people: first ${small.first}, re-run ${small.again}; ` +
        `2,000 people: first ${large.first}, re-run ${large.again}, re-run retiring every other person ${large.retiring} (${large.deletes} deleteRows)`,
    );
    expect(large.first).toBe(small.first);
    expect(large.again).toBe(small.again);
    // Retiring every other row is compacted by core (compactRetiredRows): one tail deletion a sheet.
    expect(large.deletes).toBe(small.deletes);
    expect(large.retiring).toBe(small.retiring);
  });

  it("counts its service calls for the stakeholder write at 10 people (the bench measures 10,000)", () => {
    // Every method called on a service object is one call (the fake counts them all). The first
    // run's floor is SpreadsheetApp's one call per name (21 setNamedRange), per run of equal
    // column widths (23 setColumnWidths, 5 of them the map's, so its names are not cut off), per
    // validation builder step, per chart builder step.
    expect(stakeholderWriteCalls(10)).toEqual({ first: 124, again: 44, retiring: 84, deletes: 1 });
  });

  it("re-writes the same stakeholders with reads only: no cell, format, name, chart or marker set", () => {
    const { log, workbook } = setup();
    const people = generateStakeholders(10);
    workbook.applyAll(stakeholderMap(people));
    log.reset();
    workbook.applyAll(stakeholderMap(people));
    const writes = [...log.byMethod.keys()].filter((method) =>
      /\.(set|insert|delete|remove|add|update|clear|hide|show|modify)/.test(method),
    );
    expect(writes).toEqual([]);
    expect(log.calls).toBeLessThanOrEqual(60);
  });

  it("lists every name again when one was deleted or added since its last write, and puts BuyIn's back", () => {
    const { book, log, workbook } = setup();
    const people = generateStakeholders(5);
    workbook.applyAll(stakeholderMap(people));
    book.namedRange("BuyIn_Map_Power")?.remove();
    log.reset();
    workbook.applyAll(stakeholderMap(people));
    expect(log.byMethod.get("NamedRange.getName")).toBe(20);
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E6");
    // A name of the user's: listed again, left alone.
    book.setNamedRange("Mine", sheetNamed(book, "Stakeholders").getRange(2, 2, 1, 1));
    log.reset();
    workbook.applyAll(stakeholderMap(people));
    expect(log.byMethod.get("NamedRange.getName")).toBe(22);
    expect(book.namedRange("Mine")?.getRange().getA1Notation()).toBe("B2");
    // Nothing changed since: the record says which names exist.
    log.reset();
    workbook.applyAll(stakeholderMap(people));
    expect(log.byMethod.get("NamedRange.getName")).toBeUndefined();
  });

  it("retires every other row of 10,000 with one deleteRows call (issue 8, case 12)", () => {
    const { book, log, workbook } = setup();
    const people = generateStakeholders(10_000);
    workbook.applyAll(stakeholderMap(people));
    const kept = people.filter((_, index) => index % 2 === 0);
    log.reset();
    const [, report] = workbook.applyAll(stakeholderMap(kept));
    // Core rewrites BuyIn's rows packed and deletes the tail once, since nothing of the user's is below.
    expect(log.byMethod.get("Sheet.deleteRows")).toBe(1);
    expect(report).toMatchObject({ rowsRetired: kept.length });
    const register = sheetNamed(book, "Stakeholders");
    expect(register.getDataRange().rows).toBe(1 + kept.length);
    expect(register.show(2, 1)).toBe(kept[0]?.id);
    expect(register.show(1 + kept.length, 1)).toBe(kept[kept.length - 1]?.id);
  });

  it("hands core each sheet's id, and hides the sheet core marks hidden", () => {
    const { book, workbook } = setup();
    workbook.applyAll(stakeholderMap(generateStakeholders(3)));
    const snapshots: { name: string; id?: string }[][] = [];
    resolveThen((resolved) => ({
      ...resolved,
      sheets: resolved.sheets.map((sheet, index) => (index === 0 ? { ...sheet, hidden: true } : sheet)),
    }));
    vi.mocked(resolveAll).mock.calls.length = 0;
    workbook.applyAll(stakeholderMap(generateStakeholders(3)));
    for (const [, snapshot] of vi.mocked(resolveAll).mock.calls)
      snapshots.push(snapshot.sheets.map(({ name, id }) => ({ name, id })));
    expect(snapshots[0]).toEqual(book.sheets.map((sheet) => ({ name: sheet.name, id: String(sheet.id) })));
    expect(new Set(book.sheets.map((sheet) => sheet.id)).size).toBe(4);
    // The first sheet as the mock asked, and BuyIn's state sheet, last, as core always asks.
    expect(book.sheets.map((sheet) => sheet.hidden)).toEqual([true, false, false, true]);
    expect(book.sheets[3]?.name).toBe("BuyIn state");
  });

  it("removes the names core retires, and only those that exist", () => {
    const { book, workbook } = setup();
    workbook.applyAll(stakeholderMap(generateStakeholders(3)));
    expect(book.namedRange("BuyIn_Map_Power")).toBeDefined();
    resolveThen((resolved) => ({ ...resolved, removeNames: ["BuyIn_Map_Power", "BuyIn_NeverCreated"] }));
    workbook.applyAll(stakeholderMap(generateStakeholders(3)).filter((plan) => plan.kind !== REGISTER_KIND));
    expect(book.namedRange("BuyIn_Map_Power")).toBeUndefined();
    expect(book.namedRange("BuyIn_Map_Threshold")).toBeDefined();
  });
});

describe("SheetsWorkbook.applyAll and holes", () => {
  /** Core's writes, for the next applyAll, with these cells of the register turned into holes. */
  function holesAt(...cells: [row: number, column: number][]) {
    resolveThen((resolved) => ({
      ...resolved,
      sheets: resolved.sheets.map((sheet) => ({
        ...sheet,
        writes: sheet.writes.map((write) => {
          if (sheet.target.name !== "Stakeholders") return write;
          const isHole = (r: number, c: number) =>
            cells.some(([row, column]) => row === write.row + r && column === write.column + c);
          return {
            ...write,
            cells: write.cells.map((row, r) => row.map((cell, c) => (isHole(r, c) ? null : cell))),
          };
        }),
      })),
    }));
  }

  it("leaves a hole as the host has it after retired rows above it were deleted", () => {
    const { book, workbook } = setup();
    const people = generateStakeholders(4);
    workbook.applyAll(stakeholderMap(people));
    const register = sheetNamed(book, "Stakeholders");
    // The user's own formula in S-0004's Priority (R5), reading S-0004's own row.
    register.type(5, 18, "=E5*10");
    // S-0002 (row 3) retires; the kept cell is a hole at its new place, row 4.
    holesAt([4, 18]);
    workbook.applyAll(stakeholderMap(people.filter((person) => person.id !== "S-0002")));
    expect(register.show(4, 1)).toBe("S-0004");
    // Sheets moved the formula up with its row and adjusted it; the write left it so.
    expect(register.show(4, 18)).toBe("=E4*10");
    expect(register.show(3, 18)).toMatch(/^=IF\(COUNT\(E3,F3,G3\)/);
  });

  it("writes back a hole's text, number and date exactly as they are", () => {
    const { book, workbook } = setup();
    const people = generateStakeholders(3);
    workbook.applyAll(stakeholderMap(people));
    const register = sheetNamed(book, "Stakeholders");
    register.type(2, 12, "'0012"); // text that looks like a number
    register.type(3, 12, "'=not a formula");
    const date = new Date(2024, 2, 5);
    register.type(4, 12, date);
    holesAt([2, 12], [3, 12], [4, 12]);
    const before = [2, 3, 4].map((row) => register.peek(row, 12)?.value);
    workbook.applyAll(stakeholderMap(people));
    expect([2, 3, 4].map((row) => register.peek(row, 12)?.value)).toEqual(before);
    expect(register.peek(2, 12)).toMatchObject({ value: "0012", formula: null });
    expect(register.peek(4, 12)?.value).toEqual(date);
  });

  it("reads a rectangle with holes once, whatever its size, once rows have moved", () => {
    const { book, log, workbook } = setup();
    const people = generateStakeholders(2_000);
    workbook.applyAll(stakeholderMap(people));
    const register = sheetNamed(book, "Stakeholders");
    register.type(1_500, 12, "mine");
    register.type(20, 12, "also mine");
    // S-0001 retires: its row is deleted, so what was read has moved; the rest are rewritten.
    const changed = people.slice(1).map((person) => ({ ...person, owner: "Someone else" }));
    holesAt([1_499, 12], [19, 12]);
    log.reset();
    workbook.applyAll(stakeholderMap(changed));
    // One getValues for each of the four sheets' reads and one getFormulas for three (not the
    // state sheet's), plus one of each for the register's rectangle with holes.
    expect(log.byMethod.get("Range.getFormulas")).toBe(4);
    expect(log.byMethod.get("Range.getValues")).toBe(5);
    expect(register.show(1_499, 12)).toBe("mine");
    expect(register.show(19, 12)).toBe("also mine");
  });

  it("fills holes from what it read while no rows have moved, with no read of its own", () => {
    const { book, log, workbook } = setup();
    const people = generateStakeholders(50);
    workbook.applyAll(stakeholderMap(people));
    const register = sheetNamed(book, "Stakeholders");
    register.type(30, 12, "mine");
    holesAt([30, 12]);
    log.reset();
    workbook.applyAll(stakeholderMap(people.map((person) => ({ ...person, owner: "Someone else" }))));
    expect(log.byMethod.get("Range.getValues")).toBe(4);
    expect(register.show(30, 12)).toBe("mine");
    expect(register.show(31, 14)).toBe("Someone else");
  });
});

describe("the Apps Script fake replays what users do between writes", () => {
  function book() {
    const { book } = fakeAppsScript();
    const data = book.insertSheet("Data");
    const summary = book.insertSheet("Sum'mary");
    for (let row = 1; row <= 6; row++) data.type(row, 1, row * 10);
    data.type(1, 2, "=A1*2");
    data.type(6, 2, "=SUM(A2:A5)");
    summary.type(1, 1, "=Data!A3+'Data'!$A$5");
    summary.type(2, 1, '=SUM(Data!A1:A6)&"A3"');
    summary.type(3, 1, "=S1_Power+LOG10(Data!A4)");
    book.setNamedRange("Block", data.getRange(3, 1, 2, 1));
    book.setNamedRange("Cell", data.getRange(5, 1, 1, 1));
    return { book, data, summary };
  }

  it("shifts references in every sheet and named ranges when rows are inserted (Sheets help: references adjust)", () => {
    const { book: workbook, data, summary } = book();
    data.insertRowsBefore(4, 2); // inside Block (A3:A4) and above Cell (A5)
    expect(summary.show(1, 1)).toBe("=Data!A3+'Data'!$A$7");
    expect(summary.show(2, 1)).toBe('=SUM(Data!A1:A8)&"A3"');
    expect(summary.show(3, 1)).toBe("=S1_Power+LOG10(Data!A6)");
    expect(data.show(8, 2)).toBe("=SUM(A2:A7)");
    expect(workbook.namedRange("Block")?.getRange().getA1Notation()).toBe("A3:A6");
    expect(workbook.namedRange("Cell")?.getRange().getA1Notation()).toBe("A7");
  });

  it("turns references to deleted cells into #REF! and shrinks ranges", () => {
    const { book: workbook, data, summary } = book();
    data.deleteRows(3, 1);
    expect(summary.show(1, 1)).toBe("=#REF!+'Data'!$A$4");
    expect(summary.show(2, 1)).toBe('=SUM(Data!A1:A5)&"A3"');
    expect(data.show(5, 2)).toBe("=SUM(A2:A4)");
    expect(workbook.namedRange("Block")?.getRange().getA1Notation()).toBe("A3");
    data.deleteRows(3, 1);
    expect(() => workbook.namedRange("Block")?.getRange()).toThrow(/#REF!/);
  });

  it("shifts column references when columns are inserted or deleted", () => {
    const { data, summary } = book();
    data.insertColumnsBefore(1, 1);
    expect(summary.show(1, 1)).toBe("=Data!B3+'Data'!$B$5");
    expect(data.show(1, 3)).toBe("=B1*2");
    data.deleteColumns(2, 1);
    expect(summary.show(1, 1)).toBe("=#REF!+#REF!");
  });

  it("leaves names and text that only look like references alone", () => {
    expect(mapReferences('=BuyIn_Power+"B2"+S1_Power+LOG10(B2)', () => "#REF!")).toBe(
      '=BuyIn_Power+"B2"+S1_Power+LOG10(#REF!)',
    );
  });

  it("sorts a range without the columns left out of it, formulas keeping to their rows", () => {
    const { book } = fakeAppsScript();
    const sheet = book.insertSheet("Sort");
    const rows: [string, number, string][] = [
      ["c", 3, "third"],
      ["a", 1, "first"],
      ["b", 2, "second"],
    ];
    for (const [index, [key, score, note]] of rows.entries()) {
      sheet.type(index + 2, 1, key);
      sheet.type(index + 2, 2, score);
      sheet.type(index + 2, 3, `=B${index + 2}*2`);
      sheet.type(index + 2, 4, note);
    }
    sortRange(sheet, "A2:C4", 2); // column D is left out
    expect([2, 3, 4].map((row) => sheet.show(row, 1))).toEqual(["a", "b", "c"]);
    expect([2, 3, 4].map((row) => sheet.show(row, 3))).toEqual(["=B2*2", "=B3*2", "=B4*2"]);
    expect([2, 3, 4].map((row) => sheet.show(row, 4))).toEqual(["third", "first", "second"]);
  });

  it("duplicates a sheet with its marker, under a new id and name", () => {
    const { book, workbook } = setup();
    workbook.applyAll(stakeholderMap(generateStakeholders(3)));
    const register = sheetNamed(book, "Stakeholders");
    const copy = duplicateSheet(book, register);
    expect(copy.name).toBe("Copy of Stakeholders");
    expect(copy.id).not.toBe(register.id);
    expect(copy.metadata.map((entry) => [entry.key, entry.value])).toEqual(
      register.metadata.map((entry) => [entry.key, entry.value]),
    );
    expect(copy.show(2, 1)).toBe("S-0001");
    copy.type(2, 2, "changed in the copy");
    expect(register.show(2, 2)).toBe("Person 1");
  });

  it("pastes values over formulas", () => {
    const { book } = fakeAppsScript();
    const sheet = book.insertSheet("Values");
    sheet.type(1, 1, "=2*3");
    pasteValues(sheet, 1, 1, [[6]]);
    expect(sheet.peek(1, 1)).toMatchObject({ value: 6, formula: null });
  });
});

describe("SheetsWorkbook after user actions the engine handles today", () => {
  it("writes a duplicated register's rows to the original, and leaves the copy as the user has it", () => {
    const { book, workbook } = setup();
    const people: Stakeholder[] = generateStakeholders(3);
    workbook.applyAll(stakeholderMap(people));
    const register = sheetNamed(book, "Stakeholders");
    const copy = duplicateSheet(book, register);
    copy.type(2, 2, "the copy's own");
    const report = workbook.applyAll(stakeholderMap(generateStakeholders(4)))[1];
    expect(report).toMatchObject({ sheet: "Stakeholders", rowsAdded: 1 });
    expect(register.show(5, 1)).toBe("S-0004");
    expect(copy.show(5, 1)).toBeNull();
    expect(copy.show(2, 2)).toBe("the copy's own");
    expect(JSON.parse(copy.metadata.find((entry) => entry.key === MARKER_KEY)?.value ?? "")).toMatchObject({
      kind: REGISTER_KIND,
    });
  });

  it("keeps a register the user added rows to in the middle (the host shifted BuyIn's formulas)", () => {
    const { book, workbook } = setup();
    const plans: SheetPlan[] = stakeholderMap(generateStakeholders(3));
    workbook.applyAll(plans);
    const register = sheetNamed(book, "Stakeholders");
    register.insertRowsBefore(3, 1);
    expect(register.show(4, 18)).toMatch(/COUNT\(E4,F4,G4\)/);
    expect(book.namedRange("BuyIn_Map_Power")?.getRange().getA1Notation()).toBe("E2:E5");
  });
});

/**
 * Issue 8's cases 1–11 on MemoryWorkbook: what users do between two writes (delete, insert and
 * sort rows, rename a header, delete the state sheet, paste values, duplicate a sheet, lose the
 * markers), then BuyIn writes again. Each case asserts that nothing typed was lost or duplicated,
 * that BuyIn's computed cells equal the stakeholder kernels (core/stakeholders) for the row's
 * inputs as they now stand in the sheet, and that what BuyIn could not reconcile is in the report.
 */
import { describe, expect, it } from "vitest";
import {
  type ApplyReport,
  type Cell,
  CHAMPION_THRESHOLD,
  cadence,
  championScore,
  engagementGap,
  priority,
  quadrant,
  type SheetPlan,
  STAKEHOLDER_INPUTS,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  stakeholderMap,
  type TableSnapshot,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { cellTheMapGrowsInto, generateStakeholders } from "../stakeholder-fixtures";

const REGISTER = "Stakeholders";
const SETTINGS = "BuyIn Settings";
const MAP = "Stakeholder Map";
const OUTPUTS = {
  quadrant: "Quadrant",
  priority: "Priority",
  engagementGap: "Engagement gap",
  cadence: "Cadence",
  championScore: "Champion score",
  champion: "Champion",
} as const;
type OutputId = keyof typeof OUTPUTS;

type Inputs = Pick<
  Stakeholder,
  "power" | "interest" | "influence" | "currentEngagement" | "desiredEngagement"
>;

/** The kernels' value of every computed column for a row's inputs: blank where a kernel needs a blank input. */
function kernels(row: Partial<Record<keyof Inputs, Cell>>): Record<OutputId, Cell> {
  const { power, interest, influence, currentEngagement: current, desiredEngagement: desired } = row;
  const has = (...values: (Cell | undefined)[]) =>
    values.every((value) => value !== null && value !== undefined && value !== "");
  const q = has(power, interest) ? quadrant(power as number, interest as number) : "";
  const champion = has(interest, influence, current)
    ? championScore(interest as number, influence as number, current as string)
    : "";
  return {
    quadrant: q,
    priority: has(power, interest, influence)
      ? priority([power as number, interest as number, influence as number])
      : "",
    engagementGap: has(current, desired) ? engagementGap(current as string, desired as string) : "",
    cadence: q ? cadence(q) : "",
    championScore: champion,
    champion: champion !== "" && champion >= CHAMPION_THRESHOLD ? "Champion" : "",
  };
}

/** The three stakeholder plans, the register's rows carrying the kernels' values (TableRow.expected). */
function plans(people: readonly Stakeholder[]): SheetPlan[] {
  const [settings, register, map] = stakeholderMap(people) as [SheetPlan, SheetPlan, SheetPlan];
  const table = register.table as NonNullable<SheetPlan["table"]>;
  const byKey = new Map(people.map((person) => [person.id, person]));
  const rows = table.rows.map((row) => ({ ...row, expected: kernels(byKey.get(row.key) as Stakeholder) }));
  return [settings, { ...register, table: { ...table, rows } }, map];
}

async function write(workbook: MemoryWorkbook, people: readonly Stakeholder[]): Promise<ApplyReport[]> {
  return workbook.applyAll(plans(people));
}

function same(actual: Cell, expected: Cell, where: string): void {
  if (typeof expected === "number") expect(actual, where).toBeCloseTo(expected, 9);
  else expect(actual ?? "", where).toBe(expected ?? "");
}

/**
 * The register as it now stands: one row per person (no key lost or repeated), every input as
 * typed (the person's own, or `edits` by key and header), and every computed cell equal to the
 * kernels for that row's inputs, but for the cells in `kept` ("key|header"), which hold the
 * user's own and are checked by the case.
 */
async function expectRegister(
  workbook: MemoryWorkbook,
  people: readonly Stakeholder[],
  edits: Record<string, Record<string, Cell>> = {},
  kept: readonly string[] = [],
): Promise<void> {
  const table = await workbook.readTable("stakeholders");
  if (!table) throw new Error("no register");
  const column = (header: string) => {
    const index = table.header.indexOf(header);
    expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const keyed = table.rows.filter((row) => row.values[column("ID")] !== null);
  const keys = keyed.map((row) => row.values[column("ID")]);
  expect(new Set(keys).size, "no key repeated").toBe(keys.length);
  expect([...keys].sort()).toEqual(people.map((person) => person.id).sort());
  for (const row of keyed) {
    const key = row.values[column("ID")] as string;
    const person = people.find((candidate) => candidate.id === key) as Stakeholder;
    const inputs: Record<string, Cell> = {};
    for (const input of STAKEHOLDER_INPUTS) {
      const typed =
        edits[key]?.[input.header] ?? (person[input.id as keyof Stakeholder] as Cell | undefined) ?? "";
      const value = row.values[column(input.header)] ?? "";
      same(value, typed === null ? "" : typed, `${key} ${input.header}`);
      inputs[input.id] = value;
    }
    const expected = kernels(inputs);
    for (const [id, header] of Object.entries(OUTPUTS)) {
      if (kept.includes(`${key}|${header}`)) continue;
      same(row.values[column(header)] ?? "", expected[id as OutputId], `${key} ${header} (row ${row.row})`);
    }
  }
}

/** Where a person's row is now. */
async function rowOf(workbook: MemoryWorkbook, key: string): Promise<number> {
  const table = await workbook.readTable("stakeholders");
  const found = table?.rows.find((row) => row.values[0] === key);
  if (!found) throw new Error(`no row for ${key}`);
  return found.row;
}

function conflictsOf(reports: readonly ApplyReport[]) {
  return reports.flatMap((report) => report.conflicts);
}

/** The names listed in a map list column from a row, until the first blank. */
function listed(workbook: MemoryWorkbook, column: string, first: number, count: number): Cell[] {
  return Array.from({ length: count }, (_, k) => workbook.value(MAP, `${column}${first + k}`)).filter(
    (value) => value !== "" && value !== null,
  );
}

describe("issue 8: nothing lost under real use (MemoryWorkbook)", () => {
  const people = generateStakeholders(8);

  it("case 1: a formula typed in a computed cell stays the user's, adjusted by the host, when retired rows above it go", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    // S-0006 (row 7): the user's own Priority formula over its own row; S-0003 keeps a note.
    workbook.setCell(REGISTER, "R7", "=E7*10");
    workbook.setCell(REGISTER, "W1", "Notes");
    workbook.setCell(REGISTER, "W4", "call back");
    const remaining = people.filter((person) => !["S-0002", "S-0003"].includes(person.id));
    const reports = await write(workbook, remaining);

    // S-0002 went; S-0003 stays for the note (reported), its BuyIn formulas read its own row.
    expect(reports[1]).toMatchObject({ rowsRetired: 1, editsKept: 1 });
    const row = await rowOf(workbook, "S-0006");
    expect(row).toBe(6);
    expect(workbook.formula(REGISTER, `R${row}`)).toBe(`=E${row}*10`);
    expect(workbook.value(REGISTER, `R${row}`)).toBe((people[5]?.power as number) * 10);
    const kept = await rowOf(workbook, "S-0003");
    expect(workbook.value(REGISTER, `W${kept}`)).toBe("call back");
    expect(workbook.formula(REGISTER, `Q${kept}`)).toContain(`E${kept}`);
    const conflicts = conflictsOf(reports);
    expect(conflicts).toContainEqual(
      expect.objectContaining({ key: "S-0006", column: "Priority", cell: `R${row}` }),
    );
    expect(conflicts).toContainEqual(expect.objectContaining({ key: "S-0003" }));
    await expectRegister(workbook, [...remaining, people[2] as Stakeholder], {}, ["S-0006|Priority"]);
  });

  it("case 2: a title row inserted above the settings stays, and the named assumptions follow", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.insertRows(SETTINGS, 1);
    workbook.setCell(SETTINGS, "A1", "Our programme's assumptions");
    workbook.setCell(SETTINGS, "B7", 4); // the threshold, changed by the user after the shift
    const reports = await write(workbook, people);
    expect(workbook.value(SETTINGS, "A1")).toBe("Our programme's assumptions");
    expect(workbook.value(SETTINGS, "A2")).toBe("BuyIn settings");
    expect(workbook.namedRange("BuyIn_Map_ScaleMax")).toMatch(/\$B\$6$/);
    expect(workbook.value(SETTINGS, "B6")).toBe(5);
    expect(workbook.value(SETTINGS, "B7")).toBe(4);
    expect(reports[0]?.editsKept).toBe(1);
    expect(reports[0]?.messages.join(" ")).not.toMatch(/settings you changed.*[2-9]/);
    // Every quadrant follows the user's threshold of 4; the champion flags are still there.
    const table = await workbook.readTable("stakeholders");
    for (const row of table?.rows ?? []) {
      const [power, interest] = [row.values[4] as number, row.values[5] as number];
      expect(row.values[16]).toBe(quadrant(power, interest, { threshold: 4 }));
    }
    expect(table?.rows.some((row) => row.values[21] === "Champion")).toBe(true);
  });

  it("case 3: a map list growing into a note of the user's leaves the note and says so", async () => {
    const workbook = new MemoryWorkbook();
    const few = people.slice(0, 3);
    await write(workbook, few);
    // Below the 3-person map, where 6 people's longer lists go.
    const note = cellTheMapGrowsInto(few, people.slice(0, 6));
    workbook.setCell(MAP, note, "ask Dana about the sponsor");
    const reports = await write(workbook, people.slice(0, 6));
    expect(workbook.value(MAP, note)).toBe("ask Dana about the sponsor");
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ sheet: MAP, cell: note }));
    // Again: still the user's, still reported.
    const again = await write(workbook, people.slice(0, 6));
    expect(workbook.value(MAP, note)).toBe("ask Dana about the sponsor");
    expect(conflictsOf(again)).toContainEqual(expect.objectContaining({ sheet: MAP, cell: note }));
    await expectRegister(workbook, people.slice(0, 6));
  });

  it("case 4: with the state sheet deleted, the user's edits in the sheet are kept and reported, not overwritten", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.setCell(REGISTER, "E3", 5); // S-0002's power
    workbook.deleteSheet("BuyIn state");
    const reports = await write(workbook, people);
    expect(workbook.value(REGISTER, "E3")).toBe(5);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ key: "S-0002", column: "Power" }));
    expect(workbook.sheetNames()).toContain("BuyIn state");
    await expectRegister(workbook, people, { "S-0002": { Power: 5 } });
    // The state is written anew: the next run knows the edit as the user's.
    const next = await write(workbook, people);
    expect(next[1]?.editsKept).toBe(1);
    expect(workbook.value(REGISTER, "E3")).toBe(5);
  });

  it("case 5: rows sorted by a range that leaves columns out keep the user's edit and take the panel's change", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.setCell(REGISTER, "F4", 1); // S-0003's interest, edited in the sheet
    // Sheets' "Sort range" over the inputs only, by name descending via the group column.
    workbook.sortRows(REGISTER, 2, 9, "D", ["A", "P"]);
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Person 1 (renamed in the panel)" } : person,
    );
    const reports = await write(workbook, changed);
    expect(reports[1]?.editsKept).toBe(1);
    expect(reports[1]?.conflicts).toEqual([]);
    await expectRegister(workbook, changed, { "S-0003": { Interest: 1 } });
  });

  it("case 6: a renamed header is found by its contents: no empty column added, quadrants and map intact", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.setCell(REGISTER, "E1", "Power (1-5)");
    const reports = await write(workbook, people);
    const table = await workbook.readTable("stakeholders");
    expect(table?.header.filter((header) => header.startsWith("Power"))).toEqual(["Power (1-5)"]);
    expect(table?.header).toHaveLength(STAKEHOLDER_REGISTER.declaration.columns.length);
    expect(reports[1]?.messages.join(" ")).toMatch(/Power column under your header "Power \(1-5\)"/);
    // The panel reads columns by id: the renamed header still reads as power.
    expect(table?.ids?.[table.header.indexOf("Power (1-5)")]).toBe("power");
    const parsed = STAKEHOLDER_REGISTER.parse(
      { header: STAKEHOLDER_REGISTER.headerOf(table as TableSnapshot), rows: table?.rows ?? [] },
      {},
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((record) => record.power)).toEqual(people.map((person) => person.power));
    const named = generateStakeholders(8).filter(
      (person) => quadrant(person.power, person.interest) === "Manage closely",
    );
    // The "Manage closely" list from C5, its people first, then the band's spare rows blank.
    expect(listed(workbook, "C", 5, named.length + 1)).toEqual(named.map((person) => person.name));
    for (const row of table?.rows ?? [])
      expect(row.values[16]).toBe(quadrant(row.values[4] as number, row.values[5] as number));
  });

  it("case 7: a deleted header row is inserted again, not the register written beside itself", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.deleteRows(REGISTER, 1);
    const reports = await write(workbook, people);
    expect(workbook.value(REGISTER, "A1")).toBe("ID");
    expect(workbook.value(REGISTER, "A2")).toBe("S-0001");
    expect(workbook.contents(REGISTER)[0]).toHaveLength(STAKEHOLDER_REGISTER.declaration.columns.length);
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 8 });
    await expectRegister(workbook, people);
  });

  it("case 8: a blank row inserted at row 2 and typed into is adopted, not duplicated; the map lists everyone", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.insertRows(REGISTER, 2);
    const newcomer: Stakeholder = {
      ...(generateStakeholders(9)[8] as Stakeholder),
      caresAbout: "",
      concerns: "",
    };
    STAKEHOLDER_INPUTS.forEach((input, index) => {
      const value = newcomer[input.id as keyof Stakeholder];
      if (input.role !== "key" && value !== undefined && value !== "")
        workbook.setCell(REGISTER, `${String.fromCharCode(65 + index)}2`, value as string | number);
    });
    // The panel read the row and gave the person an id.
    const reports = await write(workbook, [...people, newcomer]);
    expect(workbook.value(REGISTER, "A2")).toBe(newcomer.id);
    expect(reports[1]).toMatchObject({ rowsAdded: 0, rowsUpdated: 9 });
    await expectRegister(workbook, [...people, newcomer]);
    const everyone = (await workbook.readTable("stakeholders"))?.rows.length;
    expect(everyone).toBe(9);
    const mapNames = Array.from({ length: 9 }, (_, k) => workbook.value(MAP, `E${5 + k}`));
    expect([...mapNames].sort()).toEqual([...people, newcomer].map((person) => person.name).sort());
  });

  it("case 9: formulas pasted as values, or a computed cell cleared, come back as BuyIn's formulas", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.convertToValues(REGISTER, "R2:R9");
    workbook.setCell(REGISTER, "Q5", "");
    workbook.setCell(REGISTER, "S6", "call first"); // the user's own value: kept, reported
    const changed = people.map((person) => (person.id === "S-0002" ? { ...person, power: 5 } : person));
    const reports = await write(workbook, changed);
    for (let row = 2; row <= 9; row++) expect(workbook.formula(REGISTER, `R${row}`)).toMatch(/^=IF\(COUNT/);
    expect(workbook.formula(REGISTER, "Q5")).toMatch(/^=IF\(OR/);
    expect(workbook.value(REGISTER, "S6")).toBe("call first");
    expect(conflictsOf(reports)).toContainEqual(
      expect.objectContaining({ key: "S-0005", column: "Engagement gap", cell: "S6" }),
    );
    await expectRegister(workbook, changed, {}, ["S-0005|Engagement gap"]);
  });

  it("case 10: lost markers are found again by the anchor names: no new sheets, the same cells", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    const sheets = workbook.sheetNames();
    workbook.setCell(SETTINGS, "B10", 0.5); // the champion threshold, changed by the user
    workbook.forgetMarkers();
    const reports = await write(workbook, people);
    expect(workbook.sheetNames()).toEqual(sheets);
    expect(workbook.value(SETTINGS, "B10")).toBe(0.5);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ sheet: SETTINGS, cell: "B10" }));
    expect(reports.map((report) => report.created)).toEqual([false, false, false]);
    expect(reports[1]?.messages.join(" ")).toMatch(/marker was lost/);
    // Champion flags follow the user's threshold of 0.5, checked below.
    await expectRegister(
      workbook,
      people,
      {},
      people.map((person) => `${person.id}|Champion`),
    );
    const table = await workbook.readTable("stakeholders");
    expect(table?.rows.filter((row) => row.values[21] === "Champion").length).toBe(
      people.filter(
        (person) => championScore(person.interest, person.influence, person.currentEngagement) >= 0.5,
      ).length,
    );
    expect(workbook.hidden("BuyIn state")).toBe(true);
  });

  it("case 11: a duplicated BuyIn sheet carrying the marker is a copy: writes go to the original", async () => {
    const workbook = new MemoryWorkbook();
    await write(workbook, people);
    workbook.duplicateSheet(REGISTER, "Stakeholders copy");
    workbook.setCell("Stakeholders copy", "B2", "My scratch name");
    const copy = workbook.contents("Stakeholders copy");
    const changed = people.map((person) =>
      person.id === "S-0001" ? { ...person, name: "Renamed" } : person,
    );
    const reports = await write(workbook, changed);
    expect(reports[1]?.sheet).toBe(REGISTER);
    expect(workbook.value(REGISTER, "B2")).toBe("Renamed");
    expect(workbook.contents("Stakeholders copy")).toEqual(copy);
    expect(conflictsOf(reports)).toContainEqual(expect.objectContaining({ sheet: "Stakeholders copy" }));
    await expectRegister(workbook, changed);
  });
});

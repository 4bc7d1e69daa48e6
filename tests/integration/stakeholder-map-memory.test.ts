/**
 * The stakeholder map written into MemoryWorkbook, where HyperFormula (a real formula engine)
 * computes the register's native formulas: every computed cell must equal the core kernel's
 * answer for that row, on 200 generated stakeholders with edge scores, and the map sheet must
 * name each person in their quadrant.
 */
import { describe, expect, it } from "vitest";
import {
  type Cell,
  CHAMPION_THRESHOLD,
  cadence,
  championScore,
  columnLetter,
  engagementGap,
  parseCell,
  priority,
  quadrant,
  STAKEHOLDER_INPUTS,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderMapOptions,
  salience,
  stakeholderMap,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { generateStakeholders } from "../stakeholder-fixtures";

const OUTPUTS = [
  "Quadrant",
  "Priority",
  "Engagement gap",
  "Cadence",
  "Champion score",
  "Champion",
  "Salience",
  "Latest sentiment",
  "Open concerns",
];

async function writeMap(people: readonly Stakeholder[], options: StakeholderMapOptions = {}) {
  const workbook = new MemoryWorkbook();
  for (const plan of stakeholderMap(people, options)) await workbook.apply(plan);
  return workbook;
}

/**
 * Where the map plan puts each quadrant's list: the block below the quadrant's heading, its names
 * in the first `shown` rows and "… and N more" in the last.
 */
function mapLists(people: readonly Stakeholder[], options: StakeholderMapOptions = {}) {
  const blocks = stakeholderMap(people, options)[2]?.blocks ?? [];
  return Object.fromEntries(
    ["Keep satisfied", "Manage closely", "Monitor", "Keep informed"].map((name) => {
      const heading = parseCell(blocks.find((block) => block.values[0]?.[0] === name)?.at as string);
      const list = blocks.find((block) => {
        const at = parseCell(block.at);
        return at.column === heading.column && at.row === heading.row + 1;
      });
      const shown = (list?.values.length as number) - 1;
      return [name, { column: columnLetter(heading.column), first: heading.row + 1, shown }];
    }),
  );
}

/** What the plan says each computed cell should show (the kit's kernels), against what HyperFormula shows. */
function expectKernelValues(workbook: MemoryWorkbook, record: Record<string, unknown>, row: number) {
  const expected = STAKEHOLDER_REGISTER.expected(record as Stakeholder, {});
  expect(Object.keys(expected)).toHaveLength(OUTPUTS.length);
  STAKEHOLDER_REGISTER.outputs.forEach((column) => {
    const shown = workbook.value("Stakeholders", `${outputColumn(column.header)}${row}`);
    const wanted = expected[column.id];
    if (typeof wanted === "number") expect(shown, `${column.header} row ${row}`).toBeCloseTo(wanted, 12);
    else expect(shown, `${column.header} row ${row}`).toBe(wanted);
  });
}

function outputColumn(header: string): string {
  return columnLetter(STAKEHOLDER_INPUTS.length + OUTPUTS.indexOf(header) + 1);
}

describe("the stakeholder map computed by HyperFormula", () => {
  const people = generateStakeholders(200);

  it("agrees with the kernels on every computed cell of 200 stakeholders", async () => {
    const workbook = await writeMap(people);
    people.forEach((person, index) => {
      const row = index + 2;
      const cell = (header: string) => workbook.value("Stakeholders", `${outputColumn(header)}${row}`);
      const expectedQuadrant = quadrant(person.power, person.interest);
      expect(cell("Quadrant")).toBe(expectedQuadrant);
      expect(cell("Priority")).toBeCloseTo(priority([person.power, person.interest, person.influence]), 12);
      expect(cell("Engagement gap")).toBe(engagementGap(person.currentEngagement, person.desiredEngagement));
      expect(cell("Cadence")).toBe(cadence(expectedQuadrant));
      const champion = championScore(person.interest, person.influence, person.currentEngagement);
      expect(cell("Champion score")).toBeCloseTo(champion, 12);
      expect(cell("Champion")).toBe(champion >= CHAMPION_THRESHOLD ? "Champion" : "");
      expect(cell("Salience")).toBe(salience(person.power, person.legitimacy ?? 0, person.urgency ?? 0));
      expectKernelValues(workbook, person, row);
    });
  });

  it("reads blank inputs as the kernels do: blank where a kernel needs the input, never 0 or a partial score", async () => {
    const few = people.slice(0, 64);
    const workbook = await writeMap(few);
    const inputColumn = (field: keyof Stakeholder) =>
      columnLetter(STAKEHOLDER_INPUTS.findIndex((column) => column.id === field) + 1);
    // Row k clears the inputs named by the bits of k: every combination of blanks among each computed
    // column's own inputs. Legitimacy goes with the name's bit and urgency with current engagement's,
    // so Salience (power, legitimacy, urgency) meets all 8 of its combinations in 64 rows.
    const bits: Partial<Record<keyof Stakeholder, number>> = {
      name: 0,
      power: 1,
      interest: 2,
      influence: 3,
      currentEngagement: 4,
      desiredEngagement: 5,
      legitimacy: 0,
      urgency: 4,
    };
    const clearable = Object.keys(bits) as (keyof Stakeholder)[];
    const cleared = few.map((person, index) => {
      const values: Record<string, unknown> = { ...person };
      clearable.forEach((field) => {
        const bit = bits[field] as number;
        if (index & (1 << bit)) {
          workbook.setCell("Stakeholders", `${inputColumn(field)}${index + 2}`, "");
          values[field] = null;
        }
      });
      return values as Record<keyof Stakeholder, never>;
    });
    const present = (...values: unknown[]) => values.every((value) => value !== null);
    const expectNumberOrBlank = (actual: Cell, expected: number | "", row: number) => {
      if (expected === "") expect(actual, `row ${row}`).toBe("");
      else expect(actual, `row ${row}`).toBeCloseTo(expected, 12);
    };
    cleared.forEach((person, index) => {
      const row = index + 2;
      const cell = (header: string) => workbook.value("Stakeholders", `${outputColumn(header)}${row}`);
      const {
        name,
        power,
        interest,
        influence,
        currentEngagement: current,
        desiredEngagement: desired,
        legitimacy,
        urgency,
      } = person;
      const expectedQuadrant = present(power, interest) ? quadrant(power, interest) : "";
      expect(cell("Quadrant"), `row ${row}`).toBe(expectedQuadrant);
      expectNumberOrBlank(
        cell("Priority"),
        present(power, interest, influence) ? priority([power, interest, influence]) : "",
        row,
      );
      expect(cell("Engagement gap"), `row ${row}`).toBe(
        present(current, desired) ? engagementGap(current, desired) : "",
      );
      expect(cell("Cadence"), `row ${row}`).toBe(expectedQuadrant ? cadence(expectedQuadrant) : "");
      const champion = present(interest, influence, current)
        ? championScore(interest, influence, current)
        : "";
      expectNumberOrBlank(cell("Champion score"), champion, row);
      expect(cell("Champion"), `row ${row}`).toBe(
        champion !== "" && champion >= CHAMPION_THRESHOLD ? "Champion" : "",
      );
      expect(cell("Salience"), `row ${row}`).toBe(
        present(power, legitimacy, urgency) ? salience(power, legitimacy, urgency) : "",
      );
      expectKernelValues(workbook, person, row);
      // The map's per-person data: a name is text ("" when blank, never the 0 INDEX shows in Excel
      // and LibreOffice); a person off the map (no name, or a blank score) has #N/A scores, which
      // charts leave out, never a point at 0.
      const mapRow = 5 + index;
      const onMap = name !== null && expectedQuadrant !== "";
      expect(workbook.value("Stakeholder Map", `E${mapRow}`), `map row ${mapRow}`).toBe(name ?? "");
      expect(workbook.value("Stakeholder Map", `F${mapRow}`), `map row ${mapRow}`).toBe(
        onMap ? interest : "#N/A",
      );
      expect(workbook.value("Stakeholder Map", `G${mapRow}`), `map row ${mapRow}`).toBe(
        onMap ? power : "#N/A",
      );
    });
    // The 2×2 lists (each band as tall as its fuller quadrant when written, then "… and N more")
    // hold the named people with a quadrant, in register order.
    const inQuadrant = (wanted: string) =>
      cleared
        .filter((person) => person.name !== null && present(person.power, person.interest))
        .filter((person) => quadrant(person.power, person.interest) === wanted)
        .map((person) => person.name);
    for (const [name, { column, first, shown }] of Object.entries(mapLists(few))) {
      const listed = Array.from({ length: shown }, (_, k) =>
        workbook.value("Stakeholder Map", `${column}${first + k}`),
      ).filter((value) => value !== "" && value !== null);
      const everyone = inQuadrant(name);
      expect(listed, name).toEqual(everyone.slice(0, shown));
      expect(workbook.value("Stakeholder Map", `${column}${first + shown}`), name).toBe(
        everyone.length > shown ? `… and ${everyone.length - shown} more` : "",
      );
    }
  });

  it("lists each person in their quadrant on the map, and moves them when a score changes", async () => {
    const few = people.slice(0, 8);
    const workbook = await writeMap(few);
    const lists = mapLists(few);
    const listed = (name: string) => {
      const { column, first, shown } = lists[name] as { column: string; first: number; shown: number };
      return Array.from({ length: shown }, (_, k) =>
        workbook.value("Stakeholder Map", `${column}${first + k}`),
      ).filter((value) => value !== "" && value !== null);
    };
    for (const name of ["Manage closely", "Keep satisfied", "Keep informed", "Monitor"]) {
      expect(listed(name)).toEqual(
        few.filter((person) => quadrant(person.power, person.interest) === name).map((person) => person.name),
      );
    }
    // A reviewer raises the first person's power and interest to 5: they move to "Manage closely".
    workbook.setCell("Stakeholders", "E2", "5");
    workbook.setCell("Stakeholders", "F2", "5");
    expect(listed("Manage closely")).toContain(few[0]?.name);
  });

  it("takes its own formulas back as unedited on a second run, whatever the engine tidied", async () => {
    const workbook = await writeMap(people.slice(0, 30));
    const reports = [];
    for (const plan of stakeholderMap(people.slice(0, 30))) reports.push(await workbook.apply(plan));
    expect(reports.map((report) => report.editsKept)).toEqual([0, 0, 0]);
    expect(reports.map((report) => report.messages)).toEqual([[], [], []]);
  });

  it("follows a changed assumption: a higher threshold sends people down the grid", async () => {
    const workbook = await writeMap(people.slice(0, 40));
    workbook.setCell("BuyIn Settings", "B6", "5");
    for (let row = 2; row <= 41; row++) {
      const power = workbook.value("Stakeholders", `E${row}`) as number;
      const interest = workbook.value("Stakeholders", `F${row}`) as number;
      expect(workbook.value("Stakeholders", `${outputColumn("Quadrant")}${row}`)).toBe(
        quadrant(power, interest, { threshold: 5 }),
      );
    }
  });
});

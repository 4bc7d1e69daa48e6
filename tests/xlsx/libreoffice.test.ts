/**
 * The toolkit file in a real, independent engine: the stakeholder map written by XlsxWorkbook is
 * opened in LibreOffice Calc, recalculated on load (tests/xlsx/libreoffice.ts) and saved again, and
 * every computed cell LibreOffice gives must equal the core kernels' value (the register's output
 * columns, the map's per-person rows and its four quadrant lists). A changed assumption in the
 * file moves the outputs as the kernels say, and names that look like formulas, numbers, errors or
 * dates stay text.
 */
import { beforeAll, expect, it } from "vitest";
import {
  type Cell,
  cadence,
  championScore,
  engagementGap,
  priority,
  QUADRANTS,
  quadrant,
  SAMPLE_CONCERNS,
  SAMPLE_FEEDBACK_LOG,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderMapOptions,
  salience,
  stakeholderMap,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import { toolkitPlans } from "../../xlsx/toolkit-file";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { HOSTILE_TEXT } from "./hostile";
import { describeWithLibreOffice, recalculateInLibreOffice } from "./libreoffice";

const REGISTER = "Stakeholders";
const MAP = "Stakeholder Map";
const THRESHOLD_NAME = STAKEHOLDER_REGISTER.name("Threshold");
/** The toolkit's Stakeholders sheet reads the sample's concerns and feedback log by name. */
const SAMPLE_LOGS: StakeholderMapOptions = { concerns: SAMPLE_CONCERNS, feedback: SAMPLE_FEEDBACK_LOG };

/** The sample with the hostile texts as names, so they reach the register and the map's lists. */
const HOSTILE_PEOPLE: Stakeholder[] = HOSTILE_TEXT.map((name, index) => ({
  ...(SAMPLE_STAKEHOLDERS[index % SAMPLE_STAKEHOLDERS.length] as Stakeholder),
  id: `S-${String(index + 1).padStart(3, "0")}`,
  name,
}));

async function written(people: readonly Stakeholder[]): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await book.applyAll(stakeholderMap(people));
  return book;
}

/** The column of each header in row 1 of the register, as LibreOffice saved it. */
function columnsByHeader(book: XlsxWorkbook): Map<string, number> {
  const [header = []] = book.grid(REGISTER);
  return new Map(header.map((cell, index) => [String(cell), index]));
}

/** Each output cell against the register kit's kernels and, independently, the kernels themselves. */
function expectRegisterToMatchKernels(
  book: XlsxWorkbook,
  people: readonly Stakeholder[],
  options: StakeholderMapOptions,
) {
  const columns = columnsByHeader(book);
  const grid = book.grid(REGISTER);
  people.forEach((person, index) => {
    const row = grid[index + 1] ?? [];
    const shown = (header: string): Cell => row[columns.get(header) as number] ?? "";
    const expected = STAKEHOLDER_REGISTER.expected(person, options);
    for (const column of STAKEHOLDER_REGISTER.outputs) {
      const wanted = expected[column.id];
      if (typeof wanted === "number")
        expect(shown(column.header), `${column.header} of ${person.id}`).toBeCloseTo(wanted, 12);
      else expect(shown(column.header), `${column.header} of ${person.id}`).toBe(wanted);
    }
    const scale = { scaleMax: 5, ...(options.threshold ? { threshold: options.threshold } : {}) };
    const place = quadrant(person.power, person.interest, scale);
    expect(shown("Quadrant")).toBe(place);
    expect(shown("Priority")).toBeCloseTo(priority([person.power, person.interest, person.influence]), 12);
    expect(shown("Engagement gap")).toBe(engagementGap(person.currentEngagement, person.desiredEngagement));
    expect(shown("Cadence")).toBe(cadence(place));
    expect(shown("Champion score")).toBeCloseTo(
      championScore(person.interest, person.influence, person.currentEngagement),
      12,
    );
    expect(shown("Salience")).toBe(
      salience(person.power, person.legitimacy ?? 0, person.urgency ?? 0, scale),
    );
  });
}

/** The names under a quadrant's heading on the map, down to the first blank. */
function listUnder(book: XlsxWorkbook, heading: string): Cell[] {
  const grid = book.grid(MAP);
  const row = grid.findIndex((line) => line.slice(1, 3).includes(heading));
  const column = (grid[row] as Cell[]).indexOf(heading);
  const names: Cell[] = [];
  for (let r = row + 1; r < grid.length && grid[r]?.[column]; r++) names.push(grid[r]?.[column] as Cell);
  return names;
}

function expectMapToMatchKernels(book: XlsxWorkbook, people: readonly Stakeholder[], threshold?: number) {
  const place = (person: Stakeholder) =>
    quadrant(person.power, person.interest, threshold ? { scaleMax: 5, threshold } : undefined);
  for (const each of QUADRANTS)
    expect(listUnder(book, each), each).toEqual(
      people.filter((person) => place(person) === each).map((person) => person.name),
    );
  // The per-person rows from E5: name, interest, power, quadrant, and the running count of each quadrant.
  const grid = book.grid(MAP);
  const counts = new Map<string, number>(QUADRANTS.map((each) => [each, 0]));
  people.forEach((person, index) => {
    const row = grid[4 + index] ?? [];
    counts.set(place(person), (counts.get(place(person)) as number) + 1);
    expect(row.slice(4, 8), person.id).toEqual([person.name, person.interest, person.power, place(person)]);
    const header = grid[3] ?? [];
    for (const each of QUADRANTS)
      expect(row[header.indexOf(`${each} #`)], `${each} # at ${person.id}`).toBe(counts.get(each));
  });
}

describeWithLibreOffice("the toolkit file recalculated by LibreOffice Calc", () => {
  let sample: XlsxWorkbook;
  let raised: XlsxWorkbook;
  let hostile: XlsxWorkbook;

  beforeAll(async () => {
    const original = XlsxWorkbook.empty();
    await original.applyAll(toolkitPlans(SAMPLE_STAKEHOLDERS));
    // A reviewer raises the high-score threshold from the scale's midpoint (3) to 4, in the file.
    const edited = await XlsxWorkbook.fromBuffer(await original.toBuffer());
    const [thresholdCell] = edited.namedRanges(THRESHOLD_NAME);
    const [sheet, a1] = (thresholdCell as string).split("!") as [string, string];
    edited.setCell(sheet.replace(/^'|'$/g, ""), a1.replaceAll("$", ""), 4);
    const files = [original, edited, await written(HOSTILE_PEOPLE)];
    const saved = recalculateInLibreOffice(await Promise.all(files.map((book) => book.toBuffer())));
    const reopened = await Promise.all(saved.map((bytes) => XlsxWorkbook.fromBuffer(bytes)));
    [sample, raised, hostile] = reopened as [XlsxWorkbook, XlsxWorkbook, XlsxWorkbook];
  }, 180_000);

  it("computes every formula cell of every toolkit sheet as HyperFormula does (MemoryWorkbook, the same plans)", async () => {
    const memory = new MemoryWorkbook();
    await memory.applyAll(toolkitPlans(SAMPLE_STAKEHOLDERS));
    let compared = 0;
    for (const sheet of memory.sheetNames()) {
      const contents = memory.contents(sheet);
      const computed = memory.displayGrid(sheet);
      const inLibreOffice = sample.grid(sheet);
      for (const [r, row] of contents.entries())
        for (const [c, content] of row.entries()) {
          if (typeof content !== "string" || !content.startsWith("=")) continue;
          const wanted = computed[r]?.[c] ?? null;
          const shown = inLibreOffice[r]?.[c] ?? null;
          const where = `${sheet}!R${r + 1}C${c + 1} ${content}`;
          if (typeof wanted === "number") {
            // Relative: the business case's sums run to 1e4 and more, summed in another order.
            // T.DIST.2T: HyperFormula's is good to about 1e-8 (tests/integration/assessment-memory).
            const tolerance = content.includes("T.DIST") ? 1e-8 : 1e-12 * Math.max(1, Math.abs(wanted));
            expect(typeof shown, `${where} shows ${JSON.stringify(shown)}`).toBe("number");
            expect(Math.abs((shown as number) - wanted), where).toBeLessThanOrEqual(tolerance);
          } else expect(shown === "" ? null : shown, where).toBe(wanted === "" ? null : wanted);
          compared++;
        }
    }
    // The register's 15 × 7 outputs, the map's 15 × 8 per-person cells and 4 × 16 list cells, the settings.
    expect(compared).toBeGreaterThan(15 * 7 + 15 * 8 + 4 * 16);
  });

  it("computes every register output of the sample to the kernels' values", () => {
    expectRegisterToMatchKernels(sample, SAMPLE_STAKEHOLDERS, SAMPLE_LOGS);
    // Grace Kim (S-007) scores as a champion, but her open high-severity concern keeps the flag off.
    const columns = columnsByHeader(sample);
    const grace = sample.grid(REGISTER)[7] ?? [];
    expect(grace[0]).toBe("S-007");
    expect(grace[columns.get("Champion score") as number]).toBeGreaterThanOrEqual(0.75);
    expect(grace[columns.get("Champion") as number] ?? "").toBe("");
    expect(grace[columns.get("Open concerns") as number]).toBe(1);
  });

  it("computes every computed column of every register in the toolkit to the kernels' values", () => {
    // Each table plan carries its rows' kernel values (TableRow.expected, from each register's
    // declared kernels): the business case's registers, the KPIs, the evaluation and playbook ones.
    let compared = 0;
    for (const plan of toolkitPlans(SAMPLE_STAKEHOLDERS)) {
      if (!plan.table) continue;
      const [header = [], ...rows] = sample.grid(plan.title);
      const byKey = new Map(rows.map((row) => [String(row[0]), row]));
      for (const planRow of plan.table.rows)
        for (const [id, expected] of Object.entries(planRow.expected ?? {})) {
          const column = plan.table.columns.find((each) => each.id === id);
          const shown = byKey.get(planRow.key)?.[header.indexOf(column?.header ?? "")] ?? null;
          const where = `${plan.title} ${planRow.key} ${column?.header}`;
          if (typeof expected === "number")
            expect(Math.abs((shown as number) - expected), where).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(expected)),
            );
          else expect(shown === null ? "" : shown, where).toBe(expected);
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(15 * 7 + 5 * 4);
  });

  it("lists every person of the sample in the quadrant the kernels give, in order, with running counts", () => {
    expectMapToMatchKernels(sample, SAMPLE_STAKEHOLDERS);
  });

  it("moves the outputs as the kernels say when the threshold is raised to 4 in the file", () => {
    expectRegisterToMatchKernels(raised, SAMPLE_STAKEHOLDERS, { ...SAMPLE_LOGS, threshold: 4 });
    expectMapToMatchKernels(raised, SAMPLE_STAKEHOLDERS, 4);
    // The change moved people: Hannah Lindqvist (power 4, interest 3) leaves "Manage closely".
    expect(listUnder(sample, "Manage closely")).toContain("Hannah Lindqvist");
    expect(listUnder(raised, "Manage closely")).not.toContain("Hannah Lindqvist");
  });

  it("keeps every hostile name as text, never a formula, in the register and on the map", () => {
    const grid = hostile.grid(REGISTER);
    const nameColumn = columnsByHeader(hostile).get("Name") as number;
    HOSTILE_TEXT.forEach((text, index) => {
      expect(grid[index + 1]?.[nameColumn], text).toBe(text);
      expect(hostile.formula(REGISTER, `B${index + 2}`), text).toBeUndefined();
    });
    expectRegisterToMatchKernels(hostile, HOSTILE_PEOPLE, {});
    expectMapToMatchKernels(hostile, HOSTILE_PEOPLE);
  });
});

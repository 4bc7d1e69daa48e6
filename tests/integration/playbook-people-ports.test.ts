/**
 * The feedback and meetings logs, the champions and the recognition log, with the Stakeholders
 * sheet's columns that read the logs, through the two host ports (Excel over the office.js model,
 * Sheets over the Apps Script fake): every sheet is written; the cross-sheet formulas read the
 * other sheets through workbook names that point at those sheets' columns; text that looks like a
 * formula stays text; a second run keeps what the user typed; no formula calls BUYIN.
 * MemoryWorkbook, the third port, computes the same plans in playbook-people-memory.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../addin/excel-workbook";
import { SheetsWorkbook } from "../../apps-script/sheets-workbook";
import {
  CHAMPIONS,
  championPlans,
  concernPlans,
  FEEDBACK_LOG,
  feedbackLogPlans,
  MEETINGS,
  meetingPlans,
  parseCell,
  RECOGNITION_LOG,
  recognitionPlans,
  SAMPLE_CHAMPIONS,
  SAMPLE_CONCERNS,
  SAMPLE_FEEDBACK_LOG,
  SAMPLE_MEETINGS,
  SAMPLE_RECOGNITION,
  type SheetPlan,
  STAKEHOLDER_REGISTER,
  type StakeholderFeedback,
  stakeholderMap,
  type TableSnapshot,
} from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";
import type { WorkbookPort } from "../../ui/workbook-port";
import { ExcelModel } from "../addin/excel-model";
import { fakeAppsScript } from "../apps-script/fake-apps-script";

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1-555", "-5", "@user", "=1+1", "#N/A", "March 2024"];
const TODAY = 46356;

/** The sample's logs, with hostile text in what the first stakeholders said. */
const FEEDBACK: StakeholderFeedback[] = SAMPLE_FEEDBACK_LOG.map((entry, index) => ({
  ...entry,
  said: HOSTILE[index] ?? entry.said,
}));

function plans(): SheetPlan[] {
  const options = { concerns: SAMPLE_CONCERNS, feedback: FEEDBACK };
  return [
    ...stakeholderMap(SAMPLE_STAKEHOLDERS, options),
    ...concernPlans(SAMPLE_CONCERNS, { today: TODAY }),
    ...feedbackLogPlans(FEEDBACK),
    ...meetingPlans(SAMPLE_MEETINGS),
    ...championPlans(SAMPLE_CHAMPIONS, {
      today: TODAY,
      stakeholders: SAMPLE_STAKEHOLDERS,
      stakeholderOptions: options,
      recognitions: SAMPLE_RECOGNITION,
    }),
    ...recognitionPlans(SAMPLE_RECOGNITION),
  ];
}

/** What a test needs of a host: its port, typing, what a cell holds, and where a name points. */
interface Host {
  readonly port: Pick<WorkbookPort, "applyAll" | "readTable">;
  type(sheet: string, a1: string, input: string | number): void;
  /** The cell's formula, else its value. */
  shown(sheet: string, a1: string): unknown;
  isFormula(sheet: string, a1: string): boolean;
  /** The sheet a workbook name points at, undefined when there is no such name. */
  nameSheet(name: string): string | undefined;
  formulas(): string[];
}

function excelHost(): Host {
  const model = new ExcelModel();
  const cell = (sheet: string, a1: string) => {
    const { row, column } = parseCell(a1);
    return model.sheet(sheet).cells[row - 1]?.[column - 1];
  };
  return {
    port: new ExcelWorkbook(model.run),
    type: (sheet, a1, input) => model.sheet(sheet).type(a1, input),
    shown: (sheet, a1) => model.sheet(sheet).get(a1),
    isFormula: (sheet, a1) => Boolean(cell(sheet, a1)?.formula),
    nameSheet(name) {
      const formula = model.names.get(name.toLowerCase())?.formula;
      return formula?.match(/^=?'?(.*?)'?!/)?.[1]?.replaceAll("''", "'");
    },
    formulas: () =>
      model.sheets.flatMap((sheet) =>
        sheet.cells.flat().flatMap((each) => (each?.formula ? [each.formula] : [])),
      ),
  };
}

function sheetsHost(): Host {
  const fake = fakeAppsScript();
  const workbook = new SheetsWorkbook(fake.services);
  const sheet = (name: string) => {
    const found = fake.book.sheets.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const peek = (name: string, a1: string) => {
    const { row, column } = parseCell(a1);
    return sheet(name).peek(row, column);
  };
  return {
    port: {
      applyAll: async (all) => workbook.applyAll(all),
      readTable: async (kind) => workbook.readTable(kind),
    },
    type(name, a1, input) {
      const { row, column } = parseCell(a1);
      sheet(name).type(row, column, input);
    },
    shown: (name, a1) => peek(name, a1)?.formula ?? peek(name, a1)?.value ?? null,
    isFormula: (name, a1) => Boolean(peek(name, a1)?.formula),
    nameSheet: (name) => fake.book.namedRange(name)?.range?.sheet.name,
    formulas: () =>
      fake.book.sheets.flatMap((each) =>
        each.grid.flat().flatMap((cell) => (cell?.formula ? [cell.formula] : [])),
      ),
  };
}

/** A register's table, read back through the port and parsed with the register's own parser. */
async function readBack<R>(
  host: Host,
  register: {
    declaration: { kind: string };
    headerOf(table: TableSnapshot): string[];
    parse(rows: never, options: never): { records: R[]; problems: unknown[] };
  },
) {
  const table = (await host.port.readTable(register.declaration.kind)) as TableSnapshot;
  return register.parse({ header: register.headerOf(table), rows: table.rows } as never, {} as never);
}

describe.each([
  ["Excel (office.js model)", excelHost],
  ["Sheets (Apps Script fake)", sheetsHost],
] as const)("the people side of the playbook through %s", (_host, makeHost) => {
  it("writes every sheet, and the Stakeholders sheet reads the logs through names on their sheets", async () => {
    const host = makeHost();
    const all = plans();
    const reports = await host.port.applyAll(all);
    expect(reports.map((report) => report.sheet)).toEqual(all.map((plan) => plan.title));
    for (const [name, sheet] of [
      [FEEDBACK_LOG.name("Stakeholders"), "Stakeholder Feedback"],
      [FEEDBACK_LOG.name("Dates"), "Stakeholder Feedback"],
      [FEEDBACK_LOG.name("Sentiments"), "Stakeholder Feedback"],
      ["BuyIn_Concern_Stakeholders", "Concerns"],
      ["BuyIn_Concern_Severities", "Concerns"],
      ["BuyIn_Concern_Statuses", "Concerns"],
      [STAKEHOLDER_REGISTER.name("Ids"), "Stakeholders"],
      [STAKEHOLDER_REGISTER.name("ChampionScores"), "Stakeholders"],
      [STAKEHOLDER_REGISTER.name("Champions"), "Stakeholders"],
      [RECOGNITION_LOG.name("RecognisedIds"), "Recognition"],
      [RECOGNITION_LOG.name("RecognisedDates"), "Recognition"],
    ] as const)
      expect(host.nameSheet(name), name).toBe(sheet);
    // Row 2 is S-001: every cross-sheet formula goes through the names, never a sheet's name.
    const formulas = ["Latest sentiment", "Open concerns", "Champion"].map((header) => {
      const column = String.fromCharCode(
        65 + STAKEHOLDER_REGISTER.declaration.columns.findIndex((each) => each.header === header),
      );
      expect(host.isFormula("Stakeholders", `${column}2`), header).toBe(true);
      return String(host.shown("Stakeholders", `${column}2`));
    });
    expect(formulas.join()).toContain(FEEDBACK_LOG.name("Sentiments"));
    expect(formulas.join()).toContain("BuyIn_Concern_Severities");
    for (const formula of [...formulas, String(host.shown("Champions", "C2"))])
      expect(formula).not.toMatch(/!/);
  });

  it("keeps text that looks like a formula as text, and reads every register back as written", async () => {
    const host = makeHost();
    await host.port.applyAll(plans());
    HOSTILE.forEach((text, index) => {
      expect(host.isFormula("Stakeholder Feedback", `D${index + 2}`), text).toBe(false);
    });
    const log = await readBack(host, FEEDBACK_LOG);
    expect(log.problems).toEqual([]);
    expect(log.records).toEqual(FEEDBACK);
    expect((await readBack(host, MEETINGS)).records).toEqual(SAMPLE_MEETINGS);
    expect((await readBack(host, CHAMPIONS)).records).toEqual(SAMPLE_CHAMPIONS);
    expect((await readBack(host, RECOGNITION_LOG)).records).toEqual(SAMPLE_RECOGNITION);
  });

  it("keeps what the user typed on a second run", async () => {
    const host = makeHost();
    await host.port.applyAll(plans());
    // Meetings column G is the follow-ups, Champions column J the activity, Recognition E by whom.
    host.type("Meetings", "G2", "Minutes sent");
    host.type("Champions", "J3", "Spoke at the depot managers' day");
    host.type("Recognition", "E2", "The CEO");
    host.type("Stakeholder Feedback", "G3", "Done");
    await host.port.applyAll(plans());
    expect(host.shown("Meetings", "G2")).toBe("Minutes sent");
    expect(host.shown("Champions", "J3")).toBe("Spoke at the depot managers' day");
    expect(host.shown("Recognition", "E2")).toBe("The CEO");
    expect(host.shown("Stakeholder Feedback", "G3")).toBe("Done");
    expect((await readBack(host, MEETINGS)).records[0]?.followUps).toBe("Minutes sent");
  });

  it("writes only native formulas: no BUYIN. call for a reviewer without the add-in", async () => {
    const host = makeHost();
    await host.port.applyAll(plans());
    const formulas = host.formulas();
    expect(formulas.length).toBeGreaterThan(100);
    for (const formula of formulas) expect(formula).not.toMatch(/BUYIN[._][A-Z]+\s*\(/i);
  });
});

/**
 * The stakeholder report through MemoryWorkbook: a first report is issued, the KPIs move, a second
 * report is read back, merged and written. The first report's cells stay exactly as they were,
 * the second is added below with each measure's change since the group's previous report, and a
 * note typed into an issued line stays.
 */
import { describe, expect, it } from "vitest";
import {
  isoDateToSerial,
  type Kpi,
  REPORT_REGISTER,
  type ReportRequest,
  reportPlans,
} from "../../core/index";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const kpis = (completion: number[], timeToCompetence: number[]): Kpi[] => [
  {
    id: "K-001",
    kpi: "Completion",
    target: 0.9,
    direction: "up",
    ...Object.fromEntries(completion.map((value, index) => [`actual${index + 1}`, value])),
  },
  {
    id: "K-002",
    kpi: "Time to competence (days)",
    target: 30,
    direction: "down",
    ...Object.fromEntries(timeToCompetence.map((value, index) => [`actual${index + 1}`, value])),
  },
];
const audiences = [
  { id: "A-001", group: "Finance", kpis: "K-001, K-002" },
  { id: "A-002", group: "Line managers", kpis: "K-002" },
];
const story = (id: string, iso: string, title: string, convinces: string) => ({
  id,
  date: isoDateToSerial(iso) as number,
  title,
  convinces,
  status: "Approved" as const,
});
const audit = story(
  "ST-001",
  "2026-09-12",
  "The pilot cohort closed its first audit two weeks early.",
  "Finance",
);
const coaching = story(
  "ST-002",
  "2026-11-20",
  "Two managers now coach new starters themselves.",
  "Line managers",
);

async function issued(workbook: MemoryWorkbook) {
  const table = await workbook.readTable("report");
  if (!table) throw new Error("no Report sheet");
  const parsed = REPORT_REGISTER.parse({ header: REPORT_REGISTER.headerOf(table), rows: table.rows }, {});
  expect(parsed.problems).toEqual([]);
  return parsed.records;
}

describe("the stakeholder report", () => {
  it("adds a dated report below the first and leaves the first exactly as it was", async () => {
    const workbook = new MemoryWorkbook();
    const first: ReportRequest = {
      date: isoDateToSerial("2026-09-30") as number,
      kpis: kpis([0.62, 0.71], [45, 41]),
      audiences,
      stories: [audit],
      issued: [],
    };
    await workbook.applyAll(reportPlans(first));
    const before = workbook.contents("Report");
    expect(before).toHaveLength(4);
    // A reader adds a note to an issued line's story.
    workbook.setCell("Report", "I3", "Shared at the September board.");
    const annotated = workbook.contents("Report");

    const second: ReportRequest = {
      ...first,
      date: isoDateToSerial("2026-12-31") as number,
      kpis: kpis([0.62, 0.71, 0.86], [45, 41, 33]),
      stories: [audit, coaching],
      issued: await issued(workbook),
    };
    await workbook.applyAll(reportPlans(second));
    const after = workbook.contents("Report");
    expect(after.slice(0, 4)).toEqual(annotated);
    expect(after).toHaveLength(7);
    const [, ...lines] = workbook.displayGrid("Report");
    const added = lines.slice(3).map((line) => [line[2], line[3], line[5], line[6], line[7]]);
    expect(added[0]?.slice(0, 4)).toEqual(["Finance", "K-001", "At risk", 0.86]);
    expect(added[0]?.[4] as number).toBeCloseTo(0.86 - 0.71, 12);
    expect(added[1]).toEqual(["Finance", "K-002", "At risk", 33, 33 - 41]);
    expect(added[2]).toEqual(["Line managers", "K-002", "At risk", 33, 33 - 41]);
    // Each story is told once: Finance heard the audit story in September, Line managers hear theirs now.
    expect(lines.map((line) => line[8] ?? "")).toEqual([
      audit.title,
      "Shared at the September board.",
      "",
      "",
      "",
      coaching.title,
    ]);

    // Run again the same day: nothing is issued twice, nothing changes.
    await workbook.applyAll(reportPlans({ ...second, issued: await issued(workbook) }));
    expect(workbook.contents("Report")).toEqual(after);
  });
});

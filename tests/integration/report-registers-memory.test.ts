/**
 * The Success Stories and Report Audiences registers through MemoryWorkbook: written, edited in the
 * sheet, written again and read back from one declaration each; a KPI id the tracker lacks is a
 * problem of its cell; and the stakeholder report takes each group's measures and stories from them,
 * leaving the reports issued as they were.
 */
import { describe, expect, it } from "vitest";
import {
  isoDateToSerial,
  measuresOf,
  REGISTER_KIND,
  REPORT_AUDIENCES,
  type ReportAudience,
  type ReportRegisterOptions,
  reportAudiencePlans,
  reportLines,
  SAMPLE_KPIS,
  SAMPLE_REPORT_AUDIENCES,
  SAMPLE_SUCCESS_STORIES,
  SUCCESS_STORIES,
  type SuccessStory,
  sampleIssuedReports,
  stakeholderMap,
  storiesFor,
  successStoryPlans,
} from "../../core/index";
import { REPORT_SOURCE_KINDS, reportSources } from "../../ui/panel/kpi-model";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

const tracked: ReportRegisterOptions = { kpiIds: SAMPLE_KPIS.map((kpi) => kpi.id) };
const date = (iso: string) => isoDateToSerial(iso) as number;

async function readBack<R>(
  workbook: MemoryWorkbook,
  register: typeof SUCCESS_STORIES | typeof REPORT_AUDIENCES,
  options: ReportRegisterOptions,
) {
  const table = await workbook.readTable(register.declaration.kind);
  if (!table) throw new Error(`no ${register.declaration.title} sheet`);
  return register.parse({ header: register.headerOf(table), rows: table.rows }, options) as unknown as {
    records: R[];
    problems: { row: number; column: string; message: string }[];
  };
}

describe("the success stories and report audiences registers", () => {
  it("round-trip the sample, keep an edit made in the sheet on a second write, and keep text as text", async () => {
    const hostile: SuccessStory = {
      id: "ST-009",
      date: date("2026-11-30"),
      title: '=HYPERLINK("http://example.com","Click")',
      happened: "+44 20 7946 0000 rang to say thanks",
      convinces: "@Finance",
      status: "Draft",
    };
    const stories = [...SAMPLE_SUCCESS_STORIES, hostile];
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([...successStoryPlans(stories), ...reportAudiencePlans(SAMPLE_REPORT_AUDIENCES)]);
    // A reader records where a story was shared, and sends the Finance report to one more person.
    const storyHeader = workbook.displayGrid("Success Stories")[0] ?? [];
    const sharedIn = String.fromCharCode(65 + storyHeader.indexOf("Shared in"));
    workbook.setCell("Success Stories", `${sharedIn}3`, "Finance committee, 2026-09-15");
    workbook.setCell("Report Audiences", "D3", "S-006, S-014");
    await workbook.applyAll([...successStoryPlans(stories), ...reportAudiencePlans(SAMPLE_REPORT_AUDIENCES)]);

    const readStories = await readBack<SuccessStory>(workbook, SUCCESS_STORIES, tracked);
    expect(readStories.problems).toEqual([]);
    expect(readStories.records).toEqual(
      stories.map((story) =>
        story.id === "ST-002" ? { ...story, sharedIn: "Finance committee, 2026-09-15" } : story,
      ),
    );
    const readAudiences = await readBack<ReportAudience>(workbook, REPORT_AUDIENCES, tracked);
    expect(readAudiences.problems).toEqual([]);
    expect(readAudiences.records[1]).toEqual({ ...SAMPLE_REPORT_AUDIENCES[1], recipients: "S-006, S-014" });
    // Text from users stays text: no formula, no number.
    const titleColumn = String.fromCharCode(65 + storyHeader.indexOf("Story"));
    expect(workbook.value("Success Stories", `${titleColumn}${stories.length + 1}`)).toBe(hostile.title);
    expect(workbook.contents("Success Stories").flat()).not.toContain(7946);
  });

  it("makes a KPI id the tracker lacks a problem of its cell, and checks only the ids' form without the tracker", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([
      ...successStoryPlans(SAMPLE_SUCCESS_STORIES),
      ...reportAudiencePlans(SAMPLE_REPORT_AUDIENCES),
    ]);
    workbook.setCell("Report Audiences", "C2", "K-004, K-099; K-005");
    workbook.setCell("Report Audiences", "C3", "K-004 K-005");
    workbook.setCell("Report Audiences", "C4", "K-004, K-004");
    const storyHeader = workbook.displayGrid("Success Stories")[0] ?? [];
    const evidence = String.fromCharCode(65 + storyHeader.indexOf("Evidence KPI"));
    workbook.setCell("Success Stories", `${evidence}2`, "K-042");

    expect((await readBack(workbook, REPORT_AUDIENCES, tracked)).problems).toEqual([
      { row: 2, column: "Measures", message: "must be KPIs of the tracker, not K-099" },
      { row: 3, column: "Measures", message: 'must be KPI ids separated by commas, not "K-004 K-005"' },
      { row: 4, column: "Measures", message: "must name each KPI once, not K-004 twice" },
    ]);
    expect((await readBack(workbook, SUCCESS_STORIES, tracked)).problems).toEqual([
      { row: 2, column: "Evidence KPI", message: "must be a KPI of the tracker, not K-042" },
    ]);
    // Without the tracker's ids (an editor that has not read it), only the form is checked.
    expect((await readBack(workbook, REPORT_AUDIENCES, {})).problems.map((problem) => problem.row)).toEqual([
      3, 4,
    ]);
    expect((await readBack(workbook, SUCCESS_STORIES, {})).problems).toEqual([]);
  });

  it("gives the panel's report the audiences, the stories and each stakeholder's group as the workbook holds them", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll([
      ...stakeholderMap(SAMPLE_STAKEHOLDERS),
      ...successStoryPlans(SAMPLE_SUCCESS_STORIES),
      ...reportAudiencePlans(SAMPLE_REPORT_AUDIENCES),
    ]);
    expect(REPORT_SOURCE_KINDS.stakeholders).toBe(REGISTER_KIND);
    const read = (kind: string) => workbook.readTable(kind);
    const tables = {
      audiences: await read(REPORT_SOURCE_KINDS.audiences),
      stories: await read(REPORT_SOURCE_KINDS.stories),
      stakeholders: await read(REPORT_SOURCE_KINDS.stakeholders),
    };
    const sources = reportSources(tables, SAMPLE_KPIS);
    expect(sources.problems).toEqual([]);
    expect(sources.audiences).toEqual(SAMPLE_REPORT_AUDIENCES);
    expect(sources.stories).toEqual(SAMPLE_SUCCESS_STORIES);
    expect(sources.stakeholders.find((person) => person.id === "S-002")).toEqual({
      id: "S-002",
      group: "Executive",
    });
    // The tracker lost K-001: Finance's audience row now names a KPI it lacks.
    const fewer = reportSources(
      tables,
      SAMPLE_KPIS.filter((kpi) => kpi.id !== "K-001"),
    );
    expect(fewer.problems).toEqual([
      "Report Audiences, row 3: Measures must be KPIs of the tracker, not K-001",
    ]);
  });
});

describe("the report from the registers", () => {
  const groups = SAMPLE_STAKEHOLDERS.map(({ id, group }) => ({ id, group }));

  it("told each story once, to the groups it was aimed at, in the sample's two issued reports", () => {
    const told = sampleIssuedReports()
      .filter((line) => line.story !== undefined)
      .map((line) => `${line.id}: ${line.story}`);
    const [huddles, attrition, award] = SAMPLE_SUCCESS_STORIES;
    expect(told).toEqual([
      `2026-06-30 Operations K-004: ${huddles?.title}`,
      `2026-06-30 Operations K-003: ${huddles?.title}`,
      `2026-09-30 Finance K-004: ${attrition?.title}`,
      `2026-09-30 Finance K-005: ${attrition?.title}`,
      `2026-09-30 Finance K-001: ${attrition?.title}`,
      `2026-09-30 Participants K-002: ${award?.title}`,
      `2026-09-30 Participants K-003: ${award?.title}`,
    ]);
  });

  it("tells a group a story aimed at one of its stakeholders, never a draft or a story dated after the report, and leaves the issued lines as they were", () => {
    const issued = sampleIssuedReports();
    const request = {
      date: date("2026-12-31"),
      kpis: SAMPLE_KPIS,
      audiences: SAMPLE_REPORT_AUDIENCES,
      stories: [
        ...SAMPLE_SUCCESS_STORIES,
        {
          id: "ST-006",
          date: date("2027-01-05"),
          title: "Written after the report's date",
          convinces: "Executive",
          status: "Approved" as const,
        },
      ],
      stakeholders: groups,
      issued,
    };
    const lines = reportLines(request);
    expect(lines.slice(0, issued.length)).toEqual(issued);
    const added = lines.slice(issued.length);
    expect(added.map((line) => [line.group, line.kpiId])).toEqual(
      Object.entries(measuresOf(SAMPLE_REPORT_AUDIENCES)).flatMap(([group, ids]) =>
        ids.map((id) => [group, id]),
      ),
    );
    // ST-004 is aimed at S-002, the CFO, of the Executive group; ST-005 is a draft.
    const cfoStory = SAMPLE_SUCCESS_STORIES[3]?.title;
    expect(added.filter((line) => line.story !== undefined).map((line) => [line.group, line.story])).toEqual([
      ["Executive", cfoStory],
      ["Executive", cfoStory],
    ]);
    expect(storiesFor("Participants", request)).toEqual([]);
    // Two new stories for one group are told together, oldest first.
    const two = storiesFor("Participants", {
      ...request,
      stories: [
        { id: "ST-008", date: date("2026-12-02"), title: "B", convinces: "participants", status: "Shared" },
        { id: "ST-007", date: date("2026-12-01"), title: "A", convinces: "S-013", status: "Approved" },
      ],
    });
    expect(two.map((story) => story.title)).toEqual(["A", "B"]);
    expect(
      reportLines({
        ...request,
        audiences: [{ id: "A-001", group: "Participants", kpis: "K-002" }],
        stories: [
          { id: "ST-008", date: date("2026-12-02"), title: "B", convinces: "participants", status: "Shared" },
          { id: "ST-007", date: date("2026-12-01"), title: "A", convinces: "S-013", status: "Approved" },
        ],
      }).at(-1)?.story,
    ).toBe("A · B");
  });
});

/**
 * The panel's champion display: the concern register as the panel reads it back (concernEntries)
 * gives, with the core rule (isChampion over championScore and the open high-severity count), the
 * same verdict as the Stakeholders sheet's Champion column computed by HyperFormula, also after
 * the user types a status or severity in another case; and the form says why a high scorer is not
 * shown as a champion.
 */
import { describe, expect, it } from "vitest";
import {
  CONCERN_KIND,
  type Concern,
  championScore,
  concernEntries,
  concernPlans,
  isChampion,
  openConcerns,
  SAMPLE_CONCERNS,
  stakeholderMap,
} from "../../core/index";
import { championText } from "../../ui/panel/stakeholder-form";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

/** The sample's concerns, and an open high one for Priya Raman (S-001), a champion by score. */
const CONCERNS: Concern[] = [
  ...SAMPLE_CONCERNS,
  { id: "C-010", stakeholder: "S-001", concern: "Budget", severity: "Medium", status: "Open" },
  { id: "C-011", stakeholder: "S-001", concern: "Time", severity: "High", status: "Answered" },
];

async function written() {
  const workbook = new MemoryWorkbook();
  await workbook.applyAll([
    ...stakeholderMap(SAMPLE_STAKEHOLDERS, { concerns: CONCERNS }),
    ...concernPlans(CONCERNS),
  ]);
  return workbook;
}

/** Each sample person's verdict from the sheet's Champion column, and from the panel's rule. */
async function verdicts(workbook: MemoryWorkbook) {
  const [header = [], ...rows] = workbook.displayGrid("Stakeholders");
  const sheet = rows.map((row) => row[header.indexOf("Champion")] === "Champion");
  const concerns = concernEntries(await workbook.readTable(CONCERN_KIND));
  const panel = SAMPLE_STAKEHOLDERS.map((person) =>
    isChampion(
      championScore(person.interest, person.influence, person.currentEngagement),
      openConcerns(person.id, concerns, "High"),
    ),
  );
  return { sheet, panel };
}

describe("the panel's champion display", () => {
  it("gives the verdict the sheet's Champion column gives, as the user edits the concerns in any case", async () => {
    const workbook = await written();
    let { sheet, panel } = await verdicts(workbook);
    expect(panel).toEqual(sheet);
    // Grace Kim (S-007, row 8) scores as a champion but has an open high-severity concern.
    expect(sheet[6]).toBe(false);
    expect(sheet[0]).toBe(true);
    // Priya's high concern (row 7 of Concerns: C-011) is reopened, typed in lower case; Grace's is closed.
    workbook.setCell("Concerns", "J7", "open");
    workbook.setCell("Concerns", "E6", "HIGH");
    workbook.setCell("Concerns", "J5", "Closed");
    ({ sheet, panel } = await verdicts(workbook));
    expect(panel).toEqual(sheet);
    expect(sheet[0]).toBe(false);
    expect(sheet[6]).toBe(true);
  });

  it("reads the concerns by header when the table comes without column ids, and none without a table", async () => {
    const workbook = await written();
    const table = await workbook.readTable(CONCERN_KIND);
    expect(table?.ids).toBeDefined();
    const byHeader = concernEntries({ ...(table as NonNullable<typeof table>), ids: undefined });
    expect(byHeader).toEqual(concernEntries(table));
    expect(byHeader.map((entry) => entry.stakeholder)).toEqual(
      CONCERNS.map((concern) => concern.stakeholder),
    );
    expect(concernEntries(undefined)).toEqual([]);
  });

  it("says why a high scorer is not shown as a champion", () => {
    expect(championText({ score: 0.8333, champion: true, openHigh: 0 })).toBe(
      "Champion score 83%: a champion.",
    );
    expect(championText({ score: 0.8333, champion: false, openHigh: 1 })).toBe(
      "Champion score 83%: not shown as a champion while a high-severity concern is open.",
    );
    expect(championText({ score: 0.8333, champion: false, openHigh: 2 })).toBe(
      "Champion score 83%: not shown as a champion while 2 high-severity concerns are open.",
    );
    expect(championText({ score: 0.5, champion: false, openHigh: 0 })).toBe(
      "Champion score 50%: not a champion.",
    );
  });
});

/**
 * The Home screen's "Build the whole toolkit" (ui/panel/toolkit-build.ts) against MemoryWorkbook:
 * one applyAll writes every sheet, the Start here sheet first; blank keeps the stakeholders the
 * workbook holds, and writes nothing when their register has cells it cannot read.
 */
import { describe, expect, it } from "vitest";
import { type SheetPlan, stakeholderMap, toolkitPlans } from "../../core/index";
import { buildToolkit } from "../../ui/panel/toolkit-build";
import type { TaskIO } from "../../ui/panel/workbook-task";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../../ui/preview/sample";

/** A task's IO over the workbook, counting its applyAll calls. */
function taskIO(workbook: MemoryWorkbook) {
  const applied: (readonly SheetPlan[])[] = [];
  const io: TaskIO = {
    progress: () => {},
    read: (kind) => workbook.readTable(kind),
    apply: (plans) => {
      applied.push(plans);
      return workbook.applyAll(plans);
    },
  };
  return { io, applied };
}

describe("building the whole toolkit from Home", () => {
  it("writes every sheet of the sample in one applyAll into an empty workbook, Start here first", async () => {
    const workbook = new MemoryWorkbook();
    const { io, applied } = taskIO(workbook);
    const { built, result } = await buildToolkit(io, true);
    expect(built).toBe(true);
    expect(applied).toHaveLength(1);
    const titles = toolkitPlans(SAMPLE_STAKEHOLDERS, true).map((plan) => plan.title);
    expect(workbook.sheetNames().filter((name) => !workbook.hidden(name))).toEqual(titles);
    expect(result.text).toContain(`${titles.length} sheets (${titles.length} new)`);
    expect(result.text).toContain("“Start Here”");
    expect((await workbook.readTable("stakeholders"))?.rows).toHaveLength(SAMPLE_STAKEHOLDERS.length);
  });

  it("keeps the workbook's stakeholders when building blank, and writes nothing when their register cannot be read", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS.slice(0, 4)));
    const { io, applied } = taskIO(workbook);
    expect((await buildToolkit(io, false)).built).toBe(true);
    expect((await workbook.readTable("stakeholders"))?.rows.map((row) => row.values[0])).toEqual(
      SAMPLE_STAKEHOLDERS.slice(0, 4).map((person) => person.id),
    );
    expect(workbook.sheetNames()).toContain("Budget");

    const broken = new MemoryWorkbook();
    await broken.applyAll(stakeholderMap(SAMPLE_STAKEHOLDERS.slice(0, 4)));
    const header = broken.displayGrid("Stakeholders")[0] ?? [];
    broken.setCell("Stakeholders", `${String.fromCharCode(65 + header.indexOf("Power"))}3`, 9);
    const second = taskIO(broken);
    const { built, result } = await buildToolkit(second.io, false);
    expect(built).toBe(false);
    expect(result.text).toMatch(/^Nothing was built: fix 1 problem/);
    expect(second.applied).toHaveLength(0);
    expect(broken.sheetNames()).not.toContain("Budget");
    expect(applied).toHaveLength(1);
  });
});

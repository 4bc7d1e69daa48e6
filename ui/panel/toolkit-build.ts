/**
 * The Home screen's "Build the whole toolkit": every sheet of the toolkit in one applyAll
 * (core/plans/toolkit.ts), with the sample's programme or blank. It pulls in most of core, so the
 * panel loads it on use (screens-on-use.ts), never in the pane's first bundle.
 */
import {
  REGISTER_KIND,
  STAKEHOLDER_REGISTER,
  type Stakeholder,
  type StakeholderMapOptions,
  toolkitPlans,
} from "../../core/index";
import { SAMPLE_STAKEHOLDERS } from "../preview/sample";
import { todaySerial } from "./kpi-model";
import type { Result, TaskIO } from "./workbook-task";

/**
 * Builds the toolkit through the task's port. Blank keeps the stakeholders the workbook already
 * holds (a blank toolkit is for the plans around them); it stops, writing nothing, when that
 * register has cells BuyIn cannot read, which would otherwise be dropped.
 */
export async function buildToolkit(
  io: TaskIO,
  sample: boolean,
  options: StakeholderMapOptions = {},
  now = new Date(),
): Promise<{ readonly built: boolean; readonly result: Result }> {
  let stakeholders: readonly Stakeholder[] = SAMPLE_STAKEHOLDERS;
  if (!sample) {
    io.progress("Reading the stakeholder register…", 0, 2);
    const table = await io.read(REGISTER_KIND);
    const parsed = table
      ? STAKEHOLDER_REGISTER.parse(
          { header: STAKEHOLDER_REGISTER.headerOf(table), rows: table.rows },
          options,
        )
      : { records: [], problems: [] };
    if (parsed.problems.length > 0)
      return {
        built: false,
        result: {
          tone: "warning",
          text: `Nothing was built: fix ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"} in the stakeholder register first (Stakeholders screen, Refresh).`,
        },
      };
    stakeholders = parsed.records;
  }
  const plans = toolkitPlans(stakeholders, sample, todaySerial(now));
  io.progress(`Writing ${plans.length} sheets…`, 1, 2);
  const reports = await io.apply(plans);
  const messages = reports.flatMap((report) => report.messages);
  const created = reports.filter((report) => report.created).length;
  return {
    built: true,
    result: {
      tone: messages.length > 0 ? "warning" : "success",
      text: `Built the ${sample ? "sample" : "blank"} toolkit: ${plans.length} sheets (${created} new). Start on the “${reports[0]?.sheet ?? plans[0]?.title}” sheet.`,
      details: messages,
    },
  };
}

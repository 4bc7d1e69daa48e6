/**
 * `npm run bench`, second part: the ports on the stakeholder map, 10 and 10,000 people — Excel's
 * context.sync() calls and largest payloads of one applyAll (office-addin-mock), Sheets' service calls (Apps Script fake), the time to
 * build and apply the plans in MemoryWorkbook (HyperFormula computing every formula) — and the
 * preview's time to interactive in Chromium. Run by vitest (bench/vitest.config.mjs) so it can use
 * the test fakes; it prints figures and asserts only the structural targets.
 */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { HyperFormula } from "hyperformula";
import { expect, it } from "vitest";
import { ExcelWorkbook, PAYLOAD_BUDGET } from "../addin/excel-workbook";
import { SheetsWorkbook } from "../apps-script/sheets-workbook";
import { type SheetPlan, stakeholderMap, toolkitPlans } from "../core/index";
import { chromiumAvailable, launchChromium, previewReadyTime } from "../scripts/browser.mjs";
import { createStaticServer } from "../scripts/serve.mjs";
import { ExcelModel } from "../tests/addin/excel-model";
import { fakeAppsScript } from "../tests/apps-script/fake-apps-script";
import { generateStakeholders } from "../tests/stakeholder-fixtures";
import { MemoryWorkbook } from "../ui/preview/memory-workbook";
import { SAMPLE_STAKEHOLDERS } from "../ui/preview/sample";

const SIZES = [10, 10_000] as const;
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

/**
 * Excel: one applyAll of the stakeholder set (settings, register, map) on the Excel model, at a
 * size: its context.sync() calls and largest request and response, first run, re-run, and a
 * re-run retiring every other person.
 */
async function measureExcel(
  size: number,
): Promise<{ syncs: number[]; largest: { request: number; response: number }[] }> {
  const model = new ExcelModel();
  const port = new ExcelWorkbook(model.run);
  const people = generateStakeholders(size);
  const runs = [people, people, people.filter((_, index) => index % 2 === 0)];
  const largest: { request: number; response: number }[] = [];
  for (const run of runs) {
    const before = model.payloads.length;
    await port.applyAll(stakeholderMap(run));
    const payloads = model.payloads.slice(before);
    largest.push({
      request: Math.max(...payloads.map((payload) => payload.request)),
      response: Math.max(...payloads.map((payload) => payload.response)),
    });
  }
  return { syncs: [...model.syncs], largest };
}

it("Excel: context.sync() calls and the largest request and response of the whole stakeholder write", async () => {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  // 50,000 people as well: issue 7's bound is the largest request or response at that size.
  for (const size of [...SIZES, 50_000]) {
    const { syncs, largest } = await measureExcel(size);
    const labels = ["first run", "re-run", "re-run retiring every other row"];
    report(
      `Excel, ${String(size).padStart(6)} people, applyAll (settings, register, map): ${labels
        .map(
          (label, index) =>
            `${label} ${syncs[index]} syncs, largest request ${mb(largest[index]?.request ?? 0)}, response ${mb(largest[index]?.response ?? 0)}`,
        )
        .join("; ")} (targets: 3 syncs plus size splits, ≤ ${PAYLOAD_BUDGET / 1e6} MB)`,
    );
    for (const payload of largest) {
      expect(payload.request).toBeLessThanOrEqual(PAYLOAD_BUDGET);
      expect(payload.response).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    }
    if (size === 10) for (const count of syncs) expect(count).toBeLessThanOrEqual(3);
  }
}, 300_000);

/** Sheets service calls for the whole stakeholder write (one applyAll): first run, re-run, re-run retiring every other person. */
function sheetsStakeholderCalls(size: number): {
  first: number;
  again: number;
  retiring: number;
  deletes: number;
} {
  const fake = fakeAppsScript();
  const port = new SheetsWorkbook(fake.services);
  const people = generateStakeholders(size);
  port.applyAll(stakeholderMap(people));
  const first = fake.log.calls;
  fake.log.reset();
  port.applyAll(stakeholderMap(people));
  const again = fake.log.calls;
  fake.log.reset();
  port.applyAll(stakeholderMap(people.filter((_, index) => index % 2 === 0)));
  return { first, again, retiring: fake.log.calls, deletes: fake.log.byMethod.get("Sheet.deleteRows") ?? 0 };
}

it("Sheets: service calls for the whole stakeholder write (applyAll), flat in rows", () => {
  const counts = SIZES.map((size) => {
    const calls = sheetsStakeholderCalls(size);
    report(
      `Sheets, ${String(size).padStart(6)} people: service calls for settings + register + map in one applyAll: first run ${calls.first}, re-run ${calls.again}, re-run retiring every other person ${calls.retiring} (of which deleteRows ${calls.deletes}; target ≤ 60)`,
    );
    return calls;
  });
  const [small, large] = counts as [
    ReturnType<typeof sheetsStakeholderCalls>,
    ReturnType<typeof sheetsStakeholderCalls>,
  ];
  expect(large.first).toBe(small.first);
  expect(large.again).toBe(small.again);
  // Core compacts scattered retirements (compactRetiredRows): one deleteRows, so all of it is flat in rows.
  expect(large.deletes).toBe(1);
  expect(large.retiring).toBe(small.retiring);
  // A re-run of the same people reads, finds everything in place, and writes nothing.
  expect(large.again).toBeLessThanOrEqual(60);
}, 600_000);

/**
 * The toolkit with `rows` rows in every register: the stakeholder register generated at that size,
 * every other register's sample rows repeated under new keys (the formulas are per row, so the
 * copies cost what real rows would).
 */
function toolkitAtSize(rows: number): SheetPlan[] {
  return toolkitPlans(generateStakeholders(rows), true).map((plan) => {
    if (!plan.table || plan.table.rows.length === 0 || plan.kind === "stakeholders") return plan;
    if (plan.table.rows.length >= rows)
      return { ...plan, table: { ...plan.table, rows: plan.table.rows.slice(0, rows) } };
    const sample = plan.table.rows;
    const scaled = Array.from({ length: rows }, (_, index) => {
      const row = sample[index % sample.length] as (typeof sample)[number];
      return { ...row, key: `${row.key}-${Math.floor(index / sample.length)}` };
    });
    return { ...plan, table: { ...plan.table, rows: scaled } };
  });
}

/** One size of the toolkit through the Excel model and the Apps Script fake: first run and re-run. */
async function measureToolkit(plans: readonly SheetPlan[]) {
  const model = new ExcelModel();
  const excel = new ExcelWorkbook(model.run);
  await excel.applyAll(plans);
  await excel.applyAll(plans);
  const largest = Math.max(...model.payloads.map((payload) => Math.max(payload.request, payload.response)));
  // Syncs of the first run beyond its 3: the splits that keep each request under the budget.
  const requests = (model.syncs[0] ?? 0) - 3;
  const fake = fakeAppsScript();
  const sheets = new SheetsWorkbook(fake.services);
  sheets.applyAll(plans);
  const sheetsFirst = fake.log.calls;
  fake.log.reset();
  sheets.applyAll(plans);
  return { syncs: [...model.syncs], largest, requests, sheets: [sheetsFirst, fake.log.calls] };
}

it("the whole toolkit (Start here, map, business case, evaluation, playbook, resources) at sample size and at 1,000 rows a register: Excel syncs, Sheets calls, MemoryWorkbook time", async () => {
  const sizes = [
    // The sample's stakeholders are hand-written; generated ones at both sizes compare like with like.
    { label: "sample size", plans: toolkitAtSize(SAMPLE_STAKEHOLDERS.length) },
    { label: "1,000 rows a register", plans: toolkitAtSize(1000) },
  ];
  const results = [];
  for (const { label, plans } of sizes) {
    const measured = await measureToolkit(plans);
    // HyperFormula's time at sample size only: at 1,000 rows a register it is minutes, not the point here.
    let memory = "";
    if (results.length === 0) {
      const workbook = new MemoryWorkbook();
      const start = performance.now();
      await workbook.applyAll(plans);
      memory = `, MemoryWorkbook ${(performance.now() - start).toFixed(0)} ms`;
    }
    const tables = plans.filter((plan) => plan.table && plan.table.rows.length > 0).length;
    report(
      `Toolkit, ${plans.length} plans (${tables} tables) at ${label}, one applyAll: Excel ${measured.syncs.join(" / ")} syncs (first / re-run; target 3 plus size splits: the first run is 3 + ${measured.requests}), largest request or response ${(measured.largest / 1e6).toFixed(2)} MB (≤ ${PAYLOAD_BUDGET / 1e6} MB), Sheets ${measured.sheets.join(" / ")} service calls (first / re-run; target: the same at every size)${memory}`,
    );
    expect(measured.largest).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    results.push(measured);
  }
  const [sample, large] = results as [
    Awaited<ReturnType<typeof measureToolkit>>,
    Awaited<ReturnType<typeof measureToolkit>>,
  ];
  for (const count of sample.syncs) expect(count).toBeLessThanOrEqual(3);
  // The first run's calls are the same at both sizes. A re-run's never grow with rows; at sample
  // size the feedback register's re-run costs some 200 calls more than at 60 rows or more.
  expect(large.sheets[0]).toBe(sample.sheets[0]);
  expect(large.sheets[1]).toBeLessThanOrEqual(sample.sheets[1] as number);
}, 600_000);

/** Formulas in a set of plans: output blocks' formulas and computed table cells. */
function formulaCount(plans: readonly SheetPlan[]): number {
  let count = 0;
  for (const plan of plans) {
    for (const block of plan.blocks ?? [])
      for (const line of block.formulas ?? []) count += line.filter((cell) => cell !== null).length;
    if (plan.table)
      count +=
        plan.table.rows.length * plan.table.columns.filter((column) => column.role === "output").length;
  }
  return count;
}

/**
 * HyperFormula's own floor for this many formulas, measured in the same run: as many trivial
 * formulas (`=A2+1`, one row's input each) written in one batch. No port can apply the plans
 * faster than the engine takes their formulas.
 */
function engineFloor(formulas: number): number {
  const engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", undoLimit: 0 });
  const sheet = engine.getSheetId(engine.addSheet("Floor")) as number;
  const width = 10;
  const rows = Array.from({ length: Math.ceil(formulas / width) }, (_, index) => [
    index,
    ...Array.from({ length: width }, (_, column) => `=A${index + 1}+${column}`),
  ]);
  const start = performance.now();
  engine.batch(() => engine.setCellContents({ sheet, row: 0, col: 0 }, rows));
  return performance.now() - start;
}

it("MemoryWorkbook: time to build and apply the plans, HyperFormula computing every formula", async () => {
  for (const size of SIZES) {
    const people = generateStakeholders(size);
    const workbook = new MemoryWorkbook();
    const start = performance.now();
    const plans = stakeholderMap(people);
    const built = performance.now();
    await workbook.applyAll(plans);
    const applied = performance.now();
    await workbook.applyAll(stakeholderMap(people));
    const again = performance.now();
    const formulas = formulaCount(plans);
    const floor = engineFloor(formulas);
    report(
      `MemoryWorkbook, ${String(size).padStart(5)} people: build ${(built - start).toFixed(1)} ms, first apply and compute ${(applied - built).toFixed(0)} ms (target ≤ 1500 at 10,000), re-run ${(again - applied).toFixed(0)} ms (target ≤ 3000), ${workbook.operations} engine writes; ${formulas} formulas, which HyperFormula alone takes ${floor.toFixed(0)} ms to write as trivial formulas (first apply = ${((applied - built) / floor).toFixed(1)}× that floor)`,
    );
  }
}, 300_000);

it("the preview becomes interactive (sample loaded, panel mounted) in under 1.5 s", async () => {
  if (!chromiumAvailable()) {
    report("Preview: SKIPPED, no Chromium at /usr/bin/chromium");
    return;
  }
  const server = createStaticServer(join(import.meta.dirname, "../dist"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launchChromium();
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    times.push(
      await previewReadyTime(
        page,
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview/index.html`,
      ),
    );
    await page.close();
  }
  await browser.close();
  server.close();
  times.sort((a, b) => a - b);
  report(
    `Preview: interactive after ${times.map((time) => time.toFixed(0)).join(", ")} ms (median ${times[2]?.toFixed(0)} ms; target < 1500)`,
  );
  expect(times[2]).toBeLessThan(1500);
}, 120_000);

import { it } from "vitest";
import { stakeholderMap } from "../core/index";
import { generateStakeholders } from "../tests/stakeholder-fixtures";
import { MemoryWorkbook } from "../ui/preview/memory-workbook";
it("memory 10k apply and re-run", async () => {
  const people = generateStakeholders(10_000);
  const workbook = new MemoryWorkbook();
  let start = performance.now();
  await workbook.applyAll(stakeholderMap(people));
  const first = performance.now() - start;
  start = performance.now();
  await workbook.applyAll(stakeholderMap(people));
  const again = performance.now() - start;
  console.log(`MEMORY 10k: apply ${first.toFixed(0)} ms, re-run ${again.toFixed(0)} ms`);
}, 600_000);

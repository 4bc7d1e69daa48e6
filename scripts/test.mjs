/**
 * `npm test`: type-check, lint, then every test (vitest's global setup builds dist/ first). Ends with one plain line,
 * "tests: N passed, N failed, N skipped", which CI reads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  return result.status === 0;
}

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint and format", "npx", ["biome", "check", "--error-on-warnings", "."]],
];
for (const [label, command, args] of steps) {
  if (!run(label, command, args)) {
    console.error(`\n${label} failed`);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  }
}

const report = join(mkdtempSync(join(tmpdir(), "buyin-test-")), "vitest.json");
const passed = run("tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
let counts = {
  numPassedTests: 0,
  numFailedTests: passed ? 0 : 1,
  numFailedTestSuites: 0,
  numPendingTests: 0,
  numTodoTests: 0,
};
try {
  counts = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.error("vitest wrote no report");
}
const skipped = counts.numPendingTests + counts.numTodoTests;
// A test file that fails to load (a missing module) runs no test but fails: it counts as failed.
const failed = counts.numFailedTests + (counts.numFailedTestSuites ?? 0);
console.log(`\ntests: ${counts.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(passed && failed === 0 ? 0 : 1);

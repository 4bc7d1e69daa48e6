/**
 * `npm run push:sheets`: pushes dist/apps-script to your Apps Script project with clasp.
 * Needs a .clasp.json at the repository root (copy apps-script/.clasp.json.template and paste
 * your script id) and a clasp login once on this machine (the exact clasp version is in clasp.mjs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLASP } from "./clasp.mjs";

const root = join(import.meta.dirname, "..");
const claspFile = join(root, ".clasp.json");
if (!existsSync(claspFile)) {
  console.error(
    [
      "No .clasp.json at the repository root. To connect a Google Sheet:",
      "  1. Open the sheet, Extensions > Apps Script, then Project Settings > copy the Script ID.",
      "  2. cp apps-script/.clasp.json.template .clasp.json   and paste the id into it.",
      `  3. npx ${CLASP} login        (once per machine)`,
      "  4. npm run push:sheets",
    ].join("\n"),
  );
  process.exit(1);
}
const { scriptId, rootDir } = JSON.parse(readFileSync(claspFile, "utf8"));
if (!scriptId || scriptId.includes("PASTE")) {
  console.error(".clasp.json has no script id yet: paste your Apps Script project's Script ID into it.");
  process.exit(1);
}
if (rootDir !== "dist/apps-script") {
  console.error('.clasp.json must have "rootDir": "dist/apps-script", where the build writes the add-on.');
  process.exit(1);
}
const result = spawnSync("npx", ["--yes", CLASP, "push", "--force"], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);

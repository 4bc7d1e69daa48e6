/** `npm run validate`: offline checks of dist/manifest.xml against the files the build emitted. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, customFunctionsRuntimeNeeded } from "./manifest-check.mjs";

const distDir = join(import.meta.dirname, "..", "dist");
const baseUrl = (process.env.BUYIN_BASE_URL ?? "https://localhost:3000").replace(/\/+$/, "");
const customFunctionsRuntime = customFunctionsRuntimeNeeded(
  readFileSync(join(distDir, "addin", "functions.js"), "utf8"),
  readFileSync(
    join(import.meta.dirname, "..", "node_modules", "@types", "custom-functions-runtime", "index.d.ts"),
    "utf8",
  ),
);
const problems = checkManifest(readFileSync(join(distDir, "manifest.xml"), "utf8"), {
  distDir,
  baseUrl,
  customFunctionsRuntime,
});
if (problems.length > 0) {
  console.error(
    `dist/manifest.xml has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
  );
  process.exit(1);
}
console.log(
  `dist/manifest.xml is valid: structure, resource ids, CustomFunctionsRuntime ${customFunctionsRuntime} and every URL under ${baseUrl} checked.`,
);

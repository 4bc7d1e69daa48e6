import { execFileSync } from "node:child_process";

/** The bundle tests read dist/: build it once before any test runs. */
export default function setup() {
  execFileSync(process.execPath, ["esbuild.config.mjs"], { stdio: "inherit" });
}

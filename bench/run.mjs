/** Bundles bench/suite.ts for Node (so it runs the same TypeScript the hosts ship) and runs it. */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = join(import.meta.dirname, "..");
const outfile = join(root, "node_modules", ".cache", "buyin", "bench.mjs");
await esbuild.build({
  entryPoints: [join(root, "bench", "suite.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile,
  packages: "external",
  logLevel: "warning",
  define: { "import.meta.dirname": JSON.stringify(join(root, "bench")) },
});
await import(pathToFileURL(outfile).href);

/**
 * Builds every bundle into dist/ and generates what the catalog implies: Excel's functions.json,
 * the Apps Script `BUYIN_*` stubs, the help page and the README's function reference.
 *
 *   node esbuild.config.mjs                                 dev build, URLs on https://localhost:3000
 *   BUYIN_BASE_URL=https://addin.example.org npm run build  production manifest URLs
 *   BUYIN_DIST=/tmp/out node esbuild.config.mjs             build into another folder
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
/** BUYIN_DIST builds elsewhere (the tests check a production build without touching dist/). */
const dist = process.env.BUYIN_DIST ?? join(root, "dist");
const DEV_BASE_URL = "https://localhost:3000";
const baseUrl = (process.env.BUYIN_BASE_URL ?? DEV_BASE_URL).replace(/\/+$/, "");
if (!/^https:\/\/[^\s"<>]+$/.test(baseUrl)) {
  console.error(`BUYIN_BASE_URL must be an https:// URL, got ${baseUrl}`);
  process.exit(1);
}

/** Minified size budgets in bytes, from the issues. */
const BUDGETS = { "addin/functions.js": 60 * 1024 };

function write(relative, content) {
  const path = join(dist, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

rmSync(dist, { recursive: true, force: true });

// The generators run in Node from the same TypeScript catalog the bundles ship.
const generatorFile = join(root, "node_modules", ".cache", "buyin", "generate.mjs");
await esbuild.build({
  entryPoints: [join(root, "scripts", "generate.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: generatorFile,
  logLevel: "warning",
});
const generate = await import(`${pathToFileURL(generatorFile).href}?build=${Date.now()}`);

const common = {
  bundle: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  jsx: "automatic",
  jsxImportSource: "preact",
  loader: { ".css": "text" },
};
await esbuild.build({
  ...common,
  entryPoints: [join(root, "addin", "functions.ts")],
  outfile: join(dist, "addin", "functions.js"),
  format: "iife",
  minify: true,
  target: "es2017",
});

// The preview is dev-only: it carries HyperFormula (GPL-3.0), which no shipped bundle may.
await esbuild.build({
  ...common,
  entryPoints: [join(root, "ui", "preview", "preview.tsx")],
  outfile: join(dist, "preview", "preview.js"),
  format: "iife",
  minify: true,
  target: "es2020",
});
copyFileSync(join(root, "ui", "preview", "index.html"), join(dist, "preview", "index.html"));

const appsScript = await esbuild.build({
  ...common,
  entryPoints: [join(root, "apps-script", "server.ts")],
  write: false,
  format: "iife",
  globalName: "BuyIn",
  target: "es2019",
  minify: true,
});
write(
  "apps-script/buyin.js",
  `${appsScript.outputFiles[0].text}\n// Custom functions, generated from core/catalog by esbuild.config.mjs.\n\n${generate.appsScriptStubs()}\n`,
);
copyFileSync(join(root, "apps-script", "appsscript.json"), join(dist, "apps-script", "appsscript.json"));

write("addin/functions.json", `${JSON.stringify(generate.functionsJson(), null, 2)}\n`);
const reference = generate.referenceHtml();
for (const page of ["taskpane.html", "help.html"]) {
  write(
    `addin/${page}`,
    readFileSync(join(root, "addin", "pages", page), "utf8").replace("<!-- reference -->", reference),
  );
}
copyFileSync(join(root, "addin", "pages", "reference.css"), join(dist, "addin", "reference.css"));
cpSync(join(root, "addin", "assets"), join(dist, "addin", "assets"), { recursive: true });
write(
  "manifest.xml",
  readFileSync(join(root, "manifests", "manifest.xml"), "utf8").replaceAll(DEV_BASE_URL, baseUrl),
);

const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const updated = generate.withReference(readme);
if (updated !== readme) {
  // CI builds a clean clone: a stale reference there means a catalog change was committed without it.
  if (process.env.CI) {
    console.error("README.md's function reference is out of date: run `npm run build` and commit README.md.");
    process.exit(1);
  }
  writeFileSync(readmePath, updated);
  console.log("README.md: function reference regenerated from the catalog");
}

let overBudget = false;
const rows = ["addin/functions.js", "addin/functions.json", "apps-script/buyin.js", "manifest.xml"].map(
  (file) => {
    const bytes = statSync(join(dist, file)).size;
    const budget = BUDGETS[file];
    if (budget !== undefined && bytes > budget) overBudget = true;
    const note =
      budget === undefined
        ? ""
        : `  budget ${(budget / 1024).toFixed(0)} KB ${bytes > budget ? "EXCEEDED" : "ok"}`;
    return `  ${file.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(7)} KB${note}`;
  },
);
console.log(`dist/ built for ${baseUrl}\n${rows.join("\n")}`);
if (overBudget) {
  console.error("A bundle is over its budget.");
  process.exit(1);
}

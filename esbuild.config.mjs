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
const BUDGETS = {
  "addin/functions.js": 60 * 1024,
  "addin/taskpane.js": 150 * 1024,
  "apps-script/Sidebar.html": 150 * 1024,
};

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

/** Stylesheets imported as text (the panel injects them), minified: they count in the bundles' budgets. */
const minifiedCss = {
  name: "minified-css",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await esbuild.transform(readFileSync(path, "utf8"), { loader: "css", minify: true });
      return { contents: code, loader: "text" };
    });
  },
};

const common = {
  bundle: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  jsx: "automatic",
  jsxImportSource: "preact",
  plugins: [minifiedCss],
};
await esbuild.build({
  ...common,
  entryPoints: [join(root, "addin", "functions.ts")],
  outfile: join(dist, "addin", "functions.js"),
  format: "iife",
  minify: true,
  target: "es2017",
});

// The task pane and the Sheets sidebar load the screens-on-use (evaluation, business case,
// playbook) as a script of their own on first use, so each starts within its budget: their builds
// take the host's loader (addin/ or apps-script/load-screens-on-use.ts) in place of the panel's.
const loadScreensOnUse = (host) => ({
  name: `load-screens-on-use-${host}`,
  setup(build) {
    build.onResolve({ filter: /\/load-screens-on-use$/ }, () => ({
      path: join(root, host, "load-screens-on-use.ts"),
    }));
  },
});
// …and that script renders with the pane's Preact, which the loader hands over as BuyInPreact.
const panelPreact = {
  name: "panel-preact",
  setup(build) {
    build.onResolve({ filter: /^preact(\/hooks|\/jsx-runtime)?$/ }, ({ path }) => ({
      path,
      namespace: "panel-preact",
    }));
    build.onLoad({ filter: /.*/, namespace: "panel-preact" }, ({ path }) => ({
      contents: `module.exports = globalThis.BuyInPreact[${JSON.stringify(path)}];`,
      loader: "js",
    }));
  },
};
await esbuild.build({
  ...common,
  plugins: [...common.plugins, loadScreensOnUse("addin")],
  entryPoints: [join(root, "addin", "taskpane.tsx")],
  outfile: join(dist, "addin", "taskpane.js"),
  format: "iife",
  minify: true,
  target: "es2017",
});
const screensOnUse = await esbuild.build({
  ...common,
  plugins: [...common.plugins, panelPreact],
  entryPoints: [join(root, "ui", "panel", "screens-on-use.ts")],
  write: false,
  format: "iife",
  globalName: "BuyInScreensOnUse",
  minify: true,
  target: "es2017",
});
write("addin/screens-on-use.js", screensOnUse.outputFiles[0].text);
// The sidebar's server hands the same code over as text (apps-script/load-screens-on-use.ts).
write("apps-script/ScreensOnUse.html", screensOnUse.outputFiles[0].text);

// The Sheets sidebar is one self-contained HTML file: HtmlService serves no other files.
const sidebar = await esbuild.build({
  ...common,
  plugins: [...common.plugins, loadScreensOnUse("apps-script")],
  entryPoints: [join(root, "apps-script", "sidebar.tsx")],
  write: false,
  format: "iife",
  minify: true,
  target: "es2019",
});
// "</script" inside the inlined code would end the script element early; "<\/script" means the same to JS.
const sidebarScript = sidebar.outputFiles[0].text.replaceAll("</script", "<\\/script");
write(
  "apps-script/Sidebar.html",
  readFileSync(join(root, "apps-script", "sidebar.html"), "utf8").replace(
    "/* bundle */",
    () => sidebarScript,
  ),
);

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

// The .xlsx export (XlsxWorkbook over ExcelJS): an ES module the preview imports only when asked,
// never part of a host bundle; and, written with it in Node, the toolkit files for a release.
await esbuild.build({
  ...common,
  entryPoints: [join(root, "xlsx", "toolkit-file.ts")],
  outfile: join(dist, "preview", "xlsx-export.js"),
  format: "esm",
  minify: true,
  target: "es2020",
});
const toolkitFile = join(root, "node_modules", ".cache", "buyin", "toolkit-file.mjs");
await esbuild.build({
  ...common,
  entryPoints: [join(root, "xlsx", "toolkit-file.ts")],
  outfile: toolkitFile,
  platform: "node",
  format: "esm",
  // ExcelJS is CommonJS with Node built-ins: loaded from node_modules, not bundled.
  packages: "external",
});
const toolkit = await import(`${pathToFileURL(toolkitFile).href}?build=${Date.now()}`);
for (const [name, bytes] of Object.entries(await toolkit.toolkitFiles())) write(name, bytes);

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
  `${appsScript.outputFiles[0].text}\n// Generated by esbuild.config.mjs: server entry points, then the catalog's custom functions.\n\n${generate.serverStubs()}\n\n${generate.appsScriptStubs()}\n`,
);
copyFileSync(join(root, "apps-script", "appsscript.json"), join(dist, "apps-script", "appsscript.json"));

write("addin/functions.json", `${JSON.stringify(generate.functionsJson(), null, 2)}\n`);
copyFileSync(join(root, "addin", "pages", "taskpane.html"), join(dist, "addin", "taskpane.html"));
write(
  "addin/help.html",
  readFileSync(join(root, "addin", "pages", "help.html"), "utf8")
    .replace("<!-- glossary -->", () => generate.glossaryHtml())
    .replace("<!-- reference -->", () => generate.referenceHtml()),
);
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
const rows = [
  "addin/functions.js",
  "addin/functions.json",
  "addin/taskpane.js",
  "addin/screens-on-use.js",
  "apps-script/buyin.js",
  "apps-script/Sidebar.html",
  "apps-script/ScreensOnUse.html",
  "preview/preview.js",
  "preview/xlsx-export.js",
  "buyin-toolkit-sample.xlsx",
  "buyin-toolkit-empty.xlsx",
  "manifest.xml",
].map((file) => {
  const bytes = statSync(join(dist, file)).size;
  const budget = BUDGETS[file];
  if (budget !== undefined && bytes > budget) overBudget = true;
  const note =
    budget === undefined
      ? ""
      : `  budget ${(budget / 1024).toFixed(0)} KB ${bytes > budget ? "EXCEEDED" : "ok"}`;
  return `  ${file.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} KB${note}`;
});
console.log(`dist/ built for ${baseUrl}\n${rows.join("\n")}`);
if (overBudget) {
  console.error("A bundle is over its budget.");
  process.exit(1);
}

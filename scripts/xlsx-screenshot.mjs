/**
 * Renders dist/buyin-toolkit-sample.xlsx as LibreOffice Calc computes it, for the README: Calc
 * (headless, recalculating on load) prints the file to PDF, each BuyIn sheet landscape and one
 * page wide as XlsxWorkbook sets it, and poppler's pdftoppm turns the register's and the map's
 * pages into PNGs in docs/screenshots/. Needs soffice (libreoffice-calc-nogui) and pdftoppm
 * (poppler-utils). Run after `npm run build`: node scripts/xlsx-screenshot.mjs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "buyin-screenshot-"));
const profile = join(work, "profile");
mkdirSync(join(profile, "user"), { recursive: true });
// Calc's Formula/Load/OOXMLRecalcMode 0: always recalculate on load (tests/xlsx/libreoffice.ts).
writeFileSync(
  join(profile, "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
);
execFileSync("soffice", [
  `-env:UserInstallation=${pathToFileURL(profile).href}`,
  "--headless",
  "--convert-to",
  "pdf",
  "--outdir",
  work,
  join(root, "dist", "buyin-toolkit-sample.xlsx"),
]);
const pdf = join(work, "buyin-toolkit-sample.pdf");
// Pages in tab order (hidden sheets are not printed): 1 settings, 2 register, 3 map. Crops in
// pixels at the resolution given, around the printed cells of a US Letter landscape page.
const shots = [
  { page: 2, dpi: 200, x: 130, y: 140, width: 1890, height: 215, name: "xlsx-libreoffice-register" },
  { page: 3, dpi: 170, x: 110, y: 115, width: 1600, height: 560, name: "xlsx-libreoffice-map" },
];
for (const { page, dpi, x, y, width, height, name } of shots) {
  const out = join(root, "docs", "screenshots", name);
  execFileSync("pdftoppm", [
    ...["-f", String(page), "-l", String(page), "-r", String(dpi)],
    ...["-x", String(x), "-y", String(y), "-W", String(width), "-H", String(height)],
    "-png",
    "-singlefile",
    pdf,
    out,
  ]);
  console.log(`${out}.png`);
}

/**
 * LibreOffice Calc, headless, as an independent engine for the .xlsx files BuyIn writes: Debian's
 * `soffice` (apt-get install libreoffice-calc-nogui). Without it the tests skip, loudly; under CI
 * a missing LibreOffice fails the run.
 *
 * Every file is recalculated on load, whatever cached values it holds: a private profile sets
 * Calc's Formula/Load/OOXMLRecalcMode to 0 ("Always recalculate"; 1 "Never recalculate" is the
 * installed default, 2 "Prompt user"), the setting behind Tools ▸ Options ▸ LibreOffice Calc ▸
 * Formula ▸ "Recalculation on File Load" ▸ "Excel 2007 and newer" (LibreOffice's
 * officecfg/registry/schema/org/openoffice/Office/Calc.xcs; default read from
 * /usr/lib/libreoffice/share/registry/main.xcd, LibreOffice 7.4.7.2).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe } from "vitest";

export const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
export const available = existsSync(SOFFICE);
if (!available) {
  if (process.env.CI)
    throw new Error(
      `LibreOffice is missing at ${SOFFICE}: CI must run the .xlsx tests (apt-get install libreoffice-calc-nogui).`,
    );
  console.warn(
    `\n⚠ LibreOffice tests SKIPPED: no soffice at ${SOFFICE} (apt-get install -y libreoffice-calc-nogui).\n`,
  );
}

/** A describe block that runs with LibreOffice, or is skipped (loudly) without it. */
export const describeWithLibreOffice = available ? describe : describe.skip;

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens each file in LibreOffice (one process for all), recalculates it, and saves it again as
 * .xlsx ("Calc MS Excel 2007 XML"), whose formula cells then carry LibreOffice's values. Returns
 * the saved files' bytes, in order.
 */
export function recalculateInLibreOffice(files: readonly Uint8Array[]): Buffer[] {
  const work = mkdtempSync(join(tmpdir(), "buyin-soffice-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALCULATE_ON_LOAD);
  const inputs = files.map((bytes, index) => {
    const path = join(work, `in-${index}.xlsx`);
    writeFileSync(path, bytes);
    return path;
  });
  const out = join(work, "out");
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      out,
      ...inputs,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return inputs.map((input) => readFileSync(join(out, basename(input))));
}

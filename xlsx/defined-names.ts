import JSZip from "jszip";
import { XlsxFileError } from "./file-checks";

/** A defined name's text that is a plain cell or range reference ExcelJS keeps: Sheet!$A$1 or 'My sheet'!$A$1:$B$9. */
const PLAIN_REFERENCE =
  /^(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

function decodeXml(text: string): string {
  return text
    .replaceAll("&apos;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * Refuses a workbook whose names ExcelJS would lose on the way through: a name that is a formula
 * or a constant (ExcelJS keeps only names that are ranges: lib/xlsx/xform/book/defined-name-xform.js,
 * `extractRanges`), or a name scoped to one sheet (ECMA-376 18.2.5, `localSheetId`), which ExcelJS
 * keeps only for print areas and titles. Excel's own built-in names (`_xlnm.…`: print areas,
 * filters) are left to ExcelJS. Opening such a file and saving it again would lose the user's
 * names, so BuyIn says so and changes nothing.
 */
export async function checkDefinedNames(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const lost: string[] = [];
  for (const match of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attributes = match[1] ?? "";
    const name = decodeXml(/\bname="([^"]*)"/.exec(attributes)?.[1] ?? "");
    if (name.startsWith("_xlnm.")) continue;
    const scoped = /\blocalSheetId="/.test(attributes);
    if (scoped || !PLAIN_REFERENCE.test(decodeXml(match[2] ?? "").trim())) lost.push(name);
  }
  if (lost.length > 0)
    throw new XlsxFileError(
      `BuyIn cannot open this file: its name${lost.length === 1 ? "" : "s"} ${lost
        .slice(0, 5)
        .map((name) => `"${name}"`)
        .join(
          ", ",
        )}${lost.length > 5 ? " …" : ""} ${lost.length === 1 ? "is" : "are"} a formula, a constant or scoped to one sheet, which BuyIn would lose when it saves the file. Nothing was changed.`,
    );
}

/**
 * The on-demand entry of the .xlsx export: what the preview's "Download .xlsx" and "Open a
 * workbook…" call, and what the build calls to write the toolkit files into dist/. It carries
 * ExcelJS (about 1 MB minified), so no host bundle imports it; the preview loads it only when
 * asked (dist/preview/xlsx-export.js, an ES module, through `import()`).
 */
import { toolkitPlans as coreToolkitPlans, type SheetPlan, type Stakeholder } from "../core/index";
import { SAMPLE_STAKEHOLDERS } from "../ui/preview/sample";
import { MAX_FILE_BYTES, XlsxFileError } from "./file-checks";
import { XlsxWorkbook } from "./xlsx-workbook";

export { XlsxFileError } from "./file-checks";
export { XlsxWorkbook } from "./xlsx-workbook";

export const SAMPLE_FILE = "buyin-toolkit-sample.xlsx";
export const EMPTY_FILE = "buyin-toolkit-empty.xlsx";
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A new .xlsx file holding these plans, written as every port writes them. */
export async function workbookFile(plans: readonly SheetPlan[]): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.applyAll(plans);
  return book.toBuffer();
}

/**
 * Every plan of the toolkit, from these stakeholders: the sample's, or none for an empty toolkit.
 * The build's files and the LibreOffice test both take it from here, so a module added to the
 * toolkit is written and checked in one place.
 */
export function toolkitPlans(stakeholders: readonly Stakeholder[]): SheetPlan[] {
  return coreToolkitPlans(stakeholders, stakeholders.length > 0);
}

/** The toolkit files the build writes into dist/: the embedded sample, and an empty toolkit. */
export async function toolkitFiles(): Promise<Record<string, Uint8Array>> {
  return {
    [SAMPLE_FILE]: await workbookFile(toolkitPlans(SAMPLE_STAKEHOLDERS)),
    [EMPTY_FILE]: await workbookFile(toolkitPlans([])),
  };
}

/**
 * In a browser: writes the plans into a new file and hands it to the browser's download. Plans,
 * not cells: the preview passes the same plans it applies to its own workbook.
 */
export async function downloadWorkbook(
  plans: readonly SheetPlan[],
  fileName = "buyin-toolkit.xlsx",
): Promise<void> {
  const bytes = await workbookFile(plans);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A file the user chose, read as a workbook BuyIn can merge into and write again. Its size is
 * checked before a byte is read; a refused or damaged file rejects with an XlsxFileError whose
 * message is for the user, and nothing of the preview's workbook changes.
 */
export async function openWorkbook(file: Blob): Promise<XlsxWorkbook> {
  if (file.size > MAX_FILE_BYTES)
    throw new XlsxFileError(
      `BuyIn cannot open this file: it is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB BuyIn opens. Nothing was changed.`,
    );
  return XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()));
}

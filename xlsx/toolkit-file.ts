/**
 * The on-demand entry of the .xlsx export: what the preview's "Download .xlsx" and "Open a
 * workbook…" call, and what the build calls to write the toolkit files into dist/. It carries
 * ExcelJS (about 1 MB minified), so no host bundle imports it; the preview loads it only when
 * asked (dist/preview/xlsx-export.js, an ES module, through `import()`).
 */
import {
  cellA1,
  toolkitPlans as coreToolkitPlans,
  dateToSerial,
  type SheetPlan,
  STATE_KIND,
  type Stakeholder,
} from "../core/index";
import { SAMPLE_STAKEHOLDERS } from "../ui/preview/sample";
import type { WorkbookContents } from "../ui/workbook-contents";
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
  return coreToolkitPlans(stakeholders, stakeholders.length > 0, Math.floor(dateToSerial(new Date())));
}

/** The toolkit files the build writes into dist/: the embedded sample, and an empty toolkit. */
export async function toolkitFiles(): Promise<Record<string, Uint8Array>> {
  return {
    [SAMPLE_FILE]: await workbookFile(toolkitPlans(SAMPLE_STAKEHOLDERS)),
    [EMPTY_FILE]: await workbookFile(toolkitPlans([])),
  };
}

/**
 * The preview's workbook as a file, as it stands: BuyIn's sheets written from the plans it last
 * wrote (markers and state, so the file merges on its next write), then every cell where the
 * preview holds something else — what the user typed there — and the user's own sheets.
 */
export async function previewFile(
  plans: readonly SheetPlan[],
  contents: WorkbookContents,
): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.applyAll(plans);
  for (const sheet of contents.sheets) {
    if (sheet.marker?.kind === STATE_KIND) continue;
    const known = book.sheetNames().includes(sheet.name);
    if (!known) book.addSheet(sheet.name, []);
    const written = known ? book.grid(sheet.name) : [];
    const height = Math.max(sheet.cells.length, written.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(sheet.cells[r]?.length ?? 0, written[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const a1 = cellA1(r + 1, c + 1);
        const content = sheet.cells[r]?.[c] ?? null;
        const inFile = known ? (book.formula(sheet.name, a1) ?? book.value(sheet.name, a1)) : null;
        if (content === inFile || (content === null && inFile === "")) continue;
        book.setCell(sheet.name, a1, content ?? "", sheet.textCells[r]?.[c] ? "text" : "typed");
      }
    }
  }
  return book.toBuffer();
}

/** In a browser: hands these bytes to the browser's download. */
function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: MIME }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** In a browser: the preview's workbook as it stands, downloaded as an .xlsx file. */
export async function downloadPreview(
  plans: readonly SheetPlan[],
  contents: WorkbookContents,
  fileName = "buyin-toolkit.xlsx",
): Promise<void> {
  download(await previewFile(plans, contents), fileName);
}

/** In a browser: a file the user chose, as plain data the preview loads (see `openWorkbook`). */
export async function openContents(file: Blob): Promise<WorkbookContents> {
  return (await openWorkbook(file)).contents();
}

/**
 * In a browser: writes the plans into a new file and hands it to the browser's download. Plans,
 * not cells: the preview passes the same plans it applies to its own workbook.
 */
export async function downloadWorkbook(
  plans: readonly SheetPlan[],
  fileName = "buyin-toolkit.xlsx",
): Promise<void> {
  download(await workbookFile(plans), fileName);
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

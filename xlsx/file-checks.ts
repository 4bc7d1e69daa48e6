/**
 * What BuyIn checks in an .xlsx file before handing it to the library that reads it: its size,
 * that it is a zip holding a workbook, how much it would inflate to, and that it holds nothing
 * BuyIn must not carry or cannot keep. Read from the zip's central directory only (PKWARE
 * APPNOTE.TXT 6.3.10: 4.3.12 central directory file header, 4.3.16 end of central directory
 * record), so a refused file is never inflated.
 */

/** The largest file BuyIn opens: a workbook of 10,000 stakeholders is about 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most its parts may inflate to, as the zip declares them (a zip bomb declares far more). */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
export const MAX_PARTS = 5_000;

/** A file BuyIn will not open, with a message for the person who chose it. */
export class XlsxFileError extends Error {
  override readonly name = "XlsxFileError";
}

/**
 * Parts BuyIn refuses, with why. Macros and external links must never travel in a BuyIn file;
 * the others are content the .xlsx library drops when it saves (charts, pivot tables, threaded
 * comments, slicers, timelines: ExcelJS 4.4.0 reads none of them), so merging into the file
 * would lose the user's work.
 */
const REFUSED_PARTS: readonly [RegExp, string][] = [
  [/vbaProject\.bin$/i, "it contains macros"],
  [/^xl\/externalLinks\//i, "it links to other workbooks"],
  [/^xl\/charts\//i, "it holds charts, which BuyIn's file writer cannot keep"],
  [/^xl\/pivot(Tables|Cache)\//i, "it holds pivot tables, which BuyIn's file writer cannot keep"],
  [/^xl\/threadedComments\//i, "it holds threaded comments, which BuyIn's file writer cannot keep"],
  [
    /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i,
    "it holds slicers or timelines, which BuyIn's file writer cannot keep",
  ],
];

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 65_535;

interface Part {
  readonly name: string;
  readonly inflated: number;
}

function refuse(reason: string): never {
  throw new XlsxFileError(`BuyIn cannot open this file: ${reason}. Nothing was changed.`);
}

/** The parts a zip declares in its central directory. */
function parts(bytes: Uint8Array): Part[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--)
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) refuse("it is not an .xlsx workbook (not a zip file)");
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // 0xFFFF and 0xFFFFFFFF mean ZIP64, which no workbook of the size BuyIn opens needs.
  if (count === 0xffff || offset === 0xffffffff)
    refuse("it is a ZIP64 archive, larger than any workbook BuyIn writes");
  if (count > MAX_PARTS) refuse(`it has ${count} parts, more than ${MAX_PARTS}`);
  if (offset + size > end) refuse("it is damaged (its zip directory is cut short)");
  const found: Part[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      refuse("it is damaged (its zip directory is unreadable)");
    const inflated = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    found.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), inflated });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

/** The names of the parts in a zip's central directory, in order. */
export function zipPartNames(bytes: Uint8Array): string[] {
  return parts(bytes).map((part) => part.name);
}

/** Refuses, with a message, a file BuyIn must not open; returns nothing for one it may. */
export function checkXlsxFile(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_FILE_BYTES)
    refuse(
      `it is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB BuyIn opens`,
    );
  const declared = parts(bytes);
  const names = new Set(declared.map((part) => part.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml"))
    refuse("it is not an .xlsx workbook (no xl/workbook.xml inside)");
  const inflated = declared.reduce((sum, part) => sum + part.inflated, 0);
  if (inflated > MAX_INFLATED_BYTES)
    refuse(
      `it would unpack to ${Math.round(inflated / 1024 / 1024)} MB, more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB`,
    );
  for (const part of declared)
    for (const [pattern, reason] of REFUSED_PARTS) if (pattern.test(part.name)) refuse(reason);
}

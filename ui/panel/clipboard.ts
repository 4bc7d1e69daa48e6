/**
 * Cells from the text Excel and Google Sheets put on the clipboard: cells separated by tabs, rows by
 * CRLF (Excel on Windows) or LF, and a cell holding a line break written in double quotes with its
 * own quotes doubled. A cell that merely contains or starts with a quote is written as it is
 * (`Text contains "quoted" word`, `"A0`), so a quote opens a quoted cell only when a closing quote
 * ends the cell. Samples: warpech/sheetclip, test/spec/*.txt (copied from Excel); the Spreadsheets
 * FAQ, 14.1 Tab-delimited format.
 */
export function cellsFromClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const endOfRow = (index: number) => text[index] === "\n" || text[index] === "\r";
  while (at < text.length) {
    let cell: string | undefined;
    if (text[at] === '"') {
      // A quoted cell: up to the quote that is not doubled, which must end the cell.
      let value = "";
      let index = at + 1;
      while (index < text.length) {
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            value += '"';
            index += 2;
            continue;
          }
          break;
        }
        value += text[index];
        index += 1;
      }
      const after = index + 1;
      if (index < text.length && (after >= text.length || text[after] === "\t" || endOfRow(after))) {
        cell = value;
        at = after;
      }
    }
    if (cell === undefined) {
      let end = at;
      while (end < text.length && text[end] !== "\t" && !endOfRow(end)) end += 1;
      cell = text.slice(at, end);
      at = end;
    }
    row.push(cell);
    if (text[at] === "\t") {
      at += 1;
      if (at === text.length) row.push("");
    } else if (at < text.length) {
      // A row ends at CRLF, LF or CR; the last row's line break adds no empty row.
      if (text[at] === "\r" && text[at + 1] === "\n") at += 1;
      at += 1;
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

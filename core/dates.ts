/**
 * Spreadsheet date serials, 1900 system: day 0 is 1899-12-30, so 1 is 1900-01-01 and 2008-01-01
 * is 39448, as Excel, Sheets and LibreOffice count (Excel's phantom 1900-02-29 aside).
 */

/** Milliseconds from the Unix epoch to 1899-12-30, day 0 of the 1900 date system. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The serial of a date as its local calendar day and time show it. */
export function dateToSerial(date: Date): number {
  const local = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return (local - SERIAL_EPOCH_UTC) / DAY_MS;
}

/** The day a serial falls on, as yyyy-mm-dd. */
export function serialToIsoDate(serial: number): string {
  return new Date(SERIAL_EPOCH_UTC + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The serial of a yyyy-mm-dd day, or undefined when the text is no such calendar day. */
export function isoDateToSerial(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[2]) - 1;
  const time = Date.UTC(Number(match[1]), month, Number(match[3]));
  return new Date(time).getUTCMonth() === month ? (time - SERIAL_EPOCH_UTC) / DAY_MS : undefined;
}

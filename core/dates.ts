/**
 * Spreadsheet date serials, 1900 system: day 0 is 1899-12-30, so 1 is 1900-01-01 and 2008-01-01
 * is 39448, as Excel, Sheets and LibreOffice count (Excel's phantom 1900-02-29 aside).
 */

/** Milliseconds from the Unix epoch to 1899-12-30, day 0 of the 1900 date system. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Milliseconds from the Unix epoch to a calendar day and time read as UTC, every year as given.
 * `Date.UTC` and `new Date(y, …)` map years 0–99 to 1900–1999 (MDN, "Date.UTC()": "Values from 0
 * to 99 map to the years 1900 to 1999"); `setUTCFullYear` takes the year as it is, so a Sheets
 * date in year 50 stays in year 50.
 */
function wallClockTime(
  year: number,
  monthIndex: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
  milliseconds: number,
): number {
  const time = new Date(0);
  time.setUTCFullYear(year, monthIndex, day);
  time.setUTCHours(hours, minutes, seconds, milliseconds);
  return time.getTime();
}

/** The serial of a date as its local calendar day and time show it; NaN for an invalid date. */
export function dateToSerial(date: Date): number {
  const local = wallClockTime(
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

/**
 * The serial of a date as its calendar day and time show in a time zone; NaN for an invalid date.
 * Sheets hands a date cell to a script as the instant its date and time name in the spreadsheet's
 * time zone (Apps Script, "Custom functions in Google Sheets", Data types: dates arrive as
 * JavaScript Date objects), which need not be the script's zone.
 */
export function zonedDateToSerial(date: Date, timeZone: string): number {
  if (!Number.isFinite(date.getTime())) return Number.NaN;
  const parts = zonedClock(timeZone).formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  // The formatter counts years in eras: 1 BC is year 1 of era BC, year 0 of the proleptic calendar.
  const era = parts.find((part) => part.type === "era")?.value;
  const year = era === "BC" ? 1 - field("year") : field("year");
  const local = wallClockTime(
    year,
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
    date.getUTCMilliseconds(),
  );
  return (local - SERIAL_EPOCH_UTC) / DAY_MS;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

function zonedClock(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clocks.set(timeZone, clock);
  }
  return clock;
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
  const time = wallClockTime(Number(match[1]), month, Number(match[3]), 0, 0, 0, 0);
  return new Date(time).getUTCMonth() === month ? (time - SERIAL_EPOCH_UTC) / DAY_MS : undefined;
}

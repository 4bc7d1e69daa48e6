import { FormulaError } from "../errors";

/** Milliseconds from the Unix epoch to 1899-12-30, day 0 of the 1900 date system. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The date `months` calendar months from a date, as spreadsheet serials (1900 system): the same
 * day of the month, or the month's last day when it has fewer days (31 January + 1 month is
 * 28 or 29 February); a time of day is dropped. The evidence register's stale flag compares a
 * date with EDATE(TODAY(), −months); this is the same figure for its expected values.
 *
 * Source: Excel's EDATE ("Returns the serial number that represents the date that is the
 * indicated number of months before or after a specified date",
 * https://support.microsoft.com/office/edate-function-3c920eb2-6e66-44e7-a1f5-753ae47ee4f5),
 * which Sheets, LibreOffice and HyperFormula compute alike for dates after 1900-03-01.
 *
 * @param serial a date serial from 61 (1900-03-01: Excel's phantom 1900-02-29 lies before it)
 * @param months whole months, negative for earlier
 * @throws FormulaError `#VALUE!` for a serial before 61 or months that are not a whole number
 * @example addMonths(46054, -12) // 45689
 */
export function addMonths(serial: number, months: number): number {
  if (!Number.isFinite(serial) || serial < 61) {
    throw new FormulaError("VALUE", `BuyIn evidence: the date must be 1900-03-01 or later, got ${serial}`);
  }
  if (!Number.isInteger(months)) {
    throw new FormulaError("VALUE", `BuyIn evidence: months must be a whole number, got ${months}`);
  }
  const date = new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  // Day 0 of the next month is this month's last day; setUTCFullYear takes the year as it is.
  const monthEnd = new Date(0);
  monthEnd.setUTCFullYear(year, month + 1, 0);
  const days = monthEnd.getUTCDate();
  const target = new Date(0);
  target.setUTCFullYear(year, month, Math.min(date.getUTCDate(), days));
  return Math.round((target.getTime() - SERIAL_EPOCH_UTC) / DAY_MS);
}

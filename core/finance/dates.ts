import { FormulaError } from "../errors";

/** The last day Excel can show: 9999-12-31 is serial 2958465 in the 1900 date system. */
const LAST_SERIAL = 2958465;

/**
 * Years from the first date to each date, by Excel's XNPV/XIRR rule: whole days / 365, dates
 * truncated to integers, the first date is the start and no other date may precede it.
 */
export function yearsFromStart(fn: string, values: readonly number[], dates: readonly number[]): number[] {
  if (!Array.isArray(dates) || dates.length !== values.length) {
    throw new FormulaError(
      "NUM",
      `${fn}: cash flows and dates must have the same count, got ${values.length} and ${Array.isArray(dates) ? dates.length : 0}`,
    );
  }
  const years: number[] = new Array(dates.length).fill(0);
  let start = 0;
  for (let index = 0; index < dates.length; index++) {
    const date = dates[index];
    if (typeof date !== "number" || !Number.isFinite(date) || date < 0 || date > LAST_SERIAL + 1) {
      throw new FormulaError("VALUE", `${fn}: date ${index + 1} is not a valid date serial number`);
    }
    const day = Math.trunc(date);
    if (index === 0) start = day;
    else if (day < start) {
      throw new FormulaError(
        "NUM",
        `${fn}: date ${index + 1} is before the first date; the first date is the start`,
      );
    }
    years[index] = (day - start) / 365;
  }
  return years;
}

/**
 * Dates in the workbook's locale: the panel shows and reads a date as the workbook shows it
 * ("14/03/2025" in a British workbook, "3/14/2025" in an American one), while drafts and plans
 * keep ISO dates (yyyy-mm-dd). The locale is the host's (TableSnapshot.locale), else the browser's.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A locale Intl takes: the host's tag tidied ("en-gb" → "en-GB"), else the browser's own. */
export function panelLocale(reported: string | undefined): string {
  try {
    if (reported) return Intl.getCanonicalLocales(reported)[0] ?? navigator.language;
  } catch {
    // Not a tag Intl knows: the browser's own below.
  }
  return typeof navigator === "undefined" ? "en-US" : navigator.language;
}

const numeric = (locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });

/** An ISO date in the locale's numeric form; any other text as it is (a date still being typed). */
export function formatIsoDate(text: string, locale: string): string {
  const match = ISO.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? text : numeric(locale).format(date);
}

/**
 * A date typed in the locale's order (day, month, year in en-GB; month first in en-US), with any
 * separators, or as ISO; undefined when it is not a real date.
 */
export function parseLocaleDate(text: string, locale: string): string | undefined {
  const trimmed = text.trim();
  const parts = trimmed.split(/\D+/).filter(Boolean).map(Number);
  if (parts.length !== 3) return undefined;
  const order = ISO.test(trimmed)
    ? ["year", "month", "day"]
    : numeric(locale)
        .formatToParts(new Date(Date.UTC(2001, 10, 22)))
        .map((part) => part.type)
        .filter((type) => type === "day" || type === "month" || type === "year");
  const value = (type: string) => parts[order.indexOf(type)] as number;
  const [year, month, day] = [value("year"), value("month"), value("day")];
  if (year < 1900 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** Dates in the workbook's locale: shown and read as the workbook shows them, kept as ISO. */
import { describe, expect, it } from "vitest";
import { formatIsoDate, panelLocale, parseLocaleDate } from "../../ui/panel/locale-dates";

describe("dates in the workbook's locale", () => {
  it("show day first in a British workbook and month first in an American one", () => {
    expect(formatIsoDate("2025-03-14", "en-GB")).toBe("14/03/2025");
    expect(formatIsoDate("2025-03-14", "en-US")).toBe("03/14/2025");
    expect(formatIsoDate("2025-03-14", "de-DE")).toBe("14.03.2025");
    expect(formatIsoDate("14/03/2", "en-GB")).toBe("14/03/2");
  });

  it("read what is typed in the locale's order, or as ISO, and refuse dates that are not", () => {
    expect(parseLocaleDate("14/03/2025", "en-GB")).toBe("2025-03-14");
    expect(parseLocaleDate("3/14/2025", "en-US")).toBe("2025-03-14");
    expect(parseLocaleDate("14.3.2025", "de-DE")).toBe("2025-03-14");
    expect(parseLocaleDate("2025-03-14", "en-US")).toBe("2025-03-14");
    expect(parseLocaleDate("31/02/2025", "en-GB")).toBeUndefined();
    expect(parseLocaleDate("14/03", "en-GB")).toBeUndefined();
    expect(parseLocaleDate("03/14/2025", "en-GB")).toBeUndefined();
  });

  it("take the host's tag, tidied, and fall back on a tag Intl refuses", () => {
    expect(panelLocale("en-gb")).toBe("en-GB");
    expect(panelLocale("en_GB")).not.toBe("en_GB");
  });
});

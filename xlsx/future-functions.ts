/**
 * Functions Excel added after the 2007 file format are stored in a file with the prefix `_xlfn.`
 * ([MS-XLSX] 2.2.2 "Formulas": future functions; Microsoft, "Issue: An _xlfn. prefix is displayed
 * in front of a formula"). Written without it, `STDEV.S` is an unknown function: LibreOffice and
 * Excel show #NAME? (found by the LibreOffice test). ExcelJS writes formula text as given, so the
 * port adds the prefix on write and drops it on read. The list holds the future functions a plan
 * may write, and their close relatives.
 */
const FUTURE_FUNCTIONS = [
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "T.DIST",
  "T.DIST.2T",
  "T.DIST.RT",
  "T.INV",
  "T.INV.2T",
  "T.TEST",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "QUARTILE.INC",
  "QUARTILE.EXC",
  "MODE.SNGL",
  "RANK.EQ",
  "RANK.AVG",
  "CONFIDENCE.NORM",
  "CONFIDENCE.T",
  "IFNA",
  "IFS",
  "SWITCH",
  "CONCAT",
  "TEXTJOIN",
  "MAXIFS",
  "MINIFS",
  "DAYS",
  "ISOWEEKNUM",
] as const;

const escaped = FUTURE_FUNCTIONS.map((name) => name.replaceAll(".", "\\.")).join("|");
/** A future function's call, not preceded by a name character (so "XSTDEV.S(" is not one). */
const CALL = new RegExp(`(?<![A-Za-z0-9_.])(${escaped})\\(`, "gi");
const PREFIXED = /_xlfn\./gi;

/** Applies `change` to the parts of a formula outside double-quoted text. */
function outsideText(formula: string, change: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, index) => (index % 2 === 0 ? change(part) : part))
    .join('"');
}

/** The formula as a file stores it: future functions prefixed. */
export function toFileFormula(formula: string): string {
  return outsideText(formula, (part) =>
    part.replace(CALL, (_, name: string) => `_xlfn.${name.toUpperCase()}(`),
  );
}

/** The formula as a host shows it: without the prefixes. */
export function fromFileFormula(formula: string): string {
  return outsideText(formula, (part) => part.replace(PREFIXED, ""));
}

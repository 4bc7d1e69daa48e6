/**
 * User text that a spreadsheet would take for something else if written carelessly: formulas (and
 * the DDE and injection payloads of CSV/formula injection, OWASP "CSV Injection"), numbers, dates,
 * booleans, error values, a leading apostrophe, markup. Gathered from the other ports' tests
 * (tests/integration/stakeholder-map-ports.test.ts, tests/apps-script/sheets-workbook.test.ts,
 * tests/e2e/preview.test.ts) and extended.
 */
export const HOSTILE_TEXT: readonly string[] = [
  '=HYPERLINK("http://x","y")',
  "+1-555",
  "-5",
  "@user",
  "=1+1",
  "#N/A",
  "March 2024",
  "'quoted",
  "TRUE",
  "0012",
  "2024-01-01",
  "<img src=x onerror=alert(1)>",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "\t=1+1",
  '=WEBSERVICE("http://x")',
  "#DIV/0!",
  "1E5",
  "50%",
  "$100",
  "(5)",
  "FALSE",
  "5 Jan",
  "=",
  "+",
  'Quote "inside"',
];

/**
 * Excel custom functions entry. Loaded as a classic script by the shared runtime; registers every
 * catalog function synchronously at load (ESM loading has been reported to leave functions
 * unregistered). Only translates: Excel arguments in, Excel values or errors out.
 *
 * While this script runs, office.js has defined only `CustomFunctions.associate`,
 * `delayInitialization` and `_association`; `CustomFunctions.Error` and `ErrorCode` come later
 * with Excel's host script (@microsoft/office-js office.debug.js 1404-1420,
 * excel-win32-16.01.debug.js 59740-59741). So nothing here touches them until an error is made.
 */
import { catalog, excelName, invoke } from "../core/catalog/index";
import type { FormulaError, FormulaErrorKind } from "../core/errors";

/**
 * Excel's error codes, spelled as the values of `CustomFunctions.ErrorCode` (CustomFunctionsRuntime
 * 1.3 in @types/custom-functions-runtime): the enum object itself is not there at load.
 */
const ERROR_CODE = {
  VALUE: "#VALUE!",
  NUM: "#NUM!",
  DIV0: "#DIV/0!",
  NA: "#N/A",
} as const satisfies Record<FormulaErrorKind, `${CustomFunctions.ErrorCode}`>;

function toExcelError(error: FormulaError): CustomFunctions.Error {
  return new CustomFunctions.Error(ERROR_CODE[error.kind] as CustomFunctions.ErrorCode, error.message);
}

// taskpane.html opened outside Excel with office.js blocked or offline has no CustomFunctions; the
// page then says where BuyIn runs (taskpane.tsx), and there is nothing to register with.
if (typeof CustomFunctions !== "undefined") {
  for (const spec of catalog) {
    CustomFunctions.associate(excelName(spec), (...args: unknown[]) => {
      const { cells } = invoke(spec, args as Parameters<typeof invoke>[1]);
      const only = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
      // A single failing answer is thrown, so Excel shows its message on the cell.
      if (typeof only === "object") throw toExcelError(only);
      return cells.map((row) => row.map((cell) => (typeof cell === "object" ? toExcelError(cell) : cell)));
    });
  }
}

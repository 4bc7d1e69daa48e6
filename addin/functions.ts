/**
 * Excel custom functions entry. Loaded as a classic script by the shared runtime; registers every
 * catalog function synchronously at load (ESM loading has been reported to leave functions
 * unregistered). Only translates: Excel arguments in, Excel values or errors out.
 */
import { catalog, excelName, invoke } from "../core/catalog/index";
import type { FormulaError, FormulaErrorKind } from "../core/errors";

const ERROR_CODE: Readonly<Record<FormulaErrorKind, CustomFunctions.ErrorCode>> = {
  VALUE: CustomFunctions.ErrorCode.invalidValue,
  NUM: CustomFunctions.ErrorCode.invalidNumber,
  DIV0: CustomFunctions.ErrorCode.divisionByZero,
  NA: CustomFunctions.ErrorCode.notAvailable,
};

function toExcelError(error: FormulaError): CustomFunctions.Error {
  return new CustomFunctions.Error(ERROR_CODE[error.kind], error.message);
}

for (const spec of catalog) {
  CustomFunctions.associate(excelName(spec), (...args: unknown[]) => {
    const { cells } = invoke(spec, args as Parameters<typeof invoke>[1]);
    const only = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
    // A single failing answer is thrown, so Excel shows its message on the cell.
    if (typeof only === "object") throw toExcelError(only);
    return cells.map((row) => row.map((cell) => (typeof cell === "object" ? toExcelError(cell) : cell)));
  });
}

/**
 * Excel's custom-functions host as the built bundle, dist/addin/functions.js, meets it: loaded as a
 * classic script into a vm whose `CustomFunctions` holds only what office.js has put there by then;
 * `Error` and `ErrorCode` arrive afterwards, with Excel's host script (excel-win32-16.01.debug.js
 * 59740-59741 adds them to the existing CustomFunctions), before Excel calls any function.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const dist = join(import.meta.dirname, "../../dist/addin");

export type Handler = (...args: unknown[]) => unknown;

/**
 * `CustomFunctions` while functions.js runs: office.js defines only `associate`,
 * `delayInitialization` and `_association` (node_modules/@microsoft/office-js/dist/office.debug.js
 * 1404-1420). `associate` follows `OfficeExt.Association.prototype.associate` (office.debug.js
 * 1352-1388): one name and a function, or an object of them; names are upper-cased; a non-string
 * name or a non-function is refused with a console warning; a repeated name is warned about and
 * replaced.
 */
export function officeJsCustomFunctions(warnings: string[]) {
  const mappings: Record<string, Handler> = {};
  function associate(...args: unknown[]): void {
    const [first, second] = args;
    if (args.length === 1 && typeof first === "object" && first) {
      for (const [name, handler] of Object.entries(first)) associate(name, handler);
    } else if (args.length === 2 && typeof first === "string" && typeof second === "function") {
      if (mappings[first.toUpperCase()]) warnings.push(`[DuplicatedName] Function=${first}`);
      mappings[first.toUpperCase()] = second as Handler;
    } else warnings.push("[InvalidArg] Function=associate");
  }
  return { associate, delayInitialization() {}, _association: { mappings } };
}

/**
 * `CustomFunctions.Error` as Excel's host script defines it (excel-win32-16.01.debug.js
 * 59876-59935, `CustomFunctionError`): the code defaults to `#VALUE!` and the message to "".
 */
export class HostCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code?: string, message?: string) {
    super(message ?? "");
    this.code = code || "#VALUE!";
  }
}

/** `CustomFunctions.ErrorCode`, from the same script (excel-win32-16.01.debug.js 59870-59874). */
export const HOST_ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/**
 * Runs functions.js as the shared runtime does, then adds what Excel's host script adds. Returns
 * the functions it associated (by upper-cased name), the keys `CustomFunctions` had while it ran,
 * and office.js's warnings.
 */
export function loadFunctionsBundle() {
  const warnings: string[] = [];
  const customFunctions: Record<string, unknown> & ReturnType<typeof officeJsCustomFunctions> =
    officeJsCustomFunctions(warnings);
  const context = vm.createContext({ CustomFunctions: customFunctions, console });
  vm.runInContext(readFileSync(join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  const keysAtLoad = Object.keys(customFunctions);
  customFunctions.Error = HostCustomFunctionsError;
  customFunctions.ErrorCode = HOST_ERROR_CODE;
  return { associated: customFunctions._association.mappings, keysAtLoad, warnings };
}

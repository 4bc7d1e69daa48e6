import { caseFunctions } from "./case";
import { evaluationFunctions } from "./evaluation";
import { financeFunctions } from "./finance";
import { playbookFunctions } from "./playbook";
import { stakeholderFunctions } from "./stakeholders";
import type { FunctionSpec } from "./types";

export { dateToSerial, isoDateToSerial, serialToIsoDate, zonedDateToSerial } from "../dates";
export { BLANK, coerceNumber } from "./coerce";
export { type Invocation, invoke } from "./invoke";
export type * from "./types";

/** Every spreadsheet function BuyIn offers: the one list hosts, docs and tests are generated from. */
export const catalog: readonly FunctionSpec[] = [
  ...financeFunctions,
  ...caseFunctions,
  ...stakeholderFunctions,
  ...evaluationFunctions,
  ...playbookFunctions,
];

/**
 * The example's arguments as a host passes them: a value as a 1 × 1 range, a series as a column,
 * a row argument as one row.
 */
export function exampleArguments(spec: FunctionSpec): unknown[][][] {
  return spec.example.args.map((arg, index) => {
    if (!Array.isArray(arg)) return [[arg]];
    return spec.parameters[index]?.kind === "row" ? [[...arg]] : arg.map((value) => [value]);
  });
}

/** `BUYIN.ROI` → `ROI`: the name inside Excel's `BUYIN` namespace. */
export function excelName(spec: FunctionSpec): string {
  return spec.id.slice(spec.id.indexOf(".") + 1);
}

/** `BUYIN.ROI` → `BUYIN_ROI`: Sheets function names cannot contain dots. */
export function sheetsName(spec: FunctionSpec): string {
  return spec.id.replace(".", "_");
}

/** Built on first use, so a bundle that never looks a function up (the task pane) drops the catalog. */
let byId: Map<string, FunctionSpec> | undefined;

/** A catalog entry by `BUYIN.ROI` or `BUYIN_ROI`. */
export function findFunction(id: string): FunctionSpec | undefined {
  byId ??= new Map(catalog.flatMap((spec) => [[spec.id, spec] as const, [sheetsName(spec), spec] as const]));
  return byId.get(id.toUpperCase());
}

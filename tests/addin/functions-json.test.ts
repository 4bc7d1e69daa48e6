/**
 * dist/addin/functions.json against every rule Microsoft documents for hand-written custom-function
 * metadata, and against the catalog it is generated from. Sources:
 * - [json] "Manually create JSON metadata for custom functions",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json (metadata reference)
 * - [naming] "Custom functions naming and localization",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming
 * - [parameters] "Custom functions parameter options",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options
 * - [schema] the same metadata's lengths in the Microsoft 365 app manifest schema,
 *   https://learn.microsoft.com/microsoft-365/extensibility/schema/extension-function (and
 *   …/extension-function-parameter): id and name 3–64, description 1–1024, at most 128
 *   parameters, parameter name 1–64 and description 1–512, helpUrl at most 2048.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, excelName } from "../../core/index";

const dist = join(import.meta.dirname, "../../dist/addin");
const generated = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as Record<string, unknown>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** [json] top-level properties; allowErrorForDataTypeAny and allowCustomDataForDataTypeAny are top-level only. */
const TOP_LEVEL = [
  "$schema",
  "allowCustomDataForDataTypeAny",
  "allowErrorForDataTypeAny",
  "functions",
  "enums",
];
/** [json] "functions": the properties of each function object. */
const FUNCTION_PROPERTIES = ["description", "helpUrl", "id", "name", "options", "parameters", "result"];
/** [json] "options": every option is a Boolean. */
const OPTIONS = [
  "cancelable",
  "capturesCallingObject",
  "excludeFromAutoComplete",
  "linkedEntityLoadService",
  "requiresAddress",
  "requiresParameterAddresses",
  "requiresStreamAddress",
  "requiresStreamParameterAddresses",
  "stream",
  "volatile",
];
/** [json] "parameters". */
const PARAMETER_PROPERTIES = [
  "cellValueType",
  "customEnumId",
  "description",
  "dimensionality",
  "name",
  "optional",
  "repeating",
  "type",
];
const DATA_TYPES = ["boolean", "number", "string", "any"];
const DIMENSIONALITIES = ["scalar", "matrix"];
const CELL_VALUE_TYPES = [
  "cellvalue",
  "booleancellvalue",
  "doublecellvalue",
  "entitycellvalue",
  "errorcellvalue",
  "linkedentitycellvalue",
  "localimagecellvalue",
  "stringcellvalue",
  "webimagecellvalue",
];

/** [naming] a name must not be a cell reference, A1 to XFD1048576 or R1C1 to R1048576C16384. */
function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/i.exec(name);
  if (a1) {
    const column = [...(a1[1] as string).toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    return column <= 16384 && row >= 1 && row <= 1048576;
  }
  const r1c1 = /^R([0-9]+)C([0-9]+)$/i.exec(name);
  return r1c1 !== null && Number(r1c1[1]) <= 1048576 && Number(r1c1[2]) <= 16384;
}

/** [naming] names the page gives as Excel 4.0 macro functions a custom function must not take. */
const MACRO_FUNCTIONS = ["RUN", "ECHO"];

function lengthProblem(where: string, value: unknown, min: number, max: number): string[] {
  if (typeof value !== "string") return [`${where} is not a string`];
  return value.length < min || value.length > max
    ? [`${where} has ${value.length} characters, outside ${min}–${max}`]
    : [];
}

function unknownKeys(where: string, object: Json, allowed: readonly string[]): string[] {
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}: unknown property ${key}`);
}

function parameterProblems(where: string, parameters: unknown, enumIds: Set<string>): string[] {
  if (!Array.isArray(parameters)) return [`${where}: parameters is not an array`];
  const problems: string[] = [];
  if (parameters.length > 128) problems.push(`${where}: more than 128 parameters`);
  let optionalSeen = false;
  parameters.forEach((parameter: unknown, index) => {
    const at = `${where}.parameters[${index}]`;
    if (!isObject(parameter)) {
      problems.push(`${at} is not an object`);
      return;
    }
    problems.push(...unknownKeys(at, parameter, PARAMETER_PROPERTIES));
    problems.push(...lengthProblem(`${at}.name`, parameter.name, 1, 64));
    if (parameter.description !== undefined)
      problems.push(...lengthProblem(`${at}.description`, parameter.description, 1, 512));
    const type = parameter.type ?? "any";
    if (!DATA_TYPES.includes(type as string))
      problems.push(`${at}.type ${String(type)} is not one of ${DATA_TYPES}`);
    const dimensionality = parameter.dimensionality ?? "scalar";
    if (!DIMENSIONALITIES.includes(dimensionality as string))
      problems.push(`${at}.dimensionality ${String(dimensionality)} is not scalar or matrix`);
    if (parameter.cellValueType !== undefined) {
      if (type !== "any") problems.push(`${at}: cellValueType needs type any`);
      if (!CELL_VALUE_TYPES.includes(String(parameter.cellValueType).toLowerCase()))
        problems.push(`${at}.cellValueType ${String(parameter.cellValueType)} is not documented`);
    }
    if (parameter.customEnumId !== undefined && !enumIds.has(String(parameter.customEnumId).toUpperCase()))
      problems.push(`${at}.customEnumId names no enum`);
    for (const flag of ["optional", "repeating"] as const) {
      if (parameter[flag] !== undefined && typeof parameter[flag] !== "boolean")
        problems.push(`${at}.${flag} is not a Boolean`);
    }
    // [json] repeating parameters are optional by definition; [parameters] they are declared as
    // matrices and take every argument left, so only the last parameter can repeat.
    const optional = parameter.optional === true || parameter.repeating === true;
    if (parameter.repeating === true) {
      if (dimensionality !== "matrix") problems.push(`${at}: a repeating parameter must be a matrix`);
      if (index !== parameters.length - 1) problems.push(`${at}: only the last parameter can repeat`);
    }
    if (optionalSeen && !optional) problems.push(`${at}: a required parameter follows an optional one`);
    optionalSeen ||= optional;
  });
  return problems;
}

function optionProblems(where: string, options: unknown, result: Json): string[] {
  if (options === undefined) return [];
  if (!isObject(options)) return [`${where}: options is not an object`];
  const problems = unknownKeys(`${where}.options`, options, OPTIONS);
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== "boolean") problems.push(`${where}.options.${key} is not a Boolean`);
  }
  const on = (key: string) => options[key] === true;
  for (const other of ["cancelable", "requiresAddress", "volatile"]) {
    if (on("stream") && on(other)) problems.push(`${where}: a function can't use both stream and ${other}`);
  }
  if (on("excludeFromAutoComplete") && on("linkedEntityLoadService"))
    problems.push(`${where}: excludeFromAutoComplete and linkedEntityLoadService together`);
  if (on("requiresParameterAddresses") && result.dimensionality !== "matrix")
    problems.push(`${where}: requiresParameterAddresses needs a matrix result`);
  for (const streamOnly of ["requiresStreamAddress", "requiresStreamParameterAddresses"]) {
    if (on(streamOnly) && !on("stream")) problems.push(`${where}: ${streamOnly} needs stream`);
  }
  return problems;
}

function resultProblems(where: string, result: unknown): string[] {
  if (!isObject(result)) return [`${where}: result is not an object`];
  const problems = unknownKeys(`${where}.result`, result, ["type", "dimensionality"]);
  if (result.type !== undefined && !DATA_TYPES.includes(result.type as string))
    problems.push(`${where}.result.type ${String(result.type)} is not one of ${DATA_TYPES}`);
  if (result.dimensionality !== undefined && !DIMENSIONALITIES.includes(result.dimensionality as string))
    problems.push(`${where}.result.dimensionality is not scalar or matrix`);
  return problems;
}

function enumProblems(enums: unknown): { problems: string[]; ids: Set<string> } {
  const ids = new Set<string>();
  if (enums === undefined) return { problems: [], ids };
  if (!Array.isArray(enums)) return { problems: ["enums is not an array"], ids };
  const problems: string[] = [];
  enums.forEach((entry: unknown, index) => {
    const at = `enums[${index}]`;
    if (!isObject(entry)) {
      problems.push(`${at} is not an object`);
      return;
    }
    const id = String(entry.id ?? "").toUpperCase();
    if (!id) problems.push(`${at} has no id`);
    if (ids.has(id)) problems.push(`${at}: enum id ${id} is not unique`);
    ids.add(id);
    if (entry.type !== "string" && entry.type !== "number")
      problems.push(`${at}.type must be string or number`);
    const valueKey = entry.type === "number" ? "numberValue" : "stringValue";
    for (const value of Array.isArray(entry.values) ? entry.values : []) {
      if (!isObject(value) || typeof value.name !== "string" || value[valueKey] === undefined)
        problems.push(`${at}: every value needs a name and a ${valueKey}`);
    }
  });
  return { problems, ids };
}

/** Every documented rule the metadata breaks; empty when Excel can load it. */
function metadataProblems(metadata: unknown): string[] {
  if (!isObject(metadata)) return ["the file is not a JSON object"];
  const problems = unknownKeys("file", metadata, TOP_LEVEL);
  for (const flag of ["allowErrorForDataTypeAny", "allowCustomDataForDataTypeAny"]) {
    if (metadata[flag] !== undefined && typeof metadata[flag] !== "boolean")
      problems.push(`${flag} is not a Boolean`);
  }
  const enums = enumProblems(metadata.enums);
  problems.push(...enums.problems);
  if (!Array.isArray(metadata.functions)) return [...problems, "functions is not an array"];
  const ids = new Set<string>();
  const names = new Set<string>();
  metadata.functions.forEach((fn: unknown, index) => {
    if (!isObject(fn)) {
      problems.push(`functions[${index}] is not an object`);
      return;
    }
    const where = `functions[${index}] (${String(fn.id)})`;
    problems.push(...unknownKeys(where, fn, FUNCTION_PROPERTIES));
    for (const required of ["id", "name", "parameters", "result"]) {
      if (fn[required] === undefined) problems.push(`${where}: missing ${required}`);
    }
    // [json] id: alphanumeric characters and periods, unique in the file; [naming] begins with a
    // letter, at least three characters, upper case (A–Z); [schema] at most 64.
    const id = String(fn.id ?? "");
    problems.push(...lengthProblem(`${where}.id`, fn.id, 3, 64));
    if (!/^[A-Z][A-Z0-9.]*$/.test(id))
      problems.push(`${where}.id may hold only A–Z, 0–9 and periods, from a letter`);
    if (ids.has(id)) problems.push(`${where}.id is not unique`);
    ids.add(id);
    // [naming] name: Unicode letters, underscores and periods, from a letter, at least three
    // characters; never a cell reference or an Excel 4.0 macro function; a clash shows #REF!.
    const name = String(fn.name ?? "");
    problems.push(...lengthProblem(`${where}.name`, fn.name, 3, 64));
    if (!/^\p{L}[\p{L}0-9._]*$/u.test(name)) problems.push(`${where}.name has a character Excel refuses`);
    if (isCellReference(name)) problems.push(`${where}.name ${name} is a cell reference`);
    if (MACRO_FUNCTIONS.includes(name.toUpperCase()))
      problems.push(`${where}.name ${name} is an Excel 4.0 macro`);
    if (names.has(name.toUpperCase())) problems.push(`${where}.name is not unique`);
    names.add(name.toUpperCase());
    if (fn.description !== undefined)
      problems.push(...lengthProblem(`${where}.description`, fn.description, 1, 1024));
    if (fn.helpUrl !== undefined) {
      problems.push(...lengthProblem(`${where}.helpUrl`, fn.helpUrl, 1, 2048));
      if (!URL.canParse(String(fn.helpUrl))) problems.push(`${where}.helpUrl is not a URL`);
    }
    problems.push(...parameterProblems(where, fn.parameters, enums.ids));
    problems.push(...resultProblems(where, fn.result));
    problems.push(...optionProblems(where, fn.options, isObject(fn.result) ? fn.result : {}));
  });
  return problems;
}

describe("dist/addin/functions.json", () => {
  it("follows every documented rule for custom-function metadata", () => {
    expect(metadataProblems(generated())).toEqual([]);
  });

  it("lets errors in input cells reach the functions: allowErrorForDataTypeAny is set at the top of the file", () => {
    const metadata = generated() as { allowErrorForDataTypeAny: unknown; functions: Json[] };
    // [json] "All parameters with the type any or any[][] can accept errors as input values when
    // allowErrorForDataTypeAny is set to true"; the default is false.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    for (const fn of metadata.functions) expect(fn.options).toBeUndefined();
  });

  it("declares exactly the catalog, in order, with matching parameters", () => {
    const metadata = generated() as {
      functions: {
        id: string;
        name: string;
        description: string;
        parameters: { name: string; type: string; dimensionality: string; optional?: boolean }[];
        result: { type: string; dimensionality: string };
      }[];
    };
    expect(metadata.functions.map((entry) => entry.id)).toEqual(catalog.map(excelName));
    metadata.functions.forEach((entry, index) => {
      const spec = catalog[index];
      if (!spec) throw new Error("catalog shorter than metadata");
      expect(entry.name).toBe(excelName(spec));
      expect(entry.description).toContain(spec.summary);
      expect(entry.parameters.map((parameter) => parameter.name)).toEqual(spec.parameters.map((p) => p.name));
      for (const parameter of entry.parameters) {
        expect(parameter).toMatchObject({ type: "any", dimensionality: "matrix" });
        const declared = spec.parameters.find((candidate) => candidate.name === parameter.name);
        expect(parameter.optional ?? false).toBe(Boolean(declared?.optional));
      }
      expect(entry.result).toEqual({ type: "any", dimensionality: "matrix" });
    });
  });

  it("catches metadata Excel would refuse", () => {
    const broken = (change: (metadata: { functions: Json[] } & Json) => void): string[] => {
      const metadata = generated() as { functions: Json[] } & Json;
      change(metadata);
      return metadataProblems(metadata);
    };
    const first = (metadata: { functions: Json[] }) => metadata.functions[0] as Json;
    // The option where this file had it before: Excel documents it only at the top of the file.
    expect(
      broken((m) => Object.assign(first(m), { options: { allowErrorForDataTypeAny: true } })).join(),
    ).toMatch(/\.options: unknown property allowErrorForDataTypeAny$/);
    expect(broken((m) => Object.assign(first(m), { id: "R-OI" })).join()).toMatch(
      /only A–Z, 0–9 and periods/,
    );
    expect(broken((m) => Object.assign(first(m), { name: "AB12" })).join()).toMatch(/is a cell reference/);
    expect(broken((m) => Object.assign(first(m), { name: "run" })).join()).toMatch(/Excel 4\.0 macro/);
    expect(broken((m) => Object.assign(first(m), { id: "X".repeat(65) })).join()).toMatch(/outside 3–64/);
    expect(broken((m) => Object.assign(first(m), { id: (m.functions[1] as Json).id })).join()).toMatch(
      /not unique/,
    );
    expect(broken((m) => delete first(m).result).join()).toMatch(/missing result/);
    expect(
      broken((m) => Object.assign(first(m), { options: { stream: true, cancelable: true } })).join(),
    ).toMatch(/both stream and cancelable/);
    expect(
      broken((m) => {
        const parameters = first(m).parameters as Json[];
        Object.assign(parameters[0] as Json, { optional: true });
      }).join(),
    ).toMatch(/a required parameter follows an optional one/);
    expect(
      broken((m) => Object.assign((first(m).parameters as Json[])[0] as Json, { repeating: true })).join(),
    ).toMatch(/only the last parameter can repeat/);
    expect(
      broken((m) => Object.assign((first(m).parameters as Json[])[0] as Json, { type: "range" })).join(),
    ).toMatch(/type range is not one of/);
    expect(
      broken((m) =>
        Object.assign((first(m).parameters as Json[])[0] as Json, { description: "x".repeat(513) }),
      ).join(),
    ).toMatch(/outside 1–512/);
    expect(broken((m) => Object.assign(first(m), { result: { dimensionality: "vector" } })).join()).toMatch(
      /not scalar or matrix/,
    );
    expect(broken((m) => Object.assign(m, { allowErrorForDataTypeAny: "yes" }))).toEqual([
      "allowErrorForDataTypeAny is not a Boolean",
    ]);
  });
});

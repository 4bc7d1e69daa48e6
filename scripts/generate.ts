/**
 * What the build generates from the catalog: Excel's functions.json, the Apps Script global
 * function stubs, and the README's function reference. Pure functions of the catalog, so the
 * tests can check the outputs are in sync with it.
 */
import { toJSONSchema } from "zod/v4/core";
import { SERVER_FUNCTIONS } from "../apps-script/server";
import {
  catalog,
  excelName,
  type FunctionSpec,
  type ParameterSpec,
  sheetsName,
  type TableAnswer,
} from "../core/catalog/index";
import { ENGAGEMENT_GLOSSARY, GLOSSARY_SOURCES, GLOSSARY_TERMS, scaleEnds } from "../ui/panel/glossary";

interface JsonSchemaNumber {
  type?: string;
  items?: JsonSchemaNumber;
  enum?: number[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
}

/** One number's bounds in words: "a number from 0 to 10", "a whole number, 1 or more". */
function describeNumber(schema: JsonSchemaNumber): string {
  const number = schema.type === "integer" ? "a whole number" : "a number";
  const { minimum, maximum, exclusiveMinimum } = schema;
  if (minimum !== undefined && maximum !== undefined) return `${number} from ${minimum} to ${maximum}`;
  if (exclusiveMinimum !== undefined) return `${number} greater than ${exclusiveMinimum}`;
  if (minimum !== undefined) return `${number}, ${minimum} or more`;
  return number;
}

/** A parameter's accepted values in words, from its zod schema. */
export function describeValues(parameter: ParameterSpec): string {
  if (parameter.type === "choice") {
    const words = (parameter.choices ?? []).map((word) => JSON.stringify(word));
    return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
  }
  if (parameter.type === "engagement")
    return "an engagement level: Unaware, Resistant, Neutral, Supportive, Leading, or 1–5";
  if (parameter.type === "quadrant")
    return "a quadrant: Manage closely, Keep satisfied, Keep informed or Monitor";
  const schema = toJSONSchema(parameter.schema) as JsonSchemaNumber;
  if (schema.type === "array" && parameter.kind === "sample") {
    const count = schema.minItems ?? 1;
    const each = describeNumber(schema.items ?? {});
    const pairing = parameter.pairedWith ? `, the same size as ${parameter.pairedWith}` : "";
    return `a range of at least ${count} value${count === 1 ? "" : "s"}, each ${each}${pairing}; blank cells are skipped`;
  }
  if (schema.type === "array") {
    const count = `at least ${schema.minItems ?? 1} number${(schema.minItems ?? 1) === 1 ? "" : "s"}`;
    return parameter.kind === "row"
      ? `a row of ${count}; given several rows, one answer per row`
      : `a range of ${count}`;
  }
  if (schema.enum) return `${schema.enum.slice(0, -1).join(", ")} or ${schema.enum.at(-1)}`;
  return describeNumber(schema);
}

function formatArgument(argument: number | string | readonly number[]): string {
  if (typeof argument === "number") return String(argument);
  if (typeof argument === "string") return JSON.stringify(argument);
  return `{${argument.join(",")}}`;
}

/** The example as a formula, in Excel's or Sheets' spelling. */
export function exampleFormula(spec: FunctionSpec, host: "excel" | "sheets"): string {
  const name = host === "excel" ? spec.id : sheetsName(spec);
  return `=${name}(${spec.example.args.map(formatArgument).join(", ")})`;
}

function roundForDocs(value: number | string | TableAnswer): string {
  if (typeof value === "string") return JSON.stringify(value);
  // A table answer: its rows after the header, each a label and its value.
  if (typeof value !== "number")
    return value
      .slice(1)
      .map((row) => row.map(roundForDocs).join(" "))
      .join("; ");
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/**
 * Excel's custom-functions metadata (functions.json). `allowErrorForDataTypeAny` is a top-level
 * property of the file, not a function option
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany):
 * with it, an error in an input cell reaches the function, so only that row's answer is an error.
 */
export function functionsJson(): object {
  return {
    allowErrorForDataTypeAny: true,
    functions: catalog.map((spec) => ({
      id: excelName(spec),
      name: excelName(spec),
      description: `${spec.summary} Example: ${exampleFormula(spec, "excel")} returns ${roundForDocs(spec.example.value)}.`,
      // Every parameter is a matrix of `any`: BuyIn coerces cells itself, the same way in both
      // hosts, and lifts scalar parameters over ranges.
      parameters: spec.parameters.map((parameter) => ({
        name: parameter.name,
        description: `${parameter.description} (${describeValues(parameter)})`,
        type: "any",
        dimensionality: "matrix",
        ...(parameter.optional ? { optional: true } : {}),
      })),
      result: { type: "any", dimensionality: "matrix" },
    })),
  };
}

function jsDocType(parameter: ParameterSpec): string {
  if (parameter.kind !== "scalar") return "number[][]";
  if (parameter.type === "choice") return "string";
  return parameter.type === "engagement" || parameter.type === "quadrant"
    ? "string|number[][]"
    : "number|number[][]";
}

/**
 * Apps Script globals with `@customfunction` JSDoc, so Sheets lists and autocompletes them.
 * Each forwards to the bundle, whose global is `BuyIn`.
 */
export function appsScriptStubs(): string {
  return catalog
    .map((spec) => {
      const names = spec.parameters.map((parameter) => parameter.name);
      const params = spec.parameters.map(
        (parameter) =>
          ` * @param {${jsDocType(parameter)}} ${parameter.optional ? `[${parameter.name}]` : parameter.name} ${parameter.description}`,
      );
      return [
        "/**",
        ` * ${spec.summary}`,
        ` * Example: ${exampleFormula(spec, "sheets")} returns ${roundForDocs(spec.example.value)}.`,
        " *",
        ...params,
        ` * @return {${spec.result.format === "text" ? "string" : "number"}|Array<Array<*>>} ${spec.result.description}`,
        " * @customfunction",
        " */",
        `function ${sheetsName(spec)}(${names.join(", ")}) {`,
        `  return BuyIn.callFunction(${JSON.stringify(spec.id)}, Array.prototype.slice.call(arguments));`,
        "}",
      ].join("\n");
    })
    .join("\n\n");
}

/** Top-level Apps Script functions (triggers, the menu item, google.script.run) forwarding to the bundle. */
export function serverStubs(): string {
  return SERVER_FUNCTIONS.map(
    (name) =>
      `function ${name}() {\n  return BuyIn.${name}.apply(null, Array.prototype.slice.call(arguments));\n}`,
  ).join("\n\n");
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The README's function reference, one row a function. */
export function referenceMarkdown(): string {
  const rows = catalog.map((spec) => {
    const parameters = spec.parameters
      .map(
        (parameter) =>
          `\`${parameter.name}\`${parameter.optional ? ` (optional, ${parameter.optional.meaning})` : ""}: ${describeValues(parameter)}`,
      )
      .join("; ");
    const example = `\`${exampleFormula(spec, "excel")}\` → ${roundForDocs(spec.example.value)}`;
    return `| \`${spec.id}\` / \`${sheetsName(spec)}\` | ${escapeCell(spec.summary)} | ${escapeCell(parameters)} | ${escapeCell(example)} | ${escapeCell(spec.definition)} |`;
  });
  return [
    "| Excel / Sheets | Returns | Parameters | Example | Definition and source |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export const REFERENCE_START =
  "<!-- function-reference:start (generated from core/catalog by npm run build) -->";
export const REFERENCE_END = "<!-- function-reference:end -->";

/** The README with its reference section replaced by the generated one. */
export function withReference(readme: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error("README.md lacks the function-reference markers");
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${referenceMarkdown()}\n${readme.slice(end)}`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * The short glossary for the help page, from the text the panel's field hints and Help screen
 * show (ui/panel/glossary.ts), on the default 1–5 scale.
 */
export function glossaryHtml(): string {
  const scaleMax = 5;
  const terms = GLOSSARY_TERMS.map(
    (term) =>
      `<dt>${escapeHtml(term.name)}</dt><dd>${escapeHtml(`${term.meaning} ${scaleEnds(term, scaleMax)}`)} <small>(${escapeHtml(term.source)})</small></dd>`,
  );
  const levels = ENGAGEMENT_GLOSSARY.map(
    (entry) => `<dt>${entry.number} ${escapeHtml(entry.level)}</dt><dd>${escapeHtml(entry.meaning)}</dd>`,
  );
  const sources = GLOSSARY_SOURCES.map((source) => `<li>${escapeHtml(source.reference)}</li>`);
  return [
    `<p>Scores run from 1 to ${scaleMax} unless the workbook's settings sheet says otherwise; the top of another scale reads as ${scaleMax} does here. A score at or above the threshold (by default the scale's midpoint) is high.</p>`,
    `<h3>The scores</h3>\n<dl>${terms.join("\n")}</dl>`,
    `<h3>Engagement levels (PMBOK)</h3>\n<dl>${levels.join("\n")}</dl>`,
    "<p>The engagement gap is the desired level's number minus the current one's.</p>",
    `<h3>Sources</h3>\n<ul>${sources.join("\n")}</ul>`,
  ].join("\n");
}

/** The function reference as an HTML table body, for the help page and the task pane. */
export function referenceHtml(): string {
  const rows = catalog.map((spec) => {
    const parameters = spec.parameters
      .map(
        (parameter) => `<code>${escapeHtml(parameter.name)}</code>: ${escapeHtml(describeValues(parameter))}`,
      )
      .join("<br>");
    return [
      "<tr>",
      `<th scope="row"><code>${escapeHtml(spec.id)}</code></th>`,
      `<td>${escapeHtml(spec.summary)}<br><small>${escapeHtml(spec.definition)}</small></td>`,
      `<td>${parameters}</td>`,
      `<td><code>${escapeHtml(exampleFormula(spec, "excel"))}</code> → ${escapeHtml(roundForDocs(spec.example.value))}</td>`,
      "</tr>",
    ].join("");
  });
  return [
    "<table>",
    '<thead><tr><th scope="col">Function</th><th scope="col">Returns</th><th scope="col">Parameters</th><th scope="col">Example</th></tr></thead>',
    `<tbody>${rows.join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

/**
 * Tests that walk the whole catalog, so a function is fuzzed and its example checked the day it
 * is added.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as core from "../../../core/index";
import {
  type CellResult,
  catalog,
  exampleArguments,
  FormulaError,
  type FunctionSpec,
  invoke,
  sheetsName,
} from "../../../core/index";
import { expectExample } from "../../examples";

const ERROR_KINDS = ["VALUE", "NUM", "DIV0", "NA"];

function expectWellFormed(spec: FunctionSpec, cell: CellResult) {
  if (cell instanceof FormulaError) {
    expect(ERROR_KINDS).toContain(cell.kind);
    expect(cell.message.startsWith(`${spec.id}: `)).toBe(true);
    expect(cell.message.length).toBeGreaterThan(spec.id.length + 10);
  } else if (typeof cell !== "string") {
    expect(typeof cell).toBe("number");
    expect(Number.isFinite(cell)).toBe(true);
  }
}

describe("the catalog", () => {
  it("has unique ids in the BUYIN namespace, valid in both hosts", () => {
    const ids = catalog.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of catalog) {
      expect(spec.id).toMatch(/^BUYIN\.[A-Z][A-Z0-9]*$/);
      expect(sheetsName(spec)).toMatch(/^BUYIN_[A-Z][A-Z0-9]*$/);
      for (const parameter of spec.parameters) expect(parameter.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it.each(catalog.map((spec) => [spec.id, spec] as const))("%s: its example gives its value", (_id, spec) => {
    const { cells } = invoke(spec, exampleArguments(spec) as never);
    expectExample(cells, spec);
  });
});

/** Any value a host may hand over for one cell. */
const anyCell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: false }) },
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
  fc.constantFrom(null, undefined, "", " ", true, false, "#N/A", "#DIV/0!", "12%", "1,000", "abc", "=1+1"),
  fc.string({ maxLength: 6 }),
  fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
  fc.constant({ code: "#VALUE!" }),
);

function grid(rows: number, columns: number) {
  return fc.array(fc.array(anyCell, { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  });
}

/** A cell, or a range of 1–4 rows and 1–3 columns (shapes may clash on purpose). */
const anyArgument = fc.oneof(
  anyCell,
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) => grid(rows, columns)),
);

describe.each(catalog.map((spec) => [spec.id, spec] as const))("%s under fuzzing", (_id, spec) => {
  it("never throws, answers only finite numbers, blanks or named errors, and keeps the broadcast shape", () => {
    fc.assert(
      fc.property(
        fc.array(anyArgument, { minLength: spec.parameters.length, maxLength: spec.parameters.length }),
        (args) => {
          const { cells } = invoke(spec, args);
          const rows = cells.length;
          const columns = cells[0]?.length ?? 0;
          expect(rows).toBeGreaterThan(0);
          for (const row of cells) {
            expect(row).toHaveLength(columns);
            for (const cell of row) expectWellFormed(spec, cell);
          }
          const single = rows === 1 && columns === 1;
          if (spec.result.format === "table") {
            // A table function lifts nothing: one cell (an error or a blank), or the example's table shape.
            const table = spec.example.value as readonly (readonly unknown[])[];
            if (!single) expect([rows, columns]).toEqual([table.length, table[0]?.length]);
          } else if (!single || !(cells[0]?.[0] instanceof FormulaError)) {
            // Unless the whole call failed, the answer has the broadcast shape of the lifted inputs.
            const lifted = spec.parameters.flatMap((parameter, index) => {
              const arg = args[index];
              if (parameter.kind === "row" && Array.isArray(arg))
                return [(arg as unknown[][]).map(() => [0])];
              return parameter.kind === "scalar" && Array.isArray(arg) ? [arg as unknown[][]] : [];
            });
            expect(rows).toBe(Math.max(1, ...lifted.map((range) => range.length)));
            expect(columns).toBe(Math.max(1, ...lifted.map((range) => range[0]?.length ?? 0)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Every `@example name(args) // value` in the kernels' JSDoc is run and must hold. */
describe("JSDoc examples in core/", () => {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(import.meta.dirname, "../../../core"));
  const examples = files.flatMap((file) =>
    [
      ...readFileSync(file, "utf8").matchAll(/@example (\w+\(.*\)(?:\.\w+)?) \/\/ (-?[\d.e+-]+|"[^"]*")$/gm),
    ].map((match) => [match[1] as string, JSON.parse(match[2] as string) as number | string] as const),
  );

  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(18);
  });

  it.each(examples)("%s is %j", (call, expected) => {
    const names = Object.keys(core);
    const run = new Function(...names, `return ${call};`) as (...values: unknown[]) => number | string;
    const actual = run(...names.map((name) => (core as Record<string, unknown>)[name]));
    if (typeof expected === "string") expect(actual).toBe(expected);
    else
      expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(expected)),
      );
  });
});

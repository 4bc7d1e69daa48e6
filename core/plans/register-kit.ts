/**
 * The register kit: a register (a keyed table of records with computed columns) is declared once,
 * and its table plan, named ranges, assumptions sheet, record parser, id generator and the panel's
 * drafts all come from that one declaration (docs/ARCHITECTURE.md, "Add a register").
 */
import type * as z from "zod/mini";
import { type AssumptionsSheet, assumptionsPlan } from "./assumptions-sheet";
import { type DraftKit, draftKit } from "./register-drafts";
import { type ParsedRegister, parseRegister, type RegisterRows, validationOf } from "./register-parse";
import type { Cell, ColumnSpec, NamePlan, SheetPlan, TableRow, Validation } from "./sheet-plan";

/**
 * How a cell reads back into a field: `text` as it is; `whole` a whole number in the column's
 * validation range; `number` any number in that range; `choice` one of the validation list, in
 * any case, or its position in the list (1 is the first); `date` a date, ISO text or serial.
 */
export type ColumnType = "text" | "whole" | "number" | "choice" | "date";

interface ColumnBase {
  /** Stable id: the record's field for key and input columns; never shown, never changes. */
  readonly id: string;
  readonly header: string;
  /** Width hint in characters. */
  readonly width: number;
  /** One line for the panel: what goes in the column. */
  readonly hint?: string;
  readonly numberFormat?: string;
  /** Names the column's data range `BuyIn_<module>_<name>`, for other sheets' formulas. */
  readonly name?: string;
}

/** A column the user types into; the key column is the record's identity ("S-001"). */
export interface InputColumn<R, O> extends ColumnBase {
  readonly role: "key" | "input";
  readonly id: keyof R & string;
  readonly type: ColumnType;
  /** A blank is refused ("is required"); a blank key is given the next free id instead. */
  readonly required?: boolean;
  /** Allowed values; a function when they depend on the register's options (a 1–5 or 1–10 scale). */
  readonly validation?: Validation | ((options: O) => Validation);
  /** The text a new draft starts with. */
  readonly initial?: string;
  /**
   * A rule that needs the register's options (another register's ids, known only when both are
   * read): the rest of a sentence that begins with the header, or undefined when the value passes.
   */
  readonly check?: (value: string | number, options: O) => string | undefined;
}

/**
 * A computed column: a native formula template (`{row}`, `{col:id}`, `{name:X}` for the module's
 * name X) and the kernel that computes the same value from a record, blank ("") when one of the
 * inputs it `needs` is blank, as the formula must be.
 */
export interface OutputColumn<R, O> extends ColumnBase {
  readonly role: "output";
  readonly formula: string;
  readonly needs: readonly (keyof R & string)[];
  readonly kernel: (record: R, options: O) => Cell;
}

export type RegisterColumn<R, O> = InputColumn<R, O> | OutputColumn<R, O>;

export interface RegisterDeclaration<R, O> {
  /** The plan kind, BuyIn's marker for the sheet ("stakeholders"). */
  readonly kind: string;
  readonly title: string;
  /** Module prefix of every workbook name: "Map" gives `BuyIn_Map_Threshold`. */
  readonly module: string;
  /** Prefix of the names an older BuyIn gave the same ranges ("BuyIn_" for `BuyIn_Threshold`), migrated on write. */
  readonly formerPrefix?: string;
  /** The record's zod object: each key or input column's rule is its field's schema. */
  readonly schema: z.ZodMiniType<R> & { readonly shape: Readonly<Record<string, z.ZodMiniType>> };
  /** Ids the kit makes for rows without one: prefix then a zero-padded number ("S-001"). */
  readonly key: { readonly prefix: string; readonly digits: number };
  /** In sheet order: the key column first, then inputs and outputs. */
  readonly columns: readonly RegisterColumn<R, O>[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** The sheet of named assumptions the formulas read, if any. */
  readonly assumptions?: (options: O) => AssumptionsSheet;
}

export interface Register<R, O> extends DraftKit<R, O> {
  readonly declaration: RegisterDeclaration<R, O>;
  readonly keyColumn: InputColumn<R, O>;
  /** Key and input columns, in sheet order. */
  readonly inputs: readonly InputColumn<R, O>[];
  readonly outputs: readonly OutputColumn<R, O>[];
  /** The workbook name `BuyIn_<module>_<suffix>`. */
  name(suffix: string): string;
  /** The next free id, marked taken. */
  nextKey(taken: Set<string>): string;
  /** The value each output formula should show for this record ("" where the formula is blank). */
  expected(record: R, options: O): Record<string, Cell>;
  /** The assumptions sheet (when declared), then the register. */
  plans(records: readonly R[], options: O): SheetPlan[];
  /**
   * A table's header as read back, with each column whose id BuyIn knows (TableSnapshot.ids, from
   * the state sheet) under its declared header: a header the user renamed still reads as its column.
   */
  headerOf(table: {
    readonly header: readonly string[];
    readonly ids?: readonly (string | undefined)[];
  }): string[];
  parse(rows: RegisterRows, options: O): ParsedRegister<R>;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === "";

export function defineRegister<R, O>(declaration: RegisterDeclaration<R, O>): Register<R, O> {
  const { columns, key, module, formerPrefix } = declaration;
  const inputs = columns.filter((column): column is InputColumn<R, O> => column.role !== "output");
  const outputs = columns.filter((column): column is OutputColumn<R, O> => column.role === "output");
  const keyColumn = inputs.find((column) => column.role === "key");
  if (!keyColumn || columns[0] !== keyColumn)
    throw new Error(`register ${declaration.kind}: the key column must come first`);
  const name = (suffix: string) => `BuyIn_${module}_${suffix}`;
  const namePlan = (suffix: string, where: { column: string } | { at: string }): NamePlan => ({
    name: name(suffix),
    ...where,
    ...(formerPrefix ? { formerly: [`${formerPrefix}${suffix}`] } : {}),
  });
  const withNames = (formula: string) => formula.replace(/\{name:(\w+)\}/g, (_, suffix) => name(suffix));
  const nextKey = (taken: Set<string>) => {
    for (let number = 1; ; number++) {
      const id = `${key.prefix}${String(number).padStart(key.digits, "0")}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
  const expected = (record: R, options: O): Record<string, Cell> => {
    const values: Record<string, Cell> = {};
    for (const column of outputs) {
      if (column.needs.some((field) => isBlank(record[field]))) values[column.id] = "";
      else {
        // A record off the scale makes the kernel throw: no expected value, the engine keeps what is there.
        try {
          values[column.id] = column.kernel(record, options);
        } catch {}
      }
    }
    return values;
  };
  const columnSpec = (column: RegisterColumn<R, O>, options: O): ColumnSpec => {
    const base = { id: column.id, header: column.header, width: column.width };
    if (column.role === "output")
      return {
        ...base,
        role: "output",
        formula: withNames(column.formula),
        numberFormat: column.numberFormat,
      };
    const validation = validationOf(column, options);
    const numberFormat =
      column.numberFormat ?? { whole: "0", date: "yyyy-mm-dd" }[column.type as "whole" | "date"];
    return {
      ...base,
      role: column.role,
      ...(numberFormat ? { numberFormat } : {}),
      ...(validation ? { validation } : {}),
    };
  };
  const tablePlan = (records: readonly R[], options: O): SheetPlan => ({
    kind: declaration.kind,
    title: declaration.title,
    table: {
      columns: columns.map((column) => columnSpec(column, options)),
      rows: records.map(
        (record): TableRow => ({
          key: String(record[keyColumn.id]),
          values: Object.fromEntries(
            inputs
              .filter((column) => column !== keyColumn)
              .map((column) => [column.id, (record[column.id] as Cell | undefined) ?? null]),
          ),
          expected: expected(record, options),
        }),
      ),
    },
    names: columns.flatMap((column) => (column.name ? [namePlan(column.name, { column: column.id })] : [])),
    ...(declaration.freeze ? { freeze: declaration.freeze } : {}),
  });
  const register: Omit<Register<R, O>, keyof DraftKit<R, O>> = {
    declaration,
    keyColumn,
    inputs,
    outputs,
    name,
    nextKey,
    expected,
    plans: (records, options) => {
      const sheet = declaration.assumptions?.(options);
      const table = tablePlan(records, options);
      return sheet ? [assumptionsPlan(sheet, namePlan, withNames), table] : [table];
    },
    parse: (rows, options) => parseRegister(register as Register<R, O>, rows, options),
    headerOf: ({ header, ids }) =>
      header.map((text, index) => columns.find((column) => column.id === ids?.[index])?.header ?? text),
  };
  return Object.assign(register, draftKit(register as Register<R, O>)) as Register<R, O>;
}

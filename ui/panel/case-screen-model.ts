/**
 * The Business Case screen's working copy: every field as the text the user typed (so a half-typed
 * amount is kept and flagged, never lost), turned into core's inputs and checked by core's own
 * rules (checkBusinessCase) on every keystroke; the case read back from its sheets; and the
 * simulation's results read off the Business Case sheet, so a write never erases them.
 */
// Values from core's own files, not core/index: this module loads on demand (lazy-screen.tsx).

import { businessCase } from "../../core/case/business-case";
import { businessCaseWarnings } from "../../core/case/case-warnings";
import { checkBusinessCase } from "../../core/case/check-inputs";
import { PROGRAMME_LABELS } from "../../core/case/labels";
import { BENEFIT_REGISTER, COST_REGISTER, INTANGIBLE_REGISTER } from "../../core/case/registers";
import { SIMULATION_HEADING, SIMULATION_ROWS, SIMULATION_STALE } from "../../core/case/simulation-block";
import { isoDateToSerial, serialToIsoDate } from "../../core/dates";
import type {
  BenefitStream,
  BusinessCaseInputs,
  BusinessCaseResult,
  CaseWarning,
  CostLine,
  Intangible,
  Programme,
  SimulationRecord,
  TableSnapshot,
} from "../../core/index";
import type { Cell } from "../../core/plans/sheet-plan";

export type ProgrammeField = keyof Programme;
export type CostField = keyof CostLine;
export type BenefitField = keyof BenefitStream;
export type IntangibleField = keyof Intangible;

/** One row of a list as typed: a stable uid for rendering and messages, and each field's text. */
export interface RowDraft<F extends string> {
  readonly uid: string;
  readonly values: Readonly<Record<F, string>>;
}

export interface CaseDraft {
  readonly programme: Readonly<Record<ProgrammeField, string>>;
  readonly costs: readonly RowDraft<CostField>[];
  readonly benefits: readonly RowDraft<BenefitField>[];
  readonly intangibles: readonly RowDraft<IntangibleField>[];
}

export type Section = "costs" | "benefits" | "intangibles";

/** Fields typed as percentages ("40%"), held by the model as shares (0.4). */
const PERCENT_FIELDS = new Set(["discountRate", "attribution", "confidence"]);
/** Fields that are numbers in the model; every other field is text, a choice or a date. */
const NUMBER_FIELDS = new Set([
  "learners",
  "hoursPerLearner",
  "hourlyCost",
  "horizonYears",
  "discountRate",
  "amount",
  "year",
  "baseline",
  "target",
  "improvement",
  "valuePerUnit",
  "attribution",
  "confidence",
  "firstYear",
  "rampUpYears",
  "durationYears",
  "moneyValue",
]);
/** Fields a blank leaves out of the record (optional in core/case/inputs.ts). */
const OPTIONAL_FIELDS = new Set([
  "startDate",
  "description",
  "baseline",
  "target",
  "targetSource",
  "attribution",
  "confidence",
  "note",
  "moneyValue",
]);

let uidCounter = 0;
const nextUid = () => `case-${++uidCounter}`;

/** A number as the form shows it: a share as a percentage, without float noise. */
function shown(field: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && PERCENT_FIELDS.has(field))
    return `${Number((value * 100).toPrecision(12))}%`;
  if (field === "startDate" && typeof value === "number") return serialToIsoDate(value);
  return String(value);
}

/**
 * A typed number as the model takes it: "12,000" and "12000" are 12000; "40%" is 0.4 (in any
 * field that holds a share or rate, and "0.4" there too). Text that is no number stays text, so
 * core's rule says `got the text "…"`.
 */
export function numberFromText(field: string, text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const percent = trimmed.endsWith("%");
  const digits = (percent ? trimmed.slice(0, -1).trim() : trimmed).replace(
    /^(-?\d{1,3}(?:,\d{3})+)(\.\d+)?$/,
    (_, whole: string, fraction = "") => whole.replaceAll(",", "") + fraction,
  );
  const value = digits === "" ? Number.NaN : Number(digits);
  if (!Number.isFinite(value)) return trimmed;
  return percent && PERCENT_FIELDS.has(field) ? value / 100 : value;
}

function fieldValue(field: string, text: string): unknown {
  if (field === "shortTerm") return text === "TRUE";
  if (field === "startDate") return text.trim() === "" ? undefined : (isoDateToSerial(text) ?? text.trim());
  if (NUMBER_FIELDS.has(field)) return numberFromText(field, text);
  return text.trim() === "" && OPTIONAL_FIELDS.has(field) ? undefined : text.trim();
}

function record(values: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(values)) {
    const value = fieldValue(field, text);
    if (value !== undefined || !OPTIONAL_FIELDS.has(field)) out[field] = value;
  }
  return out;
}

/** The draft as core's inputs, unchecked: numbers where the text is a number, else the text. */
export function inputsOf(draft: CaseDraft): unknown {
  return {
    programme: record(draft.programme),
    costs: draft.costs.map((row) => record(row.values)),
    benefits: draft.benefits.map((row) => record(row.values)),
    intangibles: draft.intangibles.map((row) => record(row.values)),
  };
}

function rowDraft<F extends string>(fields: readonly F[], source: Readonly<Record<string, unknown>>) {
  return {
    uid: nextUid(),
    values: Object.fromEntries(fields.map((field) => [field, shown(field, source[field])])) as Record<
      F,
      string
    >,
  };
}

const PROGRAMME_FIELDS = Object.keys(PROGRAMME_LABELS) as ProgrammeField[];
const fieldsOf = <F extends string>(register: { inputs: readonly { id: string }[] }) =>
  register.inputs.map((column) => column.id as F);
export const COST_FIELDS = fieldsOf<CostField>(COST_REGISTER);
export const BENEFIT_FIELDS = fieldsOf<BenefitField>(BENEFIT_REGISTER);
export const INTANGIBLE_FIELDS = fieldsOf<IntangibleField>(INTANGIBLE_REGISTER);

/** The form filled from a case. */
export function draftOf(inputs: BusinessCaseInputs): CaseDraft {
  const programme = rowDraft(PROGRAMME_FIELDS, inputs.programme).values;
  return {
    programme: { ...programme, shortTerm: inputs.programme.shortTerm ? "TRUE" : "FALSE" },
    costs: inputs.costs.map((line) => rowDraft(COST_FIELDS, line)),
    benefits: inputs.benefits.map((stream) => rowDraft(BENEFIT_FIELDS, stream)),
    intangibles: inputs.intangibles.map((item) => rowDraft(INTANGIBLE_FIELDS, item)),
  };
}

/** A new case: a three-year horizon at 8%, nothing else filled. */
export const EMPTY_DRAFT: CaseDraft = {
  programme: {
    name: "",
    learners: "",
    hoursPerLearner: "",
    hourlyCost: "",
    horizonYears: "3",
    discountRate: "8%",
    startDate: "",
    shortTerm: "FALSE",
  },
  costs: [],
  benefits: [],
  intangibles: [],
};

const REGISTERS = { costs: COST_REGISTER, benefits: BENEFIT_REGISTER, intangibles: INTANGIBLE_REGISTER };

/** A new row for a list: the register's initial texts and the next free id. */
export function newRow(draft: CaseDraft, section: Section): RowDraft<string> {
  const register = REGISTERS[section];
  const taken = new Set(draft[section].map((row) => (row.values as Record<string, string>).id ?? ""));
  const initial = Object.fromEntries(register.inputs.map((column) => [column.id, column.initial ?? ""]));
  return { uid: nextUid(), values: { ...initial, id: register.nextKey(taken) } };
}

/** The key of a field's message: "programme.learners", "costs.<uid>.amount". */
export const fieldKey = (section: "programme" | Section, field: string, uid?: string) =>
  uid === undefined ? `${section}.${field}` : `${section}.${uid}.${field}`;

export interface CaseCheck {
  /** The checked inputs, when every rule holds. */
  readonly inputs?: BusinessCaseInputs;
  /** Field messages by fieldKey: "Amount must be an amount, 0 or more, got the text "abc"". */
  readonly problems: ReadonlyMap<string, string>;
  /** A problem of the whole case (it costs nothing), when every field holds. */
  readonly caseProblem?: string;
  readonly figures?: BusinessCaseResult;
  readonly warnings: readonly CaseWarning[];
}

/** The draft checked by core's rules, and the model's figures when it holds. */
export function checkDraft(draft: CaseDraft): CaseCheck {
  const raw = inputsOf(draft);
  const checked = checkBusinessCase(raw);
  const warnings = businessCaseWarnings(raw as BusinessCaseInputs);
  const problems = new Map<string, string>();
  for (const problem of checked.problems) {
    const [section, index, field] = problem.path;
    // The message without its field's long name ("Cost line C-002, Amount"): the field shows it.
    const rule = problem.message.slice(problem.field.length).trim();
    if (section === "programme" && typeof index === "string") {
      const label = PROGRAMME_LABELS[index as ProgrammeField] ?? index;
      problems.set(fieldKey("programme", index), `${label} ${rule}`);
    } else if (
      (section === "costs" || section === "benefits" || section === "intangibles") &&
      typeof index === "number"
    ) {
      const row = draft[section][index];
      const column = REGISTERS[section].inputs.find((input) => input.id === field);
      if (row && typeof field === "string" && !problems.has(fieldKey(section, field, row.uid)))
        problems.set(fieldKey(section, field, row.uid), `${column?.header ?? field} ${rule}`);
    } else problems.set(String(section ?? ""), problem.message);
  }
  if (!checked.inputs) return { problems, warnings };
  try {
    return { inputs: checked.inputs, problems, figures: businessCase(checked.inputs), warnings };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^[^:]*: /, "") : String(error);
    return {
      inputs: checked.inputs,
      problems,
      caseProblem: message.charAt(0).toUpperCase() + message.slice(1),
      warnings,
    };
  }
}

/** Each programme field's value, found beside its label on the Case Assumptions sheet. */
function programmeFromTable(table: TableSnapshot | undefined): Record<ProgrammeField, string> {
  const byLabel = new Map(PROGRAMME_FIELDS.map((field) => [PROGRAMME_LABELS[field].toLowerCase(), field]));
  const found: Partial<Record<ProgrammeField, string>> = {};
  for (const { values } of table?.rows ?? []) {
    values.forEach((cell, index) => {
      const field = typeof cell === "string" ? byLabel.get(cell.trim().toLowerCase()) : undefined;
      if (field && found[field] === undefined) {
        const value = values[index + 1] ?? null;
        found[field] = field === "shortTerm" ? (value === true ? "TRUE" : "FALSE") : shown(field, value);
      }
    });
  }
  return { ...EMPTY_DRAFT.programme, ...found };
}

/** A register's rows read back as drafts, by header (a renamed header still reads through its id). */
function rowsFromTable<F extends string>(
  register: (typeof REGISTERS)[Section],
  table: TableSnapshot | undefined,
): RowDraft<F>[] {
  if (!table) return [];
  const header = register.headerOf(table);
  const drafts = register.draftsFromCells([header, ...table.rows.map((row) => row.values)], []);
  return drafts.map((draft) => ({
    uid: nextUid(),
    values: Object.fromEntries(
      Object.entries(draft.values).map(([field, text]) => [
        field,
        PERCENT_FIELDS.has(field) ? shown(field, numberFromText(field, String(text))) : String(text),
      ]),
    ) as Record<F, string>,
  }));
}

/** The case as its sheets hold it, or undefined when the workbook has no Case Assumptions sheet. */
export function draftFromTables(tables: {
  readonly settings?: TableSnapshot;
  readonly costs?: TableSnapshot;
  readonly benefits?: TableSnapshot;
  readonly intangibles?: TableSnapshot;
}): CaseDraft | undefined {
  if (!tables.settings) return undefined;
  return {
    programme: programmeFromTable(tables.settings),
    costs: rowsFromTable<CostField>(COST_REGISTER, tables.costs),
    benefits: rowsFromTable<BenefitField>(BENEFIT_REGISTER, tables.benefits),
    intangibles: rowsFromTable<IntangibleField>(INTANGIBLE_REGISTER, tables.intangibles),
  };
}

/**
 * The simulation's results as the Business Case sheet holds them, found under the block's heading
 * (wherever rows or columns inserted above or left of it moved it): undefined before any run, or
 * when a value is not a number.
 */
export function simulationFromTable(table: TableSnapshot | undefined): SimulationRecord | undefined {
  const rows = table?.rows ?? [];
  for (const [index, { row, values }] of rows.entries()) {
    const column = values.indexOf(SIMULATION_HEADING);
    if (column < 0) continue;
    const below = (offset: number) => rows.slice(index + 1).find((next) => next.row === row + offset)?.values;
    const found: Record<string, number> = {};
    for (const [offset, wanted] of SIMULATION_ROWS.entries()) {
      const cells = below(offset + 1);
      const value: Cell | undefined = cells?.[column + 1];
      if (cells?.[column] !== wanted.label || typeof value !== "number" || !Number.isFinite(value))
        return undefined;
      found[wanted.field] = value;
    }
    const status = below(SIMULATION_ROWS.length + 1)?.[column];
    const stale = typeof status === "string" && status.startsWith(SIMULATION_STALE);
    return { ...(found as unknown as SimulationRecord), ...(stale ? { stale: true } : {}) };
  }
  return undefined;
}

/** A run made in the panel: its results and the inputs it ran on (as JSON, to compare). */
export interface PanelRun {
  readonly record: SimulationRecord;
  readonly inputs: string;
}

/**
 * What a write puts in the simulation's block, so that it never erases results silently: the
 * panel's own run as it is when it ran on exactly the inputs written; the panel's run marked stale
 * when the inputs changed since; else the results the sheet already holds, marked stale (the case
 * is written again without a new run); else nothing (blank, "not run yet").
 */
export function simulationToWrite(
  run: PanelRun | undefined,
  inputs: BusinessCaseInputs,
  onSheet: SimulationRecord | undefined,
): SimulationRecord | undefined {
  if (run) return run.inputs === JSON.stringify(inputs) ? run.record : { ...run.record, stale: true };
  return onSheet ? { ...onSheet, stale: true } : undefined;
}

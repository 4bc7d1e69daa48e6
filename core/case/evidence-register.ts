/**
 * The business case's evidence (assumptions) register (issue 10, item 6): one row per piece of
 * evidence behind an input of the model, with its source, date, owner and credibility, declared
 * on the register kit. Its computed columns read the input's current value live, through names,
 * and flag evidence that is stale or of low credibility; the Evidence Settings sheet holds the
 * thresholds, the credibility scale and the named inputs a row may support.
 */
import * as z from "zod/mini";
import { dateSerial, optionalText, recordId, requiredText } from "../model/fields";
import { type Assumption, assumptionsPlan } from "../plans/assumptions-sheet";
import { defineRegister } from "../plans/register-kit";
import type { Block, Cell, NamePlan, SheetPlan } from "../plans/sheet-plan";
import { addMonths } from "./add-months";
import type { BenefitStream, BusinessCaseInputs } from "./inputs";
import { BENEFIT_LABELS } from "./labels";
import { BENEFIT_REGISTER } from "./registers";

/** Where a piece of evidence comes from. */
export const EVIDENCE_SOURCES = [
  "Survey",
  "HR system",
  "Finance",
  "Industry benchmark",
  "Employee feedback",
  "Other",
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * The credibility scale, 1 to 5, each rating with what earns it: a reviewer rates the evidence,
 * not the figure. Evidence at or below the settings' threshold (2 by default) is flagged.
 */
export const CREDIBILITY_SCALE: readonly (readonly [number, string])[] = [
  [5, "Audited or system-of-record data (finance ledger, HR system, payroll)"],
  [4, "Measured on a representative sample (a survey with a good response, a pilot)"],
  [3, "A published benchmark from a comparable organisation or sector"],
  [2, "An informed estimate (a manager's or an expert's judgement)"],
  [1, "Anecdote, or an assumption no one has checked"],
];

/** The benefit stream fields a row may support, by the labels the benefit register shows them under. */
export const EVIDENCE_BENEFIT_FIELDS = [
  "baseline",
  "target",
  "improvement",
  "valuePerUnit",
  "attribution",
  "confidence",
] as const satisfies readonly (keyof BenefitStream)[];
const FIELD_LABELS = EVIDENCE_BENEFIT_FIELDS.map((field) => BENEFIT_LABELS[field]) as [string, ...string[]];
/** Each field's named column on the Case Benefits sheet (`BuyIn_Case_<name>`). */
const FIELD_NAMES: Readonly<Record<(typeof EVIDENCE_BENEFIT_FIELDS)[number], string>> = {
  baseline: "Baselines",
  target: "Targets",
  improvement: "Improvements",
  valuePerUnit: "UnitValues",
  attribution: "Attributions",
  confidence: "Confidences",
};

/** Evidence older than this many months is flagged stale (a named setting). */
export const STALE_MONTHS = 12;
/** Evidence rated this or lower is flagged (a named setting). */
export const LOW_CREDIBILITY = 2;

const credibilityRule = "must be a whole number from 1 (anecdote) to 5 (audited data)";

export const CaseEvidenceSchema = z.object(
  {
    id: recordId,
    /** A named input of the Case Assumptions sheet ("Learners"), a cost line's ID or a benefit stream's ID. */
    supports: requiredText(40),
    /** For a benefit stream: which of its figures (by its label); blank for the stream as a whole. */
    field: z.optional(z.enum(FIELD_LABELS, { error: `must be one of ${FIELD_LABELS.join(", ")}` })),
    source: z.enum(EVIDENCE_SOURCES, { error: `must be one of ${EVIDENCE_SOURCES.join(", ")}` }),
    date: z.optional(dateSerial),
    owner: optionalText(200),
    credibility: z.optional(
      z
        .number({ error: credibilityRule })
        .check(
          z.int({ error: credibilityRule }),
          z.gte(1, { error: credibilityRule }),
          z.lte(5, { error: credibilityRule }),
        ),
    ),
    note: optionalText(500),
  },
  { error: "must be a row of evidence" },
);
export type CaseEvidence = z.infer<typeof CaseEvidenceSchema>;

export interface EvidenceOptions {
  /** The case the rows support: its cost lines and benefit streams, for the expected values. */
  readonly inputs?: BusinessCaseInputs;
  /** The Case Assumptions sheet's rows (name suffix and value), for the expected values. */
  readonly assumptions?: readonly Assumption[];
  /**
   * The day TODAY() will show, for the stale flag's expected values only: the sheet keeps
   * TODAY(), so a reviewer opening it later sees evidence age to their own day.
   */
  readonly today?: number;
}

const cell = (id: keyof CaseEvidence | "value") => `{col:${id}}{row}`;
const SUPPORTS = cell("supports");
const FIELD = cell("field");
const DATE = cell("date");
const CREDIBILITY = cell("credibility");

/** An expression, blank where it is blank: a reference to an empty cell would read as 0 in Excel. */
const orBlank = (expression: string) => `IF(${expression}="","",${expression})`;
const BENEFIT_ROW = `MATCH(${SUPPORTS},{name:BenefitIds},0)`;
/** A benefit stream's field, by the label in the row's field cell; the stream's adjusted value a year with none. */
const BENEFIT_VALUE = EVIDENCE_BENEFIT_FIELDS.reduceRight(
  (otherwise, field) =>
    `IF(${FIELD}="${BENEFIT_LABELS[field]}",${orBlank(`INDEX({name:${FIELD_NAMES[field]}},${BENEFIT_ROW})`)},${otherwise})`,
  `IF(${FIELD}="",${orBlank(`INDEX({name:AdjustedAnnualValues},${BENEFIT_ROW})`)},"")`,
);
/**
 * The supported input's current value: a named input (the settings sheet's lookup of the Case
 * Assumptions names), else a cost line's amount, else a benefit stream's field; blank when the
 * reference is found nowhere. MATCH compares text without regard to case.
 */
const VALUE_FORMULA = `=IF(${SUPPORTS}="","",IFERROR(INDEX({name:EvidenceValues},MATCH(${SUPPORTS},{name:EvidenceNames},0)),IFERROR(${orBlank(`INDEX({name:CostAmounts},MATCH(${SUPPORTS},{name:CostIds},0))`)},IFERROR(${BENEFIT_VALUE},""))))`;
const STALE = `AND(ISNUMBER(${DATE}),${DATE}<EDATE(TODAY(),-{name:EvidenceStaleMonths}))`;
const LOW = `AND(ISNUMBER(${CREDIBILITY}),${CREDIBILITY}<={name:EvidenceLowCredibility})`;
const FLAG_FORMULA = `=IF(AND(${STALE},${LOW}),"Stale; low credibility",IF(${STALE},"Stale",IF(${LOW},"Low credibility","")))`;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const blankIfMissing = (value: Cell | undefined): Cell =>
  value === undefined || value === null ? "" : value;

/** The value the value formula shows for a row, from the case as written. */
function currentValue(row: CaseEvidence, options: EvidenceOptions): Cell {
  const assumption = options.assumptions?.find((each) => same(each.name, row.supports));
  if (assumption) return blankIfMissing(assumption.value);
  const cost = options.inputs?.costs.find((line) => same(line.id, row.supports));
  if (cost) return cost.amount;
  const stream = options.inputs?.benefits.find((each) => same(each.id, row.supports));
  if (!stream) return "";
  if (row.field === undefined) return BENEFIT_REGISTER.expected(stream, {}).adjustedAnnualValue ?? "";
  const field = EVIDENCE_BENEFIT_FIELDS.find((each) => BENEFIT_LABELS[each] === row.field);
  return field ? blankIfMissing(stream[field]) : "";
}

/** The flag the flag formula shows for a row (stale only when the day is known). */
function evidenceFlag(row: CaseEvidence, options: EvidenceOptions): Cell {
  const stale =
    row.date !== undefined &&
    options.today !== undefined &&
    row.date < addMonths(Math.floor(options.today), -STALE_MONTHS);
  const low = row.credibility !== undefined && row.credibility <= LOW_CREDIBILITY;
  if (stale && low) return "Stale; low credibility";
  if (stale) return "Stale";
  return low ? "Low credibility" : "";
}

export const EVIDENCE_REGISTER = defineRegister<CaseEvidence, EvidenceOptions>({
  kind: "case-evidence",
  title: "Case Evidence",
  module: "Case",
  schema: CaseEvidenceSchema,
  key: { prefix: "E-", digits: 3 },
  columns: [
    { id: "id", header: "Evidence", role: "key", type: "text", width: 9 },
    {
      id: "supports",
      header: "Supports",
      role: "input",
      type: "text",
      required: true,
      width: 16,
      hint: "A named input of the Case Assumptions sheet (Learners, HourlyCost …), a cost line's ID (C-001) or a benefit stream's ID (B-001).",
      name: "EvidenceInputs",
    },
    {
      id: "field",
      header: "Benefit field",
      role: "input",
      type: "choice",
      width: 20,
      validation: { list: FIELD_LABELS },
      hint: "For a benefit stream: the figure the evidence supports; blank for the stream as a whole.",
    },
    {
      id: "source",
      header: "Source",
      role: "input",
      type: "choice",
      required: true,
      width: 18,
      validation: { list: EVIDENCE_SOURCES },
      initial: "Survey",
    },
    { id: "date", header: "Dated", role: "input", type: "date", width: 12 },
    { id: "owner", header: "Owner", role: "input", type: "text", width: 18 },
    {
      id: "credibility",
      header: "Credibility (1–5)",
      role: "input",
      type: "whole",
      width: 12,
      validation: { min: 1, max: 5, whole: true },
      hint: "5 audited data, 4 a measured sample, 3 a published benchmark, 2 an informed estimate, 1 an anecdote.",
    },
    { id: "note", header: "Note", role: "input", type: "text", width: 36 },
    {
      id: "value",
      header: "Current value",
      role: "output",
      width: 14,
      formula: VALUE_FORMULA,
      needs: ["supports"],
      kernel: currentValue,
    },
    {
      id: "flag",
      header: "Flag",
      role: "output",
      width: 20,
      formula: FLAG_FORMULA,
      needs: [],
      kernel: evidenceFlag,
      name: "EvidenceFlags",
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const EVIDENCE_SETTINGS_KIND = "case-evidence-settings";

/** The settings sheet's rows: the flag thresholds, each a named input. */
const SETTINGS: readonly Assumption[] = [
  {
    label: "Stale after (months)",
    name: "EvidenceStaleMonths",
    value: STALE_MONTHS,
    format: "0",
    meaning: "Evidence dated more than this many months before today is flagged stale.",
  },
  {
    label: "Low credibility at or below",
    name: "EvidenceLowCredibility",
    value: LOW_CREDIBILITY,
    format: "0",
    meaning: "Evidence rated this or lower (on the scale below) is flagged.",
  },
];

/** Where the settings sheet's blocks stand: the settings from row 5, then the scale, then the lookup. */
export const EVIDENCE_SETTINGS_LAYOUT = (() => {
  const scale = 5 + SETTINGS.length + 2;
  const lookup = scale + CREDIBILITY_SCALE.length + 1;
  return { scale, lookup } as const;
})();

/**
 * The Evidence Settings sheet: the thresholds (named inputs), the credibility scale (notes), and
 * the named inputs of the Case Assumptions sheet a row may support, each with its live value
 * (`BuyIn_Case_EvidenceValues`, which the register's value column looks up by name), whether it
 * is a model input that needs evidence (the reviewer's to change), and the evidence rows naming
 * it (`BuyIn_Case_EvidenceCounts`).
 */
function settingsPlan(
  assumptions: readonly Assumption[],
  needsEvidence: ReadonlySet<string>,
  namePlan: (suffix: string, where: { at: string }) => NamePlan,
  withNames: (formula: string) => string,
): SheetPlan {
  const base = assumptionsPlan(
    {
      kind: EVIDENCE_SETTINGS_KIND,
      title: "Evidence Settings",
      heading: "Evidence settings",
      intro:
        "When the Case Evidence sheet flags a row, the credibility scale, and the named inputs a row of evidence may support.",
      rows: SETTINGS,
    },
    namePlan,
    withNames,
  );
  const { scale, lookup } = EVIDENCE_SETTINGS_LAYOUT;
  const first = lookup + 1;
  const last = lookup + assumptions.length;
  const blocks: Block[] = [
    { at: `A${scale - 1}`, values: [["Credibility", "What earns it"]], role: "header" },
    {
      at: `A${scale}`,
      values: CREDIBILITY_SCALE.map(([rating, meaning]) => [rating, meaning]),
      role: "note",
    },
    {
      at: `A${lookup}`,
      values: [["Named input", "Setting", "Current value", "Needs evidence", "Evidence rows"]],
      role: "header",
    },
    {
      at: `A${first}`,
      values: assumptions.map((assumption) => [assumption.name, assumption.label]),
      role: "note",
    },
    {
      at: `C${first}`,
      values: assumptions.map(() => [null]),
      formulas: assumptions.map((assumption) => [withNames(`=${orBlank(`{name:${assumption.name}}`)}`)]),
      numberFormats: assumptions.map((assumption) => [assumption.format ?? "General"]),
      role: "output",
    },
    {
      at: `D${first}`,
      values: assumptions.map((assumption) => [needsEvidence.has(assumption.name)]),
      role: "input",
    },
    {
      at: `E${first}`,
      values: assumptions.map(() => [null]),
      formulas: assumptions.map((_, index) => [
        withNames(`=COUNTIF({name:EvidenceInputs},$A${first + index})`),
      ]),
      numberFormats: assumptions.map(() => ["0"]),
      role: "output",
    },
  ];
  return {
    ...base,
    blocks: [...(base.blocks ?? []), ...blocks],
    names: [
      ...(base.names ?? []),
      namePlan("EvidenceNames", { at: `A${first}:A${last}` }),
      namePlan("EvidenceValues", { at: `C${first}:C${last}` }),
      namePlan("EvidenceNeeded", { at: `D${first}:D${last}` }),
      namePlan("EvidenceCounts", { at: `E${first}:E${last}` }),
    ],
  };
}

/**
 * The evidence register's sheets: Evidence Settings, then Case Evidence with these rows. The
 * assumptions are the Case Assumptions sheet's rows, written beside them; those named in
 * `needsEvidence` start marked as model inputs that need evidence.
 */
export function evidencePlans(
  rows: readonly CaseEvidence[],
  options: EvidenceOptions & { readonly assumptions: readonly Assumption[] },
  needsEvidence: ReadonlySet<string>,
  namePlan: (suffix: string, where: { at: string }) => NamePlan,
  withNames: (formula: string) => string,
): SheetPlan[] {
  return [
    settingsPlan(options.assumptions, needsEvidence, namePlan, withNames),
    ...EVIDENCE_REGISTER.plans(rows, options),
  ];
}

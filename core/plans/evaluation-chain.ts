/**
 * The evaluation chain on the register kit: one row per programme and level (Phillips' levels 0–5:
 * inputs, reaction, learning, application, impact, ROI), with what was measured, the instrument,
 * the source, the result and its date. Computed on each row: whether the programme's chain from
 * reaction (1) to ROI (5) has a result at every level, and if not which levels lack one.
 *
 * Source: J. J. Phillips & P. P. Phillips, "Handbook of Training Evaluation and Measurement
 * Methods" (4th ed., 2016): the chain of impact, levels 0–5.
 */
import {
  CHAIN_LEVELS,
  type EvaluationStep,
  EvaluationStepSchema,
  INSTRUMENTS,
} from "../model/evaluation-step";
import { defineRegister } from "./register-kit";
import type { SheetPlan } from "./sheet-plan";

/**
 * The business case the chain links to: its programme and ROI (`BuyIn_Case_Programme`,
 * `BuyIn_Case_ROI` in the workbook, `businessCase(…).roi` for the kernel).
 */
export interface LinkedCase {
  readonly programme: string;
  readonly roi: number | null;
}

export interface EvaluationChainOptions {
  readonly steps?: readonly EvaluationStep[];
  readonly linkedCase?: LinkedCase;
}

const CASE_PROGRAMME = "BuyIn_Case_Programme";
const CASE_ROI = "BuyIn_Case_ROI";

/** The levels a complete chain has results for: reaction to ROI. */
const CHAIN = CHAIN_LEVELS.slice(1);
const cell = (id: string) => `{col:${id}}{row}`;
const [PROGRAMME] = [cell("programme")];

/**
 * Whether the programme has a result at a level, as a formula: a row of that programme, at that
 * level, with a result. SUMPRODUCT compares texts literally, where COUNTIFS would read "*" or "<"
 * in a programme's name as a wildcard or an operator. A result of spaces is no result.
 */
const hasRow = (level: string) =>
  `(SUMPRODUCT(({name:Programmes}=${PROGRAMME})*({name:Levels}="${level}")*(TRIM({name:Results})<>""))>0)`;
/**
 * The business case's ROI, when it is this programme's: IFERROR makes it blank where the workbook
 * has no business case (the names are then #NAME?).
 */
const linkedRoi = `IFERROR(IF(${PROGRAMME}=${CASE_PROGRAMME},${CASE_ROI},""),"")`;
/** A level has a result: a row of it with one, or for ROI the linked business case's. */
const hasResult = (level: string) =>
  level === "5 ROI" ? `OR(${hasRow(level)},ISNUMBER(${linkedRoi}))` : hasRow(level);

const linkedRoiOf = (programme: string, linked: LinkedCase | undefined): number | undefined =>
  linked && linked.roi !== null && linked.programme.toLowerCase() === programme.toLowerCase()
    ? linked.roi
    : undefined;

/** The levels of the chain a programme lacks a result for, in order. */
export function missingLevels(
  steps: readonly EvaluationStep[],
  programme: string,
  linkedCase?: LinkedCase,
): string[] {
  const key = programme.toLowerCase();
  return CHAIN.filter(
    (level) =>
      !(level === "5 ROI" && linkedRoiOf(programme, linkedCase) !== undefined) &&
      !steps.some(
        (step) =>
          step.programme.toLowerCase() === key && step.level === level && (step.result ?? "").trim() !== "",
      ),
  );
}

export const EVALUATION_CHAIN = defineRegister<EvaluationStep, EvaluationChainOptions>({
  kind: "evaluation-chain",
  title: "Evaluation Chain",
  module: "Eval",
  schema: EvaluationStepSchema as never,
  key: { prefix: "E-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    {
      id: "programme",
      header: "Programme",
      role: "input",
      type: "text",
      required: true,
      width: 22,
      name: "Programmes",
    },
    {
      id: "level",
      header: "Level",
      role: "input",
      type: "choice",
      required: true,
      width: 14,
      name: "Levels",
      validation: { list: CHAIN_LEVELS },
      hint: "Phillips' chain of impact: 0 inputs, 1 reaction, 2 learning, 3 application, 4 impact, 5 ROI.",
    },
    { id: "measure", header: "What was measured", role: "input", type: "text", width: 26 },
    {
      id: "instrument",
      header: "Instrument",
      role: "input",
      type: "choice",
      width: 16,
      validation: { list: INSTRUMENTS },
    },
    { id: "source", header: "Source", role: "input", type: "text", width: 18 },
    { id: "result", header: "Result", role: "input", type: "text", width: 16, name: "Results" },
    { id: "date", header: "Date", role: "input", type: "date", width: 12 },
    {
      id: "chain",
      header: "Chain 1–5",
      role: "output",
      width: 40,
      formula: `=IF(${PROGRAMME}="","",IF(${CHAIN.map(hasResult).join("*")},"Complete","Missing: "&MID(${CHAIN.map(
        (level) => `IF(${hasResult(level)},"",", ${level}")`,
      ).join("&")},3,200)))`,
      needs: ["programme"],
      kernel: (step, options) => {
        const missing = missingLevels(options.steps ?? [step], step.programme, options.linkedCase);
        return missing.length === 0 ? "Complete" : `Missing: ${missing.join(", ")}`;
      },
    },
    {
      id: "caseRoi",
      header: "Business case ROI",
      role: "output",
      width: 12,
      numberFormat: "0.0%",
      formula: `=IF({col:level}{row}<>"5 ROI","",${linkedRoi})`,
      needs: ["programme", "level"],
      kernel: (step, options) =>
        step.level === "5 ROI" ? (linkedRoiOf(step.programme, options.linkedCase) ?? "") : "",
    },
  ],
  freeze: { rows: 1, columns: 2 },
  conditionalFormats: [{ column: "chain", rules: [{ when: "equals", value: "Complete", tone: "good" }] }],
});

/**
 * The evaluation chain's sheet. With `linkedCase` (the business case written to the same
 * workbook), a programme's level 5 is the case's named ROI, `BuyIn_Case_ROI`.
 */
export function evaluationChainPlans(steps: readonly EvaluationStep[], linkedCase?: LinkedCase): SheetPlan[] {
  return EVALUATION_CHAIN.plans(steps, { steps, linkedCase });
}

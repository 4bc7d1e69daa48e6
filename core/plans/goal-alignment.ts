/**
 * Goal alignment (issue 12, step 2): strategic goals, L&D objectives, and how strongly each
 * objective supports each goal (0–3), kept as one row per pair so a reordered list never moves a
 * strength. Computed as native formulas: each goal's and each objective's coverage (the sum of its
 * strengths), a flag on a goal no objective supports and an objective that supports no goal, and
 * an "Alignment Matrix" sheet, objectives down and goals across, for the heat map.
 */
import {
  type Alignment,
  AlignmentSchema,
  type Goal,
  GoalSchema,
  type Objective,
  ObjectiveSchema,
} from "../model/playbook";
import { columnLetter } from "./a1";
import { defineRegister, type RegisterColumn } from "./register-kit";
import type { Block, Cell, SheetPlan } from "./sheet-plan";

const MODULE = "Align";
const NAME = (suffix: string) => `BuyIn_${MODULE}_${suffix}`;
const [LINK_GOALS, LINK_OBJECTIVES, LINK_STRENGTHS] = ["LinkGoals", "LinkObjectives", "LinkStrengths"].map(
  NAME,
) as [string, string, string];

export interface AlignmentOptions {
  readonly links?: readonly Alignment[];
}

/** The summed strength of the links whose `field` is `id` (ids compared ignoring case, as "=" does). */
export function coverage(links: readonly Alignment[], field: "goal" | "objective", id: string): number {
  return links
    .filter((link) => link[field].toLowerCase() === id.toLowerCase())
    .reduce((sum, link) => sum + link.strength, 0);
}

/**
 * A goal's or an objective's coverage (the summed strength of its links in the Alignment
 * register), and the flag shown when it is 0.
 */
function coverageColumns<R extends { readonly id: string }>(
  names: string,
  field: "goal" | "objective",
  flag: string,
): RegisterColumn<R, AlignmentOptions>[] {
  return [
    {
      id: "coverage",
      header: "Coverage",
      role: "output",
      width: 10,
      formula: `=IF({col:id}{row}="","",SUMPRODUCT((${names}={col:id}{row})*${LINK_STRENGTHS}))`,
      needs: [],
      kernel: (record, options) => coverage(options.links ?? [], field, record.id),
    },
    {
      id: "flag",
      header: "Flag",
      role: "output",
      width: 22,
      formula: `=IF({col:coverage}{row}="","",IF({col:coverage}{row}=0,"${flag}",""))`,
      needs: [],
      kernel: (record, options): Cell => (coverage(options.links ?? [], field, record.id) === 0 ? flag : ""),
    },
  ];
}

export const GOALS = defineRegister<Goal, AlignmentOptions>({
  kind: "goals",
  title: "Goals",
  module: MODULE,
  schema: GoalSchema as never,
  key: { prefix: "G-", digits: 2 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8, name: "GoalIds" },
    {
      id: "goal",
      header: "Strategic goal",
      role: "input",
      type: "text",
      required: true,
      width: 36,
      name: "GoalNames",
    },
    {
      id: "source",
      header: "Source",
      role: "input",
      type: "text",
      width: 28,
      hint: "Where the plan, mission or priorities say so.",
    },
    ...coverageColumns<Goal>(LINK_GOALS, "goal", "No objective supports it"),
  ],
  freeze: { rows: 1, columns: 2 },
  conditionalFormats: [
    { column: "flag", rules: [{ when: "equals", value: "No objective supports it", tone: "warn" }] },
  ],
});

export const OBJECTIVES = defineRegister<Objective, AlignmentOptions>({
  kind: "objectives",
  title: "Objectives",
  module: MODULE,
  schema: ObjectiveSchema as never,
  key: { prefix: "O-", digits: 2 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8, name: "ObjectiveIds" },
    {
      id: "objective",
      header: "L&D objective",
      role: "input",
      type: "text",
      required: true,
      width: 36,
      name: "ObjectiveNames",
    },
    { id: "programmes", header: "Programmes", role: "input", type: "text", width: 28 },
    ...coverageColumns<Objective>(LINK_OBJECTIVES, "objective", "Supports no goal"),
  ],
  freeze: { rows: 1, columns: 2 },
  conditionalFormats: [
    { column: "flag", rules: [{ when: "equals", value: "Supports no goal", tone: "warn" }] },
  ],
});

export const ALIGNMENT = defineRegister<Alignment, AlignmentOptions>({
  kind: "alignment",
  title: "Alignment",
  module: MODULE,
  schema: AlignmentSchema as never,
  key: { prefix: "A-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    {
      id: "goal",
      header: "Goal ID",
      role: "input",
      type: "text",
      required: true,
      width: 10,
      name: "LinkGoals",
    },
    {
      id: "objective",
      header: "Objective ID",
      role: "input",
      type: "text",
      required: true,
      width: 12,
      name: "LinkObjectives",
    },
    {
      id: "strength",
      header: "Support (0–3)",
      role: "input",
      type: "whole",
      required: true,
      width: 12,
      name: "LinkStrengths",
      validation: { min: 0, max: 3, whole: true },
      hint: "0 none, 1 weak, 2 clear, 3 strong.",
    },
  ],
  freeze: { rows: 1, columns: 1 },
});

/**
 * The matrix sheet: objectives down, goals across, each cell the pair's strength summed from the
 * Alignment register (a heat map's data), with each row's and column's total.
 */
function matrixPlan(goals: readonly Goal[], objectives: readonly Objective[]): SheetPlan {
  const firstColumn = 3;
  const lastColumn = firstColumn + Math.max(goals.length, 1) - 1;
  const blocks: Block[] = [
    {
      at: "A1",
      values: [["Alignment matrix: support of each objective (down) for each goal (across), 0–3"]],
      role: "header",
    },
    { at: "A3", values: [["Objective", "Name", ...goals.map((goal) => goal.id)]], role: "header" },
    { at: `${columnLetter(lastColumn + 1)}3`, values: [["Total"]], role: "header" },
    { at: "C2", values: [goals.map((goal) => goal.goal)], role: "note" },
  ];
  if (objectives.length > 0) {
    blocks.push({
      at: "A4",
      values: objectives.map((objective) => [objective.id, objective.objective]),
      role: "note",
    });
    const rows = objectives.map((_, index) => {
      const row = 4 + index;
      const cells = goals.map(
        (_goal, column) =>
          `=SUMPRODUCT((${LINK_GOALS}=${columnLetter(firstColumn + column)}$3)*(${LINK_OBJECTIVES}=$A${row})*${LINK_STRENGTHS})`,
      );
      return [...cells, `=SUM(${columnLetter(firstColumn)}${row}:${columnLetter(lastColumn)}${row})`];
    });
    blocks.push({
      at: "C4",
      values: rows.map((row) => row.map(() => null)),
      formulas: rows,
      role: "output",
    });
  }
  return { kind: "alignment-matrix", title: "Alignment Matrix", blocks, freeze: { rows: 3, columns: 2 } };
}

/** Goals, objectives, their alignment, and the matrix, in the order they are written. */
export function goalAlignmentPlans(
  goals: readonly Goal[],
  objectives: readonly Objective[],
  links: readonly Alignment[],
): SheetPlan[] {
  const options = { links };
  return [
    ...GOALS.plans(goals, options),
    ...OBJECTIVES.plans(objectives, options),
    ...ALIGNMENT.plans(links, options),
    matrixPlan(goals, objectives),
  ];
}

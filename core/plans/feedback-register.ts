/**
 * Feedback analysis: survey responses (date, group, rating, comment, theme) and, beside them, a
 * summary by group and by theme — responses, mean rating, top-box share and, on a 0–10 scale, the
 * Net Promoter Score — as native formulas (COUNTIFS, AVERAGEIFS) equal to the kernels.
 */
import { mean } from "simple-statistics";
import { netPromoterScore } from "../evaluation/net-promoter-score";
import { type Feedback, FeedbackSchema } from "../model/feedback";
import { defineRegister } from "./register-kit";
import type { Block, Cell, NamePlan, SheetPlan } from "./sheet-plan";

export interface FeedbackOptions {
  /** The top of the rating scale: 5 (1–5, the default) or 10 (0–10, where NPS applies). */
  readonly scaleTop?: 5 | 10;
  /** How many top points count as satisfied; default 2 (top-2-box). */
  readonly topBoxes?: number;
}

export const FEEDBACK_REGISTER = defineRegister<Feedback, FeedbackOptions>({
  kind: "feedback",
  title: "Feedback",
  module: "Feedback",
  schema: FeedbackSchema as never,
  key: { prefix: "F-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8, name: "Ids" },
    { id: "date", header: "Date", role: "input", type: "date", width: 12 },
    { id: "group", header: "Group", role: "input", type: "text", width: 18, name: "Groups" },
    {
      id: "rating",
      header: "Rating",
      role: "input",
      type: "whole",
      width: 8,
      name: "Ratings",
      validation: (options) => ({
        min: options.scaleTop === 10 ? 0 : 1,
        max: options.scaleTop ?? 5,
        whole: true,
      }),
    },
    { id: "comment", header: "Comment", role: "input", type: "text", width: 40 },
    { id: "theme", header: "Theme", role: "input", type: "text", width: 16, name: "Themes" },
  ],
  freeze: { rows: 1, columns: 1 },
});

const name = FEEDBACK_REGISTER.name;
const [GROUPS, THEMES, RATINGS, TOP, BOXES] = [
  name("Groups"),
  name("Themes"),
  name("Ratings"),
  name("ScaleTop"),
  name("TopBoxes"),
];
const HEADERS = ["Responses", "Rated", "Mean rating", "Top-box share", "NPS"] as const;

/** The summary of the responses a filter keeps, as the sheet's formulas should show it. */
export interface FeedbackSummary {
  readonly label: string;
  readonly values: readonly Cell[];
}

function summarize(responses: readonly Feedback[], options: FeedbackOptions): Cell[] {
  const top = options.scaleTop ?? 5;
  const ratings = responses.flatMap((response) => (response.rating === undefined ? [] : [response.rating]));
  if (ratings.length === 0) return [responses.length, 0, "", "", ""];
  const topFrom = top - (options.topBoxes ?? 2) + 1;
  return [
    responses.length,
    ratings.length,
    mean(ratings),
    ratings.filter((rating) => rating >= topFrom).length / ratings.length,
    top === 10 ? netPromoterScore(ratings) : "",
  ];
}

/** Distinct non-blank texts in order of first appearance, ignoring case as the sheet's "=" does. */
const distinct = (texts: readonly (string | undefined)[]) => {
  const byKey = new Map<string, string>();
  for (const text of texts)
    if (text !== undefined && text.trim() !== "" && !byKey.has(text.toLowerCase()))
      byKey.set(text.toLowerCase(), text);
  return [...byKey.values()];
};

/** The summary tables: all responses, then by group, then by theme. */
export function feedbackSummary(
  responses: readonly Feedback[],
  options: FeedbackOptions = {},
): { all: Cell[]; groups: FeedbackSummary[]; themes: FeedbackSummary[] } {
  const by = (field: "group" | "theme") =>
    distinct(responses.map((response) => response[field])).map((label) => ({
      label,
      values: summarize(
        responses.filter((response) => response[field]?.toLowerCase() === label.toLowerCase()),
        options,
      ),
    }));
  return { all: summarize(responses, options), groups: by("group"), themes: by("theme") };
}

/**
 * Formulas for one summary row. `match` is the row's label test over a named column ("" for all
 * responses). SUMPRODUCT rather than COUNTIFS: a criterion reads "*", "?", "<" and "=" in a label
 * as wildcards and operators, so a group called "<5 years" would count the wrong rows. Blank
 * ratings are left out by ISNUMBER (a blank compares as 0 in Excel).
 */
function summaryFormulas(match: string): string[] {
  const where = match ? `(${match})*` : "";
  const rated = `SUMPRODUCT(${where}ISNUMBER(${RATINGS}))`;
  const count = (test: string) => `SUMPRODUCT(${where}ISNUMBER(${RATINGS})*(${RATINGS}${test}))`;
  return [
    // Every response has an id. (ROWS of a named range crashes HyperFormula 3.5's evaluation.)
    match ? `=SUMPRODUCT(${where}1)` : `=COUNTA(${name("Ids")})`,
    `=${rated}`,
    `=IF(${rated}=0,"",SUMPRODUCT(${where}ISNUMBER(${RATINGS}),${RATINGS})/${rated})`,
    `=IF(${rated}=0,"",${count(`>=${TOP}-${BOXES}+1`)}/${rated})`,
    `=IF(OR(${rated}=0,${TOP}<>10),"",(${count(">=9")}-${count("<=6")})/${rated}*100)`,
  ];
}

const NUMBER_FORMATS = ["0", "0", "0.00", "0%", "0"];

/**
 * The feedback sheet: the responses and, beside them from column H, the settings (scale top, top
 * boxes), the summary of all responses, then one table by group and one by theme. Each summary
 * row's formulas read its label cell, so a renamed label is counted as renamed.
 */
export function feedbackPlans(responses: readonly Feedback[], options: FeedbackOptions = {}): SheetPlan[] {
  const [table] = FEEDBACK_REGISTER.plans(responses, options) as [SheetPlan];
  const summary = feedbackSummary(responses, options);
  const blocks: Block[] = [
    { at: "H1", values: [["Feedback summary"]], role: "header" },
    { at: "H2", values: [["Rating scale top"], ["Top boxes counted"]], role: "note" },
    { at: "I2", values: [[options.scaleTop ?? 5], [options.topBoxes ?? 2]], role: "input" },
  ];
  let top = 5;
  /** A titled table of summary rows; `range` is the named column a row's label is matched in. */
  const section = (title: string, labels: readonly string[], range?: string) => {
    blocks.push({ at: `H${top}`, values: [[title, ...HEADERS]], role: "header" });
    if (labels.length > 0) {
      const first = top + 1;
      blocks.push(
        { at: `H${first}`, values: labels.map((label) => [label]), role: "note" },
        {
          at: `I${first}`,
          values: labels.map(() => HEADERS.map(() => null)),
          formulas: labels.map((_, index) => summaryFormulas(range ? `${range}=$H$${first + index}` : "")),
          numberFormats: labels.map(() => NUMBER_FORMATS),
          role: "output",
        },
      );
    }
    top += labels.length + 2;
  };
  section("All", ["All responses"]);
  section(
    "By group",
    summary.groups.map((row) => row.label),
    GROUPS,
  );
  section(
    "By theme",
    summary.themes.map((row) => row.label),
    THEMES,
  );
  const names: NamePlan[] = [...(table.names ?? []), { name: TOP, at: "I2" }, { name: BOXES, at: "I3" }];
  return [{ ...table, blocks, names }];
}

/**
 * The pre/post assessment: one row per learner (scores before and after), and beside it the
 * class's analysis as native formulas — pairs, means, Hake's normalized gain, Cohen's d_z, the
 * paired t and its two-sided p — which equal the kernels (core/evaluation) on the learners with
 * both scores.
 */
import { mean } from "simple-statistics";
import { effectSize } from "../evaluation/effect-size";
import { normalizedGain } from "../evaluation/normalized-gain";
import { pairedTTest } from "../evaluation/paired-t";
import { type Assessment, AssessmentSchema } from "../model/assessment";
import { defineRegister } from "./register-kit";
import type { Block, Cell, NamePlan, SheetPlan } from "./sheet-plan";

export interface AssessmentOptions {
  /** The highest score the assessment allows; default 100. */
  readonly maxScore?: number;
}

const DEFAULT_MAX_SCORE = 100;

export const ASSESSMENT_REGISTER = defineRegister<Assessment, AssessmentOptions>({
  kind: "assessment",
  title: "Pre-Post Assessment",
  module: "Assess",
  schema: AssessmentSchema as never,
  key: { prefix: "L-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    { id: "learner", header: "Learner", role: "input", type: "text", required: true, width: 24 },
    { id: "group", header: "Group", role: "input", type: "text", width: 16 },
    {
      id: "pre",
      header: "Pre",
      role: "input",
      type: "number",
      width: 8,
      name: "Pre",
      validation: { min: 0 },
    },
    {
      id: "post",
      header: "Post",
      role: "input",
      type: "number",
      width: 8,
      name: "Post",
      validation: { min: 0 },
    },
    {
      id: "gain",
      header: "Gain",
      role: "output",
      width: 8,
      name: "Gain",
      formula: '=IF(OR({col:pre}{row}="",{col:post}{row}=""),"",{col:post}{row}-{col:pre}{row})',
      needs: ["pre", "post"],
      kernel: (learner) => (learner.post as number) - (learner.pre as number),
    },
  ],
  freeze: { rows: 1, columns: 2 },
});

const name = ASSESSMENT_REGISTER.name;
const [PRE, POST, GAIN, MAX] = [name("Pre"), name("Post"), name("Gain"), name("MaxScore")];
/** Where the analysis stands: beside the table, past a spare column for the user's own. */
const LABELS = "I";
const VALUES = "J";

/** The analysis rows: label, name suffix, formula (native, names as above) and what it means. */
// Pairs are not COUNT(Gain): HyperFormula counts the "" of a one-row table's Gain as a number.
const ANALYSIS: readonly (readonly [string, string, string, string])[] = [
  [
    "Learners with both scores",
    "Pairs",
    `=SUMPRODUCT(ISNUMBER(${GAIN})*1)`,
    "Rows with a pre and a post score; the rest are left out.",
  ],
  ["Mean pre", "MeanPre", `=IF(${name("Pairs")}=0,"",SUMPRODUCT((${GAIN}<>"")*${PRE})/${name("Pairs")})`, ""],
  [
    "Mean post",
    "MeanPost",
    `=IF(${name("Pairs")}=0,"",SUMPRODUCT((${GAIN}<>"")*${POST})/${name("Pairs")})`,
    "",
  ],
  ["Mean gain", "MeanGain", `=IF(${name("Pairs")}=0,"",AVERAGE(${GAIN}))`, "Post − pre, on average."],
  [
    "Normalized gain",
    "NormalizedGain",
    `=IF(OR(${name("Pairs")}=0,${MAX}<=${name("MeanPre")},MAX(${PRE},${POST})>${MAX}),"",(${name("MeanPost")}-${name("MeanPre")})/(${MAX}-${name("MeanPre")}))`,
    "Hake (1998): the gain made as a share of the gain possible; 0.3–0.7 medium, above 0.7 high.",
  ],
  [
    "Effect size (d_z)",
    "EffectSize",
    `=IF(${name("Pairs")}<2,"",IF(STDEV.S(${GAIN})=0,"",AVERAGE(${GAIN})/STDEV.S(${GAIN})))`,
    "Cohen's d_z: mean gain ÷ SD of the gains; 0.2 small, 0.5 medium, 0.8 large.",
  ],
  [
    "t (paired)",
    "T",
    `=IF(${name("EffectSize")}="","",${name("EffectSize")}*SQRT(${name("Pairs")}))`,
    "Student's paired t of post − pre.",
  ],
  ["Degrees of freedom", "DF", `=IF(${name("Pairs")}<2,"",${name("Pairs")}-1)`, ""],
  [
    "p (two-sided)",
    "P",
    `=IF(${name("T")}="","",T.DIST.2T(ABS(${name("T")}),${name("DF")}))`,
    "Below 0.05: a change this large would be rare if the programme changed nothing. Equals T.TEST(pre, post, 2, 1).",
  ],
];

/** The analysis the sheet's formulas should show, from the kernels ("" where a formula is blank). */
export function assessmentAnalysis(
  learners: readonly Assessment[],
  options: AssessmentOptions = {},
): Record<string, Cell> {
  const pairs = learners.filter((learner) => learner.pre !== undefined && learner.post !== undefined);
  const pre = pairs.map((learner) => learner.pre as number);
  const post = pairs.map((learner) => learner.post as number);
  const maxScore = options.maxScore ?? DEFAULT_MAX_SCORE;
  const tryOr = (compute: () => number): Cell => {
    try {
      return compute();
    } catch {
      return "";
    }
  };
  const meanPre = pairs.length === 0 ? "" : mean(pre);
  const dz = pairs.length < 2 ? "" : tryOr(() => effectSize(pre, post, "dz"));
  const test = dz === "" ? undefined : pairedTTest(pre, post);
  return {
    Pairs: pairs.length,
    MeanPre: meanPre,
    MeanPost: pairs.length === 0 ? "" : mean(post),
    MeanGain: pairs.length === 0 ? "" : mean(post) - mean(pre),
    NormalizedGain: pairs.length === 0 ? "" : tryOr(() => normalizedGain(pre, post, maxScore)),
    EffectSize: dz,
    T: test?.t ?? "",
    DF: pairs.length < 2 ? "" : pairs.length - 1,
    P: test?.p ?? "",
  };
}

/** The assessment sheet: the learners' table and, beside it, the maximum score and the analysis. */
export function assessmentPlans(
  learners: readonly Assessment[],
  options: AssessmentOptions = {},
): SheetPlan[] {
  const [table] = ASSESSMENT_REGISTER.plans(learners, options) as [SheetPlan];
  const first = 3;
  const blocks: Block[] = [
    { at: `${LABELS}1`, values: [["Class analysis", "Value", "What it means"]], role: "header" },
    { at: `${LABELS}2`, values: [["Maximum score"]], role: "note" },
    { at: `${VALUES}2`, values: [[options.maxScore ?? DEFAULT_MAX_SCORE]], role: "input" },
    { at: `${LABELS}${first}`, values: ANALYSIS.map(([label]) => [label]), role: "note" },
    {
      at: `${VALUES}${first}`,
      values: ANALYSIS.map(() => [null]),
      formulas: ANALYSIS.map(([, , formula]) => [formula]),
      numberFormats: ANALYSIS.map(([, suffix]) => [suffix === "Pairs" || suffix === "DF" ? "0" : "0.000"]),
      role: "output",
    },
    { at: `K${first}`, values: ANALYSIS.map(([, , , meaning]) => [meaning]), role: "note" },
  ];
  const names: NamePlan[] = [
    ...(table.names ?? []),
    { name: MAX, at: `${VALUES}2` },
    ...ANALYSIS.map(
      ([, suffix], index): NamePlan => ({ name: name(suffix), at: `${VALUES}${first + index}` }),
    ),
  ];
  return [{ ...table, blocks, names }];
}

/**
 * The "Start here" sheet (issue 12, item 7): what is still missing in the workbook, counted by
 * native formulas over the registers' names so that it stays true for a reviewer without BuyIn,
 * then a link to every BuyIn sheet. It is the first sheet the toolkit writes.
 *
 * Links: `HYPERLINK("#"&CELL("address",'Sheet'!A1),…)`. The reference inside CELL is a real
 * reference, which Excel, LibreOffice and Sheets rewrite when the sheet is renamed, where a link
 * written as text ("#'Sheet'!A1") goes stale. CELL("address") of a cell on another sheet gives
 * the sheet with it ("[Book]Sheet!$A$1" in Excel, "$Sheet.$A$1" in LibreOffice:
 * https://wiki.openoffice.org/wiki/Documentation/How_Tos/Calc:_CELL_function), which "#" makes a
 * place in this workbook. HyperFormula (the preview) has no CELL, and Sheets links within a
 * spreadsheet only by "#gid=" (https://support.google.com/docs/answer/3093313), so IFERROR shows
 * the sheet's name as plain text where the link cannot be made.
 */

import { COST_REGISTER } from "../case/registers";
import { quoteSheet } from "./a1";
import { CHAMPIONS } from "./champions";
import { ENGAGEMENT_PLAN } from "./engagement-plan";
import { CONCERNS } from "./playbook-registers";
import { BUDGET, MILESTONES, NOT_ANNOUNCED, OVER_CAPACITY, SUPPORT_SYSTEMS } from "./resource-registers";
import type { Block, SheetPlan } from "./sheet-plan";
import { STAKEHOLDER_REGISTER } from "./stakeholder-columns";

export const START_HERE_KIND = "start-here";

/**
 * One line of "what is missing": shown when the toolkit holds one of `kinds` (always, when
 * empty). `count` is a native formula without "=" that counts what is missing, 0 when nothing
 * is, and 0 when a name it reads is not in the workbook (IFERROR).
 */
export interface StartHereCheck {
  readonly kinds: readonly string[];
  readonly label: string;
  readonly count: string;
  /** What the status says for one, and for more (after the number). */
  readonly one: string;
  readonly many: string;
}

const orZero = (formula: string) => `IFERROR(${formula},0)`;

export const START_HERE_CHECKS: readonly StartHereCheck[] = [
  {
    kinds: [],
    label: "Business case",
    count: `IF(${orZero(`COUNT(${COST_REGISTER.name("CostAmounts")})`)}=0,1,0)`,
    one: "No business case yet: build it on BuyIn's Business Case screen",
    many: "",
  },
  {
    kinds: [STAKEHOLDER_REGISTER.declaration.kind],
    label: "Desired engagement",
    count: orZero(
      `SUMPRODUCT((${STAKEHOLDER_REGISTER.name("StakeholderNames")}<>"")*(${STAKEHOLDER_REGISTER.name("DesiredEngagement")}=""))`,
    ),
    one: "stakeholder without a desired engagement level",
    many: "stakeholders without a desired engagement level",
  },
  {
    kinds: [ENGAGEMENT_PLAN.declaration.kind],
    label: "Contacts",
    count: orZero(`COUNTIF(${ENGAGEMENT_PLAN.name("Overdue")},"Overdue")`),
    one: "overdue contact on the Engagement Plan",
    many: "overdue contacts on the Engagement Plan",
  },
  {
    kinds: [CONCERNS.declaration.kind],
    label: "Concerns",
    count: orZero(
      `SUMPRODUCT((${CONCERNS.name("Statuses")}="Open")*(${CONCERNS.name("Severities")}="High"))`,
    ),
    one: "open high-severity concern",
    many: "open high-severity concerns",
  },
  {
    kinds: [CHAMPIONS.declaration.kind],
    label: "Champions",
    count: orZero(`COUNTIF(${CHAMPIONS.name("RecognitionDue")},"Recognise")`),
    one: "champion not recognised in 90 days",
    many: "champions not recognised in 90 days",
  },
  {
    kinds: [BUDGET.declaration.kind],
    label: "Budget against the case",
    count: orZero(`SUMPRODUCT((${BUDGET.name("CaseChecks")}<>"")*1)`),
    one: "budget line differs from the business case or names no case line",
    many: "budget lines differ from the business case or name no case line",
  },
  {
    kinds: [SUPPORT_SYSTEMS.declaration.kind],
    label: "Support capacity",
    count: orZero(`COUNTIF(${SUPPORT_SYSTEMS.name("Flags")},"${OVER_CAPACITY}")`),
    one: "support system used over its capacity",
    many: "support systems used over their capacity",
  },
  {
    kinds: [MILESTONES.declaration.kind],
    label: "Milestones",
    count: orZero(`COUNTIF(${MILESTONES.name("Flags")},"${NOT_ANNOUNCED}")`),
    one: "milestone reached but not announced",
    many: "milestones reached but not announced",
  },
];

const text = (value: string) => `"${value.replaceAll('"', '""')}"`;
const FIRST_CHECK_ROW = 5;

/** The "Start here" sheet for these plans: the checks that apply to them, then a link to each sheet. */
export function startHerePlan(
  plans: readonly SheetPlan[],
  checks: readonly StartHereCheck[] = START_HERE_CHECKS,
): SheetPlan {
  const kinds = new Set(plans.map((plan) => plan.kind));
  const applying = checks.filter(
    (check) => check.kinds.length === 0 || check.kinds.some((kind) => kinds.has(kind)),
  );
  const linksTop = FIRST_CHECK_ROW + applying.length + 1;
  const status = (check: StartHereCheck, row: number) =>
    `=IF(B${row}=0,"OK",IF(B${row}=1,${text(check.many ? `1 ${check.one}` : check.one)},B${row}&${text(` ${check.many}`)}))`;
  const blocks: Block[] = [
    { at: "A1", values: [["Start here"]], role: "header" },
    {
      at: "A2",
      values: [
        [
          "What is still missing, then every BuyIn sheet. The counts are formulas: they stay true as the workbook changes.",
        ],
      ],
      role: "note",
    },
    {
      at: `A${FIRST_CHECK_ROW - 1}`,
      values: [["What is missing", "Count", "Status"]],
      role: "header",
      widths: [26, 8, 62],
    },
    { at: `A${FIRST_CHECK_ROW}`, values: applying.map((check) => [check.label]), role: "note" },
    {
      at: `B${FIRST_CHECK_ROW}`,
      values: applying.map(() => [null, null]),
      formulas: applying.map((check, index) => [`=${check.count}`, status(check, FIRST_CHECK_ROW + index)]),
      numberFormats: applying.map(() => ["0", "General"]),
      role: "output",
    },
    { at: `A${linksTop}`, values: [["Sheets"]], role: "header" },
    {
      at: `A${linksTop + 1}`,
      values: plans.map(() => [null]),
      formulas: plans.map(({ title }) => [
        `=IFERROR(HYPERLINK("#"&CELL("address",${quoteSheet(title)}!A1),${text(title)}),${text(title)})`,
      ]),
      role: "output",
    },
  ];
  return { kind: START_HERE_KIND, title: "Start Here", blocks };
}

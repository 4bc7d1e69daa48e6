import type { Stakeholder } from "../model/stakeholder";
import { DEFAULT_CADENCE } from "../stakeholders/cadence";
import { CHAMPION_THRESHOLD } from "../stakeholders/champion";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import { QUADRANTS } from "../stakeholders/quadrant";
import type { Block, Cell, ColumnSpec, SheetPlan } from "./sheet-plan";
import { inputColumnSpec, STAKEHOLDER_INPUTS } from "./stakeholder-columns";

export interface StakeholderMapOptions {
  /** Top of the score scale, 5 (default) or 10. */
  readonly scaleMax?: 5 | 10;
  /** Power/interest threshold; default the live midpoint of the scale. */
  readonly threshold?: number;
  readonly weights?: { readonly power: number; readonly interest: number; readonly influence: number };
  readonly championThreshold?: number;
  /** Names listed per quadrant on the map before "… and N more". */
  readonly mapLimit?: number;
}

export const SETTINGS_KIND = "settings";
export const REGISTER_KIND = "stakeholders";
export const MAP_KIND = "stakeholder-map";

const P = "{col:power}{row}";
const I = "{col:interest}{row}";
const F = "{col:influence}{row}";
const CURRENT = "{col:currentEngagement}{row}";
const DESIRED = "{col:desiredEngagement}{row}";
const QUADRANT = "{col:quadrant}{row}";

/**
 * The computed columns, as portable native formulas over the row's inputs and the named
 * assumptions on the settings sheet (rule 4: a reviewer without BuyIn sees them move).
 */
const OUTPUT_COLUMNS: readonly ColumnSpec[] = [
  {
    id: "quadrant",
    header: "Quadrant",
    role: "output",
    width: 15,
    formula: `=IF(OR(${P}="",${I}=""),"",IF(${P}>=BuyIn_Threshold,IF(${I}>=BuyIn_Threshold,"Manage closely","Keep satisfied"),IF(${I}>=BuyIn_Threshold,"Keep informed","Monitor")))`,
  },
  {
    id: "priority",
    header: "Priority",
    role: "output",
    width: 9,
    numberFormat: "0.00",
    formula: `=IF(COUNT(${P},${I},${F})<3,"",(BuyIn_WeightPower*${P}+BuyIn_WeightInterest*${I}+BuyIn_WeightInfluence*${F})/(BuyIn_WeightPower+BuyIn_WeightInterest+BuyIn_WeightInfluence))`,
  },
  {
    id: "engagementGap",
    header: "Engagement gap",
    role: "output",
    width: 12,
    numberFormat: "0",
    formula: `=IFERROR(MATCH(${DESIRED},BuyIn_Levels,0)-MATCH(${CURRENT},BuyIn_Levels,0),"")`,
  },
  {
    id: "cadence",
    header: "Cadence",
    role: "output",
    width: 12,
    formula: `=IF(${QUADRANT}="","",INDEX(BuyIn_CadenceValues,MATCH(${QUADRANT},BuyIn_CadenceQuadrants,0)))`,
  },
  {
    id: "championScore",
    header: "Champion score",
    role: "output",
    width: 12,
    numberFormat: "0%",
    formula: `=IFERROR(((${I}-1)/(BuyIn_ScaleMax-1)+(${F}-1)/(BuyIn_ScaleMax-1)+(MATCH(${CURRENT},BuyIn_Levels,0)-1)/4)/3,"")`,
  },
  {
    id: "champion",
    header: "Champion",
    role: "output",
    width: 10,
    formula: `=IF({col:championScore}{row}="","",IF({col:championScore}{row}>=BuyIn_ChampionThreshold,"Champion",""))`,
  },
  {
    // The quadrant and the person's rank in it ("Monitor#3"), which the map looks names up by.
    id: "mapSlot",
    header: "Map slot",
    role: "output",
    width: 16,
    formula: `=IF(${QUADRANT}="","",${QUADRANT}&"#"&COUNTIF({col:quadrant}\${first}:${QUADRANT},${QUADRANT}))`,
  },
];

function settingsPlan(options: StakeholderMapOptions): SheetPlan {
  const weights = options.weights ?? { power: 1, interest: 1, influence: 1 };
  const settings: [string, Cell, string | null, string][] = [
    ["Score scale top", options.scaleMax ?? 5, null, "Scores run from 1 to this: 5 or 10."],
    [
      "High-score threshold",
      options.threshold ?? null,
      options.threshold === undefined ? "=(1+B5)/2" : null,
      "Power and interest at or above this count as high (Mendelow's grid). Default: the scale's midpoint.",
    ],
    [
      "Priority weight: power",
      weights.power,
      null,
      "Priority is the weighted mean of power, interest and influence.",
    ],
    ["Priority weight: interest", weights.interest, null, ""],
    ["Priority weight: influence", weights.influence, null, ""],
    [
      "Champion threshold",
      options.championThreshold ?? CHAMPION_THRESHOLD,
      null,
      "Champion scores (mean share of interest, influence and engagement) at or above this are flagged.",
    ],
  ];
  const blocks: Block[] = [
    { at: "A1", values: [["BuyIn settings"]], role: "header" },
    {
      at: "A2",
      values: [
        ["The assumptions behind the Stakeholders sheet. Change a yellow cell and every formula follows."],
      ],
      role: "note",
    },
    { at: "A4", values: [["Setting", "Value", "What it means"]], role: "header" },
    { at: "A5", values: settings.map(([label]) => [label]), role: "note" },
    {
      at: "B5",
      values: settings.map(([, value]) => [value]),
      formulas: settings.map(([, , formula]) => [formula]),
      numberFormats: settings.map(([label]) => [label === "Champion threshold" ? "0%" : "General"]),
      role: "input",
    },
    { at: "C5", values: settings.map(([, , , meaning]) => [meaning]), role: "note" },
    { at: "A12", values: [["Quadrant", "Contact cadence"]], role: "header" },
    { at: "A13", values: QUADRANTS.map((quadrant) => [quadrant]), role: "note" },
    { at: "B13", values: QUADRANTS.map((quadrant) => [DEFAULT_CADENCE[quadrant]]), role: "input" },
    { at: "A18", values: [["Level", "Engagement (PMBOK)"]], role: "header" },
    { at: "A19", values: ENGAGEMENT_LEVELS.map((level, index) => [index + 1, level]), role: "note" },
  ];
  return {
    kind: SETTINGS_KIND,
    title: "BuyIn Settings",
    blocks,
    names: [
      { name: "BuyIn_ScaleMax", at: "B5" },
      { name: "BuyIn_Threshold", at: "B6" },
      { name: "BuyIn_WeightPower", at: "B7" },
      { name: "BuyIn_WeightInterest", at: "B8" },
      { name: "BuyIn_WeightInfluence", at: "B9" },
      { name: "BuyIn_ChampionThreshold", at: "B10" },
      { name: "BuyIn_CadenceQuadrants", at: "A13:A16" },
      { name: "BuyIn_CadenceValues", at: "B13:B16" },
      { name: "BuyIn_Levels", at: "B19:B23" },
    ],
  };
}

function registerPlan(records: readonly Stakeholder[], options: StakeholderMapOptions): SheetPlan {
  const scaleMax = options.scaleMax ?? 5;
  return {
    kind: REGISTER_KIND,
    title: "Stakeholders",
    table: {
      columns: [...STAKEHOLDER_INPUTS.map((column) => inputColumnSpec(column, scaleMax)), ...OUTPUT_COLUMNS],
      rows: records.map((record) => ({
        key: record.id,
        values: Object.fromEntries(
          STAKEHOLDER_INPUTS.filter((column) => column.type !== "id").map((column) => [
            column.field,
            (record[column.field] as Cell | undefined) ?? null,
          ]),
        ),
      })),
    },
    names: [
      { name: "BuyIn_StakeholderNames", column: "name" },
      { name: "BuyIn_Power", column: "power" },
      { name: "BuyIn_Interest", column: "interest" },
      { name: "BuyIn_Quadrants", column: "quadrant" },
      { name: "BuyIn_MapSlots", column: "mapSlot" },
    ],
    freeze: { rows: 1, columns: 2 },
  };
}

/** The k-th name in a quadrant, looked up by the register's map slot, or blank. */
function slotFormula(quadrant: string, rank: number): string {
  return `=IFERROR(INDEX(BuyIn_StakeholderNames,MATCH("${quadrant}#${rank}",BuyIn_MapSlots,0)),"")`;
}

function moreFormula(quadrant: string, limit: number): string {
  const count = `COUNTIF(BuyIn_Quadrants,"${quadrant}")`;
  return `=IF(${count}>${limit},"… and "&(${count}-${limit})&" more","")`;
}

function quadrantList(quadrant: string, shown: number, limit: number): Block["formulas"] {
  return [
    ...Array.from({ length: shown }, (_, index) => [slotFormula(quadrant, index + 1)]),
    [moreFormula(quadrant, limit)],
  ];
}

function mapPlan(records: readonly Stakeholder[], options: StakeholderMapOptions): SheetPlan {
  const limit = options.mapLimit ?? 50;
  const shown = Math.max(1, Math.min(records.length, limit));
  const listRows = shown + 1;
  const topList = 5;
  const bottomHeader = topList + listRows + 1;
  const bottomList = bottomHeader + 1;
  const blank = (rows: number): Cell[][] => Array.from({ length: rows }, () => [null]);
  const count = Math.max(1, records.length);
  const chartFirst = 5;
  const chartLast = chartFirst + count - 1;
  return {
    kind: MAP_KIND,
    title: "Stakeholder Map",
    blocks: [
      { at: "A1", values: [["Stakeholder map"]], role: "header" },
      {
        at: "A2",
        values: [
          [
            "Mendelow's power/interest grid, live from the Stakeholders sheet: change a score there and people move here.",
          ],
        ],
        role: "note",
      },
      { at: "A4", values: [["High power"]], role: "note" },
      { at: "B4", values: [["Keep satisfied", "Manage closely"]], role: "header" },
      {
        at: "B5",
        values: blank(listRows),
        formulas: quadrantList("Keep satisfied", shown, limit),
        role: "output",
      },
      {
        at: "C5",
        values: blank(listRows),
        formulas: quadrantList("Manage closely", shown, limit),
        role: "output",
      },
      { at: `A${bottomHeader}`, values: [["Low power"]], role: "note" },
      { at: `B${bottomHeader}`, values: [["Monitor", "Keep informed"]], role: "header" },
      {
        at: `B${bottomList}`,
        values: blank(listRows),
        formulas: quadrantList("Monitor", shown, limit),
        role: "output",
      },
      {
        at: `C${bottomList}`,
        values: blank(listRows),
        formulas: quadrantList("Keep informed", shown, limit),
        role: "output",
      },
      { at: `B${bottomList + listRows}`, values: [["Low interest", "High interest"]], role: "note" },
      { at: "E4", values: [["Chart data: name", "Interest", "Power"]], role: "header" },
      {
        at: `E${chartFirst}`,
        values: Array.from({ length: count }, () => [null, null, null]),
        formulas: Array.from({ length: count }, (_, index) => [
          `=IFERROR(INDEX(BuyIn_StakeholderNames,${index + 1}),"")`,
          `=IFERROR(INDEX(BuyIn_Interest,${index + 1}),"")`,
          `=IFERROR(INDEX(BuyIn_Power,${index + 1}),"")`,
        ]),
        role: "output",
      },
    ],
    charts: [
      {
        type: "scatter",
        title: "Power and interest",
        x: `F${chartFirst}:F${chartLast}`,
        y: `G${chartFirst}:G${chartLast}`,
        xTitle: "Interest",
        yTitle: "Power",
        anchor: "I4",
      },
    ],
    freeze: { rows: 3, columns: 0 },
  };
}

/**
 * The stakeholder map as three plans, applied in order: the settings its formulas read, the
 * register (inputs, then computed columns), and the map sheet (the 2×2 grid naming the people in
 * each quadrant, and a scatter chart of power against interest).
 */
export function stakeholderMap(
  records: readonly Stakeholder[],
  options: StakeholderMapOptions = {},
): SheetPlan[] {
  return [settingsPlan(options), registerPlan(records, options), mapPlan(records, options)];
}

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
    // COUNT first: a blank interest or influence is not a 1 (the kernel refuses it), so no partial score.
    formula: `=IF(COUNT(${I},${F})<2,"",IFERROR(((${I}-1)/(BuyIn_ScaleMax-1)+(${F}-1)/(BuyIn_ScaleMax-1)+(MATCH(${CURRENT},BuyIn_Levels,0)-1)/4)/3,""))`,
  },
  {
    id: "champion",
    header: "Champion",
    role: "output",
    width: 10,
    formula: `=IF({col:championScore}{row}="","",IF({col:championScore}{row}>=BuyIn_ChampionThreshold,"Champion",""))`,
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
    ],
    freeze: { rows: 1, columns: 2 },
  };
}

/** The map sheet's columns of per-person data, beside the 2×2 grid: what the chart plots and the lists count. */
const PEOPLE_COLUMN = { name: "E", interest: "F", power: "G", quadrant: "H" } as const;
/** One running count per quadrant, in this order, after the per-person data. */
const COUNT_COLUMNS = ["I", "J", "K", "L"] as const;
const PEOPLE_FIRST_ROW = 5;

/**
 * The per-person rows of the map sheet. Each person in order: name (text, "" when blank, never the
 * 0 that INDEX of an empty cell shows in Excel and LibreOffice); interest and power for the chart,
 * #N/A for a person off the map (charts skip #N/A points, where "" or a blank would be plotted at
 * 0); quadrant, only for a named person; and per quadrant a running count of the people in it so
 * far. A count reads only the row above, so the sheet's cost grows linearly with people (a
 * running COUNTIF over the rows above grows with their square), and these rows are BuyIn's own
 * block, so deleting rows in the register does not break the chain.
 */
function peopleRows(count: number): (string | null)[][] {
  return Array.from({ length: count }, (_, index) => {
    const position = index + 1;
    const row = PEOPLE_FIRST_ROW + index;
    return [
      `=IFERROR(INDEX(BuyIn_StakeholderNames,${position})&"","")`,
      `=IF(${PEOPLE_COLUMN.quadrant}${row}="",NA(),INDEX(BuyIn_Interest,${position}))`,
      `=IF(${PEOPLE_COLUMN.quadrant}${row}="",NA(),INDEX(BuyIn_Power,${position}))`,
      `=IF(${PEOPLE_COLUMN.name}${row}="","",IFERROR(INDEX(BuyIn_Quadrants,${position})&"",""))`,
      ...QUADRANTS.map(
        (quadrant, q) => `=N(${COUNT_COLUMNS[q]}${row - 1})+(${PEOPLE_COLUMN.quadrant}${row}="${quadrant}")`,
      ),
    ];
  });
}

/**
 * A quadrant's list on the grid: the k-th name is on the first row where the quadrant's running
 * count reaches k, that is one row after the last row whose count is below k. The counts never
 * fall, so MATCH's sorted mode finds that row by bisection instead of a scan. Among equal values
 * type 1 gives the last: LibreOffice's MATCH help ("the index of the last value that is smaller or
 * equal"), Excel as observed by Apache POI (Match.java: "the lowest index value for which every
 * item after that index breaks the match rule"), and HyperFormula, which the tests run. Then
 * "… and N more" past the limit.
 */
function quadrantList(quadrant: string, shown: number, limit: number, people: number): Block["formulas"] {
  const last = PEOPLE_FIRST_ROW + people - 1;
  const counts = COUNT_COLUMNS[QUADRANTS.indexOf(quadrant as (typeof QUADRANTS)[number])];
  const names = `$${PEOPLE_COLUMN.name}$${PEOPLE_FIRST_ROW}:$${PEOPLE_COLUMN.name}$${last}`;
  const running = `$${counts}$${PEOPLE_FIRST_ROW}:$${counts}$${last}`;
  const total = `$${counts}$${last}`;
  return [
    ...Array.from({ length: shown }, (_, index) => [
      `=IF(${total}<${index + 1},"",INDEX(${names},IFERROR(MATCH(${index},${running},1),0)+1))`,
    ]),
    [`=IF(${total}>${limit},"… and "&(${total}-${limit})&" more","")`],
  ];
}

function mapPlan(records: readonly Stakeholder[], options: StakeholderMapOptions): SheetPlan {
  const limit = options.mapLimit ?? 50;
  const shown = Math.max(1, Math.min(records.length, limit));
  const listRows = shown + 1;
  const topList = 5;
  const bottomHeader = topList + listRows + 1;
  const bottomList = bottomHeader + 1;
  const blank = (rows: number, columns = 1): Cell[][] =>
    Array.from({ length: rows }, () => new Array<Cell>(columns).fill(null));
  const people = Math.max(1, records.length);
  const chartLast = PEOPLE_FIRST_ROW + people - 1;
  const list = (quadrant: string) => quadrantList(quadrant, shown, limit, people);
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
      { at: "B5", values: blank(listRows), formulas: list("Keep satisfied"), role: "output" },
      { at: "C5", values: blank(listRows), formulas: list("Manage closely"), role: "output" },
      { at: `A${bottomHeader}`, values: [["Low power"]], role: "note" },
      { at: `B${bottomHeader}`, values: [["Monitor", "Keep informed"]], role: "header" },
      { at: `B${bottomList}`, values: blank(listRows), formulas: list("Monitor"), role: "output" },
      { at: `C${bottomList}`, values: blank(listRows), formulas: list("Keep informed"), role: "output" },
      { at: `B${bottomList + listRows}`, values: [["Low interest", "High interest"]], role: "note" },
      {
        at: `${PEOPLE_COLUMN.name}4`,
        values: [
          ["Person", "Interest", "Power", "Quadrant", ...QUADRANTS.map((quadrant) => `${quadrant} #`)],
        ],
        role: "header",
      },
      {
        at: `${PEOPLE_COLUMN.name}${PEOPLE_FIRST_ROW}`,
        values: blank(people, 4 + QUADRANTS.length),
        formulas: peopleRows(people),
        role: "output",
      },
    ],
    charts: [
      {
        type: "scatter",
        title: "Power and interest",
        x: `${PEOPLE_COLUMN.interest}${PEOPLE_FIRST_ROW}:${PEOPLE_COLUMN.interest}${chartLast}`,
        y: `${PEOPLE_COLUMN.power}${PEOPLE_FIRST_ROW}:${PEOPLE_COLUMN.power}${chartLast}`,
        xTitle: "Interest",
        yTitle: "Power",
        anchor: "N4",
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

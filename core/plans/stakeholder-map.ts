import type { Stakeholder } from "../model/stakeholder";
import { QUADRANTS } from "../stakeholders/quadrant";
import type { Block, Cell, SheetPlan } from "./sheet-plan";
import { STAKEHOLDER_REGISTER, type StakeholderMapOptions } from "./stakeholder-columns";

export type { StakeholderMapOptions } from "./stakeholder-columns";
export const SETTINGS_KIND = "settings";
export const REGISTER_KIND = STAKEHOLDER_REGISTER.declaration.kind;
export const MAP_KIND = "stakeholder-map";
const NAMES = STAKEHOLDER_REGISTER.name("StakeholderNames");
const INTEREST = STAKEHOLDER_REGISTER.name("Interest");
const POWER = STAKEHOLDER_REGISTER.name("Power");
const QUADRANTS_NAME = STAKEHOLDER_REGISTER.name("Quadrants");

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
      `=IFERROR(INDEX(${NAMES},${position})&"","")`,
      `=IF(${PEOPLE_COLUMN.quadrant}${row}="",NA(),INDEX(${INTEREST},${position}))`,
      `=IF(${PEOPLE_COLUMN.quadrant}${row}="",NA(),INDEX(${POWER},${position}))`,
      `=IF(${PEOPLE_COLUMN.name}${row}="","",IFERROR(INDEX(${QUADRANTS_NAME},${position})&"",""))`,
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
 * "… and N more" past the rows shown.
 */
function quadrantList(quadrant: string, shown: number, people: number): Block["formulas"] {
  const last = PEOPLE_FIRST_ROW + people - 1;
  const counts = COUNT_COLUMNS[QUADRANTS.indexOf(quadrant as (typeof QUADRANTS)[number])];
  const names = `$${PEOPLE_COLUMN.name}$${PEOPLE_FIRST_ROW}:$${PEOPLE_COLUMN.name}$${last}`;
  const running = `$${counts}$${PEOPLE_FIRST_ROW}:$${counts}$${last}`;
  const total = `$${counts}$${last}`;
  return [
    ...Array.from({ length: shown }, (_, index) => [
      `=IF(${total}<${index + 1},"",INDEX(${names},IFERROR(MATCH(${index},${running},1),0)+1))`,
    ]),
    [`=IF(${total}>${shown},"… and "&(${total}-${shown})&" more","")`],
  ];
}

/**
 * Each quadrant's colours, in the panel's (ui/panel/styles.css chips, the grid's quadrant
 * shading): `strong` behind white bold text for the quadrant's heading, `tint` behind its list.
 * Fluent 2's red, dark orange, brand blue and grey; white on each strong colour passes WCAG AA.
 */
export const QUADRANT_COLOURS: Readonly<
  Record<(typeof QUADRANTS)[number], { strong: string; tint: string }>
> = {
  "Manage closely": { strong: "#C50F1F", tint: "#FDE7E9" },
  "Keep satisfied": { strong: "#A33E00", tint: "#FBE9DD" },
  "Keep informed": { strong: "#0F6CBD", tint: "#EBF3FC" },
  Monitor: { strong: "#616161", tint: "#F0F0F0" },
};

/** Rows a list keeps free beyond its quadrant's people when written, for people who move in before the next write. */
const SPARE_ROWS = 2;

function mapPlan(
  records: readonly Stakeholder[],
  register: SheetPlan,
  options: StakeholderMapOptions,
): SheetPlan {
  const limit = options.mapLimit ?? 50;
  // Each band (high power, low power) is as tall as its fuller quadrant now, plus a little room,
  // so the 2×2 reads at a glance without long empty runs; a list that outgrows its rows before
  // the next write ends with "… and N more".
  const counts = new Map<string, number>(QUADRANTS.map((name) => [name, 0]));
  for (const row of register.table?.rows ?? []) {
    const placed = row.expected?.quadrant;
    if (typeof placed === "string" && counts.has(placed) && row.values.name)
      counts.set(placed, (counts.get(placed) ?? 0) + 1);
  }
  const bandRows = (left: string, right: string) =>
    Math.max(1, Math.min(limit, Math.max(counts.get(left) ?? 0, counts.get(right) ?? 0) + SPARE_ROWS));
  const topShown = bandRows("Keep satisfied", "Manage closely");
  const bottomShown = bandRows("Monitor", "Keep informed");
  const topList = 5;
  const bottomHeader = topList + topShown + 1;
  const bottomList = bottomHeader + 1;
  const bottomEnd = bottomList + bottomShown + 1;
  const blank = (rows: number, columns = 1): Cell[][] =>
    Array.from({ length: rows }, () => new Array<Cell>(columns).fill(null));
  const people = Math.max(1, records.length);
  const chartLast = PEOPLE_FIRST_ROW + people - 1;
  const heading = (at: string, name: (typeof QUADRANTS)[number]): Block => ({
    at,
    values: [[name]],
    role: "header",
    fill: QUADRANT_COLOURS[name].strong,
  });
  const list = (at: string, name: (typeof QUADRANTS)[number], shown: number): Block => ({
    at,
    values: blank(shown + 1),
    formulas: quadrantList(name, shown, people),
    role: "output",
    fill: QUADRANT_COLOURS[name].tint,
  });
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
      { at: "A4", values: [["High power"]], role: "note", widths: [11] },
      { ...heading("B4", "Keep satisfied"), widths: [22] },
      { ...heading("C4", "Manage closely"), widths: [22] },
      list("B5", "Keep satisfied", topShown),
      list("C5", "Manage closely", topShown),
      { at: `A${bottomHeader}`, values: [["Low power"]], role: "note" },
      heading(`B${bottomHeader}`, "Monitor"),
      heading(`C${bottomHeader}`, "Keep informed"),
      list(`B${bottomList}`, "Monitor", bottomShown),
      list(`C${bottomList}`, "Keep informed", bottomShown),
      { at: `B${bottomEnd}`, values: [["Low interest →", "High interest →"]], role: "note" },
      {
        at: `${PEOPLE_COLUMN.name}4`,
        values: [
          ["Person", "Interest", "Power", "Quadrant", ...QUADRANTS.map((quadrant) => `${quadrant} #`)],
        ],
        role: "header",
        widths: [22, 9, 9, 16, ...QUADRANTS.map(() => 16)],
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
        labels: `${PEOPLE_COLUMN.name}${PEOPLE_FIRST_ROW}:${PEOPLE_COLUMN.name}${chartLast}`,
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
  const plans = STAKEHOLDER_REGISTER.plans(records, options);
  return [...plans, mapPlan(records, plans[plans.length - 1] as SheetPlan, options)];
}

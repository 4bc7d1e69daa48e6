/** The stakeholder register, declared once on the register kit. */
import { type Stakeholder, StakeholderSchema } from "../model/stakeholder";
import { latestSentiment, type SentimentEntry } from "../playbook/latest-sentiment";
import { type ConcernEntry, openConcerns } from "../playbook/open-concerns";
import { cadence, DEFAULT_CADENCE } from "../stakeholders/cadence";
import { CHAMPION_THRESHOLD, championScore } from "../stakeholders/champion";
import { ENGAGEMENT_LEVELS } from "../stakeholders/engagement";
import { engagementGap } from "../stakeholders/engagement-gap";
import { isChampion } from "../stakeholders/is-champion";
import { priority } from "../stakeholders/priority";
import { QUADRANTS, quadrant } from "../stakeholders/quadrant";
import { salience } from "../stakeholders/salience";
import { CONCERN_MODULE, FEEDBACK_LOG_MODULE, moduleName } from "./playbook-names";
import { defineRegister, type InputColumn, type RegisterColumn } from "./register-kit";

export interface StakeholderMapOptions {
  /** Top of the score scale, 5 (default) or 10. */
  readonly scaleMax?: 5 | 10;
  /** Power/interest threshold; default the live midpoint of the scale. */
  readonly threshold?: number;
  readonly weights?: { readonly power: number; readonly interest: number; readonly influence: number };
  readonly championThreshold?: number;
  /** Names listed per quadrant on the map before "… and N more". */
  readonly mapLimit?: number;
  /**
   * The stakeholder feedback log and the concern register, for the expected values of the columns
   * that read them (the sheet reads them by name, live); none when not given.
   */
  readonly feedback?: readonly SentimentEntry[];
  readonly concerns?: readonly ConcernEntry[];
}

type Column = RegisterColumn<Stakeholder, StakeholderMapOptions>;
const scale = (options: StakeholderMapOptions) => ({
  scaleMax: options.scaleMax ?? 5,
  threshold: options.threshold,
});
const score = (
  id: keyof Stakeholder,
  header: string,
  width: number,
  hint: string,
  required = true,
): Column => ({
  id,
  header,
  role: "input",
  type: "whole",
  required,
  width,
  hint,
  validation: (options) => ({ min: 1, max: options.scaleMax ?? 5, whole: true }),
});
const text = (id: keyof Stakeholder, header: string, width: number, required = false): Column => ({
  id,
  header,
  role: "input",
  type: "text",
  required,
  width,
});
const level = (id: keyof Stakeholder, header: string, initial: string): Column => ({
  id,
  header,
  role: "input",
  type: "choice",
  required: true,
  width: 14,
  initial,
  validation: { list: ENGAGEMENT_LEVELS },
  hint: "PMBOK's engagement levels, Unaware to Leading.",
});
const date = (id: keyof Stakeholder, header: string): Column => ({
  id,
  header,
  role: "input",
  type: "date",
  width: 12,
});

const cell = (id: string) => `{col:${id}}{row}`;
const [P, I, F, L, U] = [
  cell("power"),
  cell("interest"),
  cell("influence"),
  cell("legitimacy"),
  cell("urgency"),
];
const [CURRENT, DESIRED, QUADRANT] = [cell("currentEngagement"), cell("desiredEngagement"), cell("quadrant")];
const high = (cell: string) => `(${cell}>={name:Threshold})`;
const KEY = cell("id");
const [SAID_BY, SAID_ON, SENTIMENTS] = ["Stakeholders", "Dates", "Sentiments"].map((suffix) =>
  moduleName(FEEDBACK_LOG_MODULE, suffix),
) as [string, string, string];
const [RAISED_BY, SEVERITIES, STATUSES] = ["Stakeholders", "Severities", "Statuses"].map((suffix) =>
  moduleName(CONCERN_MODULE, suffix),
) as [string, string, string];
/** This person's dated, scored feedback entries (1 or 0 down the log). */
const SCORED = `(${SAID_BY}=${KEY})*(${SENTIMENTS}<>"")`;
/**
 * The latest date among them: MAX inside SUMPRODUCT, which makes every host (Excel 2016 included)
 * evaluate the comparison over the whole column without an array formula; 0 when there is none.
 */
const LATEST_DATE = `SUMPRODUCT(MAX(${SCORED}*${SAID_ON}))`;
/**
 * The lowest sentiment on that date: 10 − the largest (10 − sentiment) among its entries, where
 * every other row counts 0, below any (10 − sentiment) of 8 to 12.
 */
const LOWEST_THAT_DAY = `10-SUMPRODUCT(MAX(${SCORED}*(${SAID_ON}=${LATEST_DATE})*(10-${SENTIMENTS})))`;
const OPEN = `(${RAISED_BY}=${KEY})*(${STATUSES}="Open")`;
/**
 * A workbook without the log or the register has no such name: its #NAME? reads as none (IFERROR),
 * and the formula computes once the names are there.
 */
const OPEN_HIGH = `IFERROR(SUMPRODUCT(${OPEN}*(${SEVERITIES}="High")),0)`;
/** Salience classes by bits: power 1, legitimacy 2, urgency 4, read off the kernel itself. */
const SALIENCE_BY_BITS = Array.from({ length: 8 }, (_, bits) =>
  salience(bits & 1 ? 5 : 1, bits & 2 ? 5 : 1, bits & 4 ? 5 : 1),
);

/**
 * The computed columns: portable native formulas over the row's inputs and the named assumptions
 * (rule 4: a reviewer without BuyIn sees them move), each with the kernel that gives its value.
 */
const OUTPUTS: readonly Column[] = [
  {
    id: "quadrant",
    header: "Quadrant",
    role: "output",
    width: 15,
    name: "Quadrants",
    formula: `=IF(OR(${P}="",${I}=""),"",IF(${P}>={name:Threshold},IF(${I}>={name:Threshold},"Manage closely","Keep satisfied"),IF(${I}>={name:Threshold},"Keep informed","Monitor")))`,
    needs: ["power", "interest"],
    kernel: (s, o) => quadrant(s.power, s.interest, scale(o)),
  },
  {
    id: "priority",
    header: "Priority",
    role: "output",
    width: 9,
    numberFormat: "0.00",
    formula: `=IF(COUNT(${P},${I},${F})<3,"",({name:WeightPower}*${P}+{name:WeightInterest}*${I}+{name:WeightInfluence}*${F})/({name:WeightPower}+{name:WeightInterest}+{name:WeightInfluence}))`,
    needs: ["power", "interest", "influence"],
    kernel: (s, { weights: w }) =>
      priority([s.power, s.interest, s.influence], w ? [w.power, w.interest, w.influence] : undefined),
  },
  {
    id: "engagementGap",
    header: "Engagement gap",
    role: "output",
    width: 12,
    numberFormat: "0",
    formula: `=IFERROR(MATCH(${DESIRED},{name:Levels},0)-MATCH(${CURRENT},{name:Levels},0),"")`,
    needs: ["currentEngagement", "desiredEngagement"],
    kernel: (s) => engagementGap(s.currentEngagement, s.desiredEngagement),
  },
  {
    id: "cadence",
    header: "Cadence",
    role: "output",
    width: 12,
    formula: `=IF(${QUADRANT}="","",INDEX({name:CadenceValues},MATCH(${QUADRANT},{name:CadenceQuadrants},0)))`,
    needs: ["power", "interest"],
    kernel: (s, o) => cadence(quadrant(s.power, s.interest, scale(o))),
  },
  {
    id: "championScore",
    header: "Champion score",
    role: "output",
    width: 12,
    numberFormat: "0%",
    name: "ChampionScores",
    // COUNT first: a blank interest or influence is not a 1 (the kernel refuses it), so no partial score.
    formula: `=IF(COUNT(${I},${F})<2,"",IFERROR(((${I}-1)/({name:ScaleMax}-1)+(${F}-1)/({name:ScaleMax}-1)+(MATCH(${CURRENT},{name:Levels},0)-1)/4)/3,""))`,
    needs: ["interest", "influence", "currentEngagement"],
    kernel: (s, o) => championScore(s.interest, s.influence, s.currentEngagement, scale(o)),
  },
  {
    id: "champion",
    header: "Champion",
    role: "output",
    width: 10,
    name: "Champions",
    // Never a champion with an open high-severity concern (the Concerns sheet, by name).
    formula: `=IF({col:championScore}{row}="","",IF(AND({col:championScore}{row}>={name:ChampionThreshold},${OPEN_HIGH}=0),"Champion",""))`,
    needs: ["interest", "influence", "currentEngagement"],
    kernel: (s, o) =>
      isChampion(
        championScore(s.interest, s.influence, s.currentEngagement, scale(o)),
        openConcerns(s.id, o.concerns ?? [], "High"),
        o.championThreshold ?? CHAMPION_THRESHOLD,
      )
        ? "Champion"
        : "",
  },
  {
    id: "salience",
    header: "Salience",
    role: "output",
    width: 14,
    // Mitchell, Agle & Wood: each attribute at or above the threshold adds its bit; blank unless all three are scored.
    formula: `=IF(COUNT(${P},${L},${U})<3,"",CHOOSE(1+${high(P)}+2*${high(L)}+4*${high(U)},${SALIENCE_BY_BITS.map((name) => `"${name}"`).join(",")}))`,
    needs: ["power", "legitimacy", "urgency"],
    kernel: (s, o) => salience(s.power, s.legitimacy as number, s.urgency as number, scale(o)),
  },
  {
    id: "latestSentiment",
    header: "Latest sentiment",
    role: "output",
    width: 10,
    numberFormat: "+0;-0;0",
    // Blank without feedback; ties on the latest date: the lowest sentiment (latestSentiment's rule).
    formula: `=IFERROR(IF(${LATEST_DATE}=0,"",${LOWEST_THAT_DAY}),"")`,
    needs: [],
    kernel: (s, o) => latestSentiment(s.id, o.feedback ?? []) ?? "",
  },
  {
    id: "openConcerns",
    header: "Open concerns",
    role: "output",
    width: 10,
    numberFormat: "0",
    formula: `=IFERROR(SUMPRODUCT(${OPEN}),0)`,
    needs: [],
    kernel: (s, o) => openConcerns(s.id, o.concerns ?? []),
  },
];

export const STAKEHOLDER_REGISTER = defineRegister<Stakeholder, StakeholderMapOptions>({
  kind: "stakeholders",
  title: "Stakeholders",
  module: "Map",
  formerPrefix: "BuyIn_",
  schema: StakeholderSchema,
  key: { prefix: "S-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8, name: "Ids" },
    { ...text("name", "Name", 22, true), name: "StakeholderNames" },
    text("role", "Role", 20),
    text("group", "Group", 16),
    {
      ...score("power", "Power", 8, "Power over the programme, 1 (none) to the top of the scale."),
      name: "Power",
    },
    { ...score("interest", "Interest", 8, "How much the programme affects them."), name: "Interest" },
    score("influence", "Influence", 9, "How far their view sways others."),
    score("legitimacy", "Legitimacy", 10, "How proper their claim on the programme is (salience).", false),
    score("urgency", "Urgency", 8, "How pressing their claim is (salience).", false),
    level("currentEngagement", "Current engagement", "Neutral"),
    { ...level("desiredEngagement", "Desired engagement", "Supportive"), name: "DesiredEngagement" },
    text("caresAbout", "Cares about", 28),
    text("concerns", "Concerns", 28),
    text("owner", "Owner", 14),
    date("lastContact", "Last contact"),
    date("nextContact", "Next contact"),
    ...OUTPUTS,
  ],
  freeze: { rows: 1, columns: 2 },
  assumptions: (options) => {
    const weights = options.weights ?? { power: 1, interest: 1, influence: 1 };
    return {
      kind: "settings",
      title: "BuyIn Settings",
      heading: "BuyIn settings",
      intro: "The assumptions behind the Stakeholders sheet. Change a yellow cell and every formula follows.",
      rows: [
        {
          label: "Score scale top",
          name: "ScaleMax",
          value: options.scaleMax ?? 5,
          meaning: "Scores run from 1 to this: 5 or 10.",
        },
        {
          label: "High-score threshold",
          name: "Threshold",
          ...(options.threshold === undefined
            ? { formula: "=(1+{name:ScaleMax})/2" }
            : { value: options.threshold }),
          meaning:
            "Power, interest, legitimacy and urgency at or above this count as high (Mendelow's grid, salience). Default: the scale's midpoint.",
        },
        {
          label: "Priority weight: power",
          name: "WeightPower",
          value: weights.power,
          meaning: "Priority is the weighted mean of power, interest and influence.",
        },
        { label: "Priority weight: interest", name: "WeightInterest", value: weights.interest },
        { label: "Priority weight: influence", name: "WeightInfluence", value: weights.influence },
        {
          label: "Champion threshold",
          name: "ChampionThreshold",
          value: options.championThreshold ?? CHAMPION_THRESHOLD,
          format: "0%",
          meaning:
            "Champion scores (mean share of interest, influence and engagement) at or above this are flagged.",
        },
      ],
      tables: [
        {
          headers: ["Quadrant", "Contact cadence"],
          rows: QUADRANTS.map((name) => [name, DEFAULT_CADENCE[name]] as const),
          names: ["CadenceQuadrants", "CadenceValues"],
          editable: true,
        },
        {
          headers: ["Level", "Engagement (PMBOK)"],
          rows: ENGAGEMENT_LEVELS.map((name, index) => [index + 1, name] as const),
          names: [undefined, "Levels"],
        },
      ],
    };
  },
});

/** The register's key and input columns, in sheet order. */
export const STAKEHOLDER_INPUTS: readonly InputColumn<Stakeholder, StakeholderMapOptions>[] =
  STAKEHOLDER_REGISTER.inputs;

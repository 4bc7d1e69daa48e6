/**
 * Champions (issue 12, step 8: find champions, equip them and recognise them): the champions, by
 * their stakeholder ID, with their champion score and flag read from the Stakeholders sheet by
 * name, the date they were given each thing to advocate with, and their activity; and the
 * recognition log (what, when, by whom). A champion whose last recognition and the date they
 * became one are both more than the named number of days before the named date (TODAY() by
 * default) is flagged: a champion is not due recognition the day they agree to be one.
 */
import { type Champion, ChampionSchema, type Recognition, RecognitionSchema } from "../model/playbook";
import type { Stakeholder } from "../model/stakeholder";
import { lastRecognised } from "../playbook/last-recognised";
import { defineRegister } from "./register-kit";
import type { Cell, SheetPlan } from "./sheet-plan";
import { STAKEHOLDER_REGISTER, type StakeholderMapOptions } from "./stakeholder-columns";

/** Days after which a champion not recognised is flagged, by default. */
export const RECOGNISE_WITHIN_DAYS = 90;

export interface ChampionOptions {
  /** The date recognition is judged due against (a 1900-system serial); the sheet's default is TODAY(). */
  readonly asOf?: number;
  /**
   * The day TODAY() will show, for the kernels' expected values only, when `asOf` is not given:
   * the sheet keeps TODAY(), so a reviewer opening it later sees their own day.
   */
  readonly today?: number;
  /** Days after which a champion not recognised is flagged; default 90. */
  readonly recogniseWithinDays?: number;
  /** For the expected values of the columns read from other sheets (the sheet reads them by name). */
  readonly stakeholders?: readonly Stakeholder[];
  readonly stakeholderOptions?: StakeholderMapOptions;
  readonly recognitions?: readonly Recognition[];
}

const MODULE = "Champ";
const NAME = (suffix: string) => `BuyIn_${MODULE}_${suffix}`;
const [RECOGNISED, RECOGNISED_ON] = [NAME("RecognisedIds"), NAME("RecognisedDates")];
const [IDS, SCORES, FLAGS] = ["Ids", "ChampionScores", "Champions"].map(STAKEHOLDER_REGISTER.name) as [
  string,
  string,
  string,
];
const cell = (id: string) => `{col:${id}}{row}`;
const [KEY, SINCE, LAST] = [cell("id"), cell("since"), cell("lastRecognised")];
/** The row of this champion on the Stakeholders sheet. */
const ON_REGISTER = `MATCH(${KEY},${IDS},0)`;
/** Their latest recognition: MAX inside SUMPRODUCT, an array over the log in every host; 0 when none. */
const LATEST = `SUMPRODUCT(MAX((${RECOGNISED}=${KEY})*${RECOGNISED_ON}))`;

/** The stakeholder register's value of one computed column for this champion, "" when not on it. */
function fromRegister(champion: Champion, options: ChampionOptions, column: string): Cell {
  const person = options.stakeholders?.find((each) => each.id.toLowerCase() === champion.id.toLowerCase());
  return person
    ? (STAKEHOLDER_REGISTER.expected(person, options.stakeholderOptions ?? {})[column] ?? "")
    : "";
}

/** The date recognition is counted from: the later of the last recognition and the date they became a champion. */
function recognisedBasis(champion: Champion, options: ChampionOptions): number | undefined {
  const dates = [lastRecognised(champion.id, options.recognitions ?? []), champion.since].filter(
    (date): date is number => date !== undefined,
  );
  return dates.length === 0 ? undefined : Math.max(...dates);
}

const date = (id: keyof Champion & string, header: string, hint?: string) => ({
  id,
  header,
  role: "input" as const,
  type: "date" as const,
  width: 12,
  ...(hint ? { hint } : {}),
});

export const CHAMPIONS = defineRegister<Champion, ChampionOptions>({
  kind: "champions",
  title: "Champions",
  module: MODULE,
  schema: ChampionSchema as never,
  key: { prefix: "S-", digits: 3 },
  columns: [
    { id: "id", header: "Stakeholder ID", role: "key", type: "text", width: 10 },
    { id: "name", header: "Name", role: "input", type: "text", width: 20 },
    {
      id: "score",
      header: "Champion score",
      role: "output",
      width: 10,
      numberFormat: "0%",
      formula: `=IFERROR(INDEX(${SCORES},${ON_REGISTER}),"")`,
      needs: [],
      kernel: (champion, options) => fromRegister(champion, options, "championScore"),
    },
    {
      id: "register",
      header: "On the register",
      role: "output",
      width: 12,
      // &"": an empty cell reads as "", never the 0 INDEX gives it in Excel and LibreOffice.
      formula: `=IFERROR(INDEX(${FLAGS},${ON_REGISTER})&"","")`,
      needs: [],
      kernel: (champion, options) => fromRegister(champion, options, "champion"),
    },
    date("since", "Champion since", "When they agreed to champion the programme."),
    date("briefing", "Briefing pack", "When they were given it; blank: not yet."),
    date("data", "Data", "When they were given the programme's data."),
    date("demo", "Demo", "When they saw a demo."),
    date("earlyAccess", "Early access", "When they were given early access."),
    { id: "activity", header: "Activity", role: "input", type: "text", width: 32 },
    date("lastActive", "Last active"),
    {
      id: "lastRecognised",
      header: "Last recognised",
      role: "output",
      width: 12,
      numberFormat: "yyyy-mm-dd",
      // No recognition log (no name yet) reads as none.
      formula: `=IFERROR(IF(${LATEST}=0,"",${LATEST}),"")`,
      needs: [],
      kernel: (champion, options) => lastRecognised(champion.id, options.recognitions ?? []) ?? "",
    },
    {
      id: "recognitionDue",
      header: "Recognition due",
      role: "output",
      width: 12,
      name: "RecognitionDue",
      // The later of the last recognition and "since"; MAX skips the "" of a blank "Last recognised".
      formula: `=IF(AND(${LAST}="",${SINCE}=""),"",IF(MAX(${LAST},${SINCE})<{name:AsOf}-{name:RecogniseWithinDays},"Recognise",""))`,
      needs: [],
      kernel: (champion, options): Cell => {
        const basis = recognisedBasis(champion, options);
        const asOf = options.asOf ?? options.today;
        if (basis === undefined || asOf === undefined) return "";
        return basis < asOf - (options.recogniseWithinDays ?? RECOGNISE_WITHIN_DAYS) ? "Recognise" : "";
      },
    },
  ],
  freeze: { rows: 1, columns: 2 },
  assumptions: (options) => ({
    kind: "champion-settings",
    title: "Champion Settings",
    heading: "Champion settings",
    intro: "When a champion is due some recognition.",
    rows: [
      {
        label: "As of",
        name: "AsOf",
        ...(options.asOf === undefined ? { formula: "=TODAY()" } : { value: options.asOf }),
        format: "yyyy-mm-dd",
        meaning: "Today by default; type a date to see the register as it stood then.",
      },
      {
        label: "Recognise within (days)",
        name: "RecogniseWithinDays",
        value: options.recogniseWithinDays ?? RECOGNISE_WITHIN_DAYS,
        format: "0",
        meaning:
          "A champion last recognised, and made a champion, more than this many days before is flagged.",
      },
    ],
  }),
});

export const RECOGNITION_LOG = defineRegister<Recognition, Record<string, never>>({
  kind: "recognition",
  title: "Recognition",
  module: MODULE,
  schema: RecognitionSchema as never,
  key: { prefix: "R-", digits: 3 },
  columns: [
    { id: "id", header: "ID", role: "key", type: "text", width: 8 },
    {
      id: "champion",
      header: "Champion ID",
      role: "input",
      type: "text",
      required: true,
      width: 12,
      name: "RecognisedIds",
      hint: "Their stakeholder ID (S-001), as on the Champions sheet.",
    },
    {
      id: "date",
      header: "Date",
      role: "input",
      type: "date",
      required: true,
      width: 12,
      name: "RecognisedDates",
    },
    { id: "what", header: "What", role: "input", type: "text", required: true, width: 36 },
    { id: "by", header: "By whom", role: "input", type: "text", width: 18 },
  ],
  freeze: { rows: 1, columns: 2 },
});

export const championPlans = (champions: readonly Champion[], options: ChampionOptions = {}): SheetPlan[] =>
  CHAMPIONS.plans(champions, options);
export const recognitionPlans = (recognitions: readonly Recognition[]): SheetPlan[] =>
  RECOGNITION_LOG.plans(recognitions, {});

/**
 * What the kit-driven register editor works out apart from the page: each entry's title column,
 * status column and flags, its drafts and records as read back from a written workbook, and the
 * plans its Write applies (goal alignment written together, so coverage reads the links).
 */
import { describe, expect, it } from "vitest";
import {
  ALIGNMENT,
  BUDGET,
  CHAMPIONS,
  CONCERNS,
  coverage,
  ENGAGEMENT_PLAN,
  FEEDBACK_LOG,
  FEEDBACK_REGISTER,
  GOALS,
  goalAlignmentPlans,
  IMPROVEMENT_LOG,
  MEETINGS,
  MILESTONES,
  OBJECTIVES,
  QUICK_WINS,
  quickWin,
  RECOGNITION_LOG,
  REPORT_AUDIENCES,
  SAMPLE_ALIGNMENT,
  SAMPLE_CONCERNS,
  SAMPLE_FEEDBACK,
  SAMPLE_GOALS,
  SAMPLE_OBJECTIVES,
  SAMPLE_QUICK_WINS,
  SUCCESS_STORIES,
  SUPPORT_SYSTEMS,
  TRAINING_OFFERS,
} from "../../core/index";
import { todaySerial } from "../../ui/panel/kpi-model";
import { EVALUATION_ENTRIES, PLAYBOOK_ENTRIES } from "../../ui/panel/register-editor-entries";
import {
  type EditorEntry,
  editorEntry,
  flagsOf,
  statusColumn,
  tableDrafts,
  tableRecords,
  titleColumn,
} from "../../ui/panel/register-editor-model";
import { MemoryWorkbook } from "../../ui/preview/memory-workbook";

const entryOf = (id: string) =>
  [...PLAYBOOK_ENTRIES, ...EVALUATION_ENTRIES].find((entry) => entry.id === id) as EditorEntry;

describe("the register editor's entries", () => {
  it("cover the playbook's registers and the feedback and improvement logs, each by its sheet's kind", () => {
    expect(PLAYBOOK_ENTRIES.map((entry) => entry.register)).toEqual([
      GOALS,
      OBJECTIVES,
      ALIGNMENT,
      ENGAGEMENT_PLAN,
      FEEDBACK_LOG,
      MEETINGS,
      QUICK_WINS,
      SUCCESS_STORIES,
      MILESTONES,
      CONCERNS,
      CHAMPIONS,
      RECOGNITION_LOG,
      BUDGET,
      TRAINING_OFFERS,
      SUPPORT_SYSTEMS,
    ]);
    expect(EVALUATION_ENTRIES.map((entry) => entry.register)).toEqual([
      FEEDBACK_REGISTER,
      REPORT_AUDIENCES,
      IMPROVEMENT_LOG,
    ]);
    for (const entry of [...PLAYBOOK_ENTRIES, ...EVALUATION_ENTRIES])
      expect(entry.id).toBe(entry.register.declaration.kind);
  });

  it("title a row by its widest required text, else its widest text, and find the status column", () => {
    expect(titleColumn(CONCERNS).id).toBe("concern");
    expect(titleColumn(QUICK_WINS).id).toBe("candidate");
    expect(titleColumn(ENGAGEMENT_PLAN).id).toBe("name");
    expect(titleColumn(FEEDBACK_REGISTER).id).toBe("comment");
    expect(titleColumn(IMPROVEMENT_LOG).id).toBe("finding");
    expect(statusColumn(CONCERNS)?.id).toBe("status");
    expect(statusColumn(GOALS)).toBeUndefined();
  });

  it("flag a row with its computed texts as the kernels give them: a shortlist is good news, an uncovered goal is not", () => {
    const wins = entryOf("quick-wins");
    const [shortlisted] = SAMPLE_QUICK_WINS.filter(
      (win) => QUICK_WINS.expected(win, {}).shortlist === "Shortlist",
    );
    expect(shortlisted).toBeDefined();
    expect(flagsOf(wins, shortlisted, wins.options(new Map()))).toEqual([{ label: "Shortlist", good: true }]);

    const goals = entryOf("goals");
    const options = goals.options(new Map([["alignment", SAMPLE_ALIGNMENT]]));
    const flagged = SAMPLE_GOALS.filter((goal) => flagsOf(goals, goal, options).length > 0).map(
      (goal) => goal.id,
    );
    // The flag is the kernel's: a goal whose links' strengths sum to 0.
    expect(flagged).toEqual(
      SAMPLE_GOALS.filter((goal) => coverage(SAMPLE_ALIGNMENT, "goal", goal.id) === 0).map((goal) => goal.id),
    );
    expect(flagged.length).toBeGreaterThan(0);
    expect(
      flagsOf(
        goals,
        SAMPLE_GOALS.find((goal) => goal.id === flagged[0]),
        options,
      ),
    ).toEqual([{ label: "No objective supports it", good: false }]);
  });

  it("offer a link's goal and objective from the ids the Goals and Objectives sheets hold", () => {
    const links = entryOf("alignment");
    const offered = links.suggestions?.(
      new Map<string, readonly unknown[]>([
        ["goals", SAMPLE_GOALS],
        ["objectives", SAMPLE_OBJECTIVES],
      ]),
    );
    expect(offered?.goal).toEqual(SAMPLE_GOALS.map((goal) => ({ value: goal.id, label: goal.goal })));
    expect(offered?.objective?.map((suggestion) => suggestion.value)).toEqual(
      SAMPLE_OBJECTIVES.map((objective) => objective.id),
    );
    expect(entryOf("goals").suggestions).toBeUndefined();
    expect(links.describe?.({ id: "A-001", goal: "G-01", objective: "O-02", strength: "3" })).toBe(
      "O-02 supports G-01: 3 of 3",
    );
  });

  it("judge an open concern overdue against today by default", () => {
    const concerns = entryOf("concerns");
    const options = concerns.options(new Map()) as { today: number };
    expect(options.today).toBe(todaySerial());
    const open = { ...(SAMPLE_CONCERNS[0] as (typeof SAMPLE_CONCERNS)[number]), status: "Open" as const };
    expect(flagsOf(concerns, { ...open, due: options.today - 1 }, options)).toEqual([
      { label: "Overdue", good: false },
    ]);
    expect(flagsOf(concerns, { ...open, due: options.today }, options)).toEqual([]);
  });

  it("write goals with the objectives and links read fresh, so the goals' coverage and the matrix read the links", () => {
    const goals = entryOf("goals");
    const companions = new Map<string, readonly unknown[]>([
      ["objectives", SAMPLE_OBJECTIVES],
      ["alignment", SAMPLE_ALIGNMENT],
    ]);
    expect(goals.plans(SAMPLE_GOALS, companions)).toEqual(
      goalAlignmentPlans(SAMPLE_GOALS, SAMPLE_OBJECTIVES, SAMPLE_ALIGNMENT),
    );
    const links = entryOf("alignment");
    const edited = SAMPLE_ALIGNMENT.slice(1);
    expect(
      links.plans(
        edited,
        new Map<string, readonly unknown[]>([
          ["goals", SAMPLE_GOALS],
          ["objectives", SAMPLE_OBJECTIVES],
        ]),
      ),
    ).toEqual(goalAlignmentPlans(SAMPLE_GOALS, SAMPLE_OBJECTIVES, edited));
  });

  it("read a written register back as drafts and records, without the summary beside it; a cell the parser refuses stays a draft with its problem", async () => {
    const workbook = new MemoryWorkbook();
    const feedback = entryOf("feedback");
    await workbook.applyAll(feedback.plans(SAMPLE_FEEDBACK, new Map()));
    workbook.setCell("Feedback", "D2", "12");
    const table = await workbook.readTable("feedback");
    const drafts = tableDrafts(FEEDBACK_REGISTER, table);
    expect(drafts.map((draft) => draft.values.id)).toEqual(SAMPLE_FEEDBACK.map((response) => response.id));
    const checked = FEEDBACK_REGISTER.validateDrafts(drafts, {});
    expect(checked.problems.get(drafts[0]?.uid as string)?.get("rating")).toBe(
      'Rating must be a whole number from 1 to 5, not "12"',
    );
    const read = tableRecords(FEEDBACK_REGISTER, table, {});
    expect(read.problems).toBe(1);
    expect(read.records.map((record) => (record as { id: string }).id)).toEqual(
      SAMPLE_FEEDBACK.slice(1).map((response) => response.id),
    );
    expect(tableDrafts(FEEDBACK_REGISTER, undefined)).toEqual([]);
  });

  it("make a one-line entry write the register's own plans with today's options", () => {
    const entry = editorEntry(QUICK_WINS, "Quick wins", "Scored candidates");
    const [win] = SAMPLE_QUICK_WINS;
    const plans = entry.plans([win], new Map());
    expect(plans.map((plan) => plan.kind)).toEqual(["quick-win-settings", "quick-wins"]);
    const score = plans[1]?.table?.rows[0]?.expected?.score;
    const { impact, visibility, confidence, effort, days } = win as Required<NonNullable<typeof win>>;
    expect(score).toBe(quickWin(impact, visibility, confidence, effort, days));
  });
});

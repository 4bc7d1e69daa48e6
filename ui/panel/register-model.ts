/**
 * The register as the panel holds it between reads and writes: the drafts, each row's check, which
 * rows are still quiet (added and not yet touched), what the workbook held at the last read or
 * write, and the edits (change, add, paste, delete with undo). Shared by every screen.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  type Cell,
  CHAMPION_THRESHOLD,
  type ConcernEntry,
  championScore,
  isChampion,
  openConcerns,
  type Stakeholder,
  type StakeholderMapOptions,
} from "../../core/index";
import { type DraftRow, draftsFromCells, type Field, newDraft, type RowCheck, rowChecker } from "./draft";
import type { WorkbookTask } from "./workbook-task";

/** Milliseconds of checking per render: enough for a keystroke's one row, short enough to keep typing smooth. */
const CHECK_SLICE = 40;

export interface RegisterModel {
  readonly drafts: readonly DraftRow[];
  /** Each draft's check; a draft without one is still being checked (see `pending`). */
  readonly checks: ReadonlyMap<string, RowCheck>;
  readonly pending: number;
  /** Problems of the row to show: none while the row is quiet. */
  problemsOf(uid: string): RowCheck["problems"];
  readonly shownProblems: number;
  readonly dirty: boolean;
  /** Stakeholders the workbook holds as of the last read or write, by id: writing without one removes it. */
  readonly known: ReadonlyMap<string, string>;
  edit(uid: string, field: Field, value: string): void;
  add(): DraftRow;
  addCells(cells: readonly (readonly Cell[])[], source: string): void;
  remove(uid: string): void;
  /** Replaces the drafts (and the concerns) with the workbook's, now the known state. */
  load(drafts: readonly DraftRow[], concerns?: readonly ConcernEntry[]): void;
  /** After a write: these records are what the workbook holds. */
  written(records: readonly Stakeholder[]): void;
  /** Shows every row's problems (before a write). */
  wake(): void;
  /** The concern register as last read: the Champion column's rule reads it. */
  readonly concerns: readonly ConcernEntry[];
  /** A checked row's champion score and whether it is shown as a champion; undefined while it has problems. */
  championOf(uid: string): ChampionStanding | undefined;
}

/** How a stakeholder stands as a champion, as the Stakeholders sheet's Champion column says. */
export interface ChampionStanding {
  readonly score: number;
  readonly champion: boolean;
  /** Their open high-severity concerns: any keeps them from being shown as a champion. */
  readonly openHigh: number;
}

export function useRegister(options: StakeholderMapOptions, task: WorkbookTask): RegisterModel {
  const [drafts, setDrafts] = useState<readonly DraftRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const [quiet, setQuiet] = useState<ReadonlySet<string>>(new Set());
  const [concerns, setConcerns] = useState<readonly ConcernEntry[]>([]);
  // The drafts as the latest edit left them, so quick successive edits never work on a stale list.
  const latest = useRef(drafts);
  latest.current = drafts;
  const checker = useMemo(() => rowChecker(options), [options]);
  // Checks run in slices of CHECK_SLICE ms; while some wait, the next slice follows the render.
  const [slices, setSlices] = useState(0);
  const { checks, pending } = useMemo(
    () => checker(drafts, performance.now() + CHECK_SLICE),
    [checker, drafts, slices],
  );
  useEffect(() => {
    if (pending === 0) return;
    const next = setTimeout(() => setSlices((count) => count + 1), 0);
    return () => clearTimeout(next);
  }, [pending, slices]);
  const problemsOf = (uid: string) => (quiet.has(uid) ? undefined : checks.get(uid)?.problems);
  const championOf = (uid: string): ChampionStanding | undefined => {
    const record = checks.get(uid)?.record;
    if (!record) return undefined;
    const score = championScore(record.interest, record.influence, record.currentEngagement, options);
    const openHigh = openConcerns(record.id, concerns, "High");
    return {
      score,
      openHigh,
      champion: isChampion(score, openHigh, options.championThreshold ?? CHAMPION_THRESHOLD),
    };
  };
  let shownProblems = 0;
  for (const [uid, check] of checks)
    if (check.problems && !quiet.has(uid)) shownProblems += check.problems.size;

  const change = (next: readonly DraftRow[]) => {
    latest.current = next;
    setDrafts(next);
    setDirty(true);
  };
  const remove = (uid: string) => {
    const before = latest.current;
    const index = before.findIndex((draft) => draft.uid === uid);
    const removed = before[index];
    if (!removed) return;
    change(before.filter((draft) => draft.uid !== uid));
    const name = removed.values.name.trim() || removed.values.id;
    task.report({
      tone: "info",
      text: `Deleted ${name}. The workbook keeps them until you write.`,
      undo: {
        label: `Undo delete`,
        run: () => {
          const now = latest.current;
          if (now.some((draft) => draft.uid === uid)) return;
          change([...now.slice(0, index), removed, ...now.slice(index)]);
          task.report({ tone: "success", text: `${name} is back.` });
        },
      },
    });
  };
  return {
    drafts,
    checks,
    pending,
    problemsOf,
    shownProblems,
    dirty,
    known,
    edit(uid, field, value) {
      if (quiet.has(uid)) setQuiet(new Set([...quiet].filter((candidate) => candidate !== uid)));
      change(
        latest.current.map((draft) =>
          draft.uid === uid ? { ...draft, values: { ...draft.values, [field]: value } } : draft,
        ),
      );
    },
    add() {
      const draft = newDraft(latest.current);
      setQuiet(new Set([...quiet, draft.uid]));
      change([...latest.current, draft]);
      return draft;
    },
    addCells(cells, source) {
      const added = draftsFromCells(cells, latest.current);
      if (added.length === 0) {
        task.report({ tone: "warning", text: `Nothing to add from the ${source}.` });
        return;
      }
      change([...latest.current, ...added]);
      const wrong = added.filter((draft) => checker([draft]).checks.get(draft.uid)?.problems).length;
      task.report({
        tone: wrong > 0 ? "warning" : "success",
        text: `Added ${added.length} row${added.length === 1 ? "" : "s"} from the ${source}${wrong > 0 ? `; ${wrong} need fixing` : ""}.`,
      });
    },
    remove,
    concerns,
    championOf,
    load(next, concernsRead = []) {
      setConcerns(concernsRead);
      latest.current = next;
      setDrafts(next);
      setQuiet(new Set());
      setKnown(new Map(next.map((draft) => [draft.values.id, draft.values.name])));
      setDirty(false);
    },
    written(records) {
      setKnown(new Map(records.map((record) => [record.id, record.name])));
      setDirty(false);
    },
    wake() {
      setQuiet(new Set());
    },
  };
}

/**
 * The one place the panel talks to the workbook: every read and write runs as a task, one at a
 * time, with what it is doing (busy, progress) and how it ended (result, error) for the status
 * area. Screens hand a task their work; none repeats the busy/error loop.
 */
import { useRef, useState } from "preact/hooks";
import type { ApplyReport, Cell, SheetPlan } from "../../core/index";
import type { TableSnapshot, WorkbookPort } from "../workbook-port";

export interface Progress {
  readonly label: string;
  readonly step: number;
  readonly steps: number;
}

export interface Result {
  readonly tone: "info" | "success" | "warning";
  readonly text: string;
  readonly details?: readonly string[];
  /** A way back from what was just done (Undo), shown beside the message. */
  readonly undo?: { readonly label: string; readonly run: () => void };
}

/** What a task's work may do: say how far it is, and reach the workbook through the port. */
export interface TaskIO {
  progress(label: string, step: number, steps: number): void;
  read(kind: string): Promise<TableSnapshot | undefined>;
  apply(plans: readonly SheetPlan[]): Promise<ApplyReport[]>;
  readSelection?(): Promise<Cell[][]>;
}

export interface WorkbookTask {
  readonly busy: boolean;
  readonly progress?: Progress;
  readonly result?: Result;
  readonly error?: string;
  /** Runs `work` unless a task is running; its failure becomes `error`, named by `label`. */
  run<T>(label: string, work: (io: TaskIO) => Promise<T>): Promise<T | undefined>;
  /** Shows a result that needed no workbook call (rows pasted, a row deleted). */
  report(result: Result | undefined): void;
  /** Clears the result and the error from the status area. */
  dismiss(): void;
}

export function useWorkbookTask(port: WorkbookPort): WorkbookTask {
  const [progress, setProgress] = useState<Progress | undefined>();
  const [result, setResult] = useState<Result | undefined>();
  const [error, setError] = useState<string | undefined>();
  const running = useRef(false);
  const io: TaskIO = {
    progress: (label, step, steps) => setProgress({ label, step, steps }),
    read: (kind) => port.readTable(kind),
    apply: (plans) => port.applyAll(plans),
    ...(port.readSelection ? { readSelection: () => (port.readSelection as () => Promise<Cell[][]>)() } : {}),
  };
  return {
    busy: progress !== undefined,
    progress,
    result,
    error,
    async run(label, work) {
      if (running.current) return undefined;
      running.current = true;
      setResult(undefined);
      setError(undefined);
      setProgress({ label: `${label}…`, step: 0, steps: 1 });
      try {
        return await work(io);
      } catch (failure) {
        setError(`${label} failed: ${failure instanceof Error ? failure.message : String(failure)}`);
        return undefined;
      } finally {
        running.current = false;
        setProgress(undefined);
      }
    },
    report(next) {
      setError(undefined);
      setResult(next);
    },
    dismiss() {
      setError(undefined);
      setResult(undefined);
    },
  };
}

import type { Cell, SheetMarker } from "../core/index";

/**
 * A workbook as plain data, handed from one port to another (an .xlsx file opened into the
 * preview's in-page workbook). A cell whose `textCells` flag is set holds text even when it reads
 * like a formula ("=HYPERLINK(…)" typed as a name); other strings beginning with "=" are formulas.
 */
export interface WorkbookContents {
  readonly sheets: readonly {
    readonly name: string;
    readonly cells: readonly (readonly Cell[])[];
    readonly textCells: readonly (readonly boolean[])[];
    readonly marker?: SheetMarker;
    readonly hidden?: boolean;
  }[];
  /** Workbook names and what they refer to ("'Stakeholders'!$B$2:$B$16"). */
  readonly names: Readonly<Record<string, string>>;
}

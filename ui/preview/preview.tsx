/**
 * The preview host (dev only): the panel beside a spreadsheet view of an in-page workbook that a
 * real formula engine computes, loaded with the embedded sample. `?theme=google` shows the Sheets
 * look (and the sidebar's 300 px); `?width=300|350|450` sets the panel's width, as the page's
 * control does; `?empty` starts from an empty workbook.
 */
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { type Cell, type SheetPlan, stakeholderMap } from "../../core/index";
import { mountPanel } from "../mount";
import type { Theme } from "../panel/app";
import type { WorkbookPort } from "../workbook-port";
import { MemoryWorkbook } from "./memory-workbook";
import previewStyles from "./preview.css";
import { SAMPLE_STAKEHOLDERS, sampleEvaluationPlans } from "./sample";
import { type Selection, SheetView } from "./sheet-view";

const params = new URLSearchParams(location.search);
const theme: Theme = params.get("theme") === "google" ? "google" : "fluent";
const PANEL_WIDTHS = ["300", "350", "450"];

/** The panel's width: the URL's, else the host's own (Sheets 300 px, Excel 350 px); the control keeps the URL in step. */
function setUpWidthControl() {
  const control = document.getElementById("panel-width") as HTMLSelectElement;
  const apply = (width: string) => {
    document.documentElement.style.setProperty("--panel-width", `${width}px`);
    control.value = width;
  };
  const asked = params.get("width") ?? "";
  apply(PANEL_WIDTHS.includes(asked) ? asked : theme === "google" ? "300" : "350");
  control.addEventListener("change", () => {
    apply(control.value);
    params.set("width", control.value);
    history.replaceState(null, "", `?${params}`);
  });
}
let workbook = new MemoryWorkbook();
/** The plans last written in this page, by kind: "Download .xlsx" writes BuyIn's sheets from them. */
const written = new Map<string, SheetPlan>();
async function write(plans: readonly SheetPlan[]) {
  const reports = await workbook.applyAll(plans);
  for (const plan of plans) written.set(plan.kind, plan);
  return reports;
}

/** The .xlsx export (ExcelJS, about 1 MB): fetched the first time it is asked for, never before. */
type XlsxExport = typeof import("../../xlsx/toolkit-file");
let xlsxExport: Promise<XlsxExport> | undefined;
const loadXlsxExport = () => {
  xlsxExport ??= import(
    /* the module is built beside this one */ new URL("xlsx-export.js", document.baseURI).href
  );
  return xlsxExport;
};

/** "Download .xlsx" and "Open a workbook…": the workbook as it stands, and an .xlsx merged in. */
function setUpFileControls() {
  const status = document.getElementById("file-status") as HTMLElement;
  const say = (text: string) => {
    status.textContent = text;
  };
  (document.getElementById("download-xlsx") as HTMLButtonElement).addEventListener("click", async () => {
    say("Preparing the file…");
    try {
      const xlsx = await loadXlsxExport();
      await xlsx.downloadPreview([...written.values()], workbook.toContents());
      say("Downloaded buyin-toolkit.xlsx.");
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    }
  });
  const input = document.getElementById("open-xlsx") as HTMLInputElement;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    say(`Opening ${file.name}…`);
    try {
      const xlsx = await loadXlsxExport();
      // Read whole before anything changes: a refused file leaves the preview as it was.
      const contents = await xlsx.openContents(file);
      workbook = MemoryWorkbook.fromContents(contents);
      written.clear();
      changed();
      say(`Opened ${file.name}. Refresh the panel to read it; Write merges the panel's changes into it.`);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    } finally {
      input.value = "";
    }
  });
}
const listeners = new Set<() => void>();
let selection: Selection | undefined;
const changed = () => {
  for (const listener of listeners) listener();
};

/** The panel's port: the in-page workbook, telling the view to redraw after each write. */
const port: WorkbookPort = {
  async applyAll(plans) {
    const reports = await write(plans);
    changed();
    return reports;
  },
  readTable: (kind) => workbook.readTable(kind),
  async readSelection(): Promise<Cell[][]> {
    if (!selection) return [];
    const { sheet, anchor, focus } = selection;
    const grid = workbook.displayGrid(sheet);
    const rows: Cell[][] = [];
    for (let row = Math.min(anchor.row, focus.row); row <= Math.max(anchor.row, focus.row); row++) {
      const cells: Cell[] = [];
      for (
        let column = Math.min(anchor.column, focus.column);
        column <= Math.max(anchor.column, focus.column);
        column++
      ) {
        cells.push(grid[row - 1]?.[column - 1] ?? null);
      }
      rows.push(cells);
    }
    return rows;
  },
};

// The browser tests' way to the port (tests/e2e/toolkit-walk.test.ts), to build the toolkit as one applyAll.
(window as unknown as { buyinPreviewPort: WorkbookPort }).buyinPreviewPort = port;

function WorkbookPane() {
  const [, setVersion] = useState(0);
  const [sheet, setSheet] = useState(() =>
    workbook.sheetNames().includes("Stakeholders") ? "Stakeholders" : (workbook.sheetNames()[0] ?? ""),
  );
  useEffect(() => {
    const redraw = () => {
      setVersion((version) => version + 1);
      setSheet((current) =>
        workbook.sheetNames().includes(current) ? current : (workbook.sheetNames()[0] ?? ""),
      );
    };
    listeners.add(redraw);
    return () => listeners.delete(redraw);
  }, []);
  return (
    <SheetView
      workbook={workbook}
      sheet={sheet}
      selection={selection}
      onSheet={setSheet}
      onSelect={(next) => {
        selection = next;
        changed();
      }}
      onEdit={(name, address, content) => {
        workbook.setCell(name, address, content);
        changed();
      }}
    />
  );
}

async function start() {
  setUpWidthControl();
  setUpFileControls();
  const style = document.createElement("style");
  style.textContent = previewStyles;
  document.head.append(style);
  if (!params.has("empty")) {
    // A colleague's own notes sheet, which BuyIn must never touch.
    workbook.addForeignSheet("Notes", [
      ["Kick-off with ops leads on 3 March"],
      ["Budget holder: Marcus Webb (CFO)"],
    ]);
    await write([...stakeholderMap(SAMPLE_STAKEHOLDERS), ...sampleEvaluationPlans()]);
  }
  render(<WorkbookPane />, document.getElementById("workbook") as HTMLElement);
  mountPanel(document.getElementById("panel") as HTMLElement, { port, theme });
  document.body.dataset.ready = "true";
  performance.mark("buyin-preview-ready");
}

void start();

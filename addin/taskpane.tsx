/**
 * The Excel task pane: the shared panel, in Fluent's look, on ExcelWorkbook. Runs in the shared
 * runtime beside the custom functions (taskpane.html loads functions.js first).
 */
import { mountPanel } from "../ui/mount";
import { ExcelWorkbook } from "./excel-workbook";

Office.onReady(() => {
  mountPanel(document.getElementById("panel") as HTMLElement, { port: new ExcelWorkbook(), theme: "fluent" });
  document.body.dataset.ready = "true";
});

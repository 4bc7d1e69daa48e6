/**
 * The Excel task pane: the shared panel, in Fluent's look, on ExcelWorkbook. Runs in the shared
 * runtime beside the custom functions (taskpane.html loads functions.js first).
 */
import { mountPanel } from "../ui/mount";
import { ExcelWorkbook } from "./excel-workbook";

/** ExcelWorkbook's newest API: data validation (ExcelApi 1.8). */
const REQUIRED_API = "1.8";

Office.onReady(() => {
  const root = document.getElementById("panel") as HTMLElement;
  const supported = Office.context?.requirements?.isSetSupported("ExcelApi", REQUIRED_API) ?? true;
  if (!supported) {
    // The custom functions still work; only the panel needs the newer Excel.
    root.textContent = `BuyIn's panel needs a newer Excel (ExcelApi ${REQUIRED_API}: Excel 2019, Microsoft 365 or Excel on the web). The BUYIN functions work in this version.`;
  } else mountPanel(root, { port: new ExcelWorkbook(), theme: "fluent" });
  document.body.dataset.ready = "true";
});

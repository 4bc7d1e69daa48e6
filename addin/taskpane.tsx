/**
 * The Excel task pane: the shared panel, in Fluent's look, on ExcelWorkbook. Runs in the shared
 * runtime beside the custom functions (taskpane.html loads functions.js first). Opened anywhere
 * but Excel, it says where it belongs and how to get it there.
 */
import { mountPanel } from "../ui/mount";
import { ExcelWorkbook } from "./excel-workbook";

/** ExcelWorkbook's newest API: data validation (ExcelApi 1.8). */
const REQUIRED_API = "1.8";

const root = document.getElementById("panel") as HTMLElement;

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement("p");
  element.textContent = text;
  return element;
}

/** The page outside Excel: a plain browser, or office.js not loaded at all (offline, blocked). */
function showOutsideExcel(reason: string): void {
  const heading = document.createElement("h1");
  heading.textContent = "BuyIn runs inside Excel";
  const reference = document.createElement("a");
  reference.href = "help.html";
  reference.textContent = "BuyIn’s function reference";
  const links = paragraph("Meanwhile, read ");
  links.append(reference, ".");
  root.replaceChildren(
    heading,
    paragraph(`${reason} It is BuyIn’s task pane, which Excel opens beside the BUYIN functions.`),
    paragraph(
      "To use it, sideload BuyIn: in Excel on the web, open a workbook and choose Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, then upload BuyIn’s manifest.xml (in Excel on Windows or Mac, follow Microsoft’s “Sideload Office Add-ins for testing”). Then press Open BuyIn on the Home tab, or type =BUYIN. in a cell.",
    ),
    links,
  );
}

if (typeof Office === "undefined") {
  showOutsideExcel("Office.js, which connects this page to Excel, did not load.");
  document.body.dataset.ready = "true";
} else {
  Office.onReady((info) => {
    // office.js resolves onReady with host null in a plain browser (office.debug.js 1909-1934 in @microsoft/office-js).
    if (String(info.host) !== "Excel") showOutsideExcel("This page is open outside Excel.");
    else if (!(Office.context?.requirements?.isSetSupported("ExcelApi", REQUIRED_API) ?? true)) {
      // The custom functions still work; only the panel needs the newer Excel.
      root.textContent = `BuyIn's panel needs a newer Excel (ExcelApi ${REQUIRED_API}: Excel 2019, Microsoft 365 or Excel on the web). The BUYIN functions work in this version.`;
    } else {
      root.replaceChildren();
      root.classList.remove("outside-host");
      mountPanel(root, { port: new ExcelWorkbook(), theme: "fluent", helpUrl: "help.html" });
    }
    document.body.dataset.ready = "true";
  });
}

/**
 * The power/interest map of the register's valid rows, on the workbook's scale and threshold, and
 * its export for a slide: the same SVG as a file, or as a PNG at three times the size.
 */
import { useRef } from "preact/hooks";
import type { Stakeholder } from "../../core/index";
import type { Panel } from "./app";
import { Icon } from "./icons";
import { PowerInterestGrid } from "./power-interest-grid";

const PNG_SCALE = 3;

/** The chart as a standalone SVG file's text. */
function svgFile(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , width, height] = (svg.getAttribute("viewBox") ?? "0 0 320 260").split(" ").map(Number);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  return new XMLSerializer().serializeToString(copy);
}

function download(name: string, blob: Blob): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function pngOf(svg: SVGSVGElement): Promise<Blob> {
  const [, , width = 320, height = 260] = (svg.getAttribute("viewBox") ?? "").split(" ").map(Number);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgFile(svg))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  canvas.getContext("2d")?.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the browser made no PNG"))),
      "image/png",
    ),
  );
}

export function MapScreen({ panel }: { panel: Panel }) {
  const { register, settings, task } = panel;
  const chart = useRef<HTMLDivElement>(null);
  const people: Stakeholder[] = [];
  let left = 0;
  for (const check of register.checks.values()) {
    if (check.record) people.push(check.record);
    else left += 1;
  }
  const svg = () => chart.current?.querySelector("svg") as SVGSVGElement;
  const exportPng = () =>
    task.run("Exporting the map", async () => {
      download("stakeholder-map.png", await pngOf(svg()));
      task.report({ tone: "success", text: "Saved stakeholder-map.png." });
    });
  return (
    <section class="screen" aria-labelledby="map-heading">
      <h2 id="map-heading">Power/interest map</h2>
      <div ref={chart}>
        <PowerInterestGrid people={people} scaleMax={settings.scaleMax} threshold={settings.threshold} />
      </div>
      {left > 0 ? (
        <p class="muted">
          {`${left} stakeholder${left === 1 ? " is" : "s are"} not on the map until their problems are fixed on the Stakeholders screen.`}
        </p>
      ) : null}
      <div class="toolbar" role="toolbar" aria-label="Export the map">
        <button type="button" onClick={() => void exportPng()} disabled={task.busy}>
          <Icon name="import" />
          PNG for a slide
        </button>
        <button
          type="button"
          onClick={() => {
            download("stakeholder-map.svg", new Blob([svgFile(svg())], { type: "image/svg+xml" }));
            task.report({ tone: "success", text: "Saved stakeholder-map.svg." });
          }}
          disabled={task.busy}
        >
          <Icon name="import" />
          SVG
        </button>
      </div>
    </section>
  );
}

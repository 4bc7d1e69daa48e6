/**
 * A plan's chart drawn in the preview as SVG, from the chart's x and y ranges as the engine
 * computes them: a scatter gets one point per row whose x and y are both numbers (a host's chart
 * skips the #N/A of a person off the map, and so does this), with scale marks on both axes, and
 * each point labelled from the chart's `labels` range as Excel labels it (names on the map's
 * chart; shortened or left out where they would collide, as on the panel's grid). A chart with
 * `series` is a line per series over the x range's cells as categories (a period's blank is a gap
 * in the line, as both hosts draw it), with a legend.
 */
import { type Cell, type ChartSeries, parseRange, type ResolvedChart } from "../../core/index";
import { placeLabels } from "../panel/grid-labels";

const WIDTH = 320;
const HEIGHT = 240;
const MARGIN = { left: 40, right: 12, top: 28, bottom: 36 };

/** The cells of a one-column or one-row range, in order, as `value` reads them. */
function rangeValues(range: string, value: (row: number, column: number) => Cell): Cell[] {
  const { row, column, rows, columns } = parseRange(range);
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) cells.push(value(row + r, column + c));
  return cells;
}

/** Whole-number marks from 0 or 1 to the largest value (or the scale's top), at most about ten of them. */
function marks(values: readonly number[]): number[] {
  const low = Math.min(1, ...values);
  const high = Math.max(low + 1, ...values);
  const step = Math.max(1, Math.ceil((high - low) / 10));
  const found: number[] = [];
  for (let mark = Math.floor(low); mark <= Math.ceil(high); mark += step) found.push(mark);
  return found;
}

/** Line colours of the series, in order (a colour-blind-safe palette, Okabe and Ito 2008). */
const SERIES_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

function SeriesChart({
  chart,
  series,
  value,
}: {
  chart: ResolvedChart;
  series: readonly ChartSeries[];
  value: (row: number, column: number) => Cell;
}) {
  const categories = rangeValues(chart.x, value);
  const lines = series.map((each) => ({ name: each.name, values: rangeValues(each.values, value) }));
  const numbers = lines.flatMap((line) =>
    line.values.filter((cell): cell is number => typeof cell === "number"),
  );
  const yMarks = marks(numbers.length > 0 ? [Math.min(0, ...numbers), ...numbers] : [0]);
  const yLow = yMarks[0] as number;
  const yHigh = yMarks[yMarks.length - 1] as number;
  const legendHeight = 14 * lines.length;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const left = (index: number) => MARGIN.left + ((index + 0.5) / Math.max(1, categories.length)) * plotWidth;
  const top = (y: number) => MARGIN.top + plotHeight - ((y - yLow) / (yHigh - yLow || 1)) * plotHeight;
  const points = lines.reduce(
    (sum, line) => sum + line.values.filter((cell) => typeof cell === "number").length,
    0,
  );
  return (
    <figure class="sheet-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + legendHeight}`}
        width={WIDTH}
        height={HEIGHT + legendHeight}
        role="img"
        aria-label={`${chart.title}: ${lines.length} series, ${points} points, ${chart.yTitle} by ${chart.xTitle}`}
        data-series={lines.length}
        data-points={points}
      >
        <text x={WIDTH / 2} y={16} text-anchor="middle" class="chart-title">
          {chart.title}
        </text>
        {yMarks.map((mark) => (
          <g key={`y${mark}`}>
            <line
              class="chart-gridline"
              x1={MARGIN.left}
              x2={MARGIN.left + plotWidth}
              y1={top(mark)}
              y2={top(mark)}
            />
            <text x={MARGIN.left - 6} y={top(mark) + 4} text-anchor="end">
              {mark}
            </text>
          </g>
        ))}
        {categories.map((category, index) => (
          <text key={`x${index}`} x={left(index)} y={top(yLow) + 14} text-anchor="middle">
            {category === null ? "" : String(category)}
          </text>
        ))}
        <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 4} text-anchor="middle" class="chart-axis">
          {chart.xTitle}
        </text>
        {lines.map((line, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
          // Runs of consecutive numbers: a blank period breaks the line.
          const runs: string[][] = [[]];
          line.values.forEach((cell, at) => {
            if (typeof cell === "number")
              (runs[runs.length - 1] as string[]).push(`${left(at)},${top(cell)}`);
            else if ((runs[runs.length - 1] as string[]).length > 0) runs.push([]);
          });
          return (
            <g key={line.name} class="chart-series" data-series-name={line.name}>
              {runs
                .filter((run) => run.length > 1)
                .map((run) => (
                  <polyline
                    key={run[0]}
                    points={run.join(" ")}
                    fill="none"
                    stroke={colour}
                    stroke-width={2}
                  />
                ))}
              {line.values.map((cell, at) =>
                typeof cell === "number" ? (
                  <circle key={at} cx={left(at)} cy={top(cell)} r={3} fill={colour} data-y={cell} />
                ) : null,
              )}
              <rect x={MARGIN.left} y={HEIGHT + 14 * index + 2} width={10} height={10} fill={colour} />
              <text x={MARGIN.left + 16} y={HEIGHT + 14 * index + 11}>
                {line.name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{`Chart at ${chart.anchor}: ${chart.type} of ${lines.map((line) => line.name).join(", ")} by ${chart.xTitle} (${chart.x}).`}</figcaption>
    </figure>
  );
}

export function SheetChart({
  chart,
  value,
}: {
  chart: ResolvedChart;
  value: (row: number, column: number) => Cell;
}) {
  if (chart.series) return <SeriesChart chart={chart} series={chart.series} value={value} />;
  const xs = rangeValues(chart.x, value);
  const ys = rangeValues(chart.y, value);
  const texts = chart.labels ? rangeValues(chart.labels, value) : [];
  const points = xs.flatMap((x, index) => {
    const y = ys[index];
    const text = texts[index];
    return typeof x === "number" && typeof y === "number"
      ? [{ x, y, cell: index, label: text === null || text === undefined ? "" : String(text) }]
      : [];
  });
  const xMarks = marks(points.map((point) => point.x));
  const yMarks = marks(points.map((point) => point.y));
  const span = (list: number[]) => [list[0] as number, list[list.length - 1] as number] as const;
  const [xLow, xHigh] = span(xMarks);
  const [yLow, yHigh] = span(yMarks);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const left = (x: number) => MARGIN.left + ((x - xLow) / (xHigh - xLow || 1)) * plotWidth;
  const top = (y: number) => MARGIN.top + plotHeight - ((y - yLow) / (yHigh - yLow || 1)) * plotHeight;
  const labels = placeLabels(
    points.map((point) => ({ x: left(point.x), y: top(point.y), name: point.label })),
    // Points on the plot's edge (a score of 1 or the top) keep room for their names, as a host's chart does.
    { left: MARGIN.left, top: MARGIN.top - 8, right: WIDTH - 2, bottom: MARGIN.top + plotHeight + 6 },
  );
  return (
    <figure class="sheet-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`${chart.title}: ${points.length} points, ${chart.yTitle} against ${chart.xTitle}`}
        data-points={points.length}
      >
        <text x={WIDTH / 2} y={16} text-anchor="middle" class="chart-title">
          {chart.title}
        </text>
        {xMarks.map((mark) => (
          <g key={`x${mark}`}>
            <line class="chart-gridline" x1={left(mark)} x2={left(mark)} y1={MARGIN.top} y2={top(yLow)} />
            <text x={left(mark)} y={top(yLow) + 14} text-anchor="middle">
              {mark}
            </text>
          </g>
        ))}
        {yMarks.map((mark) => (
          <g key={`y${mark}`}>
            <line class="chart-gridline" x1={MARGIN.left} x2={left(xHigh)} y1={top(mark)} y2={top(mark)} />
            <text x={MARGIN.left - 6} y={top(mark) + 4} text-anchor="end">
              {mark}
            </text>
          </g>
        ))}
        <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 4} text-anchor="middle" class="chart-axis">
          {chart.xTitle}
        </text>
        <text
          x={12}
          y={MARGIN.top + plotHeight / 2}
          text-anchor="middle"
          class="chart-axis"
          transform={`rotate(-90 12 ${MARGIN.top + plotHeight / 2})`}
        >
          {chart.yTitle}
        </text>
        {points.map((point) => (
          <circle
            key={point.cell}
            class="chart-point"
            cx={left(point.x)}
            cy={top(point.y)}
            r={4}
            data-x={point.x}
            data-y={point.y}
          />
        ))}
        {labels.map((label, index) =>
          label ? (
            <text
              key={`label${points[index]?.cell}`}
              class="chart-label"
              x={label.x}
              y={label.y}
              text-anchor={label.anchor}
              font-size={9}
            >
              {label.text}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>{`Chart at ${chart.anchor}: ${chart.type} of ${chart.yTitle} (${chart.y}) against ${chart.xTitle} (${chart.x}).`}</figcaption>
    </figure>
  );
}

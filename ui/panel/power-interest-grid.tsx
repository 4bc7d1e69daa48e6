/**
 * Mendelow's power/interest grid in SVG: interest across, power up, on the workbook's scale with
 * a mark at each score, split at its threshold; one dot per stakeholder, redrawn as scores change.
 * People on the same scores fan out around the point so none hides.
 */
import { QUADRANTS, quadrant, type Stakeholder } from "../../core/index";

const SIZE = { width: 320, height: 250, left: 30, top: 8, right: 8, bottom: 36 };
const QUADRANT_AT = {
  "Keep satisfied": { x: 0, y: 0 },
  "Manage closely": { x: 1, y: 0 },
  Monitor: { x: 0, y: 1 },
  "Keep informed": { x: 1, y: 1 },
} as const;

export const quadrantClass = (name: string) => `quadrant-${name.replace(" ", "-").toLowerCase()}`;

export function PowerInterestGrid({
  people,
  scaleMax,
  threshold,
}: {
  people: readonly Stakeholder[];
  scaleMax: number;
  threshold: number;
}) {
  const plotWidth = SIZE.width - SIZE.left - SIZE.right;
  const plotHeight = SIZE.height - SIZE.top - SIZE.bottom;
  const x = (score: number) => SIZE.left + ((score - 0.5) / scaleMax) * plotWidth;
  const y = (score: number) => SIZE.top + plotHeight - ((score - 0.5) / scaleMax) * plotHeight;
  // The split sits half a point below the threshold (whole scores): a score equal to it counts as high.
  const split = Math.ceil(threshold) - 0.5;
  const midX = x(split);
  const midY = y(split);
  const scale = { scaleMax, threshold };
  const seen = new Map<string, number>();
  const counts = new Map<string, number>(QUADRANTS.map((name) => [name, 0]));
  for (const person of people) {
    const name = quadrant(person.power, person.interest, scale);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const marks = Array.from({ length: scaleMax }, (_, index) => index + 1);
  return (
    <figure class="grid-figure">
      <svg
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-labelledby="grid-title grid-desc"
        class="power-interest-grid"
        data-scale-max={scaleMax}
      >
        <title id="grid-title">{`Power/interest grid, scores 1 to ${scaleMax}, high from ${threshold}`}</title>
        <desc id="grid-desc">{QUADRANTS.map((name) => `${name} ${counts.get(name)}`).join(", ")}</desc>
        <rect x={SIZE.left} y={SIZE.top} width={plotWidth} height={plotHeight} class="grid-frame" />
        <line x1={midX} x2={midX} y1={SIZE.top} y2={SIZE.top + plotHeight} class="grid-divider" />
        <line x1={SIZE.left} x2={SIZE.left + plotWidth} y1={midY} y2={midY} class="grid-divider" />
        {marks.map((mark) => [
          <text
            key={`x${mark}`}
            x={x(mark)}
            y={SIZE.top + plotHeight + 11}
            class="grid-mark"
            text-anchor="middle"
          >
            {mark}
          </text>,
          <text key={`y${mark}`} x={SIZE.left - 4} y={y(mark) + 3} class="grid-mark" text-anchor="end">
            {mark}
          </text>,
        ])}
        {QUADRANTS.map((name) => {
          const at = QUADRANT_AT[name];
          return (
            <text
              key={name}
              x={at.x === 0 ? SIZE.left + 4 : midX + 4}
              y={at.y === 0 ? SIZE.top + 12 : midY + 12}
              class="grid-quadrant"
            >
              {`${name} (${counts.get(name)})`}
            </text>
          );
        })}
        <text x={SIZE.left + plotWidth / 2} y={SIZE.height - 6} class="grid-axis" text-anchor="middle">
          Interest →
        </text>
        <text
          x={10}
          y={SIZE.top + plotHeight / 2}
          class="grid-axis"
          text-anchor="middle"
          transform={`rotate(-90 10 ${SIZE.top + plotHeight / 2})`}
        >
          Power →
        </text>
        {people.map((person) => {
          const spot = `${person.power}:${person.interest}`;
          const order = seen.get(spot) ?? 0;
          seen.set(spot, order + 1);
          const angle = order * 2.4;
          const radius = order === 0 ? 0 : 4 + 2 * Math.sqrt(order);
          return (
            <circle
              key={person.id}
              cx={x(person.interest) + radius * Math.cos(angle)}
              cy={y(person.power) + radius * Math.sin(angle)}
              r={4.5}
              class={`grid-dot ${quadrantClass(quadrant(person.power, person.interest, scale))}`}
              data-name={person.name}
            >
              <title>{`${person.name}: power ${person.power}, interest ${person.interest}`}</title>
            </circle>
          );
        })}
      </svg>
    </figure>
  );
}
